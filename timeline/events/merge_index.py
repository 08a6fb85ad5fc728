"""Which pairs of events merging compares: a candidate join whose cost is linear in the events.

Why a module of its own: merge.py decides whether two reports tell one happening;
this decides which pairs are worth asking, and bounds that work however dense the
news is (20,000 articles over four years put ~1,000 events in a month).

Keys are (actor, word). An event is indexed under the rarest words of its set only
(its prefix: the words after it weigh less than `threshold` of the set, so any pair
whose shared words weigh `threshold` of the lighter set shares one of that set's
prefix words) and probes the index with all its words, rarest first. Each key's
events are kept in order of their date's middle, and a probe walks outward from the
prober's own date, nearest days first: reports of one happening are told on the same
day or a few days apart, so the nearest date-compatible events under a key are the
ones worth comparing. Per key a probe takes at most BUDGET of them (looking at SCAN
at most: the others are of the same article or of incompatible dates), and an event
gathers at most MAX_CANDIDATES in all: the work per event is bounded, so the whole
join is linear in the number of events. The price of the bound: in a day or a week
denser than BUDGET reports under every key two events share, the farther ones are
not compared.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Protocol

BUDGET = 16  # date-compatible events taken per key, nearest first
SCAN = 48  # events looked at per key (same article, incompatible dates skipped)
MAX_CANDIDATES = 64  # distinct events one event is compared with


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


def candidate_pairs(reports: Sequence[Dated], weight: dict[str, float], eligible: Sequence[int],
                    threshold: float, window: int) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of `eligible` reports that may be one happening, each once:
    a shared actor and prefix word, `compatible` dates (see the module docstring for the
    order and the bounds)."""
    middle = {k: reports[k].first + reports[k].last for k in eligible}  # twice the middle day
    words = {k: sorted(reports[k].words, key=lambda w: (-weight[w], w)) for k in eligible}
    postings: dict[tuple[str, str], list[int]] = {}
    for k in sorted(eligible, key=lambda k: (middle[k], k)):
        r = reports[k]
        for w in prefix(words[k], weight, r.weight, threshold):
            for actor in r.actors:
                postings.setdefault((actor, w), []).append(k)
    days = {key: [middle[k] for k in ks] for key, ks in postings.items()}
    seen: set[tuple[int, int]] = set()
    for j in eligible:
        actors = sorted(reports[j].actors)
        found: set[int] = set()
        for w in words[j]:
            for actor in actors:
                ks = postings.get((actor, w))
                if ks is not None:
                    found |= _nearest(ks, days[(actor, w)], j, middle[j], reports, window)
            if len(found) >= MAX_CANDIDATES:
                break
        for i in sorted(found):
            pair = (i, j) if i < j else (j, i)
            if pair not in seen:
                seen.add(pair)
                yield pair


def _nearest(ks: list[int], days: list[int], j: int, here: int, reports: Sequence[Dated], window: int) -> set[int]:
    """Up to BUDGET events of one key, date-compatible with j, nearest to its date first."""
    r = reports[j]
    first, last, precise, entries = r.first, r.last, r.precise, r.entries
    out: set[int] = set()
    hi = bisect_left(days, here)
    lo = hi - 1
    n = len(ks)
    for _ in range(min(SCAN, n)):
        if hi < n and (lo < 0 or days[hi] - here < here - days[lo]):
            k, hi = ks[hi], hi + 1
        elif lo >= 0:
            k, lo = ks[lo], lo - 1
        else:
            break
        if k == j:
            continue
        o = reports[k]
        if ((o.first <= last and first <= o.last) or (precise and o.precise and abs(o.first - first) <= window)) \
                and not entries & o.entries:
            out.add(k)
            if len(out) >= BUDGET:
                break
    return out
