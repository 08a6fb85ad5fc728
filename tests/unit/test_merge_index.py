"""merge_index and the date tests of merge: bounded work per event, nearest days first,
and constant-time group checks that give the same answer as checking every pair."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline.events.merge as merge_mod
from timeline.events import merge_events, merge_index
from timeline.events.merge import DISPUTE_DAYS, _dates_compatible, _Group, _Report
from timeline.model import Event, Source, When

DAY0 = date(2024, 1, 1).toordinal()


ENTRY = count()


def report(first: int, length: int, precise: bool) -> _Report:
    last = first + length
    return _Report(frozenset({f"e{next(ENTRY)}"}), frozenset({"russie"}), DAY0 + first, DAY0 + last,
                   precise and length == 0, frozenset(), 0.0, frozenset())


reports_st = st.builds(report, st.integers(0, 120), st.sampled_from([0, 0, 0, 1, 6, 30, 90]), st.booleans())


def group(members: list[_Report], offset: int) -> _Group:
    g = _Group.of(offset, members[0])
    for k, r in enumerate(members[1:], start=offset + 1):
        g = g.join(_Group.of(k, r))
    return g


@settings(max_examples=300, deadline=None)
@given(st.lists(reports_st, min_size=1, max_size=5), st.lists(reports_st, min_size=1, max_size=5))
def test_group_check_equals_checking_every_pair(a: list[_Report], b: list[_Report]) -> None:
    every = all(_dates_compatible(x, y)[0] for x in a for y in b)
    assert _Group.joinable(group(a, 0), group(b, 100)) == every


@settings(max_examples=300, deadline=None)
@given(reports_st, reports_st)
def test_the_join_and_the_merge_use_one_date_rule(a: _Report, b: _Report) -> None:
    assert merge_index.compatible(a, b, DISPUTE_DAYS) == _dates_compatible(a, b)[0]


def ev(n: int, quote: str, day: date, actors=("russie", "ukraine")) -> Event:
    iso = day.isoformat()
    when = When(value=iso, earliest=iso, latest=iso)
    src = Source(entry=f"article{n:05d}", outlet="X", url="", published=f"{iso}T12:00:00+00:00",
                 quote=quote, when=when)
    return Event(id=f"e{n:05d}", when=when, title=quote, actors=tuple(actors), kind="military",
                 status="occurred", sources=(src,))


def dense(n: int) -> list[Event]:
    """n reports of strikes spread over three months, all in the same words but the town
    and its depot: every one shares its common keys with every other."""
    start = date(2024, 3, 1)
    return [ev(k, f"La Russie a frappé le dépôt Depot{k:04d} à Ville{k:04d} avec des missiles et des drones",
               start + timedelta(days=k % 90)) for k in range(n)]


def test_work_per_event_is_bounded_however_dense_the_days(monkeypatch) -> None:
    compared: list[int] = []
    real = merge_mod._similarity
    monkeypatch.setattr(merge_mod, "_similarity", lambda *a: compared.append(1) or real(*a))
    for n in (300, 1200):
        compared.clear()
        merge_events(dense(n))
        assert len(compared) <= merge_index.MAX_CANDIDATES * n, (n, len(compared))
    # all pairs within the dispute window would be about 1200 * 800 / 2
    assert len(compared) < 40 * 1200


def test_the_report_of_the_same_day_is_found_among_many_alike() -> None:
    events = dense(1200)
    day = date(2024, 3, 1) + timedelta(days=1100 % 90)
    # a second report of article 1100's strike, in other words, from another article
    twin = ev(5000, "Des missiles et des drones russes ont frappé le dépôt Depot1100 à Ville1100", day)
    out = merge_events([*events, twin])
    [joined] = [e for e in out if any(s.entry == "article05000" for s in e.sources)]
    assert sorted(s.entry for s in joined.sources) == ["article01100", "article05000"]


def word_report(first: int, length: int, precise: bool, words: frozenset[str], actor: str) -> _Report:
    r = report(first, length, precise)
    return _Report(r.entries, frozenset({actor}), r.first, r.last, r.precise, words, 0.0, frozenset())


word_reports = st.lists(st.builds(word_report, st.integers(0, 400), st.sampled_from([0, 0, 2, 9, 40, 120, 300]),
                                  st.booleans(), st.frozensets(st.sampled_from("abcdefgh"), min_size=1, max_size=5),
                                  st.sampled_from(["russie", "ukraine"])), min_size=2, max_size=25)


@settings(max_examples=150, deadline=None)
@given(word_reports)
def test_without_budgets_the_join_misses_no_pair_above_the_threshold(generated: list[_Report]) -> None:
    # the prefix filter and the date windows are exact: only the budgets may drop a pair
    reports = generated
    weight = merge_mod.weights_of([r.words for r in reports])
    reports = [_Report(r.entries, r.actors, r.first, r.last, r.precise, r.words,
                       sum(weight[w] for w in r.words), r.numbers) for r in reports]
    saved = merge_index.BUDGET, merge_index.SCAN, merge_index.MAX_CANDIDATES
    merge_index.BUDGET = merge_index.SCAN = merge_index.MAX_CANDIDATES = 10_000
    try:
        found = set(merge_index.candidate_pairs(reports, weight, range(len(reports)), 0.3, DISPUTE_DAYS))
    finally:
        merge_index.BUDGET, merge_index.SCAN, merge_index.MAX_CANDIDATES = saved
    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            a, b = reports[i], reports[j]
            common = sum(weight[w] for w in a.words & b.words)
            if a.actors & b.actors and _dates_compatible(a, b)[0] and common >= 0.3 * min(a.weight, b.weight):
                assert (i, j) in found, (a, b)
