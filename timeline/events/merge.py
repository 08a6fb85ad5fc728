"""Several reports of one happening -> one event with several sources.

Two events (from different entries) are the same happening when
- they share at least one actor,
- their wording is similar: the words they share carry at least MERGE_SIMILARITY of
  the weight of the shorter one's words (an overlap coefficient, so a headline-like
  sentence is not diluted by a long one), at least MIN_SHARED words, and - unless the
  shorter text is mostly inside the longer (CONTAINED) - a weighted Jaccard of at least
  MIN_WEIGHTED_JACCARD (else random texts of like length meet on middling words). Each word
  weighs its inverse document frequency over all the events being merged (smoothed, see
  weights_of): "Douma", "Rutte", "ratifié" say which happening it is, "Corée", "soldats"
  hardly do. Words (timeline/events/merge_words.py): every temporal expression of the quote,
  stopwords and date words of every language dropped, and so are the words of status cues
  ("pourraient", "attendu", "selon", "said": Event.status tells how sure a report is, so an
  announcement and its happening can meet); the others stemmed in the text's language
  ("soldats"/"soldat", "déployés"/"déploiement" meet) and mapped to concepts shared across languages (lang/merge/*.yaml: "signé" and
  "signed" are both @sign); numbers of 100 and more kept whole ("12 000" = "12,000"),
  smaller ones (days, hours) dropped; two reports that both give figures and share none
  tell different things.
  An editor's event title counts with the quotes. And
- their dates are compatible: the calendar intervals overlap (when one is wider
  than VAGUE_SPAN_DAYS, e.g. a year, or is something expected with no calendar date,
  "dans les prochains jours", the plain Jaccard similarity of the word sets must also
  reach VAGUE_SIMILARITY).
Two day-precise reports on different days no more than DISPUTE_DAYS apart, with
Jaccard similarity at least DISPUTE_SIMILARITY as well, are the same happening with
a DISPUTED date: the event keeps every source with its own `when` and is marked
disputed; its `when` is the earliest published report's, never a silent pick of
"the right one". Reports of what happened date it: an expectation merged with them
("attendu mardi soir", then "arrivé mercredi à 2 heures") neither dates the event nor
disputes their date. (Measured on the demo's hand-labelled pairs, tests/unit/merge_gold.yaml:
the weighted overlap cannot tell a disputed day from the next step of a story — the
Duma's vote and the Federation Council's — so disputes keep the stricter test. And on the
generated corpus of bench/bench_build.py --merge-only, a 31-day window merged happenings of
one kind weeks apart: DISPUTE_DAYS is 3, bench/README.md "Merging alone".)

Cost: no all-pairs comparison, document frequencies counted once (linear). Candidate
pairs come from timeline/events/merge_index.py: a weighted prefix join on (actor, word)
keys that takes, per key and per event, a bounded number of the nearest date-compatible
events, so the work grows linearly with the number of events however dense the news.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from timeline.events import merge_index
from timeline.events.merge_words import words_of
from timeline.model import Event, Source, When

MERGE_SIMILARITY = 0.3  # weighted overlap coefficient
MIN_SHARED = 2  # one shared word, however rare, is a coincidence
# and the shared words weigh this much of both texts together (weighted Jaccard): the overlap
# alone lets two texts of like length that share a few middling words through (measured on
# random Zipf wording, tests/unit/test_events_merge.py)
MIN_WEIGHTED_JACCARD = 0.17
CONTAINED = 0.6  # ... unless the shorter text is mostly inside the longer one (a headline in a long sentence)
DISPUTE_SIMILARITY = 0.45  # Jaccard, on top of MERGE_SIMILARITY
DISPUTE_DAYS = 3  # a misdated report is a night, a time zone or a "hier" away; a wave of strikes recurs within days
VAGUE_SPAN_DAYS = 62  # a date wider than two months ("l'an dernier") overlaps too much to say
VAGUE_SIMILARITY = 0.5  # Jaccard: "same happening" on its own, the wording must be closer
MAX_SPAN_DAYS = 400
SMOOTH_DF = 3  # sightings added to every word's document frequency (weights_of)
STATUS_RANK = {"occurred": 0, "reported": 1, "expected": 2}


def text_of(event: Event) -> str:
    """The quotes of an event without their temporal expressions, its own date's and the others
    (dates are compared by value: "le 07/02/2023" or "depuis 2019" must not make a year a figure
    both reports tell), and its title when an editor wrote one."""
    quotes = [_undated(s) for s in event.sources]
    titled = any(event.title == s.quote for s in event.sources)
    return " ".join(quotes if titled else [*quotes, event.title])


def _undated(source: Source) -> str:
    text = source.quote
    for start, end in sorted(source.spans + source.elsewhere, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def weights_of(words: list[frozenset[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every word (a word in every set still weighs).

    Each word counts as if seen SMOOTH_DF more times: one sighting is no evidence that a word
    is rarer than one seen three times. Unsmoothed, on the demo's 113 events the words seen
    once ("cas", "prévoit" in "qui prévoit une assistance mutuelle en cas d'agression")
    weighed 2.3 times "@sign" (seen in 16): the detail one report adds outweighed the
    happening two reports share. The order of the words is kept; at 20,000 articles the
    weights of words seen more than a few dozen times hardly move."""
    n = len(words)
    return {w: math.log(1 + n / (df + SMOOTH_DF)) for w, df in Counter(w for ws in words for w in ws).items()}


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def _day_precise(when: When) -> bool:
    return when.earliest == when.latest and not when.end_value


def _entries(event: Event) -> frozenset[str]:
    return frozenset(s.entry for s in event.sources)


@dataclass(frozen=True)
class _Report:
    """What merging compares, computed once per event (dates as day ordinals)."""

    entries: frozenset[str]
    actors: frozenset[str]
    first: int
    last: int
    precise: bool  # one day, not a range
    words: frozenset[str]
    weight: float  # of all its words
    numbers: frozenset[str]  # the figures it tells
    # expected with no calendar date ("dans les prochains jours"): its window says little (see _similarity)
    undated_expectation: bool = False

    @staticmethod
    def of(event: Event, words: frozenset[str], weight: dict[str, float]) -> _Report:
        first, last = _day(event.when.earliest).toordinal(), _day(event.when.latest).toordinal()
        return _Report(_entries(event), frozenset(event.actors), first, last,
                       first == last and not event.when.end_value, words,
                       math.fsum(weight[w] for w in sorted(words)),
                       frozenset(w for w in words if w.isdigit()),
                       event.status == "expected" and event.when.value.endswith("_REF"))


def _dates_compatible(a: _Report, b: _Report) -> tuple[bool, bool]:
    """(compatible, disputed): overlapping intervals, or two nearby days that disagree."""
    if a.first <= b.last and b.first <= a.last:
        return True, False
    near = merge_index.compatible(a, b, DISPUTE_DAYS)
    return near, near


def _similarity(a: _Report, b: _Report, weight: dict[str, float]) -> float:
    """Wording similarity of two events that may be one happening; 0.0 when they cannot be."""
    if a.entries & b.entries or not a.actors & b.actors:
        return 0.0
    compatible, disputed = _dates_compatible(a, b)
    if not compatible:
        return 0.0
    shared = a.words & b.words
    if len(shared) < MIN_SHARED or (a.numbers and b.numbers and not a.numbers & b.numbers):
        return 0.0  # too little in common, or each tells its own figure (10,000 vs 12,000 soldiers)
    common = math.fsum(weight[w] for w in sorted(shared))
    sim = common / min(a.weight, b.weight)
    if sim < MERGE_SIMILARITY or (
            sim < CONTAINED and common < MIN_WEIGHTED_JACCARD * (a.weight + b.weight - common)):
        return 0.0
    # A date wider than VAGUE_SPAN_DAYS overlaps too much to say; so does a happening announced
    # for "the coming days": a process (a ratification, a deployment) has several steps in them.
    vague = max(a.last - a.first, b.last - b.first) > VAGUE_SPAN_DAYS or a.undated_expectation \
        or b.undated_expectation
    needed = DISPUTE_SIMILARITY if disputed else VAGUE_SIMILARITY if vague else 0.0
    return sim if jaccard(a.words, b.words) >= needed else 0.0


def candidate_pairs(events: list[Event], reports: list[_Report], weight: dict[str, float]):
    """Yield pairs (i, j), i < j, that may be the same happening (timeline/events/merge_index.py:
    a shared actor and prefix word, compatible dates, nearest days first, a bounded number per
    event). Intervals wider than MAX_SPAN_DAYS are too vague to merge and are left alone."""
    eligible = [k for k, r in enumerate(reports)
                if len(r.words) >= MIN_SHARED and r.actors and r.last - r.first <= MAX_SPAN_DAYS]
    yield from merge_index.candidate_pairs(reports, weight, eligible, MERGE_SIMILARITY, DISPUTE_DAYS)


def _source_key(s: Source) -> tuple:
    return (s.published, s.entry, s.start, s.end, s.quote)


def _combine(group: list[Event]) -> Event:
    if len(group) == 1:
        return group[0]
    members = sorted(group, key=lambda e: _source_key(min(e.sources, key=_source_key)))
    primary = members[0]
    sources = tuple(sorted((s for e in members for s in e.sources), key=_source_key))
    # when it happened is told by the reports of the happening: an expectation ("attendu mardi
    # soir") neither dates it nor disputes their date (it happened in the night)
    told = [e for e in members if e.status != "expected"] or members
    precise = {e.when.earliest for e in told if _day_precise(e.when)}
    disputed = len(precise) > 1 or any(e.disputed for e in told)
    if disputed:
        when = told[0].when
    else:
        when = min((e.when for e in told), key=lambda w: (
            w.value.endswith("_REF"), (_day(w.latest) - _day(w.earliest)).days))
    titled = [e for e in members if e.title != e.sources[0].quote]
    kinds = [e.kind for e in members if e.kind != "other"]
    return Event(  # titled, without an editor's title, by its first report of the happening
        id=primary.id, when=when, title=(titled or told)[0].title,
        actors=tuple(sorted({a for e in members for a in e.actors})),
        kind=kinds[0] if kinds else primary.kind,
        status=min((e.status for e in members), key=STATUS_RANK.__getitem__),
        sources=sources, disputed=disputed,
        aliases=tuple(sorted({i for e in members for i in (e.id, *e.aliases)} - {primary.id})))


def event_key(event: Event) -> tuple:
    """A total order of events: chronological, then by id."""
    return (event.when.earliest, event.when.latest, event.id)


def merge_events(events: list[Event]) -> list[Event]:
    """Events with the reports of one happening joined, sorted by `event_key`, ids unique.

    Clustering is complete-linkage on dates: the most similar pairs join first, and
    two groups join only if every member's date is compatible with every other's
    and no entry would report twice; one similar pair cannot chain a June signing
    to an October ratification.
    """
    ordered = sorted(events, key=lambda e: (event_key(e), _source_key(e.sources[0])))
    words = [words_of(text_of(e)) for e in ordered]
    weight = weights_of(words)
    reports = [_Report.of(e, w, weight) for e, w in zip(ordered, words)]
    edges = []
    for i, j in candidate_pairs(ordered, reports, weight):
        sim = _similarity(reports[i], reports[j], weight)
        if sim > 0.0:
            edges.append((-sim, i, j))
    group_of = list(range(len(ordered)))
    groups = {i: _Group.of(i, r) for i, r in enumerate(reports)}
    for _, i, j in sorted(edges):
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not groups[gi].joinable(groups[gj]):
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        for k in groups[gone].members:
            group_of[k] = keep
        groups[keep] = groups[keep].join(groups.pop(gone))
    merged = sorted((_combine([ordered[k] for k in groups[g].members]) for g in sorted(groups)),
                    key=event_key)
    return _unique_ids(merged)


NO_DAYS = (math.inf, -math.inf)  # (min, max) of no day: joins as an identity, passes every test
NO_SPANS = (-math.inf, math.inf)  # (latest start, earliest end) of no interval: likewise


@dataclass(frozen=True)
class _Group:
    """Reports joined so far, with what decides in constant time whether another group's
    dates are compatible with every member's: the first and last of its precise members'
    single days and, of its other members' intervals, the latest start and the earliest
    end. Every member's interval contains [lo, hi] when lo <= hi."""

    members: tuple[int, ...]
    entries: frozenset[str]
    lo: int
    hi: int
    days: tuple[float, float] = NO_DAYS
    spans: tuple[float, float] = NO_SPANS

    @staticmethod
    def of(i: int, r: _Report) -> _Group:
        if r.precise:
            return _Group((i,), r.entries, r.first, r.last, days=(r.first, r.first))
        return _Group((i,), r.entries, r.first, r.last, spans=(r.first, r.last))

    def join(self, other: _Group) -> _Group:
        return _Group(tuple(sorted(self.members + other.members)), self.entries | other.entries,
                      max(self.lo, other.lo), min(self.hi, other.hi),
                      (min(self.days[0], other.days[0]), max(self.days[1], other.days[1])),
                      (max(self.spans[0], other.spans[0]), min(self.spans[1], other.spans[1])))

    def joinable(self, other: _Group) -> bool:
        """No entry twice, and every member's date compatible with every other's
        (_dates_compatible: the intervals overlap, or two single days at most DISPUTE_DAYS apart)."""
        if self.entries & other.entries:
            return False
        if max(self.lo, other.lo) <= min(self.hi, other.hi):
            return True  # one common day: every pair of intervals overlaps
        a, b = self, other
        return (a.days[1] - b.days[0] <= DISPUTE_DAYS and b.days[1] - a.days[0] <= DISPUTE_DAYS  # day, day
                and b.spans[0] <= a.days[0] and a.days[1] <= b.spans[1]  # a's days inside b's intervals
                and a.spans[0] <= b.days[0] and b.days[1] <= a.spans[1]  # and b's inside a's
                and a.spans[0] <= b.spans[1] and b.spans[0] <= a.spans[1])  # interval, interval


def _unique_ids(events: list[Event]) -> list[Event]:
    """A hash collision between two different events must not make one of them unreachable."""
    seen: dict[str, int] = {}
    out = []
    for event in events:
        n = seen.get(event.id, 0)
        seen[event.id] = n + 1
        if n:
            event = replace(event, id=f"{event.id}-{n + 1}")
        out.append(event)
    return out
