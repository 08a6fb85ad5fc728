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


def test_the_other_dates_of_a_sentence_are_not_figures_of_the_report() -> None:
    # "depuis 2000" is a date (Source.elsewhere), not a figure: it must neither count as a word
    # nor make "each tells its own figure" keep two reports of one sending apart
    quote = "Kim a envoyé 1 500 soldats en Russie par bateau, une première depuis 2000."
    start = quote.index("depuis 2000")
    when = When(value="2024-10-08", earliest="2024-10-08", latest="2024-10-08")
    src = Source(entry="a", outlet="a", url="", published="2024-10-09T10:00:00+02:00", quote=quote, when=when,
                 elsewhere=((start, start + len("depuis 2000")),))
    first = Event(id="a", when=when, title=quote, actors=("russie",), kind="military", status="occurred",
                  sources=(src,))
    second = ev("b", "Kim a envoyé 1 500 soldats en Russie par bateau.", when, "occurred",
                "2024-10-10T10:00:00+02:00")
    assert "2000" not in words_of(text_of(first))
    assert "1500" in words_of(text_of(first))
    [one] = merge_events([first, second])
    assert len(one.sources) == 2


def test_an_expectation_neither_dates_nor_titles_nor_disputes_what_happened() -> None:
    # announced for the 18th in the evening, arrived in the night (the 19th): the event is the
    # arrival of the 19th, told by the reports of it, not a dispute between a plan and a fact
    evening = When(value="2024-06-18TEV", earliest="2024-06-18", latest="2024-06-18", anchor="dct", dct="2024-06-18")
    night = When(value="2024-06-19", earliest="2024-06-19", latest="2024-06-19", anchor="dct", dct="2024-06-19")
    expected = ev("a", "Vladimir Poutine est attendu ce mardi soir à Pyongyang, accueilli par Kim Jong-un",
                  evening, "expected", "2024-06-18T08:00:00+02:00")
    arrived = ev("b", "Vladimir Poutine est arrivé ce mercredi à Pyongyang, accueilli par Kim Jong-un",
                 night, "occurred", "2024-06-19T08:00:00+02:00")
    also = ev("c", "Vladimir Poutine est arrivé mercredi à Pyongyang, accueilli par Kim Jong-un",
              night, "occurred", "2024-06-19T09:00:00+02:00")
    [one] = merge_events([expected, arrived, also])
    assert len(one.sources) == 3
    assert one.when == night and not one.disputed and one.status == "occurred"
    assert one.title == arrived.title  # not "est attendu", though the expectation was published first


def test_an_extracted_event_keeps_its_other_temporal_expressions_out_of_its_wording() -> None:
    from datetime import datetime, timedelta, timezone

    from timeline import temporal
    from timeline.events import extract_events
    from timeline.model import Entry, Origin
    from timeline.text import sentences

    text = ("Vladimir Poutine est attendu ce mardi soir à Pyongyang pour une visite de deux jours, "
            "sa première depuis juillet 2000.")
    entry = Entry(path="entries/a.md", slug="a", title="t", source="s", url="https://e.example/a",
                  published=datetime(2024, 6, 18, 9, 0, tzinfo=timezone(timedelta(hours=2))), text=text,
                  origin=Origin("entries/a.md", 1))
    mentions = list(temporal.extract(text, entry.published, "fr"))
    [event], _ = extract_events(entry, list(sentences(entry)), mentions, None)
    [source] = event.sources
    assert [source.quote[a:b] for a, b in source.spans] == ["ce mardi soir"]
    assert sorted(source.quote[a:b] for a, b in source.elsewhere) == ["deux jours", "juillet 2000"]
    assert words_of(text_of(event)) == words_of("Vladimir Poutine à Pyongyang pour une visite, sa première")
