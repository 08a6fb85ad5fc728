"""`timeline check`: every date the tool read, how it read it, and where it is unsure.

Runs every stage of the build (so anything that would fail the build fails
here) but writes nothing: each page is rendered, link-checked and dropped, as
the build streams them. For each entry it lists each mention: the words, the
TIMEX3 value, the date a reader will see, what it was anchored on. It warns
where a reader could be misled:
- W421 a tenseless day or month ("vendredi", "le 5 novembre", "en mars") whose direction the
  date engine guessed (no verb or lead word says past or future) or took against the nearest
  verb, where the other reading ("vendredi" a week on, "mars" a year on) is about as near;
- W422 "ce vendredi" in an article published on a Friday (today, or a week away?);
- W423 "en juin dernier" in an article published in June (this June, or last year's?);
- W424 a date read against the publication day that lands more than a year away;
- W425 a sentence that reads like a happening ("a signé", "ont attaqué") with no date;
- W426 a `reviewed:` item that no sentence starts with any more, or whose sentence has no
  warning left to silence (stale).
An editor silences the warnings of one sentence with front matter
`reviewed: [{sentence: "<start of the sentence>", note: "why it is right"}]`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from timeline.events.dates import is_dated, when_of
from timeline.events.extract import dct_of, mentions_by_sentence, normal_text, zone_of
from timeline.events.vocab import Vocab, load_vocab
from timeline.model import Entry, Mention, Origin, Problem, Sentence
from timeline.problems import format_problem, sort_key, warning

FAR_DAYS = 366
LEAD_REACH = 40  # characters before an expression where a lead word may stand
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


def _distance(mention: Mention, dct: str) -> int:
    first, last, anchor = (date.fromisoformat(x) for x in (mention.earliest, mention.latest, dct))
    return max((anchor - last).days, (first - anchor).days, 0)


def _days_off(first: date, last: date, dct: date) -> int:
    return max((dct - last).days, (first - dct).days, 0)


def _year_on(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _other_reading(first: date, last: date, dct: date, step: str) -> int:
    """Days from the publication date to the same words read the other way: the weekday a
    week on the other side, the day or month a year on the other side (either side if the
    reading holds the publication day)."""
    def shifted(k: int) -> tuple[date, date]:
        if step == "week":
            return first + timedelta(days=7 * k), last + timedelta(days=7 * k)
        return _year_on(first, k), _year_on(last, k)
    ways = [1] if last < dct else [-1] if first > dct else [1, -1]
    return min(_days_off(*shifted(k), dct) for k in ways)


def _tenseless_step(words: list[str], vocab: Vocab) -> str | None:
    """"week" for a bare weekday, "year" for a day or month without its year, None when the
    words fix the date themselves (a year, "dernier", "ce", a weekday with its day number)."""
    if any(w in vocab.this | vocab.last | vocab.next or (w.isdigit() and len(w) > 2) for w in words):
        return None
    if any(w in vocab.months for w in words):
        return "year"
    if any(w in vocab.weekdays for w in words) and not any(c.isdigit() for w in words for c in w):
        return "week"
    return None


def _reach() -> int:
    """Characters each side of an expression that can change how the engine reads its direction:
    twice the engine's verb reach (context.CUE_REACH), so that the sentence bounds found in that
    window are those of the whole text. Reading a window, not the entry, keeps check linear."""
    from timeline.temporal.context import CUE_REACH

    return 2 * CUE_REACH + 60


def _nearest_cue(sentence: str, pos: int, lang: str) -> tuple[str | None, bool]:
    """(tense of the verb nearest to `pos` in the sentence, whether a lead word right before
    `pos` fixes the direction: "depuis", "d'ici", a participle as in "signé en")."""
    from timeline.temporal.context import find_cues
    from timeline.temporal.language import load_language

    language = load_language(lang)
    lo = max(0, pos - _reach())
    window, pos = sentence[lo:pos + _reach()], pos - lo
    cues = find_cues(window, language)
    nearest = min(cues, key=lambda c: abs(c[0] - pos))[1] if cues else None
    lead = language.lead is not None and language.lead.search(window, max(0, pos - LEAD_REACH), pos) is not None
    return nearest, lead


def direction_doubt(m: Mention, sentence: Sentence, entry: Entry, vocab: Vocab) -> str | None:
    """Why the direction of a tenseless day or month is in doubt, or None: the engine
    guessed (no verb or lead word says past or future), or its grammar went against the
    nearest verb, and the other reading is not much farther than the one taken."""
    from timeline.temporal import direction_at

    step = _tenseless_step([w.casefold() for w in WORD.findall(m.text)], vocab)
    if step is None or m.anchor != "dct" or not (m.earliest and m.latest):
        return None
    dct = entry.published.date()
    first, last = date.fromisoformat(m.earliest), date.fromisoformat(m.latest)
    taken, other = _days_off(first, last, dct), _other_reading(first, last, dct, step)
    if other > max(2 * taken, 7):
        return None  # "le 20 janvier" said on 16 January: a year back is no reading
    lo = max(0, m.start - _reach())
    try:
        said = direction_at(entry.text[lo:m.end + _reach()], m.start - lo, dct, entry.lang)
        nearest, lead = _nearest_cue(sentence.text, m.start - sentence.start, entry.lang)
    except (ValueError, OSError):
        return None
    if said is None:
        return "no verb or lead word of the sentence says if it is past or future (the nearest reading was taken)"
    if nearest is not None and nearest != said and not lead:
        return f"read as {said} although the nearest verb is {nearest}"
    return None


def mention_warnings(m: Mention, sentence: Sentence | None, entry: Entry, vocab: Vocab,
                     where: Origin) -> list[Problem]:
    words = [w.casefold() for w in WORD.findall(m.text)]
    day = next((vocab.weekdays.index(w) for w in words if w in vocab.weekdays), None)
    month = next((vocab.months.index(w) for w in words if w in vocab.months), None)
    published = entry.published.date()
    out: list[Problem] = []
    doubt = direction_doubt(m, sentence, entry, vocab) if sentence is not None else None
    if doubt:
        hint = (f"add '{min(vocab.last)}' or '{min(vocab.next)}' to '{m.text}', or write the date"
                if month is None else "write the year, or add a reviewed: item once checked")
        out.append(warning("W421", f"'{m.text}' read as {m.value}: {doubt}", where, hint))
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
    vocab = load_vocab(entry.lang)
    path = entry.origin.path if entry.origin else entry.path
    grouped = mentions_by_sentence(sentences, mentions)
    reviews = [(normal_text(r.sentence), r) for r in entry.reviewed]
    used: set[int] = set()  # reviews whose sentence is there
    silencing: set[int] = set()  # reviews that silence a warning
    result = EntryCheck(entry)
    for s in sorted(sentences, key=lambda s: s.index):
        where = Origin(path, s.line)
        found: list[Problem] = []
        here: list[MentionCheck] = []
        for m in grouped.get(s.index, []):
            here.append(MentionCheck(m, s.line, m.value, mention_warnings(m, s, entry, vocab, where)))
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
                silencing.add(hit)
                result.reviewed += len(found)
                for mc in here:
                    mc.warnings = []
                result.warnings = [w for w in result.warnings if w not in found]
    for i, (_, review) in enumerate(reviews):
        where = review.origin or Origin(path)
        if i not in used:
            result.warnings.append(warning("W426", f"reviewed: no sentence starts with "
                                           f"{review.sentence[:60]!r} any more (stale review)", where,
                                           "update `sentence:` to the new wording, or remove the item"))
        elif i not in silencing:  # the engine now reads the sentence without doubt
            result.warnings.append(warning("W426", f"reviewed: the sentence starting with "
                                           f"{review.sentence[:60]!r} has no warning left to silence "
                                           "(stale review)", where,
                                           "remove the item: check reads this sentence without doubt now"))
    if shown:
        show_dates(result, site_lang)
    return result


def show_dates(check: EntryCheck, site_lang: str) -> None:
    """Fill in the date a reader of the site sees for each mention (the report of `check`)."""
    from timeline.display import show_when

    dct, zone = dct_of(check.entry), zone_of(check.entry)
    for mc in check.mentions:
        m = mc.mention
        if m.earliest and m.latest:
            mc.shown = show_when(when_of(m, dct, zone), site_lang).text


def check_entries(entries: list[Entry], sentences: dict[str, list[Sentence]],
                  mentions: dict[str, list[Mention]]) -> list[EntryCheck]:
    """Every entry's check, by path, without the dates shown (the build needs only the warnings)."""
    return [check_entry(entry, sentences.get(entry.slug, []), mentions.get(entry.slug, []), "", shown=False)
            for entry in sorted(entries, key=lambda e: e.path)]


def warnings_of(checks: list[EntryCheck]) -> list[Problem]:
    """The date warnings of the checks (what `build --strict` fails on)."""
    return [w for c in checks for w in [w for mc in c.mentions for w in mc.warnings] + c.warnings]


def date_warnings(entries: list[Entry], sentences: dict[str, list[Sentence]],
                  mentions: dict[str, list[Mention]]) -> list[Problem]:
    """The warnings of every entry (what `build --strict` fails on), without the report."""
    return warnings_of(check_entries(entries, sentences, mentions))


def check_content(content_dir: str | os.PathLike[str], *, today: str | None = None,
                  drafts: bool = True) -> tuple[list[EntryCheck], list[Problem]]:
    """(report per entry, every problem: the build's, date warnings included). The checks are
    the ones the build made for its warnings; only the dates readers see are added here."""
    from timeline.pipeline import run_stages

    # pages are rendered and link-checked one at a time, then dropped: at 20,000 articles the
    # rendered site held whole was most of check's memory (bench/README.md)
    result = run_stages(content_dir, today=today, drafts=drafts, keep_files=False)
    timeline = result.timeline
    if timeline is None:
        return [], result.problems
    if result.analysis is not None:
        checks = result.analysis.checks
    else:  # the content was read but no site could be planned (a theme error): read it for the report
        from timeline.text import sentences as split_sentences

        checks = check_entries(list(timeline.entries), {e.slug: split_sentences(e) for e in timeline.entries},
                               {slug: list(found) for slug, found in timeline.mentions.items()})
    for c in checks:
        show_dates(c, timeline.config.language)
    return checks, result.problems


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
