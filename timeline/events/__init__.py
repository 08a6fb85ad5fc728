"""Events: sentences with dates become events; reports of one happening merge.

Public API:
- `extract_events(entry, sentences, mentions, config) -> (events, problems)`
- `merge_events(events) -> events`

Where to look: extract.py (auto events), dates.py (which date a sentence
gives), classify.py (kind, status), actors.py, overrides.py (the editor's
`events:`), merge.py (several reports -> one event), lang/*.yaml (words).
"""

from __future__ import annotations

from timeline.events.extract import auto_events
from timeline.events.merge import merge_events
from timeline.events.overrides import apply_overrides
from timeline.model import Config, Entry, Event, Mention, Problem, Sentence

__all__ = ["extract_events", "merge_events"]


def extract_events(entry: Entry, sentences: list[Sentence], mentions: list[Mention],
                   config: Config | None) -> tuple[list[Event], list[Problem]]:
    """The events of one entry (auto + editor overrides), in text order, unique ids."""
    auto = auto_events(entry, sentences, mentions, config)
    events, problems = apply_overrides(entry, sentences, auto, config)
    unique: dict[str, Event] = {}
    for event in events:
        unique.setdefault(event.id, event)  # the same sentence twice with the same date
    ordered = sorted(unique.values(), key=lambda e: (e.sources[0].start, e.sources[0].end, e.id))
    return ordered, problems
