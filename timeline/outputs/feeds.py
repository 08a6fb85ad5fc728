"""Atom and JSON Feed 1.1 of events: the whole timeline and one pair per actor.

Why ordered by report date: a feed tells a reader what is new, and a new
article can date an event years back; so entries go by their latest source's
publication (then id), and each feed keeps the FEED_SIZE most recent.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from timeline.display import parse_iso_date, show_when
from timeline.model import Event, Page, Timeline
from timeline.views import Urls

FEED_SIZE = 100
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Text for XML: characters XML 1.0 forbids are dropped, then escaped."""
    return escape(_XML_INVALID.sub("", text))


def _attr(text: str) -> str:
    return quoteattr(_XML_INVALID.sub("", text))


def atom_id(urls: Urls, path: str, site: str) -> str:
    """Atom ids must be absolute IRIs: the page's URL when the site has a host, else a
    stable urn:uuid derived from the site title and the path."""
    if urls.absolute:
        return urls.full(path)
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"timeline:{site}:{path}"))


def _instant(iso: str) -> datetime:
    """A publication time as an instant (offsets compared properly); the epoch when unreadable."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return EPOCH
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _reported(event: Event) -> str:
    """The latest publication among the event's sources (ISO text as written)."""
    return max((s.published for s in event.sources), key=_instant, default="")


def _first(event: Event) -> str:
    return min((s.published for s in event.sources), key=_instant, default="")


def recent(events: Sequence[Event]) -> list[Event]:
    """The FEED_SIZE events most recently reported, newest report first."""
    return sorted(events, key=lambda e: (_instant(_reported(e)), e.id), reverse=True)[:FEED_SIZE]


def _rfc3339(iso: str, fallback: str) -> str:
    """An ISO datetime with offset, or midnight UTC of a date (Atom needs a full timestamp)."""
    if len(iso) > 10 and ("+" in iso[10:] or iso.endswith("Z") or "-" in iso[10:]):
        return iso
    day = parse_iso_date(iso) or parse_iso_date(fallback)
    return f"{day.isoformat()}T00:00:00Z" if day else "1970-01-01T00:00:00Z"


def _summary(event: Event, lang: str) -> str:
    shown = show_when(event.when, lang)
    quotes = " / ".join(f"« {s.quote} » ({s.outlet})" if lang == "fr" else f"“{s.quote}” ({s.outlet})"
                        for s in event.sources)
    return f"{shown.text} — {quotes}"


def atom(timeline: Timeline, events: Sequence[Event], urls: Urls, *, path: str, title: str,
         home: str) -> bytes:
    config = timeline.config
    updated = _rfc3339(timeline.today, timeline.today)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={_attr(config.language)}>',
           f"<title>{_x(title)}</title>",
           f"<subtitle>{_x(config.description)}</subtitle>",
           f"<id>{_x(atom_id(urls, path, config.title))}</id>",
           f'<link rel="self" type="application/atom+xml" href={_attr(urls.full(path))}/>',
           f'<link rel="alternate" type="text/html" href={_attr(urls.full(home))}/>',
           f"<updated>{updated}</updated>",
           f"<author><name>{_x(config.title)}</name></author>",
           '<generator uri="https://github.com/">timeline</generator>']
    for event in recent(events):
        reported = _rfc3339(_reported(event), timeline.today)
        first = _rfc3339(_first(event), timeline.today) if event.sources else reported
        out += ["<entry>",
                f"<title>{_x(event.title)}</title>",
                f"<id>{_x(atom_id(urls, f'events/{event.id}/', config.title))}</id>",
                f'<link rel="alternate" type="text/html" href={_attr(urls.full(f"events/{event.id}/"))}/>',
                f"<published>{first}</published>",
                f"<updated>{reported}</updated>",
                f"<category term={_attr(event.kind)}/>",
                *(f"<category term={_attr(a)}/>" for a in event.actors),
                f'<summary type="text">{_x(_summary(event, config.language))}</summary>',
                "</entry>"]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def json_feed(timeline: Timeline, events: Sequence[Event], urls: Urls, *, path: str, title: str,
              home: str) -> bytes:
    config = timeline.config
    items: list[dict[str, Any]] = []
    for event in recent(events):
        items.append({
            "id": event.id,
            "url": urls.full(f"events/{event.id}/"),
            "title": event.title,
            "content_text": _summary(event, config.language),
            "date_published": _rfc3339(_first(event), timeline.today)
            if event.sources else _rfc3339(timeline.today, timeline.today),
            "date_modified": _rfc3339(_reported(event), timeline.today),
            "tags": [event.kind, *event.actors],
            "external_url": next((s.url for s in event.sources if s.url.startswith(("http://", "https://"))),
                                 None),
        })
        if items[-1]["external_url"] is None:
            del items[-1]["external_url"]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": title,
            "home_page_url": urls.full(home), "feed_url": urls.full(path),
            "description": config.description, "language": config.language,
            "authors": [{"name": config.title}], "items": items}
    return (json.dumps(feed, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def feed_pages(timeline: Timeline, urls: Urls) -> list[Page]:
    """feed.xml + feed.json for the site, and actors/<key>/feed.xml|json per actor."""
    config = timeline.config
    by_id = {e.id: e for e in timeline.events}
    names = {a.key: a.name for a in config.actors}
    sets = [("", config.title, list(timeline.events))]
    for key, ids in timeline.by_actor.items():
        sets.append((f"actors/{key}/", f"{config.title} — {names.get(key, key)}", [by_id[i] for i in ids]))
    pages = []
    for home, title, events in sets:
        pages.append(Page(f"{home}feed.xml", media_type="application/atom+xml",
                          body=atom(timeline, events, urls, path=f"{home}feed.xml", title=title, home=home)))
        pages.append(Page(f"{home}feed.json", media_type="application/feed+json",
                          body=json_feed(timeline, events, urls, path=f"{home}feed.json", title=title,
                                         home=home)))
    return pages
