"""Load a language's word classes and rules (lang/<code>/*.yaml), check them, compile them.

The YAML holds the knowledge; this module only turns `{month}`-style placeholders
into named regex groups and reports mistakes with file and line (see the format at
the top of lang/fr/rules.yaml). Languages are cached: compile once per process.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from timeline.datafile import DataFileError, read_data
from timeline.temporal.gate import required_gates

LANG_DIR = Path(__file__).parent / "lang"

# Numerals shared by every language. Their lookarounds keep "12.000", "2 000",
# "F-16" or "3,5" from being read as a day, a year or a count ("10am-4pm" is two clocks).
_NUM_BEFORE = r"(?<![\w.,])(?:(?<![^\W\d_]-)|(?<=\d[ap]m-))(?<!\d[.,])(?<!\d )(?<!\d\u00a0)(?<!\d\u202f)"
_NUM_AFTER = r"(?!\d)(?![.,]\d)(?! \d{3}(?!\d))"
BUILTINS = {
    "int": r"\d{1,3}",
    "dd": r"(?:0?[1-9]|[12]\d|3[01])",
    "mm": r"(?:0?[1-9]|1[0-2])",
    "yyyy": r"(?:1[0-9]\d\d|20\d\d)",
    "yy": r"\d\d",
    "hh": r"(?:[01]?\d|2[0-4])",
    "min": r"[0-5]\d",
    "dec": r"\d{1,3},\d{1,2}",
    "big": r"(?:[1-9]\d{0,2}(?:[ ,.\u00a0\u202f]\d{3})+|[1-9]\d{3,5})",  # "1 000", "1,000", "1000" (days)
}
_GROUPING = re.compile(r"[ ,.\u00a0\u202f]")
_PLACEHOLDER = re.compile(r"\{([a-z_|]+)(?::([a-z_0-9]+))?\}")
_FRAGMENT = re.compile(r"\{@([a-z_0-9]+)\}")


class LanguageError(DataFileError):
    """A mistake in a language file, with the place to fix it."""


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str  # as written, with its fragments inlined
    source: str  # the regular expression it expands to
    produce: str
    args: dict[str, Any]
    groups: dict[str, tuple[str, ...]]  # group name -> the classes it may hold
    examples: tuple[tuple[str, str], ...]
    negatives: tuple[str, ...]
    line: int
    priority: int
    gates: tuple[frozenset[str], ...] = ()  # each: word beginnings one of which every match holds

    where: str = ""  # file:line, for messages

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: a process that tags one sentence compiles only the rules it
        needs (start-up time). A broken pattern is reported with its file and line."""
        try:
            return re.compile(self.source, re.IGNORECASE)
        except re.error as exc:
            raise LanguageError(f"{self.where}: pattern of '{self.name}' is not a valid regex: {exc}") from None


@dataclass(frozen=True)
class Language:
    code: str
    classes: dict[str, dict[str, Any]]  # class -> normalised word -> value
    rules: tuple[Rule, ...]
    tense_past: re.Pattern[str] | None
    tense_future: re.Pattern[str] | None
    lead: re.Pattern[str] | None  # words just before an expression that fix its direction
    example_dct: str = "2024-10-18"
    meta: dict[str, Any] = field(default_factory=dict)
    soft_lead: re.Pattern[str] | None = None  # like `lead`, but only where no verb gives the tense
    tense_plan: re.Pattern[str] | None = None  # a plan made ("voted to hold"): the dates after it lie ahead
    tense_proposal: re.Pattern[str] | None = None  # a proposal ("proposing talks"): its dates, not its weekdays
    tense_term_set: re.Pattern[str] | None = None  # a term set ("extended", "prolongée"): a date it runs "until" lies ahead
    tense_present: re.Pattern[str] | None = None  # a present ("se réunit"): its clause's own tense, which points nowhere
    tense_schedule: re.Pattern[str] | None = None  # the present of a calendar ("the Senate returns"): ahead when near
    _compiled: dict[str, re.Pattern[str] | None] = field(default_factory=dict, compare=False, repr=False)
    _by_name: dict[str, Rule] = field(default_factory=dict, compare=False, repr=False)

    def rule(self, name: str) -> Rule | None:
        """The rule called `name` (a mention's `rule`), to ask what it produces."""
        if not self._by_name:
            self._by_name.update((r.name, r) for r in self.rules)
        return self._by_name.get(name)

    def compiled(self, key: str, build: Callable[[Language], re.Pattern[str] | None]) -> re.Pattern[str] | None:
        """The regex `build` makes from this language's lexicon, built on first use and kept
        under `key` (start-up compiles only what a text needs)."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]

    def phrases(self, *keys: str, between: str = r"\s*") -> re.Pattern[str] | None:
        """One regex for the phrases of the lexicon lists `keys`, whole words only, `between`
        the words of a phrase; None when the lists are empty."""
        def build(language: Language) -> re.Pattern[str] | None:
            words = sorted((str(w) for key in keys for w in language.meta.get(key) or ()), key=len, reverse=True)
            # longest first: "expires at" is tried before "expires"
            return re.compile("|".join(phrase_regex(w, between) for w in words), re.IGNORECASE) if words else None
        return self.compiled("phrases:" + "+".join(keys) + between, build)

    def lookup(self, classes: tuple[str, ...], text: str) -> Any:
        """The value of a matched word: a number for numerals, else the class's value."""
        word = normalise(text)
        for cls in classes:
            if cls in BUILTINS:
                if word.isdigit():
                    return int(word)
                if cls == "dec":
                    return float(word.replace(",", "."))
                if cls == "big" and (digits := _GROUPING.sub("", word)).isdigit():
                    return int(digits)
                continue
            table = self.classes.get(cls, {})
            if word in table:
                return table[word]
        return None


def phrase_regex(phrase: object, between: str = r"\s*") -> str:
    """A lexicon phrase as a regex: `between` its words, and whole words only ("qui" not in
    "quitte"; ", and" starts at its comma)."""
    text = str(phrase).strip()
    body = between.join(re.escape(part) for part in text.split())
    return ("(?<!\\w)" if text[:1].isalnum() else "") + body + ("(?!\\w)" if text[-1:].isalnum() else "")


def normalise(text: str) -> str:
    """Lower case, one space between words, typographic apostrophe as ', and a hyphen
    between words read as a space ("vingt-quatre" = "vingt quatre", "après midi")."""
    return " ".join(re.sub(r"(?<=\w)-(?=\w)", " ", text.replace("\u2019", "'")).lower().split())


def _read(path: Path) -> dict[str, Any]:
    """A language file, each mapping holding its line under "__line__" for the messages below."""
    return read_data(path, lines=True, error=LanguageError)


def _word_regex(words: list[str]) -> str:
    """The words as one alternation, longest first. A long class (the holiday names) is
    factored by first letter, so the regex engine tries at each position only the words
    that can start there: the same matches, several times faster."""
    parts = sorted({normalise(w) for w in words}, key=lambda w: (-len(w), w))

    def one(w: str) -> str:
        return re.escape(w).replace(r"\ ", r"(?:\s+|-)").replace("'", "['\u2019]")

    if len(parts) < 24:
        return "|".join(one(w) for w in parts)
    by_first: dict[str, list[str]] = {}
    for w in parts:
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(one(first) + (f"(?:{'|'.join(one(rest) for rest in rests)})" if rests != [""] else "")
                    for first, rests in by_first.items())


def _expand(pattern: str, classes: dict[str, dict[str, Any]], where: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    groups: dict[str, tuple[str, ...]] = {}

    def one(m: re.Match[str]) -> str:
        names = tuple(m.group(1).split("|"))
        group = m.group(2) or names[0]
        if group in groups:
            raise LanguageError(f"{where}: group '{group}' used twice; name one {{{m.group(1)}:other}}")
        alternatives = []
        for name in names:
            if name == "min":  # minutes follow "h" directly: "14h30"
                alternatives.append(BUILTINS[name] + _NUM_AFTER)
            elif name in BUILTINS:
                alternatives.append(_NUM_BEFORE + BUILTINS[name] + _NUM_AFTER)
            elif name in classes:
                alternatives.append(r"(?<!\w)(?:" + _word_regex(list(classes[name])) + r")(?!\w)")
            else:
                raise LanguageError(f"{where}: unknown word class {{{name}}} (known: "
                                    f"{', '.join(sorted([*classes, *BUILTINS]))})")
        groups[group] = names
        return f"(?P<{group}>{'|'.join(alternatives)})"

    spaced = pattern.replace(" ", r"\s+")  # a space in a pattern is any run of spaces
    return _PLACEHOLDER.sub(one, spaced), groups


def _classes(lexicon: dict[str, Any], path: Path) -> dict[str, dict[str, Any]]:
    raw = lexicon.get("classes")
    if not isinstance(raw, dict):
        raise LanguageError(f"{path}:1: expected 'classes:' (a mapping of word classes)")
    out: dict[str, dict[str, Any]] = {}
    for name, words in raw.items():
        if name == "__line__":
            continue
        if not isinstance(words, dict):
            raise LanguageError(f"{path}: class '{name}' must map words to values")
        out[name] = {normalise(str(w)): v for w, v in words.items() if w != "__line__"}
    return out


def _compound_numbers(spec: dict[str, Any], numbers: dict[str, Any]) -> dict[str, int]:
    """Counts written as compound words, made from the lexicon's `number_compounds` rather than
    listed: a ten and a unit ("quarante-quatre", "vingt et un", "forty-four"), a ten that takes
    the teens ("soixante-douze", "quatre-vingt-dix-huit"), a hundred before any of them ("cent
    vingt"). Words the class lists keep their own value."""
    tens = {normalise(str(w)): int(v) for w, v in (spec.get("tens") or {}).items() if w != "__line__"}
    if not tens:
        return {}
    units = {w: v for w, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9 and " " not in w}
    teens = {w: v for w, v in numbers.items() if isinstance(v, int) and 10 <= v <= 19}
    joiners = [""] + [f"{normalise(str(j))} " for j in spec.get("joiners") or ()]
    out: dict[str, int] = dict(tens)
    for ten, value in tens.items():
        smalls = {**units, **(teens if value in (spec.get("teen_tens") or ()) else {})}
        for joiner in joiners:
            out.update({f"{ten} {joiner}{word}": value + n for word, n in smalls.items()})
    below = {**{w: v for w, v in numbers.items() if isinstance(v, int) and 1 <= v <= 99}, **out}
    for hundred in spec.get("hundreds") or ():  # "cent vingt": no joiner
        out.update({f"{normalise(str(hundred))} {word}": 100 + n for word, n in below.items()})
    return out


def _tense(lexicon: dict[str, Any], key: str, path: Path) -> re.Pattern[str] | None:
    cues = (lexicon.get("tense") or {}).get(key) or []
    if not cues:
        return None
    try:
        return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE)
    except re.error as exc:
        raise LanguageError(f"{path}: tense cue '{key}' is not a valid regex: {exc}") from None


def _lead(lexicon: dict[str, Any], path: Path, prefix: str = "lead_") -> re.Pattern[str] | None:
    """One regex matching a lead word at the end of the text before an expression
    (`lead_past`/`lead_future`, or with prefix "soft_lead_" the weaker ones)."""
    tense = lexicon.get("tense") or {}
    parts = [f"(?P<{key[len(prefix):]}>{'|'.join(f'(?:{c})' for c in tense.get(key) or [])})"
             for key in (prefix + "past", prefix + "future", prefix + "target") if tense.get(key)]
    if not parts:
        return None
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")\s*$", re.IGNORECASE)
    except re.error as exc:
        raise LanguageError(f"{path}: a lead cue is not a valid regex: {exc}") from None


def _examples(raw: Any, where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for item in raw or []:
        if not (isinstance(item, list) and len(item) == 2):
            raise LanguageError(f"{where}: each example is [text, value], got {item!r}")
        out.append((str(item[0]), str(item[1])))
    return tuple(out)


def _fragments(rules_doc: dict[str, Any], path: Path) -> dict[str, str]:
    """The named pieces of pattern that several rules share (`fragments:` in rules.yaml)."""
    raw = rules_doc.get("fragments") or {}
    if not isinstance(raw, dict):
        raise LanguageError(f"{path}:{rules_doc.get('__line__', 1)}: 'fragments:' must map names to patterns")
    out = {}
    for name, text in raw.items():
        if name == "__line__":
            continue
        if not (isinstance(text, str) and re.fullmatch(r"[a-z_0-9]+", str(name))):
            raise LanguageError(f"{path}:{raw.get('__line__', 1)}: fragment '{name}' must be a pattern "
                                "(a string) under a lower-case name")
        out[str(name)] = text
    return out


def _with_fragments(pattern: str, fragments: dict[str, str], where: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in fragments:
            raise LanguageError(f"{where}: unknown fragment {{@{m.group(1)}}} (known: "
                                f"{', '.join(sorted(fragments)) or 'none'}; define it under 'fragments:')")
        return f"(?:{fragments[m.group(1)]})"
    return _FRAGMENT.sub(one, pattern)


def _rule(raw: dict[str, Any], classes: dict[str, dict[str, Any]], path: Path, index: int,
          productions: set[str] | None, fragments: dict[str, str] | None = None) -> Rule:
    line = raw.get("__line__", 0)
    where = f"{path}:{line}"
    for key in ("name", "pattern", "produce"):
        if not isinstance(raw.get(key), str):
            raise LanguageError(f"{where}: rule needs '{key}' (a string)")
    pattern = _with_fragments(raw["pattern"], fragments or {}, where)
    unknown = set(raw) - {"name", "pattern", "produce", "with", "examples", "not", "__line__"}
    if unknown:
        raise LanguageError(f"{where}: unknown key(s) {sorted(unknown)} in rule '{raw['name']}'")
    if productions is not None and raw["produce"] not in productions:
        raise LanguageError(f"{where}: rule '{raw['name']}' produces '{raw['produce']}', "
                            f"which is not a production (known: {', '.join(sorted(productions))})")
    body, groups = _expand(pattern, classes, where)
    try:
        gates = required_gates(pattern, classes)  # parsing it also checks the syntax
    except re.error as exc:
        raise LanguageError(f"{where}: pattern of '{raw['name']}' is not a valid regex: {exc}") from None
    # word boundaries; a capitalised word hyphenated to another is a name ("Jean-Noël")
    source = r"(?<!\w)(?:(?<![^\W\d_]-)|(?-i:(?=[a-zà-ÿ0-9])))(?:" + body + r")(?!\w)(?!-(?-i:[A-ZÀ-Þ]))"
    args = {k: v for k, v in (raw.get("with") or {}).items() if k != "__line__"}
    negatives = tuple(str(n) for n in raw.get("not") or [])
    return Rule(raw["name"], pattern, source, raw["produce"], args, groups,
                _examples(raw.get("examples"), where), negatives, line, index, gates, where)


@cache
def load_language(code: str) -> Language:
    """Read, check and compile lang/<code>/lexicon.yaml (+ holidays.yaml) and rules.yaml (cached)."""
    folder = LANG_DIR / code
    if not re.fullmatch(r"[a-z]{2,3}", code or "") or not (folder / "rules.yaml").is_file():
        raise LanguageError(f"no date rules for language {code!r}")
    lexicon = _read(folder / "lexicon.yaml")
    rules_doc = _read(folder / "rules.yaml")
    classes = _classes(lexicon, folder / "lexicon.yaml")
    classes["number"] = {**_compound_numbers(lexicon.get("number_compounds") or {}, classes.get("number", {})),
                         **classes.get("number", {})}
    if (folder / "holidays.yaml").is_file():  # feast names, kept apart from the general lexicon
        extra = _classes(_read(folder / "holidays.yaml"), folder / "holidays.yaml")
        if clash := set(extra) & set(classes):
            raise LanguageError(f"{folder / 'holidays.yaml'}: class(es) {sorted(clash)} also in lexicon.yaml")
        classes.update(extra)
    from timeline.temporal.resolve import PRODUCTIONS  # the registry the rules name

    raw_rules = rules_doc.get("rules")
    if not isinstance(raw_rules, list):
        raise LanguageError(f"{folder / 'rules.yaml'}:1: expected 'rules:' (a list)")
    rules = []
    names: set[str] = set()
    fragments = _fragments(rules_doc, folder / "rules.yaml")
    for index, raw in enumerate(raw_rules):
        if not isinstance(raw, dict):
            raise LanguageError(f"{folder / 'rules.yaml'}: rule #{index + 1} is not a mapping")
        rule = _rule(raw, classes, folder / "rules.yaml", index, set(PRODUCTIONS), fragments)
        if rule.name in names:
            raise LanguageError(f"{folder / 'rules.yaml'}:{rule.line}: duplicate rule name '{rule.name}'")
        names.add(rule.name)
        rules.append(rule)
    return Language(code, classes, tuple(rules),
                    _tense(lexicon, "past", folder / "lexicon.yaml"),
                    _tense(lexicon, "future", folder / "lexicon.yaml"),
                    _lead(lexicon, folder / "lexicon.yaml"),
                    str(rules_doc.get("example_dct", "2024-10-18")),
                    {k: v for k, v in lexicon.items() if k not in ("classes", "tense", "__line__")},
                    _lead(lexicon, folder / "lexicon.yaml", "soft_lead_"),
                    _tense(lexicon, "plan", folder / "lexicon.yaml"),
                    _tense(lexicon, "proposal", folder / "lexicon.yaml"),
                    _tense(lexicon, "term_set", folder / "lexicon.yaml"),
                    _tense(lexicon, "present", folder / "lexicon.yaml"),
                    _tense(lexicon, "schedule", folder / "lexicon.yaml"))
