"""merge_words: the words reports are compared on (stems, concepts across languages, numbers)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline.events.merge_words as mw
from timeline.events.merge_words import CONCEPT_DIR, ConceptError, guess_language, words_of

FILES = sorted(CONCEPT_DIR.glob("*.yaml"))


def concepts(text: str) -> set[str]:
    return {w[1:] for w in words_of(text) if w.startswith("@")}


def load(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_examples_give_their_concepts(path) -> None:
    examples = load(path)["examples"]
    wrong = {text: sorted(set(want) - concepts(text)) for text, want in examples.items()
             if not set(want) <= concepts(text)}
    assert not wrong, wrong


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_counter_examples_do_not_give_a_neighbouring_step(path) -> None:
    counter = load(path)["counter_examples"]
    wrong = {text: sorted(set(banned) & concepts(text)) for text, banned in counter.items()
             if set(banned) & concepts(text)}
    assert not wrong, wrong


def test_every_concept_exists_in_every_language() -> None:
    # a concept in one file only can never link two languages: it is a typo or a missing line
    names = {p.stem: set(load(p)["concepts"]) for p in FILES}
    every = set.union(*names.values())
    assert {lang: sorted(every - have) for lang, have in names.items() if every - have} == {}


def test_examples_name_only_known_concepts() -> None:
    for path in FILES:
        data = load(path)
        known = set(data["concepts"])
        used = {c for cs in [*data["examples"].values(), *data["counter_examples"].values()] for c in cs}
        assert used <= known, (path.name, sorted(used - known))


def test_french_and_english_reports_of_one_signing_share_their_event_words() -> None:
    fr = words_of("Les deux dirigeants ont signé un traité de défense mutuelle.")
    en = words_of("The two leaders signed a mutual defence treaty.")
    assert {"@leader", "@sign", "@agreement", "@defence", "@mutual"} <= fr & en


def test_stems_join_inflections_and_keep_unrelated_words_apart() -> None:
    assert words_of("les négociations") == words_of("négocier")
    assert words_of("soldats déployés") == words_of("le soldat, un déploiement")
    assert words_of("génération") != words_of("général")  # five letters alone made them one word


def test_numbers_and_dates() -> None:
    assert words_of("12 000 soldats") == words_of("12,000 soldats")
    assert "12000" in words_of("12 000 soldats")
    assert words_of("le 13 octobre, jeudi") == frozenset()  # days, months, weekdays: compared by value
    assert words_of("la semaine dernière, hier") == frozenset()


def test_language_is_guessed_from_stopwords() -> None:
    def guess(text: str) -> str:
        return guess_language(mw.fold(text).split()).code
    assert guess("the troops were sent to the front") == "en"
    assert guess("les soldats ont été envoyés sur le front") == "fr"
    assert guess("Kursk") == "en"  # no stopword: the language whose concepts know the word
    assert guess("Vladivostok") == "fr"  # nothing to go by: the default language


def test_a_stem_in_two_concepts_is_refused(tmp_path, monkeypatch) -> None:
    (tmp_path / "fr.yaml").write_text("stemmer: french\nconcepts:\n  ratify: [ratifier]\n"
                                      "  approve: [approuver, ratifiés]\n", encoding="utf-8")
    monkeypatch.setattr(mw, "CONCEPT_DIR", tmp_path)
    mw.language.cache_clear()
    try:
        with pytest.raises(ConceptError, match="ratifiés"):
            mw.language("fr")
    finally:
        mw.language.cache_clear()


@settings(max_examples=300, deadline=1000)
@given(st.text(max_size=300))
def test_any_text_gives_words_and_never_raises(text: str) -> None:
    words = words_of(text)
    assert all(isinstance(w, str) and w for w in words)


def test_hostile_inputs_are_fast() -> None:
    for text in ("²³¹" * 1000, "1" * 5000, "12 000 " * 2000, "é" * 100_000, "\ud800x" * 100, "a" * 200_000):
        words_of(text)


def cue_words(code: str) -> set[str]:
    data = yaml.safe_load((CONCEPT_DIR.parent / f"{code}.yaml").read_text(encoding="utf-8"))
    return {w for cue in data["expected"] + data["reported"] for w in cue.split() if len(w) > 2}


CARRIER = {"fr": "le ministre et les pourparlers de la délégation", "en": "the minister and the talks of the delegation"}


@pytest.mark.parametrize("code", [p.stem for p in FILES])
def test_the_words_of_status_cues_are_not_wording(code) -> None:
    # how sure a report is (Event.status) is compared apart: "doit signer" and "a signé",
    # "is expected to arrive" and "arrived" differ by their status only
    carrier = CARRIER[code]
    kept = {w for w in cue_words(code) if words_of(f"{carrier} {w}") != words_of(carrier)}
    assert not kept, kept


def test_another_language_s_cue_words_stay_words() -> None:
    # "plans to" is an English cue; the French "plan" is what the report is about
    assert mw.fold("plan") in mw.language("en").status
    assert "plan" in words_of("le président a présenté son plan de victoire")


def test_an_announcement_and_its_happening_differ_by_their_status_words_only() -> None:
    assert words_of("Poutine est attendu à Pyongyang, selon le Kremlin") == words_of("Poutine à Pyongyang, Kremlin")
    assert words_of("Putin is expected to arrive in Pyongyang, officials said") == words_of("Putin arrive in Pyongyang, officials")
