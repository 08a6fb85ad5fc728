"""From Mentions to a When: which date a sentence gives, and how precise it is.

A sentence with several dates gives ONE event. Two dates joined as a range
("entre le 8 et le 13 octobre", "du 14 au 18") give the interval from the
first to the last. Otherwise the event takes the most precise date that is not
vague: vague = a *_REF value or an APPROX modifier; precision = the width of
the calendar interval in days (a day beats a week beats a month); the first in
the sentence wins a tie, and then a clock or a part of that same day is finer
than the day ("samedi à 17 h" is at 17 h). A sentence about "juin dernier" and "ce vendredi" is
dated by the day, which is what the sentence reports happening.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from timeline.events.vocab import Vocab
from timeline.model import Mention, When

DATED_TYPES = ("DATE", "TIME")
VAGUE_MODS = frozenset({"APPROX", "LESS_THAN", "MORE_THAN"})
RANGE_CONTEXT = 24  # characters looked at before a range and between its two dates
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_dated(mention: Mention) -> bool:
    """A mention that can place an event on the calendar (an ISO interval we can compare)."""
    if mention.type not in DATED_TYPES:
        return False
    try:
        return (ISO_DAY.match(mention.earliest or "") is not None and ISO_DAY.match(mention.latest or "")
                is not None and date.fromisoformat(mention.earliest) <= date.fromisoformat(mention.latest))
    except ValueError:
        return False


def width_days(earliest: str, latest: str) -> int:
    return (date.fromisoformat(latest[:10]) - date.fromisoformat(earliest[:10])).days


def is_vague(mention: Mention) -> bool:
    return mention.value.endswith("_REF") or (mention.mod or "") in VAGUE_MODS


def when_of(mention: Mention, dct: str, zone: str = "") -> When:
    """The When a mention means, read against publication date `dct` in UTC offset `zone`. A clock
    the text gave in a zone of its own is shown as written ("2 h 00 (UTC+9)" for Pyongyang's
    "2 heures du matin, heure locale"), on its own day, not as the publication's clock."""
    written = as_written(mention, zone)
    if written is not None:
        return When(value=written, earliest=written[:10], latest=written[:10], mod=mention.mod,
                    anchor=mention.anchor, dct=dct, zone=mention.zone)
    return When(value=mention.value, earliest=mention.earliest or "", latest=mention.latest or "",
                mod=mention.mod, anchor=mention.anchor, dct=dct, zone=zone)


def as_written(mention: Mention, zone: str) -> str | None:
    """The clock value of a zoned TIME mention (its value is in offset `zone`) moved to the offset
    the text wrote it in; None when there is nothing to move."""
    if not (mention.zone and zone and mention.zone != zone and mention.type == "TIME"):
        return None
    try:
        moment = datetime.fromisoformat(mention.value + zone)
        target = datetime.fromisoformat("2000-01-01T00:00" + mention.zone).tzinfo
    except ValueError:  # a part of the day ("TEV") or a malformed offset: keep the publication's reading
        return None
    local = moment.astimezone(target).replace(tzinfo=None)
    return local.isoformat(timespec="seconds" if len(mention.value) > 16 else "minutes")


def range_pair(text: str, dated: list[Mention], vocab: Vocab) -> tuple[Mention, Mention] | None:
    """The first two consecutive dates of `dated` written as one range, if any."""
    for first, last in zip(dated, dated[1:]):
        gap = text[first.end:last.start]
        before = text[max(0, first.start - RANGE_CONTEXT):first.start]
        if (len(gap) <= RANGE_CONTEXT and vocab.range_join_re.search(gap)
                and vocab.range_open_re.search(before)
                and (last.latest or "") >= (first.earliest or "")):
            return first, last
    return None


def choose(text: str, dated: list[Mention], vocab: Vocab, dct: str,
           zone: str = "") -> tuple[When, tuple[Mention, ...]]:
    """The When of a sentence's dated mentions (sorted by start), and the mentions used."""
    pair = range_pair(text, dated, vocab)
    if pair is not None:
        first, last = pair
        when = When(value=first.value, end_value=last.value, earliest=first.earliest or "",
                    latest=last.latest or "", mod=None, anchor=first.anchor, dct=dct, zone=zone)
        return when, pair
    best = min(dated, key=lambda m: (is_vague(m), width_days(m.earliest or "", m.latest or ""),
                                     m.start, m.end))
    best = max((m for m in dated if _same_day(m, best) and not is_vague(m)), key=_grain, default=best)
    return when_of(best, dct, zone), (best,)


def _grain(mention: Mention) -> int:
    """Within one day, how finely a value places it: a clock (T18:00) over a part of the day
    (TEV) over the day, so "samedi à 17 h" dates its event at 17 h, not on Saturday."""
    time = mention.value.partition("T")[2]
    return 2 if ":" in time else 1 if time else 0


def _same_day(a: Mention, b: Mention) -> bool:
    return a.earliest == a.latest == b.earliest == b.latest


def iso_interval(value: str) -> tuple[str, str] | None:
    """Interval of an ISO calendar value (YYYY, YYYY-MM, YYYY-MM-DD); None if impossible."""
    m = ISO_DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month), int(day))
            return d.isoformat(), d.isoformat()
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), 1).isoformat(), date(year, int(month), last).isoformat()
        return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    except ValueError:
        return None
