"""English date families beyond the rule examples: clocks read out or shortened, a day with its
part and hour, US month/day, counted weekdays, fractions of an hour, vague anchors, offsets
from a named day. Sentences written for these tests, read as a reader of the news would."""

from __future__ import annotations

import pytest

from timeline.temporal import extract

DCT = "2024-10-18"  # a Friday
TIMED = "2024-10-18T09:00:00+02:00"


def read(text: str, dct: str = DCT, prefer: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.mod) for m in extract(text, dct, "en", prefer) if m.type in ("DATE", "TIME")]


@pytest.mark.parametrize("text,words,value", [
    ("The briefing starts at ten thirty am in Kyiv.", "ten thirty am", "2024-10-18T10:30"),
    ("Sirens sounded at seven thirty p.m. across the capital.", "seven thirty p.m.", "2024-10-18T19:30"),
    ("The train left at 3:15p, the timetable says.", "3:15p", "2024-10-18T15:15"),
    ("Polls close at 330 p.m. local time.", "330 p.m.", "2024-10-18T15:30"),
    ("The first drone was shot down at 04:12:37.", "04:12:37", "2024-10-18T04:12:37"),
    ("The convoy crossed at twelve oh three.", "twelve oh three", "2024-10-18T12:03"),
    ("We will meet at half three.", "half three", "2024-10-18T03:30"),
    ("The deadline is 20 minutes to midnight.", "20 minutes to midnight", "2024-10-18T23:40"),
    ("A second blast came at 3 o'clock pm.", "3 o'clock pm", "2024-10-18T15:00"),
    ("Officials will speak at 1030.", "1030", "2024-10-18T10:30"),
])
def test_clock_times(text: str, words: str, value: str) -> None:
    assert (words, value) in [(t, v) for t, v, _ in read(text)]


@pytest.mark.parametrize("text,expected", [
    ("The talks resume Saturday morning at 9.", [("Saturday morning", "2024-10-19TMO"), ("9", "2024-10-19T09:00")]),
    ("The strike hit yesterday evening at 8.", [("yesterday evening", "2024-10-17TEV"), ("8", "2024-10-17T20:00")]),
    ("The curfew begins tonight at 12.", [("tonight", "2024-10-18TEV"), ("12", "2024-10-19T00:00")]),
    ("Voters go to the polls on 10/27 at 4:00pm.", [("10/27", "2024-10-27"), ("4:00pm", "2024-10-27T16:00")]),
    ("Talks open on Monday at 6 pm.", [("Monday", "2024-10-21"), ("6 pm", "2024-10-21T18:00")]),
    ("Martial law took effect at 2 p.m. on Wednesday.", [("2 p.m.", "2024-10-16T14:00"), ("Wednesday", "2024-10-16")]),
])
def test_a_day_and_its_hour_linked_by_a_word_are_two_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    """As French TimeBank annotates "samedi à 8 h" (TimeML keeps a preposition out of a
    TIMEX3): the day, and the clock dated by it."""
    assert [(t, v) for t, v, _ in read(text)] == expected


@pytest.mark.parametrize("text,words,value", [
    ("Talks resume at 5 tomorrow afternoon.", "5 tomorrow afternoon", "2024-10-19T17:00"),
    ("The strike came at 9am Saturday.", "9am Saturday", "2024-10-12T09:00"),
    ("Talks resume Tuesday 3pm in Geneva.", "Tuesday 3pm", "2024-10-22T15:00"),
    ("Filed Fri, Jul 18, 2014 07:00 PM.", "Fri, Jul 18, 2014 07:00 PM", "2014-07-18T19:00"),
])
def test_a_day_and_its_hour_side_by_side_are_one_time(text: str, words: str, value: str) -> None:
    """As TimeML writes "twelve o'clock January 3, 1984"."""
    assert read(text) == [(words, value, None)]


@pytest.mark.parametrize("text,words,value", [
    ("The ceasefire took effect on 2/15.", "2/15", "2024-02-15"),
    ("The report is dated 31-Oct-74.", "31-Oct-74", "1974-10-31"),
    ("Sales fell in 02/2024.", "02/2024", "2024-02"),
    ("The accord was signed march 3 2015 in Minsk.", "march 3 2015", "2015-03-03"),
    ("Kyiv was shelled on the morning of 24 February 2022.", "the morning of 24 February 2022", "2022-02-24TMO"),
])
def test_calendar_dates(text: str, words: str, value: str) -> None:
    assert (words, value) in [(t, v) for t, v, _ in read(text)]


@pytest.mark.parametrize("text", [
    "Three quarters of the troops, 3/4 of them conscripts, came back.",
    "The 9/11 attacks changed the war on terror.",
    "A 2/3 majority is needed.",
    "Drones strike 24/7.",
    "Ukraine won 3-1 on Tuesday night in a 2-15 friendly.",
    "Resolution 2/15 was adopted.",
    "The bridge is 1030 metres long.",
    "The castle was built around 1030.",
    "He cut the budget in half three times.",
    "Prices rose from 5 to 10 percent.",
])
def test_numbers_that_are_no_clock_nor_day(text: str) -> None:
    assert [(t, v) for t, v, _ in read(text) if v[:4] != "1030"] == [] or "Tuesday" in text
    if "Tuesday" in text:
        assert [t for t, _, _ in read(text)] == ["Tuesday night"]
    if "around 1030" in text:
        assert read(text) == [("1030", "1030", "APPROX")]  # a year, about it (not 10:30)


@pytest.mark.parametrize("text,words,value", [
    ("Three Fridays from now, the summit opens.", "Three Fridays from now", "2024-11-08"),
    ("Two Thursdays ago the first unit arrived.", "Two Thursdays ago", "2024-10-10"),
    ("He resigned a fortnight ago.", "a fortnight ago", "2024-10-04"),
    ("Elections are due in a year and a half.", "in a year and a half", "2026-04-18"),
    ("Talks begin the following week.", "the following week", "2024-W43"),
    ("On Oct. 3 a deal was struck; at the end of the following week it collapsed.",
     "the end of the following week", "2024-W41"),
    ("Russia shelled Kherson two days after February 24.", "two days after February 24", "2024-02-26"),
    ("The offensive began a week before Christmas.", "a week before Christmas", "2023-12-18"),
])
def test_counted_and_anchored(text: str, words: str, value: str) -> None:
    assert (words, value) in [(t, v) for t, v, _ in read(text)]


def test_the_end_of_the_following_week_keeps_its_mod() -> None:
    assert ("the end of the following week", "2024-W43", "END") in read("Talks end at the end of the following week.")


def test_hours_later_is_the_day_of_the_last_date() -> None:
    text = "Putin landed in Pyongyang early Wednesday, June 19. Hours later, the two leaders signed a treaty."
    assert ("Hours later", "2024-06-19", None) in read(text)


def test_clock_fractions_count_from_the_publication_time() -> None:
    assert read("A statement is expected in half an hour.", TIMED) == [("in half an hour", "2024-10-18T09:30", None)]
    assert read("Kyiv expects the answer in 2.5 hours.", TIMED) == [("in 2.5 hours", "2024-10-18T11:30", None)]
    assert read("The convoy leaves in 2 and a half hours.", TIMED) == [
        ("in 2 and a half hours", "2024-10-18T11:30", None)]


def test_in_a_few_hours_is_a_future_reference_within_a_day() -> None:
    [m] = [m for m in extract("A decision is expected in a few hours.", TIMED, "en") if m.type == "DATE"]
    assert (m.text, m.value, m.earliest, m.latest) == ("a few hours", "FUTURE_REF", "2024-10-18", "2024-10-19")


def test_as_soon_as_possible_is_from_now_on() -> None:
    assert read("Kyiv wants the jets as soon as possible.", TIMED) == [
        ("as soon as possible", "2024-10-18T09:00:00", "AFTER")]
    assert read("Kyiv wants the jets ASAP.") == [("ASAP", "2024-10-18", "AFTER")]


def test_from_a_clock_is_after_it_unless_a_range_follows() -> None:
    assert read("The curfew runs from 11 pm.") == [("11 pm", "2024-10-18T23:00", "AFTER")]
    # opening hours with no day named are any day's (a SET)
    assert [(m.value, m.mod) for m in extract("Shops open from 9 am to 5 pm.", DCT, "en")] == [
        ("XXXX-XX-XXT09:00", None), ("XXXX-XX-XXT17:00", None)]


@pytest.mark.parametrize("text,words,value", [
    ("The curfew lifts two hours before noon.", "two hours before noon", "2024-10-18T10:00"),
    ("Voting ends 30 minutes after 2:15 pm.", "30 minutes after 2:15 pm", "2024-10-18T14:45"),
    ("The drill ends 15 minutes from 1pm.", "15 minutes from 1pm", "2024-10-18T13:15"),
])
def test_minutes_and_hours_from_a_clock_time(text: str, words: str, value: str) -> None:
    assert read(text) == [(words, value, None)]


def test_a_count_before_today_counts_from_today() -> None:
    assert read("Are you available two days after today?") == [("two days after today", "2024-10-20", None)]


@pytest.mark.parametrize("text,words,value", [
    ("At 7.30pm the sirens sounded.", "7.30pm", "2024-10-18T19:30"),
    ("The drone struck at 0430 local time.", "0430 local time", "2024-10-18T04:30"),
    ("The ceasefire starts at 12 tonight.", "12 tonight", "2024-10-19T00:00"),
    ("Its Q4 2018 results were weak.", "Q4 2018", "2018-Q4"),
    ("The convoy should arrive in 48 hours.", "in 48 hours", "2024-10-20"),
])
def test_more_news_clocks_and_periods(text: str, words: str, value: str) -> None:
    assert (words, value) in [(t, v) for t, v, _ in read(text)]


@pytest.mark.parametrize("text,value", [
    ("Zelensky spoke for half an hour.", "PT30M"),
    ("The raid lasted two and a half hours.", "PT2H30M"),
    ("The siege lasted a year and a half.", "P18M"),
])
def test_fractions_of_a_unit_are_durations(text: str, value: str) -> None:
    assert [m.value for m in extract(text, DCT, "en")] == [value]


@pytest.mark.parametrize("text", ["a 7.5 magnitude quake", "Prices rose 2.35 per cent."])
def test_decimals_are_no_clock_arithmetic(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize("text, values", [
    ("Out 5 to 6pm, back at 7.", ["2024-10-18T17:00", "2024-10-18T18:00"]),  # not "5 minutes to 6"
    ("The meeting ran from 11 to 2 p.m.", ["2024-10-18T11:00", "2024-10-18T14:00"]),
    ("Fun day at the park, 11am-5pm.", ["2024-10-18T11:00", "2024-10-18T17:00"]),
])
def test_the_am_pm_of_a_range_said_once_is_both_ends(text: str, values: list[str]) -> None:
    assert [v for _, v, _ in read(text)] == values


@pytest.mark.parametrize("text,words,value", [
    # reported speech and possibility point ahead, as the French conditional does
    ("He said on Wednesday that troops would arrive on Sunday.", "Sunday", "2024-10-20"),
    ("Talks could resume on Monday, officials said.", "Monday", "2024-10-21"),
    # ... but "could have" looks back
    ("He could have signed on Monday.", "Monday", "2024-10-14"),
])
def test_modals_point_ahead(text: str, words: str, value: str) -> None:
    assert (words, value) in [(t, v) for t, v, _ in read(text)]
