"""Productions relative to the DCT or the text: weekdays, offsets, vague references, parts of
the day, clock times, anchored expressions; and durations and sets, which are never dated.

Registered in productions.PRODUCTIONS by the @production decorator (see productions.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from timeline.temporal.context import TENSES, Ctx, Groups, Val
from timeline.temporal.productions import VAGUE_WINDOWS, _day_or_time, production
from timeline.temporal.timex import add_months, duration_sum_value, duration_value, iso, narrow, safe_date, shift, week_value


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
    elif back == 0 and (g.has("this") or ctx.tense() == "past"):
        d = ctx.dct  # "ce vendredi", or "a déclaré vendredi", said on a Friday
    else:
        direction, why = ctx.direction()
        if ctx.names_a_noun(g.m.start(), g.m.end()):
            direction, why = None, ""  # "Tuesday's election", "le scrutin de dimanche": the nearest
        if 0 <= ctx.recap_at < ctx.pos and ctx.heads_entry(g.m.start(), g.m.end()):
            direction, why = "past", "recap"  # "The week in review. Wednesday: Britain pledges jets"
        if direction is None and g.has("this") and a.get("this_ahead"):
            direction = "future"  # "this Sunday" said on a Monday, no verb to say otherwise: the coming one
        if ctx.last_weekday is not None and ctx.coordinated(ctx.last_weekday[0], g.m.start()):
            direction = ctx.last_weekday[1] or direction  # "dès dimanche ou lundi": one direction
        if why != "tense" and ctx.agenda is not None and ctx.agenda[0] < ctx.pos:
            d = ctx.agenda[1] + timedelta(days=wd - 1)  # "Week ahead: … Wednesday; … Friday": its days
        elif back == 0 and why in ("tense", "recap"):  # "will meet Scholz on Friday", published that Friday: news
            d = ctx.dct                   # names the day of publication by its weekday, whatever the tense
        elif back == 0:  # no verb: the caller's preference (an assistant's "Friday" said on a Friday)
            d = ctx.dct + timedelta(days=7 if direction == "future" else -7 if direction == "past" else 0)
        elif direction == "past":
            d = past
        elif direction in TENSES and TENSES[direction].weekday_ahead:  # "agreed to meet again on Monday"
            d = future
        else:  # no tense, or a proposal: "proposed a prisoner swap on Monday" may be the day it was made
            d = past if back <= 3 else future
        ctx.last_weekday = (g.m.end(), "past" if d < ctx.dct else "future" if d > ctx.dct else None)
    d += timedelta(days=a.get("shift_days", 0))  # "overnight into Sunday": the night that ends on it
    return _day_or_time(d, g, "dct", mod=g.get("edge"), pod=a.get("pod"))  # « tôt lundi »: START


@production
def relative_unit(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"la semaine dernière", "le mois prochain", "l'an dernier", "cette année", "fin de l'année"."""
    unit = g.get("unit", a.get("unit"))
    offset = g.get("rel") if g.has("rel") else a.get("offset", 0)
    if unit is None or offset is None:
        return None
    if a.get("recap"):  # "La semaine en bref. Lundi : …": the week told, its tenseless days gone by
        ctx.recap_at = ctx.pos
    mod = g.get("mod") or a.get("mod")
    if not g.has("rel") and offset == 0 and mod in ("START", "END") and unit in ("W", "M", "Y"):
        # "au début du mois", said on the 12th of a future event; "jusqu'à la fin de la semaine" looks ahead
        offset = _edge_offset(ctx, unit, mod, "future" if g.has("until") else None)
    # "week ahead": the week from the first Monday on or after the DCT
    base = ctx.dct + timedelta(days=(8 - ctx.dct.isoweekday()) % 7) if a.get("from_monday") else ctx.dct
    d = shift(base, unit, offset)
    if unit == "W":
        value = week_value(d)
        if value != week_value(ctx.dct):  # "la semaine à venir : lundi, …", "Last week: Monday, …"
            ctx.tell_week(d)
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
    return Val("DATE", value, mod, "dct")


def _edge_offset(ctx: Ctx, unit: str, mod: str, direction: str | None = None) -> int:
    """The start or end of the current period when the sentence's tense allows it, else the
    next (future) or the previous (past) one: "Le sommet aura lieu au début du mois", written
    on the 12th, is next month's start; "Il avait démissionné à la fin du mois", written
    on the 12th, is last month's end."""
    if direction is None:
        direction, why = ctx.direction()
        if why != "tense":  # a verb of the sentence, not a caller's preference for tenseless phrases
            return 0
    first = {"W": ctx.dct - timedelta(days=ctx.dct.isoweekday() - 1), "M": ctx.dct.replace(day=1),
             "Y": ctx.dct.replace(month=1, day=1)}[unit]
    last = shift(first, unit, 1) - timedelta(days=1)
    first, last = narrow(first, last, mod)
    if direction == "future" and last < ctx.dct:
        return 1
    if direction == "past" and first > ctx.dct:
        return -1
    return 0


@production
def offset_from_dct(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"il y a trois jours", "dans deux semaines", "in half an hour", "a fortnight ago"; a vague
    count ("in a few hours") gives a *_REF."""
    unit, sign = g.get("unit", a.get("unit")), a.get("sign", -1)
    if unit is None:
        return None
    n = _count(g, a)
    if sign > 0 and (ctx.after_word("span_cues", 80)  # "the first visit in [24 years]": how long, not when
                     or (a.get("past_is_span") and ctx.tense() == "past")):  # "lost 1,500 troops in 24 hours"
        span = (g.m.start("count"), g.m.end()) if g.has("count") else None
        return Val("DURATION", duration_value(n, unit), g.get("approx"), anchor="absolute", span=span)
    if n is None:
        return _vague(ctx, unit, "PAST_REF" if sign < 0 else "FUTURE_REF", VAGUE_WINDOWS.get(unit, (1, 10)))
    if unit in ("H", "MIN", "S"):
        if ctx.now is None:  # no time of publication: the day is all we know ("in 48 hours": that day)
            hours = sign * n * {"H": 1, "MIN": 1 / 60, "S": 1 / 3600}[unit]
            d = ctx.dct + timedelta(days=int(hours / 24))
            return Val("DATE", iso(d), anchor="dct", day=d)
        step = {"H": timedelta(hours=1), "MIN": timedelta(minutes=1), "S": timedelta(seconds=1)}[unit]
        moment = ctx.now + sign * n * step
        text = moment.strftime("%Y-%m-%dT%H:%M:%S" if unit == "S" or moment.second else "%Y-%m-%dT%H:%M")
        return Val("TIME", text, anchor="dct", window=(moment.date(), moment.date()))
    if not float(n).is_integer():  # "in a year and a half": whole months or days
        unit, n = {"Y": ("M", n * 12), "M": ("M", n), "W": ("D", n * 7), "D": ("D", n)}[unit]
        if not float(n).is_integer():
            return None
    d = shift(ctx.dct, unit, sign * int(n))
    if d in (date.min, date.max):  # "il y a 3000 ans": before the calendar's first year, no date
        return None
    hedge = g.get("approx")  # "il y a un peu plus de deux mois": about that point, at the unit's grain
    mod = _HEDGED_POINT.get((hedge, sign), hedge) if hedge else a.get("mod")  # "two decades ago": about
    if unit == "Y" and a.get("grain") != "day":
        return Val("DATE", f"{d.year:04d}", mod, anchor="dct")
    if unit == "M" and (mod == "APPROX" or a.get("grain") == "month"):
        return Val("DATE", f"{d.year:04d}-{d.month:02d}", mod, anchor="dct")
    return Val("DATE", iso(d), mod, anchor="dct", day=None if mod else d)


# A hedge on a count ("plus de deux mois") bounds the point it counts to: more than two months
# ago is before that point, more than two months ahead is after it.
_HEDGED_POINT = {("MORE_THAN", -1): "BEFORE", ("MORE_THAN", 1): "AFTER",
                 ("LESS_THAN", -1): "AFTER", ("LESS_THAN", 1): "BEFORE",
                 ("EQUAL_OR_MORE", -1): "ON_OR_BEFORE", ("EQUAL_OR_MORE", 1): "ON_OR_AFTER",
                 ("EQUAL_OR_LESS", -1): "ON_OR_AFTER", ("EQUAL_OR_LESS", 1): "ON_OR_BEFORE"}


def _count(g: Groups, a: dict[str, Any]) -> float | None:
    """How many units a count says: "three", "2.5", "2 and a half", "half an", "a quarter of an"
    (groups count, dec, frac), else the rule's `with: count`; None when it says none ("a few")."""
    n = g.get("count") if g.has("count") else a.get("count")
    if g.has("dec"):
        digits = g.text("dec") or "0"
        n = (n or 0) + int(digits) / 10 ** len(digits)
    if g.has("frac"):
        n = (n if g.has("count") else 0) + float(g.get("frac"))
    if g.has("num") and g.has("den"):  # "in 3/4h"
        n = g.get("num") / g.get("den")
    return None if n is None else n * a.get("factor", 1)  # "two decades": 20 years


def _vague(ctx: Ctx, unit: str, ref: str, reach: tuple[int, int]) -> Val:
    if unit in ("H", "MIN", "S"):  # "in a few hours": today, or tomorrow for hours
        unit, reach = "D", (0, 1 if unit == "H" else 0)
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
    if "past" in a and ctx.side() == "past":  # « tout à l'heure » : in a while, or a while ago
        ref = a["past"]
    unit = g.get("unit", a.get("unit", "D"))
    reach = tuple(a.get("reach", VAGUE_WINDOWS.get(unit, (1, 10))))
    if g.has("count") and g.get("count"):  # "les trois derniers mois": back to the DCT
        reach = (0, int(g.get("count")))
    val = _vague(ctx, unit, ref, (int(reach[0]), int(reach[1])))
    val.type = a.get("type", "DATE")
    return val


@production
def part_of_day(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"ce soir", "cette nuit", "dans la soirée" (the day in context), "le lendemain matin"."""
    pod = g.get("pod", a.get("pod"))
    if not pod:
        return None
    told = ctx.day_told() if a.get("base") == "text" else None
    d, anchor = (told[0], "text") if told is not None else (ctx.dct, "dct")
    offset = a.get("offset", 0)
    if told is not None and told[1] == "NI" and pod in ("MO", "AF"):
        offset += 1  # "dans la nuit de dimanche à lundi … Le trafic a repris dans la matinée": Monday's
    if "past_offset" in a and (anchor == "dct" or d == ctx.dct) and ctx.direction()[0] in ("past", None):
        offset = a["past_offset"]  # "overnight" in a report of what happened, or in a headline
        #                            with no verb ("Quatre secouristes tués dans la nuit"): the night before,
        #                            also after the day of publication was named ("… on Monday. During the night")
    d = d + timedelta(days=offset)
    mod = ("END" if g.has("late") else "START") if a.get("edge") else g.get("mod")  # « tard dans la soirée »
    return Val("TIME", f"{iso(d)}T{pod}", mod, anchor, day=d)


@production
def weekday_count(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"three Fridays from now", "two Thursdays ago": the n-th such weekday after (before) the
    DCT, the DCT itself not counted."""
    wd, n, sign = g.get("weekday"), g.get("count"), a.get("sign", 1)
    if not wd or not n:
        return None
    gap = (wd - ctx.dct.isoweekday()) % 7 if sign > 0 else (ctx.dct.isoweekday() - wd) % 7
    d = ctx.dct + timedelta(days=sign * ((gap or 7) + 7 * (int(n) - 1)))
    return Val("DATE", iso(d), anchor="dct", day=d)


@production
def from_now_on(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"as soon as possible": from the moment of publication on (TIMEX3 mod AFTER)."""
    if ctx.now is not None:
        return Val("TIME", ctx.now.strftime("%Y-%m-%dT%H:%M:%S"), "AFTER", "dct", window=(ctx.dct, ctx.dct))
    return Val("DATE", iso(ctx.dct), "AFTER", "dct")


@production
def weekend(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"ce week-end", "tout le week-end", "le week-end dernier" -> 2024-W42-WE."""
    offset = g.get("rel", 0) if g.has("rel") else a.get("offset", 0)
    if g.has("coming"):  # "the coming weekend": the next one to begin (on a weekday, this week's)
        offset = 0 if ctx.dct.isoweekday() <= 5 else 1
    elif not offset and ctx.dct.isoweekday() <= 5 and ctx.tense() == "past":
        offset = -1  # "ce week-end" in a weekday's report of what happened: the one before
    return Val("DATE", week_value(ctx.dct + timedelta(weeks=offset)) + "-WE", g.get("mod"), "dct")


def _same_clause(ctx: Ctx, start: int) -> bool:
    """Whether a mention starting at `start` lies in the clause being resolved: same sentence,
    no semicolon or colon between."""
    first, _ = ctx.sentence(ctx.pos)
    return first <= start < ctx.pos and not any(c in ctx.text[start:ctx.pos] for c in ";:")


@production
def anchored(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"le lendemain", "la veille", "deux jours plus tard": from the last day of the text (else the DCT)."""
    unit = g.get("unit", a.get("unit", "D"))
    n = g.get("count", a.get("count", 1))
    if unit is None or n is None:
        return None
    n = n * a.get("factor", 1)  # "three decades on": 30 years
    if a.get("of_event") and ctx.last_day is not None and _same_clause(ctx, ctx.last_day_at):
        return _day_or_time(ctx.last_day, g, "text")  # "hier, au lendemain de la démission": hier
    base, anchor = (ctx.last_day, "text") if ctx.last_day is not None else (ctx.dct, "dct")
    latest = ctx.last_day_at if ctx.last_day is not None else -1  # a month or a year named since counts
    if unit in ("M", "Y") and ctx.last_month is not None and ctx.last_month[1] > latest:
        (base, latest), anchor = ctx.last_month, "text"  # "En février 2022, … Sept mois plus tard"
    if unit == "Y" and (told := ctx.last_told()) is not None:
        base, anchor = told, "text"  # "In 2014 …; two years later", "The following spring, … The same year"
    if unit in ("H", "MIN", "S"):  # "hours later", "two hours later": that day, or the one the hours reach
        hours = int(n) * {"H": 1, "MIN": 1 / 60, "S": 1 / 3600}[unit] * a.get("sign", 1)
        if n and ctx.last_clock is not None and ctx.last_clock[1] >= latest:  # "déclenchée à 6 h 50, levée
            moment = ctx.last_clock[0] + timedelta(hours=hours)                # une demi-heure plus tard": 7 h 20
            return Val("TIME", moment.strftime("%Y-%m-%dT%H:%M"), anchor="text")
        if n and abs(hours) < 24:  # "environ une heure plus tard" with no clock to count from: how long
            return Val("DURATION", duration_value(n, unit), g.get("approx"), "absolute")  # (TimeML, French TimeBank)
        d = base + timedelta(days=int(hours / 24))
        return Val("DATE", iso(d), anchor=anchor, day=d)
    d = shift(base, unit, a.get("sign", 1) * int(n))
    if unit == "W" and a.get("grain") == "week":  # "la semaine suivante", "the beginning of the following week"
        return Val("DATE", week_value(d), g.get("mod"), anchor=anchor)
    if unit in ("D", "W"):
        return _day_or_time(d, g, anchor)
    if unit == "M":
        return Val("DATE", f"{d.year:04d}-{d.month:02d}", g.get("mod"), anchor=anchor)
    if unit == "Y":
        return Val("DATE", f"{d.year:04d}", g.get("mod"), anchor=anchor)
    return None


@production
def duration(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"pendant trois jours", "depuis 24 ans", "plusieurs semaines" (count unknown -> PXW)."""
    unit = g.get("unit", a.get("unit"))
    if unit is None:
        return None
    n = _count(g, a)
    n = None if n is None else n + (0.5 if a.get("and_a_half") else 0)  # "une heure et demie"
    unit = a.get("as_unit", unit)
    mod = g.get("approx") or g.get("approx_after") or a.get("mod")  # "about a week", "a week or more"
    if (g.has("frac") or a.get("and_a_half")) and n is not None and not float(n).is_integer() and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        if n > 1 and unit in ("H", "MIN"):  # "une heure et demie" -> PT1H30M, as a clock reads it
            return Val("DURATION", duration_sum_value([(int(n), unit), ((n % 1) * per, smaller)]), mod, "absolute")
        unit, n = smaller, n * per  # "half an hour" -> PT30M, "un an et demi" -> P18M
    return Val("DURATION", duration_value(n, unit), mod, "absolute")


@production
def duration_sum(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | list[Val] | None:
    """"deux heures trente minutes", "two years and three months", "pendant 1 h 45": one length
    told in two units is one DURATION (PT2H30M), not two; the rule names the units (`with`)."""
    parts = [(g.get("count"), g.get("unit", a.get("unit"))), (g.get("count2") or 0, g.get("unit2", a.get("unit2")))]
    if parts[0][0] is None or not parts[0][0] or any(u is None for _, u in parts):
        return None
    if _UNIT_ORDER.index(parts[0][1]) >= _UNIT_ORDER.index(parts[1][1]) and parts[1][0] and g.has("second_span"):
        # "between 18 months and four years": two lengths, not one told largest first
        return [Val("DURATION", duration_sum_value([part]), anchor="absolute", span=g.span(name))
                for part, name in zip(parts, ("first_span", "second_span"))]
    return Val("DURATION", duration_sum_value(parts), g.get("approx"), "absolute")


_UNIT_ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")  # largest first, as a length in two units is told


_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


@production
def duration_range(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | None:
    """"de 8 à 24 mois", "between 10 and 20 years": two durations in one unit (TimeML: two mentions)."""
    first_span = "first_span" if g.has("first") else "first_span2"  # one group name per alternative
    unit, first, second = g.get("unit"), g.get("first", g.get("first2")), g.get("count")
    if unit is None or first is None or second is None or first >= second:
        return None
    return [Val("DURATION", duration_value(first, unit), anchor="absolute", span=g.span(first_span)),
            Val("DURATION", duration_value(second, unit), anchor="absolute", span=g.span("second_span"))]


@production
def year_pair(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | None:
    """"the 1950-53 war": two years (TimeML: two mentions), the second's century taken from the first."""
    first, yy = g.get("year"), g.get("yy")
    if first is None or yy is None:
        return None
    second = first // 100 * 100 + yy
    if second <= first:  # "1999-00": the next century
        second += 100
    if second - first > 30:
        return None
    return [Val("DATE", f"{first:04d}", anchor="absolute", span=g.span("first_span")),
            Val("DATE", f"{second:04d}", anchor="absolute", span=g.span("second_span"))]


@production
def every(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | list[Val] | None:
    """"chaque semaine", "tous les jeudis", "par an", "chaque nuit" -> P1W / XXXX-WXX-4 /
    XXXX-XX-XXTNI (TimeML: any day's night)."""
    wd, pod = g.get("weekday"), g.get("pod", a.get("pod"))
    if wd and g.has("wd2"):  # « du lundi au samedi », "every Tuesday, Thursday and Saturday": each day a habit
        return [Val("SET", f"XXXX-WXX-{g.get(key)}", anchor="absolute", span=g.span(key))
                for key in ("weekday", "wd2", "wd3") if g.has(key)]
    if wd:  # "tous les jeudis", "le jeudi soir" (XXXX-WXX-4TEV)
        return Val("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), anchor="absolute")
    if pod:
        return Val("SET", f"XXXX-XX-XXT{pod}", anchor="absolute")
    if a.get("weekend"):  # "every weekend", "on weekends"
        return Val("SET", "XXXX-WXX-WE", anchor="absolute")
    if g.has("season"):  # "chaque été", "every winter"
        return Val("SET", f"XXXX-{g.get('season')}", anchor="absolute")
    month, day = g.get("month") or g.get("month2"), g.get("day") or g.get("day2")
    if month and day:  # "chaque 18 mai": the same day of every year (29 February exists in leap years)
        return Val("SET", f"XXXX-{month:02d}-{day:02d}", anchor="absolute") if safe_date(2024, month, day) else None
    if month:  # "every July"
        return Val("SET", f"XXXX-{month:02d}", anchor="absolute")
    unit = g.get("unit", a.get("unit"))
    count = g.get("count") if g.has("count") else a.get("count", 1)  # "tous les six mois" -> P6M
    return Val("SET", duration_value(count, unit), anchor="absolute") if unit and count else None
