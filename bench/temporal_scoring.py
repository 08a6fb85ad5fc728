"""Scoring of the date engine against the gold sets of ../shared/eval (TempEval-3 style).

Pure functions over plain data, no I/O beyond reading the corpora: the command
line lives in eval_temporal.py, and tests/temporal/test_eval_minimums.py calls
these functions in process.

Definitions (TempEval-3): a system mention and a gold mention match *relaxed*
when their spans overlap, *strict* when the spans are identical; *value* counts
relaxed matches whose normalised values are equal. Matching is one-to-one
(largest overlap first). P = matches / system mentions, R = matches / gold.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CONVENTIONS = yaml.safe_load((HERE / "eval_conventions.yaml").read_text(encoding="utf-8"))

_HOUR = re.compile(r"(\d{4}-\d\d-\d\dT\d\d)$")
_ZERO_SECONDS = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d):00$")
_CLOCK = re.compile(r"(\d\d:\d\d)(?::00)?$")


def norm_value(value: str | None) -> str:
    """Value as compared: hour grain equals HH:00, and HH:MM:00 equals HH:MM."""
    value = (value or "").strip()
    if _HOUR.match(value):
        return value + ":00"
    m = _ZERO_SECONDS.match(value)
    return m.group(1) if m else value


def same_value(system: str | None, gold: str | None) -> bool:
    """Equal after normalisation; a gold clock time without a date (Recognizers'
    `14:00:00`) is compared with the time of day of the system's value."""
    s, g = norm_value(system), norm_value(gold)
    if s == g:
        return True
    clock = _CLOCK.fullmatch(g)
    return bool(clock) and "T" in s and s.split("T", 1)[1] == clock.group(1)


# ---------------------------------------------------------------- F1 corpora

@dataclass
class Gold:
    start: int
    end: int
    text: str
    values: tuple[str, ...]  # acceptable values (one for TimeBank, several for Recognizers)
    type: str = ""


@dataclass
class Doc:
    id: str
    text: str
    dct: str
    lang: str
    gold: list[Gold]
    prefer: str | None = None


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score_doc(doc: Doc, mentions: list[dict[str, Any]], counts: Counts) -> None:
    """Add one document's matches to `counts` (one-to-one, largest overlap first)."""
    counts.system += len(mentions)
    counts.gold += len(doc.gold)
    pairs = []
    for i, m in enumerate(mentions):
        for j, g in enumerate(doc.gold):  # a document holds a few dozen mentions at most
            ov = _overlap((m["start"], m["end"]), (g.start, g.end))
            if ov > 0:
                pairs.append((-ov, i, j))
    used_m: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs):
        if i in used_m or j in used_g:
            continue
        used_m.add(i)
        used_g.add(j)
        m, g = mentions[i], doc.gold[j]
        counts.relaxed += 1
        counts.strict += (m["start"], m["end"]) == (g.start, g.end)
        if any(same_value(m["value"], v) for v in g.values):
            counts.value += 1
        else:
            counts.misses.append({"doc": doc.id, "kind": "wrong value", "gold": g.text,
                                  "gold_values": list(g.values)[:3], "system": m["text"],
                                  "value": m["value"], "context": _context(doc.text, g.start, g.end)})
        if (m["start"], m["end"]) != (g.start, g.end) and any(same_value(m["value"], v) for v in g.values):
            counts.misses.append({"doc": doc.id, "kind": "span", "gold": g.text, "system": m["text"]})
    for j, g in enumerate(doc.gold):
        if j not in used_g:
            counts.misses.append({"doc": doc.id, "kind": "missed", "gold": g.text, "type": g.type,
                                  "gold_values": list(g.values)[:3],
                                  "context": _context(doc.text, g.start, g.end)})
    for i, m in enumerate(mentions):
        if i not in used_m:
            counts.misses.append({"doc": doc.id, "kind": "spurious", "system": m["text"],
                                  "type": m["type"], "value": m["value"],
                                  "context": _context(doc.text, m["start"], m["end"])})


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def load_timebank(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold = [Gold(t["start"], t["end"], t["text"], (t["value"],), t["type"]) for t in d["timexes"]]
        docs.append(Doc(d["doc"], d["text"], d["dct"], "fr", gold))
    return docs


def load_recognizers(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold = [Gold(g["start"], g["end"], g["text"], tuple(g["values"]), g["type"]) for g in d["gold"]]
        docs.append(Doc(d["id"], d["text"], d["dct"], d["lang"], gold))
    return docs


def load_seed(seed_dir: Path, gold_path: Path) -> list[Doc]:
    """The seed article with our own annotation (bench/seed_gold.yaml): phrases are
    located in the text, so the annotation survives a change of offsets."""
    spec = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    text = (seed_dir / spec["file"]).read_text(encoding="utf-8")
    gold = []
    for item in spec["timexes"]:
        start = text.find(item["text"])
        if start < 0 or text.find(item["text"], start + 1) >= 0:
            raise ValueError(f"{gold_path}: {item['text']!r} must occur exactly once in the seed")
        gold.append(Gold(start, start + len(item["text"]), item["text"], (item["value"],), item["type"]))
    return [Doc(spec["file"], text, spec["dct"], spec["lang"], gold)]


# ---------------------------------------------------------------- phrase accuracy

@dataclass
class Phrase:
    id: str
    text: str
    dct: str
    lang: str
    value: str
    mod: str | None
    holiday: str = ""


def load_duckling(path: Path) -> list[Phrase]:
    """Phrases whose gold `value` is one TIMEX3 value (not an ISO from/to interval)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if "/" in d["value"]:
            continue
        out.append(Phrase(d["id"], d["text"], d["dct"], d["lang"], d["value"], d.get("mod"),
                          d.get("holiday") or ""))
    return out


def top_mention(mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The widest mention (the first one on a tie)."""
    best = None
    for m in mentions:
        if best is None or m["end"] - m["start"] > best["end"] - best["start"]:
            best = m
    return best


_WORDS = re.compile(r"[^\W_]+|@", re.UNICODE)


def _only_signals(text: str, lang: str) -> bool:
    signals = [str(w).lower() for w in CONVENTIONS["signal_words"][lang]]
    words = " ".join(_WORDS.findall(text.lower()))
    for phrase in sorted((s for s in signals if " " in s), key=len, reverse=True):
        words = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", words)
    single = {s for s in signals if " " not in s}
    return all(w in single for w in words.split())


def covers(phrase: str, mention: dict[str, Any], lang: str) -> bool:
    """The mention spans the phrase; outside it only punctuation and the prepositions
    TimeML leaves out of a TIMEX3 ("à 15 heures" -> TIMEX3 "15 heures")."""
    return _only_signals(phrase[:mention["start"]] + " " + phrase[mention["end"]:], lang)


def _inside(fine: dict[str, Any], coarse: dict[str, Any]) -> bool:
    """The finer mention's calendar interval lies within the coarser one's."""
    bounds = (fine.get("earliest"), fine.get("latest"), coarse.get("earliest"), coarse.get("latest"))
    if not all(bounds):
        return False
    return bounds[2] <= bounds[0] and bounds[1] <= bounds[3]


def tiled_reading(phrase: str, mentions: list[dict[str, Any]], lang: str) -> dict[str, Any] | None:
    """The phrase read as several TIMEX3 that tile it, as TimeML and French TimeBank annotate
    "le 2 mars à 5h" (a DATE, then a TIME dated by it): the most precise mention, when every
    other one contains it and only signal words lie between and around them."""
    ordered = sorted(mentions, key=lambda m: m["start"])
    if len(ordered) < 2 or any(m.get("type") not in ("DATE", "TIME") for m in ordered):
        return None
    rest, at = [], 0
    for m in ordered:
        if m["start"] < at:
            return None
        rest.append(phrase[at:m["start"]])
        at = m["end"]
    rest.append(phrase[at:])
    if not _only_signals(" ".join(rest), lang):
        return None
    finest = max(ordered, key=lambda m: len(norm_value(m["value"])))
    return finest if all(m is finest or _inside(finest, m) for m in ordered) else None


def phrase_reading(p: Phrase, mentions: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, bool]:
    """The engine's reading of the whole phrase, and whether it is one mention: the widest
    mention when it covers the phrase, else the tiled reading; None when neither exists."""
    top = top_mention(mentions)
    if top is not None and covers(p.text, top, p.lang):
        return top, True
    return tiled_reading(p.text, mentions, p.lang), False


def phrase_ok(p: Phrase, mentions: list[dict[str, Any]]) -> tuple[bool, bool, dict[str, Any] | None]:
    """(right, right as one mention, the mention read): right when the reading has the gold
    value, and the gold mod when the gold has one."""
    reading, single = phrase_reading(p, mentions)
    if reading is None:
        return False, False, top_mention(mentions)
    good = same_value(reading["value"], p.value) and (p.mod is None or reading.get("mod") == p.mod)
    return good, good and single, reading
