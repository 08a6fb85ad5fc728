"""Holidays: the days a feast name means in a year, and the productions that read them.

A word of the `holiday` class (lang/<code>/holidays.yaml) maps to a rule:

  "12-25"      a fixed day           "E+49"   days from (Western) Easter
  "O-2"        days from Orthodox Easter        "11:4:4"  month, ISO weekday, nth (-1 = last)
  "lib:diwali" a feast of lang/feasts.yaml, read from the `holidays` package
  any of them + "+n"/"-n" days ("11:4:4+1": the day after Thanksgiving), and a final "~"
  for a day moved to the nearest weekday when it falls on a weekend (Sat -> Fri, Sun -> Mon);
  "E-46..E-1": a season from one day to another (Lent); a final "<" when the feast's evening
  and night are those of the day before ("le soir de Noël", "la nuit de Noël": the 24th).

Lunar and lunisolar calendars (Umm al-Qura, Hebrew, Chinese, Hindu) come from the
library; the Western and Orthodox computus and the US/UK observances are arithmetic we
keep here. An occurrence is (first day, last day): most feasts are one day, Hanukkah or
Ramadan are several, and a mention of them carries that window (earliest/latest).
"""

from __future__ import annotations

import re
import warnings
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from timeline.datafile import read_data
from timeline.temporal.context import Ctx, Groups, Val
from timeline.temporal.productions import _day_or_time, _rel_direction, _year, pick_in_year, production
from timeline.temporal.timex import iso, last_day, safe_date, shift, week_value

FEASTS_FILE = Path(__file__).parent / "lang" / "feasts.yaml"
Occurrence = tuple[date, date]  # first and last day of one celebration
_RULE = re.compile(r"(?P<base>E|O|\d\d-\d\d|\d\d:[1-7]:-?[1-5]|lib:[a-z_]+)(?P<off>[+-]\d{1,3})?(?P<near>~)?(?P<eve><)?")
_LABELS = ((" (observed, estimated)", " (observed)"), (" (estimated)", ""))  # the library's flags


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus, as a Gregorian date (Meeus)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=year // 100 - year // 400 - 2)


def valid_rule(rule: str) -> bool:
    """Whether a holiday word's rule is well formed and names a known feast (checked by the tests)."""
    if ".." in (rule or ""):
        return all(valid_rule(part) for part in rule.split("..", 1))
    m = _RULE.fullmatch(rule or "")
    return bool(m) and (not m["base"].startswith("lib:") or m["base"][4:] in feasts())


@lru_cache(maxsize=4096)
def occurrences(rule: str, year: int) -> tuple[Occurrence, ...]:
    """The celebrations of a holiday that begin in `year`, in order (an Islamic feast may
    come twice in one Gregorian year). Empty when the rule is unknown or the year is
    outside the calendar's range: no date rather than a wrong one."""
    if ".." in (rule or ""):  # a season of the year: "E-46..E-1" (Lent), from one day to another
        first, _, last = rule.partition("..")
        return tuple((a, b) for (a, _), (b, _) in zip(occurrences(first, year), occurrences(last, year)) if a <= b)
    m = _RULE.fullmatch(rule or "")
    if m is None or not 1 < year < 9999:
        return ()
    base, off = m["base"], int(m["off"] or 0)
    if base.startswith("lib:"):
        found = _feast(base[4:], year)
    elif base == "E":
        found = ((d := easter(year), d),)
    elif base == "O":
        found = ((d := orthodox_easter(year), d),)
    elif ":" in base:
        month, weekday, nth = (int(x) for x in base.split(":"))
        days = [d for k in range(1, last_day(year, month) + 1) if (d := date(year, month, k)).isoweekday() == weekday]
        found = ((days[nth if nth < 0 else nth - 1],) * 2,) if abs(nth) <= len(days) else ()
    else:
        d = safe_date(year, int(base[:2]), int(base[3:]))
        found = ((d, d),) if d else ()
    moved = tuple((a + timedelta(days=off), b + timedelta(days=off)) for a, b in found)
    if m["near"]:
        moved = tuple(((d := _nearest_weekday(a)), d) for a, _ in moved)
    return moved


def _nearest_weekday(d: date) -> date:
    return d + timedelta(days={6: -1, 7: 1}.get(d.isoweekday(), 0))


@cache
def feasts() -> dict[str, dict[str, Any]]:
    """lang/feasts.yaml: feast key -> where the library keeps it (read once)."""
    return read_data(FEASTS_FILE, keys={"feasts": dict})["feasts"]


def _feast(key: str, year: int) -> tuple[Occurrence, ...]:
    spec = feasts().get(key)
    if not spec:
        return ()
    if "from" in spec:
        out = []
        for y in (year - 1, year, year + 1):  # a shift may cross New Year
            for first, last in _feast(spec["from"], y):
                if "weekday_before" in spec:
                    first = first - timedelta(days=(first.isoweekday() - spec["weekday_before"] - 1) % 7 + 1)
                else:
                    first = first + timedelta(days=spec.get("offset", 0))
                out.append((first, first if "until" in spec or "weekday_before" in spec else
                            last + timedelta(days=spec.get("offset", 0))))
        out = [o for o in out if o[0].year == year]
        if "until" in spec:
            out = [(first, end) for first, _ in out if (end := _until(spec["until"], first)) is not None]
        return tuple(out)
    days: set[date] = set()
    for y in (year - 1, year, year + 1):  # a run (Hanukkah) may cross New Year
        named = _library_days(spec["country"], tuple(spec.get("categories") or ("public",)), y)
        for name in spec["names"]:
            days.update(named.get(name, ()))
    runs: list[list[date]] = []
    for d in sorted(days):
        if runs and d - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(d)
        else:
            runs.append([d])
    whole = spec.get("span") == "run"
    return tuple((run[0], run[-1] if whole else run[0]) for run in runs if run[0].year == year)


def _until(spec: dict[str, Any], first: date) -> date | None:
    """The last day of a feast that lasts until another one (Ramadan: the eve of Eid al-Fitr)."""
    for y in (first.year, first.year + 1):
        for start, _ in _feast(spec["from"], y):
            if start > first:
                return start + timedelta(days=spec.get("offset", 0))
    return None


@lru_cache(maxsize=512)
def _library_days(country: str, categories: tuple[str, ...], year: int) -> dict[str, tuple[date, ...]]:
    """Holiday name -> its days in `year`, as the `holidays` package gives them for that
    country (once per country, categories and year). Empty outside the library's range."""
    import holidays  # imported on first use: start-up time

    try:
        with warnings.catch_warnings():  # "available only from 2001 to 2035": we check below
            warnings.simplefilter("ignore")
            table = holidays.country_holidays(country, years=year, categories=categories)
    except (NotImplementedError, ValueError, KeyError, AttributeError):
        return {}
    if not getattr(table, "start_year", 1) <= year <= getattr(table, "end_year", 9999):
        return {}
    named: dict[str, list[date]] = {}
    for day, names in table.items():
        if day.year != year:
            continue
        for name in names.split("; "):
            for label, kept in _LABELS:
                name = name.replace(label, kept)
            named.setdefault(name, []).append(day)
    return {name: tuple(sorted(days)) for name, days in named.items()}


# ---------------------------------------------------------------- productions


def _val(occ: Occurrence, g: Groups, anchor: str, day: date | None = None) -> Val:
    """A day (or a part of it); a feast of several days carries its whole window."""
    val = _day_or_time(day or occ[0], g, anchor)
    if day is None and occ[1] != occ[0] and val.type == "DATE":
        val.window = occ
    return val


def _candidates(ctx: Ctx, g: Groups, rule: str) -> tuple[list[Occurrence], str, bool]:
    """Occurrences the words allow: those of the written year ("Easter 2010"), of a year
    said elsewhere in the sentence, else of the years around the DCT; the anchor; and
    whether the year was fixed (then there is nothing left to choose)."""
    year = _year(ctx, g)
    if year is not None:
        return list(occurrences(rule, year)), "absolute", True
    if g.has("yrel") or g.has("this_year"):  # "Thanksgiving of next year"
        return list(occurrences(rule, ctx.dct.year + (g.get("yrel") or 0))), "dct", True
    if not g.has("rel") and (context_year := ctx.framing_year()):
        return list(occurrences(rule, context_year)), "text", True
    return [o for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) for o in occurrences(rule, y)], "dct", False


def _names_a_plan(ctx: Ctx, g: Groups) -> bool:
    """Whether a noun of a plan (lexicon `plan_nouns`) follows the feast: "an Easter truce"."""
    nouns = ctx.language.meta.get("plan_nouns") or ()
    after = ctx.text[g.m.end():g.m.end() + 20].split()
    return bool(after) and after[0].lower().rstrip("s,.;") in {str(n) for n in nouns}


def _choose(ctx: Ctx, g: Groups, cands: list[Occurrence]) -> Occurrence | None:
    """The celebration the sentence's direction points to. One under way at the DCT is
    both past (it has begun) and future (it has not ended: "will go on during Ramadan");
    a feast named on its own day is that day, unless "next" or "last" says otherwise."""
    direction, strict = _rel_direction(ctx, g)
    if direction == "past" and _names_a_plan(ctx, g):
        direction = "soon"  # "Putin declared an Easter truce": the Easter ahead, when near
    by_day = {(o[1] if direction == "future" else o[0]): o for o in cands}
    d = pick_in_year(ctx, list(by_day), direction, strict and g.has("rel"), firm=strict)
    return by_day.get(d) if d else None


@production
def holiday(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"Noël", "Pâques 2024", "last Easter", "the morning of Christmas", "Eid al-Fitr 2018",
    "Thanksgiving of next year", "le ramadan" (a window: its first and last day), "the end of
    Ramadan" (its last day)."""
    cands, anchor, fixed = _candidates(ctx, g, g.get("holiday"))
    occ = cands[0] if fixed and cands else _choose(ctx, g, cands)
    if occ is None:
        return None
    mod = g.get("mod") if g.has("mod") else None
    if mod in ("START", "END"):  # "the start of Ramadan", "la fin du ramadan": its first or last day
        return _day_or_time(occ[0] if mod == "START" else occ[1], g, anchor)
    if g.get("pod") in ("EV", "NI") and str(g.get("holiday")).endswith("<"):  # "la nuit de Noël"
        return _day_or_time(occ[0] - timedelta(days=1), g, anchor)
    if g.has("pod_after"):  # "Christmas morning", "Easter Sunday evening": that day's part
        return _day_or_time(occ[0], g, anchor, pod=g.get("pod_after"))
    val = _val(occ, g, anchor)
    val.mod = mod or val.mod  # "mid-Ramadan"
    return val


def _moved(occ: Occurrence, g: Groups, a: dict[str, Any]) -> date | None:
    """"three days after Easter", "la veille de Noël", "the third Tuesday after Christmas":
    counted from the feast's last day going forward, from its first day going back."""
    sign = g.get("sign", a.get("sign", 1))
    base = occ[1] if sign > 0 else occ[0]
    if g.has("weekday"):
        n, wd = g.get("ord", a.get("ord", 1)), g.get("weekday")
        if not isinstance(n, int) or n < 1:
            return None
        step = (wd - base.isoweekday()) % 7 or 7 if sign > 0 else -((base.isoweekday() - wd) % 7 or 7)
        return base + timedelta(days=step + sign * 7 * (n - 1))
    n, unit = g.get("count", a.get("count")), g.get("unit", a.get("unit", "D"))
    if not isinstance(n, (int, float)) or unit not in ("D", "W", "M", "Y"):
        return None
    return shift(base, unit, sign * int(n))


@production
def holiday_shift(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """A day counted from a feast: "three days after Easter", "a year from Christmas",
    "le lendemain de Noël". Without a year, the direction chooses among the days the
    phrase can mean, not among the feasts ("a year after Christmas", said in February,
    is the coming 25 December)."""
    cands, anchor, fixed = _candidates(ctx, g, g.get("holiday"))
    days = [d for o in cands if (d := _moved(o, g, a))]
    if fixed:
        return _day_or_time(days[0], g, anchor) if days else None
    direction, strict = _rel_direction(ctx, g)
    d = pick_in_year(ctx, days, direction, strict)
    return _day_or_time(d, g, anchor) if d else None


@production
def holiday_around(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """A feast near a point counted from the DCT: "Thanksgiving in 3 years" (the one of
    that year), "Thanksgiving 3 months ago" (the one nearest that day)."""
    n, unit, rule = g.get("count"), g.get("unit"), g.get("holiday")
    if not isinstance(n, (int, float)) or unit not in ("D", "W", "M", "Y"):
        return None
    point = shift(ctx.dct, unit, a.get("sign", 1) * int(n))
    if unit == "Y":
        cands = list(occurrences(rule, point.year))
        return _val(cands[0], g, "dct") if cands else None
    cands = [o for y in (point.year - 1, point.year, point.year + 1) for o in occurrences(rule, y)]
    if not cands:
        return None
    return _val(min(cands, key=lambda o: (abs((o[0] - point).days), o[0])), g, "dct")


@production
def holiday_weekend(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"the Easter weekend", "Labor Day weekend", "le week-end de la Toussaint": the weekend
    nearest the feast (its own, the one before a Monday, the one after a Thursday or Friday)."""
    cands, anchor, fixed = _candidates(ctx, g, g.get("holiday"))
    occ = cands[0] if fixed and cands else _choose(ctx, g, cands)
    if occ is None:
        return None
    back, ahead = (occ[0].isoweekday() - 6) % 7, (6 - occ[0].isoweekday()) % 7
    saturday = occ[0] - timedelta(days=back) if back <= ahead else occ[0] + timedelta(days=ahead)
    return Val("DATE", week_value(saturday) + "-WE", g.get("mod") if g.has("mod") else None, anchor)


@production
def labelled_day(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | Val | None:
    """"Le 9 mai, jour de la Victoire", "on Saturday, Independence Day in Ukraine", "Palm
    Sunday, April 13", "marked Independence Day on Wednesday": a feast named in apposition to a
    day labels it — two TIMEX3, the feast on the day the text gives (whichever country's
    Independence or Victory Day it is). `with: {of: <production>}` reads the day (default
    calendar_date); the rule's `label` group is the feast's span, `core` the day's."""
    from timeline.temporal.productions import PRODUCTIONS

    day = PRODUCTIONS[a.get("of", "calendar_date")](ctx, g, a)
    label, core = g.span("label"), g.span("core")
    if not isinstance(day, Val) or label is None or core is None:
        return day
    day.span = core
    return [day, Val(day.type, day.value, day.mod, "text", span=label, window=day.window)]
