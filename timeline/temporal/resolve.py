"""What the text means: turn scanned matches into Mentions against the DCT and the text.

Each match's rule names a production (productions.py, the PRODUCTIONS registry);
the production computes the TIMEX3 value, this module adds the calendar interval
and keeps the last day named in the text, which "le lendemain" and "à 14 h" read.
"""

from __future__ import annotations

from datetime import date, datetime

from timeline.model import Mention
from timeline.temporal.context import Ctx, Groups, Val
from timeline.temporal.language import Language
from timeline.temporal.productions import PRODUCTIONS
from timeline.temporal.scan import Match, sentence_bounds
from timeline.temporal.timex import interval, iso, narrow

__all__ = ["PRODUCTIONS", "resolve"]


def resolve(matches: list[Match], text: str, dct: date, language: Language,
            prefer: str | None = None, now: datetime | None = None) -> list[Mention]:
    """Mentions for the matches (in text order), each resolved in the context before it."""
    ctx = Ctx(dct=dct, language=language, text=text, prefer=prefer, now=now,
              sentences=sentence_bounds(text))
    out: list[Mention] = []
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
                if val.day is not None:
                    ctx.last_day = val.day
                if len(val.value) == 4 and val.value.isdigit():
                    ctx.last_year = (int(val.value), mention.start)
    out.sort(key=lambda m: (m.start, m.end))
    return _clock_before_day(out, text)


def _clock_before_day(mentions: list[Mention], text: str) -> list[Mention]:
    """"4 h mardi", "13h30 samedi 21 septembre": a clock time and the day named right after
    it are one TIME (as TimeML annotates them); the day first ("mardi à 4 h") stays two."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        clock = mentions[i]
        day = mentions[i + 1] if i + 1 < len(mentions) else None
        if (day is not None and clock.type == "TIME" and len(clock.value) == 16 and day.type == "DATE"
                and len(day.value) == 10 and day.start - clock.end <= 3
                and not text[clock.end:day.start].strip(" ,\u00a0")):
            out.append(Mention(text[clock.start:day.end], clock.start, day.end, "TIME",
                               day.value + clock.value[10:], clock.mod, day.value, day.value,
                               day.anchor, clock.rule))
            i += 2
            continue
        out.append(clock)
        i += 1
    return out


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
                   rule=match.rule.name)
