"""Which words a rule cannot match without, so the scan skips rules a text cannot trigger.

A sentence without a month name, a weekday, a digit or "il y a" needs none of the
rules built on them. For each rule we derive, from its parsed pattern, a set of word
beginnings one of which every match must contain (literal words, or the words of a
class; "<digit>" for numerals). scan.py runs a rule only when a word of the text starts
with one of them. Prefixes, because the regex parser factors "derniers|dernières"
into "derni" + (ers|ères). A test checks that gated and ungated scans agree.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

DIGIT = "<digit>"
MAX_PREFIX = 24  # longer gate words are cut to this (a gate word is a beginning anyway)
_MARK0 = 0xE000  # private-use characters stand for word classes while parsing
_PLACEHOLDER = re.compile(r"\{([a-z_|]+)(?::[a-z_0-9]+)?\}")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _selectivity(words: frozenset[str]) -> tuple[bool, int]:
    """Rank of a gate, most selective first: the longer its shortest word, the rarer
    ("d", "le" and numerals are in most texts); then fewer words are better."""
    return (-min(1 if w == DIGIT else len(w) for w in words), len(words))

_REPEATS = tuple(op for op in (getattr(C, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if op)
_NUMERALS = ("int", "dd", "mm", "yyyy", "yy", "hh", "min", "dec")


def text_prefixes(text: str) -> set[str]:
    """Every beginning of every word of the text (lower case), plus DIGIT if it has one."""
    out = {DIGIT} if _DIGIT.search(text) else set()
    for word in set(_WORD.findall(text.lower())):
        out.update([word[:i] for i in range(1, min(len(word), MAX_PREFIX) + 1)])
    return out


def required_words(pattern: str, classes: dict[str, dict[str, Any]]) -> frozenset[str] | None:
    """Word beginnings one of which every match of `pattern` contains, or None if we cannot tell."""
    gates = required_gates(pattern, classes)
    return min(gates, key=_selectivity) if gates else None


def required_gates(pattern: str, classes: dict[str, dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """Several such sets, all required ("{dd} {month}": a numeral and a month name).
    Raises re.error for a pattern that is not a regular expression."""
    names: list[str] = []

    def mark(m: re.Match[str]) -> str:
        marks = []
        for name in m.group(1).split("|"):
            names.append(name)
            marks.append(chr(_MARK0 + len(names) - 1))
        return "(?:" + "|".join(marks) + ")"

    parsed = P.parse(_PLACEHOLDER.sub(mark, pattern.replace(" ", r"\s+")), re.IGNORECASE)  # re.error: caller
    every: list[frozenset[str]] = []
    _required(list(parsed), _Env(classes, names), False, every)
    return tuple(dict.fromkeys(frozenset(w[:MAX_PREFIX] for w in gate) for gate in every))


class _Env:
    def __init__(self, classes: dict[str, dict[str, Any]], names: list[str]):
        self.classes, self.names = classes, names

    def marked(self, code: int) -> frozenset[str] | None | bool:
        """The words of the class a private-use character stands for; False if not a mark."""
        index = code - _MARK0
        if not 0 <= index < len(self.names):
            return False
        return _class_words(self.names[index], self.classes)


def _class_words(name: str, classes: dict[str, dict[str, Any]]) -> frozenset[str] | None:
    if name in _NUMERALS:
        return frozenset({DIGIT})
    words = set()
    for entry in classes.get(name, {}):
        first = _WORD.findall(entry.lower())
        if not first:
            return None
        words.add(DIGIT if first[0][0].isdigit() else first[0])
    return frozenset(words) or None


def _run_words(run: str, continuation: bool) -> list[frozenset[str]]:
    """Word beginnings of a literal run; the first is a fragment when the run continues a word."""
    words = [frozenset({DIGIT}) if w[0].isdigit() else frozenset({w}) for w in _WORD.findall(run.lower())]
    if continuation and run[:1].isalnum():
        words = words[1:]
    return words


def _pick(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=_selectivity)


def _is_digits(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            continue
        if op is C.RANGE and 48 <= av[0] <= av[1] <= 57:
            continue
        if op is C.LITERAL and 48 <= av <= 57:
            continue
        return False
    return bool(items)


def _required(items: list[tuple[Any, Any]], env: _Env, continuation: bool,
              every: list[frozenset[str]] | None = None) -> frozenset[str] | None:
    """Smallest known set of word beginnings one of which every match of `items` contains
    (and, into `every`, each such set of this sequence)."""
    best: frozenset[str] | None = None

    def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
        if b is not None and every is not None:
            every.append(b)
        return _pick(a, b)

    run: list[str] = []
    after_word = continuation  # the previous element may have left a word unfinished
    first = True
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL and env.marked(av) is False:
            run.append(chr(av))
            continue
        if run:
            for words in _run_words("".join(run), after_word if first or not run else after_word):
                best = _better(best, words)
            after_word = run[-1].isalnum()
            run = []
        first = False
        if op is C.LITERAL:
            best = _better(best, env.marked(av) or None)  # type: ignore[arg-type]
            after_word = True
        elif op is C.SUBPATTERN:
            best = _better(best, _required(list(av[-1]), env, after_word))
            after_word = after_word or _ends_in_word(list(av[-1]))
        elif op is C.BRANCH:
            sets = [_required(list(branch), env, after_word) for branch in av[1]]
            if all(s is not None for s in sets):
                best = _better(best, frozenset().union(*sets))  # type: ignore[arg-type]
            after_word = after_word or any(_ends_in_word(list(b)) for b in av[1])
        elif op is C.IN:
            marks = [env.marked(a) for o, a in av if o is C.LITERAL]
            if marks and all(m is not False for m in marks) and len(marks) == len(av):
                if all(m for m in marks):
                    best = _better(best, frozenset().union(*marks))  # type: ignore[arg-type]
            elif _is_digits(list(av)):
                best = _better(best, frozenset({DIGIT}))
            after_word = True
        elif op in _REPEATS:
            if av[0] >= 1:
                best = _better(best, _required(list(av[2]), env, after_word))
            after_word = (after_word and av[0] == 0) or _ends_in_word(list(av[2]))
        elif op is not None:
            after_word = op not in (C.AT, C.ASSERT, C.ASSERT_NOT)
    return best


def _ends_in_word(items: list[tuple[Any, Any]]) -> bool:
    """Whether a match of `items` may end in the middle of a word (conservative: True)."""
    if not items:
        return True
    op, av = items[-1]
    if op is C.LITERAL:
        return chr(av).isalnum() or av >= _MARK0
    if op is C.IN:
        return not all(o is C.CATEGORY and a is C.CATEGORY_SPACE or o is C.LITERAL and chr(a).isspace()
                       for o, a in av)
    if op is C.SUBPATTERN:
        return _ends_in_word(list(av[-1]))
    if op is C.BRANCH:
        return any(_ends_in_word(list(b)) for b in av[1])
    if op in _REPEATS:
        return _ends_in_word(list(av[2])) or (av[0] == 0 and _ends_in_word(items[:-1]))
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _ends_in_word(items[:-1])
    return True


class GateIndex:
    """Which rules a text can trigger, found from the text's words in one pass.

    Each gate word points to the (rule, gate) pairs it satisfies; a rule runs when all
    its gates are satisfied (rules without gates always run)."""

    def __init__(self, gates: list[tuple[frozenset[str], ...]]):
        self.needed = [len(g) for g in gates]
        self.index: dict[str, list[tuple[int, int]]] = {}
        for rule, rule_gates in enumerate(gates):
            for k, gate in enumerate(rule_gates):
                for word in gate:
                    self.index.setdefault(word, []).append((rule, k))
        self.words = frozenset(self.index)

    def runnable(self, text: str) -> list[bool]:
        present = self.words.intersection(text_prefixes(text))
        met: dict[int, set[int]] = {}
        for word in present:
            for rule, k in self.index[word]:
                met.setdefault(rule, set()).add(k)
        return [n == 0 or len(met.get(i, ())) == n for i, n in enumerate(self.needed)]
