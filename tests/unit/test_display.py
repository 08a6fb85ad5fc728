"""timeline.display: every date reads at its true precision, in the site's language, never a fake day."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.display import expectation, show_published, show_when, ui
from timeline.model import When

DCT = "2024-10-18"
CASES = [  # (when, French, English, <time datetime>)
    (When("2024-06-19", "2024-06-19", "2024-06-19"), "19 juin 2024", "19 June 2024", "2024-06-19"),
    (When("2024-07-01", "2024-07-01", "2024-07-01"), "1er juillet 2024", "1 July 2024", "2024-07-01"),
    (When("2024-06", "2024-06-01", "2024-06-30"), "juin 2024", "June 2024", "2024-06"),
    (When("2024-W42", "2024-10-14", "2024-10-20"), "semaine du 14 octobre 2024", "week of 14 October 2024",
     "2024-W42"),
    (When("2024-W42-WE", "2024-10-19", "2024-10-20"), "week-end des 19 et 20 octobre 2024",
     "weekend of 19–20 October 2024", "2024-W42"),
    (When("2024-W48-WE", "2024-11-30", "2024-12-01"), "week-end des 30 novembre et 1er décembre 2024",
     "weekend of 30 November–1 December 2024", "2024-W48"),
    (When("2024-01", "2024-01-01", "2024-01-10", "START"), "début janvier 2024", "early January 2024", "2024-01"),
    (When("2024-10", "2024-10-11", "2024-10-20", "MID"), "mi-octobre 2024", "mid-October 2024", "2024-10"),
    (When("2023", "2023-09-01", "2023-12-31", "END"), "fin 2023", "late 2023", "2023"),
    (When("2024-10-20", "2024-10-17", "2024-10-23", "APPROX"), "vers le 20 octobre 2024", "around 20 October 2024",
     "2024-10"),
    (When("2024-SU", "2024-06-21", "2024-09-22"), "été 2024", "summer 2024", "2024"),
    (When("2024-Q3", "2024-07-01", "2024-09-30"), "3e trimestre 2024", "third quarter of 2024", "2024"),
    (When("2025-H1", "2025-01-01", "2025-06-30"), "1er semestre 2025", "first half of 2025", "2025"),
    (When("PAST_REF", "2024-10-11", "2024-10-17", dct=DCT), "quelques jours avant le 18 octobre 2024",
     "a few days before 18 October 2024", "2024-10"),
    (When("FUTURE_REF", "2024-10-19", "2024-11-30", dct=DCT), "dans les semaines suivant le 18 octobre 2024",
     "in the weeks after 18 October 2024", "2024"),
    (When("2024-06-19T14:30", "2024-06-19", "2024-06-19"), "19 juin 2024 à 14 h 30", "19 June 2024 at 14:30",
     "2024-06-19T14:30"),
    (When("2025-08-15T11:30", "2025-08-15", "2025-08-15", "APPROX"), "15 août 2025 vers 11 h 30",
     "15 August 2025 at around 11:30", "2025-08-15"),
    # an hour read in a timed publication's zone says which zone it is
    (When("2022-02-24T04:00", "2022-02-24", "2022-02-24", zone="+01:00"), "24 février 2022 à 4 h (UTC+1)",
     "24 February 2022 at 4:00 (UTC+1)", "2022-02-24T04:00+01:00"),
    (When("2024-06-19T14:30", "2024-06-19", "2024-06-19", zone="+05:30"), "19 juin 2024 à 14 h 30 (UTC+5:30)",
     "19 June 2024 at 14:30 (UTC+5:30)", "2024-06-19T14:30+05:30"),
    (When("2024-06-19T14:30", "2024-06-19", "2024-06-19", zone="+00:00"), "19 juin 2024 à 14 h 30 (UTC)",
     "19 June 2024 at 14:30 (UTC)", "2024-06-19T14:30Z"),
    (When("2024-06-19", "2024-06-19", "2024-06-19", zone="+02:00"), "19 juin 2024", "19 June 2024", "2024-06-19"),
    (When("2024-10-19TEV", "2024-10-19", "2024-10-19"), "samedi 19 octobre 2024 au soir",
     "Saturday 19 October 2024, in the evening", "2024-10-19"),
    # the start or end of a day, or of a part of it ("late Tuesday", "mardi en fin de soirée")
    (When("2024-10-15", "2024-10-15", "2024-10-15", "END"), "15 octobre 2024, en fin de journée",
     "late on 15 October 2024", "2024-10-15"),
    (When("2024-10-15TEV", "2024-10-15", "2024-10-15", "END"), "mardi 15 octobre 2024 en fin de soirée",
     "Tuesday 15 October 2024, late in the evening", "2024-10-15"),
    (When("2024-10-19TMO", "2024-10-19", "2024-10-19", "START"), "samedi 19 octobre 2024 en début de matinée",
     "Saturday 19 October 2024, early in the morning", "2024-10-19"),
    (When("2024-10-08", "2024-10-08", "2024-10-13", end_value="2024-10-13"), "du 8 au 13 octobre 2024",
     "8–13 October 2024", "2024-10"),
    (When("2024", "2024-01-01", "2024-12-31"), "2024", "2024", "2024"),
]


@pytest.mark.parametrize("when,fr,en,stamp", CASES, ids=[c[1] for c in CASES])
def test_each_precision_reads_naturally_in_both_languages(when, fr, en, stamp):
    shown_fr, shown_en = show_when(when, "fr"), show_when(when, "en")
    assert (shown_fr.text, shown_en.text) == (fr, en)
    assert shown_fr.datetime == shown_en.datetime == stamp


def test_vague_values_are_flagged_and_exact_days_are_not():
    assert show_when(CASES[0][0], "fr").exactness == "exact"
    assert show_when(CASES[2][0], "fr").exactness == "coarse"
    for when in (CASES[9][0], CASES[13][0], CASES[14][0], CASES[16][0]):
        assert show_when(when, "fr").exactness == "vague"


def test_impossible_values_fall_back_to_their_interval_never_an_invented_day():
    shown = show_when(When("2024-02-31", "2024-02-01", "2024-02-29"), "fr")
    assert shown.text == "entre le 1er février 2024 et le 29 février 2024" and shown.datetime == "2024-02"
    broken = show_when(When("2024-06", "not a date", "2024-06-30"), "fr")
    assert broken.datetime == "" and broken.vague


def test_publication_datetime_shows_its_day_only():
    shown = show_published("2024-10-18T23:30:00+02:00", "fr")
    assert (shown.text, shown.datetime) == ("18 octobre 2024", "2024-10-18")


def test_still_expected_then_overdue_relative_to_today():
    when = When("FUTURE_REF", "2024-10-19", "2024-11-30", dct=DCT)
    assert expectation(when, "expected", "2024-11-30") == "still_expected"
    assert expectation(when, "expected", "2024-12-01") == "overdue"
    assert expectation(when, "occurred", "2030-01-01") is None


def test_ui_strings_are_complete_in_every_language():
    keys = {lang: set(ui(lang)["labels"]) for lang in ("fr", "en")}
    assert keys["fr"] == keys["en"]
    for section in ("dates", "mods", "refs", "seasons", "parts_of_day", "ordinals"):
        assert set(ui("fr")[section]) == set(ui("en")[section]), section


def test_unknown_language_falls_back_to_english_and_regions_use_their_language():
    assert show_when(CASES[0][0], "de").text == "19 June 2024"
    assert show_when(CASES[0][0], "fr-CA").text == show_when(CASES[0][0], "fr_BE").text == "19 juin 2024"
    assert show_when(CASES[0][0], "../fr").text == "19 June 2024"


_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(start=_days, length=st.integers(min_value=1, max_value=400),
       value=st.sampled_from(["PAST_REF", "FUTURE_REF", "PRESENT_REF", "2024-06", "2024", "2024-W42",
                              "2024-13", "garbage", "2024-Q5"]),
       mod=st.sampled_from([None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER"]))
def test_a_span_of_several_days_never_gets_a_single_day_datetime(start, length, value, mod):
    when = When(value, start.isoformat(), (start + timedelta(days=length)).isoformat(), mod, dct="2024-10-18")
    shown = show_when(when, "fr")
    assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown.datetime), shown
    assert shown.text
