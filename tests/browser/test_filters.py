"""Filters on the index: what remains matches, the count says how many, the URL keeps it.

The truth is events.json (the same build's data), never the DOM's own data-*
attributes: a filter that reads the wrong attribute must make these red.
"""

from __future__ import annotations

import re
from collections import Counter

from .pages import events_json

VISIBLE_IDS = """() => [...document.querySelectorAll('main ol li[id]')]
  .filter(li => li.checkVisibility()).map(li => li.id)"""


def _visible(page) -> list[str]:
    return page.evaluate(VISIBLE_IDS)


def _count_shown(page) -> int:
    """The number the event count says (\"12 événements\", \"1 événement\", \"Aucun …\")."""
    text = page.locator("#event-count").inner_text()
    found = re.search(r"\d[\d\s\u202f\u00a0]*", text)
    return int(re.sub(r"\D", "", found.group())) if found else 0


def _busiest_actor(events: list[dict]) -> str:
    counts = Counter(a for e in events for a in e["actors"])
    return min(counts, key=lambda a: (-counts[a], a))


def test_actor_filter_keeps_exactly_that_actors_events(site_dir, page):
    events = events_json(site_dir)
    actor = _busiest_actor(events)
    want = {e["id"] for e in events if actor in e["actors"]}
    assert 0 < len(want) < len(events), "the demo needs an actor that some events lack"
    page.goto("", wait_until="load")
    assert set(_visible(page)) == {e["id"] for e in events}
    assert _count_shown(page) == len(events)
    page.locator("#filters select[name=actor]").select_option(actor)
    shown = _visible(page)
    assert set(shown) == want
    assert len(shown) == len(want), "an event is shown twice"
    assert _count_shown(page) == len(shown), page.locator("#event-count").inner_text()
    # an event with two actors is under both: it stays when the other actor is chosen
    both = next(e for e in events if actor in e["actors"] and len(e["actors"]) > 1)
    other = next(a for a in both["actors"] if a != actor)
    page.locator("#filters select[name=actor]").select_option(other)
    assert both["id"] in _visible(page)


def test_combined_filters_survive_a_reload_and_a_shared_link(site_dir, browser, server, page):
    events = events_json(site_dir)
    kind = Counter(e["kind"] for e in events).most_common(1)[0][0]
    months = sorted({e["when"]["earliest"][:7] for e in events if e["kind"] == kind})
    start, end = months[len(months) // 4], months[(3 * len(months)) // 4]
    want = {e["id"] for e in events if e["kind"] == kind
            and e["when"]["latest"] >= f"{start}-01" and e["when"]["earliest"] <= f"{end}-31"}
    assert want, "the chosen kind and period must leave some events"
    page.goto("", wait_until="load")
    page.locator("#filters select[name=kind]").select_option(kind)
    page.locator("#filters input[name=from]").fill(start)
    page.locator("#filters input[name=to]").fill(end)
    assert set(_visible(page)) == want
    assert _count_shown(page) == len(want)
    url = page.url
    assert f"kind={kind}" in url and f"from={start}" in url and f"to={end}" in url, url
    # every section left on screen holds at least one shown event (no empty month headings)
    empty = page.evaluate("""() => [...document.querySelectorAll('main section')]
        .filter(s => s.checkVisibility() && !s.querySelector('li[id]:not([hidden])'))
        .map(s => s.id || s.className)""")
    assert not empty, f"visible sections without events: {empty}"

    page.reload(wait_until="load")
    assert set(_visible(page)) == want
    assert page.locator("#filters select[name=kind]").input_value() == kind
    assert page.locator("#filters input[name=from]").input_value() == start

    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        fresh = ctx.new_page()
        fresh.goto(url, wait_until="load")
        assert set(_visible(fresh)) == want
        assert _count_shown(fresh) == len(want)
    finally:
        ctx.close()

    page.get_by_role("button", name=re.compile(".")).filter(has=page.locator("xpath=self::*[@type='reset']")).click()
    page.wait_for_timeout(50)
    assert set(_visible(page)) == {e["id"] for e in events}
    assert "?" not in page.url


def test_status_filter_and_a_url_nobody_can_match(site_dir, page):
    events = events_json(site_dir)
    page.goto("?status=expected", wait_until="load")
    assert set(_visible(page)) == {e["id"] for e in events if e["status"] == "expected"}
    page.goto("?status=disputed", wait_until="load")
    assert set(_visible(page)) == {e["id"] for e in events if e["disputed"]}
    # a hand-edited URL with an unknown value shows everything rather than nothing
    page.goto("?actor=atlantis&kind=%3Cscript%3E", wait_until="load")
    assert set(_visible(page)) == {e["id"] for e in events}
    assert not page.js_errors, page.js_errors


def test_a_link_to_an_event_the_filter_hides_still_lands_on_it(site_dir, page):
    events = events_json(site_dir)
    kind = Counter(e["kind"] for e in events).most_common(1)[0][0]
    hidden = next(e for e in events[len(events) // 2:] if e["kind"] != kind)
    page.goto(f"?kind={kind}#{hidden['id']}", wait_until="load")
    page.wait_for_timeout(100)
    box = page.evaluate("""id => { const el = document.getElementById(id); const r = el.getBoundingClientRect();
        return {visible: el.checkVisibility(), top: r.top, height: innerHeight}; }""", hidden["id"])
    assert box["visible"], "the linked event stays hidden behind the filter"
    assert 0 <= box["top"] < box["height"], f"the linked event is not in the viewport: {box}"
    assert _count_shown(page) == len(_visible(page))
