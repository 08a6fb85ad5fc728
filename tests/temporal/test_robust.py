"""The date engine never raises, never invents offsets, and stays fast on hostile text.

RELIABILITY.md §D1 (hypothesis, 500 examples, 1 s deadline per call) and §D2
(regression inputs from the history of date parsers).
"""

from __future__ import annotations

import base64
import random
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import extract
from timeline.temporal.batch import languages

TYPES = {"DATE", "TIME", "DURATION", "SET"}

NEWS = [
    "Le président Volodymyr Zelensky assurait il y a plusieurs jours que des soldats se préparaient.",
    "Et ce vendredi, ce sont les services de renseignements sud-coréens qui évoquent un envoi imminent.",
    "Un accord de défense mutuelle a été signé le 19 juin 2024 à Pyongyang.",
    "Le Conseil de sécurité se réunira lundi prochain à 15 h 30 pour examiner la résolution 2231.",
    "Dans la nuit de mercredi à jeudi, 23 drones ont été abattus au-dessus de la région de Kiev.",
    "Le ministre restera sur place tout le week-end, avant un sommet prévu mi-novembre.",
    "Deux jours plus tard, l'armée annonçait la reprise de trois villages près de Koursk.",
    "Au premier semestre 2025, l'aide européenne devrait atteindre 50 milliards d'euros.",
    "Entre le 8 et le 13 octobre, 12.000 hommes auraient été acheminés vers Vladivostok.",
    "On June 19, 2024, Vladimir Putin and Kim Jong Un signed a mutual defence treaty.",
    "Last Friday, the Pentagon said that about 3,000 troops had arrived in eastern Russia.",
    "Talks are expected to resume in the coming weeks, two days after the vote at 2:30 pm.",
    "The sanctions package, adopted in late 2023, was extended until mid-October.",
]


def _dcts():
    return st.dates(date(1950, 1, 1), date(2090, 12, 31)).map(date.isoformat)


def _check(text: str, dct: str, lang: str, prefer: str | None) -> None:
    mentions = extract(text, dct, lang=lang, prefer=prefer)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.type in TYPES
        assert isinstance(m.value, str) and m.value
        if m.earliest is not None and m.latest is not None:
            assert m.earliest <= m.latest, m
        if m.type in ("DATE", "TIME"):
            assert m.earliest is not None and m.latest is not None, m


def _perturbed(words: list[str], rnd: random.Random) -> str:
    """Shuffled, cut, doubled and garbled news words: a tagger must not trip on any of it."""
    words = list(words)
    rnd.shuffle(words)
    for _ in range(rnd.randint(0, 6)):
        i = rnd.randrange(len(words))
        op = rnd.randrange(5)
        if op == 0:
            words[i] = words[i] * 2
        elif op == 1:
            words.insert(i, str(rnd.randint(0, 10**rnd.randint(1, 9))))
        elif op == 2:
            words[i] = words[i][: rnd.randint(0, len(words[i]))]
        elif op == 3:
            words.insert(i, rnd.choice(["/", "-", ".", ":", "h", "'", "«", "»", "–", "\u00a0", "\u202f"]))
        else:
            words[i] = words[i].upper()
    sep = rnd.choice([" ", "  ", "\n", "\u00a0", ""])
    return sep.join(words)


PROFILE = settings(max_examples=500, deadline=1000,
                   suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@given(text=st.text(max_size=400), dct=_dcts(), lang=st.sampled_from(languages()),
       prefer=st.sampled_from([None, "past", "future"]))
def test_never_raises_on_random_unicode(text, dct, lang, prefer):
    _check(text, dct, lang, prefer)


@PROFILE
@given(picks=st.lists(st.sampled_from(NEWS), min_size=1, max_size=4), seed=st.integers(0, 2**32),
       dct=_dcts(), lang=st.sampled_from(languages()), prefer=st.sampled_from([None, "past", "future"]))
def test_never_raises_on_shuffled_and_perturbed_news(picks, seed, dct, lang, prefer):
    words = " ".join(picks).split(" ")
    _check(_perturbed(words, random.Random(seed)), dct, lang, prefer)


@PROFILE
@given(text=st.text(alphabet=st.sampled_from(list("0123456789/-.:hH ,'le erjuinmarsdi")), max_size=300),
       dct=_dcts(), lang=st.sampled_from(languages()))
def test_never_raises_on_date_dense_junk(text, dct, lang):
    _check(text, dct, lang, None)


def _regressions() -> list[tuple[str, str]]:
    rnd = random.Random(7)
    return [
        ("question marks", "?" * 100_000 + "x"),
        ("80 numbers", " ".join(str(rnd.randint(1, 3000)) for _ in range(80))),
        ("huge count", "123456789 hour"),
        ("denormal float", "2.2250738585072011e-308"),
        ("superscripts", "⁰⁴⁵"),
        ("base64", base64.b64encode(rnd.randbytes(3000)).decode()),
        ("sept x1000", "sept " * 1000),
        ("2024 x1000", "2024 " * 1000),
        ("mars x1000", "le 3 mars " * 1000),
        ("weekdays x1000", "lundi mardi mercredi jeudi vendredi " * 200),
        ("il y a x500", "il y a trois jours " * 500),
        ("slashes", "1/" * 5000),
        ("colons", "12:" * 5000),
        ("h-digits", "14 h 30 " * 1000),
        ("one long word", "a" * 200_000),
        ("newlines", "\n" * 50_000 + "hier"),
        ("rtl and zero-width", "\u202e\u200b\u200d le 5\u200b novembre \u2066 2024 \ufeff"),
        ("combining marks", "le 1" + "\u0301" * 500 + "er mars"),
        ("lone surrogate", "le 5 \ud800 novembre"),
        ("emoji", "🇺🇦 le 24 février 2022 👍🏽 " * 300),
        ("nul bytes", "hier\x00demain\x00" * 1000),
        ("huge year", "le 5 novembre 99999999999999999999"),
        ("huge day", "le 99999999999 novembre"),
        ("huge ago", "il y a 9999999999 semaines"),
        ("year zero", "le 1er janvier 0000"),
        ("31 février", "le 31 février 2024"),
    ]


@pytest.mark.timeout(20)  # a regex that backtracks without bound must fail fast, not hang CI
@pytest.mark.parametrize("name,text", _regressions(), ids=[n for n, _ in _regressions()])
@pytest.mark.parametrize("lang", languages())
def test_regression_inputs_are_handled_within_a_second(name, text, lang):
    started = time.perf_counter()
    _check(text, "2024-10-18", lang, None)
    assert time.perf_counter() - started < 1.0, name


@pytest.mark.parametrize("text", ["le 31 février 2024", "le 30/02/2024", "le 32 janvier",
                                  "le 29 février 2023", "le 31 avril"])
def test_an_impossible_date_yields_no_day(text):
    """No mention, or a mention that does not invent a day (never 2024-03-02 for 31 février)."""
    for m in extract(text, "2024-10-18", lang="fr"):
        assert m.type not in ("DATE", "TIME") or len(m.value) < 10, (text, m)
