"""TIMEX3 values: their precision, their calendar interval, and calendar arithmetic.

Pure functions over value strings ("2024-06", "2024-W42-WE", "2024-10-19TMO"...), so
that the site, the event builder and the resolver agree on what a value covers.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_SEASONS = {  # astronomical seasons (northern hemisphere); winter runs into the next year
    "SP": ((3, 20), (6, 20), 0),
    "SU": ((6, 21), (9, 22), 0),
    "FA": ((9, 23), (12, 20), 0),
    "WI": ((12, 21), (3, 19), 1),
}
_PARTS = ("MO", "AF", "EV", "NI", "DT")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")
_DAY_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(.+)$")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"(\d{4})-(\d{2})$")
_YEAR = re.compile(r"(\d{4})$")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"(\d{3})X$|(\d{2})XX$")
REFS = {"PAST_REF": "past_ref", "PRESENT_REF": "present_ref", "FUTURE_REF": "future_ref"}


def iso(d: date) -> str:
    return d.isoformat()


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist ("31 février")."""
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day > last_day(year, month):
        return None
    return date(year, month, day)


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_monday(year: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    """`d` shifted by whole months, the day clipped to the month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(d.day, last_day(year, month + 1)))


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units (D, W, M, Y), clamped to the calendar's range."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit == "W":
            return d + timedelta(weeks=n)
        if unit in ("M", "Y"):
            months = n if unit == "M" else 12 * n
            if 1 <= (d.year * 12 + d.month - 1 + months) // 12 <= 9999:
                return add_months(d, months)
    except OverflowError:
        pass
    return date.max if n > 0 else date.min


def interval(value: str) -> tuple[str, str] | None:
    """Earliest and latest ISO dates (inclusive) a TIMEX3 value covers, or None."""
    try:
        span = _interval(value or "")
    except (ValueError, OverflowError):
        return None
    return (iso(span[0]), iso(span[1])) if span else None


def _interval(value: str) -> tuple[date, date] | None:
    m = _DAY_PREFIX.match(value)
    if m:
        value = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    if m := _DAY.match(value):
        d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d, d) if d else None
    if m := _WEEK.match(value):
        monday = week_monday(int(m.group(1)), int(m.group(2)))
        if monday is None:
            return None
        if m.group(3):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := _MONTH.match(value):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or year < 1:
            return None
        return date(year, month, 1), date(year, month, last_day(year, month))
    if m := _YEAR.match(value):
        year = int(m.group(1))
        return (date(year, 1, 1), date(year, 12, 31)) if year >= 1 else None
    if m := _PART.match(value):
        return _part_interval(int(m.group(1)), m.group(2))
    if m := _DECADE.match(value):
        if m.group(1):
            start = int(m.group(1)) * 10
            return (date(start, 1, 1), date(start + 9, 12, 31)) if start >= 1 else None
        start = int(m.group(2)) * 100
        return (date(max(start, 1), 1, 1), date(start + 99, 12, 31))
    return None


def _part_interval(year: int, part: str) -> tuple[date, date] | None:
    if year < 1 or year >= 9999:
        return None
    if part[0] == "Q":
        q = int(part[1])
        first = 3 * q - 2
        return date(year, first, 1), date(year, first + 2, last_day(year, first + 2))
    if part[0] == "H":
        return (date(year, 1, 1), date(year, 6, 30)) if part == "H1" else (date(year, 7, 1), date(year, 12, 31))
    (m1, d1), (m2, d2), carry = _SEASONS[part]
    return date(year, m1, d1), date(year + carry, m2, d2)


def precision(value: str) -> str:
    """The grain of a value: year, half, quarter, season, month, week, weekend, day,
    part_of_day, time, past_ref, present_ref, future_ref, duration or set."""
    value = value or ""
    if value in REFS:
        return REFS[value]
    if value.startswith("P"):
        return "duration"
    if "WXX" in value or value.startswith("XXXX-XX-XXT") or value.startswith("T") and "X" in value:
        return "set"
    m = _DAY_PREFIX.match(value)
    if m:
        rest = m.group(4)
        return "part_of_day" if rest in _PARTS else "time"
    if _DAY.match(value):
        return "day"
    if value.endswith("-WE"):
        return "weekend"
    if _WEEK.match(value):
        return "week"
    if m := _PART.match(value) or re.match(r"XXXX-(Q[1-4]|H[12]|SP|SU|FA|WI)$", value):
        part = m.group(m.lastindex or 1)
        return {"Q": "quarter", "H": "half"}.get(part[0], "season")
    if _MONTH.match(value) or re.match(r"XXXX-\d{2}$", value):
        return "month"
    return "year"


def narrow(first: date, last: date, mod: str | None) -> tuple[date, date]:
    """The part of [first, last] a START / MID / END modifier points at (a third of it)."""
    length = (last - first).days + 1
    if mod not in ("START", "MID", "END") or length < 3:
        return first, last
    third = length // 3
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "END":
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def _amount(n: float | None, unit: str) -> str:
    """A count and its TIMEX3 unit letter: "3D", "30M" (minutes), "XH" (unknown count)."""
    count = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    return count + ("M" if unit == "MIN" else unit)


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT2H, P2W, PXD (unknown count)."""
    return ("PT" if unit in _CLOCK_UNITS else "P") + _amount(n, unit)


def duration_sum_value(parts: list[tuple[float, str]]) -> str:
    """One TIMEX3 duration of several units, largest first: P2Y3M, PT1H45M (a zero part is left out)."""
    day = "".join(_amount(n, u) for n, u in parts if n and u not in _CLOCK_UNITS)
    time = "".join(_amount(n, u) for n, u in parts if n and u in _CLOCK_UNITS)
    return "P" + day + ("T" + time if time else "")


_CLOCK_UNITS = ("H", "MIN", "S")  # written after the T of a duration


def is_valid_clock(hour: int, minute: int) -> bool:
    return 0 <= hour <= 24 and 0 <= minute <= 59 and not (hour == 24 and minute)


def on_part_of_day(d: date, part: str, hour: int, minute: int, open_twelve: bool) -> tuple[date, int]:
    """The day and hour of a clock said of an evening or a night (`part` EV / NI, the day being
    the one the evening or night begins on). `open_twelve`: a 12-hour clock said without am/pm
    ("last night, at about 10:30"), which is the evening's or the night's (22:30; twelve is the
    midnight that ends it). A night's small hours are the next day's ("dans la nuit de dimanche
    à lundi, vers 3 h"), an evening's midnight too ("samedi soir … À minuit"); but French
    TimeBank keeps "ce soir à 00 h 10" on the evening's date."""
    if part not in ("EV", "NI"):
        return d, hour
    if open_twelve and hour == 12:
        return d + timedelta(days=1), 0
    if open_twelve and (part == "EV" or hour >= 6):
        return d, hour + 12
    if (part == "NI" and hour < 12) or (part == "EV" and hour == 0 and minute == 0):
        return d + timedelta(days=1), hour
    return d, hour
