"""The whole build at scale (RELIABILITY.md §F, §D5): wall time, CPU and peak RSS of
one `python -m timeline build` over a generated corpus.

    python bench/bench_build.py                       # 20,000 articles, with and without search
    python bench/bench_build.py --articles 2000
    python bench/bench_build.py --articles 2000 --stages    # + time and RSS of each stage, in process
    python bench/bench_build.py --articles 2000 --no-search # only the build without the Pagefind index
    python bench/bench_build.py --articles 2000 --keep /tmp/corpus   # keep the corpus and site
    python bench/bench_build.py --stages --stages-only --no-search   # only the in-process stage table
    python bench/bench_build.py --articles 20000 --merge-only        # merge_events alone, CPU and pairs
    python bench/bench_build.py --merge-only --events /tmp/ev20k.pickle   # reuse the extracted events

The corpus: `--articles` news snippets in French (70 %) and English, each with its own
publication date (2022-2025). About three articles report each happening, in varied
wording (subject alias, template, outlet) and with the date said the way that
article would say it from its own publication day ("hier", "last Tuesday",
"le 05/03/2023", "on March 5, 2023"), so the merge stage has real work; one report in
twenty gets the day wrong, so disputed dates occur. Two or three background
sentences per article come from `bench_temporal.news_sentences` (news_templates.yaml).
Actors and site settings are the demo's (content/actors.yml, content/timeline.yml).

The build is one subprocess under GNU `/usr/bin/time -v` (apt-get install time),
else measured with getrusage(RUSAGE_CHILDREN). Not a test: figures depend on the
machine and its load; they are recorded in bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "content"
TODAY = "2026-01-01"
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]  # this tree's timeline, as the builds' PYTHONPATH
from bench_temporal import news_sentences  # noqa: E402  (sibling script, same folder)

# Hides the pagefind[bin] package from timeline.search (an import of a None module
# raises ImportError), so the build runs without the search index, with its W070 warning.
NO_SEARCH = ("import runpy, sys; sys.modules['pagefind_bin'] = None; "
             "runpy.run_module('timeline', run_name='__main__', alter_sys=True)")

# Data of the generator: what a happening is (one per "kind") in each language.
# {subj}/{other}: actor aliases of actors.yml; {place}; {when}: the date as the
# article says it. The verb/object words are shared by every report of a happening.
KINDS = [
    {"actors": ("russie", "coree-du-nord"),
     "fr": ["{subj} a signé un accord de défense mutuelle avec {other} {place} {when}",
            "{subj} et {other} ont conclu {when} {place} un accord de défense mutuelle",
            "{when_cap}, {subj} a paraphé avec {other} un accord de défense mutuelle {place}"],
     "en": ["{subj} signed a mutual defence pact with {other} {place} {when}",
            "{when_cap}, {subj} and {other} sealed a mutual defence pact {place}"]},
    {"actors": ("coree-du-nord", "russie"),
     "fr": ["{subj} a envoyé des soldats en renfort de {other} {place} {when}",
            "{when_cap}, des milliers de soldats envoyés par {subj} sont arrivés {place} aux côtés de {other}",
            "{subj} a déployé des soldats {place} pour épauler {other} {when}"],
     "en": ["{subj} sent thousands of soldiers to reinforce {other} {place} {when}",
            "{when_cap}, soldiers sent by {subj} arrived {place} to reinforce {other}"]},
    {"actors": ("union-europeenne", "russie"),
     "fr": ["{subj} a adopté un nouveau paquet de sanctions contre {other} {when}",
            "{when_cap}, {subj} a approuvé de nouvelles sanctions visant {other}",
            "{subj} a durci ses sanctions contre {other} {when}, visant les banques et le pétrole"],
     "en": ["{subj} adopted a new package of sanctions against {other} {when}",
            "{when_cap}, {subj} approved new sanctions on {other}, targeting banks and oil"]},
    {"actors": ("russie", "ukraine"),
     "fr": ["{subj} a lancé une vague de missiles et de drones contre {other} {place} {when}",
            "{when_cap}, une frappe massive de missiles et de drones de {subj} a visé {other} {place}",
            "{subj} a bombardé {other} {place} {when} avec des missiles et des drones"],
     "en": ["{subj} launched a wave of missiles and drones against {other} {place} {when}",
            "{when_cap}, a massive missile and drone strike by {subj} hit {other} {place}"]},
    {"actors": ("ukraine", "etats-unis"),
     "fr": ["{subj} a reçu une délégation de {other} venue discuter d'aide militaire {place} {when}",
            "{when_cap}, {subj} a accueilli {place} une délégation de {other} pour parler d'aide militaire",
            "{subj} et une délégation de {other} ont discuté d'aide militaire {place} {when}"],
     "en": ["{subj} received a delegation from {other} to discuss military aid {place} {when}",
            "{when_cap}, {subj} hosted a delegation from {other} {place} to discuss military aid"]},
    {"actors": ("coree-du-sud", "coree-du-nord"),
     "fr": ["{subj} a accusé {other} de livrer des obus d'artillerie à Moscou {when}",
            "{when_cap}, les renseignements de {subj} ont affirmé que {other} livrait des obus d'artillerie",
            "Selon {subj}, {other} a livré des millions d'obus d'artillerie, a-t-on appris {when}"],
     "en": ["{subj} accused {other} of shipping artillery shells to Moscow {when}",
            "{when_cap}, intelligence from {subj} said {other} was shipping artillery shells"]},
]
ALIASES = {  # every alias is one of actors.yml's, so actor detection is exercised
    "russie": {"fr": ["la Russie", "Moscou", "le Kremlin", "Vladimir Poutine"],
               "en": ["Russia", "Moscow", "Vladimir Putin"]},
    "coree-du-nord": {"fr": ["Pyongyang", "Kim Jong-un"], "en": ["North Korea", "Pyongyang"]},
    "coree-du-sud": {"fr": ["Séoul"], "en": ["Seoul", "South Korea"]},
    "union-europeenne": {"fr": ["Bruxelles", "l'UE", "la Commission européenne"], "en": ["the EU", "Brussels"]},
    "ukraine": {"fr": ["Kiev", "Volodymyr Zelensky"], "en": ["Kyiv", "Volodymyr Zelensky"]},
    "etats-unis": {"fr": ["Washington", "le Pentagone"], "en": ["Washington", "the Pentagon"]},
}
PLACES = {"fr": ["à Kiev", "à Moscou", "à Pyongyang", "à Vladivostok", "dans la région de Koursk",
                 "près de Kharkiv", "à Odessa", "dans le Donbass", "à Bruxelles"],
          "en": ["in Kyiv", "in Moscow", "in Pyongyang", "in Vladivostok", "in the Kursk region",
                 "near Kharkiv", "in Odesa", "in the Donbas", "in Brussels"]}
OUTLETS = {"fr": ["Europe 1", "Le Monde", "France 24", "RFI", "Libération", "Le Figaro", "AFP"],
           "en": ["Reuters", "AP", "BBC", "The Guardian", "CNN", "Kyiv Independent"]}
MONTHS = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                 "octobre", "novembre", "décembre"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"]}
WEEKDAYS = {"fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
            "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}
FIRST, LAST = date(2022, 1, 3), date(2025, 12, 20)


@dataclass(frozen=True)
class Happening:
    day: date
    kind: int
    place: int


def say_date(day: date, published: date, lang: str, rnd: random.Random) -> str:
    """`day` as an article published on `published` would write it."""
    k = (published - day).days
    wd, months = WEEKDAYS[lang][day.weekday()], MONTHS[lang]
    choices = {"fr": [f"le {day.day} {months[day.month - 1]} {day.year}", f"le {day:%d/%m/%Y}"],
               "en": [f"on {months[day.month - 1]} {day.day}, {day.year}", f"on {day:%Y-%m-%d}"]}[lang]
    if k == 0:
        choices += {"fr": ["aujourd'hui", f"ce {wd}"], "en": ["today", f"on {wd}"]}[lang]
    elif k == 1:
        choices += {"fr": ["hier"], "en": ["yesterday"]}[lang]
    elif 2 <= k <= 6:
        choices += {"fr": [f"{wd} dernier", f"il y a {k} jours"], "en": [f"last {wd}", f"{k} days ago"]}[lang]
    return rnd.choice(choices)


def article(n: int, happening: Happening, rnd: random.Random, background: dict[str, list[str]]) -> tuple[str, str]:
    """(file name, Markdown with front matter) of the n-th article."""
    lang = "fr" if rnd.random() < 0.7 else "en"
    published = min(happening.day + timedelta(days=rnd.choice([0, 0, 1, 1, 2, 3, 5])), LAST)
    said = happening.day - timedelta(days=1) if rnd.random() < 0.05 else happening.day  # a wrong report
    kind = KINDS[happening.kind]
    subj_id, other_id = kind["actors"]
    when = say_date(said, published, lang, rnd)
    lead = rnd.choice(kind[lang]).format(
        subj=rnd.choice(ALIASES[subj_id][lang]), other=rnd.choice(ALIASES[other_id][lang]),
        place=PLACES[lang][happening.place], when=when, when_cap=when[0].upper() + when[1:])
    lead = lead[0].upper() + lead[1:] + "."
    outlet = rnd.choice(OUTLETS[lang])
    body = [lead] + [rnd.choice(background[lang]) for _ in range(rnd.randint(2, 3))]
    title = lead.rstrip(".")[:90].replace('"', "'")
    text = (f'---\ntitle: "{title}"\npublished: {published.isoformat()}\nsource: {outlet}\nlang: {lang}\n'
            f"actors: [{subj_id}, {other_id}]\n---\n" + " ".join(body) + "\n")
    return f"{published.isoformat()}-{kind['actors'][0]}-{n:05d}.md", text


def generate(content: Path, articles: int, seed: int = 7) -> dict[str, tuple[int, int, int]]:
    """Write `articles` entries plus the demo's timeline.yml and actors.yml into `content`;
    return what each entry's lead sentence reports: entry slug -> (day ordinal, kind, place).
    Two draws of the same kind, place and day are one happening: no text can tell them apart."""
    rnd = random.Random(seed)
    (content / "entries").mkdir(parents=True)
    for name in ("timeline.yml", "actors.yml"):
        shutil.copy2(DEMO / name, content / name)
    span = (LAST - FIRST).days
    happenings = [Happening(FIRST + timedelta(days=rnd.randrange(span)), rnd.randrange(len(KINDS)),
                            rnd.randrange(len(PLACES["fr"]))) for _ in range(max(1, articles // 3))]
    background = {lang: news_sentences(lang, 3000, seed=seed) for lang in ("fr", "en")}
    truth = {}
    for n in range(articles):
        k = rnd.randrange(len(happenings))  # what rnd.choice(happenings) draws
        name, text = article(n, happenings[k], rnd, background)
        (content / "entries" / name).write_text(text, encoding="utf-8")
        h = happenings[k]
        truth[name.removesuffix(".md")] = (h.day.toordinal(), h.kind, h.place)
    return truth


def gnu_time() -> str | None:
    exe = shutil.which("time") or ("/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None)
    if exe is None:
        return None
    probe = subprocess.run([exe, "-v", "true"], capture_output=True, text=True)
    return exe if "Maximum resident set size" in probe.stderr else None


def build(content: Path, out: Path, search: bool) -> dict[str, object]:
    """One `timeline build` subprocess: wall, CPU, peak RSS, events, files."""
    if search:
        cmd = [sys.executable, "-m", "timeline", "build"]
    else:
        cmd = [sys.executable, "-c", NO_SEARCH, "build"]
    cmd += ["--content", str(content), "--out", str(out), "--today", TODAY]
    timer = gnu_time()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(([timer, "-v"] if timer else []) + cmd, capture_output=True, text=True,
                          cwd=REPO, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = [line for line in proc.stderr.splitlines() if line.startswith(("built ", "site not written"))]
    if proc.returncode != 0:
        errors = [line for line in proc.stderr.splitlines() if "error" in line.lower()]
        raise SystemExit(f"build failed ({proc.returncode}):\n" + "\n".join(errors[-20:] or proc.stderr[-3000:]))
    if timer:
        rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    else:  # the largest child so far: right when this is the first (or largest) build
        rss_kb = after.ru_maxrss
    built = re.search(r"built (\d+) files \((\d+) events from (\d+) entries\)", "\n".join(summary))
    warnings = sum(1 for line in proc.stderr.splitlines() if "warning" in line.lower())
    return {"search": search, "wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "rss_mb": rss_kb / 1024, "files": int(built.group(1)), "events": int(built.group(2)),
            "entries": int(built.group(3)), "warnings": warnings,
            "on_disk": sum(1 for p in out.rglob("*") if p.is_file())}


def rss_now_mb() -> float:
    """Resident set size of this process now (Linux /proc), in MB; 0 elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def stages(content: Path, out: Path, search: bool,
           calls: list[tuple[str, str, str]]) -> list[tuple[str, float, float, float, float]]:
    """The stages of pipeline.run/build_site called one by one in this process:
    (stage, wall s, CPU s of this process, RSS MB now, peak RSS MB). CPU is the figure
    to compare across sizes: wall follows the load of a shared machine. Mirrors pipeline.py; read it to check.
    Every dateparser call (span, publication date, order) is appended to `calls`."""
    from timeline import temporal
    from timeline.check import date_warnings
    from timeline.config import load_config
    from timeline.content import load_entries
    from timeline.events import extract_events, merge_events
    from timeline.links import check_links
    from timeline.pipeline import normalise_base_url, resolve_today
    from timeline.render import make_env, render_pages
    from timeline.search import index_site
    from timeline.site import make_timeline, plan_pages
    from timeline.text import sentences as split_sentences
    from timeline.write import write_site

    from timeline.temporal import absolute

    rows: list[tuple[str, float, float, float, float]] = []
    clock = [time.perf_counter(), time.process_time()]

    def mark(name: str, seconds: tuple[float, float] | None = None) -> None:
        now = [time.perf_counter(), time.process_time()]
        wall, cpu = (now[0] - clock[0], now[1] - clock[1]) if seconds is None else seconds
        rows.append((name, wall, cpu, rss_now_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
        clock[:] = now

    real_parse = absolute.parse_numeric

    def recorded(span: str, dct: date, order: str = "DMY") -> date | None:
        calls.append((span, dct.isoformat(), order))
        return real_parse(span, dct, order)

    absolute.parse_numeric = recorded  # dates.py imports it at call time: every call is seen

    config, _ = load_config(content)
    day, _ = resolve_today(TODAY, config.timezone)
    base, _ = normalise_base_url(config.base_url)
    mark("load_config")
    entries, _ = load_entries(content, config, today=day, drafts=False)
    mark("load_entries")
    rows.append(("(before the per-entry loop)", 0.0, 0.0, rss_now_mb(),
                 resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    spent = [[0.0, 0.0] for _ in range(3)]  # (wall, CPU) of sentences, extract, extract_events

    def tick(i: int, since: tuple[float, float]) -> tuple[float, float]:
        now = time.perf_counter(), time.process_time()
        spent[i][0] += now[0] - since[0]
        spent[i][1] += now[1] - since[1]
        return now

    sentences, mentions, found = {}, {}, []
    dateparser_before = "dateparser" in sys.modules
    for entry in sorted(entries, key=lambda e: e.slug):
        t = time.perf_counter(), time.process_time()
        sents = list(split_sentences(entry))
        t = tick(0, t)
        ments = list(temporal.extract(entry.text, entry.published, entry.lang))
        t = tick(1, t)
        events, _ = extract_events(entry, sents, ments, config)
        tick(2, t)
        sentences[entry.slug], mentions[entry.slug] = sents, ments
        found.extend(events)
    absolute.parse_numeric = real_parse
    mark("text.sentences", tuple(spent[0]))
    mark(f"temporal.extract ({len(calls)} dateparser calls"
         + (", dateparser loaded here)" if "dateparser" in sys.modules and not dateparser_before else ")"),
         tuple(spent[1]))
    mark("events.extract_events", tuple(spent[2]))
    clock[:] = [time.perf_counter(), time.process_time()]
    merged = merge_events(found)
    mark(f"events.merge_events ({len(found)} -> {len(merged)})")
    date_warnings(list(entries), sentences, mentions)
    mark("check.date_warnings")
    timeline = make_timeline(config, list(entries), merged, mentions, day)
    mark("site.make_timeline")
    env, _ = make_env(config.theme, content)
    pages = plan_pages(timeline, base_url=base)
    mark(f"site.plan_pages ({len(pages)} pages)")
    files, _ = render_pages(pages, env, base_url=base)
    mark("render.render_pages")
    check_links(files, base)
    mark("links.check_links")
    hook = (lambda folder: index_site(folder, config.language)) if search else None
    write_site(files, out, content_dir=content, before_swap=hook)
    mark("write.write_site" + (" + search.index_site (pagefind's CPU not counted)" if search else ""))
    return rows


def extracted(content: Path) -> list:
    """The events the build's extract stage finds in `content`, before merging."""
    from timeline import temporal
    from timeline.config import load_config
    from timeline.content import load_entries
    from timeline.events import extract_events
    from timeline.pipeline import resolve_today
    from timeline.text import sentences as split_sentences

    config, _ = load_config(content)
    day, _ = resolve_today(TODAY, config.timezone)
    entries, _ = load_entries(content, config, today=day, drafts=False)
    found = []
    for entry in sorted(entries, key=lambda e: e.slug):
        sents = list(split_sentences(entry))
        events, _ = extract_events(entry, sents, list(temporal.extract(entry.text, entry.published, entry.lang)),
                                   config)
        found.extend(events)
    return found


def merge_alone(events: list, truth: dict[str, tuple[int, int, int]] | None = None) -> dict[str, float]:
    """CPU of one `merge_events` call on `events`, the candidate pairs it compared (counted
    by wrapping merge.candidate_pairs, whose pairs each get one similarity test) and, given
    the generator's truth, the pairwise precision and recall of the lead sentences' merging."""
    from timeline.events import merge

    real, pairs = merge.candidate_pairs, [0]

    def counted(*args, **kwargs):
        for pair in real(*args, **kwargs):
            pairs[0] += 1
            yield pair

    merge.candidate_pairs = counted
    try:
        started = time.process_time()
        merged = merge.merge_events(list(events))
        cpu = time.process_time() - started
    finally:
        merge.candidate_pairs = real
    out = {"in": len(events), "out": len(merged), "pairs": pairs[0], "cpu": cpu}
    if truth:
        out.update(lead_pairs(merged, truth))
    return out


def lead_pairs(merged: list, truth: dict[str, tuple[int, int, int]]) -> dict[str, float]:
    """Pairwise quality of merging on the lead sentences (one per article, source offset 0,
    whose happening the generator knows): precision = merged pairs that are one happening /
    merged pairs; recall = merged pairs that are one happening / pairs of one happening."""
    from collections import Counter

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    same = together = 0
    for event in merged:
        leads = Counter(truth[s.entry] for s in event.sources if s.start == 0 and s.entry in truth)
        same += sum(pairs(n) for n in leads.values())
        together += pairs(sum(leads.values()))
    told = sum(pairs(n) for n in Counter(truth.values()).values())
    return {"precision": same / together if together else 1.0, "recall": same / told if told else 1.0}


REPLAY = """
import json, sys
from datetime import date
from pathlib import Path
from timeline.temporal.absolute import parse_numeric
def rss():
    for line in Path('/proc/self/status').read_text().splitlines():
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
calls = json.load(sys.stdin)
before = rss()
parse_numeric('19/06/2024', date(2024, 10, 18))  # loads dateparser and its languages
loaded = rss()
for span, dct, order in calls:
    parse_numeric(span, date.fromisoformat(dct), order)
print(json.dumps([before, loaded, rss()]))
"""


def dateparser_memory(calls: list[tuple[str, str, str]]) -> tuple[float, float, float]:
    """RELIABILITY D5: the build's dateparser calls replayed alone in a fresh process:
    (RSS MB before dateparser, after loading it, after every call)."""
    import json

    proc = subprocess.run([sys.executable, "-c", REPLAY], input=json.dumps(calls), capture_output=True,
                          text=True, cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)), check=True)
    before, loaded, after = json.loads(proc.stdout)
    return before, loaded, after


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--no-search", action="store_true", help="only the build without the Pagefind index")
    parser.add_argument("--search-only", action="store_true", help="only the build with the Pagefind index")
    parser.add_argument("--stages", action="store_true", help="also time each stage in this process")
    parser.add_argument("--stages-only", action="store_true", help="skip the subprocess builds (with --stages)")
    parser.add_argument("--keep", type=Path, help="generate into this (new) folder and keep it")
    parser.add_argument("--merge-only", action="store_true",
                        help="only time merge_events on the extracted events (no build)")
    parser.add_argument("--events", type=Path,
                        help="with --merge-only: pickle of the extracted events, read if it exists, else written")
    args = parser.parse_args(argv)
    if args.merge_only:
        return merge_main(args.articles, args.events)

    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        started = time.perf_counter()
        generate(root / "content", args.articles)
        print(f"generated {args.articles} articles in {time.perf_counter() - started:.1f} s ({root / 'content'})")
        print(f"timer: {gnu_time() or 'getrusage(RUSAGE_CHILDREN)'}; {load()}", flush=True)
        print("| articles | entries | events | files | search | wall s | CPU s | peak RSS MB | warnings |")
        print("|---:|---:|---:|---:|---|---:|---:|---:|---:|", flush=True)
        modes = [False] if args.no_search else [True] if args.search_only else [True, False]
        if args.stages_only:
            modes = []
        for search in modes:
            r = build(root / "content", root / ("site" if search else "site-nosearch"), search)
            print(f"| {args.articles} | {r['entries']} | {r['events']} | {r['files']} | "
                  f"{'yes' if search else 'no'} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['rss_mb']:.0f} | "
                  f"{r['warnings']} |", flush=True)
        print(load())
        if args.stages:
            print("\nstages, in this process (the three per-entry stages: summed times, RSS after the loop):")
            print("| stage | wall s | CPU s | RSS MB after | peak RSS MB after |\n|---|---:|---:|---:|---:|")
            calls: list[tuple[str, str, str]] = []
            for name, wall, cpu, rss, peak in stages(root / "content", root / "site-stages",
                                                     search=not args.no_search, calls=calls):
                print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {peak:.0f} |", flush=True)
            before, loaded, after = dateparser_memory(calls)
            print(f"\ndateparser (D5): {len(calls)} calls, {len({c[1] for c in calls})} distinct publication "
                  f"dates, replayed alone: RSS {before:.0f} MB -> {loaded:.0f} MB once loaded "
                  f"-> {after:.0f} MB after every call (growth {after - loaded:+.1f} MB)")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


def merge_main(articles: int, cache: Path | None) -> int:
    """--merge-only: extract (or read) the events of a generated corpus, then time the merge alone."""
    import pickle

    if cache is not None and cache.exists():
        events, truth = pickle.loads(cache.read_bytes())
        print(f"read {len(events)} extracted events from {cache}")
    else:
        root = Path(tempfile.mkdtemp(prefix="bench-merge-"))
        try:
            truth = generate(root / "content", articles)
            events = extracted(root / "content")
        finally:
            shutil.rmtree(root, ignore_errors=True)
        if cache is not None:
            cache.write_bytes(pickle.dumps((events, truth)))
        print(f"{articles} generated articles: {len(events)} extracted events")
    print(load())
    r = merge_alone(events, truth)
    print("| events in -> out | pairs compared | CPU s | lead pairs precision | lead pairs recall |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {r['in']:,} -> {r['out']:,} | {r['pairs']:,} | {r['cpu']:.2f} | {r['precision']:.3f} | "
          f"{r['recall']:.3f} |")
    print(load())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
