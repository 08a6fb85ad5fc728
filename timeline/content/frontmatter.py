"""Split an entry into its YAML front matter and its Markdown body, by lines.

The front matter is the block between a first line `---` and the next line
`---` (or `...`). Its size is checked before YAML sees it: 64 KB is far more
than any real front matter and keeps the parser's work bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.model import Origin, Problem
from timeline.problems import error

MAX_FRONT_MATTER = 64 * 1024  # characters
E_EMPTY = "E130"
E_NO_FRONT_MATTER = "E131"
E_NOT_CLOSED = "E132"
E_TOO_LARGE = "E133"

_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_EXAMPLE = "start the file with ---, then title:, published:, source:, then ---"


@dataclass(frozen=True)
class Split:
    yaml: str  # the front matter text (line 1 of it is line 2 of the file)
    body: str
    body_line: int  # 1-based line of the file where the body starts


def split(text: str, display: str) -> tuple[Split | None, list[Problem]]:
    """(front matter, body) of an entry's text, or the Problem saying what is wrong."""
    if not text.strip():
        return None, [error(E_EMPTY, "empty file", Origin(display, 1), _EXAMPLE)]
    first, _, rest = text.partition("\n")
    if first.rstrip() != "---":
        return None, [error(E_NO_FRONT_MATTER, "no front matter: the first line is not ---",
                            Origin(display, 1), _EXAMPLE)]
    match = _CLOSING.search(rest)
    if match is None or match.start() > MAX_FRONT_MATTER:
        if match is not None or len(rest) > MAX_FRONT_MATTER:
            return None, [error(E_TOO_LARGE, f"front matter larger than {MAX_FRONT_MATTER // 1024} KB",
                                Origin(display, 1),
                                "front matter holds a few fields; move long text into the body")]
        return None, [error(E_NOT_CLOSED, "front matter opened on line 1 is never closed",
                            Origin(display, 1), "add a line --- after the last field")]
    front = rest[:match.start()]
    body_start = match.end() + 1  # past the closing line's newline
    body_line = 2 + rest.count("\n", 0, match.start()) + 1
    return Split(front, rest[body_start:], body_line), []
