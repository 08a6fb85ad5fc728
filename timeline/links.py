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


def check_links(files: Mapping[str, bytes], base: str) -> list[Problem]:
    """Warnings for internal links of HTML pages that lead nowhere or out of `base`."""
    pages = sorted(k for k in files if k.endswith(".html"))
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for key in pages:
        found, page_ids = [], set()
        for m in ATTR.finditer(files[key]):
            value = html.unescape(m.group(2).decode("utf-8", "replace"))
            if m.group(1) == b"id":
                page_ids.add(value)
            else:
                found.append(value)
        ids[key], links[key] = page_ids, found
    broken: list[tuple[str, str, str]] = []
    for key in pages:
        here = _page_url(key, base)
        for link in links[key]:
            if SCHEME.match(link) or link.startswith("//"):
                continue  # external (or mailto:, data:): not ours to check
            if link.startswith("/"):  # the usual case: skip the slower urljoin
                path, _, fragment = link.partition("#")
                path = path.partition("?")[0]
            else:
                parts = urlsplit(urljoin(here, link))
                path, fragment = parts.path, parts.fragment
            target = _target(path, base)
            if target is None:
                broken.append((key, link, f"leaves the base path {base}"))
            elif target.startswith(LATER):
                continue
            elif target not in files:
                broken.append((key, link, f"no such file {target}"))
            elif fragment and target.endswith(".html") and fragment not in ids.get(target, ()):
                broken.append((key, link, f"no id '{fragment}' in {target}"))
    problems = [warning("W460", f"broken internal link {link!r} in {key}: {why}", Origin(key),
                        "check the theme template or the base URL") for key, link, why in broken[:MAX_REPORTED]]
    if len(broken) > MAX_REPORTED:
        problems.append(warning("W460", f"{len(broken) - MAX_REPORTED} more broken internal links", None,
                                "fix the ones above first; they usually share one cause"))
    return problems
