"""One entry's sentences and mentions -> its candidate events.

Every sentence carrying a dated mention (DATE or TIME with an interval, not
inside an `ignore:` phrase) becomes one Event; the editor's `events:` entries
then replace or add events (overrides.py). Ids are a short hash of what the
event IS (entry slug, normalised quote, date value), never of offsets, so an
edit elsewhere in the entry keeps them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime

from timeline.events.actors import actor_matcher
from timeline.events.classify import kind_of, status_of
from timeline.events.dates import choose, is_dated
from timeline.events.vocab import load_vocab
from timeline.model import Config, Entry, Event, Mention, Sentence, Source, When
from timeline.temporal.zones import utc_offset_text

ID_LENGTH = 12  # hex chars (48 bits): 200,000 events collide with p < 1e-4


def normal_text(text: str) -> str:
    """Quote text as compared and hashed: NFC, case-folded, one space, straight apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").casefold()
    return " ".join(text.split())


def event_id(slug: str, quote: str, when: When) -> str:
    value = when.value if not when.end_value else f"{when.value}/{when.end_value}"
    key = "\x1f".join((slug, normal_text(quote), value))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


def dct_of(entry: Entry) -> str:
    """The publication date the relative dates were read against (in its own offset)."""
    return entry.published.date().isoformat()


def utc_offset(moment: datetime) -> str:
    """"+01:00" for a moment with a zone, "" for one without."""
    offset = moment.utcoffset()
    return "" if offset is None else utc_offset_text(offset)


def zone_of(entry: Entry) -> str:
    """The publication's UTC offset: the date engine reads clock times in it."""
    return utc_offset(entry.published)


def ignored_spans(entry: Entry) -> list[tuple[int, int]]:
    """Where the entry's `ignore:` phrases occur in its text (case-insensitive, any spacing).

    Matched with a regex on the text itself, so offsets stay those of Entry.text
    (case-folding a copy could change its length: "ß" -> "ss").
    """
    spans: list[tuple[int, int]] = []
    for phrase in entry.ignore:
        words = phrase.split()
        if words:
            pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
            spans.extend(m.span() for m in pattern.finditer(entry.text))
    return sorted(spans)


def _overlaps(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < end and start < m.end for start, end in spans)


def mentions_by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> dict[int, list[Mention]]:
    """Sentence index -> its mentions, in one merge pass over both sorted lists."""
    out: dict[int, list[Mention]] = {}
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    i = 0
    for s in sorted(sentences, key=lambda s: s.start):
        while i < len(ordered) and ordered[i].start < s.start:
            i += 1
        while i < len(ordered) and ordered[i].start < s.end:
            out.setdefault(s.index, []).append(ordered[i])
            i += 1
    return out


def make_source(entry: Entry, sentence: Sentence, used: tuple[Mention, ...], when: When,
                others: tuple[Mention, ...] = ()) -> Source:
    """The report of `sentence`: `used` are the mentions its date comes from, `others` the
    sentence's other temporal expressions (Source.elsewhere)."""
    def inside(ms: tuple[Mention, ...]) -> tuple[tuple[int, int], ...]:
        return tuple((m.start - sentence.start, m.end - sentence.start) for m in ms
                     if sentence.start <= m.start and m.end <= sentence.end)
    return Source(entry=entry.slug, outlet=entry.source, url=entry.url,
                  published=entry.published.isoformat(), quote=sentence.text, spans=inside(used),
                  start=sentence.start, end=sentence.end, when=when,
                  elsewhere=inside(tuple(m for m in others if m not in used)))


def auto_events(entry: Entry, sentences: list[Sentence], mentions: list[Mention],
                config: Config | None) -> dict[int, Event]:
    """Sentence index -> the event the sentence reports (sentences without a date: none)."""
    vocab = load_vocab(entry.lang)
    matcher = actor_matcher(config)
    dct, zone = dct_of(entry), zone_of(entry)
    ignored = ignored_spans(entry)
    grouped = mentions_by_sentence(sentences, [m for m in mentions if is_dated(m)])
    every = mentions_by_sentence(sentences, [m for m in mentions if not _overlaps(m, ignored)])
    events: dict[int, Event] = {}
    for s in sorted(sentences, key=lambda s: s.index):
        dated = [m for m in grouped.get(s.index, []) if not _overlaps(m, ignored)]
        if not dated:
            continue
        when, used = choose(entry.text, dated, vocab, dct, zone)
        # The sentence's own actors; the entry's front-matter actors only when the
        # sentence names none ("Il restera sur place…"): stamping every actor of an
        # article on each of its sentences makes actor pages and merging noisy.
        actors = matcher.find(s.text) or tuple(sorted(set(entry.actors)))
        events[s.index] = Event(
            id=event_id(entry.slug, s.text, when), when=when, title=s.text, actors=actors,
            kind=kind_of(s.text, vocab, config), status=status_of(s.text, when, dct, vocab),
            sources=(make_source(entry, s, used, when, tuple(every.get(s.index, ()))),))
    return events
