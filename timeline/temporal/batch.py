"""`timeline extract`: the date engine for scripts and evaluations, as JSON lines.

Two shapes (DESIGN.md): one text -> one JSON object per mention; or a batch of
JSON lines `{"id","text","dct","lang"[,"prefer"]}` -> one line `{"id","mentions"}`
per input line, same order. A bad input line never stops the batch and never
prints a traceback: its output line carries `"error": "line N: ..."` so that an
evaluation keeps its alignment, and the problem is also reported on stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from timeline.model import Origin, Problem
from timeline.problems import error, format_problem

PREFERENCES = ("past", "future")
LANG_DIR = Path(__file__).parent / "lang"

# Problem codes of `timeline extract` input.
E_JSON = "E090"  # a line is not a JSON object
E_FIELD = "E091"  # a field is missing or has the wrong type/value
E_ENGINE = "E092"  # the engine failed on this input (a bug of ours)


@cache
def languages() -> tuple[str, ...]:
    """Languages the engine has rules for: folders of lang/ holding a rules.yaml."""
    return tuple(sorted(p.parent.name for p in LANG_DIR.glob("*/rules.yaml")))


def check_dct(dct: Any) -> str | None:
    """Why `dct` is not a usable publication date, or None when it is."""
    if not isinstance(dct, str) or not dct.strip():
        return "'dct' must be a date such as 2024-10-18 or an ISO datetime"
    try:
        datetime.fromisoformat(dct.strip())
    except ValueError:
        return f"'dct' is not an ISO date or datetime: {dct[:40]!r}"
    return None


def check_lang(lang: Any) -> str | None:
    known = languages()
    if not isinstance(lang, str) or lang not in known:
        return f"'lang' must be one of {', '.join(known) or '(none installed)'}, not {lang!r}"
    return None


def check_prefer(prefer: Any) -> str | None:
    if prefer is not None and prefer not in PREFERENCES:
        return f"'prefer' must be \"past\", \"future\" or absent, not {prefer!r}"
    return None


def _mentions(text: str, dct: str, lang: str, prefer: str | None) -> list[dict[str, Any]]:
    from timeline.temporal import extract  # lazy: keeps `timeline --help` fast

    return [m.to_json() for m in extract(text, dct.strip(), lang=lang, prefer=prefer)]


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _report(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(format_problem(problem), file=sys.stderr)


def run_text(text: str, dct: str, lang: str, out: TextIO, prefer: str | None = None) -> int:
    """Write one JSON object per mention of `text`; return the exit status (0 ok, 1 bad input)."""
    why = check_dct(dct) or check_lang(lang) or check_prefer(prefer)
    if why:
        _report([error(E_FIELD, why, hint="see `timeline extract --help`")])
        return 1
    try:
        mentions = _mentions(text, dct, lang, prefer)
    except Exception as exc:  # an engine bug must not look like bad input
        _report([error(E_ENGINE, f"the date engine failed: {type(exc).__name__}: {exc}",
                       hint="please report this text")])
        return 2
    for mention in mentions:
        out.write(_dump(mention) + "\n")
    return 0


def _run_line(line: str, prefer: str | None) -> tuple[dict[str, Any], str | None, str]:
    """One input line -> (output object, error message or None, problem code)."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return {"id": None, "mentions": []}, f"not valid JSON ({exc})", E_JSON
    if not isinstance(record, dict):
        return {"id": None, "mentions": []}, "expected a JSON object {\"id\",\"text\",\"dct\",\"lang\"}", E_JSON
    result: dict[str, Any] = {"id": record.get("id"), "mentions": []}
    text = record.get("text")
    if not isinstance(text, str):
        return result, "'text' must be a string", E_FIELD
    line_prefer = record.get("prefer", prefer)
    why = check_dct(record.get("dct")) or check_lang(record.get("lang")) or check_prefer(line_prefer)
    if why:
        return result, why, E_FIELD
    try:
        result["mentions"] = _mentions(text, record["dct"], record["lang"], line_prefer)
    except Exception as exc:  # keep the batch aligned; the message says it is ours
        return result, f"the date engine failed: {type(exc).__name__}: {exc}", E_ENGINE
    return result, None, ""


def run_jsonl(inp: TextIO, out: TextIO, prefer: str | None = None) -> int:
    """Answer each JSON input line with one output line, same order, same id.

    `prefer` is the default for lines without their own "prefer". Blank lines
    are not records and are skipped. Returns 0, or 1 if any line was bad.
    """
    name = getattr(inp, "name", "<stdin>")
    path = name if isinstance(name, str) else "<stdin>"
    status = 0
    for number, line in enumerate(inp, start=1):
        if not line.strip():
            continue
        result, why, code = _run_line(line, prefer)
        if why:
            result["error"] = f"line {number}: {why}"
            _report([error(code, why, Origin(path, number))])
            status = max(status, 2 if code == E_ENGINE else 1)
        out.write(_dump(result) + "\n")
    out.flush()
    return status
