"""The editor's `events:` entries: correct the event of a sentence or add one.

An override's `date` is either an ISO calendar value (2024, 2024-06,
2024-06-19) or a phrase read by the date engine against `published` ("le 19
juin", "en juin dernier"). The phrase must be read WHOLE: "31 février" must not
quietly become "février". A date the calendar does not have, or one outside
the plausible window of the article, is an error at the override's line; the
build never guesses.

With a `quote` found in a sentence, the override replaces that sentence's
automatic event; otherwise it adds an event of its own.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.events.actors import actor_matcher
from timeline.events.classify import kind_of, status_of
from timeline.events.dates import ISO_DATE, is_dated, iso_interval, range_pair
from timeline.events.extract import dct_of, event_id, make_source, normal_text, utc_offset, zone_of
from timeline.events.vocab import load_vocab
from timeline.model import Config, Entry, Event, EventOverride, Problem, Sentence, Source, When
from timeline.problems import error, warning

OLDEST_YEAR = 1900  # a news timeline: earlier dates are typos or misreadings
YEARS_AHEAD = 50  # how far after publication an expected event may be placed
ISO_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")  # a datetime with its time (and offset)
DATE_HINT = "write an ISO date (2024-06-19, 2024-06) or a phrase such as 'le 19 juin 2024'"


def read_date(override: EventOverride, entry: Entry) -> tuple[When | None, Problem | None]:
    """The When an override's `date` means, or the error that explains why it has none."""
    raw = " ".join(str(override.date).split())
    dct = dct_of(entry)
    where = override.origin or entry.origin
    if ISO_DATE.match(raw):
        interval = iso_interval(raw)
        if interval is None:
            return None, error("E402", f"events: date '{raw}' does not exist in the calendar",
                               where, DATE_HINT)
        when = When(value=raw, earliest=interval[0], latest=interval[1], anchor="absolute", dct=dct)
    elif ISO_MINUTE.match(raw):
        try:
            day = datetime.fromisoformat(raw).date().isoformat()
        except ValueError:
            return None, error("E402", f"events: date '{raw}' does not exist in the calendar",
                               where, DATE_HINT)
        when = When(value=raw[:16], earliest=day, latest=day, anchor="absolute", dct=dct,
                    zone=utc_offset(datetime.fromisoformat(raw)) or zone_of(entry))
    else:
        when = _read_phrase(raw, entry, dct)
        if when is None:
            return None, error("E401", f"events: cannot read the date '{raw}'", where, DATE_HINT)
    try:
        first, last = date.fromisoformat(when.earliest), date.fromisoformat(when.latest)
    except ValueError:
        first = last = None
    if first is None or last is None or first.year < OLDEST_YEAR or \
            last.year > entry.published.year + YEARS_AHEAD:
        return None, error("E403", f"events: date '{raw}' ({when.earliest} – {when.latest}) is "
                           f"outside the plausible window of an article published {dct}",
                           where, f"dates from {OLDEST_YEAR} to {YEARS_AHEAD} years after "
                           "publication are accepted; " + DATE_HINT)
    return when, None


def _read_phrase(raw: str, entry: Entry, dct: str) -> When | None:
    from timeline import temporal

    try:
        mentions = temporal.extract(raw, dct, entry.lang)
    except (ValueError, OverflowError):
        return None
    dated = [m for m in mentions if is_dated(m)]
    vocab = load_vocab(entry.lang)
    pair = range_pair(raw, dated, vocab) if len(dated) == 2 else None
    if len(dated) != 1 and pair is None:
        return None  # none, or several dates where one (or one range) was asked for
    rest = raw
    for m in sorted(dated, key=lambda m: -m.start):
        rest = rest[:m.start] + " " + rest[m.end:]
    rest = rest.replace("'", " ").replace("’", " ")
    if pair is None and any(w.casefold() not in vocab.stopwords for w in rest.split()
                            if any(c.isalnum() for c in w)):
        return None  # part of the phrase was not understood ("31 février" read as "février")
    first, last = dated[0], dated[-1]
    return When(value=first.value, earliest=first.earliest or "", latest=last.latest or "",
                mod=first.mod if pair is None else None, anchor=first.anchor, dct=dct,
                end_value=last.value if pair else None, zone=zone_of(entry))


def _sentence_of(quote: str, sentences: list[Sentence]) -> Sentence | None:
    needle = normal_text(quote)
    if not needle:
        return None
    for s in sorted(sentences, key=lambda s: s.index):
        if needle in normal_text(s.text):
            return s
    return None


def apply_overrides(entry: Entry, sentences: list[Sentence], auto: dict[int, Event],
                    config: Config | None) -> tuple[list[Event], list[Problem]]:
    """Auto events with the editor's overrides applied, and the overrides' problems."""
    problems: list[Problem] = []
    events = dict(auto)
    added: list[Event] = []
    replaced: set[int] = set()
    vocab = load_vocab(entry.lang)
    dct = dct_of(entry)
    for override in entry.events:
        when, problem = read_date(override, entry)
        if problem is not None:
            problems.append(problem)
            continue
        sentence = _sentence_of(override.quote, sentences) if override.quote else None
        if override.quote and sentence is None:
            problems.append(warning("W401", f"events: quote '{override.quote[:60]}' is not in the "
                                    "text of the entry", override.origin or entry.origin,
                                    "copy the words exactly from the body, or remove `quote:`"))
        quote = sentence.text if sentence else (override.quote or override.title or entry.title)
        if sentence is not None:
            source = make_source(entry, sentence, (), when)
        else:
            source = Source(entry=entry.slug, outlet=entry.source, url=entry.url,
                            published=entry.published.isoformat(), quote=quote, when=when)
        found = actor_matcher(config).find(quote)
        actors = override.actors or tuple(sorted(set(found) | set(entry.actors)))
        event = Event(id=event_id(entry.slug, quote, when), when=when,
                      title=override.title or quote, actors=tuple(sorted(set(actors))),
                      kind=override.kind or kind_of(quote, vocab, config),
                      status=status_of(quote, when, dct, vocab), sources=(source,))
        if sentence is not None and sentence.index not in replaced:
            events[sentence.index] = event  # the first override of a sentence replaces it
            replaced.add(sentence.index)
        else:
            added.append(event)
    return [events[i] for i in sorted(events)] + added, problems
