"""The words two reports are compared on when merging (timeline/events/merge.py).

Why a module of its own: turning a quote into comparable words is language work
(stopwords, stems, concepts) that the matching and clustering need not know about.

A text's language is guessed from its stopwords (the lang/<code>.yaml lists: a
report's own language is not carried by Event). Each word is then
- dropped when it is a stopword or a date word of any language (dates are compared
  by value), or a number below MIN_NUMBER (days, hours);
- kept whole when it is a number of MIN_NUMBER or more ("12 000" = "12,000");
- else stemmed by the language's Snowball stemmer ("négociations"/"négocier",
  "déployés"/"déploiement" meet, "général"/"génération" no longer do), and replaced
  by "@concept" when lang/merge/<code>.yaml maps its stem to a concept, so that a
  French and an English report of one signing share "@sign" and "@agreement".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from timeline.datafile import read_data
from timeline.events.vocab import DEFAULT_LANG, LANG_DIR, available, load_vocab

CONCEPT_DIR = Path(__file__).parent / "lang" / "merge"
MIN_NUMBER = 100  # smaller numbers are days, hours, ordinals: dates are compared by value
# a number with its thousands groups ("12 000", "12,000", "1.500"), else a word
WORD = re.compile(r"(?<!\d)\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?!\d)|\w+")
NON_DIGIT = re.compile(r"\D")
CONCEPT = "@"  # prefix of a concept token: no \w word starts with it


def fold(text: str) -> str:
    """Case and accents folded: "Traité" and "traite" are one word here."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Language:
    """What one language contributes: its stopwords (to guess it), its stems' concepts and the
    words of its status cues."""

    code: str
    stopwords: frozenset[str]  # folded: lang/<code>.yaml's and lang/merge/<code>.yaml's
    stem: object  # a snowballstemmer stemmer
    concepts: dict[str, str]  # folded stem -> concept name
    # folded words of lang/<code>.yaml's status cues, dropped from this language's texts only:
    # the English cue "plans to" must not take "plan" out of "plan de victoire"
    status: frozenset[str] = frozenset()

    def word(self, word: str) -> str:
        """The comparable form of one (casefolded, not stopword) word: its concept or its stem."""
        stem = fold(self.stem.stemWord(word))
        return self.concepts.get(stem, stem)


class ConceptError(ValueError):
    """A concept file that would join two concepts (one stem listed under both)."""


@lru_cache(maxsize=None)
def language(code: str) -> Language:
    """The stopwords, stemmer and concept table of `code` (the default language's when unknown)."""
    path = CONCEPT_DIR / f"{code}.yaml"
    if not path.is_file():
        code, path = DEFAULT_LANG, CONCEPT_DIR / f"{DEFAULT_LANG}.yaml"
    data = read_data(path, keys={"stemmer": str, "concepts": dict})
    stemmer = snowballstemmer.stemmer(data["stemmer"])
    concepts: dict[str, str] = {}
    for concept, words in data["concepts"].items():
        for word in words:
            stem = fold(stemmer.stemWord(str(word).casefold()))
            token = CONCEPT + concept
            if concepts.get(stem, token) != token:
                raise ConceptError(f"{path.name}: '{word}' (stem '{stem}') is in both "
                                   f"'{concepts[stem][1:]}' and '{concept}'")
            concepts[stem] = token
    v = load_vocab(code)
    stop = {fold(w) for w in v.stopwords} | {fold(str(w)) for w in data.get("stopwords", ())}
    return Language(code, frozenset(stop), stemmer, concepts, frozenset(status_words(code) - stop))


def status_words(code: str) -> set[str]:
    """The words of lang/<code>.yaml's status cues ("pourraient", "attendu", "selon", "is
    expected", "said"), folded. They say how sure a report is, which Event.status tells and
    merging compares apart (as dates): an announcement and the report of its happening differ
    by these words only, and two reports "selon Séoul" need not be one happening."""
    data = read_data(LANG_DIR / f"{code}.yaml", keys={"expected": list, "reported": list})
    return {fold(w) for cue in data["expected"] + data["reported"] for w in WORD.findall(str(cue).casefold())}


@lru_cache(maxsize=1)
def _languages() -> tuple[Language, ...]:
    return tuple(language(code) for code in available() if (CONCEPT_DIR / f"{code}.yaml").is_file())


@lru_cache(maxsize=1)
def _dropped() -> frozenset[str]:
    """Stopwords and date words of every language, folded."""
    words: set[str] = set()
    for code in available():
        v = load_vocab(code)
        words |= {fold(w) for w in v.stopwords | set(v.weekdays) | set(v.months) | v.this | v.last | v.next}
    for lang in _languages():
        words |= lang.stopwords
    return frozenset(words)


def guess_language(words: list[str]) -> Language:
    """The language whose stopwords the (folded) words use most; on a tie (a headline may
    have none), the one whose concept table knows most of them; else the default one."""
    langs = _languages()
    stops = [sum(1 for w in words if w in lang.stopwords) for lang in langs]
    tied = [lang for lang, n in zip(langs, stops) if n == max(stops, default=0)]
    if len(tied) > 1:
        known = [sum(1 for w in words if _comparable(lang.code, w).startswith(CONCEPT)) for lang in tied]
        tied = [lang for lang, n in zip(tied, known) if n == max(known)]
    default = [lang for lang in tied if lang.code == DEFAULT_LANG]
    return (default or tied or [language(DEFAULT_LANG)])[0]


@lru_cache(maxsize=200_000)
def _comparable(code: str, word: str) -> str:
    return language(code).word(word)


def _figure(word: str) -> str | None:
    """A number token as plain ASCII digits without leading zeros ("12 000", "١٢٠٠٠" -> "12000"),
    or None below MIN_NUMBER. No int(): a 5,000-digit token is a figure, not a ValueError."""
    digits = "".join(str(unicodedata.decimal(c, "")) for c in NON_DIGIT.sub("", word)).lstrip("0")
    if len(digits) > len(str(MIN_NUMBER)) or (len(digits) == len(str(MIN_NUMBER)) and digits >= str(MIN_NUMBER)):
        return digits
    return None


@lru_cache(maxsize=200_000)
def _folded(word: str) -> str:
    return fold(word)


def words_of(text: str) -> frozenset[str]:
    """The comparable words of a text: numbers, stems and concepts (see the module docstring)."""
    raw = WORD.findall(text.casefold())
    folded = [_folded(w) for w in raw]
    lang = guess_language(folded)
    drop = _dropped()
    out: set[str] = set()
    for word, plain in zip(raw, folded):
        if word[0].isdigit():
            number = _figure(word)
            if number:
                out.add(number)
        elif len(plain) > 1 and plain not in drop and plain not in lang.status:
            out.add(_comparable(lang.code, word))
    return frozenset(out)
