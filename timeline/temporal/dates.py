"""Productions for calendar dates: days, months, years, seasons, ranks in a month (holidays: holidays.py).

Registered in productions.PRODUCTIONS by the @production decorator (see productions.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from timeline.temporal.context import Ctx, Groups, Val
from timeline.temporal.productions import _day_or_time, _pick, _rel_direction, _year, nearest_wins, pick_in_year, production
from timeline.temporal.timex import _part_interval, add_months, iso, last_day, safe_date, week_value


@production
def calendar_date(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """Day + month (+ year): "le 19 juin 2024", "mardi 5 novembre", "1er mars"."""
    day, month = g.get("day"), g.get("month")
    if day is None or month is None:
        return None
    year = _year(ctx, g)
    if g.has("told") and (told := ctx.last_told()) is not None:  # "le 3 octobre de la même année"
        d = safe_date(told.year, month, day)
        return _day_or_time(d, g, "text", pod=a.get("pod")) if d else None
    if g.has("told_rel") and (told := ctx.last_day or ctx.last_told()) is not None:
        # "le 24 août précédent": the one before the text's last date, not before the DCT
        cands = [c for y in (told.year - 1, told.year, told.year + 1) if (c := safe_date(y, month, day))]
        d = _pick(cands, told, "past" if g.get("told_rel") < 0 else "future", strict=True)
        return _day_or_time(d, g, "text", pod=a.get("pod")) if d else None
    if year is None and not g.has("rel") and (context_year := ctx.framing_year(month, day)):
        d = safe_date(context_year, month, day)
        if d and (not g.has("weekday") or d.isoweekday() == g.get("weekday")):
            return _day_or_time(d, g, "text", pod=a.get("pod"))  # "En 2014, … le 18 mars"; a weekday must agree
    if year is not None:
        d = safe_date(year, month, day)
        if d and a.get("as_week"):  # "the week of October 7, 2024"
            return _week_of(ctx, d, "absolute" if g.has("year") else "dct")
        return _day_or_time(d, g, "absolute" if g.has("year") else "dct", pod=a.get("pod")) if d else None
    d = _year_guessed(ctx, g, month, day)
    if d and a.get("shift"):  # "le lendemain du 13 février"
        d = d + timedelta(days=a["shift"])
    if d and a.get("as_week"):  # "la semaine du 7 octobre"
        return _week_of(ctx, d, "dct")
    if d is None:
        return None
    val = _day_or_time(d, g, "dct", pod=a.get("pod"))
    val.year_open = not g.has("rel") and not a.get("shift")
    return val


def _year_guessed(ctx: Ctx, g: Groups, month: int, day: int) -> date | None:
    """The day `day` of `month` in the year before, of or after the DCT's that the tense (else
    nearness) points to, and that agrees with a weekday the match names."""
    cands = [c for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (c := safe_date(y, month, day))]
    weekday = g.get("weekday")
    if weekday and any(c.isoweekday() == weekday for c in cands):
        cands = [c for c in cands if c.isoweekday() == weekday]
    direction, strict = _rel_direction(ctx, g)
    return pick_in_year(ctx, cands, direction, strict)


@production
def night_of_dates(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """« la nuit du 8 au 9 octobre », « du 31 décembre au 1er janvier »: one night, dated as
    TimeML dates a night, by the evening it begins; the year is found for the morning's date,
    the one written with its month. Two days that do not follow each other are no night."""
    day, day2, month = g.get("day"), g.get("day2"), g.get("month")
    if day is None or day2 is None or month is None:
        return None
    year = g.get("first_year") if g.has("first_year") else _year(ctx, g)
    if g.has("first_year"):  # "du 31 décembre 2023 au 1er janvier 2024": the evening's year is written
        start = safe_date(year, g.get("first_month") or month, day)
        end = start + timedelta(days=1) if start else None
    else:
        end = safe_date(year, month, day2) if year is not None else _year_guessed(ctx, g, month, day2)
        start = end - timedelta(days=1) if end else None
    if start is None or end is None or (start.day, end.day, end.month) != (day, day2, month) \
            or (g.has("first_month") and start.month != g.get("first_month")):
        return None
    return Val("TIME", f"{iso(start)}TNI", None, "absolute" if year is not None else "dct", day=start)


MONTH_NEAR = 31  # days


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
    nearest = _pick(cands, ctx.dct, None)
    d = _pick(cands, ctx.dct, direction, strict) or nearest
    if d is not None and nearest is not None and not strict and abs((d - ctx.dct).days) > MONTH_NEAR >= abs((nearest - ctx.dct).days):
        d = nearest  # a month goes unsaid for a day weeks away at most: "organisée samedi 12" (4 June) is the 12th
    return _day_or_time(d, g, "dct") if d else None


@production
def nth_in_month(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"le 3e jour d'octobre", "la première semaine d'octobre 2014", "le dernier week-end de
    septembre", "le premier mercredi du mois prochain"."""
    n, what = g.get("ord"), g.get("what") or (("WD", g.get("weekday")) if g.has("weekday") else a.get("what"))
    if not n or not what:
        return None
    if g.has("month"):
        year = _year(ctx, g)
        if year is None:
            direction, strict = _rel_direction(ctx, g)
            cands = [date(y, g.get("month"), 1) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
            year = pick_in_year(ctx, cands, direction, strict, ref=ctx.dct.replace(day=1)).year
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


def pick_range(ctx: Ctx, pairs: list[tuple[date, date]], direction: str | None,
               strict: bool = False) -> tuple[date, date]:
    """The (start, end) the direction points to. A past act began by the DCT ("a décrété une
    trêve du 8 au 10 mai" on the 9th is this May); a coming one ends after it; with no
    direction, the range that holds the DCT or lies nearest — also when that one is weeks away
    and the direction's most of a year (pick_in_year)."""
    dct = ctx.dct

    def distance(p: tuple[date, date]) -> int:
        return max((p[0] - dct).days, (dct - p[1]).days, 0)

    nearest = min(pairs, key=lambda p: (distance(p), p[1] < dct))
    chosen = None
    if direction == "past":
        start = _pick([s for s, _ in pairs], dct, "past", strict)
        chosen = next((p for p in pairs if p[0] == start), None)
    elif direction is not None:
        end = _pick([e for _, e in pairs], dct, direction, strict)
        chosen = next((p for p in pairs if p[1] == end), None)
    if chosen is None or nearest_wins(ctx, chosen[0], dct, distance(nearest), strict):
        return nearest
    return chosen


@production
def day_range(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | None:
    """"du 14 au 18 octobre", "entre le 8 et le 13 octobre": two days of one month (TimeML: two mentions)."""
    month, first, second = g.get("month"), g.get("first"), g.get("second")
    if month is None or first is None or second is None or first >= second:
        return None
    year = _year(ctx, g)
    years = [year] if year else [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
    pairs = [(s, e) for y in years if (s := safe_date(y, month, first)) and (e := safe_date(y, month, second))]
    if not pairs:
        return None
    first_at = g.span("first_span") or g.span("first")
    if first_at is not None:  # "a ceasefire between May 8 and 10": the lead words reach the first day
        ctx.pos = first_at[0]
    direction, strict = _rel_direction(ctx, g)
    start, end = pick_range(ctx, pairs, direction, strict)
    anchor = "absolute" if g.has("year") else "dct"
    return [Val("DATE", iso(start), anchor=anchor, span=g.span("first_span") or g.span("first"), day=start),
            Val("DATE", iso(end), anchor=anchor, span=g.span("second_span"), day=end)]


@production
def numeric_date(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"19/06/2024", "2024-06-19": numeric formats, read by dateparser (absolute.py)."""
    from timeline.temporal.absolute import parse_numeric

    d = parse_numeric(g.text("digits") or g.m.group(0), ctx.dct, a.get("order", "DMY"))
    return Val("DATE", iso(d), anchor="absolute", day=d) if d else None


@production
def day_month_digits(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"31/10", "17/02": a day and a month in digits, the year from the tense or the nearest."""
    raw = g.text("digits") or ""
    day, _, month = raw.partition("/")
    if not (day.isdigit() and month.isdigit()):
        return None
    cands = [c for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
             if (c := safe_date(y, int(month), int(day)))]
    direction, strict = _rel_direction(ctx, g)
    d = pick_in_year(ctx, cands, direction, strict)
    return Val("DATE", iso(d), anchor="dct", day=d) if d else None


@production
def month_date(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"juin 2024", "en juin dernier", "début janvier", "juillet" (year from tense or nearest)."""
    month = g.get("month")
    if month is None:
        return None
    raw = g.text("month") or ""
    if (ctx.language.meta.get("month_names_lowercase") and raw[:1].isupper() and not g.has("year")
            and not ctx.starts_sentence(g.m.start("month"))):
        return None  # "la planète Mars", "le cargo Mai Lan": a capital makes a name
    year = _year(ctx, g)
    if year is None and g.has("year_rel"):  # "June last year", "en juin de l'année dernière"
        year = ctx.dct.year + g.get("year_rel")
    anchor = "absolute" if g.has("year") else "dct"
    if year is None and not g.has("rel") and (context_year := ctx.framing_year(month)):
        return Val("DATE", f"{context_year:04d}-{month:02d}", g.get("mod"), "text")
    if year is None:
        cands = [date(y, month, 1) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        here = ctx.dct.replace(day=1)
        direction, strict = _rel_direction(ctx, g)
        chosen = pick_in_year(ctx, cands, direction, strict, ref=here)
        return Val("DATE", f"{chosen.year:04d}-{month:02d}", g.get("mod"), anchor, year_open=not g.has("rel"))
    return Val("DATE", f"{year:04d}-{month:02d}", g.get("mod"), anchor)


def _week_of(ctx: Ctx, d: date, anchor: str) -> Val:
    """The week a day names ("la semaine du 7 octobre"), told as a whole: the days it lists after
    it without a tense are its own (Ctx.agenda)."""
    ctx.tell_week(d)
    return Val("DATE", week_value(d), anchor=anchor)


@production
def month_pair(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | None:
    """"mars-avril 2022", "en mai et juin derniers": two months, the year said once (two mentions)."""
    first, second = g.get("first"), g.get("month")
    last = month_date(ctx, g, a)
    if first is None or second is None or last is None or first >= second:
        return None
    year_of_last = int(last.value[:4])
    last.span = g.span("second_span")
    return [Val("DATE", f"{year_of_last:04d}-{first:02d}", None, last.anchor, span=g.span("first")), last]


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
    word = g.get("decade")  # "nineties" -> "90" (lexicon `decade_word`), else the digits written
    raw = (("19" if g.has("nineteen") else "") + word) if isinstance(word, str) else g.text("decade") or ""
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
    n = int(raw) if raw.isdigit() else 0  # "the 21st century"
    for i, ch in enumerate(raw if not raw.isdigit() else ""):
        v = _ROMAN[ch]
        n += -v if i + 1 < len(raw) and _ROMAN[raw[i + 1]] > v else v
    if not 1 <= n <= 21:
        return None
    return Val("DATE", f"{n - 1:02d}XX", g.get("mod"), "absolute")


@production
def season(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"cet été", "l'automne 2024", "l'hiver dernier", "au printemps"."""
    code = g.get("season")
    if not code:
        return None
    y = _year(ctx, g)
    if y is not None and g.has("year_end"):  # "l'hiver 2022-2023": only a winter runs into the next year
        end = g.get("year_end")
        if code != "WI" or end not in (y + 1, (y + 1) % 100):
            return None
    if y is not None:
        return Val("DATE", f"{y:04d}-{code}", g.get("mod"), "absolute")
    if not g.has("rel") and not g.has("this") and (context_year := ctx.framing_year()):
        return Val("DATE", f"{context_year:04d}-{code}", g.get("mod"), "text")  # "En 2014, … à la fin de l'été"
    spans = _parts_around(ctx.dct.year, code)
    rel = g.get("rel")
    if rel:
        pool = [yy for yy, (start, end) in spans if (end < ctx.dct if rel < 0 else start > ctx.dct)]
        y = (pool[-1] if rel < 0 else pool[0]) if pool else None
    elif g.has("this") and not any(start <= ctx.dct <= end for _, (start, end) in spans):
        # "this winter" said in November: the one weeks ahead, whatever the verb
        y = min(spans, key=lambda s: min(abs((s[1][0] - ctx.dct).days), abs((s[1][1] - ctx.dct).days)))[0]
    else:
        y = _year_of_part(ctx, code, ctx.direction()[0], False, firm=True)
    return Val("DATE", f"{y:04d}-{code}", g.get("mod"), "dct") if y is not None else None


def _parts_around(year: int, code: str) -> list[tuple[int, tuple[date, date]]]:
    """The `code` period (season, quarter, half) of the years before, of and after `year`."""
    return [(y, _part_interval(y, code)) for y in (year - 1, year, year + 1)]


def _year_of_part(ctx: Ctx, code: str, direction: str | None, strict: bool, firm: bool | None = None) -> int:
    """The year whose `code` period holds the DCT, else the one the direction points to: by
    its start ahead, by its end back (pick_in_year)."""
    spans = _parts_around(ctx.dct.year, code)
    inside = [y for y, (start, end) in spans if start <= ctx.dct <= end]
    if inside:
        return inside[0]
    edges = {(end if direction == "past" else start): y for y, (start, end) in spans}
    return edges[pick_in_year(ctx, list(edges), direction, strict, firm=firm)]


@production
def told_year_period(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"that April", "cet été-là", "December of that year": the month or season of the year the
    text last named; "the following spring", "l'hiver suivant": the first one after that
    date. Without a date named before, nothing the words can be counted from: no mention."""
    base = ctx.last_told()
    month, code = g.get("month"), g.get("season")
    if base is None or not (month or code):
        return None
    following = bool(a.get("following"))
    if month:
        year = base.year + (1 if following and month <= base.month else 0)
        return Val("DATE", f"{year:04d}-{month:02d}", g.get("mod"), "text")
    spans = _parts_around(base.year, code)
    if following:
        y = next(y for y, (start, _) in spans if start > base)
    else:
        y = next((y for y, (start, end) in spans if start <= base <= end), base.year)
    return Val("DATE", f"{y:04d}-{code}", g.get("mod"), "text")


@production
def year_part(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"au troisième trimestre", "au premier semestre 2025" -> 2025-Q3 / 2025-H1."""
    n, part = g.get("ord"), g.get("part")
    code = g.get("code") or g.text("code")  # written as one token: "Q3", "H1", "2018Q4"
    if isinstance(code, str) and len(code) == 2 and code[1].isdigit():
        part, n = code[0].upper(), int(code[1])
    if not n or not part or n > (4 if part == "Q" else 2):
        return None
    y = _year(ctx, g)
    anchor = "absolute"
    if y is None and not g.has("rel") and (context_year := ctx.framing_year()):
        y, anchor = context_year, "text"  # "au premier semestre 2024, puis au troisième trimestre"
    if y is None and g.has("rel"):
        y, anchor = ctx.dct.year + g.get("rel"), "dct"
    if y is None:  # the one under way, else the one the tense points to ("recevra au troisième trimestre")
        anchor = "dct"
        y = _year_of_part(ctx, f"{part}{n}", *_rel_direction(ctx, g))
    return Val("DATE", f"{y:04d}-{part}{n}", g.get("mod"), anchor)


@production
def day_of_month(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"on the 15th", "le 16": a day of the month alone, in the previous, the current or
    the next month, as the sentence's tense or the caller's preference points."""
    day = g.get("day")
    if not day:
        return None
    direction, strict = _rel_direction(ctx, g)
    told = ctx.last_month[0] if ctx.last_month and ctx.last_month[1] > ctx.last_day_at else ctx.last_day
    if a.get("text_month") and told is not None:  # "Le 3 mars, … le 16, …", "En juin dernier, … Le 12, …"
        d = safe_date(told.year, told.month, day)
        if d is None:
            return None
        if not ((direction == "future" and d < ctx.dct) or (direction == "past" and d > ctx.dct)):
            return _day_or_time(d, g, "text")  # else: "Hier, … le conseil se réunira le 2": the coming 2nd
    here = ctx.dct.replace(day=1)
    cands = [c for k in (-1, 0, 1) if (c := safe_date((m := add_months(here, k)).year, m.month, day))]
    d = _pick(cands, ctx.dct, direction, strict) or _pick(cands, ctx.dct, None)
    return _day_or_time(d, g, "dct") if d else None
