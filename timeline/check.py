"""`timeline check`: every date the tool read, how it read it, and where it is unsure.

Runs every stage of the build (so anything that would fail the build fails
here) but writes nothing. For each entry it lists each mention: the words, the
TIMEX3 value, the date a reader will see, what it was anchored on. It warns
where a reader could be misled:
- W421 a bare weekday ("vendredi") in a sentence whose tense does not say past or future;
- W422 "ce vendredi" in an article published on a Friday (today, or a week away?);
- W423 "en juin dernier" in an article published in June (this June, or last year's?);
- W424 a date read against the publication day that lands more than a year away;
- W425 a sentence that reads like a happening ("a signé", "ont attaqué") with no date;
- W426 a `reviewed:` item that no sentence starts with any more (stale).
An editor silences the warnings of one sentence with front matter
`reviewed: [{sentence: "<start of the sentence>", note: "why it is right"}]`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.events.dates import is_dated, when_of
from timeline.events.extract import mentions_by_sentence, normal_text
from timeline.events.vocab import Vocab, load_vocab
from timeline.model import Entry, Mention, Origin, Problem, Sentence
from timeline.problems import format_problem, sort_key, warning

FAR_DAYS = 366
WORD = re.compile(r"\w+")


@dataclass
class MentionCheck:
    mention: Mention
    line: int
    shown: str
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class EntryCheck:
    entry: Entry
    mentions: list[MentionCheck] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # sentence-level and stale reviews
    reviewed: int = 0  # warnings silenced by `reviewed:`


def _tenses(sentence: str, lang: str) -> set[str]:
    """'past'/'future' verb cues of the sentence, from the date engine's language data."""
    from timeline.temporal.context import find_cues
    from timeline.temporal.language import load_language

    try:
        return {kind for _, kind in find_cues(sentence, load_language(lang))}
    except (ValueError, OSError):
        return set()


def _distance(mention: Mention, dct: str) -> int:
    first, last, anchor = (date.fromisoformat(x) for x in (mention.earliest, mention.latest, dct))
    return max((anchor - last).days, (first - anchor).days, 0)


def mention_warnings(m: Mention, sentence: Sentence | None, entry: Entry, vocab: Vocab,
                     where: Origin) -> list[Problem]:
    words = [w.casefold() for w in WORD.findall(m.text)]
    day = next((vocab.weekdays.index(w) for w in words if w in vocab.weekdays), None)
    month = next((vocab.months.index(w) for w in words if w in vocab.months), None)
    relative = [w for w in words if w in vocab.this | vocab.last | vocab.next]
    published = entry.published.date()
    out: list[Problem] = []
    if day is not None and not relative and month is None and not any(w.isdigit() for w in words):
        tenses = _tenses(sentence.text if sentence else m.text, entry.lang)
        if len(tenses) != 1:
            out.append(warning("W421", f"bare weekday '{m.text}' read as {m.value}: the sentence's "
                               "tense does not say if it is the last or the next one", where,
                               f"write '{m.text} dernier' or '{m.text} prochain', or the date"))
    if day is not None and day == published.weekday() and any(w in vocab.this for w in words):
        out.append(warning("W422", f"'{m.text}' in an article published on that weekday "
                           f"({published.isoformat()}): read as {m.value}; it could mean a week away",
                           where, "write the date, or add a reviewed: item once checked"))
    if month is not None and month + 1 == published.month and any(w in vocab.last | vocab.next for w in words):
        out.append(warning("W423", f"'{m.text}' in an article published in that month "
                           f"({published.isoformat()}): read as {m.value}; this month or a year away?",
                           where, "write the year, or add a reviewed: item once checked"))
    if m.anchor == "dct" and is_dated(m) and _distance(m, published.isoformat()) > FAR_DAYS:
        out.append(warning("W424", f"'{m.text}' read as {m.value}, more than a year from the publication "
                           f"date {published.isoformat()}", where, "check the value; write the date if wrong"))
    return out


def check_entry(entry: Entry, sentences: list[Sentence], mentions: list[Mention], site_lang: str,
                *, shown: bool = True) -> EntryCheck:
    """The entry's mentions with the date readers see (unless `shown` is False) and warnings."""
    from timeline.display import show_when

    vocab = load_vocab(entry.lang)
    path = entry.origin.path if entry.origin else entry.path
    dct = entry.published.date().isoformat()
    grouped = mentions_by_sentence(sentences, mentions)
    reviews = [(normal_text(r.sentence), r) for r in entry.reviewed]
    used: set[int] = set()
    result = EntryCheck(entry)
    for s in sorted(sentences, key=lambda s: s.index):
        where = Origin(path, s.line)
        found: list[Problem] = []
        here: list[MentionCheck] = []
        for m in grouped.get(s.index, []):
            text = show_when(when_of(m, dct), site_lang).text if shown and m.earliest and m.latest else m.value
            here.append(MentionCheck(m, s.line, text, mention_warnings(m, s, entry, vocab, where)))
            found += here[-1].warnings
        result.mentions += here
        dated = any(m.type in ("DATE", "TIME") for m in grouped.get(s.index, []))
        verb = vocab.event_verb_re.search(s.text)
        if verb and not dated:
            w = warning("W425", f"'{verb.group(0)}' reads like a happening but the sentence has no date "
                        f"the rules understood: {s.text[:80]!r}", where,
                        "add the date to the sentence, an events: item, or a reviewed: item")
            result.warnings.append(w)
            found.append(w)
        key = normal_text(s.text)
        hit = next((i for i, (start, _) in enumerate(reviews) if key.startswith(start)), None)
        if hit is not None:
            used.add(hit)
            if found:
                result.reviewed += len(found)
                for mc in here:
                    mc.warnings = []
                result.warnings = [w for w in result.warnings if w not in found]
    for i, (_, review) in enumerate(reviews):
        if i not in used:
            result.warnings.append(warning("W426", f"reviewed: no sentence starts with "
                                           f"{review.sentence[:60]!r} any more (stale review)",
                                           review.origin or Origin(path),
                                           "update `sentence:` to the new wording, or remove the item"))
    return result


def date_warnings(entries: list[Entry], sentences: dict[str, list[Sentence]],
                  mentions: dict[str, list[Mention]]) -> list[Problem]:
    """The warnings of every entry (what `build --strict` fails on), without the report."""
    out: list[Problem] = []
    for entry in sorted(entries, key=lambda e: e.path):
        c = check_entry(entry, sentences.get(entry.slug, []), mentions.get(entry.slug, []), "", shown=False)
        out += [w for mc in c.mentions for w in mc.warnings] + c.warnings
    return out


def check_content(content_dir: str | os.PathLike[str], *, today: str | None = None,
                  drafts: bool = True) -> tuple[list[EntryCheck], list[Problem]]:
    """(report per entry, every problem: the build's, date warnings included)."""
    from timeline.pipeline import run
    from timeline.text import sentences as split_sentences

    _, problems, timeline = run(content_dir, today=today, drafts=drafts)
    if timeline is None:
        return [], problems
    checks = [check_entry(entry, split_sentences(entry), list(timeline.mentions.get(entry.slug, ())),
                          timeline.config.language)
              for entry in sorted(timeline.entries, key=lambda e: e.path)]
    return checks, problems


def _entry_json(c: EntryCheck) -> dict[str, Any]:
    return {"path": c.entry.origin.path if c.entry.origin else c.entry.path, "slug": c.entry.slug,
            "published": c.entry.published.isoformat(), "reviewed": c.reviewed,
            "mentions": [{**mc.mention.to_json(), "line": mc.line, "shown": mc.shown, "rule": mc.mention.rule,
                          "warnings": [format_problem(w) for w in mc.warnings]} for mc in c.mentions],
            "warnings": [format_problem(w) for w in c.warnings]}


def summary(checks: list[EntryCheck], problems: list[Problem]) -> dict[str, int]:
    return {"entries": len(checks), "mentions": sum(len(c.mentions) for c in checks),
            "errors": sum(p.level == "error" for p in problems),
            "warnings": sum(p.level == "warning" for p in problems),
            "reviewed": sum(c.reviewed for c in checks)}


def format_json(checks: list[EntryCheck], problems: list[Problem]) -> str:
    data = {"entries": [_entry_json(c) for c in checks],
            "problems": [format_problem(p) for p in sorted(problems, key=sort_key)],
            "summary": summary(checks, problems)}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def format_text(checks: list[EntryCheck]) -> str:
    lines = []
    for c in checks:
        e = c.entry
        day = load_vocab(e.lang).weekdays[e.published.weekday()]
        lines.append(f"{e.origin.path if e.origin else e.path}  (published {e.published.date().isoformat()}, {day})")
        for mc in c.mentions:
            m = mc.mention
            lines.append(f"  line {mc.line}: {m.text!r} -> {m.value}"
                         f"{' ' + m.mod if m.mod else ''} = {mc.shown!r} (anchor: {m.anchor}"
                         f"{', rule: ' + m.rule if m.rule else ''})")
            lines += [f"    {format_problem(w)}" for w in mc.warnings]
        lines += [f"  {format_problem(w)}" for w in c.warnings]
    return "\n".join(lines)
