"""The arithmetic behind the rules: one named function per kind of expression.

A rule in lang/<code>/rules.yaml names a production (`produce:`) and may pass fixed
arguments (`with:`). A production reads the match's groups (word classes already
turned into values by the lexicon) and returns Val(s), or None when the words do not
make a real date ("31 février"). Group names are the contract with the rule files:

  day month year yy weekday rel this mod approx pod count unit sign season ord part
  decade hour minute clock first second
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from timeline.temporal.context import TENSES, Ctx, Groups, Val
from timeline.temporal.timex import iso

Production = Callable[[Ctx, Groups, dict[str, Any]], "Val | list[Val] | None"]
PRODUCTIONS: dict[str, Production] = {}

# How far back / ahead a vague "il y a plusieurs jours" or "dans les prochaines
# semaines" reaches, in units of its own noun: (nearest, farthest).
VAGUE_WINDOWS = {"D": (1, 10), "W": (1, 8), "M": (1, 12), "Y": (1, 10), "H": (0, 1), "MIN": (0, 1), "S": (0, 1)}


def production(fn: Production) -> Production:
    PRODUCTIONS[fn.__name__] = fn
    return fn


YEAR_NEAR = 62  # days: a date written without its year this near the DCT is that one, whatever the tense


def _pick(cands: list[date], dct: date, direction: str | None, strict: bool = False) -> date | None:
    """The candidate the direction points to: last one before the DCT, first one after, or nearest."""
    if not cands:
        return None
    if direction == "past":
        before = [c for c in cands if c < dct or (c == dct and not strict)]
        return max(before) if before else None
    if direction == "future":
        after = [c for c in cands if c > dct or (c == dct and not strict)]
        return min(after) if after else None
    reach = TENSES[direction].reach if direction in TENSES else None
    if reach is not None:  # set for it by a past act: ahead when near, else the one gone by
        after = [c for c in cands if c >= dct]
        if after and (min(after) - dct).days <= reach:
            return min(after)
        return _pick(cands, dct, "past", strict)
    return min(cands, key=lambda c: (abs((c - dct).days), c < dct))


def pick_in_year(ctx: Ctx, cands: list[date], direction: str | None, strict: bool = False,
                 firm: bool | None = None, ref: date | None = None) -> date | None:
    """Among the same day (month, feast) of the years around the DCT, the one the direction
    points to; but a writer leaves out the year of a date in the DCT's year or weeks away, not
    of one in another year most of a year away: "invaded in February" (in December) is this
    February, yet "announced on Monday a ceasefire between May 8 and 10" (on 28 April) is this
    May, "annoncée pour le 26 décembre puis reportée, pourrait se tenir" (on 31 December) the
    past 26th. "dernier" / "prochain", the caller's preference (`firm`, by default `strict`)
    and a verb that governs the date itself (Ctx.tense_is_own: "a eu lieu le 5 novembre") are
    obeyed. `ref`: the day distances count from (the first of the DCT's month for months)."""
    ref = ref or ctx.dct
    nearest = _pick(cands, ref, None)
    chosen = _pick(cands, ref, direction, strict) or nearest
    if (chosen is not None and nearest is not None
            and nearest_wins(ctx, chosen, ref, abs((nearest - ref).days), strict if firm is None else firm)):
        return nearest
    return chosen


def nearest_wins(ctx: Ctx, chosen: date, ref: date, nearest_days: int, firm: bool) -> bool:
    """Whether the occurrence nearest the DCT (`nearest_days` from `ref`) replaces the one the
    direction chose (pick_in_year, dates.pick_range): the chosen one lies in another year, the
    nearest within YEAR_NEAR, and neither the words (`firm`) nor a verb governing the date
    (Ctx.tense_is_own) insists."""
    return (chosen.year != ref.year and nearest_days <= YEAR_NEAR and not firm and not ctx.tense_is_own()
            and not ctx.right_after("since_words", ctx.pos))  # "depuis septembre" (in July): last September


def _rel_direction(ctx: Ctx, g: Groups) -> tuple[str | None, bool]:
    """Direction from "dernier"/"prochain" (strict), else the sentence's tense or the preference."""
    rel = g.get("rel")
    if rel:
        return ("past" if rel < 0 else "future"), True
    direction, why = ctx.direction()
    return direction, why == "prefer"


def _year(ctx: Ctx, g: Groups) -> int | None:
    if g.has("year"):
        return g.get("year")
    if g.has("yy"):
        yy = g.get("yy")
        return 2000 + yy if 2000 + yy <= ctx.dct.year + 10 else 1900 + yy
    return None


def _day_or_time(d: date, g: Groups, anchor: str, mod: str | None = None, pod: str | None = None) -> Val:
    pod = g.get("pod") or pod
    if pod:
        return Val("TIME", f"{iso(d)}T{pod}", mod or g.get("mod"), anchor, day=d)
    return Val("DATE", iso(d), mod or g.get("approx") or g.get("mod"), anchor, day=d)


@production
def nothing(ctx: Ctx, g: Groups, a: dict[str, Any]) -> None:
    """A "not a date" rule: it claims its words ("la résolution 2270") so no other rule reads them."""
    return None


# The productions themselves live by kind; importing them fills PRODUCTIONS.
from timeline.temporal import clocks, dates, holidays, relative  # noqa: E402,F401
