"""Numeric and absolute dates our rules do not spell out, read by dateparser.

The only module that imports dateparser, and only when a rule hands it a short
candidate span ("19/06/2024"): never a whole text (slow, and it reads "14 h" as a
duration ago). Imported lazily so that `timeline extract` starts fast.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any


@cache
def _parser() -> Any:
    import dateparser  # heavy: loaded on the first numeric date only

    return dateparser


def parse_numeric(span: str, dct: date, order: str = "DMY") -> date | None:
    """The calendar date a short numeric span names, or None if it names none."""
    if len(span) > 40:
        return None
    settings = {
        "DATE_ORDER": order,
        "STRICT_PARSING": True,
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day),
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        parsed = _parser().parse(span, languages=["fr", "en"], settings=settings)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    return parsed.date() if parsed else None
