"""Benchmark: how fast the index of a 5,000-event timeline renders in headless Chromium.

Target (issue 4): navigation start -> load event, and first contentful paint,
both under 1 s for the index page.

    python bench/bench_browser.py                 # 5,000 events, 3 loads
    python bench/bench_browser.py --events 1000 --runs 5 --keep /tmp/big

It writes a generated content folder (the demo's timeline.yml and actors.yml,
plus articles whose sentences each carry one absolute date, so every sentence
is one event), builds it with the real pipeline, serves the build on
127.0.0.1 under /repo/ and loads the index in Debian's chromium through
playwright (no browser download). The figure goes in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.server import SiteServer  # noqa: E402

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
SUBJECTS = [("Moscou", "russie"), ("Kiev", "ukraine"), ("Pyongyang", "coree-du-nord"),
            ("Séoul", "coree-du-sud"), ("Washington", "etats-unis"), ("l'OTAN", "otan"),
            ("Paris", "france"), ("Pékin", "chine"), ("Londres", "royaume-uni")]
VERBS = ["a annoncé l'envoi de", "a dénoncé le transfert de", "a confirmé la livraison de",
         "a démenti l'arrivée de", "a signé un accord portant sur", "a évoqué le déploiement de",
         "a réclamé le retrait de", "a chiffré les pertes à", "a promis le financement de",
         "a intercepté un convoi de", "a suspendu l'acheminement de", "a documenté le passage de"]
OBJECTS = ["{n} soldats", "{n} obus d'artillerie", "{n} drones", "{n} missiles balistiques",
           "{n} tonnes d'aide humanitaire", "{n} véhicules blindés", "{n} conteneurs de munitions",
           "{n} lance-roquettes", "{n} instructeurs militaires", "{n} ingénieurs ferroviaires"]
PLACES = ["Koursk", "Vladivostok", "Kharkiv", "Zaporijjia", "Odessa", "Donetsk", "Belgorod", "Kherson",
          "Rostov", "Sébastopol", "Mykolaïv", "Dnipro", "Soumy", "Tcherniguiv", "Briansk", "Khabarovsk"]
ROLES = ["porte-parole du ministère", "analyste militaire", "conseiller présidentiel", "chef d'état-major",
         "observateur indépendant", "diplomate européen", "officier du renseignement",
         "député de l'opposition", "chercheur associé", "envoyé spécial"]
SYLLABLES = ["ka", "lo", "mi", "ra", "te", "vo", "su", "ne", "pi", "dor", "val", "zan", "bre", "gui",
             "tor", "lin", "mar", "sel", "fou", "ric"]
PER_ARTICLE = 4  # dated sentences per generated article


def _name(rng: random.Random) -> str:
    """A made-up "Firstname Lastname": words no other sentence shares, like real reports."""
    def word(n: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()
    return f"{word(2)} {word(3)}"


def _day_text(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def generate(content: Path, events: int, seed: int = 4) -> int:
    """Write a content folder meant to yield `events` events; return the article count."""
    rng = random.Random(seed)
    entries = content / "entries"
    entries.mkdir(parents=True)
    for name in ("timeline.yml", "actors.yml"):
        shutil.copyfile(REPO / "content" / name, content / name)
    articles = -(-events // PER_ARTICLE)
    # one distinct day per event, so the merge step (same happening reported twice)
    # has nothing to join and the index really holds `events` events
    first = date(2010, 1, 1)
    for i in range(articles):
        published = first + timedelta(days=(i + 1) * PER_ARTICLE)
        lines, actors = [], set()
        for j in range(PER_ARTICLE):
            when = first + timedelta(days=i * PER_ARTICLE + j)
            who, actor = SUBJECTS[(i + j) % len(SUBJECTS)]
            actors.add(actor)
            what = rng.choice(OBJECTS).format(n=rng.randrange(100, 20000))
            lines.append(f"Le {_day_text(when)}, {who} {rng.choice(VERBS)} {what} "
                         f"vers {rng.choice(PLACES)}, selon {_name(rng)}, {rng.choice(ROLES)}.")
        (entries / f"gen-{i:05d}.md").write_text(
            "---\n"
            f"title: \"Dépêche générée {i}\"\n"
            f"published: {published.isoformat()}\n"
            "source: Agence de test\n"
            f"url: https://example.org/depeche/{i}\n"
            "lang: fr\n"
            f"actors: [{', '.join(sorted(actors))}]\n"
            "---\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return articles


# Time for the filters to apply one actor choice to every event and lay the page out again.
# On an index that lists only its newest months this includes fetching the year pages and
# merging their months in (filters.js fires "timeline:filtered" once the filter is applied).
FILTER_SCRIPT = """() => new Promise(resolve => {
  const form = document.getElementById('filters');
  const select = document.querySelector('#filters select[name=actor]');
  if (!select || select.options.length < 2) { resolve(-1); return; }
  const t0 = performance.now();
  form.addEventListener('timeline:filtered', () => {
    void document.body.offsetHeight;
    resolve(performance.now() - t0);
  }, {once: true});
  select.value = select.options[1].value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
})"""


def fresh_pages(url: str, runs: int) -> Iterator[Any]:
    """`url` loaded `runs` times in one chromium, each time in a fresh context (no cache)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(url, wait_until="load")
                yield page
                context.close()
        finally:
            browser.close()


def measure(url: str, runs: int, *, filter_too: bool = True) -> list[dict[str, float]]:
    """Load `url` `runs` times, each in a fresh context; timings in ms from navigation start."""
    script = """() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
      return {dom_content_loaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
              first_paint: paint['first-paint'] ?? -1,
              first_contentful_paint: paint['first-contentful-paint'] ?? -1,
              transfer_kb: nav.transferSize / 1024,
              events_in_dom: document.querySelectorAll('main li[id]').length};
    }"""
    out = []
    for page in fresh_pages(url, runs):
        # polled from here: wait_for_function evaluates a string, which the site's CSP forbids
        for _ in range(200):
            if page.evaluate("() => performance.getEntriesByType('paint').length > 1 "
                             "&& performance.getEntriesByType('navigation')[0].loadEventEnd > 0"):
                break
            page.wait_for_timeout(50)
        timings = page.evaluate(script)
        timings["filter_ms"] = page.evaluate(FILTER_SCRIPT) if filter_too else -1
        out.append(timings)
    return out


def measure_warm(url: str, runs: int) -> list[tuple[float, float]]:
    """(ms from focusing the actor select to the history merged, ms of one actor filter then):
    the usual path, where a reader reaches for the filters before choosing."""
    out = []
    for page in fresh_pages(url, runs):
        t0 = time.perf_counter()
        page.locator("#filters select[name=actor]").focus()
        page.wait_for_function("() => !document.querySelector('.timeline').hasAttribute('aria-busy')")
        merged = (time.perf_counter() - t0) * 1000
        out.append((merged, page.evaluate(FILTER_SCRIPT)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep it")
    args = parser.parse_args(argv)

    from timeline.pipeline import build_site
    from timeline.problems import format_problem

    work = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    try:
        content = work / "content"
        out = args.keep or work / "_site"
        t0 = time.perf_counter()
        n_articles = generate(content, args.events)
        t1 = time.perf_counter()
        result = build_site(str(content), str(out), base_url="/repo/", today="2025-12-31",
                            drafts=False, strict=False)
        t2 = time.perf_counter()
        errors = [format_problem(p) for p in result.problems if p.level == "error"]
        if result.code != 0:
            print("build failed:", *errors[:20], sep="\n", file=sys.stderr)
            return 1
        n_events = _count_events(out)
        index_kb = (out / "index.html").stat().st_size / 1024
        years = sorted(out.glob("years/*/index.html"), key=lambda p: p.stat().st_size)
        with SiteServer(out, "/repo/") as srv:
            runs = measure(srv.base, args.runs)
            # the largest year page: what a reader opens from "earlier, by year"
            year_runs = (measure(srv.base + years[-1].parent.relative_to(out).as_posix() + "/", args.runs,
                                 filter_too=False) if years else [])
            warm = measure_warm(srv.base, args.runs) if years else []
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        load1 = os.getloadavg()[0]
        print(f"machine: {os.cpu_count()} CPUs, load average {load1:.1f} during the run "
              "(figures are wall-clock; a busy machine inflates them)")
        print(f"articles generated: {n_articles} in {t1 - t0:.1f} s; build: {t2 - t1:.1f} s; "
              f"events in the timeline: {n_events}; index.html: {index_kb:,.0f} KiB")
        for i, r in enumerate(runs, 1):
            print(f"run {i}: " + ", ".join(f"{k}={v:.0f}" for k, v in r.items()))
        print(f"median: load event {med['load']:.0f} ms, first contentful paint "
              f"{med['first_contentful_paint']:.0f} ms, one actor filter applied in {med['filter_ms']:.0f} ms, "
              f"{med['events_in_dom']:.0f} events in the DOM "
              f"(target < 1000 ms) -> {'OK' if max(med['load'], med['first_contentful_paint']) < 1000 else 'OVER'}")
        if warm:
            print(f"filters focused first: history merged {statistics.median(w[0] for w in warm):.0f} ms after focus "
                  f"(runs {', '.join(str(round(w[0])) for w in warm)}), then one actor filter in "
                  f"{statistics.median(w[1] for w in warm):.0f} ms")
        if year_runs:
            year_med = {k: statistics.median(r[k] for r in year_runs) for k in year_runs[0]}
            print(f"largest year page {years[-1].parent.name} ({years[-1].stat().st_size / 1024:,.0f} KiB, "
                  f"{year_med['events_in_dom']:.0f} events): load event {year_med['load']:.0f} ms "
                  f"(runs {', '.join(str(round(r['load'])) for r in year_runs)}), first contentful paint "
                  f"{year_med['first_contentful_paint']:.0f} ms")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _count_events(site: Path) -> int:
    """Events the build wrote, from events.json if present, else event pages."""
    data = site / "events.json"
    if data.is_file():
        doc = json.loads(data.read_text(encoding="utf-8"))
        items = doc.get("events", doc) if isinstance(doc, dict) else doc
        return len(items)
    return sum(1 for _ in (site / "events").glob("*/index.html"))


if __name__ == "__main__":
    raise SystemExit(main())
