"""Where the date engine thinks a sentence ends: a verb gives its tense, and a text anchor
its day, only within one sentence."""

from __future__ import annotations

import pytest

from timeline.temporal.scan import sentence_bounds


@pytest.mark.parametrize("text,second", [
    ("Le traité a été signé en juin. « Nous ne céderons rien », a dit X.", "« Nous"),
    ("Le traité a été signé en juin.\u00a0«\u00a0Nous ne céderons rien\u00a0», a dit X.", "«\u00a0Nous"),
    ('It was signed in June. "We will not yield," he said.', '"We'),
    ("Il a signé. (Reuters) Le texte", "(Reuters)"),
    ('He said "no." Then he left.', "Then"),
    ("Il a dit « non. » Puis il est parti.", "Puis"),
])
def test_a_sentence_ends_before_the_next_one_even_when_it_opens_a_quotation(text: str, second: str) -> None:
    assert sentence_bounds(text) == [0, text.index(second)]


def test_a_number_after_a_full_stop_inside_a_sentence_is_not_a_new_one() -> None:
    assert sentence_bounds("Il a reçu 3.000 soldats et 2,5 millions.") == [0]
