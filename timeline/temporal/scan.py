"""What the text says: run every rule over the text, keep the longest non-overlapping matches.

One pass per rule over the whole text (compiled once, see language.py); overlaps
are settled by length, then by the rule's order in rules.yaml. An occupancy mask
keeps the settling linear in the text's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.temporal.gate import GateIndex
from timeline.temporal.language import Language, Rule


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def prepare(text: str) -> str:
    """A same-length copy of the text that the patterns read: typographic apostrophes
    and hyphens made plain, so "aujourd’hui" and "week‑end" match."""
    return text.translate(_PLAIN)


_INDEXES: dict[int, tuple["Language", GateIndex]] = {}


def _gates(language: Language) -> GateIndex:
    """The gate index of a language, built once (languages are cached, see language.py)."""
    entry = _INDEXES.get(id(language))
    if entry is None or entry[0] is not language:
        entry = (language, GateIndex([rule.gates for rule in language.rules]))
        _INDEXES[id(language)] = entry
    return entry[1]


_PLAIN = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-"})


def scan(text: str, language: Language, gated: bool = True) -> list[Match]:
    """All rule matches that survive overlap resolution, in text order.

    A rule runs only if the text holds one of the words it cannot match without
    (gate.py); `gated=False` runs every rule (for the test that checks the gates)."""
    plain = prepare(text)
    runnable = _gates(language).runnable(plain) if gated else [True] * len(language.rules)
    found: list[Match] = []
    for rule, run in zip(language.rules, runnable):
        if not run:
            continue
        for m in rule.regex.finditer(plain):
            if m.end() > m.start():
                found.append(Match(m.start(), m.end(), rule, m))
    found.sort(key=lambda x: (x.start - x.end, x.rule.priority, x.start))
    taken = bytearray(len(plain) + 1)
    kept = []
    for cand in found:
        if any(taken[cand.start:cand.end]):
            continue
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda x: x.start)
    return kept


def sentence_bounds(text: str, lang: str) -> list[int]:
    """Offsets where sentences start (always begins with 0), for tense and anchors: the
    site's own splitter (text/segment.py), which knows "Oct." and "M." end no sentence."""
    from timeline.text.segment import split_sentences

    return [0] + [start for start, _end in split_sentences(text, lang)[1:]]
