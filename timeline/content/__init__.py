"""Entries as editors write them: content/entries/**/*.md -> list[Entry] + problems.

- `load_entries(content_dir, config, *, today=None, drafts=False)`
- `slugify(text)`: the slug rule for file names and titles (also used by `timeline new`)

Slugs come from file names, so two files whose names differ only by case,
accents or Unicode normalisation would publish to the same URL: that is an
error naming both files, never a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

from timeline.content.entry import parse_entry
from timeline.content.source import E_SYMLINK, outside, read_source
from timeline.model import Config, Entry, Origin, Problem
from timeline.problems import error, warning

ENTRIES_DIR = "entries"
MAX_SLUG = 80
MANY_FILES = 50_000  # above this, builds get slow and hosting limits approach: say so
W_MANY_FILES = "W135"
E_NO_ENTRIES = "E135"
E_DUPLICATE_SLUG = "E146"
W_SYMLINK = "W113"

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes; a text without latin letters gets a stable hash slug."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    ascii_text = ascii_text.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    slug = _NOT_SLUG.sub("-", ascii_text.encode("ascii", "ignore").decode()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
    if slug:
        return slug
    digest = hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode("utf-8")).hexdigest()
    return f"n-{digest[:10]}"


def _files(root: Path, content_root: Path, display_root: str) -> tuple[list[Path], list[Problem]]:
    """Every *.md under root, without following symlinks that leave the content folder."""
    found: list[Path] = []
    problems: list[Problem] = []
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in sorted(dirnames):
            if (here / name).is_symlink():
                where = Origin(_display(here / name, content_root, display_root))
                why = outside(here / name, content_root)
                if why:
                    problems.append(error(E_SYMLINK, f"folder not read: {why}", where,
                                          "move the entries into content/ instead of linking them"))
                else:
                    problems.append(warning(W_SYMLINK, "symlinked folder not followed (its entries would "
                                            "be read twice)", where, "remove the link"))
        for name in filenames:
            if name.endswith(".md"):
                found.append(here / name)
    return sorted(found), problems


def _display(path: Path, content_root: Path, display_root: str) -> str:
    return f"{display_root}/{path.relative_to(content_root).as_posix()}"


def load_entries(content_dir: str | Path, config: Config, *, today: dt.date | None = None,
                 drafts: bool = False) -> tuple[list[Entry], list[Problem]]:
    """Read and validate every entry, sorted by path; drafts are left out unless asked for."""
    content_root = Path(content_dir)
    display_root = content_root.as_posix()
    if today is None:
        today = dt.datetime.now(ZoneInfo(config.timezone)).date()
    root = content_root / ENTRIES_DIR
    if not root.is_dir():
        return [], [error(E_NO_ENTRIES, f"no {ENTRIES_DIR}/ folder in the content folder",
                          Origin(f"{display_root}/{ENTRIES_DIR}"), "create it and add entries with `timeline new`")]
    paths, problems = _files(root, content_root, display_root)
    if len(paths) > MANY_FILES:
        problems.append(warning(W_MANY_FILES, f"{len(paths)} entry files (more than {MANY_FILES})",
                                Origin(f"{display_root}/{ENTRIES_DIR}"),
                                "builds slow down; consider splitting the timeline into several sites"))
    entries: list[Entry] = []
    by_slug: dict[str, str] = {}
    for path in paths:
        display = _display(path, content_root, display_root)
        if path.is_symlink():
            why = outside(path, content_root)
            if why:
                problems.append(error(E_SYMLINK, f"not read: {why}", Origin(display),
                                      "copy the file into the content folder instead of linking it"))
                continue
        slug = slugify(path.name[:-3])
        if slug in by_slug:
            problems.append(error(E_DUPLICATE_SLUG, f"same URL as {by_slug[slug]} (slug '{slug}')",
                                  Origin(display), "rename one of the two files: names that differ only by "
                                  "case, accents or Unicode form give the same URL"))
            continue
        by_slug[slug] = display
        text, found = read_source(path, display)
        problems += found
        if text is None:
            continue
        entry, found = parse_entry(text, path.relative_to(content_root).as_posix(), display, slug, config, today)
        problems += found
        if entry is not None and (drafts or not entry.draft):
            entries.append(entry)
    return entries, problems
