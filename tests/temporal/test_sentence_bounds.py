"""Where the date engine thinks a sentence ends: a verb gives its tense, and a text anchor
its day, only within one sentence. The engine splits as the site does (text/segment.py)."""

from __future__ import annotations

import pytest

from timeline.temporal import extract
from timeline.temporal.scan import sentence_bounds


@pytest.mark.parametrize("lang,text,second", [
    ("fr", "Le traité a été signé en juin. « Nous ne céderons rien », a dit X.", "« Nous"),
    ("fr", "Le traité a été signé en juin.\u00a0«\u00a0Nous ne céderons rien\u00a0», a dit X.", "«\u00a0Nous"),
    ("en", 'It was signed in June. "We will not yield," he said.', '"We'),
    ("fr", "Il a signé. (Reuters) Le texte", "(Reuters)"),
    ("en", 'He said "no." Then he left.', "Then"),
    ("fr", "Il a dit « non. » Puis il est parti.", "Puis"),
])
def test_a_sentence_ends_before_the_next_one_even_when_it_opens_a_quotation(lang: str, text: str, second: str) -> None:
    assert sentence_bounds(text, lang) == [0, text.index(second)]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Il a reçu 3.000 soldats et 2,5 millions."),
    ("en", "Troops arrived between Oct. 8 and 13, the agency said."),
    ("fr", "M. Zelensky a rencontré Mme Meloni le 3 mars."),
    ("en", "Gen. Syrskyi met U.S. officials on Oct. 8."),
])
def test_an_abbreviation_or_a_number_does_not_end_a_sentence(lang: str, text: str) -> None:
    assert sentence_bounds(text, lang) == [0]


def test_a_verb_after_an_abbreviation_still_gives_its_tense() -> None:
    """Split after "Oct.", the date lost the tense of its clause and read as the Oct. 8 just past."""
    found = extract("On Oct. 8, more troops will be moved to the border.", "2024-10-18", "en")
    assert [(m.text, m.value) for m in found] == [("Oct. 8", "2025-10-08")]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The troops had been transported between Oct. 8 and 13, and would be sent to the front.",
     [("Oct. 8", "2024-10-08"), ("13", "2024-10-13")]),
    ("fr", "Les soldats ont été transportés entre le 8 et le 13 octobre, et seront envoyés au front.",
     [("le 8", "2024-10-08"), ("le 13 octobre", "2024-10-13")]),
    ("en", "The census was taken on Oct. 8, which will be remembered.", [("Oct. 8", "2024-10-08")]),
])
def test_a_verb_of_a_later_clause_does_not_give_its_tense_to_the_date(lang: str, text: str, expected: list) -> None:
    assert [(m.text, m.value) for m in extract(text, "2024-10-18", lang)] == expected
