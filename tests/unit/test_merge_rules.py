"""Rules of merge.py added with the cross-language words: an undated expectation needs close
wording; the words of a date expression are not wording."""

from __future__ import annotations

from timeline.events import merge_events
from timeline.events.merge import text_of
from timeline.events.merge_words import words_of
from timeline.model import Event, Source, When


def ev(entry: str, quote: str, when: When, status: str, published: str) -> Event:
    src = Source(entry=entry, outlet=entry, url="", published=published, quote=quote, when=when)
    return Event(id=entry, when=when, title=quote, actors=("russie",), kind="diplomatic", status=status,
                 sources=(src,))


COMING_DAYS = When(value="FUTURE_REF", earliest="2024-11-08", latest="2024-11-17", anchor="dct", dct="2024-11-07")
MONDAY = When(value="2024-11-11", earliest="2024-11-11", latest="2024-11-11", anchor="dct", dct="2024-11-12")
ON_THE_11TH = When(value="2024-11-11", earliest="2024-11-11", latest="2024-11-11", anchor="dct", dct="2024-11-07")


def test_an_announcement_for_the_coming_days_is_not_pinned_to_one_step_by_its_window() -> None:
    expected = ev("a", "Il ne manque plus que la signature de Vladimir Poutine, attendue dans les prochains "
                  "jours, pour achever la ratification", COMING_DAYS, "expected", "2024-11-07T10:00:00+01:00")
    decree = ev("b", "Le décret a été signé lundi, après la promulgation par Vladimir Poutine de la loi de "
                "ratification", MONDAY, "occurred", "2024-11-12T10:00:00+01:00")
    assert len(merge_events([expected, decree])) == 2


def test_an_announcement_with_its_day_still_meets_the_happening() -> None:
    # the story step "announced for a day, then held" joins when the day is said
    expected = ev("a", "Vladimir Poutine doit signer lundi la loi de ratification du traité", ON_THE_11TH,
                  "expected", "2024-11-07T10:00:00+01:00")
    done = ev("b", "Vladimir Poutine a signé lundi la loi de ratification du traité", MONDAY, "occurred",
              "2024-11-12T10:00:00+01:00")
    [one] = merge_events([expected, done])
    assert one.status == "occurred" and len(one.sources) == 2


def dated(entry: str, quote: str, date_text: str) -> Event:
    start = quote.index(date_text)
    when = When(value="2023-02-07", earliest="2023-02-07", latest="2023-02-07")
    src = Source(entry=entry, outlet=entry, url="", published="2023-02-07T10:00:00+01:00", quote=quote,
                 spans=((start, start + len(date_text)),), when=when)
    return Event(id=entry, when=when, title=quote, actors=("russie",), kind="other", status="occurred",
                 sources=(src,))


def test_a_date_written_in_figures_is_not_a_figure_of_the_report() -> None:
    strike = dated("a", "Le Kremlin a lancé une vague de missiles contre Kiev le 07/02/2023.", "le 07/02/2023")
    sanctions = dated("b", "La Commission a adopté des sanctions contre le Kremlin le 07/02/2023.", "le 07/02/2023")
    assert "2023" not in words_of(text_of(strike))
    assert len(merge_events([strike, sanctions])) == 2
