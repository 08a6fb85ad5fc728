"""The build, stage by stage: the only place that chains the stages (read it first).

    load_config -> load_entries -> sentences + temporal.extract -> extract_events
    -> merge_events -> make_timeline -> plan_pages -> make_env + iter_rendered
    -> LinkCheck -> write_site (atomic; the search index is built in the temp folder before the swap)

`plan` does every stage up to rendering; `run` renders into memory and returns the
files as bytes (used by `serve` and the tests); `build_site` streams each rendered
file into the atomic writer instead, and `check` (run_stages with keep_files=False)
streams each into the link check only, so a large site is never held whole.
Problems are collected, never raised; any error (or, with strict, any warning)
means nothing is written.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.model import Entry, Event, Mention, Origin, Page, Problem, Sentence, Timeline
from timeline.problems import error, exit_code

TODAY_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class BuildResult:
    code: int
    problems: list[Problem] = field(default_factory=list)
    summary: str = ""


@dataclass
class Analysis:
    """What the content says before any page exists (used by `check` as well)."""

    entries: list[Entry] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)  # merged
    checks: list[Any] = field(default_factory=list)  # check.EntryCheck per entry, by path: the date warnings


def resolve_today(today: str | date | None, tz_name: str = "UTC") -> tuple[date | None, list[Problem]]:
    """The build's "now": --today, else SOURCE_DATE_EPOCH, else the clock in the site's zone."""
    if isinstance(today, date):
        return today, []
    if today:
        try:
            if not TODAY_FORMAT.match(today):
                raise ValueError(today)
            return date.fromisoformat(today), []
        except ValueError:
            return None, [error("E410", f"--today '{today}' is not a date", None, "use YYYY-MM-DD")]
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = timezone.utc
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=zone).date(), []
        except (ValueError, OverflowError, OSError):
            return None, [error("E410", f"SOURCE_DATE_EPOCH '{epoch[:20]}' is not a number of seconds",
                                None, "unset it or give a Unix time, e.g. 1729209600")]
    return datetime.now(tz=zone).date(), []


def normalise_base_url(base_url: str) -> tuple[str | None, list[Problem]]:
    """'/repo' -> '/repo/'; refuses what would make links escape the site."""
    raw = (base_url or "/").strip()
    if re.match(r"^https?://", raw):
        raw = "/" + raw.split("://", 1)[1].partition("/")[2]
    if "\x00" in raw or "\\" in raw or "//" in raw or any(p in (".", "..") for p in raw.split("/")) \
            or not re.fullmatch(r"[A-Za-z0-9._~/%-]*", raw):
        return None, [error("E411", f"base URL {base_url!r} is not a plain path", None,
                            "use a path such as / or /my-repo/")]
    return "/" + raw.strip("/") + ("/" if raw.strip("/") else ""), []


class StageCache:
    """Per-entry results kept between two builds of one process (`serve`): an entry whose
    text, date and language are unchanged is not read by the date engine again, and its
    events are reused while the config is unchanged. Only what the last build used is
    kept, so memory follows the content."""

    def __init__(self) -> None:
        self._old: dict[tuple, Any] = {}
        self._new: dict[tuple, Any] = {}
        self.hits = 0

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        if key not in self._new:
            if key in self._old:
                self.hits += 1
                self._new[key] = self._old[key]
            else:
                self._new[key] = compute()
        return self._new[key]

    def rotate(self) -> None:
        self._old, self._new = self._new, {}


def _mentions(entry: Entry) -> tuple[list[Mention], list[Problem]]:
    from timeline import temporal

    try:
        return list(temporal.extract(entry.text, entry.published, entry.lang)), []
    except ValueError as exc:
        return [], [error("E412", f"dates not read: {exc}", entry.origin or Origin(entry.path),
                          "check `lang:` and `published:`")]


def analyse(content_dir: str | os.PathLike[str], config, today: date, *, drafts: bool,
            cache: StageCache | None = None) -> tuple[Analysis, list[Problem]]:
    """Entries -> sentences, mentions -> events (merged)."""
    from timeline.content import load_entries
    from timeline.events import extract_events, merge_events
    from timeline.text import sentences as split_sentences

    cache = cache or StageCache()
    entries, problems = load_entries(content_dir, config, today=today, drafts=drafts)
    result = Analysis(entries=list(entries))
    found: list[Event] = []
    for entry in sorted(entries, key=lambda e: e.slug):
        sentences = cache.get(("sentences", entry), lambda: list(split_sentences(entry)))
        mentions, more = cache.get(("mentions", entry.text, entry.published, entry.lang),
                                   lambda: _mentions(entry))
        events, more2 = cache.get(("events", entry, config),
                                  lambda: extract_events(entry, sentences, mentions, config))
        result.sentences[entry.slug], result.mentions[entry.slug] = sentences, mentions
        found.extend(events)
        problems += more + more2
    result.events = merge_events(found)
    cache.rotate()
    return result, problems


@dataclass
class Plan:
    """The site decided but not rendered: its pages, the theme's environment, the base path."""

    timeline: Timeline
    pages: list[Page]
    env: Any
    base: str
    analysis: Analysis | None = None  # what the pages were made from (`check` reports on it)


def plan(content_dir: str | os.PathLike[str], *, base_url: str | None = None,
         today: str | date | None = None, drafts: bool = False, cache: StageCache | None = None,
         keep_analysis: bool = False) -> tuple[Plan | None, list[Problem], Timeline | None]:
    """Every stage up to rendering: (plan or None when nothing can be rendered, problems, timeline).
    The Plan holds the Analysis only if asked (`check`): the build frees it before rendering."""
    from timeline.check import check_entries, warnings_of
    from timeline.config import load_config
    from timeline.render import make_env
    from timeline.site import make_timeline, plan_pages

    config, problems = load_config(content_dir)
    if config is None:
        return None, problems, None
    day, more = resolve_today(today, config.timezone)
    base, more2 = normalise_base_url(base_url if base_url is not None else config.base_url)
    problems += more + more2
    if day is None or base is None:
        return None, problems, None
    analysis, more = analyse(content_dir, config, day, drafts=drafts, cache=cache)
    analysis.checks = check_entries(analysis.entries, analysis.sentences, analysis.mentions)
    problems += more + warnings_of(analysis.checks)
    timeline = make_timeline(config, analysis.entries, analysis.events, analysis.mentions, day)
    env, more = make_env(config.theme, content_dir)
    problems += more
    if env is None:
        return None, problems, timeline
    kept = analysis if keep_analysis else None
    return Plan(timeline, plan_pages(timeline, base_url=base), env, base, kept), problems, timeline


@dataclass
class Run:
    """`run`'s three results, and the analysis the site was made from (for `check`)."""

    files: dict[str, bytes] | None
    problems: list[Problem]
    timeline: Timeline | None
    analysis: Analysis | None = None  # None when no site could be planned (config or theme error)


def run(content_dir: str | os.PathLike[str], *, base_url: str | None = None,
        today: str | date | None = None, drafts: bool = False, cache: StageCache | None = None,
        ) -> tuple[dict[str, bytes] | None, list[Problem], Timeline | None]:
    """Every stage but writing, the files in memory: (files or None on error, problems, timeline or None)."""
    done = run_stages(content_dir, base_url=base_url, today=today, drafts=drafts, cache=cache)
    return done.files, done.problems, done.timeline


def run_stages(content_dir: str | os.PathLike[str], *, base_url: str | None = None,
               today: str | date | None = None, drafts: bool = False, cache: StageCache | None = None,
               keep_files: bool = True) -> Run:
    """`run`, keeping the Analysis (sentences, mentions, date checks) for callers that report on it.
    With keep_files=False (`check`) each page is rendered, fed to the link check and dropped, as
    `build_site` does, so memory holds one page, not the site: the problems are the same, the
    files are None."""
    from timeline.links import LinkCheck
    from timeline.render import iter_rendered

    site, problems, timeline = plan(content_dir, base_url=base_url, today=today, drafts=drafts, cache=cache,
                                    keep_analysis=True)
    if site is None:
        return Run(None, problems, timeline)
    links, rendered, files = LinkCheck(site.base), [], {}
    for rel, data in iter_rendered(site.pages, site.env, base_url=site.base, problems=rendered):
        links.add(rel, data)
        if keep_files:
            files[rel] = data
    problems += rendered + links.problems()
    if not keep_files or any(p.level == "error" for p in problems):
        return Run(None, problems, timeline, site.analysis)
    return Run(files, problems, timeline, site.analysis)


def build_site(content_dir: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
               base_url: str | None = None, today: str | None = None, drafts: bool = False,
               strict: bool = False) -> BuildResult:
    """`timeline build`: run every stage, then replace `out_dir` atomically (or not at all)."""
    from timeline.links import LinkCheck
    from timeline.render import iter_rendered
    from timeline.search import index_site
    from timeline.write import SiteWriter, check_out_dir

    started = time.perf_counter()
    if not Path(content_dir).is_dir():
        return BuildResult(1, [error("E413", f"content folder {content_dir} not found", None,
                                     "run from your project folder or pass --content DIR")])
    problems = check_out_dir(out_dir, content_dir)
    if problems:
        return BuildResult(1, problems)
    site, problems, timeline = plan(content_dir, base_url=base_url, today=today, drafts=drafts)
    if site is None or timeline is None or any(p.level == "error" for p in problems):
        return BuildResult(exit_code(problems, strict=strict) or 1, problems,
                           f"site not written: {out_dir} is unchanged")
    lang = timeline.config.language
    # Each file goes to the temp folder as soon as it is rendered (memory: one page, not the site).
    with SiteWriter(out_dir, content_dir=content_dir) as writer:
        links, rendered = LinkCheck(site.base), []
        for rel, data in iter_rendered(site.pages, site.env, base_url=site.base, problems=rendered):
            writer.add(rel, data)
            links.add(rel, data)
        # with --strict a warning of the stages above vetoes the swap, but the link check still reports
        problems = writer.finish(problems + rendered + links.problems(), strict=strict,
                                  before_swap=lambda folder: index_site(folder, lang))
    code = exit_code(problems, strict=strict)
    if code:
        return BuildResult(code, problems, f"site not written: {out_dir} is unchanged")
    return BuildResult(0, problems, f"built {writer.count} files ({len(timeline.events)} events from "
                       f"{len(timeline.entries)} entries) into {out_dir} in "
                       f"{time.perf_counter() - started:.1f} s")
