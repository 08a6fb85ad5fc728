"""Sanitised HTML <-> plain text, with one offset map used both ways.

`plain_text` gives Entry.text: the text nodes in order, block elements
separated by a blank line, entities decoded. `highlight` walks the very same
pieces, so an offset found in Entry.text (a date mention, a quote) lands on the
right characters of the HTML, even across <em> or &amp;. The input is nh3
output: well-formed, comments stripped, '<' in text always escaped.
"""

from __future__ import annotations

import html as htmllib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

BLOCKS = {
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
}
SEPARATOR = "\n\n"

# Attribute values are quoted by nh3; the alternatives start with different characters, so
# this cannot backtrack more than once per character.
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|&#?[a-zA-Z0-9]{1,32};")


@dataclass(slots=True)
class _Piece:
    """A run of text: `html` is its markup, `text[i]` is `html[lead + i]` unless `entity`."""

    html: str
    text: str
    lead: int = 0
    entity: bool = False
    start: int = 0  # offset in the plain text, set once all pieces are known


@dataclass(slots=True)
class _Tag:
    html: str
    name: str
    closing: bool


def _tokens(markup: str) -> list[_Piece | _Tag]:
    out: list[_Piece | _Tag] = []
    pos = 0
    for m in _TOKEN.finditer(markup):
        if m.start() > pos:
            out.append(_Piece(markup[pos:m.start()], markup[pos:m.start()]))
        if m.group(2):
            out.append(_Tag(m.group(0), m.group(2).lower(), bool(m.group(1))))
        else:
            out.append(_Piece(m.group(0), htmllib.unescape(m.group(0)), entity=True))
        pos = m.end()
    if pos < len(markup):
        out.append(_Piece(markup[pos:], markup[pos:]))
    return out


def _trim_end(units: list[_Piece | _Tag], since: int) -> None:
    """Drop whitespace at the end of the text emitted since the last block boundary."""
    for unit in reversed(units[since:]):
        if isinstance(unit, _Tag):
            continue
        if unit.html == "" and unit.text == SEPARATOR:
            return
        if unit.entity:
            if unit.text.isspace():
                unit.text = ""
                continue
            return
        kept = unit.text.rstrip()
        unit.text = kept
        if kept:
            return


def _walk(markup: str) -> list[_Piece | _Tag]:
    units: list[_Piece | _Tag] = []
    at_block_start = True  # leading whitespace of a block is not text
    pending = False  # a block boundary was crossed since the last text
    have_text = False
    boundary = 0  # units before this index are already trimmed
    for unit in _tokens(markup):
        if isinstance(unit, _Tag):
            if unit.name in BLOCKS:
                _trim_end(units, boundary)
                boundary = len(units)
                at_block_start = True
                pending = pending or have_text
            elif unit.name == "br":
                units.append(unit)
                units.append(_Piece("", "\n"))
                at_block_start = True  # the newline after <br> is layout, not text
                continue
            units.append(unit)
            continue
        if at_block_start:
            stripped = unit.text.lstrip()
            if not stripped:
                unit.text = ""
                units.append(unit)
                continue
            if not unit.entity:
                unit.lead = len(unit.text) - len(stripped)
            unit.text = stripped
            at_block_start = False
        if pending:
            units.append(_Piece("", SEPARATOR))
            pending = False
        units.append(unit)
        have_text = True
    _trim_end(units, boundary)
    offset = 0
    for unit in units:
        if isinstance(unit, _Piece):
            unit.start = offset
            offset += len(unit.text)
    return units


def plain_text(markup: str) -> str:
    """The text a reader sees, blocks separated by a blank line (Entry.text)."""
    return "".join(u.text for u in _walk(markup) if isinstance(u, _Piece))


def _open(href: str, title: str, in_link: bool) -> tuple[str, str]:
    if href and not in_link:  # an <a> inside an <a> is invalid HTML: mark only
        return (f'<a class="mention" href="{htmllib.escape(href)}" title="{htmllib.escape(title)}"><mark>',
                "</mark></a>")
    attr = f' title="{htmllib.escape(title)}"' if title else ""
    return f'<mark class="mention"{attr}>', "</mark>"


def highlight(markup: str, spans: Sequence[tuple[int, int, str, str]]) -> str:
    """Wrap each (start, end, href, title) span of Entry.text in a mention link/mark.

    Overlapping spans keep the first; empty or out-of-range spans are ignored. A span
    crossing a tag is split into one wrapper per text run, so nesting stays valid.
    """
    units = _walk(markup)
    total = sum(len(u.text) for u in units if isinstance(u, _Piece))
    chosen: list[tuple[int, int, str, str]] = []
    for start, end, href, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, end = max(0, start), min(total, end)
        if start < end and (not chosen or start >= chosen[-1][1]):
            chosen.append((start, end, href, title))
    bounds = sorted({b for span in chosen for b in span[:2]})
    out: list[str] = []
    k = 0  # the span at or after the current position
    closing = ""  # markup to emit to close the open wrapper ("" when none is open)
    link_depth = 0
    for unit in units:
        if isinstance(unit, _Tag):
            if closing:
                out.append(closing)
                closing = ""
            if unit.name == "a":
                link_depth += -1 if unit.closing else 1
            out.append(unit.html)
            continue
        if not unit.text:
            out.append(unit.html)
            continue
        s0, e0 = unit.start, unit.start + len(unit.text)
        if unit.entity:
            cuts = [(s0, unit.html)]
        else:
            out.append(unit.html[:unit.lead])
            points = [s0, *bounds[bisect_right(bounds, s0):bisect_left(bounds, e0)], e0]
            cuts = [(a, unit.html[a - s0 + unit.lead:b - s0 + unit.lead])
                    for a, b in zip(points, points[1:]) if a < b]
        for start, chunk in cuts:
            while k < len(chosen) and chosen[k][1] <= start:
                k += 1
            inside = k < len(chosen) and chosen[k][0] <= start
            if closing and (not inside or start == chosen[k][0]):
                out.append(closing)  # the previous span ended here
                closing = ""
            if inside and not closing:
                opening, closing = _open(chosen[k][2], chosen[k][3], link_depth > 0)
                out.append(opening)
            out.append(chunk)
        if closing and (k >= len(chosen) or chosen[k][1] <= e0):
            out.append(closing)  # close before trailing whitespace, not after it
            closing = ""
        if not unit.entity:
            out.append(unit.html[unit.lead + len(unit.text):])
    if closing:
        out.append(closing)
    return "".join(out)
