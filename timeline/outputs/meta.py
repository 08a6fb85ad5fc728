"""sitemap.xml, robots.txt and .nojekyll: what crawlers and GitHub Pages look for."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from timeline.model import Page
from timeline.views import Urls


def sitemap(html_pages: Sequence[Page], urls: Urls) -> bytes:
    """Every HTML page but the 404, sorted by URL."""
    locs = sorted(p.url for p in html_pages if p.media_type == "text/html" and p.url != "404.html")
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{escape(urls.full(loc))}</loc></url>" for loc in locs]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(urls: Urls) -> bytes:
    """Allow all; name the sitemap (the protocol wants an absolute URL, so only when we have one)."""
    text = "User-agent: *\nAllow: /\n"
    if urls.absolute:
        text += f"Sitemap: {urls.full('sitemap.xml')}\n"
    return text.encode("utf-8")


def meta_pages(html_pages: Sequence[Page], urls: Urls) -> list[Page]:
    return [Page("sitemap.xml", media_type="application/xml", body=sitemap(html_pages, urls)),
            Page("robots.txt", media_type="text/plain", body=robots(urls)),
            Page(".nojekyll", media_type="text/plain", body=b"")]
