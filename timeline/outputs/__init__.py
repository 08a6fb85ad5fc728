"""Data files of the site: feeds, exports, sitemap — pages with a media type and a body.

Why no templates: these are formats other programs read (feed readers,
spreadsheets, calendars, TimelineJS, crawlers); they are built from plain
dicts and serialised with sorted keys, so two builds are byte-identical.

- feeds.py: Atom and JSON Feed 1.1 (whole timeline and per actor)
- exports.py: events.json (+ its JSON Schema), events.csv, events.ics, timelinejs.json
- meta.py: sitemap.xml, robots.txt, .nojekyll
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.model import Page, Timeline
from timeline.outputs.exports import export_pages
from timeline.outputs.feeds import feed_pages
from timeline.outputs.meta import meta_pages
from timeline.views import Urls


def data_pages(timeline: Timeline, html_pages: Sequence[Page], urls: Urls) -> list[Page]:
    """Every data file of the site; `html_pages` feed the sitemap."""
    return export_pages(timeline, urls) + feed_pages(timeline, urls) + meta_pages(html_pages, urls)
