"""What templates read: events, sources and entries already worded for the page.

Why precompute: a template should only lay out; every choice a reader depends
on (which date words, which status label, whether a link is safe to follow)
is made here once, in Python, where it is tested. Each event view is built
once and shared by every page that lists it (index, actor, kind, month…), so
a 20,000-article site does not reformat a date per page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from timeline.display import (Shown, count_label, expectation, label, parse_iso_date, show_published,
                              show_when)
from timeline.content import slugify  # one slug rule for files, titles and outlets
from timeline.model import Entry, Event, Source, Timeline

SAFE_SCHEMES = ("http", "https")
_URL_BREAKERS = re.compile(r"[\x00-\x20\x7f\"'<>`\\]")  # never in a link we write


def month_key(earliest: str) -> str:
    """ "YYYY-MM" of an event's earliest day; "" when that is not a real date (grouped apart)."""
    day = parse_iso_date(earliest)
    return f"{day.year:04d}-{day.month:02d}" if day else ""


def safe_url(url: str) -> str:
    """`url` if it is an http(s) link, else "" (a javascript: or data: URL never becomes a link)."""
    text = (url or "").strip()
    if _URL_BREAKERS.search(text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else ""


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json">: "<", ">" and "&" escaped so that
    no string inside can close the script element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - escaped above for the script-data context


def mark_quote(quote: str, spans: tuple[tuple[int, int], ...]) -> Markup:
    """The quote escaped, each date expression inside <mark>."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos or end <= start or end > len(quote):
            continue  # overlapping or out of range: leave the text unmarked rather than garble it
        parts.append(str(escape(quote[pos:start])))
        parts.append(f"<mark>{escape(quote[start:end])}</mark>")
        pos = end
    parts.append(str(escape(quote[pos:])))
    return Markup("".join(parts))  # noqa: S704 - every piece escaped above


@dataclass(frozen=True)
class Glyph:
    """A small drawing of an event's interval on a calendar scale: a day is a point, a week,
    month or season a bar over its days, a vague date a dashed bar (x, width in 0-100)."""

    kind: str  # "point" or "bar"
    x: float
    width: float
    fuzzy: bool
    ticks: tuple[float, ...]  # month (or year) boundaries on the scale

    @property
    def ticks_path(self) -> str:
        """All ticks as one SVG path ("M8.5 3V9M16.4 3V9…"): one element instead of eleven."""
        return "".join(f"M{t:g} 3V9" for t in self.ticks)


def glyph(earliest: str, latest: str, vague: bool) -> Glyph | None:
    """The scale is the smallest of: the month, the year, the run of years holding the interval."""
    a, b = parse_iso_date(earliest), parse_iso_date(latest)
    if a is None or b is None or b < a:
        return None
    if (a.year, a.month) == (b.year, b.month):
        start = a.replace(day=1)
        end = (start.replace(year=start.year + 1, month=1) if start.month == 12
               else start.replace(month=start.month + 1))
        ticks: list[date] = []
    elif a.year == b.year:
        start, end = date(a.year, 1, 1), date(a.year + 1, 1, 1)
        ticks = [date(a.year, m, 1) for m in range(2, 13)]
    else:
        start, end = date(a.year, 1, 1), date(b.year + 1, 1, 1)
        ticks = [date(y, 1, 1) for y in range(a.year + 1, b.year + 1)]
    total = (end - start).days

    def pos(day: date) -> float:
        return round(100 * (day - start).days / total, 1)

    ticks_x = tuple(pos(t) for t in ticks)
    if a == b:
        return Glyph("point", round(100 * ((a - start).days + 0.5) / total, 1), 0.0, vague, ticks_x)
    x = pos(a)
    return Glyph("bar", x, max(round(pos(b + timedelta(days=1)) - x, 1), 1.0), vague, ticks_x)


@dataclass(frozen=True)
class Link:
    key: str
    name: str
    url: str


@dataclass(frozen=True)
class SourceView:
    outlet: Link
    url: str  # external, http(s) only, or ""
    published: Shown
    quote: Markup
    lang: str
    article_url: str
    shown: Shown | None  # this source's own reading of the date, when it differs from the event's


@dataclass(frozen=True)
class EventView:
    id: str
    url: str  # its own page
    anchor: str  # its place in the index ("…/#id")
    title: str
    lang: str  # language of the title (its first source's entry)
    shown: Shown
    status: str
    status_label: str
    expectation: str  # "", "still_expected", "overdue"
    expectation_label: str
    disputed: bool
    kind: Link
    actors: tuple[Link, ...]
    sources: tuple[SourceView, ...]
    sources_label: str
    earliest: str
    latest: str
    month: str  # "YYYY-MM" of earliest, "" if unreadable
    glyph: Glyph | None
    classes: str  # CSS classes for status and precision

    @property
    def actor_keys(self) -> str:
        return " ".join(a.key for a in self.actors)


class Urls:
    """Every internal URL of the site, under the base path ("/repo/")."""

    def __init__(self, base_url: str) -> None:
        base = base_url or "/"
        if not base.endswith("/"):
            base += "/"
        parts = urlsplit(base)
        self.absolute = base if parts.scheme in SAFE_SCHEMES and parts.netloc else ""
        self.base = parts.path if self.absolute else base
        if not self.base.startswith("/"):
            self.base = "/" + self.base

    def __call__(self, path: str = "") -> str:
        """The link to a site-relative output path, percent-encoded ("a b/" -> "a%20b/")."""
        return self.base + quote(path.lstrip("/"), safe="/")

    def full(self, path: str = "") -> str:
        """Absolute URL when base_url has a host (feeds, sitemap, og:url), else the path."""
        return (self.absolute + quote(path.lstrip("/"), safe="/")) if self.absolute else self(path)

    def event(self, event_id: str) -> str:
        return self(f"events/{event_id}/")

    def article(self, slug: str) -> str:
        return self(f"articles/{slug}/")


def _title_lang(event: Event, entries: dict[str, Entry], default: str) -> str:
    """The language of the event's title: that of the report it is quoted from (merging titles
    an event by its first report of the happening, not always its first source), else of the
    first source; a screen reader reads the title in it."""
    known = [s for s in event.sources if s.entry in entries]
    quoted = next((s for s in known if s.quote == event.title), known[0] if known else None)
    return entries[quoted.entry].lang if quoted else default


def _source_view(source: Source, event: Event, entries: dict[str, Entry], urls: Urls,
                 source_keys: dict[str, str], lang: str) -> SourceView:
    entry = entries.get(source.entry)
    key = source_keys.get(source.outlet, "")
    return SourceView(
        outlet=Link(key, source.outlet, urls(f"sources/{key}/") if key else ""),
        url=safe_url(source.url),
        published=show_published(source.published, lang),
        quote=mark_quote(source.quote, source.spans),
        lang=entry.lang if entry else lang,
        article_url=urls.article(source.entry) if entry else "",
        shown=show_when(source.when, lang) if source.when and source.when != event.when else None,
    )


def event_view(event: Event, timeline: Timeline, entries: dict[str, Entry], urls: Urls,
               source_keys: dict[str, str]) -> EventView:
    """One event worded for pages, in the site's language."""
    config = timeline.config
    lang = config.language
    kinds = {k.key: k.label for k in config.kinds}
    names = {a.key: a.name for a in config.actors}
    shown = show_when(event.when, lang)
    waiting = expectation(event.when, event.status, timeline.today) or ""
    classes = [f"status-{event.status}", f"when-{shown.exactness}", f"precision-{shown.precision}"]
    if event.disputed:
        classes.append("disputed")
    if waiting:
        classes.append(waiting.replace("_", "-"))
    return EventView(
        id=event.id,
        url=urls.event(event.id),
        anchor=urls("") + "#" + event.id,
        title=event.title,
        lang=_title_lang(event, entries, lang),
        shown=shown,
        status=event.status,
        status_label=label(lang, f"status_{event.status}"),
        expectation=waiting,
        expectation_label=label(lang, waiting) if waiting else "",
        disputed=event.disputed,
        kind=Link(event.kind, kinds.get(event.kind, event.kind), urls(f"kinds/{event.kind}/")),
        actors=tuple(Link(k, names.get(k, k), urls(f"actors/{k}/")) for k in event.actors),
        sources=tuple(_source_view(s, event, entries, urls, source_keys, lang) for s in event.sources),
        sources_label=count_label(lang, "sources_count", len(event.sources)),
        earliest=event.when.earliest,
        latest=event.when.latest,
        month=month_key(event.when.earliest),
        glyph=glyph(event.when.earliest, event.when.latest, shown.vague),
        classes=" ".join(classes),
    )


def event_json_ld(view: EventView, event: Event, site_name: str, urls: Urls) -> dict[str, Any]:
    """schema.org Event: the interval it can mean, and the reports it comes from."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "identifier": event.id,
        "url": urls.full(f"events/{event.id}/"),
        # ISO 8601 at the text's precision ("2024-06", "2024-W42"); a vague date gives its interval
        "startDate": event.when.earliest if view.shown.vague or not view.shown.datetime else view.shown.datetime,
        "endDate": event.when.latest,
        "description": event.sources[0].quote if event.sources else event.title,
        "organizer": {"@type": "Organization", "name": site_name},
        "subjectOf": [{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": s.outlet},
                       "datePublished": s.published, **({"url": u} if (u := safe_url(s.url)) else {})}
                      for s in event.sources],
    }
    if event.status == "expected":
        data["eventStatus"] = "https://schema.org/EventScheduled"
    if view.actors:
        data["about"] = [{"@type": "Thing", "name": a.name} for a in view.actors]
    return data


def entry_json_ld(entry: Entry, urls: Urls) -> dict[str, Any]:
    """schema.org NewsArticle for an article page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": entry.title,
        "datePublished": entry.published.isoformat(),
        "inLanguage": entry.lang,
        "publisher": {"@type": "Organization", "name": entry.source},
        "mainEntityOfPage": urls.full(f"articles/{entry.slug}/"),
    }
    if url := safe_url(entry.url):
        data["url"] = url
    if entry.tags:
        data["keywords"] = list(entry.tags)
    return data
