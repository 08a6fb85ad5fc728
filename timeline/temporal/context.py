"""What a production sees: the matched groups, and the context it resolves against.

The context knows the publication date (DCT), the tense around a match (from the
language's tense cues), the caller's preference for tenseless phrases, and the
last day named in the text (for "le lendemain" or "à 14 h").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from timeline.temporal.language import Language


DAYS_KEPT = 8  # days named lately that a clock may fall on (Ctx.day_told)
CUE_REACH = 120  # characters: a verb further away belongs to another clause
AFTER_PENALTY = 20  # characters: a date follows its verb ("wrapped up their summit in Vilnius on Wednesday
#                    by telling Ukraine it will be invited"), so a verb after it counts as that much further
OWN_REACH = 24  # characters: a verb form starting this near before a date governs it (Ctx.tense_is_own)
_CLAUSE_BREAK = re.compile(r"[,;]")
SINCE_REACH = 60  # characters: a since word this near before a date may open the phrase it ends
HEADING_WORDS = 10  # a first sentence this short with no verb is a title ("Retour sur 2024.")
_ENTRY_END = re.compile(r"\s?(?::|[—–]|-(?=\s))\s")  # "Monday: …", "May 30 — …"


@dataclass(frozen=True)
class Tense:
    """What a tense (Ctx.tense) says of where its dates lie."""

    side: str | None  # the side of the DCT it points to (Ctx.side)
    reach: int | None = None  # days: a date set by a past act lies ahead when this near, else it is
    #                           the one gone by (productions._pick); None: the side decides alone
    weekday_ahead: bool = False  # a bare weekday is the coming one (relative.weekday)


TENSES = {
    "past": Tense("past"),
    "future": Tense("future", weekday_ahead=True),
    # a truce announced "for May 9": ahead only within two months
    "soon": Tense(None, reach=62, weekday_ahead=True),
    # the present of a calendar ("the Senate returns on Monday", « l'Assemblée, qui se réunit en
    # décembre », lexicon `tense.schedule`): ahead within half a year, else the one gone by
    "schedule": Tense(None, reach=183, weekday_ahead=True),
    # elections voted "to be held on 25 May": ahead within six months; "agreed to meet again on Monday"
    "plan": Tense("future", reach=183, weekday_ahead=True),
    # what was proposed: its dates like a plan's, but "proposed a swap on Monday" may date the proposal
    "proposal": Tense("future", reach=183),
    # a ban or a renewal "until" a date (Ctx._term_set_before): at most about nine months ahead
    "term": Tense("future", reach=274, weekday_ahead=True),
}


@dataclass
class Val:
    """A production's answer; resolve.py turns it into a Mention."""

    type: str
    value: str
    mod: str | None = None
    anchor: str = "dct"
    span: tuple[int, int] | None = None  # default: the whole match (or its `core` group)
    window: tuple[date, date] | None = None  # default: the value's own interval
    day: date | None = None  # a day later expressions may be anchored to
    year_open: bool = False  # a day or month written without its year, the year guessed from the DCT
    day_open: bool = False  # a clock no day of the text dated: its day is the DCT's, for want of another
    zone: str = ""  # UTC offset a clock was written in ("+09:00" for "2 h, heure locale" at Pyongyang)


class Groups:
    """The named groups of one match, read through the language's word classes."""

    def __init__(self, match: re.Match[str], classes: dict[str, tuple[str, ...]], language: Language):
        self.m = match
        self.classes = classes
        self.language = language

    def text(self, name: str) -> str | None:
        try:
            return self.m.group(name)
        except IndexError:
            return None

    def has(self, name: str) -> bool:
        return self.text(name) is not None

    def get(self, name: str, default: Any = None) -> Any:
        raw = self.text(name)
        if raw is None:
            return default
        value = self.language.lookup(self.classes.get(name, ()), raw)
        if value is None and name not in self.classes and raw.isdigit():
            value = int(raw)  # a group a rule writes as raw digits ("(?P<year>\d{4})") reads as its number
        return default if value is None else value

    def span(self, name: str) -> tuple[int, int] | None:
        return self.m.span(name) if self.has(name) else None


@dataclass
class Ctx:
    dct: date
    language: Language
    text: str
    prefer: str | None = None
    now: datetime | None = None
    sentences: list[int] = field(default_factory=lambda: [0])
    _cues: list[tuple[int, str]] | None = None  # (offset, kind), sorted; found on first use
    _since: dict[int, bool] = field(default_factory=dict)  # Ctx._in_since_phrase, by offset (tense asks it often)
    last_clock: tuple[datetime, int] | None = None  # (moment, offset) of the last clock time read
    # the last DAYS_KEPT days named: (day, offset, the part of it named: after "NI" the small hours
    # are the next day's)
    days: list[tuple[date, int, str]] = field(default_factory=list)
    span_ends: set[int] = field(default_factory=set)  # offsets of days that close a span ("de mardi à jeudi")
    last_year: tuple[int, int] | None = None  # (year, offset) of the last year named
    last_month: tuple[date, int] | None = None  # (its first day, offset) of the last month named
    last_part: tuple[date, int] | None = None  # (its first day, offset) of the last season, quarter or half named
    last_part_end: date | None = None  # and its last day (a winter ends in the next year)
    story_year: tuple[int, int] | None = None  # (year, offset) of the story told (resolve._follow_story)
    story_heading: bool = False  # that year was the heading's ("Looking back at 2023.")
    sets: list[tuple[str, int]] = field(default_factory=list)  # (value, offset) of the last sets named (habits)
    present_at: int = -1  # start of the last mention read from the DCT
    pos: int = 0  # start of the match being resolved
    last_weekday: tuple[int, str | None] | None = None  # (end, direction) of the last bare weekday
    recap_at: int = -1  # start of a mention naming the week as a whole ("La semaine en bref"), if any
    agenda: tuple[int, date] | None = None  # (start, Monday) of another week named as a whole (Ctx.tell_week)
    entry_day: tuple[date, str] | None = None  # the day a heading or a list entry named (Ctx.heads_entry)
    entry_opens_text: bool = False  # the text opens with an entry ("8 h 30 : …"), so it has no heading

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, pos) - 1
        end = self.sentences[i + 1] if i + 1 < len(self.sentences) else len(self.text)
        return self.sentences[i], end

    def tense(self, pos: int | None = None) -> str | None:
        """"past" / "future" from a lead word right before `pos` or the verb cue nearest to it in
        its sentence, else None. "soon": a date something was set for by a past act ("a annoncé
        une trêve pour le 9 mai"), which lies ahead if it is near, else back (productions._pick);
        "plan": a date in what was decided ("voted to hold elections on 25 May"), ahead within a
        longer reach; "proposal": the same for a date in what was proposed, not for a weekday."""
        pos = self.pos if pos is None else pos
        if self.right_after("since_words", pos) or self._in_since_phrase(pos):
            return "past"  # "for the first time since December": a state begun before, whatever the verb
        direction = self._lead_or_verb(pos)
        if direction in ("past", "soon", "schedule") and self._term_set_before(pos):
            return "term"
        return direction

    def _in_since_phrase(self, pos: int) -> bool:
        """Whether the date ends a phrase that a since word opens, with no verb or comma between
        ("les premières depuis la chute de Viktor Ianoukovitch en février"): what it dates began
        before, whatever the clause's verb."""
        if pos not in self._since:
            regex = self.language.phrases("since_words", between=r"\s+")
            start = max(self.sentence(pos)[0], pos - SINCE_REACH)
            ends = [m.end() for m in regex.finditer(self.text, start, pos)] if regex is not None else []
            self._since[pos] = (bool(ends) and not _CLAUSE_BREAK.search(self.text, ends[-1], pos)
                                and not self.has_cue(ends[-1], pos))
        return self._since[pos]

    def _term_set_before(self, pos: int) -> bool:
        """Whether the date ends a term that a past act set ("banned … until September 9", "la
        loi martiale a été prolongée jusqu'au 23 août"): after an `until_words` phrase, a
        `tense.term_set` word earlier in its sentence. Such a date lies ahead of the act, so ahead
        of the DCT unless far (productions._pick, TENSES); "the truce lasted until Friday"
        stays past."""
        regex = self.language.tense_term_set
        if regex is None or not self.right_after("until_words", pos):
            return False
        return regex.search(self.text, max(self.sentence(pos)[0], pos - CUE_REACH), pos) is not None

    def _lead_or_verb(self, pos: int) -> str | None:
        lead = self.language.lead
        if lead is not None:
            m = lead.search(self.text, max(0, pos - 24), pos)
            if m and m.groupdict().get("target"):  # "announced a truce for May 9", "prévues pour le 1er mars"
                verb = self._verb_tense(pos)
                return "soon" if verb == "past" else verb or "future"
            if m:
                return "past" if m.groupdict().get("past") else "future"
        return self._verb_tense(pos)

    def cues(self) -> list[tuple[int, str]]:
        """The text's verb cues (find_cues), found once, on first use."""
        if self._cues is None:
            self._cues = find_cues(self.text, self.language)
        return self._cues

    def tense_is_own(self) -> bool:
        """Whether the verb that gives the tense governs this date itself: the date opens its
        sentence, a preposition at most before it ("On Oct. 8, more troops will be moved"), or
        a verb form starts just before it ("Le sommet a eu lieu le 5 novembre", "The offensive
        began a week before Christmas").
        Then its tense decides the year even against nearness (productions.pick_in_year); a
        date further on belongs to what the verb is about ("announced on Monday a ceasefire
        between May 8 and 10")."""
        if len(self.text[self.sentence(self.pos)[0]:self.pos].split()) <= 1:  # "On Oct. 8, …", "Le 3 mars, …"
            return True
        cues = self.cues()
        lo = bisect.bisect_left(cues, (self.pos - OWN_REACH, ""))
        return any(kind in ("past", "future") and not _CLAUSE_BREAK.search(self.text, offset, self.pos)
                   for offset, kind in cues[lo:bisect.bisect_left(cues, (self.pos, ""))])

    def side(self) -> str | None:
        """The side of the DCT the tense points to: a plan or a proposal lies ahead like a
        future ("une conférence est prévue en avril"); a date set by a past act ("soon") may
        lie on either."""
        tense = TENSES.get(self.tense() or "")
        return tense.side if tense else None

    def _verb_tense(self, pos: int) -> str | None:
        start, end = self.sentence(pos)
        cues = self.cues()
        lo = bisect.bisect_left(cues, (start, ""))
        hi = bisect.bisect_left(cues, (end, ""))
        best: tuple[int, str] | None = None
        enclosed = self._in_relative_clause(start, pos)
        for offset, kind in cues[lo:hi]:
            distance = abs(offset - pos) + (AFTER_PENALTY if offset > pos else 0)
            if distance > CUE_REACH or (kind in ("plan", "proposal") and offset > pos):
                continue  # a plan dates what comes after it: "voted on Monday to hold elections"
            if (offset > pos and enclosed and "," in self.text[pos:offset]) or (
                    offset < pos and "," in self.text[offset:pos] and self._in_relative_clause(start, offset)):
                continue  # a relative clause closed between them: "La trêve, qui s'achève le 11 mai, a été
                #           annoncée", "The summit, which was confirmed on Thursday, runs from Oct. 22"
            if offset < pos and self._subject_between(offset, pos):
                continue  # a new clause with a subject of its own: "la sécheresse a aggravé la
                #           situation, et les éleveurs vendent leurs vaches avant l'hiver"
            if offset > pos and self._relative_between(pos, offset):
                distance += CUE_REACH  # a relative clause's verb: only when no other verb is near
            elif _CLAUSE_BREAK.search(self.text, min(offset, pos), max(offset, pos)):
                distance += CUE_REACH  # another clause's verb ("will travel on Monday, the White House
                #                        said"): only when the date's own clause has none
            if best is None or distance < best[0]:
                best = (distance, kind)
        if (best is None or best[1] == "present") and self.language.soft_lead is not None:
            m = self.language.soft_lead.search(self.text, max(0, pos - 24), pos)  # "dès lundi": ahead, unless a verb says
            if m:
                return "past" if m.groupdict().get("past") else "future"
        return best[1] if best and best[1] != "present" else None  # a present points to neither side

    def _relative_between(self, start: int, end: int) -> bool:
        """Whether another clause opens between two offsets: a relative pronoun (lexicon
        `relative_pronouns`: "le recensement de mars, qui devrait être affiné") or a clause
        joiner (`clause_joiners`: "transported between Oct. 8 and 13, and would be sent") —
        that later verb is not the date's tense."""
        regex = self.language.phrases("relative_pronouns", "clause_joiners")
        return regex is not None and regex.search(self.text, start, end) is not None

    def _subject_between(self, start: int, end: int) -> bool:
        """Whether a clause with its own subject opens between two offsets (lexicon
        `clause_subjects`: ", et les éleveurs", ", and they"): a verb before it is not the tense of a
        date after it."""
        regex = self.language.compiled("clause_subjects", _CLAUSE_SUBJECTS)
        return regex is not None and regex.search(self.text, start, end) is not None

    def _in_relative_clause(self, start: int, pos: int) -> bool:
        """Whether `pos` lies in a relative clause opened earlier in its sentence with no comma
        since ("Trump, qui entrera à la Maison Blanche le 20 janvier, a promis"): the main
        verb after the clause's closing comma is not the date's tense."""
        lo = max(start, pos - CUE_REACH)  # bounded: a long sentence of many dates stays linear
        comma = self.text.rfind(",", lo, pos)
        return self._relative_between(max(lo, comma), pos) if pos > lo else False

    def starts_sentence(self, pos: int) -> bool:
        """Whether only punctuation or a modifier word comes before `pos` in its sentence."""
        before = self.text[self.sentence(pos)[0]:pos]
        openers = self.language.meta.get("sentence_openers") or ()
        return not before.strip(" \t\n«»\"“”'(–—-:") or before.strip().lower() in openers

    def names_a_noun(self, start: int, end: int) -> bool:
        """Whether the date from `start` to `end` says which one of a noun's kind it is ("Tuesday's
        election", "le scrutin de dimanche", lexicon `noun_date`): the clause's verb is the noun's,
        not the date's."""
        before, after, not_after = (self.language.compiled(f"noun_date.{key}", _NOUN_DATE[key])
                                    for key in ("before", "after", "not_after"))
        if not_after is not None and not_after.match(self.text, end):
            return False
        return bool((after is not None and after.match(self.text, end))
                    or (before is not None and before.search(self.text, max(0, start - 24), start)))

    def in_heading(self, pos: int) -> bool:
        """Whether `pos` lies in a heading: the text's first sentence, short, with no verb and not itself
        an entry ("Jeudi 24 février, le récit.", "Looking back at 2023.", "2022 in five dates.";
        not "8.30am: Kyiv remains under curfew until Monday")."""
        start, end = self.sentence(pos)
        return (start == self.sentences[0] and not self.entry_opens_text and not self.has_cue(start, end)
                and len(self.text[start:end].split()) <= HEADING_WORDS)

    def dates_entries(self, start: int, end: int) -> bool:
        """Whether the day named from `start` to `end` dates the stamps that follow
        (Ctx.entry_day): it heads an entry itself or lies in the text's heading. An entry that
        opens the text is noted: such a text (a live blog) has no heading."""
        if self.heads_entry(start, end):
            self.entry_opens_text = self.entry_opens_text or self.sentence(start)[0] == self.sentences[0]
            return True
        return self.in_heading(start)

    def heads_entry(self, start: int, end: int) -> bool:
        """Whether the expression heads an entry of a list — it opens its sentence and a colon or a
        dash follows ("Monday: Wagner says…", "31 mars : il arrive en tête", "May 30 — …"): the
        entry is what happened then, whatever tense its headline verb is in."""
        return self.starts_sentence(start) and _ENTRY_END.match(self.text, end) is not None

    def year_in_sentence(self) -> int | None:
        """The year named earlier in the same sentence when it frames this expression: it opens
        the sentence ("En 2014, … le 18 mars") or shares its clause (no verb between: "en 97
        (en janvier …, en octobre …)"), and the tense here does not point the other way. A year inside a detached
        clause frames only that clause: "Créé en 2009, ce panel cessera ses travaux fin avril"
        is this year's April."""
        if self.last_year is None:
            return None
        year, offset = self.last_year
        if self.sentence(offset)[0] != self.sentence(self.pos)[0]:
            return None
        side = self.side()
        if (side == "future" and year < self.dct.year) or (side == "past" and year > self.dct.year):
            return None
        if self.starts_sentence(offset):
            return year
        return None if self.has_cue(offset, self.pos) else year

    def framing_year(self, month: int | None = None, day: int | None = None) -> int | None:
        """The year a day or month written without one belongs to: one named in its sentence
        (year_in_sentence), else the year of a story the text tells ("Le 24 février 2022, la
        Russie envahit l'Ukraine. En mars, …" is March 2022). A story's year holds from an
        earlier sentence until a date is read from the DCT ("hier", "cette semaine"), and not
        for a tense pointing the other way from the DCT's year ("En 2014, … Le 3 mars, il se
        rendra à Kiev" is the coming March). A `month` inside the season the text last named,
        in the year after the story's, is that one: "À l'été 2022, … Pendant l'hiver, la ville se
        vide : il restait quelques milliers d'habitants en janvier" is January 2023."""
        year = self.year_in_sentence()
        told_here = year is not None
        year = year if told_here else self._story_year()
        if year is None or month is None:
            return year
        if self.last_part and self.last_part_end:
            first, last = self.last_part[0], self.last_part_end
            if first.year == year < last.year and date(year + 1, month, 1) <= last:
                return year + 1
        return year if told_here else self._onward(year, month, day)

    def _onward(self, year: int, month: int, day: int | None) -> int:
        """A story told in the present moves on: in "Octobre 2023 : Moscou lance l'offensive.
        Mi-janvier, les assaillants s'infiltrent", or "31 décembre 2018 : il annonce sa
        candidature. 31 mars : il arrive en tête", the date that would fall before the last point
        told is the next one after it, when that is not past the DCT. A past tense may look back
        ("Le 24 février 2022, la Russie a envahi l'Ukraine. En janvier, Washington avait
        prévenu"), so it keeps the story's year."""
        told = self.last_told()
        if told is None or told.year not in (year, year + 1) or self.side() == "past":
            return year
        since = told if day else told.replace(day=1)
        for y in (told.year, told.year + 1):
            try:
                d = date(y, month, day or 1)
            except ValueError:  # 29 February
                continue
            if d >= since:
                return y if y > year and d <= self.dct else year
        return year

    def _story_year(self) -> int | None:
        if self.story_year is None:
            return None
        year, offset = self.story_year
        if (year == self.dct.year and not self.story_heading) or self.sentence(offset)[0] == self.sentence(self.pos)[0]:
            return None  # this year's story reads as the tense says; a sentence's own year is year_in_sentence's
        if self.right_after("since_words", self.pos):
            return None  # "She has rarely left her cellar since January": a state reaching the DCT
        return year if (self.side() == "future") == (year > self.dct.year) else None

    @property
    def last_day(self) -> date | None:
        """The day the text named last, which "le lendemain" counts from."""
        return self.days[-1][0] if self.days else None

    @property
    def last_day_at(self) -> int:
        """Start of the mention that gave `last_day` (-1: none yet)."""
        return self.days[-1][1] if self.days else -1

    def last_told(self) -> date | None:
        """The latest point the text named — a day, a month, a season (its first day) or a year
        (1 January) — that "that April", "l'hiver suivant" are counted from."""
        told = [(at, d) for d, at in ((self.last_day, self.last_day_at),
                                      self.last_month or (None, -1), self.last_part or (None, -1),
                                      (date(self.last_year[0], 1, 1), self.last_year[1]) if self.last_year else (None, -1))
                if d is not None]
        return max(told)[1] if told else None

    def tell_week(self, day: date) -> None:
        """Keep the week a mention names as a whole, other than the DCT's ("Week ahead: Monday, …",
        "la semaine du 7 octobre : lundi, …", "La semaine dernière : mardi, …"): a weekday said
        after it with no tense of its own is one of its days (relative.weekday)."""
        self.agenda = (self.pos, day - timedelta(days=day.isoweekday() - 1))

    def tell_day(self, day: date, at: int, part: str) -> None:
        """Keep a day the text names (resolve.py), for `last_day` and `day_told`."""
        self.days.append((day, at, part))
        del self.days[:-DAYS_KEPT]

    def day_told(self) -> tuple[date, str] | None:
        """The day (and the part of it it was named by) that a clock or a part of the day without
        a day of its own falls on: the last one named ("Le 24 février, … À 5 h"); but from an
        earlier sentence, the last one on the side of the DCT the tense here points to ("Réunis
        lundi, … se revoir dans quatre mois. Les discussions se sont prolongées tard dans la
        soirée": Monday's; "since the war began 300 days ago. He is expected to meet Biden at 2
        p.m.": none, so the DCT's). A day that closes a span is not where an earlier sentence's
        story stands ("se retrouvent de mardi à jeudi. Biden doit annoncer dans la soirée")."""
        if not self.days:
            return None
        here = self.sentence(self.pos)[0]
        side = None
        for day, at, part in reversed(self.days):
            if self.sentence(at)[0] == here:
                return day, part
            side = side or self.side() or "none"
            if at not in self.span_ends and not ((side == "future" and day < self.dct) or (side == "past" and day > self.dct)):
                return day, part
        return None

    def habit_told(self) -> str | None:
        """The days of a habit a clock belongs to: "chaque mardi à 15 h" is every Tuesday's 15:00
        (XXXX-WXX-2), "du lundi au samedi de 9 h à 19 h", "chaque soir à 21 h" any day's
        (XXXX-XX-XX). Only a habit named in the clock's sentence after the last day named there."""
        start = self.sentence(self.pos)[0]
        day_at = self.last_day_at if self.last_day_at >= start else start - 1
        here = [value for value, at in self.sets if day_at < at < self.pos]
        if not here:
            return None
        weekdays = {v[:10] for v in here if v.startswith("XXXX-WXX-") and v[9:10].isdigit()}
        return weekdays.pop() if len(here) == 1 and len(weekdays) == 1 else "XXXX-XX-XX"

    def has_cue(self, start: int, end: int) -> bool:
        """Whether a verb form of either tense lies between two offsets (a clause boundary)."""
        cues = self.cues()
        i = bisect.bisect_left(cues, (start, ""))
        return i < len(cues) and cues[i][0] < end

    def after_word(self, key: str, reach: int) -> bool:
        """Whether a word of the lexicon list `key` comes shortly before the match in its sentence
        (`span_cues`: "first", "not", a superlative — after them "in 24 years" is a duration)."""
        regex = self.language.phrases(key, between=r"\s+")
        if regex is None:
            return False
        start = max(self.sentence(self.pos)[0], self.pos - reach)
        return regex.search(self.text, start, self.pos) is not None

    def right_after(self, key: str, pos: int) -> bool:
        """Whether a phrase of the lexicon list `key` ends right before `pos`, spaces apart at most,
        or opens the match there (`since_words`: "depuis février 2014" is a state reaching the
        present)."""
        regex = self.language.phrases(key, between=r"\s+")
        return said_before(regex, self.text, pos) or (regex is not None and regex.match(self.text, pos) is not None)

    def coordinated(self, end: int, start: int) -> bool:
        """Whether only a coordinating word (lexicon `coordinators`: "et", "ou", ",") lies
        between an earlier expression ending at `end` and one starting at `start`."""
        gap = self.gap(end, start)
        words = self.language.meta.get("coordinators") or ()
        return gap is not None and any(gap == str(w).lower() or gap == f", {str(w).lower()}" for w in words)

    def joined_as_range(self, end: int, start: int, first: int | None = None) -> bool:
        """Whether a word of the lexicon's `range_connectors` ("to", "au") alone joins an
        expression ending at `end` to one starting at `start`: the two ends of one span; or,
        the first expression starting at `first` right after a `range_openers` word ("entre",
        "between"), a word of `range_pair_joiners` ("et", "and")."""
        gap = self.gap(end, start)
        if gap is None:
            return False
        meta = self.language.meta
        if gap in {str(w).lower() for w in meta.get("range_connectors") or ()}:
            return True
        return (first is not None and gap in {str(w).lower() for w in meta.get("range_pair_joiners") or ()}
                and said_before(self.language.phrases("range_openers"), self.text, first))

    def gap(self, end: int, start: int) -> str | None:
        """The few words between two expressions, spaces made one and lower case; None when
        they are more than a joining word apart."""
        return " ".join(self.text[end:start].split()).lower() if 0 <= start - end <= 12 else None

    def direction(self) -> tuple[str | None, str]:
        """Which way a tenseless-by-itself expression points, and why ("tense"/"recap"/"prefer"/"").
        After the text named the week as a whole ("The week in review. Monday: Wagner says…"),
        a day said with no tense is one of the days it recounts."""
        tense = self.tense()
        if tense:
            return tense, "tense"
        if 0 <= self.recap_at < self.pos:
            return "past", "recap"
        if self.prefer in ("past", "future"):
            return self.prefer, "prefer"
        return None, ""


def _listed_regexes(*path: str) -> Callable[[Language], re.Pattern[str] | None]:
    """A builder (Language.compiled) of one regex from a lexicon list of regexes, found under
    `path` ("clause_subjects"; "noun_date", "after")."""
    def build(language: Language) -> re.Pattern[str] | None:
        node: Any = language.meta
        for key in path:
            node = (node or {}).get(key)
        return re.compile("|".join(f"(?:{c})" for c in node), re.IGNORECASE) if node else None
    return build


_CLAUSE_SUBJECTS = _listed_regexes("clause_subjects")
_NOUN_DATE = {key: _listed_regexes("noun_date", key) for key in ("before", "after", "not_after")}


def said_before(words: re.Pattern[str] | None, text: str, at: int) -> bool:
    """Whether one of `words` ends right before offset `at` (up to 24 characters back)."""
    before = text[max(0, at - 24):at]
    return words is not None and any(not before[h.end():].strip() for h in words.finditer(before))


def find_cues(text: str, language: Language) -> list[tuple[int, str]]:
    """Offsets of past, future, present and scheduling verb forms in the text (one pass per
    tense), and the ends of the plans and proposals they make (lexicon `tense.plan`: "voted to
    hold elections"; `tense.proposal`: "proposing talks"), from where the dates in them are read."""
    cues: list[tuple[int, str]] = []
    for kind, regex in (("past", language.tense_past), ("future", language.tense_future),
                        ("present", language.tense_present), ("schedule", language.tense_schedule)):
        if regex is not None:
            cues.extend((m.start(), kind) for m in regex.finditer(text))
    for kind, regex in (("plan", language.tense_plan), ("proposal", language.tense_proposal)):
        if regex is not None:
            cues.extend((m.end(), kind) for m in regex.finditer(text))
    cues.sort()
    return cues
