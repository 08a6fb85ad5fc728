"""The vocabulary every stage shares: plain frozen dataclasses, no behaviour.

Data flows one way (see DESIGN.md):
Entry -> Sentence -> Mention -> Event -> Timeline -> Page.
Dates inside these objects are ISO strings ("2024-10-18") so that they sort,
compare, hash and serialise without surprises; datetimes carry their offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Origin:
    """Where something came from, for messages an editor can act on."""

    path: str
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class Problem:
    """A finding of any stage. Problems are values, never exceptions."""

    level: Level
    code: str  # stable id, e.g. "E012" (errors) / "W003" (warnings)
    message: str
    origin: Origin | None = None
    hint: str = ""


@dataclass(frozen=True)
class Kind:
    key: str  # "diplomatic"
    label: str  # "Diplomatie"


@dataclass(frozen=True)
class Actor:
    key: str  # slug, "coree-du-nord"
    name: str  # "Corée du Nord"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """content/timeline.yml + content/actors.yml, validated."""

    title: str
    description: str = ""
    language: str = "fr"
    base_url: str = "/"
    timezone: str = "Europe/Paris"
    theme: str = "default"
    kinds: tuple[Kind, ...] = ()
    actors: tuple[Actor, ...] = ()
    root: str = "."  # the content folder
    origin: Origin | None = None
    max_body_bytes: int = 1_048_576  # an entry's Markdown body above this is refused (timeline.yml: max_body_kb)
    require_offset: bool = False  # timeline.yml: every `published` must carry its UTC offset


@dataclass(frozen=True)
class EventOverride:
    """An editor's `events:` entry in front matter: adds or corrects an event."""

    date: str  # as written: "2024-06-19" or a phrase read against `published`
    title: str = ""
    kind: str = ""
    actors: tuple[str, ...] = ()
    quote: str = ""
    origin: Origin | None = None


@dataclass(frozen=True)
class Review:
    """A front-matter `reviewed:` item: the editor checked the dates of one sentence,
    so `timeline check` stops warning about it (and reports it stale once no sentence
    starts with these words any more)."""

    sentence: str  # the start of the sentence, as written
    note: str = ""
    origin: Origin | None = None


@dataclass(frozen=True)
class Entry:
    """One content file: validated front matter + Markdown body."""

    path: str  # posix path relative to the content folder
    slug: str
    title: str
    published: datetime  # timezone-aware
    source: str
    url: str = ""
    lang: str = "fr"
    tags: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # actor keys
    draft: bool = False
    events: tuple[EventOverride, ...] = ()
    ignore: tuple[str, ...] = ()
    body: str = ""  # Markdown, as written (BOM and CRLF normalised)
    body_line: int = 1  # line of the file where the body starts
    html: str = ""  # the body rendered and sanitised
    text: str = ""  # the plain text of `html`; Sentence/Mention offsets index it
    origin: Origin | None = None
    field_lines: tuple[tuple[str, int], ...] = ()  # (front-matter key, its line in the file)
    reviewed: tuple[Review, ...] = ()  # `timeline check` warnings looked at


@dataclass(frozen=True)
class Sentence:
    entry: str  # Entry.slug
    index: int
    text: str
    start: int  # offsets into Entry.text, end exclusive
    end: int
    line: int = 0  # line in the source file, for messages


@dataclass(frozen=True)
class Mention:
    """One temporal expression (TimeML TIMEX3), the contract of DESIGN.md."""

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    earliest: str | None = None  # ISO date, inclusive; None for DURATION/SET
    latest: str | None = None
    anchor: Literal["absolute", "dct", "text"] = "absolute"
    rule: str = ""  # the rule that produced it, for `timeline check`
    # UTC offset the text gave a clock in ("2 heures du matin, heure locale" at Pyongyang: "+09:00");
    # `value` is that moment in the publication's zone. Not in to_json: the site shows the clock as written.
    zone: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "earliest": self.earliest,
            "latest": self.latest,
            "anchor": self.anchor,
        }


@dataclass(frozen=True)
class When:
    """When an event happened, at the precision the text gives."""

    value: str  # TIMEX3 value ("2024-06", "2024-W42-WE", "PAST_REF")
    earliest: str  # ISO date, inclusive
    latest: str
    mod: str | None = None
    end_value: str | None = None  # for a range: the value of its last mention
    anchor: str = "absolute"
    dct: str = ""  # publication date it was read against (vague values need it)
    zone: str = ""  # UTC offset of that publication ("+01:00"): the zone a clock time is shown in


Status = Literal["occurred", "reported", "expected"]


@dataclass(frozen=True)
class Source:
    """One report of an event: which entry said it, and the exact words."""

    entry: str  # Entry.slug
    outlet: str  # Entry.source
    url: str
    published: str  # ISO datetime with offset
    quote: str  # the sentence
    spans: tuple[tuple[int, int], ...] = ()  # date expressions, offsets into quote
    start: int = 0  # offsets of the quote in Entry.text
    end: int = 0
    when: When | None = None  # this source's own reading of the date
    # the quote's other temporal expressions (durations, other dates), offsets into quote: merging
    # compares dates by value and leaves their words out ("depuis 2019" is not a figure two reports share)
    elsewhere: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Event:
    id: str  # stable: derived from the first source's entry and quote
    when: When
    title: str
    actors: tuple[str, ...]
    kind: str
    status: Status
    sources: tuple[Source, ...]
    disputed: bool = False  # sources disagree on `when`; each Source keeps its own
    # ids the event had before other reports joined it (each report's own event id): their
    # pages redirect here, so a link published before a merge keeps working
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timeline:
    config: Config
    entries: tuple[Entry, ...]
    events: tuple[Event, ...]  # newest first, by a total key
    by_actor: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> event ids
    by_kind: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_month: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "2024-06"
    by_source: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)  # entry slug -> mentions
    today: str = ""  # the build's "now" (ISO date): "still expected" / "overdue" are relative to it


@dataclass(frozen=True)
class Page:
    url: str  # site-relative, "events/abc123/" or "events.json"
    template: str = ""  # Jinja2 template name; empty for generated data
    context: dict[str, Any] = field(default_factory=dict)
    media_type: str = "text/html"
    body: bytes | None = None  # set for pages that need no template
