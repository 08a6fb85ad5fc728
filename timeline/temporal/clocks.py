"""Clock times: what a clock expression says ("3:15 p.m.", "ten thirty", "20 minutes to 2pm",
"14 h 30") and the day it is put on (the text's last day, the DCT, or the day it names).

Registered in productions.PRODUCTIONS by the @production decorator (see productions.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from timeline.temporal.context import Ctx, Groups, Val
from timeline.temporal.productions import production
from timeline.temporal.relative import part_of_day, relative_day, weekday
from timeline.temporal.timex import is_valid_clock, iso, on_part_of_day
from timeline.temporal.zones import LOCAL, offset_on, place_zone, utc_offset_text


def _clock_reading(g: Groups, a: dict[str, Any]) -> tuple[int, int, int | None] | None:
    """(hour, minute, second) a clock expression says, before it is put on a day: "14h30",
    "3:15 p.m.", "ten thirty am", "twelve oh three", "a quarter to noon", "20 minutes to 2pm"."""
    if g.has("clock"):
        hour, minute = (int(x) for x in str(g.get("clock")).split(":"))
    elif g.has("hhmm"):  # "0400 GMT": a 24-hour time written as four digits
        hour, minute = divmod(int(g.text("hhmm")), 100)
    else:
        hour = g.get("hour")
        words = [g.get(k) for k in ("mtens", "units", "mteen", "units0") if g.has(k)]
        minute = sum(words) if words and None not in words else g.get("minute", 0) if not words else None
        if hour is None or minute is None:
            return None
    delta = int(g.get("delta", 0)) if g.has("delta") else 0  # "et quart", "moins cinq", "trois quarts"
    if g.has("clock") and g.has("minute"):  # "midi trente"; "15 to noon"
        delta += int(g.get("minute", 0)) * a.get("minute_sign", 1)
    elif a.get("minute_sign", 1) < 0:  # "20 minutes to 2pm": the minutes come off the hour
        delta, minute = -minute, 0
    if not g.has("clock"):
        pod = g.get("pod")
        if (pod in ("AF", "EV") and hour < 12) or (pod == "NI" and 6 <= hour < 12):
            hour += 12
        meridiem = " ".join((g.text("meridiem") or "").lower().split()[-2:]).replace("the ", "")
        if meridiem:  # "3 pm", "12 a.m.", "3:15p", "3 in the AM": a 12-hour clock
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if delta:
        hour, minute = divmod(hour * 60 + minute + delta, 60)
        hour %= 24
    second = g.get("second") if g.has("second") else None
    if not is_valid_clock(hour, minute) or (second is not None and not 0 <= second <= 59):
        return None
    return hour, minute, second


def _zone_offset(ctx: Ctx, g: Groups, d: date, hour: int, minute: int) -> timedelta | None:
    """How far east of UTC the zone after the clock puts it on day `d`: a fixed offset ("GMT"),
    an IANA zone on that day ("heure de Paris", summer or winter), or for "heure locale" the
    zone of the place the sentence names. None (kept as written): no place, unknown zone."""
    zone = g.get("tz")
    if zone == LOCAL:
        start, end = g.m.span("core") if g.has("core") else g.m.span()
        zone = place_zone(ctx.language.code, g.m.string, start, end, *ctx.sentence(start))
    return offset_on(zone, d, hour, minute) if zone is not None else None


def _in_dct_zone(ctx: Ctx, d: date, hour: int, minute: int, east: timedelta | None) -> datetime | None:
    """The clock read east of UTC by `east`, as the (timed) DCT's zone shows it that day. None:
    no zone, or a moment past the calendar's ends."""
    if east is None or ctx.now is None or ctx.now.tzinfo is None:
        return None
    try:
        moment = datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(east))
        return moment.astimezone(ctx.now.tzinfo)
    except (OverflowError, ValueError):
        return None


def _clock_value(d: date, hour: int, minute: int, second: int | None) -> str:
    return f"{iso(d)}T{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")


@production
def clock(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"à 14 h 30", "20 heures", "14h30", "midi": on the day last named in the text, else the DCT."""
    reading = _clock_reading(g, a)
    if reading is None:
        return None
    hour, minute, second = reading
    if (habit := ctx.habit_told()) is not None:  # "chaque mardi à 15 h": a clock of every Tuesday
        return Val("SET", f"{habit}T{hour:02d}:{minute:02d}", anchor="absolute")
    stamp = ctx.starts_sentence(ctx.pos) and _STAMP_END.match(g.m.string, g.m.end()) is not None
    # "6:30 this morning" is the DCT's, whatever day came before; so is a live blog's "16 h 00 :",
    # the time of its post
    since = ctx.right_after("since_words", ctx.pos)  # "ce soir : « Depuis 5 heures du matin… »" is this morning
    # "Depuis minuit, deux attaques ont été signalées": a state reaching the DCT, whatever day an
    # earlier sentence named
    elsewhere = since and ctx.last_day_at < ctx.sentence(ctx.pos)[0]
    # a stamp is on the day a heading or an earlier entry named ("Jeudi 24 février, le récit.
    # 4 h 50 : …", "Saturday 7:30 a.m.: … 10 a.m.: …"), else the DCT's
    told = None if g.has("this") or elsewhere else ctx.entry_day if stamp else ctx.day_told()
    d, anchor = (told[0], "text") if told is not None else (ctx.dct, "dct")
    d, hour = on_part_of_day(d, told[1] if told is not None and not since else "", hour, minute,
                             _open_twelve(ctx, g, a, hour))
    if (told is not None and not told[1] and 0 < hour * 60 + minute < SMALL_HOURS_END * 60
            and ctx.right_after("until_words", ctx.pos)):  # midnight: relations._midnight_ends_its_day
        d += timedelta(days=1)  # "hier, dimanche. On a travaillé jusqu'à 2 heures du matin": Monday's 2 a.m.
    timed = ctx.now is not None and ctx.now.utcoffset() is not None
    east = _zone_offset(ctx, g, d, hour, minute) if g.has("tz") and timed else None
    moment = _in_dct_zone(ctx, d, hour, minute, east)
    zone = ""
    if moment is not None:  # "8:00 GMT": read in the DCT's own zone, the zone written kept for display
        d, hour, minute = moment.date(), moment.hour, moment.minute
        zone = utc_offset_text(east)
    elif g.has("tz") and timed:  # "3 h 40, heure locale" with no place: an hour of an unknown
        return Val("DATE", iso(d), anchor=anchor, day=d)  # zone; its day is all that is sure
    elif anchor == "dct" and ctx.prefer == "future" and ctx.now is not None:
        d, hour = _next_occurrence(ctx, hour, minute, ambiguous=_open_twelve(ctx, g, a, hour) and hour != 12)
    mod = g.get("approx") or (a.get("mod") if g.has("since") else None)
    return Val("TIME", _clock_value(d, hour, minute, second), mod, anchor, zone=zone, day_open=anchor == "dct",
               day=d if g.has("this") or stamp else None)  # later clocks are on that day too


_STAMP_END = re.compile(r"(?:\s\(?[A-Z]{2,5}\)?)?\s?:\s")  # "16 h 00 : Les dirigeants…", "4.40pm BST: Putin orders…"
SMALL_HOURS_END = 6  # a clock before this hour, said after a day's work, is in the night that follows


def _open_twelve(ctx: Ctx, g: Groups, a: dict[str, Any], hour: int) -> bool:
    """Whether the clock is a 12-hour one said without am/pm ("at 3:30" in English), which may be
    either half of the day."""
    return (not g.has("clock") and not g.has("pod") and not g.text("meridiem") and 1 <= hour <= 12
            and not a.get("clock24") and not (g.text("hour") or "").startswith("0")
            and bool(ctx.language.meta.get("twelve_hour_clock")))


@production
def clock_pair(ctx: Ctx, g: Groups, a: dict[str, Any]) -> list[Val] | None:
    """"from 5 to 8 p.m.": two clocks, the am/pm written once, after the second; the first takes
    it unless that would put it after the second ("from 11 to 2 p.m." starts at 11 a.m.)."""
    second = clock(ctx, g, a)
    hour1, minute1 = g.get("hour1"), g.get("minute1") if g.has("minute1") else 0
    if second is None or hour1 is None or minute1 is None or not 1 <= hour1 <= 12:
        return None
    day_part, hhmm = second.value.rsplit("T", 1)
    end = int(hhmm[:2]) * 60 + int(hhmm[3:5])
    hour1 = hour1 % 12 + (end // 60 // 12) * 12
    if hour1 * 60 + minute1 >= end:
        hour1 = (hour1 + 12) % 24
    first = replace(second, value=f"{day_part}T{hour1:02d}:{minute1:02d}", span=g.span("first"))
    second.span = g.span("core")
    return [first, second]


@production
def day_clock(ctx: Ctx, g: Groups, a: dict[str, Any]) -> Val | None:
    """"Saturday morning at 9", "tomorrow afternoon at 5", "at 5 tomorrow afternoon", "this
    evening at 8": a day, its part and an hour of it, one TIME. Twelve in the evening or at
    night is the midnight that ends the day."""
    if g.has("relday"):
        day = relative_day(ctx, g, a)
    elif g.has("weekday"):
        day = weekday(ctx, g, a)
    else:
        day = part_of_day(ctx, g, {**a, "pod": a.get("pod", "DT")})
    reading = _clock_reading(g, a)
    if day is None or day.day is None or reading is None:
        return None
    hour, minute, second = reading
    d, hour = on_part_of_day(day.day, g.get("pod") or "", hour, minute, hour == 12 and not g.text("meridiem"))
    clock = Val("TIME", _clock_value(d, hour, minute, second), g.get("approx"), day.anchor, day=day.day)
    told = [span for span in (g.span(k) for k in _DAY_GROUPS) if span is not None]
    hour_at = g.span("hour")
    if not told or hour_at is None or max(end for _, end in told) > hour_at[0]:
        return clock  # the clock told first: "at 5 tomorrow afternoon" is one TIMEX3
    day_end = max(end for _, end in told)
    if not g.m.string[day_end:hour_at[0]].strip(" ,"):
        return clock  # side by side: "samedi 18 heures" is one TIMEX3
    # linked by a word ("tonight at 11"): two TIMEX3, as relations._join_day_and_clock says
    day.span = (min(start for start, _ in told), day_end)
    clock.span = (hour_at[0], g.m.end("core") if g.has("core") else g.m.end())
    return [day, clock]


_DAY_GROUPS = ("relday", "this", "rel", "weekday", "det", "pod")  # "det": "[the evening] at eight"


def _next_occurrence(ctx: Ctx, hour: int, minute: int, ambiguous: bool) -> tuple[date, int]:
    """The first moment at hour:minute after the (timed) DCT; an hour of a 12-hour clock
    said without am/pm ("at 3:30") may be either half of the day."""
    now = ctx.now.hour * 60 + ctx.now.minute
    hours = [hour, hour + 12] if ambiguous else [hour]
    later = [h for h in hours if h * 60 + minute > now]
    return (ctx.dct, later[0]) if later else (ctx.dct + timedelta(days=1), hours[0])
