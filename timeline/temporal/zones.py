"""Time zones of clock times: how far east of UTC a zone word puts a clock on a given day.

A zone word (lexicon class `tz`) is a fixed offset in hours ("GMT", "CET", "EDT": what the
abbreviation means, whatever the season), an IANA zone ("heure de Paris", "Kyiv time": the
offset that zone has on the clock's own day, so daylight saving counts), or `local` ("heure
locale", "local time"): the zone of the place the sentence names, from lang/<code>/places.yaml.
zoneinfo reads the system's zone database, else the `tzdata` package (PEP 615)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.datafile import read_data
from timeline.temporal.language import LanguageError

LANG_DIR = Path(__file__).parent / "lang"
LOCAL = "local"  # the value of "heure locale" / "local time" in the `tz` class
_WORD = re.compile(r"[\w-]")
PLACE_REACH = 300  # characters: a place further from the clock is another clause's


@cache
def iana_zone(name: str) -> ZoneInfo | None:
    """The zone of an IANA name, None when this system's database does not know it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def offset_on(zone: object, day: date, hour: int, minute: int) -> timedelta | None:
    """How far east of UTC a clock reading `hour:minute` on `day` in `zone` is: `zone` is a
    number of hours (fixed) or an IANA name (its offset on that day). None: unknown zone."""
    if isinstance(zone, (int, float)) and not isinstance(zone, bool):
        return timedelta(minutes=round(float(zone) * 60))
    tz = iana_zone(zone) if isinstance(zone, str) else None
    if tz is None:
        return None
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).utcoffset()


def utc_offset_text(east: timedelta) -> str:
    """"+09:00", "-02:30": an offset east of UTC as ISO 8601 writes it (the site's zone labels)."""
    minutes = round(east.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@cache
def places(code: str) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """lang/<code>/places.yaml read once: place name -> IANA zone, and one case-sensitive
    regex of all the names (literal words, longest first: no backtracking to speak of)."""
    path = LANG_DIR / code / "places.yaml"
    if not path.is_file():
        return {}, None
    zones = read_data(path, keys={"zones": dict}, error=LanguageError)["zones"]
    if not all(isinstance(v, list) for v in zones.values()):
        raise LanguageError(f"{path}:1: expected 'zones:' mapping each IANA zone to a list of place names")
    table = {str(name): str(zone) for zone, names in zones.items() for name in names}
    if not table:
        return {}, None
    names = sorted(table, key=lambda n: (-len(n), n))
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return table, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def place_zone(code: str, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """The IANA zone of the place named nearest to text[start:end] within text[lo:hi] (its
    sentence), before or after it: "5 heures, heure locale, … à Kiev" is Kyiv's clock. Only
    PLACE_REACH characters either side are read: a text of many clocks stays linear."""
    table, regex = places(code)
    if regex is None:
        return None
    best: tuple[int, str] | None = None
    stop = min(hi, end + PLACE_REACH)
    for m in regex.finditer(text, max(lo, start - PLACE_REACH), stop):
        if best is not None and m.start() - end > best[0]:
            break  # matches come in text order: none further on can be nearer
        if start <= m.start() < end or (m.end() == stop < len(text) and _WORD.match(text, stop)):
            continue  # inside the clock expression itself, or a longer word cut by the reach
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, table[" ".join(m.group().split())])
    return best[1] if best else None
