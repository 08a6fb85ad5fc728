"""How problems are worded and how they decide the exit code.

One line per problem, `path:line[:col]: level: message — hint [CODE]`, so an
editor's terminal or CI log points straight at the file to open.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from timeline.model import Origin, Problem


def error(code: str, message: str, origin: Origin | None = None, hint: str = "") -> Problem:
    return Problem("error", code, message, origin, hint)


def warning(code: str, message: str, origin: Origin | None = None, hint: str = "") -> Problem:
    return Problem("warning", code, message, origin, hint)


def format_problem(problem: Problem) -> str:
    where = ""
    if problem.origin is not None:
        where = problem.origin.path
        if problem.origin.line:
            where += f":{problem.origin.line}"
            if problem.origin.col:
                where += f":{problem.origin.col}"
        where += ": "
    hint = f" — {problem.hint}" if problem.hint else ""
    message = " ".join(problem.message.split())  # one line, always
    return f"{where}{problem.level}: {message}{hint} [{problem.code}]"


def suggest(key: str, known: Iterable[str]) -> str:
    """A 'did you mean' hint, or an empty string."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def exit_code(problems: Iterable[Problem], *, strict: bool = False) -> int:
    """1 on any error (or, with --strict, any warning), else 0."""
    levels = {p.level for p in problems}
    if "error" in levels or (strict and "warning" in levels):
        return 1
    return 0


def sort_key(problem: Problem) -> tuple:
    o = problem.origin or Origin("")
    return (o.path, o.line, o.col, problem.code, problem.message)
