"""The arithmetic behind the rules: one named function per kind of expression.

A rule in lang/<code>/rules.yaml names a production (`produce:`) and may pass fixed
arguments (`with:`). A production reads the match's groups (word classes already
turned into values by the lexicon) and returns Val(s), or None when the words do not
make a real date ("31 février"). Group names are the contract with the rule files:

  day month year yy weekday rel this mod approx pod count unit sign season ord part
  decade hour minute clock first second
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from timeline.temporal.context import Ctx, Groups, Val
from timeline.temporal.timex import (add_months, duration_value, is_valid_clock, iso, last_day, safe_date,
                                     shift, week_value, _part_interval)

Production = Callable[[Ctx, Groups, dict[str, Any]], "Val | list[Val] | None"]
PRODUCTIONS: dict[str, Production] = {}

# How far back / ahead a vague "il y a plusieurs jours" or "dans les prochaines
# semaines" reaches, in units of its own noun: (nearest, farthest).
VAGUE_WINDOWS = {"D": (1, 10), "W": (1, 8), "M": (1, 12), "Y": (1, 10), "H": (0, 1), "MIN": (0, 1), "S": (0, 1)}


def production(fn: Production) -> Production:
    PRODUCTIONS[fn.__name__] = fn
    return fn


def _pick(cands: list[date], dct: date, direction: str | None, strict: bool = False) -> date | None:
    """The candidate the direction points to: last one before the DCT, first one after, or nearest."""
    if not cands:
        return None
    if direction == "past":
        before = [c for c in cands if c < dct or (c == dct and not strict)]
        return max(before) if before else None
    if direction == "future":
        after = [c for c in cands if c > dct or (c == dct and not strict)]
        return min(after) if after else None
    return min(cands, key=lambda c: (abs((c - dct).days), c < dct))


def _rel_direction(ctx: Ctx, g: Groups) -> tuple[str | None, bool]:
    """Direction from "dernier"/"prochain" (strict), else the sentence's tense or the preference."""
    rel = g.get("rel")
    if rel:
        return ("past" if rel < 0 else "future"), True
    direction, why = ctx.direction()
    return direction, why == "prefer"


def _year(ctx: Ctx, g: Groups) -> int | None:
    if g.has("year"):
        return g.get("year")
    if g.has("yy"):
        yy = g.get("yy")
        return 2000 + yy if 2000 + yy <= ctx.dct.year + 10 else 1900 + yy
    return None


def _day_or_time(d: date, g: Groups, anchor: str, mod: str | None = None, pod: str | None = None) -> Val:
    pod = g.get("pod") or pod
    if pod:
        return Val("TIME", f"{iso(d)}T{pod}", mod or g.get("mod"), anchor, day=d)
    return Val("DATE", iso(d), mod or g.get("approx"), anchor, day=d)


@production
def nothing(ctx: Ctx, g: Groups, a: dict[str, Any]) -> None:
    """A "not a date" rule: it claims its words ("la résolution 2270") so no other rule reads them."""
    return None


@production
def calendar_date(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """Day + month (+ year): "le 19 juin 2024", "mardi 5 novembre", "1er mars"."""
    day, month = g.get("day"), g.get("month")
    if day is None or month is None:
        return None
    year = _year(ctx, g)
    if year is None and not g.has("rel") and (context_year := ctx.year_in_sentence()):
        d = safe_date(context_year, month, day)
        return _day_or_time(d, g, "text") if d else None
    if year is not None:
        d = safe_date(year, month, day)
        return _day_or_time(d, g, "absolute" if g.has("year") else "dct") if d else None
    cands = [c for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (c := safe_date(y, month, day))]
    weekday = g.get("weekday")
    if weekday and any(c.isoweekday() == weekday for c in cands):
        cands = [c for c in cands if c.isoweekday() == weekday]
    direction, strict = _rel_direction(ctx, g)
    d = _pick(cands, ctx.dct, direction, strict) or _pick(cands, ctx.dct, None)
    if d and a.get("shift"):  # "le lendemain du 13 février"
        d = d + timedelta(days=a["shift"])
    if d and a.get("as_week"):  # "la semaine du 7 octobre"
        return Val("DATE", week_value(d), anchor="dct")
    return _day_or_time(d, g, "dct") if d else None


@production
def weekday_day(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"jeudi 15": the month, near the DCT, whose 15th is a Thursday."""
    wd, day = g.get("weekday"), g.get("day")
    if not wd or not day:
        return None
    here = ctx.dct.replace(day=1)
    cands = [c for k in range(-12, 13) if (c := safe_date((m := add_months(here, k)).year, m.month, day))
             and c.isoweekday() == wd]
    direction, strict = _rel_direction(ctx, g)
    d = _pick(cands, ctx.dct, direction, strict) or _pick(cands, ctx.dct, None)
    return _day_or_time(d, g, "dct") if d else None


@production
def nth_in_month(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"le 3e jour d'octobre", "la première semaine d'octobre 2014", "le dernier week-end de
    septembre", "le premier mercredi du mois prochain"."""
    n, what = g.get("ord"), g.get("what") or (("WD", g.get("weekday")) if g.has("weekday") else None)
    if not n or not what:
        return None
    if g.has("month"):
        year = _year(ctx, g)
        if year is None:
            direction, strict = _rel_direction(ctx, g)
            cands = [date(y, g.get("month"), 1) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
            year = (_pick(cands, ctx.dct.replace(day=1), direction, strict)
                    or _pick(cands, ctx.dct.replace(day=1), None)).year
        first = date(year, g.get("month"), 1)
    else:
        first = add_months(ctx.dct.replace(day=1), g.get("mrel", 0) or 0)
    last = first.replace(day=last_day(first.year, first.month))
    kind = what[0] if isinstance(what, (list, tuple)) else what
    if kind == "D":
        d = last if n == -1 else safe_date(first.year, first.month, n)
        return Val("DATE", iso(d), anchor="dct", day=d) if d else None
    target = {"W": 1, "WE": 6}.get(kind, what[1] if isinstance(what, (list, tuple)) else None)
    if target is None:
        return None
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    hits = [d for d in days if d.isoweekday() == target and (kind != "W" or d + timedelta(days=6) <= last)]
    if not hits or abs(n) > len(hits):
        return None
    d = hits[n if n < 0 else n - 1]
    if kind == "W":
        return Val("DATE", week_value(d), anchor="dct")
    if kind == "WE":
        return Val("DATE", week_value(d) + "-WE", anchor="dct")
    return Val("DATE", iso(d), anchor="dct", day=d)


@production
def day_range(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | None:
    """"du 14 au 18 octobre", "entre le 8 et le 13 octobre": two days of one month (TimeML: two mentions)."""
    month, first, second = g.get("month"), g.get("first"), g.get("second")
    if month is None or first is None or second is None or first >= second:
        return None
    year = _year(ctx, g)
    years = [year] if year else [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
    cands = [c for y in years if (c := safe_date(y, month, second)) and safe_date(y, month, first)]
    direction, strict = _rel_direction(ctx, g)
    end = _pick(cands, ctx.dct, direction, strict) or _pick(cands, ctx.dct, None)
    if end is None:
        return None
    start = end.replace(day=first)
    anchor = "absolute" if g.has("year") else "dct"
    return [Val("DATE", iso(start), anchor=anchor, span=g.span("first_span") or g.span("first"), day=start),
            Val("DATE", iso(end), anchor=anchor, span=g.span("second_span"), day=end)]


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


def _holiday_day(rule: str, year: int) -> date | None:
    """A holiday's day in `year`: "MM-DD" (fixed), "E+49" (from Easter), "O-2" (from
    Orthodox Easter), "11:4:4" (month, ISO weekday, nth; -1 = the last one)."""
    if rule.startswith("E"):
        return easter(year) + timedelta(days=int(rule[1:]))
    if rule.startswith("O"):
        return orthodox_easter(year) + timedelta(days=int(rule[1:]))
    if rule.count(":") == 2:
        month, weekday, nth = (int(x) for x in rule.split(":"))
        days = [d for k in range(1, last_day(year, month) + 1)
                if (d := date(year, month, k)).isoweekday() == weekday]
        return days[nth if nth < 0 else nth - 1] if 1 <= abs(nth) <= len(days) else None
    month, day = (int(x) for x in rule.split("-"))
    return safe_date(year, month, day)


@production
def holiday(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"Noël", "le jour de l'an", "Pâques 2024", "la Pentecôte": fixed or Easter-based days."""
    rule = g.get("holiday")
    if not rule:
        return None
    year = _year(ctx, g)
    if year is not None:
        d = _holiday_day(rule, year)
        return Val("DATE", iso(d), anchor="absolute", day=d) if d else None
    cands = [c for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (c := _holiday_day(rule, y))]
    direction, strict = _rel_direction(ctx, g)
    d = _pick(cands, ctx.dct, direction, strict) or _pick(cands, ctx.dct, None)
    return Val("DATE", iso(d), anchor="dct", day=d) if d else None


@production
def numeric_date(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"19/06/2024", "2024-06-19": numeric formats, read by dateparser (absolute.py)."""
    from timeline.temporal.absolute import parse_numeric

    d = parse_numeric(g.m.group(0), ctx.dct, a.get("order", "DMY"))
    return Val("DATE", iso(d), anchor="absolute", day=d) if d else None


@production
def month_date(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"juin 2024", "en juin dernier", "début janvier", "juillet" (year from tense or nearest)."""
    month = g.get("month")
    if month is None:
        return None
    year = _year(ctx, g)
    anchor = "absolute" if g.has("year") else "dct"
    if year is None and not g.has("rel") and (context_year := ctx.year_in_sentence()):
        return Val("DATE", f"{context_year:04d}-{month:02d}", g.get("mod"), "text")
    if year is None:
        cands = [date(y, month, 1) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        here = ctx.dct.replace(day=1)
        direction, strict = _rel_direction(ctx, g)
        chosen = _pick(cands, here, direction, strict) or _pick(cands, here, None)
        year = chosen.year
    return Val("DATE", f"{year:04d}-{month:02d}", g.get("mod"), anchor)


@production
def year(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"en 2014", "fin 2023", "octobre 98" is month_date; here a year alone."""
    y = _year(ctx, g)
    if y is None:
        return None
    return Val("DATE", f"{y:04d}", g.get("mod"), "absolute" if g.has("year") else "dct")


@production
def decade(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"les années 60", "au début des années 1990" -> 196X / 199X."""
    raw = g.text("decade") or ""
    if len(raw) == 4:
        value = raw[:3] + "X"
    elif len(raw) == 2:
        value = ("20" if 2000 + int(raw) <= ctx.dct.year else "19") + raw[0] + "X"
    else:
        return None
    if not value[:3].isdigit() or raw[-1] != "0":
        return None
    return Val("DATE", value, g.get("mod"), "absolute" if len(raw) == 4 else "dct")


_ROMAN = {"I": 1, "V": 5, "X": 10}


@production
def century(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"le XIXe siècle", "à la fin du XXe siècle" -> 18XX / 19XX."""
    raw = (g.text("century") or "").upper()
    n = 0
    for i, ch in enumerate(raw):
        v = _ROMAN[ch]
        n += -v if i + 1 < len(raw) and _ROMAN[raw[i + 1]] > v else v
    if not 1 <= n <= 21:
        return None
    return Val("DATE", f"{n - 1:02d}XX", g.get("mod"), "absolute")


@production
def relative_day(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"hier", "demain", "avant-hier", "hier soir", "aujourd'hui"."""
    offset = g.get("relday", a.get("offset"))
    if offset is None:
        return None
    return _day_or_time(ctx.dct + timedelta(days=offset), g, "dct")


@production
def weekday(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"vendredi", "ce vendredi", "lundi prochain", "vendredi dernier", "samedi matin"."""
    wd = g.get("weekday")
    if not wd:
        return None
    back = (ctx.dct.isoweekday() - wd) % 7
    past, future = ctx.dct - timedelta(days=back), ctx.dct + timedelta(days=(wd - ctx.dct.isoweekday()) % 7)
    rel = g.get("rel")
    week = g.get("week") if g.has("week") else a.get("week")
    if week is not None:  # "mardi de la semaine prochaine", "lundi cette semaine", "mercredi suivant"
        d = ctx.dct + timedelta(days=wd - ctx.dct.isoweekday(), weeks=week)
    elif a.get("after_days"):  # "mardi en huit": the coming Tuesday (today included), a week on
        d = future + timedelta(days=a["after_days"])
    elif rel:
        d = (past if back else past - timedelta(days=7)) if rel < 0 else \
            (future if future != ctx.dct else future + timedelta(days=7))
    elif back == 0 and (g.has("this") or ctx.tense()):
        d = ctx.dct  # "ce vendredi", or "a déclaré vendredi", said on a Friday
    else:
        direction, _why = ctx.direction()
        if back == 0:
            d = ctx.dct + timedelta(days=7 if direction == "future" else -7 if direction == "past" else 0)
        elif direction == "past":
            d = past
        elif direction == "future":
            d = future
        else:
            d = past if back <= 3 else future
    return _day_or_time(d, g, "dct", pod=a.get("pod"))


@production
def relative_unit(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"la semaine dernière", "le mois prochain", "l'an dernier", "cette année", "fin de l'année"."""
    unit = g.get("unit", a.get("unit"))
    offset = g.get("rel") if g.has("rel") else a.get("offset", 0)
    if unit is None or offset is None:
        return None
    d = shift(ctx.dct, unit, offset)
    if unit == "W":
        value = week_value(d)
    elif unit == "M":
        value = f"{d.year:04d}-{d.month:02d}"
    elif unit == "Y":
        value = f"{d.year:04d}"
    elif unit == "D":
        return _day_or_time(d, g, "dct")
    elif unit == "Q":
        d = add_months(ctx.dct, 3 * offset)
        value = f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    else:
        return None
    return Val("DATE", value, g.get("mod") or a.get("mod"), "dct")


@production
def offset_from_dct(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"il y a trois jours", "dans deux semaines", "il y a deux ans"; a vague count gives a *_REF."""
    unit, sign = g.get("unit"), a.get("sign", -1)
    if unit is None:
        return None
    n = g.get("count")
    if n is None or not g.has("count"):
        return _vague(ctx, unit, "PAST_REF" if sign < 0 else "FUTURE_REF", VAGUE_WINDOWS.get(unit, (1, 10)))
    if unit in ("H", "MIN", "S"):
        if ctx.now is None:  # no time of publication: the day is all we know
            return Val("DATE", iso(ctx.dct), anchor="dct", day=ctx.dct)
        step = {"H": timedelta(hours=1), "MIN": timedelta(minutes=1), "S": timedelta(seconds=1)}[unit]
        moment = ctx.now + sign * int(n) * step
        text = moment.strftime("%Y-%m-%dT%H:%M:%S" if unit == "S" else "%Y-%m-%dT%H:%M")
        return Val("TIME", text, anchor="dct", window=(moment.date(), moment.date()))
    d = shift(ctx.dct, unit, sign * int(n))
    if unit == "Y":
        return Val("DATE", f"{d.year:04d}", anchor="dct")
    if unit == "M" and a.get("grain") == "month":
        return Val("DATE", f"{d.year:04d}-{d.month:02d}", anchor="dct")
    return Val("DATE", iso(d), anchor="dct", day=d)


def _vague(ctx: Ctx, unit: str, ref: str, reach: tuple[int, int]) -> Val:
    near, far = reach
    if ref == "PAST_REF":
        window = (shift(ctx.dct, unit, -far), shift(ctx.dct, unit, -near) if near else ctx.dct)
    elif ref == "FUTURE_REF":
        window = (shift(ctx.dct, unit, near) if near else ctx.dct, shift(ctx.dct, unit, far))
    else:
        window = (ctx.dct, ctx.dct)
    return Val("DATE", ref, anchor="dct", window=window)


@production
def vague(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"ces derniers jours", "récemment", "dans les prochaines semaines", "actuellement"."""
    ref = a.get("ref", "PRESENT_REF")
    unit = g.get("unit", a.get("unit", "D"))
    reach = tuple(a.get("reach", VAGUE_WINDOWS.get(unit, (1, 10))))
    val = _vague(ctx, unit, ref, (int(reach[0]), int(reach[1])))
    val.type = a.get("type", "DATE")
    return val


@production
def part_of_day(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"ce soir", "cette nuit", "dans la soirée" (the day in context), "le lendemain matin"."""
    pod = g.get("pod", a.get("pod"))
    if not pod:
        return None
    if a.get("base") == "text" and ctx.last_day is not None:
        d, anchor = ctx.last_day, "text"
    else:
        d, anchor = ctx.dct, "dct"
    d = d + timedelta(days=a.get("offset", 0))
    return Val("TIME", f"{iso(d)}T{pod}", g.get("mod"), anchor, day=d)


@production
def clock(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"à 14 h 30", "20 heures", "14h30", "midi": on the day last named in the text, else the DCT."""
    if g.has("clock"):
        hour, minute = (int(x) for x in str(g.get("clock")).split(":"))
    else:
        hour, minute = g.get("hour"), g.get("minute", 0)
        if hour is None or minute is None:
            return None
    if g.has("clock") and g.has("minute"):  # "midi trente"
        minute += int(g.get("minute", 0))
    if g.has("delta"):  # "et quart", "moins cinq", "trois quarts"
        hour, minute = divmod(hour * 60 + minute + int(g.get("delta", 0)), 60)
        hour %= 24
    if not g.has("clock"):
        if g.get("pod") in ("AF", "EV") and hour < 12:
            hour += 12
        meridiem = (g.text("meridiem") or "").lower()
        if meridiem:  # "3 pm", "12 a.m.": a 12-hour clock
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if not is_valid_clock(hour, minute):
        return None
    d, anchor = (ctx.last_day, "text") if ctx.last_day is not None else (ctx.dct, "dct")
    return Val("TIME", f"{iso(d)}T{hour:02d}:{minute:02d}", g.get("approx"), anchor)


@production
def weekend(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"ce week-end", "tout le week-end", "le week-end dernier" -> 2024-W42-WE."""
    offset = g.get("rel", 0) if g.has("rel") else a.get("offset", 0)
    if not offset and ctx.dct.isoweekday() <= 2 and ctx.tense() == "past":
        offset = -1  # "ce week-end" in a Monday's report of what happened
    return Val("DATE", week_value(ctx.dct + timedelta(weeks=offset)) + "-WE", g.get("mod"), "dct")


@production
def season(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"cet été", "l'automne 2024", "l'hiver dernier", "au printemps"."""
    code = g.get("season")
    if not code:
        return None
    y = _year(ctx, g)
    if y is not None:
        return Val("DATE", f"{y:04d}-{code}", g.get("mod"), "absolute")
    spans = [(yy, _part_interval(yy, code)) for yy in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    rel = g.get("rel")
    chosen = None
    if rel:
        pool = [s for s in spans if (s[1][1] < ctx.dct if rel < 0 else s[1][0] > ctx.dct)]
        chosen = (pool[-1] if rel < 0 else pool[0]) if pool else None
    else:
        inside = [s for s in spans if s[1][0] <= ctx.dct <= s[1][1]]
        if inside:
            chosen = inside[0]
        else:
            direction, _ = ctx.direction()
            ends = {s[1][0] if direction != "past" else s[1][1]: s for s in spans}
            pick = _pick(list(ends), ctx.dct, direction) or _pick(list(ends), ctx.dct, None)
            chosen = ends[pick]
    return Val("DATE", f"{chosen[0]:04d}-{code}", g.get("mod"), "dct") if chosen else None


@production
def year_part(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"au troisième trimestre", "au premier semestre 2025" -> 2025-Q3 / 2025-H1."""
    n, part = g.get("ord"), g.get("part")
    code = g.get("code")  # written as one token: "Q3", "H1"
    if isinstance(code, str) and len(code) == 2 and code[1].isdigit():
        part, n = code[0], int(code[1])
    if not n or not part or n > (4 if part == "Q" else 2):
        return None
    y = _year(ctx, g)
    anchor = "absolute"
    if y is None:
        anchor = "dct"
        y = ctx.dct.year + (g.get("rel") or 0)
    return Val("DATE", f"{y:04d}-{part}{n}", g.get("mod"), anchor)


@production
def anchored(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"le lendemain", "la veille", "deux jours plus tard": from the last day of the text (else the DCT)."""
    unit = g.get("unit", a.get("unit", "D"))
    n = g.get("count", a.get("count", 1))
    if unit is None or n is None:
        return None
    base, anchor = (ctx.last_day, "text") if ctx.last_day is not None else (ctx.dct, "dct")
    d = shift(base, unit, a.get("sign", 1) * int(n))
    if unit == "W" and a.get("grain") == "week":  # "la semaine suivante"
        return Val("DATE", week_value(d), anchor=anchor)
    if unit in ("D", "W"):
        return _day_or_time(d, g, anchor)
    if unit == "M":
        return Val("DATE", f"{d.year:04d}-{d.month:02d}", anchor=anchor)
    if unit == "Y":
        return Val("DATE", f"{d.year:04d}", anchor=anchor)
    return None


@production
def duration(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"pendant trois jours", "depuis 24 ans", "plusieurs semaines" (count unknown -> PXW)."""
    unit = g.get("unit", a.get("unit"))
    if unit is None:
        return None
    n = g.get("count") if g.has("count") else a.get("count")
    factor = a.get("factor", 1)
    n = None if n is None else n * factor
    return Val("DURATION", duration_value(n, a.get("as_unit", unit)), g.get("approx"), "absolute")


@production
def duration_range(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | None:
    """"de 8 à 24 mois": two durations in one unit (TimeML: two mentions)."""
    unit, first, second = g.get("unit"), g.get("first"), g.get("count")
    if unit is None or first is None or second is None or first >= second:
        return None
    return [Val("DURATION", duration_value(first, unit), anchor="absolute", span=g.span("first_span")),
            Val("DURATION", duration_value(second, unit), anchor="absolute", span=g.span("second_span"))]


@production
def every(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"chaque semaine", "tous les jeudis", "par an" -> P1W / XXXX-WXX-4."""
    wd = g.get("weekday")
    if wd:
        return Val("SET", f"XXXX-WXX-{wd}", anchor="absolute")
    unit = g.get("unit", a.get("unit"))
    return Val("SET", duration_value(1, unit), anchor="absolute") if unit else None
