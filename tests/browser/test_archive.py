"""A long timeline: the index lists its newest months, year pages hold the older ones.

The demo is built with a small index budget (the rule of a 5,000-event site, at the
demo's size): what a reader relies on must survive the split. Filters (chosen in the
form or arriving in a shared URL) still cover every event, an old link to an event of
the index still lands on it, nothing is lost without JavaScript, axe stays clean.
The truth is events.json, never the DOM's own data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import BASE_URL, CONTENT, TODAY, _missing, fresh_page
from .pages import events_json
from .server import SiteServer
from .test_axe import TAGS

BUDGET = 30  # the demo's 101 events: 2025 and December 2024 on the index, 2022-2024 on year pages
VISIBLE_IDS = """() => [...document.querySelectorAll('main ol li[id]')]
  .filter(li => li.checkVisibility()).map(li => li.id)"""
MERGED = ("() => !document.querySelector('.timeline').hasAttribute('aria-busy') "
          "&& document.getElementById('listed').hidden")
EVENT_HREF = re.compile(r"/repo/events/([^/]+)/$")
UNHIDE = """() => { for (const el of document.querySelectorAll('body *')) {
    if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible'; } }"""


@pytest.fixture(scope="module")
def archived_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from timeline import site
    from timeline.pipeline import build_site

    out = tmp_path_factory.mktemp("archived") / "_site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(site, "INDEX_EVENTS", BUDGET)
        result = build_site(str(CONTENT), str(out), base_url=BASE_URL, today=TODAY)
    assert result.code == 0, [p.message for p in result.problems if p.level == "error"]
    assert [p for p in result.problems if p.code == "W460"] == []  # every anchor resolves
    return out


@pytest.fixture(scope="module")
def archived(archived_dir: Path) -> Iterator[SiteServer]:
    with SiteServer(archived_dir, BASE_URL) as srv:
        yield srv


@pytest.fixture()
def tab(browser, archived):  # noqa: ANN001, ANN201
    yield from fresh_page(browser, archived.base)


def _months_on_index(events: list[dict]) -> set[str]:
    """The newest whole months holding up to BUDGET events (the rule the index follows)."""
    per_month = Counter(e["when"]["earliest"][:7] for e in events)
    kept, total = set(), 0
    for month in sorted(per_month, reverse=True):
        if total and total + per_month[month] > BUDGET:
            break
        kept.add(month)
        total += per_month[month]
    return kept


def _count_shown(page) -> int:
    text = page.locator("#event-count").inner_text()
    found = re.search(r"\d[\d\s\u202f\u00a0]*", text)
    return int(re.sub(r"\D", "", found.group())) if found else 0


def test_the_index_lists_the_newest_months_and_says_where_the_rest_is(archived_dir, tab):
    events = events_json(archived_dir)
    kept = _months_on_index(events)
    tab.goto("", wait_until="load")
    shown = tab.evaluate(VISIBLE_IDS)
    assert set(shown) == {e["id"] for e in events if e["when"]["earliest"][:7] in kept}
    assert 0 < len(shown) < len(events)
    assert _count_shown(tab) == len(events)  # the count is the timeline's, the note says what is listed
    assert str(len(shown)) in tab.locator("#listed").inner_text()
    years = tab.eval_on_selector_all("#archive a[data-year]", "els => els.map(a => a.dataset.year)")
    assert years == sorted({e["when"]["earliest"][:4] for e in events
                            if e["when"]["earliest"][:7] not in kept}, reverse=True)


def test_an_actor_filter_covers_the_whole_history(archived_dir, tab):
    events = events_json(archived_dir)
    actor = min(Counter(a for e in events for a in e["actors"]).items(), key=lambda kv: (-kv[1], kv[0]))[0]
    want = {e["id"] for e in events if actor in e["actors"]}
    tab.goto("", wait_until="load")
    tab.locator("#filters select[name=actor]").select_option(actor)
    tab.wait_for_function(MERGED)
    shown = tab.evaluate(VISIBLE_IDS)
    assert set(shown) == want and len(shown) == len(want)
    assert _count_shown(tab) == len(want)
    ids = tab.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    assert [i for i, n in Counter(ids).items() if n > 1] == [], "a merged month duplicated an id"
    # months stay newest first after the merge
    months = tab.eval_on_selector_all(".timeline section.month[data-month]", "els => els.map(s => s.dataset.month)")
    assert months == sorted(months, reverse=True)
    tab.locator("#filters button[type=reset]").click()
    tab.wait_for_timeout(50)
    assert set(tab.evaluate(VISIBLE_IDS)) == {e["id"] for e in events}  # everything is loaded now
    assert not tab.js_errors, tab.js_errors


def test_a_shared_filtered_link_shows_every_matching_event(archived_dir, tab):
    events = events_json(archived_dir)
    kind = Counter(e["kind"] for e in events).most_common(1)[0][0]
    want = {e["id"] for e in events if e["kind"] == kind}
    tab.goto(f"?kind={kind}", wait_until="load")
    tab.wait_for_function(MERGED)
    assert set(tab.evaluate(VISIBLE_IDS)) == want
    assert _count_shown(tab) == len(want)


def test_an_old_link_to_an_event_no_longer_on_the_index_still_lands_on_it(archived_dir, tab):
    events = events_json(archived_dir)
    oldest = events[-1]["id"]
    tab.goto(f"#{oldest}", wait_until="load")
    tab.wait_for_function(f"() => document.getElementById({oldest!r}) !== null")
    tab.wait_for_timeout(100)
    box = tab.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
        return {visible: document.getElementById(id).checkVisibility(), top: r.top, height: innerHeight}; }""", oldest)
    assert box["visible"] and 0 <= box["top"] < box["height"], box


def test_without_javascript_index_and_year_pages_list_every_event_once(archived_dir, browser, archived):
    ctx = browser.new_context(java_script_enabled=False, base_url=archived.base)
    try:
        page = ctx.new_page()
        page.goto("")
        seen = Counter(_listed(page))
        years = page.eval_on_selector_all("#archive a[data-year]", "els => els.map(a => a.getAttribute('href'))")
        on_index = set(seen)
        for href in years:
            page.goto(href)
            seen.update(i for i in _listed(page) if i not in on_index)
        assert set(seen) == {e["id"] for e in events_json(archived_dir)}
        assert max(seen.values()) == 1
        # an archived event's page points back to its place on its year page
        oldest = events_json(archived_dir)[-1]
        page.goto(f"events/{oldest['id']}/")
        back = page.locator("p.back a").get_attribute("href")
        assert back == f"/repo/years/{oldest['when']['earliest'][:4]}/#{oldest['id']}"
        page.goto(back)
        assert page.locator(f"li[id='{oldest['id']}']").is_visible()
    finally:
        ctx.close()


def _listed(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "main li.event h4 a, main li.event h3 a, main li.event h2 a",
        "els => els.filter(a => a.checkVisibility()).map(a => new URL(a.getAttribute('href'), location.href).href)")
    return [m.group(1) for h in hrefs if (m := EVENT_HREF.search(h))]


def test_axe_finds_nothing_serious_on_the_split_index_and_a_year_page(archived_dir, tab):
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        _missing("axe-playwright-python not installed: pip install axe-playwright-python (it ships axe-core)")
    axe = Axe()
    year = sorted(p.parent.name for p in (archived_dir / "years").glob("*/index.html"))[0]
    for url in ("", f"years/{year}/"):
        tab.goto(url, wait_until="load")
        tab.evaluate(UNHIDE)  # as test_axe does: lay out every month before axe measures
        result = axe.run(tab, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
        worst = ("serious", "critical", "moderate") if url == "" else ("serious", "critical")  # as test_axe
        bad = [f"{v['impact']}: {v['id']}" for v in result.response["violations"] if v["impact"] in worst]
        assert bad == [], (url, bad)


def test_reaching_for_the_filters_starts_merging_the_history_and_a_visit_does_not(archived_dir, tab):
    fetched: list[str] = []
    tab.on("request", lambda r: fetched.append(r.url) if "/years/" in r.url else None)
    tab.goto("", wait_until="load")
    tab.wait_for_timeout(200)
    assert fetched == [], "a plain visit fetched the year pages"
    tab.locator("#filters select[name=actor]").focus()
    tab.wait_for_function(MERGED)
    assert len(fetched) == len(tab.eval_on_selector_all("#archive a[data-year]", "els => els"))
    events = events_json(archived_dir)
    assert set(tab.evaluate(VISIBLE_IDS)) == {e["id"] for e in events}  # nothing chosen: all shown
    assert _count_shown(tab) == len(events)
