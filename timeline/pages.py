"""The pages that list things: per actor, kind, month and source, and one per article.

Why apart from site.py: site.py decides the site's shape (index, event pages,
data files); this module fills the families of list pages and the annotated
article pages, which share the month grouping below.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from timeline.display import Shown, count_label, format_month, label, show_published, show_when
from timeline.events.dates import when_of
from timeline.events.extract import dct_of, zone_of
from timeline.model import Entry, Mention, Page, Timeline
from timeline.views import EventView, Urls, entry_json_ld, safe_url, slugify


@dataclass(frozen=True)
class MonthGroup:
    key: str  # "2024-06"
    label: str  # "juin 2024"
    url: str
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class YearGroup:
    year: str
    months: tuple[MonthGroup, ...]


def group_by_month(views: Sequence[EventView], lang: str, urls: Urls) -> list[YearGroup]:
    """Events (already newest first) grouped by year, then month of their earliest day."""
    years: dict[str, dict[str, list[EventView]]] = {}
    unreadable: list[EventView] = []
    for view in views:
        if view.month:
            years.setdefault(view.month[:4], {}).setdefault(view.month, []).append(view)
        else:
            unreadable.append(view)
    groups = [YearGroup(year, tuple(
        MonthGroup(key, format_month(int(key[:4]), int(key[5:7]), lang), urls(f"months/{key}/"),
                   tuple(months[key]))
        for key in sorted(months, reverse=True)))
        for year, months in sorted(years.items(), reverse=True)]
    if unreadable:  # an event whose interval is not a date: listed last, never placed on a fake day
        groups.append(YearGroup("", (MonthGroup("", label(lang, "undated"), "", tuple(unreadable)),)))
    return groups


def split_recent(groups: Sequence[YearGroup], budget: int) -> tuple[list[YearGroup], list[str]]:
    """(the groups the index lists, the years whose older months only a year page lists).

    Why: parsing the HTML of every event made the index of a 5,000-event timeline take
    about a second to load; the index keeps the newest whole months until they hold
    `budget` events (at least one month), and the undated group. Cost: one pass."""
    recent: list[YearGroup] = []
    archived: list[str] = []
    listed, full = 0, False
    for year in groups:
        if not year.year:  # undated events: listed last on the index, as before
            recent.append(year)
            continue
        months = []
        for month in year.months:
            full = full or bool(listed and listed + len(month.events) > budget)
            if full:  # every older month goes to its year page, however small
                break
            months.append(month)
            listed += len(month.events)
        if months:
            recent.append(YearGroup(year.year, tuple(months)))
        if len(months) < len(year.months):
            archived.append(year.year)
    return recent, archived


def year_pages(groups: Sequence[YearGroup], years: Sequence[str], common: dict[str, Any],
               urls: Urls, lang: str) -> list[Page]:
    """One page per archived year, with every month of that year (the same markup as the index,
    so the index's filters can fetch a year page and merge its months)."""
    wanted = set(years)
    pages = []
    for year in groups:
        if year.year not in wanted:
            continue
        count = count_label(lang, "count", sum(len(m.events) for m in year.months))
        pages.append(Page(f"years/{year.year}/", "list.html", {
            **common, "page": {"title": label(lang, "events_in", name=year.year), "url": f"years/{year.year}/"},
            "family": "months", "name": year.year, "count": count, "feeds": None, "groups": [year]}))
    return pages


@dataclass(frozen=True)
class Item:
    """One line of a family index ("Corée du Nord — 12 événements")."""

    key: str
    name: str
    url: str
    count: str


def _family(timeline: Timeline, views: Mapping[str, EventView], common: dict[str, Any], urls: Urls,
            *, family: str, index: Mapping[str, Sequence[str]], names: Mapping[str, str],
            order_by_name: bool, feeds: bool = False) -> list[Page]:
    lang = timeline.config.language
    items = [Item(key, names.get(key, key), urls(f"{family}/{key}/"), count_label(lang, "count", len(ids)))
             for key, ids in index.items()]
    if order_by_name:
        items.sort(key=lambda i: (i.name.casefold(), i.key))
    else:
        items.reverse()  # months: newest first
    pages = [Page(f"{family}/", "family.html", {
        **common, "page": {"title": label(lang, family), "url": f"{family}/"}, "family": family,
        "items": items})]
    for item in items:
        chosen = [views[i] for i in index[item.key]]
        pages.append(Page(f"{family}/{item.key}/", "list.html", {
            **common, "page": {"title": label(lang, "events_in", name=item.name),
                               "url": f"{family}/{item.key}/"},
            "family": family, "name": item.name, "count": item.count,
            "feeds": ({"atom": urls(f"{family}/{item.key}/feed.xml"),
                       "json": urls(f"{family}/{item.key}/feed.json")} if feeds else None),
            "groups": group_by_month(chosen, lang, urls)}))
    return pages


def family_pages(timeline: Timeline, views: Mapping[str, EventView], common: dict[str, Any],
                 urls: Urls, outlets: Mapping[str, str]) -> list[Page]:
    """Index + one page per actor, kind, month and source."""
    lang = timeline.config.language
    months = {key: format_month(int(key[:4]), int(key[5:7]), lang) for key in timeline.by_month}  # valid keys
    sources = {slug: name for name, slug in sorted(outlets.items(), reverse=True)}
    return (
        _family(timeline, views, common, urls, family="actors", index=timeline.by_actor,
                names={a.key: a.name for a in timeline.config.actors}, order_by_name=True, feeds=True)
        + _family(timeline, views, common, urls, family="kinds", index=timeline.by_kind,
                  names={k.key: k.label for k in timeline.config.kinds}, order_by_name=True)
        + _family(timeline, views, common, urls, family="months", index=timeline.by_month,
                  names=months, order_by_name=False)
        + _family(timeline, views, common, urls, family="sources", index=timeline.by_source,
                  names=sources, order_by_name=True))


@dataclass(frozen=True)
class Found:
    """One date expression of an article: its words, what they mean, the event it gave."""

    text: str
    shown: Shown
    event: EventView | None


def _spans_to_events(timeline: Timeline) -> tuple[dict[str, dict[tuple[int, int], str]],
                                                     dict[str, list[str]]]:
    """entry slug -> {(start, end) in Entry.text: event id} from every source's date spans,
    and entry slug -> the ids of the events it reports (timeline order)."""
    found: dict[str, dict[tuple[int, int], str]] = {}
    reported: dict[str, list[str]] = {}
    for event in timeline.events:
        for source in event.sources:
            spans = found.setdefault(source.entry, {})
            for start, end in source.spans:
                spans.setdefault((source.start + start, source.start + end), event.id)
            ids = reported.setdefault(source.entry, [])
            if not ids or ids[-1] != event.id:
                ids.append(event.id)
    return found, reported


def _overlapping(ordered: Sequence[tuple[tuple[int, int], str]], starts: Sequence[int],
                 mention: Mention) -> str:
    """The event of a date span that overlaps the mention (the event stage may have trimmed or
    joined the words, "juin dernier" for "en juin dernier"); "" when none does.
    `ordered` is the entry's spans sorted once, `starts` their starts (binary search)."""
    i = bisect_left(starts, mention.end) - 1
    for (start, end), event_id in reversed(ordered[max(0, i - 3):i + 1]):  # the few spans just before
        if start < mention.end and mention.start < end:
            return event_id
    return ""


def article_pages(timeline: Timeline, views: Mapping[str, EventView], common: dict[str, Any],
                  urls: Urls) -> list[Page]:
    """One annotated page per entry (each date linked to its event) + the articles index."""
    from timeline.text import highlight  # the content stage owns HTML offsets

    lang = timeline.config.language
    by_span, reported = _spans_to_events(timeline)
    pages: list[Page] = []
    items: list[Item] = []
    for entry in timeline.entries:
        spans = by_span.get(entry.slug, {})
        ordered = sorted(spans.items())
        starts = [start for (start, _), _ in ordered]
        dct, zone = dct_of(entry), zone_of(entry)
        found: list[Found] = []
        marks: list[tuple[int, int, str, str]] = []
        for mention in sorted(timeline.mentions.get(entry.slug, ()), key=lambda m: (m.start, m.end)):
            if not (mention.earliest and mention.latest):
                continue
            shown = show_when(when_of(mention, dct, zone), lang)
            event = views.get(spans.get((mention.start, mention.end))
                              or _overlapping(ordered, starts, mention) or "")
            found.append(Found(mention.text, shown, event))
            marks.append((mention.start, mention.end, event.url if event else "", shown.text))
        produced = [views[i] for i in reported.get(entry.slug, ()) if i in views]
        items.append(Item(entry.slug, entry.title, urls.article(entry.slug),
                          show_published(entry.published.isoformat(), lang).text))
        pages.append(Page(f"articles/{entry.slug}/", "article.html", {
            **common, "page": {"title": entry.title, "url": f"articles/{entry.slug}/", "type": "article",
                               "description": entry.text[:200]},
            "entry": _entry_view(entry, lang, urls, timeline.by_source), "body": Markup(highlight(entry.html, marks)),  # noqa: S704 - sanitised HTML + escaped marks
            "found": found, "events": produced, "jsonld": entry_json_ld(entry, urls)}))
    pages.append(Page("articles/", "family.html", {
        **common, "page": {"title": label(lang, "articles"), "url": "articles/"},
        "family": "articles", "items": items}))
    return pages


@dataclass(frozen=True)
class EntryView:
    title: str
    source: str
    source_url: str
    url: str
    published: Shown
    lang: str
    tags: tuple[str, ...]


def _entry_view(entry: Entry, lang: str, urls: Urls, by_source: Mapping[str, Any]) -> EntryView:
    key = slugify(entry.source)
    return EntryView(entry.title, entry.source, urls(f"sources/{key}/") if key in by_source else "",
                     safe_url(entry.url), show_published(entry.published.isoformat(), lang),
                     entry.lang, entry.tags)
