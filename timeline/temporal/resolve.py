"""What the text means: turn scanned matches into Mentions against the DCT and the text.

Each match's rule names a production (productions.py, the PRODUCTIONS registry);
the production computes the TIMEX3 value, this module adds the calendar interval
and keeps the last day named in the text, which "le lendemain" and "à 14 h" read;
relations.py then reads the mentions together (ranges, a day and its clock, a year said once).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.model import Mention
from timeline.temporal.context import Ctx, Groups, Val
from timeline.temporal.language import Language
from timeline.temporal.relations import clock_told_before, relate
from timeline.temporal.productions import PRODUCTIONS
from timeline.temporal.scan import Match, sentence_bounds
from timeline.temporal.timex import _part_interval, interval, iso, narrow

__all__ = ["PRODUCTIONS", "resolve"]

_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])$")
_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")  # a clock time, not a part of a day
_YEAR_PART = re.compile(r"\d{4}-(?:SP|SU|FA|WI|Q\d|H\d)$")  # a season, quarter or half of a year
_YEAR_OF = re.compile(r"\d{4}-(?:\d\d|SP|SU|FA|WI|Q\d|H\d)")  # a part of a year named with it ("the spring of 2014")


def resolve(matches: list[Match], text: str, dct: date, language: Language,
            prefer: str | None = None, now: datetime | None = None) -> list[Mention]:
    """Mentions for the matches (in text order), each resolved in the context before it."""
    ctx = Ctx(dct=dct, language=language, text=text, prefer=prefer, now=now,
              sentences=sentence_bounds(text, language.code))
    out: list[Mention] = []
    open_years: set[int] = set()  # starts of mentions whose year was guessed, not written
    open_days: set[int] = set()  # starts of clocks whose day is the DCT's for want of another
    for match in matches:
        ctx.pos = match.start
        produce = PRODUCTIONS[match.rule.produce]
        try:
            result = produce(ctx, Groups(match.match, match.rule.groups, language), match.rule.args)
        except (ValueError, OverflowError, TypeError, KeyError):
            result = None  # words that do not make a real date yield no mention
        vals = result if isinstance(result, list) else [result] if result else []
        for val in vals:
            mention = _mention(val, match, text)
            if mention is not None:
                out.append(mention)
                if val.type == "SET":
                    ctx.sets = ctx.sets[-3:] + [(val.value, mention.start)]
                if val.year_open:
                    open_years.add(mention.start)
                if val.day_open:
                    open_days.add(mention.start)
                if val.day is not None:
                    if len(out) > 1 and ctx.joined_as_range(out[-2].end, mention.start, out[-2].start):
                        ctx.span_ends.add(mention.start)
                    part = val.value[-2:] if val.value[-3:-2] == "T" else ""
                    ctx.tell_day(val.day, mention.start, part)
                    if ctx.dates_entries(mention.start, mention.end):
                        ctx.entry_day = (val.day, part)  # "Jeudi 24 février, le récit. 4 h 50 : …"
                if not ctx.right_after("since_words", mention.start):
                    # "the largest war since 1945; by the autumn": a state reaching the DCT frames nothing after it
                    _follow_story(ctx, val, mention.start)
                    _keep_period(ctx, val, mention.start)
                if val.type == "TIME" and _CLOCK.match(val.value):
                    ctx.last_clock = (_moment(val.value), mention.start)
                elif val.day is not None and len(out) > 1 and clock_told_before(out[-2], mention, text, language):
                    # "at 10 pm on Sunday. Two hours later": the clock is on the day told after it
                    ctx.last_clock = (_moment(iso(val.day) + out[-2].value[10:16]), mention.start)
    out.sort(key=lambda m: (m.start, m.end))
    return relate(out, open_years, open_days, ctx)


def _keep_period(ctx: Ctx, val: Val, start: int) -> None:
    """Keep the last year, season (quarter, half) and month the text named, which "that April",
    "l'hiver suivant", "sept mois plus tard" count from."""
    if _is_year(val.value):
        ctx.last_year = (int(val.value), start)
        return
    if val.anchor == "absolute" and _YEAR_OF.match(val.value):
        ctx.last_year = (int(val.value[:4]), start)  # "Le 22 février 2014, …; le 18 mars"
    if _YEAR_PART.match(val.value) and (part := _part_interval(int(val.value[:4]), val.value[5:7])):
        ctx.last_part, ctx.last_part_end = (part[0], start), part[1]
    if _MONTH.match(val.value):
        ctx.last_month = (date(int(val.value[:4]), int(val.value[5:]), 1), start)


def _follow_story(ctx: Ctx, val: Val, start: int) -> None:
    """Keep the year of the story the text tells (Ctx.framing_year): a day or month written
    with its year starts one ("Le 24 février 2022, …"), unless its sentence was read from the
    DCT first ("hier, … accusé d'avoir tenté en décembre 2001"); a date read from the DCT ends
    it. A year alone starts none ("élu en 2019", "depuis 2014" are background, not a story),
    but in the text's heading it frames what follows, even this year ("Looking back at 2023.
    January: …", "Retour sur 2024. 17 février : …")."""
    if val.anchor == "dct" and val.type in ("DATE", "TIME"):
        if _is_year(val.value) and int(val.value) < ctx.dct.year:
            return  # "Il y a trente ans, le 26 avril 1986, …": the story's own time, not the present
        ctx.story_year, ctx.story_heading, ctx.present_at = None, False, start
    elif val.anchor == "absolute" and _YEAR_OF.match(val.value) and ctx.present_at < ctx.sentence(start)[0]:
        ctx.story_year, ctx.story_heading = (int(val.value[:4]), start), False
    elif val.anchor == "absolute" and _is_year(val.value) and ctx.in_heading(start):
        ctx.story_year, ctx.story_heading = (int(val.value), start), True


def _is_year(value: str) -> bool:
    return len(value) == 4 and value.isdigit()


def _moment(clock: str) -> datetime:
    """A clock value as a moment; "T24:00" (the midnight that ends a day) is the next day's 00:00."""
    day = date.fromisoformat(clock[:10])
    return datetime(day.year, day.month, day.day) + timedelta(hours=int(clock[11:13]), minutes=int(clock[14:16]))


def _span(val: Val, match: Match) -> tuple[int, int]:
    if val.span is not None:
        return val.span
    try:
        if match.match.group("core") is not None:
            return match.match.span("core")
    except IndexError:
        pass
    return match.start, match.end


def _mention(val: Val, match: Match, text: str) -> Mention | None:
    start, end = _span(val, match)
    earliest = latest = None
    if val.type in ("DATE", "TIME"):
        if val.window is not None:
            first, last = val.window
        else:
            bounds = interval(val.value)
            if bounds is None:
                return None
            first, last = (date.fromisoformat(b) for b in bounds)
        first, last = narrow(first, last, val.mod)
        earliest, latest = iso(first), iso(last)
    return Mention(text=text[start:end], start=start, end=end, type=val.type,  # type: ignore[arg-type]
                   value=val.value, mod=val.mod, earliest=earliest, latest=latest,
                   anchor=val.anchor if val.anchor in ("absolute", "dct", "text") else "dct",  # type: ignore[arg-type]
                   rule=match.rule.name, zone=val.zone)
