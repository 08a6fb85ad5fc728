"""Events -> Timeline (ordered, indexed) -> Pages (what the site holds, each with its URL).

Why two steps: `make_timeline` fixes the order and the indexes once (the
exports and every page read the same ones); `plan_pages` decides which pages
exist and what each template receives. Templates then only lay out.
Every list is sorted by an explicit total key so two builds are byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from timeline.display import count_label, format_month, label, show_published, ui
from timeline.model import Config, Entry, Event, Mention, Page, Timeline
from timeline.outputs import data_pages
from timeline.pages import article_pages, family_pages, group_by_month, split_recent, year_pages
from timeline.views import EventView, Urls, event_json_ld, event_view, month_key, slugify

STATUSES = ("occurred", "reported", "expected", "disputed")
INDEX_EVENTS = 500  # the index lists the newest whole months up to about this many events;
# older months are on year pages (years/2023/), which the filters fetch when a reader filters


def event_sort_key(event: Event) -> tuple[str, str, str]:
    """Newest first when sorted with reverse=True: earliest day, then latest day, then id."""
    return (event.when.earliest, event.when.latest, event.id)


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """{key: ids} keeping the events' order; keys sorted."""
    grouped: dict[str, list[str]] = {}
    for key, event_id in pairs:
        ids = grouped.setdefault(key, [])
        if not ids or ids[-1] != event_id:
            ids.append(event_id)
    return {key: tuple(grouped[key]) for key in sorted(grouped)}


def source_keys(outlets: Iterable[str]) -> dict[str, str]:
    """Outlet name -> URL slug; names that differ only by case or accents share a page."""
    return {outlet: slugify(outlet) for outlet in sorted(set(outlets))}


def make_timeline(config: Config, entries: Sequence[Entry], events: Sequence[Event],
                  mentions: Mapping[str, Sequence[Mention]], today: date) -> Timeline:
    """Order the events newest first and index them by actor, kind, month and source."""
    ordered = tuple(sorted(events, key=event_sort_key, reverse=True))
    outlets = source_keys(s.outlet for e in ordered for s in e.sources)
    return Timeline(
        config=config,
        entries=tuple(sorted(entries, key=lambda e: (e.published, e.slug), reverse=True)),  # instants, not strings
        events=ordered,
        by_actor=_index((actor, e.id) for e in ordered for actor in dict.fromkeys(e.actors)),
        by_kind=_index((e.kind, e.id) for e in ordered),
        by_month=_index((key, e.id) for e in ordered if (key := month_key(e.when.earliest))),
        by_source=_index((outlets[s.outlet], e.id) for e in ordered for s in e.sources),
        mentions={slug: tuple(found) for slug, found in sorted(mentions.items())},
        today=today.isoformat(),
    )


@dataclass(frozen=True)
class Bar:
    """One slot of the overview: a month (an SVG rect, linked to its month page when it has
    events), or a break standing for a long run of empty months."""

    month: str
    x: int
    y: int
    height: int
    count: int
    url: str
    title: str
    year_label: str  # the year, drawn under the axis on January, the first slot and after a break
    gap: bool = False


MAX_EMPTY_RUN = 6  # longer runs of empty months shrink to one break, so one stray old date
# (an event of 2009 in a 2022-2025 timeline) does not stretch the chart over 16 empty years


def _month_number(key: str) -> int:
    return int(key[:4]) * 12 + int(key[5:7]) - 1


def overview(by_month: Mapping[str, Sequence[str]], lang: str, urls: Urls,
             *, height: int = 80, width: int = 24) -> tuple[list[Bar], int]:
    """Bars for every month from the first to the last that has events; short runs of empty
    months keep their place, long ones become a break. Cost follows the months with events."""
    if not by_month:
        return [], 0
    peak = max(len(ids) for ids in by_month.values())
    slots: list[int | None] = []  # month numbers; None = a break
    for key in sorted(by_month):
        number = _month_number(key)
        if slots:
            last = slots[-1]
            assert last is not None
            if number - last - 1 > MAX_EMPTY_RUN:
                slots.append(None)
            else:
                slots.extend(range(last + 1, number))
        slots.append(number)
    bars: list[Bar] = []
    for i, number in enumerate(slots):
        x = i * width
        if number is None:
            bars.append(Bar("", x, height, 0, 0, "", "", "", gap=True))
            continue
        year, month = divmod(number, 12)
        month += 1
        key = f"{year:04d}-{month:02d}"
        count = len(by_month.get(key, ()))
        bar_h = max(2, round(height * count / peak)) if count else 0
        first = i == 0 or slots[i - 1] is None
        bars.append(Bar(key, x, height - bar_h, bar_h, count, urls(f"months/{key}/") if count else "",
                        label(lang, "overview_bar", month=format_month(year, month, lang),
                              count=count_label(lang, "count", count)),
                        str(year) if month == 1 or first else ""))
    return bars, len(bars) * width


def _by_name(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, name) pairs in reading order of the names (then keys, for a total order)."""
    return sorted(pairs, key=lambda pair: (pair[1].casefold(), pair[0]))


def _around_date(text: str, day: str) -> tuple[str, str, str]:
    """ "Chronologie générée le \0" -> ("Chronologie générée le ", day, ""), so the day goes in a <time>."""
    before, _, after = text.partition("\0")
    return before, day, after


def site_context(timeline: Timeline, urls: Urls) -> dict[str, Any]:
    """What every page shares: the site's words, language and URLs."""
    config = timeline.config
    words = ui(config.language)
    return {
        "title": config.title,
        "description": config.description,
        "lang": config.language,
        "dir": words.get("dir", "ltr"),
        "locale": words.get("locale", ""),
        "labels": words["labels"],
        "today": timeline.today,
        "generated": _around_date(label(config.language, "generated", date="\0"),
                                  show_published(timeline.today, config.language).text),
    }


def plan_pages(timeline: Timeline, *, base_url: str, index_events: int | None = None) -> list[Page]:
    """Every page of the site, sorted by URL: HTML pages (template + context) and data files.

    The index lists the newest months up to `index_events` events (default INDEX_EVENTS);
    each older year gets a page, and its events' "see in the timeline" link points there.

    Links use the path of `base_url`; feeds, sitemap and og:url need absolute URLs, taken from
    `base_url` when it has a host, else from timeline.yml's base_url when it names the same path.
    """
    urls = Urls(base_url)
    configured = Urls(timeline.config.base_url)
    if not urls.absolute and configured.absolute and configured.base == urls.base:
        urls = configured
    lang = timeline.config.language
    entries = {e.slug: e for e in timeline.entries}
    outlets = source_keys(s.outlet for e in timeline.events for s in e.sources)
    views: dict[str, EventView] = {
        e.id: event_view(e, timeline, entries, urls, outlets) for e in timeline.events}
    common = {"site": site_context(timeline, urls), "url": urls}
    groups = group_by_month([views[e.id] for e in timeline.events], lang, urls)
    recent, archived = split_recent(groups, INDEX_EVENTS if index_events is None else index_events)
    on_index = {ev.id for year in recent for month in year.months for ev in month.events}
    for event in timeline.events:
        if event.id not in on_index:
            view = views[event.id]
            views[event.id] = replace(view, anchor=urls(f"years/{view.month[:4]}/") + "#" + event.id)
    groups = group_by_month([views[e.id] for e in timeline.events], lang, urls)  # with the new anchors
    recent, archived = split_recent(groups, INDEX_EVENTS if index_events is None else index_events)
    bars, svg_width = overview(timeline.by_month, lang, urls)
    names = {a.key: a.name for a in timeline.config.actors}
    kinds = {k.key: k.label for k in timeline.config.kinds}
    pages = [
        Page("", "index.html", {**common, "page": {"title": timeline.config.title, "url": ""},
                                "groups": recent,
                                "archive": [(year, urls(f"years/{year}/")) for year in archived],
                                "listed": count_label(lang, "index_recent", len(on_index)),
                                "bars": bars, "svg_width": svg_width,
                                "count": count_label(lang, "count", len(timeline.events)),
                                "filters": {
                                    "actors": _by_name((k, names.get(k, k)) for k in timeline.by_actor),
                                    "kinds": _by_name((k, kinds.get(k, k)) for k in timeline.by_kind),
                                    "statuses": [(s, label(lang, f"status_{s}")) for s in STATUSES]}}),
        Page("404.html", "404.html", {**common, "page": {"title": label(lang, "not_found_title"),
                                                         "url": "404.html"}}),
        Page("search/", "search.html", {**common, "page": {"title": label(lang, "search"),
                                                           "url": "search/"}}),
    ]
    for event in timeline.events:
        view = views[event.id]
        pages.append(Page(f"events/{event.id}/", "event.html", {
            **common, "page": {"title": event.title, "url": f"events/{event.id}/", "type": "article",
                               "description": f"{view.shown.text} — {event.title}"},
            "event": view, "jsonld": event_json_ld(view, event, timeline.config.title, urls)}))
    pages += year_pages(groups, archived, common, urls, lang)
    pages += article_pages(timeline, views, common, urls)
    pages += family_pages(timeline, views, common, urls, outlets)
    pages += data_pages(timeline, pages, urls)
    pages += moved_pages(timeline, views, common)  # after the sitemap: an old address is no page of its own
    return sorted(pages, key=lambda p: p.url)


def moved_pages(timeline: Timeline, views: Mapping[str, EventView], common: dict[str, Any]) -> list[Page]:
    """One small page per former id of a merged event (Event.aliases), sending the reader on to
    the event: an event's id is its first report's, and a report published earlier that joins
    it later would otherwise break every link made to it (Hugo's `aliases`, done for you)."""
    ids = {event.id for event in timeline.events}
    pages = []
    for event in timeline.events:
        for alias in event.aliases:
            if alias not in ids:
                pages.append(Page(f"events/{alias}/", "moved.html", {
                    **common, "page": {"title": event.title, "url": f"events/{event.id}/"},
                    "target": f"events/{event.id}/", "title_lang": views[event.id].lang}))
    return pages
