"""merge_events: several reports of one happening -> one event; disputes kept; no all-pairs."""

from __future__ import annotations

import random
import string
import time

import timeline.events.merge as merge_mod
from timeline.events import merge_events
from timeline.events.vocab import available, load_vocab
from timeline.model import Event, Source, When


def ev(eid: str, entry: str, quote: str, day: str, *, latest: str | None = None,
       actors=("russie",), published="2024-10-18T09:00:00+02:00", kind="military") -> Event:
    when = When(value=day if latest is None else day[:7], earliest=day, latest=latest or day)
    src = Source(entry=entry, outlet=entry.upper(), url="", published=published, quote=quote, when=when)
    return Event(id=eid, when=when, title=quote, actors=tuple(actors), kind=kind,
                 status="occurred", sources=(src,))


def test_two_reports_of_one_happening_merge_with_both_sources():
    a = ev("a1", "a", "Les soldats nord-coréens sont arrivés dans la région de Koursk", "2024-10-23",
           actors=("russie", "coree-du-nord"), published="2024-10-24T10:00:00+02:00")
    b = ev("b1", "b", "Des soldats nord-coréens arrivés à Koursk, selon Kiev", "2024-10-23",
           actors=("coree-du-nord", "ukraine"), published="2024-10-23T18:00:00+02:00")
    [m] = merge_events([a, b])
    assert [s.entry for s in m.sources] == ["b", "a"]  # by publication
    assert m.id == "b1"  # the first report's id: later reports do not change it
    assert m.actors == ("coree-du-nord", "russie", "ukraine")
    assert not m.disputed


def test_different_happenings_stay_apart():
    a = ev("a1", "a", "Les soldats nord-coréens sont arrivés dans la région de Koursk", "2024-10-23")
    same_words_other_actor = ev("b1", "b", "Les soldats nord-coréens sont arrivés dans la région de Koursk",
                                "2024-10-23", actors=("france",))
    other_words = ev("c1", "c", "Le Parlement a ratifié le traité de partenariat stratégique", "2024-10-23")
    far = ev("d1", "d", "Les soldats nord-coréens sont arrivés dans la région de Koursk", "2024-12-23")
    same_entry = ev("a2", "a", "Les soldats nord-coréens sont arrivés dans la région de Koursk", "2024-10-23")
    out = merge_events([a, same_words_other_actor, other_words, far, same_entry])
    assert len(out) == 5 and all(len(e.sources) == 1 for e in out)


def test_month_and_day_reports_merge_to_the_precise_date():
    a = ev("a1", "a", "Le traité de défense mutuelle a été signé à Pyongyang", "2024-06-01",
           latest="2024-06-30", published="2024-10-18T09:00:00+02:00")
    b = ev("b1", "b", "Poutine et Kim signent à Pyongyang un traité de défense mutuelle", "2024-06-19",
           published="2024-06-19T12:00:00+02:00")
    [m] = merge_events([a, b])
    assert m.when.earliest == m.when.latest == "2024-06-19" and not m.disputed


def test_disagreeing_days_are_one_disputed_event_keeping_both_versions():
    a = ev("a1", "a", "Les premiers soldats nord-coréens ont été engagés dans les combats à Koursk",
           "2024-11-05", published="2024-11-06T09:00:00+01:00")
    b = ev("b1", "b", "Les soldats nord-coréens ont été engagés dans les combats de Koursk",
           "2024-11-04", published="2024-11-05T09:00:00+01:00")
    [m] = merge_events([a, b])
    assert m.disputed
    assert sorted(s.when.earliest for s in m.sources) == ["2024-11-04", "2024-11-05"]
    assert m.when.earliest == "2024-11-04"  # the first report's, flagged disputed


def test_a_vague_report_cannot_chain_two_incompatible_dates():
    june = ev("a1", "a", "Moscou et Pyongyang ont signé le traité de défense mutuelle", "2024-06-01",
              latest="2024-06-30", published="2024-10-18T09:00:00+02:00")
    vague = ev("b1", "b", "Le traité de défense mutuelle entre Moscou et Pyongyang signé puis ratifié",
               "2024-06-01", latest="2024-10-31", published="2024-11-02T09:00:00+02:00")
    october = ev("c1", "c", "La Douma a ratifié le traité de défense mutuelle avec Pyongyang", "2024-10-24",
                 published="2024-10-25T09:00:00+02:00")
    out = merge_events([june, vague, october])
    assert len(out) == 2
    for e in out:  # each merged event's dates all overlap: June never becomes 24 October
        assert all(s.when.earliest <= e.when.latest and e.when.earliest <= s.when.latest for s in e.sources)


def test_a_year_wide_date_needs_closer_wording():
    day = ev("a1", "a", "L'agence KCNA a publié le texte du traité signé à Pyongyang", "2024-06-20")
    year = ev("b1", "b", "Selon l'agence KCNA, le déploiement applique l'article 4 du traité signé à Moscou",
              "2024-01-01", latest="2024-12-31", published="2025-04-28T09:00:00+02:00")
    assert len(merge_events([day, year])) == 2
    same = ev("c1", "c", "L'agence KCNA a publié le texte du traité signé à Pyongyang", "2024-01-01",
              latest="2024-12-31", published="2025-04-28T09:00:00+02:00")
    assert len(merge_events([day, same])) == 1


def test_a_short_report_meets_a_long_one_on_its_rare_words():
    # common words of the corpus ("Corée", "Nord", "soldats") weigh little; "Douma", "ratifié" a lot
    filler = [ev(f"f{i}", f"f{i}", f"Des soldats de Corée du Nord en Russie, selon Séoul, numéro {i}",
                 f"2023-{1 + 2 * i:02d}-10", actors=("coree-du-nord",)) for i in range(6)]  # months apart
    short = ev("a1", "a", "La Douma a ratifié le traité avec la Corée du Nord", "2024-10-24",
               actors=("russie", "coree-du-nord"))
    long = ev("b1", "b", "Les députés de la Douma ont ratifié ce jeudi à l'unanimité le traité de partenariat "
              "stratégique global signé en juin dernier avec la Corée du Nord, au moment où s'accumulent "
              "les indices d'un déploiement de soldats nord-coréens, selon plusieurs diplomates européens en poste "
              "à Moscou", "2024-10-24",
              actors=("russie", "coree-du-nord"), published="2024-10-25T09:00:00+02:00")
    out = merge_events([*filler, short, long])
    assert [sorted(s.entry for s in e.sources) for e in out if len(e.sources) > 1] == [["a", "b"]]


def test_figures_are_words_and_different_figures_keep_reports_apart():
    a = ev("a1", "a", "Pyongyang va envoyer 12 000 soldats en Russie selon le renseignement", "2024-10-18",
           published="2024-10-18T09:00:00+02:00")
    same = ev("b1", "b", "Pyongyang va envoyer 12,000 soldats en Russie selon le renseignement", "2024-10-18",
              published="2024-10-18T10:00:00+02:00")
    other = ev("c1", "c", "Pyongyang va envoyer 10 000 soldats en Russie selon le renseignement", "2024-10-18",
               published="2024-10-18T11:00:00+02:00")
    out = merge_events([a, same, other])
    assert sorted(sorted(s.entry for s in e.sources) for e in out) == [["a", "b"], ["c"]]


def test_month_names_do_not_make_wording_similar():
    a = ev("a1", "a", "Kim en juin dernier", "2024-06-19", published="2024-10-18T09:00:00+02:00")
    b = ev("b1", "b", "Poutine en juin dernier", "2024-06-19", published="2024-10-19T09:00:00+02:00")
    assert len(merge_events([a, b])) == 2


def test_order_is_deterministic_whatever_the_input_order():
    events = [ev(f"e{i}", f"s{i % 7}", f"Frappe de missiles sur la ville numéro {i % 5} au nord",
                 f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}") for i in range(60)]
    first = merge_events(events)
    for seed in range(3):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert merge_events(shuffled) == first
    keys = [(e.when.earliest, e.when.latest, e.id) for e in first]
    assert keys == sorted(keys) and len({e.id for e in first}) == len(first)


def test_vocab_files_hold_only_strings():
    # YAML 1.1 reads `on`, `y`, `n`, `no` as booleans: a stopword list must stay words
    for lang in available():
        v = load_vocab(lang)
        assert all(isinstance(w, str) for w in v.stopwords | set(v.weekdays) | set(v.months))


def synthetic(n: int, seed: int = 1) -> list[Event]:
    """n single-source events over four years: Zipf-distributed words, one actor each."""
    rng = random.Random(seed)
    vocab = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(7)) for _ in range(5000)})
    weights = [1 / (r + 1) for r in range(len(vocab))]
    actors = ["russie", "ukraine", "coree-du-nord", "france", "chine", "otan"]
    return [ev(f"{i:06d}", f"entry{i}", " ".join(rng.choices(vocab, weights, k=14)),
               f"{2022 + rng.randrange(4)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}",
               actors=(rng.choice(actors),)) for i in range(n)]


def test_merge_is_not_all_pairs(monkeypatch):
    """Candidate pairs come from blocks, not from all pairs (measured: 20,000 events -> ~127,000
    comparisons in ~4.5 s, against 2e8 pairs; this test runs 5,000 to stay fast)."""
    events = synthetic(5000)
    compared = []
    real = merge_mod._similarity
    monkeypatch.setattr(merge_mod, "_similarity", lambda *a: compared.append(1) or real(*a))
    t0 = time.perf_counter()
    out = merge_events(events)
    elapsed = time.perf_counter() - t0
    assert len(out) == 5000  # random wording: nothing merges
    assert len(compared) < 5000 * 10, len(compared)  # all pairs would be 12.5 million
    assert elapsed < 10, elapsed
