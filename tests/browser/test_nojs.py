"""E3: with JavaScript off, every page reads and the filters degrade to links.

The per-actor, per-kind and per-month pages do the filters' job: following one
from the index shows exactly the events events.json files under that key.
"""

from __future__ import annotations

import re

import pytest

from .pages import events_json, template_pages

# SVG links (the month overview) have no string .href: resolve the attribute instead
EVENT_HREF = re.compile(r"/repo/events/([^/]+)/$")


@pytest.fixture(scope="module")
def nojs(browser, server):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900},
                              base_url=server.base)
    yield ctx.new_page()
    ctx.close()


def _listed_event_ids(page) -> set[str]:
    """Ids of the events a reader sees listed in <main> (their permalinks)."""
    hrefs = page.eval_on_selector_all(
        "main a[href*='/events/']", "els => els.filter(a => a.checkVisibility()).map(a => new URL(a.getAttribute('href'), location.href).href)")
    return {m.group(1) for h in hrefs if (m := EVENT_HREF.search(h))}


def test_every_template_reads_without_javascript(site_dir, nojs):
    for name, url in template_pages(site_dir).items():
        response = nojs.goto(url)
        assert response is not None and response.status == (404 if name == "404" else 200), name
        main = nojs.locator("main")
        assert main.count() == 1 and main.is_visible(), f"{name}: no visible <main>"
        assert len(main.inner_text().strip()) > 20, f"{name}: <main> is empty without JavaScript"
    nojs.goto("search/")
    # the search page says what to do instead, in the page's language
    assert nojs.locator("main").inner_text().count("JavaScript") >= 1


def test_index_lists_every_event_without_javascript(site_dir, nojs):
    nojs.goto("")
    assert _listed_event_ids(nojs) == {e["id"] for e in events_json(site_dir)}
    # filter controls that could not work without a script are not offered
    dead = nojs.eval_on_selector_all("main select, main input:not([type=search])",
                                     "els => els.filter(e => e.checkVisibility()).map(e => e.name)")
    assert dead == [], f"controls shown that do nothing without JavaScript: {dead}"


@pytest.mark.parametrize("family,field", [("actors", "actors"), ("kinds", "kind"), ("months", "month")])
def test_filters_degrade_to_pages_that_show_exactly_the_matching_events(site_dir, nojs, family, field):
    events = events_json(site_dir)
    nojs.goto("")
    links = nojs.eval_on_selector_all(
        f"a[href*='/repo/{family}/']", "els => els.filter(a => a.checkVisibility()).map(a => new URL(a.getAttribute('href'), location.href).href)")
    pages = sorted({h for h in links if re.search(rf"/repo/{family}/[^/]+/$", h)})
    assert pages, f"the index links to no {family} page (the no-JS way to filter)"
    for href in pages[:3]:
        key = href.rstrip("/").rsplit("/", 1)[1]
        nojs.goto(href)
        if field == "actors":
            want = {e["id"] for e in events if key in e["actors"]}
        elif field == "kind":
            want = {e["id"] for e in events if e["kind"] == key}
        else:
            want = {e["id"] for e in events if e["when"]["earliest"][:7] == key}
        assert want, f"{href}: events.json has no event under {key}"
        assert _listed_event_ids(nojs) == want, f"{href} does not list exactly the {key} events"
