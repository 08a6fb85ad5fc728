"""Which pairs of events merging compares: a candidate join whose cost is linear in the events.

Why a module of its own: merge.py decides whether two reports tell one happening;
this decides which pairs are worth asking, and bounds that work however dense the
news is (20,000 articles over four years put ~1,000 events in a month).

Keys are (actor, word). An event is indexed under the rarest words of its set only
(its prefix: the words after it weigh less than `threshold` of the set, so any pair
whose shared words weigh `threshold` of the lighter set shares one of that set's
prefix words) and probes the index with all its words, rarest first. Under each key,
single-day events and ranges are kept apart, ranges in lists by length (SPAN_LISTS), each
list in order of the date's middle: a probe finds by bisection the single days its date
is compatible with (the same days, or days `window` apart for a single day), and in each
list of ranges those whose middle is near enough to overlap it, and walks through them
nearest first. Reports of one happening are told on the same day or a few days apart,
so the nearest date-compatible events under a rare key are the ones worth comparing.

Bounds: per key a probe takes at most BUDGET events (single days first, then ranges from
the shortest; looking at SCAN per list at most: the others are of the same article or of
incompatible dates), and an event
stops probing once it has MAX_CANDIDATES. The work per event is bounded, so the join
is linear in the number of events. The price of the bound: when more reports than
that share every key two reports share, and on nearer days, the farther ones are not
compared (a story told by 40 outlets on one day still joins: each report meets 16
others, and one edge is enough to join two groups).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import Protocol

BUDGET = 8  # date-compatible events taken per key, nearest first
SCAN = 24  # events looked at per key and kind of date (same article, incompatible dates skipped)
MAX_CANDIDATES = 16  # distinct events one event is compared with, once its rarest words are probed


class Dated(Protocol):
    """What the join needs of a report (merge._Report has it)."""

    entries: frozenset[str]
    actors: frozenset[str]
    first: int  # day ordinals, inclusive
    last: int
    precise: bool  # one day, not a range
    words: frozenset[str]
    weight: float


def prefix(ordered: Sequence[str], weight: dict[str, float], total: float, threshold: float) -> Sequence[str]:
    """The rarest words of a set that any set sharing >= threshold of its weight must meet:
    the words after them weigh less than that."""
    rest = total
    for k, w in enumerate(ordered):
        if rest < threshold * total:
            return ordered[:k]
        rest -= weight[w]
    return ordered


def compatible(a: Dated, b: Dated, window: int) -> bool:
    """The dates of a and b allow one happening: their intervals overlap, or both are single
    days at most `window` days apart (a disputed day). merge.py's rule; the join inlines it."""
    return (a.first <= b.last and b.first <= a.last) or (
        a.precise and b.precise and abs(a.first - b.first) <= window)


# Ranges are kept in lists by length (days): a range of length <= L whose middle is farther
# from j's than (L + j's length) / 2 cannot overlap j's, so each list is searched by bisection
# in that window and walked only through ranges that may overlap.
SPAN_LISTS = (7, 31, 93, math.inf)


class _Posting:
    """The events under one key: single days, then ranges by length (SPAN_LISTS), each list in
    order of the date's middle (twice the middle day, an int) with the events' indexes."""

    __slots__ = ("middles", "keys")

    def __init__(self) -> None:
        self.middles: list[list[int]] = [[] for _ in range(1 + len(SPAN_LISTS))]
        self.keys: list[list[int]] = [[] for _ in range(1 + len(SPAN_LISTS))]

    def add(self, k: int, middle: int, r: Dated) -> None:
        n = 0 if r.precise else 1 + next(b for b, most in enumerate(SPAN_LISTS) if r.last - r.first <= most)
        self.middles[n].append(middle)
        self.keys[n].append(k)


def candidate_pairs(reports: Sequence[Dated], weight: dict[str, float], eligible: Sequence[int],
                    threshold: float, window: int) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of `eligible` reports that may be one happening, each once:
    a shared actor and prefix word, `compatible` dates (see the module docstring for the
    order and the bounds)."""
    middle = {k: reports[k].first + reports[k].last for k in eligible}  # twice the middle day
    words = {k: sorted(reports[k].words, key=lambda w: (-weight[w], w)) for k in eligible}
    postings: dict[tuple[str, str], _Posting] = {}
    for k in sorted(eligible, key=lambda k: (middle[k], k)):
        r = reports[k]
        for w in prefix(words[k], weight, r.weight, threshold):
            for actor in r.actors:
                (postings.get((actor, w)) or postings.setdefault((actor, w), _Posting())).add(k, middle[k], r)
    seen: set[tuple[int, int]] = set()
    for j in eligible:
        r = reports[j]
        actors = sorted(r.actors)
        here, length = middle[j], r.last - r.first
        # the single days j's date is compatible with (doubled like the middles): exact bounds
        bounds = [(2 * (r.first - window), 2 * (r.last + window), None) if r.precise
                  else (2 * r.first, 2 * r.last, None)]
        # the ranges that may overlap j's date: checked one by one
        bounds += [(here - most - length, here + most + length, window) for most in SPAN_LISTS]
        found: set[int] = set()
        for w in words[j]:
            for actor in actors:
                posting = postings.get((actor, w))
                if posting is None:
                    continue
                budget = BUDGET  # for this key, single days first, then ranges from the shortest
                for ks, middles, (low, high, check) in zip(posting.keys, posting.middles, bounds):
                    if ks and budget > 0:
                        taken = _nearest(ks, middles, j, here, reports, low, high, check, budget)
                        found |= taken
                        budget -= len(taken)
            if len(found) >= MAX_CANDIDATES:
                break
        for i in sorted(found):
            pair = (i, j) if i < j else (j, i)
            if pair not in seen:
                seen.add(pair)
                yield pair


def _nearest(ks: list[int], days: list[int], j: int, here: int, reports: Sequence[Dated],
             low: float, high: float, window: int | None, budget: int) -> set[int]:
    """Up to `budget` events of one list whose doubled middle is in [low, high], of other
    articles than j's, nearest to j's middle first; with a `window`, only those whose dates
    are `compatible` with j's (without one, the bounds already say they are)."""
    r = reports[j]
    entries = r.entries
    out: set[int] = set()
    hi = bisect_left(days, here)
    lo = hi - 1
    end = bisect_right(days, high)
    start = bisect_left(days, low)
    for _ in range(SCAN):
        if hi < end and (lo < start or days[hi] - here < here - days[lo]):
            k, hi = ks[hi], hi + 1
        elif lo >= start:
            k, lo = ks[lo], lo - 1
        else:
            break
        if k == j:
            continue
        o = reports[k]
        if not entries & o.entries and (window is None or compatible(r, o, window)):
            out.add(k)
            if len(out) >= budget:
                break
    return out
