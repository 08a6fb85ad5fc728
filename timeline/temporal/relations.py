"""What the mentions of one text say of each other, once each was read on its own.

A year said once for two dates ("le 3 mars et le 5 avril 2022"), the two ends of a range
("from May 8 to May 10", "de samedi 18 heures à dimanche minuit"), a clock and the day its
clause names ("de 8 h à 22 h … mardi", "9am on Saturday"), a count joined to a day ("two
days after February 24"), a signal word's mod ("après le 1er novembre"), midnight that ends
its day, a night told of on the day of the saying. Each pass is one step per mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from timeline.model import Mention
from timeline.temporal.context import Ctx, said_before
from timeline.temporal.dates import pick_range
from timeline.temporal.language import Language, normalise
from timeline.temporal.timex import interval, iso, narrow, on_part_of_day, safe_date, shift

CLOCK_DAY_REACH = 80  # characters from a clock to the day its clause names after it
_COLON = re.compile(r"\s:|:\s")  # a colon between words, not one inside a clock ("04:00")
_COUNTED = re.compile(r"P(T?)(\d+)([DWMYHM])$")
_WHOLE_HOURS = re.compile(r"PT(\d+)H$")
_GAP = re.compile(r"\s+")
_CLOCK_ALONE = ("clock", "clock_pair")  # the productions of a clock that names no day
_MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(?:-\d\d)?$")


def relate(mentions: list[Mention], open_years: set[int], open_days: set[int], ctx: Ctx) -> list[Mention]:
    """The passes, in the order they need: years first, then clocks and their days, then
    what reads the joined mentions (a span's end, a night, midnight)."""
    text, language = ctx.text, ctx.language
    out = mentions
    if open_years:
        out = _range_years(_year_said_once(_same_day_named_again(out, open_years, ctx), open_years, ctx), open_years, ctx)
    out = _offset_from_day(_signal_mods(out, ctx), text, language)
    out = _join_day_and_clock(_clock_before_day(_clocks_on_the_day_after_them(out, open_days, ctx), text), text, language)
    out = _night_before_the_saying(_range_ends_after_start(out, ctx), ctx)
    out = _clock_keeps_its_day(_midnight_ends_its_day(out, text, language), mentions, text, language)
    return _standing_hours(_hours_said_with_a_clock(out, ctx), mentions, ctx)


def _hours_said_with_a_clock(mentions: list[Mention], ctx: Ctx) -> list[Mention]:
    """"On nous a dit midi et demi, puis 14 heures", "il est 9 heures, ou 10 heures si…": a
    count of hours coordinated with the clock right before it (lexicon `coordinators`) is a
    clock of its day too, not how long something lasts."""
    out = list(mentions)
    for i in range(1, len(out)):
        clock, hours = out[i - 1], out[i]
        count = _WHOLE_HOURS.match(hours.value) if hours.type == "DURATION" and hours.mod is None else None
        if count is None or not _is_clock(clock) or not 0 < int(count[1]) < 24 or not ctx.coordinated(clock.end, hours.start):
            continue
        if _says_a_length(ctx, hours.end):
            continue  # "une heure de sommeil en moins", "à 21 h, deux heures plus tôt": how long
        out[i] = _revalued(replace(hours, type="TIME"), f"{clock.value[:10]}T{int(count[1]):02d}:00", clock.anchor)
    return out


def _standing_hours(mentions: list[Mention], read: list[Mention], ctx: Ctx) -> list[Mention]:
    """"le couvre-feu s'applique de 23 h à 5 h", "crossing points will be open from 7 a.m. to 6
    p.m.": the two ends of a span of hours, in a sentence that names no day and speaks of a
    standing schedule (lexicon `schedule_words`), are hours of any day (TimeML SET
    XXXX-XX-XXT23:00), not of the day of publication. `read`: the mentions as first read, before
    a day was joined to its clock ("de 17 heures ce samedi")."""
    words = ctx.language.phrases("schedule_words", between=r"\s+")
    if words is None:
        return mentions
    out = list(mentions)
    days = sorted(m.start for m in read if _is_day(m))  # where days were named, searched by sentence
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not (_clock_alone(a, ctx.language) and _clock_alone(b, ctx.language)) or not ctx.joined_as_range(a.end, b.start, a.start):
            continue
        start, end = ctx.sentence(a.start)
        named = bisect.bisect_left(days, start)
        if (named < len(days) and days[named] < end) or not words.search(ctx.text, start, end):
            continue
        out[i], out[i + 1] = (replace(m, type="SET", value="XXXX-XX-XX" + m.value[10:], earliest=None, latest=None,
                                      anchor="absolute") for m in (a, b))
    return out


def _mod_words(language: Language, key: str) -> str | None:
    """The words of a lexicon mapping (mod -> words) as one alternation, a group per mod."""
    parts = [f"(?P<{mod}>{'|'.join(f'(?:{w})' for w in words)})"
             for mod, words in (language.meta.get(key) or {}).items() if mod.isalpha() and mod.isupper() and words]
    return "|".join(parts) or None


def _says_a_length(ctx: Ctx, end: int) -> bool:
    """Whether the words after a count of hours make it a length (lexicon `length_trails`:
    "deux heures de route", "two hours of talks", "deux heures plus tôt")."""
    trails = ctx.language.phrases("length_trails", between=r"\s+")
    gap = _GAP.match(ctx.text, end)
    return trails is not None and gap is not None and trails.match(ctx.text, gap.end()) is not None


def _mod_leads(language: Language) -> re.Pattern[str] | None:
    """One regex for the words (lexicon `mod_leads`) that, right before a date, bound it."""
    words = _mod_words(language, "mod_leads")
    return re.compile(r"(?<!\w)(?:" + words + r")\s*$", re.IGNORECASE) if words else None


def _mod_trails(language: Language) -> re.Pattern[str] | None:
    """One regex for the words (lexicon `mod_trails`) that, right after a date, bound it."""
    words = _mod_words(language, "mod_trails")
    return re.compile(r"\s*(?:" + words + r")(?!\w)", re.IGNORECASE) if words else None


def _saying(language: Language) -> re.Pattern[str] | None:
    """A verb of the lexicon's `reporting_verbs` and up to five words after it, ending where a
    date begins: "Kyiv said on [Sunday]"."""
    verbs = language.phrases("reporting_verbs", between=r"\s+")
    return re.compile(f"(?:{verbs.pattern})" + r"(?:\s+[^\s,.;:]+){0,5}\s+$", re.IGNORECASE) if verbs else None


def _signal_mods(mentions: list[Mention], ctx: Ctx) -> list[Mention]:
    """"après le 1er novembre", "à partir du 8 mars", "avant 16 h", "from May 15 onwards": the
    date keeps its TimeML span (the signal words stay outside) and takes the TIMEX3 mod AFTER /
    BEFORE of a word of the lexicon's `mod_leads` right before it or `mod_trails` right after.
    A date that names a noun's day leaves the lead word to the noun ("after Monday's strikes")."""
    text, language = ctx.text, ctx.language
    leads, trails = language.compiled("mod_leads", _mod_leads), language.compiled("mod_trails", _mod_trails)
    if leads is None and trails is None:
        return mentions
    out = []
    for m in mentions:
        if (m.mod is None and m.type in ("DATE", "TIME") and not m.value.endswith("_REF")
                and not ctx.names_a_noun(m.start, m.end)):  # "after Monday's strikes"
            signal = ((leads and leads.search(text, max(0, m.start - 24), m.start))
                      or (trails and trails.match(text, m.end)))
            if signal:
                m = replace(m, mod=signal.lastgroup)
        out.append(m)
    return out


def _year_said_once(mentions: list[Mention], open_years: set[int], ctx: Ctx) -> list[Mention]:
    """"le 3 mars et le 5 avril 2022", "du 3 mars au 5 avril 2022": a day or month written
    without its year and coordinated with the next one, which has it, takes that year."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):  # right to left: "le 1er, le 3 mars et le 5 avril 2022"
        a, b = out[i], out[i + 1]
        if a.start not in open_years or b.anchor not in ("absolute", "text") or b.type != "DATE":
            continue
        if len(b.value) not in (7, 10) or not b.value[:4].isdigit() or len(a.value) not in (7, 10, 13):
            continue
        if not ctx.coordinated(a.end, b.start):
            continue
        value = b.value[:4] + a.value[4:]
        if value != a.value:
            out[i] = _revalued(a, value, "text")
    return out


def _same_day_named_again(mentions: list[Mention], open_years: set[int], ctx: Ctx) -> list[Mention]:
    """"ahead of Victory Day on May 9", "Noël orthodoxe, le 7 janvier": a day whose year was
    guessed, written right after a mention of the same day and month, is that day again."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (b.start in open_years and a.type == b.type == "DATE" and len(a.value) == len(b.value) == 10
                and a.value[4:] == b.value[4:] != a.value and ctx.gap(a.end, b.start) is not None):
            out[i + 1] = _revalued(b, a.value, "text")
    return out


def _revalued(m: Mention, value: str, anchor: str) -> Mention:
    """The mention with another value (another year, week or day), its interval computed again."""
    bounds = interval(value)
    if bounds is None:
        return m
    first, last = narrow(*(date.fromisoformat(x) for x in bounds), m.mod)
    return replace(m, value=value, earliest=iso(first), latest=iso(last), anchor=anchor)


def _range_years(mentions: list[Mention], open_years: set[int], ctx: Ctx) -> list[Mention]:
    """"a truce from May 8 to May 10", read on May 9, "entre le 1er août et le 31 mars",
    "d'octobre à fin mars": two days or months joined as the ends of one span, each year
    guessed, take their years together (dates.pick_range) — the end neither before the start
    nor a year past it. When one end names its year, the other's follows from it ("du 20
    décembre au 5 janvier 2023")."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.type != "DATE" or b.type != "DATE" or not (_MONTH_OR_DAY.match(a.value) and _MONTH_OR_DAY.match(b.value)):
            continue
        a_open, b_open = a.start in open_years, b.start in open_years
        if not (a_open or b_open):
            continue
        if not ctx.joined_as_range(a.end, b.start, a.start):
            continue
        start, end = _first_day(a.value), _first_day(b.value)
        if start <= end and (end - start).days <= 366:
            continue
        crosses = (end.month, end.day) < (start.month, start.day)  # "from 20 December to 5 January"
        if not b_open:
            years = [(end.year - crosses, end.year)]
        elif not a_open:
            years = [(start.year, start.year + crosses)]
        else:
            years = [(y, y + crosses) for y in (start.year - 1, start.year, start.year + 1)]
        pairs = [(s, e) for s, e in ((_in_year(a.value, ys), _in_year(b.value, ye)) for ys, ye in years) if s and e]
        if not pairs:
            continue
        ctx.pos = a.start
        direction, why = ctx.direction()
        if direction == "past" and 7 in (len(a.value), len(b.value)):
            # "the substations damaged between October and February" (in November): months of
            # a past act are over, unless they only begin now ("ont paraphé un accord pour
            # l'hiver, d'octobre à fin mars", on 1 October); a truce decreed "du 8 au 10 mai"
            # may still run
            pairs = [p for p in pairs if p[1] <= ctx.dct or p[0] >= ctx.dct.replace(day=1)] or pairs
        s, e = pick_range(ctx, pairs, direction, why == "prefer") if len(pairs) > 1 else pairs[0]
        out[i] = _revalued(a, _with_year(a.value, s.year), a.anchor)
        out[i + 1] = _revalued(b, _with_year(b.value, e.year), b.anchor)
    return out


def _first_day(value: str) -> date:
    return date.fromisoformat(value if len(value) == 10 else value + "-01")


def _in_year(value: str, year: int) -> date | None:
    """The day (a month: its first day) of `value` in another year; None for 29 February."""
    return safe_date(year, int(value[5:7]), int(value[8:10]) if len(value) == 10 else 1)


def _with_year(value: str, year: int) -> str:
    return f"{year:04d}{value[4:]}"


def _offset_from_day(mentions: list[Mention], text: str, language: Language) -> list[Mention]:
    """"two days after February 24", "a week before Christmas", "two hours before midnight": a
    count of days, weeks, months or years and the day right after it (of hours or minutes and a
    clock time), joined by a word of the lexicon's `offset_from_day` (after: 1, before: -1), are
    one DATE (TIME) counted from that day, not from the DCT."""
    if len(mentions) < 2:
        return mentions
    words = {normalise(str(w)): int(v) for w, v in (language.meta.get("offset_from_day") or {}).items()}
    if not words:
        return mentions

    def join(a: Mention, b: Mention) -> Mention | None:
        count = _COUNTED.match(a.value) if a.type == "DURATION" and a.mod is None else None
        sign = words.get(normalise(text[a.end:b.start])) if 0 < b.start - a.end <= 12 else None
        if not count or sign is None:
            return None
        if not count.group(1) and _is_day(b) and len(b.value) == 10:
            d = shift(date.fromisoformat(b.value), count.group(3), sign * int(count.group(2)))
            return Mention(text[a.start:b.end], a.start, b.end, "DATE", iso(d), None, iso(d), iso(d), b.anchor, a.rule)
        if count.group(1) and _is_clock(b) and b.value[11:13] != "24":
            step = timedelta(hours=1) if count.group(3) == "H" else timedelta(minutes=1)
            moment = datetime.fromisoformat(b.value) + sign * int(count.group(2)) * step
            value = moment.isoformat(timespec="seconds" if len(b.value) > 16 else "minutes")
            day = iso(moment.date())
            return Mention(text[a.start:b.end], a.start, b.end, "TIME", value, None, day, day, b.anchor, a.rule)
        return None

    return _pairwise(mentions, join)


def _pairwise(mentions: list[Mention], join: Callable[[Mention, Mention], Mention | None]) -> list[Mention]:
    """The mentions, each neighbouring pair that `join` makes one replaced by that one."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        joined = join(mentions[i], mentions[i + 1]) if i + 1 < len(mentions) else None
        out.append(joined or mentions[i])
        i += 2 if joined else 1
    return out


def _clock_before_day(mentions: list[Mention], text: str) -> list[Mention]:
    """"4 h mardi", "13h30 samedi 21 septembre", "à 3 h demain après-midi": a clock time and
    the day named right after it are one TIME (as TimeML annotates them); the day first
    ("mardi à 4 h") stays two."""
    def join(clock: Mention, day: Mention) -> Mention | None:
        if not (clock.type == "TIME" and len(clock.value) == 16 and _is_day(day)
                and day.start - clock.end <= 3 and not text[clock.end:day.start].strip(" ,\u00a0")):
            return None
        hour, pod = int(clock.value[11:13]), day.value[11:]  # "à 3 h demain après-midi": 15 h
        if pod in ("AF", "EV") and hour < 12:
            hour += 12
        on = _clock_day(day, hour)
        return Mention(text[clock.start:day.end], clock.start, day.end, "TIME",
                       f"{on}T{hour:02d}{clock.value[13:]}", clock.mod, on, on, day.anchor, clock.rule)

    return _pairwise(mentions, join)


def _range_ends_after_start(mentions: list[Mention], ctx: Ctx) -> list[Mention]:
    """"a truce from 6 p.m. on Saturday until midnight on Sunday", "de samedi 18 heures à
    dimanche minuit", declared on that Saturday: a weekday that ends a span lies after the
    day that starts it — the Sunday of the week ahead, not the one gone by (each was read
    on its own, the second after a past verb)."""
    out = list(mentions)
    words = _day_clock_words(ctx.language)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not (_on_a_day(a) and _on_a_day(b)) or not ctx.joined_as_range(a.end, b.start, a.start):
            continue
        ends = [i + 1]  # "until midnight on Sunday": the clock and the day after it that dates it
        if i + 2 < len(out) and _day_and_clock(b, out[i + 2], ctx.text, *words):
            ends.append(i + 2)
        start, end = date.fromisoformat(a.value[:10]), date.fromisoformat(b.value[:10])
        by = next((k for k in ends if _is_day(out[k])), ends[0])  # the mention that names the day
        if out[by].anchor == "dct" and 0 < (start - end).days < 7:
            for k in ends:
                out[k] = _revalued(out[k], _day_moved(out[k].value, 7), out[k].anchor)
    return out


def _night_before_the_saying(mentions: list[Mention], ctx: Ctx) -> list[Mention]:
    """"Russia launched 267 drones overnight, Kyiv said on Sunday", published on Monday: the
    night read as the one before the publication is the one before the day of the saying,
    when a verb of the lexicon's `reporting_verbs` names that day later in the sentence."""
    saying = ctx.language.compiled("saying", _saying)
    night_before = iso(ctx.dct - timedelta(days=1)) + "TNI"
    if saying is None or not any(m.value == night_before for m in mentions):
        return mentions
    out = list(mentions)
    for i, night in enumerate(out):
        if night.value != night_before or night.anchor != "dct":
            continue
        sentence_end = ctx.sentence(night.start)[1]
        for day in out[i + 1:]:
            if day.start >= sentence_end:
                break
            said = date.fromisoformat(day.value) if day.type == "DATE" and _is_day(day) and len(day.value) == 10 else None
            if said and 0 < (ctx.dct - said).days <= 6 and saying.search(ctx.text, max(0, day.start - 60), day.start):
                out[i] = _revalued(night, iso(said - timedelta(days=1)) + "TNI", "dct")
                break
    return out


def _clocks_on_the_day_after_them(mentions: list[Mention], open_days: set[int], ctx: Ctx) -> list[Mention]:
    """"auront lieu de 8 h à 22 h dans la plupart des régions mardi", "at 07:00 Moscow time
    (04:00 GMT) on New Year's Day": a clock no earlier day dated (it fell back on the DCT)
    is on the day its clause names after it — same sentence, no verb, semicolon or colon
    between (a live blog's "8 h 02 : …" is the time of the post)."""
    out = list(mentions)
    for i, clock in enumerate(out):
        if clock.start not in open_days or not _is_clock(clock) or clock.zone:
            continue
        day = next((m for m in out[i + 1:i + 4] if m.start not in open_days), None)
        if day is None or not _on_a_day(day) or day.start - clock.end > CLOCK_DAY_REACH:
            continue
        between = ctx.text[clock.end:day.start]
        if (";" in between or _COLON.search(between) or ctx.sentence(day.start)[0] != ctx.sentence(clock.start)[0]
                or ctx.has_cue(clock.end, day.start)):
            continue
        out[i] = _revalued(clock, _clock_day(day, int(clock.value[11:13])) + clock.value[10:], day.anchor)
    return out


def _join_day_and_clock(mentions: list[Mention], text: str, language: Language) -> list[Mention]:
    """A day and its clock time, either first, linked as the lexicon's `join_day_clock` says.
    Side by side ("samedi 17 h", "4 h mardi", "Tuesday 3pm") they are one TIME, as TimeML writes
    "twelve o'clock January 3, 1984"; linked by a word ("samedi à 17 h", "2 p.m. on Wednesday")
    they are two TIMEX3, as French TimeBank annotates them (TimeML keeps a preposition out of a
    TIMEX3), and a clock told before its day is dated by it."""
    day_first, clock_first = _day_clock_words(language)
    if day_first is None and clock_first is None:
        return mentions
    out = list(mentions)
    for i in range(len(out) - 1):  # "2 p.m. on Wednesday": the clock told first takes the day after it
        pair = _day_and_clock(out[i], out[i + 1], text, day_first, clock_first)
        if pair is not None and pair[2] and pair[1] is out[i] and pair[1].value[:10] != pair[0].value[:10]:
            out[i] = _revalued(pair[1], pair[0].value[:10] + pair[1].value[10:], pair[0].anchor)

    def join(a: Mention, b: Mention) -> Mention | None:
        pair = _day_and_clock(a, b, text, day_first, clock_first)
        if pair is None or pair[2]:
            return None
        day, clock, _linked = pair
        return Mention(text[a.start:b.end], a.start, b.end, "TIME", day.value[:10] + clock.value[10:],
                       clock.mod, day.value[:10], day.value[:10], day.anchor, clock.rule)

    return _pairwise(out, join)


Words = re.Pattern[str] | None  # the normalised words of a lexicon list, matched whole


def _day_clock_words(language: Language) -> tuple[Words, Words]:
    """The lexicon's `join_day_clock` words (day first, clock first), each list as one regex
    matched whole, built once per language."""
    def build(key: str) -> Callable[[Language], re.Pattern[str] | None]:
        def words(lang: Language) -> re.Pattern[str] | None:
            listed = (lang.meta.get("join_day_clock") or {}).get(key)
            return re.compile("|".join(re.escape(normalise(str(w))) for w in listed)) if listed else None
        return words
    return (language.compiled("join_day_clock:day_clock", build("day_clock")),
            language.compiled("join_day_clock:clock_day", build("clock_day")))


def _day_and_clock(a: Mention, b: Mention, text: str, day_first: Words,
                   clock_first: Words) -> tuple[Mention, Mention, bool] | None:
    """(day, clock, linked by a word) when `a` and `b` are a day and its clock, next to each other."""
    if not 0 <= b.start - a.end <= 6:
        return None
    if _is_day(a) and _is_clock(b):
        day, clock, words = a, b, day_first
    elif _is_clock(a) and _is_day(b):
        day, clock, words = b, a, clock_first
    else:
        return None
    gap = normalise(text[a.end:b.start].strip(" ,\u00a0"))
    return (day, clock, bool(gap)) if words is not None and words.fullmatch(gap) else None


def clock_told_before(clock: Mention, day: Mention, text: str, language: Language) -> bool:
    """Whether `clock` is a clock time told right before the day it is on ("10 pm on Sunday",
    "4 h mardi"), which dates it."""
    pair = _day_and_clock(clock, day, text, *_day_clock_words(language))
    return pair is not None and pair[1] is clock


def _clock_keeps_its_day(mentions: list[Mention], read: list[Mention], text: str,
                         language: Language) -> list[Mention]:
    """A day and its clock told as two TIMEX3 ("de samedi à 18 h à lundi à 6 h", "from 6 p.m.
    on Saturday"): when a pass dated the day again (the Monday after that Saturday, not the one
    gone by), its clock moves with it, unless a pass dated the clock too ("dimanche à minuit").
    `read` are the mentions as each was first read."""
    day_first, clock_first = _day_clock_words(language)
    first_read = {m.start: m.value[:10] for m in read}
    out = list(mentions)
    for i in range(len(out) - 1):
        pair = _day_and_clock(out[i], out[i + 1], text, day_first, clock_first)
        if pair is None:
            continue
        day, clock, _linked = pair
        was = first_read.get(day.start)
        if was is None or was == day.value[:10] or first_read.get(clock.start) != clock.value[:10]:
            continue
        moved = (date.fromisoformat(day.value[:10]) - date.fromisoformat(was)).days
        at = i if clock is out[i] else i + 1
        out[at] = _revalued(clock, _day_moved(clock.value, moved), day.anchor)
    return out


def _midnight_ends_its_day(mentions: list[Mention], text: str, language: Language) -> list[Mention]:
    """"until midnight on Saturday", "jusqu'à samedi minuit": midnight said with a day is the
    one that ends it (TIMEX3 T24:00), not the one it starts with. The words are the lexicon's
    `end_of_day`; a day and its midnight joined in one mention, side by side, or midnight told
    first and linked to its day, or after a word of `end_at_midnight` ("shortly before
    midnight", "jusqu'à minuit", "expire lundi à minuit") — unless a word of
    `start_at_midnight` comes before ("took effect at midnight on Sunday", "depuis dimanche
    minuit": the midnight that begins it)."""
    words = {normalise(str(w)) for w in language.meta.get("end_of_day") or ()}
    if not words:
        return mentions
    starts = language.phrases("start_at_midnight", between=r"\s+")
    ends = language.phrases("end_at_midnight", between=r"\s+")
    out = list(mentions)
    for i, m in enumerate(out):
        if m.type != "TIME" or not m.value.endswith("T00:00") or not any(w in normalise(m.text) for w in words):
            continue
        lead_at = out[i - 1].start if i and _day_and_clock(out[i - 1], m, text, *_day_clock_words(language)) else m.start
        if said_before(starts, text, lead_at):
            continue  # "took effect at midnight on Sunday", "depuis dimanche minuit": the start of the day
        prev = out[i - 1] if i else None
        joined = normalise(m.text) not in words | {f"the {w}" for w in words}  # "samedi minuit"
        beside = (prev is not None and _is_day(prev) and len(prev.value) == 10
                  and not text[prev.end:m.start].strip())  # "le 8, à minuit" may be either
        told_before = i + 1 < len(out) and _day_and_clock(m, out[i + 1], text, *_day_clock_words(language))
        ended = said_before(ends, text, m.start) or said_before(ends, text, lead_at)  # "shortly before
        #   midnight", "jusqu'à minuit", "expire ce lundi à minuit"
        if joined or beside or told_before or ended:  # told_before: "midnight on Saturday", dated by its day
            out[i] = replace(m, value=(prev.value if beside and not joined else m.value[:10]) + "T24:00")
    return out


def _day_moved(value: str, days: int) -> str:
    """A value that starts with its day ("2024-10-15", "2024-10-15T18:00"), that day moved by `days`."""
    return iso(date.fromisoformat(value[:10]) + timedelta(days=days)) + value[10:]


def _clock_day(day: Mention, hour: int) -> str:
    """The date a clock at `hour` told with `day` is on: that day's, or for the small hours of a
    night the next one ("0 h 01 dans la nuit de dimanche à lundi" is Monday's; timex.on_part_of_day)."""
    night = "NI" if day.value.endswith("TNI") else ""
    return iso(on_part_of_day(date.fromisoformat(day.value[:10]), night, hour, 0, False)[0])


def _is_day(m: Mention) -> bool:
    """A calendar day ("2024-10-15") or a part of one ("2024-10-15TEV")."""
    return m.type in ("DATE", "TIME") and len(m.value) in (10, 13) and m.value[4:5] == "-" and m.value[7:8] == "-"


def _is_clock(m: Mention) -> bool:
    return m.type == "TIME" and len(m.value) >= 16 and m.value[13:14] == ":"


def _clock_alone(m: Mention, language: Language) -> bool:
    """A clock that names no day of its own ("23 h", "from 5 to 8 p.m."; not "samedi 17 h")."""
    rule = language.rule(m.rule)
    return _is_clock(m) and rule is not None and rule.produce in _CLOCK_ALONE


def _on_a_day(m: Mention) -> bool:
    """A day, a part of one or a clock on one: a mention whose value starts with its day."""
    return _is_day(m) or _is_clock(m)
