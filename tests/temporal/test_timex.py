"""TIMEX3 value arithmetic the site relies on: interval() and precision()."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.timex import interval, narrow, precision


@pytest.mark.parametrize("value,first,last", [
    ("2024", "2024-01-01", "2024-12-31"),
    ("2024-06", "2024-06-01", "2024-06-30"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2024-06-19", "2024-06-19", "2024-06-19"),
    ("2024-W42", "2024-10-14", "2024-10-20"),
    ("2024-W42-WE", "2024-10-19", "2024-10-20"),
    ("2024-Q3", "2024-07-01", "2024-09-30"),
    ("2025-H1", "2025-01-01", "2025-06-30"),
    ("2024-SU", "2024-06-21", "2024-09-22"),
    ("2024-WI", "2024-12-21", "2025-03-19"),
    ("2024-10-19TMO", "2024-10-19", "2024-10-19"),
    ("2025-07-15T14:30", "2025-07-15", "2025-07-15"),
    ("196X", "1960-01-01", "1969-12-31"),
    ("18XX", "1800-01-01", "1899-12-31"),
])
def test_interval(value: str, first: str, last: str) -> None:
    assert interval(value) == (first, last)


@pytest.mark.parametrize("value", ["PAST_REF", "FUTURE_REF", "P3D", "XXXX-WXX-4", "", "2024-02-30", "2024-13",
                                   "2024-W54", "nonsense", "9999-WI"])
def test_no_interval(value: str) -> None:
    assert interval(value) is None


@pytest.mark.parametrize("value,grain", [
    ("2024", "year"), ("2025-H1", "half"), ("2024-Q3", "quarter"), ("2024-SU", "season"),
    ("2024-06", "month"), ("2024-W42", "week"), ("2024-W42-WE", "weekend"), ("2024-06-19", "day"),
    ("2024-10-19TMO", "part_of_day"), ("2025-07-15T14:30", "time"), ("PAST_REF", "past_ref"),
    ("PRESENT_REF", "present_ref"), ("FUTURE_REF", "future_ref"), ("P3D", "duration"), ("PT2H", "duration"),
    ("XXXX-WXX-4", "set"),
])
def test_precision(value: str, grain: str) -> None:
    assert precision(value) == grain


def test_narrow_by_modifier() -> None:
    jan = (date(2024, 1, 1), date(2024, 1, 31))
    assert narrow(*jan, "START") == (date(2024, 1, 1), date(2024, 1, 10))
    assert narrow(*jan, "END") == (date(2024, 1, 22), date(2024, 1, 31))
    assert narrow(*jan, None) == jan
