"""events.json (+ its schema), events.csv, events.ics and timelinejs.json.

Why these four: events.json is the whole truth for programs (validated against
the schema shipped beside it); the CSV is what data journalists open first
(columns close to ACLED's); the ICS puts dated events in a calendar; the
TimelineJS file lets the same data be shown in TimelineJS3.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.display import parse_iso_date, show_when
from timeline.model import Event, Page, Timeline, When
from timeline.views import Urls, safe_url

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "events.schema.json"
CSV_COLUMNS = ("event_id", "event_date", "precision", "earliest", "latest", "mod", "status", "kind",
               "actors", "title", "source", "url", "published", "quote")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _when_json(when: When, lang: str) -> dict[str, Any]:
    shown = show_when(when, lang)
    return {"value": when.value, "mod": when.mod, "earliest": when.earliest, "latest": when.latest,
            "end_value": when.end_value, "anchor": when.anchor, "dct": when.dct or None,
            "precision": shown.precision, "datetime": shown.datetime, "display": shown.text}


def event_json(event: Event, lang: str, urls: Urls) -> dict[str, Any]:
    """One event as events.json holds it (see timeline/schemas/events.schema.json)."""
    return {
        "id": event.id,
        "url": urls.full(f"events/{event.id}/"),
        "title": event.title,
        "when": _when_json(event.when, lang),
        "status": event.status,
        "disputed": event.disputed,
        "kind": event.kind,
        "actors": list(event.actors),
        "sources": [{
            "entry": s.entry, "article_url": urls.full(f"articles/{s.entry}/"), "outlet": s.outlet,
            "url": safe_url(s.url) or None, "published": s.published, "quote": s.quote,
            "spans": [list(span) for span in s.spans],
            "dates": [s.quote[a:b] for a, b in s.spans],
            "when": _when_json(s.when, lang) if s.when else None,
        } for s in event.sources],
    }


def _dumps(data: Any) -> bytes:
    # compact separators keep json on its C encoder (indent would make 20,000 events 5x slower)
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def events_json(timeline: Timeline, urls: Urls) -> bytes:
    config = timeline.config
    return _dumps({
        "$schema": urls.full("events.schema.json"),
        "version": 1,
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "today": timeline.today,
        "home_page_url": urls.full(""),
        "actors": {a.key: a.name for a in sorted(config.actors, key=lambda a: a.key)},
        "kinds": {k.key: k.label for k in sorted(config.kinds, key=lambda k: k.key)},
        "events": [event_json(e, config.language, urls) for e in timeline.events],
    })


def _cell(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def events_csv(timeline: Timeline) -> bytes:
    """One row per report (event × source): count distinct event_id for events."""
    lang = timeline.config.language
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        shown = show_when(event.when, lang)
        for source in event.sources:
            writer.writerow([event.id, shown.datetime, shown.precision, event.when.earliest,
                             event.when.latest, event.when.mod or "", event.status + (
                                 " disputed" if event.disputed else ""), event.kind,
                             _cell(";".join(event.actors)), _cell(event.title), _cell(source.outlet),
                             safe_url(source.url), source.published, _cell(source.quote)])
    return out.getvalue().encode("utf-8")


def _ics_text(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> bytes:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + space, never
    splitting a UTF-8 character."""
    raw = line.encode("utf-8")
    chunks: list[bytes] = []
    limit = 75
    while len(raw) > limit:
        cut = limit
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # inside a multi-byte character
            cut -= 1
        chunks.append(raw[:cut])
        raw = raw[cut:]
        limit = 74  # continuation lines start with a space
    chunks.append(raw)
    return b"\r\n ".join(chunks) + b"\r\n"


def _utc_time(value: str, tz: str, offset: str = "") -> str | None:
    """ "2024-06-19T14:30" at UTC offset `offset` (the When's zone: the publication's, or the one the
    text wrote the clock in), else in the site's time zone -> "20240619T123000Z"."""
    try:
        local = (datetime.fromisoformat(value[:16] + offset) if offset
                 else datetime.fromisoformat(value[:16]).replace(tzinfo=ZoneInfo(tz)))
    except (ValueError, ZoneInfoNotFoundError):
        return None
    return local.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def events_ics(timeline: Timeline, urls: Urls) -> bytes:
    """One VEVENT per event with a sound interval; all-day unless the text gave a time."""
    config = timeline.config
    lang = config.language
    stamp = (parse_iso_date(timeline.today) or date(1970, 1, 1)).strftime("%Y%m%dT000000Z")
    host = urls.absolute.split("/")[2] if urls.absolute else "timeline.invalid"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline//timeline events//" + lang.upper(),
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + _ics_text(config.title)]
    for event in timeline.events:
        earliest, latest = parse_iso_date(event.when.earliest), parse_iso_date(event.when.latest)
        if earliest is None or latest is None or latest < earliest:
            continue
        shown = show_when(event.when, lang)
        lines += ["BEGIN:VEVENT", f"UID:{event.id}@{host}", f"DTSTAMP:{stamp}"]
        timed = _utc_time(event.when.value, config.timezone, event.when.zone) if shown.precision == "time" else None
        if timed:
            lines.append(f"DTSTART:{timed}")
        else:
            lines += [f"DTSTART;VALUE=DATE:{earliest:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{latest + timedelta(days=1):%Y%m%d}"]
        quotes = "\n\n".join(f"{s.outlet} ({s.published[:10]}): {s.quote}" for s in event.sources)
        lines += [f"SUMMARY:{_ics_text(event.title)}",
                  f"DESCRIPTION:{_ics_text(shown.text + chr(10) + chr(10) + quotes)}",
                  f"CATEGORIES:{_ics_text(event.kind)}",
                  *([f"URL:{urls.full(f'events/{event.id}/')}"] if urls.absolute else []),  # a URI, not a path
                  "STATUS:" + ("TENTATIVE" if event.status == "expected" or shown.vague else "CONFIRMED"),
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)


def _tl_date(iso: str) -> dict[str, int]:
    return {"year": int(iso[:4]), "month": int(iso[5:7]), "day": int(iso[8:10])}


def timelinejs(timeline: Timeline, urls: Urls) -> bytes:
    """TimelineJS3 JSON: a point for a day, a span (start/end) for anything coarser."""
    from markupsafe import escape

    config = timeline.config
    lang = config.language
    events = []
    for event in timeline.events:
        if parse_iso_date(event.when.earliest) is None or parse_iso_date(event.when.latest) is None:
            continue
        shown = show_when(event.when, lang)
        item: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": {**_tl_date(event.when.earliest), "display_date": shown.text},
            "display_date": shown.text,
            "text": {"headline": str(escape(event.title)), "text": "".join(
                f"<p>{escape(s.quote)} — <em>{escape(s.outlet)}</em></p>" for s in event.sources)},
            "group": next((k.label for k in config.kinds if k.key == event.kind), event.kind),
        }
        if event.when.earliest != event.when.latest:  # a week, month, season…: a span, not a day
            item["end_date"] = _tl_date(event.when.latest)
        events.append(item)
    return _dumps({"title": {"text": {"headline": str(escape(config.title)),
                                      "text": str(escape(config.description))}},
                   "events": events})


def export_pages(timeline: Timeline, urls: Urls) -> list[Page]:
    return [
        Page("events.json", media_type="application/json", body=events_json(timeline, urls)),
        Page("events.schema.json", media_type="application/schema+json", body=SCHEMA_PATH.read_bytes()),
        Page("events.csv", media_type="text/csv", body=events_csv(timeline)),
        Page("events.ics", media_type="text/calendar", body=events_ics(timeline, urls)),
        Page("timelinejs.json", media_type="application/json", body=timelinejs(timeline, urls)),
    ]
