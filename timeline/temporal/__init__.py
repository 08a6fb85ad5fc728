"""The date engine: find temporal expressions and normalise them (TimeML TIMEX3).

Public API: `extract(text, dct, lang, prefer=None) -> list[Mention]` (sorted by start).
The work is split by stage: language.py (load the YAML knowledge), scan.py (what the
text says), resolve.py + productions.py (what it means), relations.py (what the mentions of
one text say of each other: ranges, a day and its clock), timex.py (value arithmetic).
"""

from __future__ import annotations

from datetime import date, datetime

from timeline.model import Mention

__all__ = ["direction_at", "extract", "parse_dct"]


def parse_dct(dct: date | datetime | str) -> tuple[date, datetime | None]:
    """The publication date (and time, if known) from a date, datetime or ISO string."""
    if isinstance(dct, datetime):
        return dct.date(), dct
    if isinstance(dct, date):
        return dct, None
    text = str(dct).strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text), None
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment.date(), moment
    except ValueError:
        raise ValueError(f"not an ISO date or datetime: {text[:40]!r}") from None


def extract(text: str, dct: date | datetime | str, lang: str = "fr",
            prefer: str | None = None) -> list[Mention]:
    """Every temporal expression of `text`, resolved against the publication date `dct`.

    `prefer` ("past" / "future") decides tenseless phrases such as a bare "lundi";
    by default the sentence's tense decides, then the nearest reading. Raises
    ValueError only for a bad `dct` or an unknown `lang`, never for the text.
    """
    from timeline.temporal.language import load_language
    from timeline.temporal.resolve import resolve
    from timeline.temporal.scan import scan

    day, moment = parse_dct(dct)
    language = load_language(lang)
    if not isinstance(text, str) or not text:
        return []
    return resolve(scan(text, language), text, day, language,
                   prefer if prefer in ("past", "future") else None, moment)


def direction_at(text: str, pos: int, dct: date | datetime | str, lang: str = "fr") -> str | None:
    """"past" / "future" as the engine reads the words around offset `pos` (a lead word such
    as "depuis" or "dès", else the nearest verb of the sentence), or None when nothing says.
    For checks that ask whether a bare weekday was decided by the text or guessed."""
    from timeline.temporal.context import Ctx
    from timeline.temporal.language import load_language
    from timeline.temporal.scan import sentence_bounds

    day, _moment = parse_dct(dct)
    if not isinstance(text, str) or not 0 <= pos <= len(text):
        return None
    ctx = Ctx(dct=day, language=load_language(lang), text=text, sentences=sentence_bounds(text, lang), pos=pos)
    return ctx.tense()
