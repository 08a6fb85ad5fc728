"""C1-C3 for the site stage: a payload in any field that reaches a page never runs.

Each payload goes into every field at once (config title and description, actor
names, kind labels, entry title/source/url/tags/lang, event title and id, quote,
outlet, source URL, keys that land in attributes); the site is rendered and
every HTML page goes through the checker of html_safety.py. The checker itself
is shown to catch unsafe markup, and the same build with autoescape turned off
is shown to fail — so a green run means something.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import jinja2
import pytest

import site_fixture as fx
from html_safety import unsafe
from timeline.model import Actor, Kind
from timeline.render import make_env, render_pages
from timeline.site import make_timeline, plan_pages

PAYLOADS = [
    "<script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "` onclick=alert(1) `",
    "x\" style=\"background:url(javascript:alert(1))",
    "</script><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "<iframe src=javascript:alert(1)>",
    "<object data=javascript:alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<base href=//evil.example/>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "{{ 7*7 }}{% raw %}",
    "\u2028\u2029</SCRIPT >\n<script>alert(1)</script>",
    "line\nbreak\" onerror=alert(1) x=\"",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]


def poisoned(payload: str):
    """The fixture timeline with `payload` in every text field that reaches a page."""
    config = fx.config(title=payload, description=payload,
                       kinds=(Kind("military", payload), Kind(payload, payload)),
                       actors=tuple(Actor(a.key, payload + a.name) for a in fx.config().actors))
    entries = [dataclasses.replace(e, title=payload, source=payload + e.source, url=payload,
                                   tags=(payload,), lang=payload[:40]) for e in fx.entries()]
    events = []
    for event in fx.events():
        sources = tuple(dataclasses.replace(s, outlet=payload + s.outlet, url=payload,
                                            quote=s.quote + " " + payload) for s in event.sources)
        events.append(dataclasses.replace(event, id=event.id + payload, kind=payload, title=payload,
                                          sources=sources, actors=(*event.actors, payload)))
    return make_timeline(config, entries, events, fx.mentions(), date(2024, 12, 31))


def _pages(timeline, env=None) -> dict[str, str]:
    if env is None:
        env, problems = make_env("default", "content")
        assert problems == []
    files, problems = render_pages(plan_pages(timeline, base_url="/repo/"), env, base_url="/repo/")
    assert problems == []
    return {k: v.decode("utf-8") for k, v in files.items() if k.endswith(".html")}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_field_never_reaches_a_page_unescaped(payload):
    pages = _pages(poisoned(payload))
    assert len(pages) > 20
    found = {path: problems for path, html in pages.items() if (problems := unsafe(html, "/repo/"))}
    assert found == {}


def test_unsafe_source_urls_never_become_links():
    pages = _pages(poisoned("javascript:alert(1)"))
    for html in pages.values():
        assert 'href="javascript:' not in html.lower()
    # and a real URL does
    assert 'href="https://www.europe1.fr/' in _pages(fx.timeline())["events/ev-past/index.html"]


def test_the_checker_catches_unsafe_markup():
    for bad in ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=' javascript:x'>",
                "<p style='color:red'>", "<iframe src=x>", "<svg><animate values='javascript:x'>",
                '<script type="application/ld+json">{"a": "</script><b>"}</script>',
                "<script src='https://cdn.example/x.js'></script>", "<meta http-equiv=refresh content=0>",
                "<a href='data:text/html,x'>", "<meta http-equiv=refresh content='0; url=https://evil.example/'>",
                "<meta http-equiv=refresh content='0; url=//evil.example/repo/'>"]:
        assert unsafe(bad, "/repo/"), bad
    assert unsafe('<meta http-equiv="refresh" content="0; url=/repo/events/abc/">', "/repo/") == []
    assert unsafe('<script src="/repo/static/js/filters.js" defer></script>'
                  '<script type="application/ld+json">{"a": "\\u003c/script>"}</script>', "/repo/") == []


def test_the_check_fails_when_escaping_is_turned_off():
    env, _ = make_env("default", "content")
    raw = jinja2.Environment(loader=env.loader, autoescape=False, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    raw.filters.update(env.filters)
    raw.globals.update(env.globals)
    pages = _pages(poisoned("<script>alert(1)</script>"), raw)
    assert sum(1 for html in pages.values() if unsafe(html, "/repo/")) >= 20


def test_json_ld_cannot_close_its_script_element():
    pages = _pages(poisoned("</script><script>alert(1)</script>"))
    html = next(text for path, text in pages.items() if path.startswith("events/ev-past"))
    block = html[html.index('<script type="application/ld+json">'):]
    block = block[:block.index("</script>")]
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in block
