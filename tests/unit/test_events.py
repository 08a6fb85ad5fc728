"""Events from sentences and mentions (own small Entry/Mention objects, no other stage)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from timeline.events import extract_events
from timeline.events.dates import iso_interval
from timeline.model import Actor, Config, Entry, EventOverride, Kind, Mention, Origin, Sentence

PARIS = timezone(timedelta(hours=2))
CONFIG = Config(
    title="t",
    kinds=(Kind("diplomatic", "Diplomatie"), Kind("military", "Militaire"), Kind("other", "Autre")),
    actors=(Actor("russie", "Russie", ("Moscou", "russe")),
            Actor("coree-du-nord", "Corée du Nord", ("Pyongyang", "nord-coréens", "Nord-Coréens")),
            Actor("france", "France", ("Jean-Noël Barrot",))),
)


def entry(text: str, **kw) -> Entry:
    base = dict(path="entries/a.md", slug="a", title="Titre", source="Europe 1",
                published=datetime(2024, 10, 18, 9, 0, tzinfo=PARIS), url="https://e.example/a",
                text=text, origin=Origin("entries/a.md", 1))
    base.update(kw)
    return Entry(**base)


def sentences(text: str) -> list[Sentence]:
    """Split on '. ' for the tests (the real splitter is timeline.text)."""
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        s = text.index(part, start)
        out.append(Sentence("a", i, part, s, s + len(part), line=i + 1))
        start = s + len(part)
    return out


def mention(text: str, words: str, value: str, earliest: str, latest: str, *,
            type: str = "DATE", anchor: str = "absolute", mod: str | None = None,
            nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Mention(words, start, start + len(words), type, value, mod, earliest, latest, anchor)


def test_a_dated_sentence_becomes_an_event_with_its_quote_and_span():
    text = "Un accord a été signé entre Moscou et Pyongyang en juin dernier. Rien ici"
    m = mention(text, "en juin dernier", "2024-06", "2024-06-01", "2024-06-30", anchor="dct")
    events, problems = extract_events(entry(text), sentences(text), [m], CONFIG)
    assert problems == []
    [event] = events
    assert event.when.value == "2024-06" and event.when.earliest == "2024-06-01"
    assert event.when.latest == "2024-06-30" and event.when.anchor == "dct"
    assert event.when.dct == "2024-10-18"
    assert event.kind == "diplomatic"
    assert event.status == "occurred"
    assert event.actors == ("coree-du-nord", "russie")
    [source] = event.sources
    assert source.quote == "Un accord a été signé entre Moscou et Pyongyang en juin dernier"
    start, end = source.spans[0]
    assert source.quote[start:end] == "en juin dernier"
    assert text[source.start:source.end] == source.quote
    assert source.published == "2024-10-18T09:00:00+02:00" and source.outlet == "Europe 1"


def test_durations_sets_and_ignored_phrases_make_no_event():
    text = "La guerre dure depuis trois ans. Il y a eu la semaine sainte"
    dur = Mention("trois ans", text.index("trois"), text.index("trois") + 9, "DURATION", "P3Y")
    week = mention(text, "la semaine sainte", "2024-W12", "2024-03-18", "2024-03-24")
    ev, _ = extract_events(entry(text, ignore=("semaine sainte",)), sentences(text), [dur, week], CONFIG)
    assert ev == []


def test_range_gives_one_event_over_the_interval():
    text = "Des exercices ont eu lieu entre le 8 et le 13 octobre"
    a = mention(text, "le 8", "2024-10-08", "2024-10-08", "2024-10-08")
    b = mention(text, "le 13 octobre", "2024-10-13", "2024-10-13", "2024-10-13")
    [event], _ = extract_events(entry(text), sentences(text), [a, b], CONFIG)
    assert (event.when.value, event.when.end_value) == ("2024-10-08", "2024-10-13")
    assert (event.when.earliest, event.when.latest) == ("2024-10-08", "2024-10-13")
    assert len(event.sources[0].spans) == 2


def test_du_au_range():
    text = "Le sommet s'est tenu du 14 au 18 octobre"
    a = mention(text, "14", "2024-10-14", "2024-10-14", "2024-10-14")
    b = mention(text, "18 octobre", "2024-10-18", "2024-10-18", "2024-10-18")
    [event], _ = extract_events(entry(text), sentences(text), [a, b], CONFIG)
    assert (event.when.earliest, event.when.latest) == ("2024-10-14", "2024-10-18")


def test_two_unrelated_dates_take_the_most_precise_non_vague_one():
    text = ("Formalisé en juin dernier, le rapprochement a pris un tour nouveau "
            "il y a plusieurs jours, puis le 15 octobre")
    june = mention(text, "en juin dernier", "2024-06", "2024-06-01", "2024-06-30", anchor="dct")
    vague = mention(text, "il y a plusieurs jours", "PAST_REF", "2024-10-08", "2024-10-16", anchor="dct")
    day = mention(text, "le 15 octobre", "2024-10-15", "2024-10-15", "2024-10-15")
    [event], _ = extract_events(entry(text), sentences(text), [june, vague, day], CONFIG)
    assert event.when.value == "2024-10-15"
    text2 = "Formalisé en juin dernier, il y a plusieurs jours"
    june2 = mention(text2, "en juin dernier", "2024-06", "2024-06-01", "2024-06-30", anchor="dct")
    vague2 = mention(text2, "il y a plusieurs jours", "PAST_REF", "2024-10-08", "2024-10-16", anchor="dct")
    [event2], _ = extract_events(entry(text2), sentences(text2), [vague2, june2], CONFIG)
    assert event2.when.value == "2024-06"  # a month beats a vague "some days ago"


def test_a_day_and_its_clock_date_the_event_at_the_clock():
    """"samedi à 17 h" is two mentions (the day, the clock on it): the event is at 17 h; a
    clock on another day does not outrank the first day of the sentence."""
    text = "Le couvre-feu entrera en vigueur samedi à 17 h"
    day = mention(text, "samedi", "2024-10-19", "2024-10-19", "2024-10-19", anchor="dct")
    clock = mention(text, "17 h", "2024-10-19T17:00", "2024-10-19", "2024-10-19", anchor="dct")
    [event], _ = extract_events(entry(text), sentences(text), [day, clock], CONFIG)
    assert event.when.value == "2024-10-19T17:00"
    text2 = "Vendredi, Moscou a annoncé des pourparlers samedi à 17 h"
    friday = mention(text2, "Vendredi", "2024-10-18", "2024-10-18", "2024-10-18", anchor="dct")
    saturday = mention(text2, "samedi", "2024-10-19", "2024-10-19", "2024-10-19", anchor="dct")
    clock2 = mention(text2, "17 h", "2024-10-19T17:00", "2024-10-19", "2024-10-19", anchor="dct")
    [event2], _ = extract_events(entry(text2), sentences(text2), [friday, saturday, clock2], CONFIG)
    assert event2.when.value == "2024-10-18"


def test_status_expected_reported_occurred():
    text = ("Pas moins de 12.000 hommes pourraient arriver en Russie dans les prochaines semaines, "
            "selon les renseignements sud-coréens. Zelensky assurait il y a plusieurs jours que des "
            "soldats se préparaient. Il restera sur place tout le week-end. Les troupes sont entrées "
            "le 6 août")
    ms = [mention(text, "dans les prochaines semaines", "FUTURE_REF", "2024-10-19", "2024-12-13", anchor="dct"),
          mention(text, "il y a plusieurs jours", "PAST_REF", "2024-10-08", "2024-10-16", anchor="dct"),
          mention(text, "tout le week-end", "2024-W42-WE", "2024-10-19", "2024-10-20", anchor="dct"),
          mention(text, "le 6 août", "2024-08-06", "2024-08-06", "2024-08-06", anchor="dct")]
    events, _ = extract_events(entry(text), sentences(text), ms, CONFIG)
    assert [e.status for e in events] == ["expected", "reported", "expected", "occurred"]
    assert events[3].kind == "military"


def test_a_conditional_about_today_is_expected_about_the_past_reported():
    text = "Des soldats pourraient arriver ce vendredi. Des soldats seraient arrivés le 3 octobre"
    ms = [mention(text, "ce vendredi", "2024-10-18", "2024-10-18", "2024-10-18", anchor="dct"),
          mention(text, "le 3 octobre", "2024-10-03", "2024-10-03", "2024-10-03")]
    events, _ = extract_events(entry(text), sentences(text), ms, CONFIG)
    assert [e.status for e in events] == ["expected", "reported"]


def test_actors_whole_words_case_sensitive_from_the_sentence():
    text = "Les Nord-Coréens et les moscovites se rencontrent le 3 octobre"
    m = mention(text, "le 3 octobre", "2024-10-03", "2024-10-03", "2024-10-03")
    [event], _ = extract_events(entry(text, actors=("france",)), sentences(text), [m], CONFIG)
    assert event.actors == ("coree-du-nord",)  # "moscovites" is not "Moscou"


def test_front_matter_actors_only_for_a_sentence_that_names_none():
    text = "Il restera sur place tout le week-end, le 3 octobre"
    m = mention(text, "le 3 octobre", "2024-10-03", "2024-10-03", "2024-10-03")
    [event], _ = extract_events(entry(text, actors=("russie", "france")), sentences(text), [m], CONFIG)
    assert event.actors == ("france", "russie")


def test_event_id_is_stable_under_unrelated_edits():
    text = "Un accord a été signé le 19 juin 2024. Le reste"
    m = mention(text, "le 19 juin 2024", "2024-06-19", "2024-06-19", "2024-06-19")
    [before], _ = extract_events(entry(text), sentences(text), [m], CONFIG)
    edited = "Une phrase ajoutée au début. Un accord a été signé le 19 juin 2024. Le reste changé"
    m2 = mention(edited, "le 19 juin 2024", "2024-06-19", "2024-06-19", "2024-06-19")
    [after], _ = extract_events(entry(edited, title="Autre titre"), sentences(edited), [m2], CONFIG)
    assert after.id == before.id and after.sources[0].start != before.sources[0].start
    # ... but the id changes when the event itself changes (its date or its entry)
    m3 = replace(m, value="2024-06-20", earliest="2024-06-20", latest="2024-06-20")
    [other], _ = extract_events(entry(text), sentences(text), [m3], CONFIG)
    [moved], _ = extract_events(entry(text, slug="b"), sentences(text), [m], CONFIG)
    assert len({before.id, other.id, moved.id}) == 3


def test_override_replaces_the_event_of_its_sentence():
    text = "Les troupes sont arrivées il y a plusieurs jours. Le reste"
    m = mention(text, "il y a plusieurs jours", "PAST_REF", "2024-10-08", "2024-10-16", anchor="dct")
    ov = EventOverride(date="2024-10-12", title="Arrivée des troupes", kind="military",
                       quote="Les troupes sont arrivées", origin=Origin("entries/a.md", 9))
    [event], problems = extract_events(entry(text, events=(ov,)), sentences(text), [m], CONFIG)
    assert problems == []
    assert event.title == "Arrivée des troupes" and event.when.value == "2024-10-12"
    assert event.sources[0].quote == "Les troupes sont arrivées il y a plusieurs jours"


def test_override_without_quote_adds_an_event():
    ov = EventOverride(date="2024-06", title="Traité", quote="", origin=Origin("entries/a.md", 7))
    text = "Rien de daté ici"
    [event], problems = extract_events(entry(text, events=(ov,)), sentences(text), [], CONFIG)
    assert problems == [] and event.title == "Traité" and event.when.latest == "2024-06-30"


def test_impossible_override_date_is_an_error_at_its_line():
    for bad in ("2024-02-31", "2024-13", "0999"):
        ov = EventOverride(date=bad, title="x", origin=Origin("entries/a.md", 12))
        events, problems = extract_events(entry("Rien", events=(ov,)), sentences("Rien"), [], CONFIG)
        assert events == []
        [p] = problems
        assert p.level == "error" and p.origin == Origin("entries/a.md", 12), bad
        assert bad in p.message and p.hint


def test_quote_not_found_is_a_warning_and_the_event_is_still_added():
    ov = EventOverride(date="2024-06-19", title="Traité", quote="n'existe pas",
                       origin=Origin("entries/a.md", 5))
    events, problems = extract_events(entry("Rien", events=(ov,)), sentences("Rien"), [], CONFIG)
    assert len(events) == 1 and [p.code for p in problems] == ["W401"]


def test_iso_interval():
    assert iso_interval("2024-02") == ("2024-02-01", "2024-02-29")
    assert iso_interval("2024") == ("2024-01-01", "2024-12-31")
    assert iso_interval("2023-02-29") is None


def test_override_phrases_read_by_the_date_engine():
    """Phrases go through timeline.temporal; a phrase must be understood whole."""
    from timeline.events.overrides import read_date

    e = entry("Rien")
    cases = {"le 19 juin": ("2024-06-19", None), "en juin dernier": ("2024-06", None),
             "du 14 au 18 octobre": ("2024-10-14", "2024-10-18"),
             "2024-10-18T14:20:00+02:00": ("2024-10-18T14:20", None)}
    for phrase, (value, end) in cases.items():
        when, problem = read_date(EventOverride(date=phrase), e)
        assert problem is None and (when.value, when.end_value) == (value, end), phrase
    for bad in ("31 février", "30/02/2024", "il y a 3000 ans", "9999999999 semaines", "n'importe quoi"):
        when, problem = read_date(EventOverride(date=bad, origin=Origin("entries/a.md", 4)), e)
        assert when is None and problem.level == "error" and problem.origin.line == 4, bad


def test_ignore_phrase_offsets_survive_case_folding_changes():
    text = "Die Straße war ruhig. Ce vendredi, RIEN du 3 octobre"
    m = mention(text, "3 octobre", "2024-10-03", "2024-10-03", "2024-10-03")
    kept, _ = extract_events(entry(text), sentences(text), [m], CONFIG)
    gone, _ = extract_events(entry(text, ignore=("rien du  3 OCTOBRE",)), sentences(text), [m], CONFIG)
    assert len(kept) == 1 and gone == []


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 400),
                          st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
                          st.sampled_from([None, "APPROX", "START"])), max_size=12))
def test_any_mentions_give_sorted_unique_events_inside_the_text(raw):
    text = ("Moscou et Pyongyang ont signé un traité. Les soldats arrivent entre le 8 et le 13. "
            "Selon Kiev, rien. Il pourrait venir") * 2
    ms = []
    for start, length, days, kind, mod in raw:
        first = date(2024, 1, 1) + timedelta(days=days)
        last = first + timedelta(days=length)
        ms.append(Mention(text[start:start + length], start, start + length, kind, first.isoformat(), mod,
                          first.isoformat(), last.isoformat(), "dct"))
    events, problems = extract_events(entry(text), sentences(text), ms, CONFIG)
    assert problems == [] and len({e.id for e in events}) == len(events)
    starts = [e.sources[0].start for e in events]
    assert starts == sorted(starts)
    for e in events:
        s = e.sources[0]
        assert text[s.start:s.end] == s.quote and e.when.earliest <= e.when.latest
        assert all(0 <= a < b <= len(s.quote) for a, b in s.spans)
