"""Dates as a reader should see them: at their true precision, in the site's language.

Why a module of its own: the event engine keeps TIMEX3 values ("2024-W42-WE",
"2024-01" + START, "PAST_REF"); a reader wants "week-end des 19 et 20 octobre
2024", "début janvier 2024", "quelques jours avant le 18 octobre 2024". The
wording is data (timeline/ui/<lang>.yaml); this module only picks the pattern
and fills it. It never invents a day the text did not give: a value it cannot
read is shown as its calendar interval ("entre le … et le …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from timeline.datafile import read_data
from timeline.model import When
from timeline.temporal import timex

UI_DIR = Path(__file__).parent / "ui"
FALLBACK_LANG = "en"
UI_SECTIONS = {"months": list, "weekdays": list, "day_ordinal": dict, "dates": dict, "ordinals": dict,
               "seasons": dict, "parts_of_day": dict, "parts_of_day_edge": dict, "mods": dict, "refs": dict,
               "labels": dict}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CLOCK = re.compile(r"(\d{2}):(\d{2})")
_REFS = {"PAST_REF": "past", "PRESENT_REF": "present", "FUTURE_REF": "future"}
EXACT = frozenset({"day", "time", "part"})  # precisions that name one day
_CLOCK_MODS = {"APPROX": "time_approx", "BEFORE": "time_before", "AFTER": "time_after"}  # ui `dates` keys
VAGUE_MODS = frozenset({"APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN",
                        "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})


@dataclass(frozen=True)
class Shown:
    """One date ready for a page: the words, the <time datetime> value, how sure it is."""

    text: str  # "19 juin 2024"
    datetime: str  # "2024-06-19", "2024-06", "2024-W42", "2024"
    precision: str  # day, time, part, week, weekend, month, quarter, half, season, year, ref, range, interval
    vague: bool  # approximate (APPROX/BEFORE/AFTER, PAST_REF…): drawn and labelled differently

    @property
    def exactness(self) -> str:
        """CSS word: exact (one day), coarse (a named period), vague (approximate)."""
        if self.vague:
            return "vague"
        return "exact" if self.precision in EXACT else "coarse"


@cache
def ui(lang: str) -> dict[str, Any]:
    """The UI strings of `lang` (ui/<lang>.yaml; "fr-CA" reads ui/fr.yaml), English when the
    language has none."""
    code = (lang or "").replace("_", "-").split("-")[0].lower()
    path = UI_DIR / f"{code}.yaml"
    if not re.fullmatch(r"[a-z]{2,3}", code) or not path.is_file():
        path = UI_DIR / f"{FALLBACK_LANG}.yaml"
    return read_data(path, keys=UI_SECTIONS)


def label(lang: str, key: str, **values: Any) -> str:
    """A UI label with its placeholders filled."""
    return ui(lang)["labels"][key].format(**values)


def count_label(lang: str, prefix: str, count: int) -> str:
    """ "0 → zero / 1 → one / n → many" wording, e.g. count_label('fr', 'count', 3)."""
    suffix = "zero" if count == 0 and f"{prefix}_zero" in ui(lang)["labels"] else (
        "one" if count == 1 else "many")
    return label(lang, f"{prefix}_{suffix}", count=count)


def _day_word(d: date, words: dict[str, Any]) -> str:
    return str(words["day_ordinal"].get(d.day, d.day))


def format_day(d: date, lang: str, *, weekday: bool = False) -> str:
    """ "19 juin 2024" / "samedi 19 octobre 2024"."""
    words = ui(lang)
    pattern = words["dates"]["day_weekday" if weekday else "day"]
    return pattern.format(day=_day_word(d, words), month=words["months"][d.month - 1],
                          year=d.year, weekday=words["weekdays"][d.weekday()])


def format_month(year: int, month: int, lang: str) -> str:
    words = ui(lang)
    return words["dates"]["month"].format(month=words["months"][month - 1], year=year)


def parse_iso_date(text: str) -> date | None:
    """The date of "2024-10-18" or "2024-10-18T14:30:00+02:00"; None when it is not one."""
    match = _DAY.match((text or "")[:10])
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def show_published(iso: str, lang: str) -> Shown:
    """A publication date/datetime as a day ("18 octobre 2024"); its time is not shown."""
    d = parse_iso_date(iso)
    if d is None:
        return Shown(iso, "", "interval", True)
    return Shown(format_day(d, lang), d.isoformat(), "day", False)


def _span_datetime(earliest: date, latest: date) -> str:
    """The finest HTML date string holding the whole interval (never a day it does not cover)."""
    if earliest == latest:
        return earliest.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    iso_a, iso_b = earliest.isocalendar(), latest.isocalendar()
    if (iso_a.year, iso_a.week) == (iso_b.year, iso_b.week):
        return f"{iso_a.year:04d}-W{iso_a.week:02d}"
    return f"{earliest.year:04d}"


def _weekend(year: int, week: int, lang: str) -> str:
    words = ui(lang)
    sat = date.fromisocalendar(year, week, 6)
    sun = sat + timedelta(days=1)
    months = words["months"]
    if sat.month == sun.month:
        return words["dates"]["weekend_same_month"].format(
            sat_day=_day_word(sat, words), sun_day=_day_word(sun, words),
            month=months[sat.month - 1], year=sat.year)
    if sat.year == sun.year:
        return words["dates"]["weekend_same_year"].format(
            sat_day=_day_word(sat, words), sat_month=months[sat.month - 1],
            sun_day=_day_word(sun, words), sun_month=months[sun.month - 1], year=sat.year)
    return words["dates"]["weekend"].format(saturday=format_day(sat, lang), sunday=format_day(sun, lang))


def _phrase(value: str, lang: str, mod: str | None = None) -> tuple[str, str, str] | None:
    """(words, datetime, precision) of a TIMEX3 date value, or None if it is not one we know.

    The value is read by `timex` (one parser of TIMEX3 values for the engine and the
    site); this only words it. A time with mod APPROX reads "vers 11 h 30" on its day
    (the day itself is sure)."""
    span = timex.interval(value)
    if span is None:  # 2024-02-31, week 54, PAST_REF: shown as the interval instead
        return None
    words = ui(lang)
    dates = words["dates"]
    first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    grain = timex.precision(value)
    year = value[:4]
    if grain == "day":
        return format_day(first, lang), first.isoformat(), "day"
    if grain == "month" and year.isdigit():
        return format_month(first.year, first.month, lang), value, "month"
    if grain == "year" and len(value) == 4 and year.isdigit():
        return dates["year"].format(year=first.year), value, "year"
    if grain == "time":
        clock = _CLOCK.match(value, 11)
        if clock is None or not timex.is_valid_clock(int(clock[1]), int(clock[2])):
            return None
        hour, minute = int(clock[1]), int(clock[2])
        pattern = dates[_CLOCK_MODS[mod] if mod in _CLOCK_MODS else "time_on_the_hour" if minute == 0 else "time"]
        text = pattern.format(date=format_day(first, lang), hour=hour, minute=f"{minute:02d}")
        return text, f"{first.isoformat()}T{hour:02d}:{minute:02d}", "time"
    if grain == "part_of_day":  # "en fin de soirée" says its START / END in the part's own words
        part = words["parts_of_day_edge"].get(mod or "", {}).get(value[-2:]) or words["parts_of_day"][value[-2:]]
        text = dates["part_of_day"].format(date=format_day(first, lang, weekday=True), part=part)
        return text, first.isoformat(), "part"
    if grain in ("week", "weekend"):
        week = value[:8]  # "2024-W42"
        if grain == "weekend":
            return _weekend(int(year), int(value[6:8]), lang), week, "weekend"
        return dates["week"].format(monday=format_day(first, lang)), week, "week"
    if grain in ("quarter", "half") and year.isdigit():
        return dates[grain].format(nth=words["ordinals"][int(value[-1])], year=year), year, grain
    if grain == "season" and year.isdigit():
        return dates["season"].format(season=words["seasons"][value[-2:]], year=year), year, "season"
    return None


def _with_mod(text: str, precision: str, mod: str | None, lang: str) -> str:
    if not mod:
        return text
    mods = ui(lang)["mods"]
    key = f"{mod}_DAY" if precision in EXACT and f"{mod}_DAY" in mods else mod
    pattern = mods.get(key)
    return pattern.format(phrase=text) if pattern else text


def _interval(earliest: date, latest: date, lang: str) -> str:
    if earliest == latest:
        return format_day(earliest, lang)
    return _range_days(earliest, latest, lang, pattern="interval")


def _range_days(a: date, b: date, lang: str, *, pattern: str = "range") -> str:
    words = ui(lang)
    dates, months = words["dates"], words["months"]
    if pattern == "range" and (a.year, a.month) == (b.year, b.month):
        return dates["range_same_month"].format(start_day=_day_word(a, words), end_day=_day_word(b, words),
                                                month=months[a.month - 1], year=a.year)
    if pattern == "range" and a.year == b.year:
        return dates["range_same_year"].format(
            start_day=_day_word(a, words), start_month=months[a.month - 1],
            end_day=_day_word(b, words), end_month=months[b.month - 1], year=a.year)
    return dates[pattern].format(start=format_day(a, lang), end=format_day(b, lang))


def _ref(kind: str, when: When, earliest: date, latest: date, lang: str) -> str | None:
    dct = parse_iso_date(when.dct)
    if dct is None:
        return None
    refs = ui(lang)["refs"]
    if kind == "present":
        return refs["present"].format(dct=format_day(dct, lang))
    reach = (dct - earliest).days if kind == "past" else (latest - dct).days
    unit = "days" if reach <= 14 else "weeks" if reach <= 62 else "months" if reach <= 730 else "years"
    return refs[f"{kind}_{unit}"].format(dct=format_day(dct, lang))


def _utc_label(offset: str) -> str:
    """"+01:00" -> "UTC+1", "+05:30" -> "UTC+5:30", "+00:00" -> "UTC"."""
    hours, minutes = int(offset[1:3]), offset[4:6]
    if hours == 0 and minutes == "00":
        return "UTC"
    return f"UTC{offset[0]}{hours}" + ("" if minutes == "00" else f":{minutes}")


def show_when(when: When, lang: str) -> Shown:
    """How `when` reads on a page: "19 juin 2024", "mi-octobre 2024", "été 2024"…"""
    earliest, latest = parse_iso_date(when.earliest), parse_iso_date(when.latest)
    if earliest is None or latest is None or latest < earliest:
        return Shown(when.value, "", "interval", True)  # nothing sound to draw: say what we have
    span = _span_datetime(earliest, latest)
    vague = when.mod in VAGUE_MODS
    if when.value in _REFS:
        text = _ref(_REFS[when.value], when, earliest, latest, lang)
        return Shown(text or _interval(earliest, latest, lang), span, "ref", True)
    first = _phrase(when.value, lang, when.mod)
    if first is None:
        return Shown(_interval(earliest, latest, lang), span, "interval", True)
    text, stamp, precision = first
    if when.end_value and when.end_value != when.value:
        last = _phrase(when.end_value, lang)
        if last is None:
            return Shown(_interval(earliest, latest, lang), span, "interval", vague)
        if precision == "day" and last[2] == "day":
            text = _range_days(earliest, latest, lang)
        else:
            text = ui(lang)["dates"]["range_coarse"].format(start=text, end=last[0])
        return Shown(_with_mod(text, "range", when.mod, lang), span, "range", vague)
    if precision == "time" and when.zone:  # the engine reads clock times in the publication's zone
        text = ui(lang)["dates"]["zoned"].format(time=text, zone=_utc_label(when.zone))
        stamp += "Z" if when.zone in ("+00:00", "-00:00") else when.zone
    if precision == "time" and when.mod in _CLOCK_MODS:  # said next to the hour: "24 février, avant 6 h"
        return Shown(text, stamp[:10], precision, True)  # the day is sure, the hour is not
    if when.mod:
        stamp = span  # "début janvier": the interval, not the whole month or a fake day
    if precision == "part" and when.mod in ui(lang)["parts_of_day_edge"]:
        return Shown(text, stamp, precision, vague)  # the mod is already in the part's words
    return Shown(_with_mod(text, precision, when.mod, lang), stamp, precision, vague)


def expectation(when: When, status: str, today: str) -> str | None:
    """For an expected event: "still_expected" until its latest day has passed, then "overdue"."""
    if status != "expected":
        return None
    latest, now = parse_iso_date(when.latest), parse_iso_date(today)
    if latest is None or now is None:
        return "still_expected"
    return "overdue" if now > latest else "still_expected"
