"""Entry.text -> sentences, for French and English news.

One linear pass: every run of . ! ? … is a candidate, and it ends a sentence
when whitespace and a sentence start (capital, digit, opening quote or dash)
follow, unless the word before a single period is a known abbreviation (data
in lang/<code>.yaml) or an initial. A blank line (block boundary) always ends
a sentence; a single line break does too unless the paragraph looks hard-wrapped,
because snippets pasted from news sites put headlines and "LIRE AUSSI" lines on
lines of their own without a final period.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from timeline.datafile import read_data
from timeline.model import Entry, Sentence

_TERMINATOR = re.compile(r"[.!?…]+")
_WORD = re.compile(r"\w+")
_SPACES = " \t\u00a0\u202f\u2009"
_ALWAYS_CLOSING = "»”)]’"
_ADJACENT_CLOSING = "\"'"
_OPENING = "«“\"'‘([—–-¿¡"
WRAP_MIN, WRAP_MAX = 30, 100  # line lengths of a hard-wrapped paragraph
MAX_WORD = 40  # longer "words" are no abbreviation; the bound keeps a pass linear on text without spaces


@dataclass(frozen=True)
class _Rules:
    abbreviations: frozenset[str]
    continued: dict[str, re.Pattern[str]]  # word before a period -> what, after it, goes on the sentence


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    name = lang if lang in ("fr", "en") else "fr"
    path = resources.files("timeline.text").joinpath(f"lang/{name}.yaml")
    data = read_data(path, keys={"abbreviations": list})
    continued = {str(word): re.compile(str(after)) for word, after in (data.get("continued_by") or {}).items()}
    return _Rules(frozenset(str(a) for a in data["abbreviations"]), continued)


def _end_of_closers(text: str, j: int) -> int:
    """Past the closing quotes/brackets that belong to the sentence ending at j."""
    n = len(text)
    while j < n:
        k = j
        while k < n and text[k] in _SPACES:
            k += 1
        if k < n and text[k] in _ALWAYS_CLOSING:  # « … ! » : the space before » belongs inside
            j = k + 1
        elif k == j and j < n and text[j] in _ADJACENT_CLOSING:
            j += 1
        else:
            return j
    return j


def _is_start(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENING


def _period_is_break(text: str, pos: int, rules: _Rules) -> bool:
    """Whether a lone '.' at pos ends a sentence, judging by the word before it (and, for a
    word of `continued_by`, by what follows: "8 a.m. Moscow time")."""
    begin, stop = pos, max(0, pos - MAX_WORD)
    while begin > stop and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:pos].lstrip("«“\"'‘([")
    if word in rules.abbreviations:
        return False
    after = rules.continued.get(word)
    if after is not None:
        k = pos + 1
        while k < min(len(text), pos + 4) and text[k] in _SPACES:
            k += 1
        if after.match(text, k):
            return False
    return not (len(word) == 1 and word.isupper())  # an initial: "J. Biden"


def _breaks_in(text: str, lo: int, hi: int, rules: _Rules) -> list[int]:
    """Sentence ends (exclusive offsets) inside text[lo:hi], one line-run of one block."""
    ends = []
    for m in _TERMINATOR.finditer(text, lo, hi):
        if m.group() == "." and not _period_is_break(text, m.start(), rules):
            continue
        end = _end_of_closers(text, m.end())
        k = end
        while k < hi and text[k].isspace():
            k += 1
        if k == hi or (k > end and _is_start(text[k])):
            ends.append(min(end, hi))
    return ends


def _runs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split one block into line runs: each line, unless the block is hard-wrapped."""
    lines = text[lo:hi].split("\n")
    wrapped = len(lines) > 1 and all(WRAP_MIN <= len(line) <= WRAP_MAX for line in lines[:-1])
    if wrapped:
        return [(lo, hi)]
    runs, pos = [], lo
    for line in lines:
        runs.append((pos, pos + len(line)))
        pos += len(line) + 1
    return runs


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a plain text."""
    rules = _rules(lang)
    spans: list[tuple[int, int]] = []
    block_start = 0
    while block_start <= len(text):
        block_end = text.find("\n\n", block_start)
        if block_end < 0:
            block_end = len(text)
        for lo, hi in _runs(text, block_start, block_end):
            start = lo
            for end in [*_breaks_in(text, lo, hi, rules), hi]:
                a, b = start, end
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if a < b:
                    spans.append((a, b))
                start = end
        block_start = block_end + 2
    return spans


class _LineFinder:
    """Locates successive sentences in the raw Markdown body to report file lines."""

    def __init__(self, body: str, body_line: int) -> None:
        self.body = body
        self.body_line = body_line
        self.newlines = [i for i, ch in enumerate(body) if ch == "\n"]
        self.pos = 0
        self.last = body_line

    def _find(self, word: str, start: int, window: int) -> int:
        return self.body.find(word, start, start + window)  # bounded: a miss costs one window, not the body

    def line(self, sentence: str) -> int:
        words = _WORD.findall(sentence)
        if not words or not self.body:
            return self.last if self.body else 0
        window = 4 * len(sentence) + 2000
        first = self._find(words[0], self.pos, window)
        if first < 0:
            return self.last
        last = self._find(words[-1], first, window) if len(words) > 1 else first
        self.pos = (last + len(words[-1])) if last >= 0 else first + len(words[0])
        self.last = self.body_line + bisect_right(self.newlines, first - 1)
        return self.last


def sentences(entry: Entry) -> list[Sentence]:
    """The sentences of Entry.text, with offsets into it and their line in the source file."""
    finder = _LineFinder(entry.body, entry.body_line)
    out = []
    for index, (start, end) in enumerate(split_sentences(entry.text, entry.lang)):
        piece = entry.text[start:end]
        out.append(Sentence(entry.slug, index, piece, start, end, finder.line(piece)))
    return out
