"""The editor's review of the demo timeline's dates (issue 5's `timeline check`, issue 3's demo content).

Every warning `timeline check` gives on content/ was read by an editor against the
calendar and the public record. Those whose reading is right carry a `reviewed:` item in
the entry's front matter; the readings they vouch for are pinned here, so a change of the
date engine that alters one fails instead of hiding behind the review. The readings found
wrong are listed as known misreadings: they must stay warned until the engine reads them
right, and then read exactly the right value. Any other warning, a stale or over-broad
review, or a changed reading of the seed article fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.check import EntryCheck, check_content
from timeline.events.extract import normal_text
from timeline.model import Mention, Problem, Sentence
from timeline.text import sentences

ROOT = Path(__file__).resolve().parents[2]
SEED = "2024-10-18-coree-du-nord-soldats-russie"
DATED = ("DATE", "TIME")

# (entry, start of the sentence) -> every DATE/TIME the sentence must read, checked by hand.
# These are the sentences the front matter marks `reviewed:`; the note there says why.
VERIFIED: dict[tuple[str, str], dict[str, str]] = {
    # 6 h Moscow time (UTC+3) = 4 h in the publication's zone (UTC+1)
    ("2022-02-24-invasion-russe-ukraine", "Vladimir Poutine a annoncé ce jeudi"):
        {"ce jeudi": "2022-02-24", "6 heures, heure de Moscou": "2022-02-24T04:00"},
    ("2023-07-27-choigou-a-pyongyang", "Le ministre russe de la Défense, Sergueï Choïgou, assiste ce jeudi soir"):
        {"ce jeudi soir": "2023-07-27TEV", "1953": "1953"},
    # "au lendemain de la confirmation par le Kremlin" (Monday): the day after it IS this Tuesday
    ("2023-09-12-train-de-kim-en-russie", "Le train blindé de Kim Jong-un a franchi ce mardi"):
        {"ce mardi": "2023-09-12", "lendemain": "2023-09-12"},
    ("2023-09-13-sommet-vostotchny", "Vladimir Poutine a accueilli ce mercredi Kim Jong-un"):
        {"ce mercredi": "2023-09-13", "2019": "2019"},
    ("2024-06-18-poutine-attendu-a-pyongyang", "Vladimir Poutine est attendu ce mardi soir à Pyongyang"):
        {"ce mardi soir": "2024-06-18TEV", "juillet 2000": "2000-07"},
    # "2 heures du matin, heure locale" at Pyongyang (UTC+9) is read, as every zoned clock, in the
    # publication's zone (UTC+2): the same moment as the editor's 19 June 02:00 local
    ("2024-06-19-poutine-arrive-a-pyongyang", "Vladimir Poutine est arrivé ce mercredi à Pyongyang"):
        {"ce mercredi": "2024-06-19", "2 heures du matin, heure locale": "2024-06-18T19:00"},
    ("2024-06-19-traite-signe-a-pyongyang", "Ce mercredi, les deux dirigeants ont signé"): {"Ce mercredi": "2024-06-19"},
    ("2024-06-20-texte-du-traite-article-4", "L'agence officielle nord-coréenne KCNA a publié ce jeudi"):
        {"ce jeudi": "2024-06-20", "hier": "2024-06-19"},
    ("2024-06-20-texte-du-traite-article-4", "En réaction, Séoul a annoncé"): {},
    ("2024-10-17-zelensky-10000-soldats-nord-coreens", "Volodymyr Zelensky a affirmé ce jeudi à Bruxelles"):
        {"ce jeudi": "2024-10-17"},
    (SEED, "Et ce vendredi"): {"ce vendredi": "2024-10-18"},
    ("2024-10-23-nis-3000-soldats-deja-en-russie", "Environ 3 000 soldats nord-coréens se trouvent déjà en Russie"):
        {"ce mercredi": "2024-10-23"},
    ("2024-10-23-nis-3000-soldats-deja-en-russie", "À Rome, le secrétaire américain à la Défense"):
        {"ce mercredi": "2024-10-23"},
    ("2024-10-24-douma-ratifie-le-traite", "Les députés russes ont ratifié ce jeudi"):
        {"ce jeudi": "2024-10-24", "juin dernier": "2024-06"},
    ("2024-10-25-premieres-unites-a-koursk", "Volodymyr Zelensky a averti ce vendredi"):
        {"ce vendredi": "2024-10-25", "dimanche": "2024-10-27", "lundi": "2024-10-28"},
    ("2024-11-01-choe-son-hui-a-moscou", "Ce vendredi, la ministre nord-coréenne"): {"Ce vendredi": "2024-11-01"},
    ("2024-11-05-premiers-combats", "Ce mardi soir, Volodymyr Zelensky a fait état"): {"Ce mardi soir": "2024-11-05TEV"},
    ("2024-11-07-conseil-de-la-federation", "À Séoul, le président Yoon Suk Yeol a déclaré ce jeudi"):
        {"ce jeudi": "2024-11-07"},
    ("2024-11-12-kim-ratifie-le-traite", "Kim Jong-un a ratifié par décret"): {"ce mardi": "2024-11-12"},
    ("2024-12-05-traite-entre-en-vigueur", "Le traité de partenariat stratégique global entre la Russie"):
        {"mercredi": "2024-12-04", "ce jeudi": "2024-12-05"},
    ("2024-12-05-traite-entre-en-vigueur", "Le protocole a été signé"): {},
    ("2025-04-28-pyongyang-confirme-le-deploiement", "Pyongyang a reconnu pour la première fois ce lundi"):
        {"ce lundi": "2025-04-28"},
    ("2025-05-16-negociations-istanbul", "Russes et Ukrainiens se sont assis ce vendredi"):
        {"ce vendredi": "2025-05-16", "le printemps 2022": "2022-SP"},
    ("2025-07-13-lavrov-a-wonsan", "Kim Jong-un a reçu samedi le ministre russe"):
        {"samedi": "2025-07-12", "ce dimanche": "2025-07-13"},
    ("2025-09-03-defile-pekin", "Kim Jong-un, Vladimir Poutine et Xi Jinping ont assisté côte à côte ce mercredi"):
        {"ce mercredi": "2025-09-03"},
}

# Sentences an editor reviewed while `check` warned on them (W421 then fired on any sentence with
# both a past and a future verb); since W421 warns only where the engine is unsure, they carry no
# warning and no `reviewed:` item, but the readings the editor checked stay pinned.
DECIDED: dict[tuple[str, str], dict[str, str]] = {
    # 'arrivé' is past, despite the present 'il est': Shoigu's delegation landed on 25 July 2023
    ("2023-07-27-choigou-a-pyongyang", "Arrivé mardi à la tête d'une délégation"): {"mardi": "2023-07-25"},
    # 'ont affirmé' is past; 'pourraient combattre' the future of the quote: Blinken and Austin, 31 Oct 2024
    ("2024-11-01-choe-son-hui-a-moscou", "Quelque 8 000 soldats nord-coréens se trouvent désormais"):
        {"désormais": "PRESENT_REF", "les prochains jours": "FUTURE_REF", "jeudi": "2024-10-31"},
    # 'a annoncé' is past; 'va envoyer' what was announced: Shoigu in Pyongyang, 17 June 2025
    ("2025-06-18-demineurs-nord-coreens-koursk", "La Corée du Nord va envoyer 1 000 démineurs"): {"mardi": "2025-06-17"},
}

# Known misreadings that `check` warns about (entry, code, start of the sentence) -> (words,
# the right readings of them once the engine gets them: (type, value prefix), None = not read).
WARNED: dict[tuple[str, str, str], tuple[str, set[tuple[str, str] | None]]] = {
}

# Misreadings found by this review and fixed in the engine since: (entry, start of the sentence,
# words) -> (type, value) they must keep reading.
FIXED: dict[tuple[str, str, str], tuple[str, str]] = {
    # "his first visit to North Korea in 24 years": a span of 24 years back, not the year 2048
    ("2024-06-19-putin-arrives-in-pyongyang", "Russian President Vladimir Putin arrived in Pyongyang", "24 years"):
        ("DURATION", "P24Y"),
    # "Hours later" = some hours after "early Wednesday": the treaty was signed on 2024-06-19
    ("2024-06-19-putin-arrives-in-pyongyang", "Hours later, the two leaders signed", "Hours later"):
        ("DATE", "2024-06-19"),
    # "lancée il y a un peu plus de deux mois": a past date (the incursion began 2024-08-06), not a span
    ("2024-10-17-zelensky-10000-soldats-nord-coreens", "L'incursion ukrainienne dans la région russe", "deux mois"):
        ("DATE", "2024-08"),
    # "Peu après 5 heures, heure locale, … à Kiev" (Kyiv, UTC+2 that day) = 4 h in the publication's
    # zone (UTC+1), as "6 heures, heure de Moscou": the explosions and the speech at the same moment
    ("2022-02-24-invasion-russe-ukraine", "Peu après 5 heures, heure locale", "5 heures"):
        ("TIME", "2022-02-24T04:00"),
}


def reads_right(found: list[tuple[str, str]], right: set) -> bool:
    """At most one reading of the words, and it is one of the right ones (by value prefix)."""
    if not found:
        return None in right
    return len(found) == 1 and any(r is not None and found[0][0] == r[0] and found[0][1].startswith(r[1])
                                   for r in right)


@pytest.fixture(scope="module")
def checked() -> tuple[list[EntryCheck], list[Problem]]:
    return check_content(ROOT / "content")


@pytest.fixture(scope="module")
def by_slug(checked) -> dict[str, tuple[EntryCheck, list[Sentence]]]:
    return {c.entry.slug: (c, sentences(c.entry)) for c in checked[0]}


def sentence_of(ss: list[Sentence], start: str) -> Sentence:
    hits = [s for s in ss if normal_text(s.text).startswith(normal_text(start))]
    assert len(hits) == 1, (start, [s.text[:60] for s in hits])
    return hits[0]


def dated_in(c: EntryCheck, s: Sentence) -> list[Mention]:
    return [mc.mention for mc in c.mentions if s.start <= mc.mention.start < s.end and mc.mention.type in DATED]


def warned_sentence(w: Problem, c: EntryCheck, ss: list[Sentence]) -> Sentence:
    """The sentence a warning is about: the one holding the warned mention, or quoted by W425."""
    for mc in c.mentions:
        if any(x is w for x in mc.warnings):
            return next(s for s in ss if s.start <= mc.mention.start < s.end)
    assert w.code == "W425", w
    return next(s for s in ss if s.line == w.origin.line and repr(s.text[:80]) in w.message)


def test_demo_content_checks_without_errors(checked) -> None:
    checks, problems = checked
    assert [p for p in problems if p.level == "error"] == []
    assert len(checks) >= 46


def test_only_known_misreadings_are_warned(by_slug) -> None:
    left = set()
    for slug, (c, ss) in by_slug.items():
        for w in [w for mc in c.mentions for w in mc.warnings] + c.warnings:
            assert w.code != "W426", w.message  # no stale review
            s = warned_sentence(w, c, ss)
            key = next((k for k in WARNED if k[:2] == (slug, w.code) and normal_text(s.text).startswith(normal_text(k[2]))),
                       None)
            assert key is not None, f"new warning, review it: {slug}: {w.code} {w.message}"
            left.add(key)
    for key in set(WARNED) - left:  # fixed by the engine since: it must now read the right value
        slug, _, start = key
        words, right = WARNED[key]
        c, ss = by_slug[slug]
        s = sentence_of(ss, start)
        found = [(m.type, m.value) for m in (mc.mention for mc in c.mentions)
                 if s.start <= m.start < s.end and words.casefold() in m.text.casefold()]
        assert reads_right(found, right), (key, found)


def test_every_review_is_live_unique_and_verified(by_slug) -> None:
    reviews = set()
    for slug, (c, ss) in by_slug.items():
        for r in c.entry.reviewed:
            sentence_of(ss, r.sentence)  # exactly one sentence starts so: not stale, not over-broad
            assert r.note.strip(), (slug, r.sentence)
            reviews.add((slug, r.sentence))
    assert reviews == set(VERIFIED)


@pytest.mark.parametrize("key", sorted(VERIFIED | DECIDED), ids=lambda k: f"{k[0][:10]}:{k[1][:24]}")
def test_reviewed_sentences_keep_their_checked_readings(by_slug, key: tuple[str, str]) -> None:
    slug, start = key
    c, ss = by_slug[slug]
    s = sentence_of(ss, start)
    got = {m.text: m.value for m in dated_in(c, s)}
    assert got == (VERIFIED | DECIDED)[key]


@pytest.mark.parametrize("key", sorted(FIXED), ids=lambda k: f"{k[0][:10]}:{k[2]}")
def test_fixed_misreadings_stay_fixed(by_slug, key: tuple[str, str, str]) -> None:
    slug, start, words = key
    c, ss = by_slug[slug]
    s = sentence_of(ss, start)
    found = [(mc.mention.type, mc.mention.value) for mc in c.mentions
             if s.start <= mc.mention.start < s.end and words in mc.mention.text]
    assert found == [FIXED[key]]


def test_seed_article_reads_exactly_the_documented_dates(by_slug) -> None:
    c, _ = by_slug[SEED]
    expected = [("il y a plusieurs jours", "PAST_REF", "quelques jours avant le 18 octobre 2024"),
                ("ce vendredi", "2024-10-18", "18 octobre 2024"),
                ("dans les prochaines semaines", "FUTURE_REF", "dans les semaines suivant le 18 octobre 2024"),
                ("en juin dernier", "2024-06", "juin 2024"),
                ("tout le week-end", "2024-W42-WE", "week-end des 19 et 20 octobre 2024")]
    got = [(mc.mention.text, mc.mention.value, mc.shown) for mc in c.mentions]
    assert len(got) == len(expected), got
    for (phrase, value, shown), (text, v, sh) in zip(expected, got):
        assert text in phrase and (v, sh) == (value, shown), (phrase, text, v, sh)
    assert c.reviewed == 1 and all(not mc.warnings for mc in c.mentions) and c.warnings == []


def test_check_shows_an_hour_as_written_with_its_zone_and_reads_one_moment(by_slug) -> None:
    """The article gives the start of the invasion twice, in Moscow's and in Kyiv's clock: each is
    shown as the reader finds it in the text, with its offset, and the engine reads one moment."""
    c, _ = by_slug["2022-02-24-invasion-russe-ukraine"]
    clocks = [mc for mc in c.mentions if "heure" in mc.mention.text and mc.mention.type == "TIME"]
    assert {mc.mention.text: mc.shown for mc in clocks} == {
        "6 heures, heure de Moscou": "24 février 2022, avant 6 h 00 (UTC+3)",
        "5 heures, heure locale": "24 février 2022, après 5 h 00 (UTC+2)"}
    assert {mc.mention.value for mc in clocks} == {"2022-02-24T04:00"}  # 04:00 in Paris (UTC+1)


def test_a_local_clock_keeps_its_own_day(by_slug) -> None:
    """"2 heures du matin, heure locale" at Pyongyang on Wednesday 19 June: shown on the 19th at
    2 h (UTC+9), not as the evening of the 18th in the Paris publication's zone."""
    c, _ = by_slug["2024-06-19-poutine-arrive-a-pyongyang"]
    shown = {mc.mention.text: mc.shown for mc in c.mentions if mc.mention.type == "TIME"}
    assert shown["2 heures du matin, heure locale"] == "19 juin 2024, après 2 h 00 (UTC+9)"
