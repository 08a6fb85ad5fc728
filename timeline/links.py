"""Post-render link check: every internal href/src/#anchor of the built pages resolves.

Why in the build: a theme edit or a base-URL mistake breaks links silently, and
GitHub Pages only shows it to readers. Each broken link is a warning (so
`build --strict` fails on it) naming the page and the link. It reads our own
rendered HTML, where attribute values are always double-quoted and escaped, so
a linear regex scan is enough (no HTML parser per page: 20,000 pages stay cheap).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from urllib.parse import unquote, urljoin, urlsplit

from timeline.model import Origin, Problem
from timeline.problems import warning

ATTR = re.compile(rb'\s(href|src|id)="([^"]*)"')
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
LATER = ("pagefind/",)  # written after rendering (search index), not checked here
MAX_REPORTED = 20


def _page_url(key: str, base: str) -> str:
    return base + (key[: -len("index.html")] if key.endswith("index.html") else key)


def _target(path: str, base: str) -> str | None:
    """Site-relative file key of an absolute URL path, or None when it escapes the base."""
    if not path.startswith(base):
        return None
    rel = unquote(path[len(base):])
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


class LinkCheck:
    """The link check fed one file at a time, so a streamed build need not keep its pages.

    Per HTML page it keeps the ids and the link strings (interned: the same few thousand
    URLs repeat on every page), not the bytes; `problems()` then resolves every link.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self._files: set[str] = set()
        self._ids: dict[str, frozenset[str]] = {}
        self._links: dict[str, tuple[str, ...]] = {}
        self._strings: dict[str, str] = {}

    def _intern(self, value: str) -> str:
        return self._strings.setdefault(value, value)

    def add(self, key: str, data: bytes) -> None:
        """Record one output file (site-relative path) and, for a page, its ids and links."""
        self._files.add(key)
        if not key.endswith(".html"):
            return
        found, page_ids = [], set()
        for m in ATTR.finditer(data):
            value = self._intern(html.unescape(m.group(2).decode("utf-8", "replace")))
            if m.group(1) == b"id":
                page_ids.add(value)
            else:
                found.append(value)
        self._ids[key], self._links[key] = frozenset(page_ids), tuple(found)

    def problems(self) -> list[Problem]:
        """W460 warnings for internal links that lead nowhere or out of the base, pages in order."""
        base, broken = self.base, []
        for key in sorted(self._links):
            here = _page_url(key, base)
            for link in self._links[key]:
                why = self._why_broken(link, here)
                if why:
                    broken.append((key, link, why))
        problems = [warning("W460", f"broken internal link {link!r} in {key}: {why}", Origin(key),
                            "check the theme template or the base URL") for key, link, why in broken[:MAX_REPORTED]]
        if len(broken) > MAX_REPORTED:
            problems.append(warning("W460", f"{len(broken) - MAX_REPORTED} more broken internal links", None,
                                    "fix the ones above first; they usually share one cause"))
        return problems

    def _why_broken(self, link: str, here: str) -> str:
        """Why `link` on the page at URL `here` is broken; "" when it is fine or not ours."""
        if SCHEME.match(link) or link.startswith("//"):
            return ""  # external (or mailto:, data:): not ours to check
        if link.startswith("/"):  # the usual case: skip the slower urljoin
            path, _, fragment = link.partition("#")
            path = path.partition("?")[0]
        else:
            parts = urlsplit(urljoin(here, link))
            path, fragment = parts.path, parts.fragment
        target = _target(path, self.base)
        if target is None:
            return f"leaves the base path {self.base}"
        if target.startswith(LATER):
            return ""
        if target not in self._files:
            return f"no such file {target}"
        if fragment and target.endswith(".html") and fragment not in self._ids.get(target, ()):
            return f"no id '{fragment}' in {target}"
        return ""


def check_links(files: Mapping[str, bytes], base: str) -> list[Problem]:
    """Warnings for internal links of HTML pages that lead nowhere or out of `base`."""
    check = LinkCheck(base)
    for key, data in files.items():
        check.add(key, data)
    return check.problems()
