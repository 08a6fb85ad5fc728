"""E4 reflow and the event anchor: what a phone reader and a shared link get."""

from __future__ import annotations

import pytest

from .pages import events_json, template_pages

TEMPLATES = ["index", "event", "article", "actor", "month", "kind", "source", "search", "404"]


@pytest.fixture(scope="module")
def narrow(browser, server):
    ctx = browser.new_context(viewport={"width": 320, "height": 640}, base_url=server.base)
    yield ctx.new_page()
    ctx.close()


def test_no_horizontal_scroll_at_320px(site_dir, narrow):
    wide = []
    for name, url in template_pages(site_dir).items():
        narrow.goto(url, wait_until="load")
        width = narrow.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            culprit = narrow.evaluate("""() => {
              const w = document.documentElement.clientWidth;
              const out = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > w + 1)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                     (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''));
              return out.slice(0, 5);
            }""")
            wide.append(f"{name} ({url}): scrollWidth {width[0]} > {width[1]}: {culprit}")
    assert not wide, "\n".join(wide)


def test_event_link_lands_on_the_event_and_marks_it(site_dir, page):
    events = events_json(site_dir)
    assert len(events) > 10
    target = events[len(events) // 2]["id"]  # one far down the page, so landing on it needs a scroll
    other = events[0]["id"]
    page.goto(f"#{target}", wait_until="load")
    page.wait_for_timeout(100)
    box = page.evaluate(f"""() => {{
      const el = document.getElementById({target!r});
      const r = el.getBoundingClientRect();
      return {{top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY,
               target: el.matches(':target')}};
    }}""")
    assert box["scrolled"] > 0, "the page did not scroll to the event"
    assert 0 <= box["top"] < box["height"], f"event #{target} not in the viewport: {box}"
    assert box["target"], "the linked event is not the :target"
    # "marked": the targeted event looks different from an ordinary one
    style = """id => { const s = getComputedStyle(document.getElementById(id));
                       return [s.outlineStyle, s.outlineWidth, s.backgroundColor, s.borderLeftColor,
                               s.boxShadow, s.borderLeftWidth]; }"""
    assert page.evaluate(style, target) != page.evaluate(style, other), \
        "the linked event is not visibly marked (same computed style as another event)"
    # and every event has its own page, linked from the timeline
    link = page.locator(f'[id="{target}"] a[href$="events/{target}/"]').first
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/repo/events/{target}/")
    assert page.locator("main h1").count() == 1
