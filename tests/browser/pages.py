"""Which built page stands for each template, found in the built tree.

The URL scheme is the site's (timeline/site.py, timeline/pages.py):
events/<id>/, articles/<slug>/, actors/<key>/, kinds/<key>/, months/<YYYY-MM>/,
sources/<slug>/, search/, 404.html. One page per template is enough for axe;
the first in sorted order keeps runs repeatable.
"""

from __future__ import annotations

import json
from pathlib import Path

FAMILIES = {"event": "events", "article": "articles", "actor": "actors", "month": "months",
            "kind": "kinds", "source": "sources"}


def first_page(site: Path, family: str) -> str:
    pages = sorted(p.parent.name for p in (site / family).glob("*/index.html"))
    assert pages, f"the demo build has no {family}/<key>/ page"
    return f"{family}/{pages[0]}/"


def template_pages(site: Path) -> dict[str, str]:
    """{template name: site-relative URL} for the nine page templates."""
    found = {"index": ""}
    for name, family in FAMILIES.items():
        found[name] = first_page(site, family)
    found["search"] = "search/"
    found["404"] = "no-such-page/"  # served with the site's 404.html and status 404
    return found


def events_json(site: Path) -> list[dict]:
    doc = json.loads((site / "events.json").read_text(encoding="utf-8"))
    return doc["events"] if isinstance(doc, dict) else doc


def event_quoting(site: Path, word: str) -> dict:
    """The first event (newest first) one of whose sources quotes `word`."""
    for event in events_json(site):
        if any(word in (s.get("quote") or "") for s in event.get("sources", [])):
            return event
    raise AssertionError(f"no event of the demo quotes {word!r}")
