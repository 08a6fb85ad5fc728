"""The index of a long timeline: its newest months, the older ones on year pages.

What a reader sees: the index lists whole months, newest first, up to a budget of events;
a note says so and an "earlier, by year" list links one page per older year; each year page
lists every month of that year with the index's markup; an event that left the index keeps
a working "see it in the timeline" link (to its year page).
"""

from __future__ import annotations

import html
import re

import site_fixture as fx

from timeline.links import check_links
from timeline.pages import group_by_month, split_recent
from timeline.render import make_env, render_pages
from timeline.site import plan_pages, source_keys
from timeline.views import Urls, event_view

BASE = "/repo/"


def render(budget: int | None) -> dict[str, str]:
    env, _ = make_env("default", "content")
    files, problems = render_pages(plan_pages(fx.timeline(), base_url=BASE, index_events=budget), env, base_url=BASE)
    assert problems == [] and check_links(files, BASE) == []
    return {k: v.decode() for k, v in files.items() if k.endswith(".html")}


def listed(html: str) -> list[str]:
    return re.findall(r'<li id="([^"]+)" class="event', html)


def test_a_small_timeline_lists_everything_and_has_no_year_pages():
    pages = render(None)
    assert len(listed(pages["index.html"])) == len(fx.timeline().events)
    assert 'id="archive"' not in pages["index.html"] and 'id="listed"' not in pages["index.html"]
    assert not any(k.startswith("years/") for k in pages)


def test_the_index_keeps_whole_newest_months_and_links_the_older_years():
    timeline = fx.timeline()
    by_month = timeline.by_month
    newest = max(by_month)
    pages = render(1)
    index = pages["index.html"]
    assert listed(index) == list(by_month[newest])  # one whole month (even over the budget)
    count = len(by_month[newest])
    note = html.unescape(re.search(r'<p class="listed" id="listed">(.*?) <a href="#archive">', index).group(1))
    assert note == ("Listé ici : l'événement le plus récent." if count == 1
                    else f"Listés ici : les {count} événements les plus récents.")
    assert f'<p class="count" id="event-count" role="status" aria-live="polite">{len(timeline.events)} événements</p>' in index
    years = sorted({key[:4] for key in by_month if key != newest}, reverse=True)
    assert years and re.findall(r'<a href="/repo/years/(\d+)/" data-year="\1">', index) == years


def test_a_year_page_lists_every_event_of_its_year_and_the_event_links_back_there():
    timeline = fx.timeline()
    pages = render(1)
    newest = max(timeline.by_month)
    archived = [i for key, ids in timeline.by_month.items() if key != newest for i in ids]
    assert archived, "the fixture needs events in more than one month"
    for event_id in archived:
        event = next(e for e in timeline.events if e.id == event_id)
        year = event.when.earliest[:4]
        assert event_id in listed(pages[f"years/{year}/index.html"])
        assert f'href="/repo/years/{year}/#{event_id}"' in pages[f"events/{event_id}/index.html"]
    for event_id in timeline.by_month[newest]:
        assert f'href="/repo/#{event_id}"' in pages[f"events/{event_id}/index.html"]
    year_page = pages[f"years/{newest[:4]}/index.html"]
    assert set(listed(year_page)) == {i for key, ids in timeline.by_month.items() if key[:4] == newest[:4]
                                      for i in ids}


def test_split_counts_whole_months_and_keeps_undated_events_on_the_index():
    from dataclasses import replace

    timeline = fx.timeline()
    urls = Urls(BASE)
    entries = {e.slug: e for e in timeline.entries}
    outlets = source_keys(s.outlet for e in timeline.events for s in e.sources)
    views = [event_view(e, timeline, entries, urls, outlets) for e in timeline.events]
    undated = replace(views[-1], id="x-undated", month="")
    groups = group_by_month([*views, undated], "fr", urls)
    months = [m for y in groups if y.year for m in y.months]
    recent, archived = split_recent(groups, len(months[0].events) + len(months[1].events))
    assert [m.key for y in recent for m in y.months] == [months[0].key, months[1].key, ""]
    assert archived == sorted({m.key[:4] for m in months[2:]}, reverse=True)
    keys = [m.key for m in months]
    for budget in range(0, sum(len(m.events) for m in months) + 2):  # always the newest months, in order
        kept = [m.key for y in split_recent(groups, budget)[0] for m in y.months if m.key]
        assert kept == keys[:len(kept)] and kept
    everything, none = split_recent(groups, 10_000)
    assert everything == groups and none == []


def test_once_a_month_is_over_the_budget_no_older_month_is_listed_however_small():
    from timeline.pages import MonthGroup, YearGroup

    def month(key: str, n: int) -> MonthGroup:
        return MonthGroup(key, key, f"/months/{key}/", tuple(object() for _ in range(n)))  # type: ignore[misc]

    groups = [YearGroup("2025", (month("2025-02", 5),)),
              YearGroup("2024", (month("2024-12", 10), month("2024-11", 1))),
              YearGroup("2023", (month("2023-12", 1),))]
    recent, archived = split_recent(groups, 6)
    assert [m.key for y in recent for m in y.months] == ["2025-02"]
    assert archived == ["2024", "2023"]


def test_an_event_title_quoted_from_a_later_report_is_marked_in_that_report_s_language():
    """Merging titles an event by its first report of the happening, which may be the English
    one after a French announcement: a screen reader must read that title in English."""
    from dataclasses import replace

    timeline = fx.timeline()
    entries = {e.slug: e for e in timeline.entries}
    french = next(s for e in timeline.events for s in e.sources if entries[s.entry].lang == "fr")
    english = next(s for e in timeline.events for s in e.sources if entries[s.entry].lang == "en")
    event = replace(timeline.events[0], title=english.quote, sources=(french, english))
    outlets = source_keys(s.outlet for s in event.sources)
    assert event_view(event, timeline, entries, Urls(BASE), outlets).lang == "en"
    assert event_view(replace(event, title=french.quote), timeline, entries, Urls(BASE), outlets).lang == "fr"
