"""E5: language and dates in the markup, as assistive tech and machines read them.

- <html lang> is the site's language; an English snippet inside the French site
  is marked lang="en" where it is shown (its article page, its event titles).
- events are items of an <ol>; each shows its date in <time datetime>, and that
  machine date is never finer than what is known: the period it names contains
  the event's whole interval (no fake exact day for "mi-octobre").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from .conftest import CONTENT
from .pages import events_json

EVENT_DATES = """() => [...document.querySelectorAll('main li[id]')].map(li => {
  const t = li.querySelector('time[datetime]');
  const title = li.querySelector('.event-title') || li;
  return {id: li.id, in_ol: li.parentElement.tagName === 'OL',
          datetime: t ? t.getAttribute('datetime') : null,
          lang: (title.closest('[lang]') || document.documentElement).getAttribute('lang')};
})"""


def period(stamp: str) -> tuple[date, date]:
    """The calendar days an HTML datetime value names."""
    if m := re.fullmatch(r"(\d{4})", stamp):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", stamp):
        y, mo = int(m[1]), int(m[2])
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date(y, mo, 1), nxt - timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", stamp):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?", stamp):
        day = date.fromisoformat(m[1])
        return day, day
    raise AssertionError(f"not a valid HTML date/time value: {stamp!r}")


def _english_entries() -> dict[str, str]:
    """{slug: the first words of its body} for the demo's English snippets."""
    out = {}
    for path in sorted((CONTENT / "entries").glob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---", 2)
        if re.search(r"^lang:\s*en\s*$", head, re.M):
            out[path.stem] = " ".join(re.sub(r"[*_`#>\[\]]", "", body).split()[:6])
    return out


def test_every_event_is_a_list_item_with_an_honest_machine_date(site_dir, page):
    events = {e["id"]: e for e in events_json(site_dir)}
    page.goto("", wait_until="load")
    assert page.evaluate("document.documentElement.lang") == "fr"
    shown = page.evaluate(EVENT_DATES)
    assert {s["id"] for s in shown} == set(events)
    bad = []
    for s in shown:
        when = events[s["id"]]["when"]
        if not s["in_ol"]:
            bad.append(f"{s['id']}: not an item of an <ol>")
        if s["datetime"] is None:
            bad.append(f"{s['id']}: no <time datetime> ({when['display']})")
            continue
        first, last = period(s["datetime"])
        if not (first <= date.fromisoformat(when["earliest"]) and date.fromisoformat(when["latest"]) <= last):
            bad.append(f"{s['id']}: datetime {s['datetime']} does not cover "
                       f"{when['earliest']}..{when['latest']} ({when['display']})")
    assert not bad, "\n".join(bad)


def test_english_snippets_are_marked_english(site_dir, page):
    english = _english_entries()
    assert english, "the demo has English snippets"
    for slug in sorted(english)[:3]:
        page.goto(f"articles/{slug}/", wait_until="load")
        assert page.evaluate("document.documentElement.lang") == "fr"
        lang = page.evaluate("""words => {
            const p = [...document.querySelectorAll('main p')].find(p => p.textContent.includes(words));
            return p ? (p.closest('[lang]') || document.documentElement).getAttribute('lang') : null;
        }""", english[slug])
        assert lang == "en", f"{slug}: the paragraph starting {english[slug]!r} reads as lang={lang}"
    events = [e for e in events_json(site_dir) if e["sources"][0]["entry"] in english]
    assert events, "no event comes from an English snippet"
    page.goto("", wait_until="load")
    shown = {s["id"]: s["lang"] for s in page.evaluate(EVENT_DATES)}
    wrong = [e["id"] for e in events if shown.get(e["id"]) != "en"]
    assert not wrong, f"events quoting English snippets not marked lang=en on the index: {wrong}"
