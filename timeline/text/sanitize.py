"""Markdown body -> safe HTML.

python-markdown passes raw HTML through untouched (most XSS payloads survive
it), so its output always goes through nh3 with a short allow-list: no script,
no style, no iframe/object/svg/img, no event-handler attributes, and links only
to http, https and mailto. Nesting is bounded before either library runs:
python-markdown recurses once per list level and nh3 slows down quadratically
on deeply nested tags.
"""

from __future__ import annotations

import re
import threading

import markdown
import nh3

MAX_NESTING = 50

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
    "sub", "sup", "small", "mark", "code", "pre", "kbd", "blockquote", "q", "cite", "abbr", "span",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "a",
}
ATTRIBUTES = {
    "*": {"lang", "title"},
    "a": {"href"},
    "ol": {"start"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
SCHEMES = {"http", "https", "mailto"}

_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)", re.M)
_QUOTE_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]?)+)", re.M)
_RAW_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,20})")
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class TooDeep(ValueError):
    """The body nests lists, quotes or HTML tags deeper than MAX_NESTING."""

    def __init__(self, what: str, line: int) -> None:
        super().__init__(what)
        self.what = what
        self.line = line  # 1-based, in the body


def _line(body: str, offset: int) -> int:
    return body.count("\n", 0, offset) + 1


def check_nesting(body: str) -> None:
    """Raise TooDeep at the first place the body nests more than MAX_NESTING levels."""
    for m in _LIST_ITEM.finditer(body):
        indent = len(m.group(1).expandtabs(4))
        if indent // 4 + 1 > MAX_NESTING:
            raise TooDeep("lists", _line(body, m.start()))
    for m in _QUOTE_PREFIX.finditer(body):
        if m.group(1).count(">") > MAX_NESTING:
            raise TooDeep("quotes (>)", _line(body, m.start()))
    depth = 0
    for m in _RAW_TAG.finditer(body):
        name = m.group(2).lower()
        if name in _VOID:
            continue
        depth += -1 if m.group(1) else 1
        if depth > MAX_NESTING:
            raise TooDeep("HTML tags", _line(body, m.start()))


_local = threading.local()  # building a Markdown instance costs as much as converting a snippet


def render_markdown(body: str) -> str:
    """Raw python-markdown output (unsafe; tests use it to show what the sanitiser removes)."""
    converter = getattr(_local, "markdown", None)
    if converter is None:
        converter = _local.markdown = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    try:
        return converter.reset().convert(body)
    except RecursionError:
        _local.markdown = None  # state after an aborted conversion is not trusted
        raise


def render_body(body: str) -> str:
    """Markdown -> sanitised HTML. Raises TooDeep (or RecursionError as a last resort)."""
    check_nesting(body)
    return sanitize(render_markdown(body))


_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _no_hidden_scheme(tag: str, attribute: str, value: str) -> str | None:
    """Drop a link whose scheme only appears once spaces are removed ("java  script:")."""
    if attribute == "href":
        squeezed = _INVISIBLE.sub("", value).lower()
        scheme = _SCHEME.match(squeezed)
        if scheme and scheme.group()[:-1] not in SCHEMES:
            return None
    return value


def sanitize(html: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True,
                     attribute_filter=_no_hidden_scheme)
