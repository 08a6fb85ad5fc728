"""Per-language event vocabulary (lang/<code>.yaml), compiled once per language.

Why a module of its own: kind keywords, status cues, range connectors and the
`check` word lists are language knowledge; they live as data and every stage
that needs them gets the same compiled patterns from one cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline.datafile import read_data

LANG_DIR = Path(__file__).parent / "lang"
DEFAULT_LANG = "fr"
SECTIONS = {"kinds": dict, "expected": list, "reported": list, "event_verbs": list, "range": dict,
            "stopwords": list, "check": dict}  # what every lang/<code>.yaml holds


@dataclass(frozen=True)
class Vocab:
    lang: str
    kinds: tuple[str, ...]  # kind keys in file order (tie-break order)
    kind_re: re.Pattern[str]  # group 1 = the stem that matched
    stem_kind: dict[str, str]  # casefolded stem -> kind key
    expected_re: re.Pattern[str]
    reported_re: re.Pattern[str]
    event_verb_re: re.Pattern[str]
    range_open_re: re.Pattern[str]  # matches at the END of the text before a range
    range_join_re: re.Pattern[str]  # matches the WHOLE gap between two dates
    stopwords: frozenset[str]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    this: frozenset[str]
    last: frozenset[str]
    next: frozenset[str]


def available() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.yaml")))


def _phrase(word: str) -> str:
    """A literal phrase: any run of spaces matches, both apostrophes match."""
    parts = [re.escape(p) for p in word.split()]
    return r"\s+".join(parts).replace("'", "['’]")


def _alternation(words: list[str]) -> str:
    # Longest first: Python's alternation is leftmost-first, not longest.
    ordered = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(_phrase(w) for w in ordered) or r"(?!x)x"


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def load_vocab(lang: str) -> Vocab:
    """The vocabulary of `lang`, or of the default language when we have none for it."""
    path = LANG_DIR / f"{lang}.yaml"
    if not path.is_file():
        path, lang = LANG_DIR / f"{DEFAULT_LANG}.yaml", DEFAULT_LANG
    data = read_data(path, keys=SECTIONS)
    kinds = data["kinds"]
    stem_kind: dict[str, str] = {}
    for kind, stems in kinds.items():
        for stem in stems:
            stem_kind.setdefault(" ".join(stem.casefold().replace("’", "'").split()), kind)
    check = data["check"]
    rng = data["range"]
    return Vocab(
        lang=lang,
        kinds=tuple(kinds),
        kind_re=re.compile(rf"(?<!\w)({_alternation(list(stem_kind))})", re.IGNORECASE),
        stem_kind=stem_kind,
        expected_re=_words(data["expected"]),
        reported_re=_words(data["reported"]),
        event_verb_re=_words(data["event_verbs"]),
        range_open_re=re.compile(rf"(?<!\w)(?:{_alternation(rng['open'])})\s*(?:l['’]|les?\s+)?$",
                                 re.IGNORECASE),
        range_join_re=re.compile(rf"^\s*(?:{_alternation(rng['join'])})\s*(?:l['’]|les?\s+)?$",
                                 re.IGNORECASE),
        stopwords=frozenset(w.casefold() for w in data["stopwords"]),
        weekdays=tuple(w.casefold() for w in check["weekdays"]),
        months=tuple(m.casefold() for m in check["months"]),
        this=frozenset(w.casefold() for w in check["this"]),
        last=frozenset(w.casefold() for w in check["last"]),
        next=frozenset(w.casefold() for w in check["next"]),
    )


def normal_stem(matched: str) -> str:
    """The key of `stem_kind` for a stem matched in text (case, spaces, apostrophe)."""
    return " ".join(matched.casefold().replace("’", "'").split())
