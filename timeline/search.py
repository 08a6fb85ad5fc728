"""Full-text search: run Pagefind once over the freshly written build dir.

Why here and not in outputs.py: Pagefind reads the rendered HTML (the words a
reader sees, the `data-pagefind-body` regions of event and article pages), so
it runs after rendering, on the temp build dir, before the atomic swap — a
failed index never replaces a good site.

What is indexed is the theme's choice, made to index each event's text once,
on its own page: an article page leaves its lists of events out
(`data-pagefind-ignore`), so a word finds the event and the articles that
write it, not every article that lists the event; listing pages (index,
years, actors, kinds, months, sources) carry no `data-pagefind-body` and are
parsed but not indexed. Pagefind's memory grows with the pages and the words
it indexes (bench/README.md: 1.4 GB at 20,000 articles, 2.5 GB before the
lists of events were left out).

Pagefind is one Rust binary shipped by the PyPI package `pagefind[bin]`
(module `pagefind_bin`); nothing is downloaded at run time. Without it the
build goes on with a warning and the search page says search is unavailable.

Every page is indexed in the site's language (`--force-language`): an English
snippet on a French site is still found from the French search page, and a
French site gets French stemming ("soldats" finds "soldat"). Pagefind names
its files by content hash and was measured byte-stable across rebuilds, so the
`pagefind/` folder takes part in the byte-identical rebuild check.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from timeline.model import Origin, Problem
from timeline.problems import error, warning

BUNDLE_DIR = "pagefind"  # site-relative folder of the index; search.js loads pagefind.js from it
TIMEOUT_S = 600  # a 20,000-article site indexes in about 40 s; this only stops a hung process
INSTALL_HINT = "pip install 'pagefind[bin]'"


def pagefind_executable() -> Path | None:
    """The Pagefind binary of the installed `pagefind[bin]` package, or None."""
    try:
        import pagefind_bin  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        exe = Path(pagefind_bin.get_executable())
    except (FileNotFoundError, OSError):
        return None
    return exe if os.access(exe, os.X_OK) else None


def _clean_env() -> dict[str, str]:
    """The caller's environment without PAGEFIND_* settings, so that a
    variable left in a shell cannot change what the build writes."""
    return {k: v for k, v in os.environ.items() if not k.upper().startswith("PAGEFIND_")}


def index_site(site_dir: str | os.PathLike[str], lang: str) -> list[Problem]:
    """Build the Pagefind index inside `site_dir`/pagefind/; return problems.

    `lang` is the site's language (timeline.yml `language`), used for stemming.
    """
    site = Path(site_dir)
    exe = pagefind_executable()
    if exe is None:
        return [warning("W070", "search index not built: pagefind not installed",
                        hint=INSTALL_HINT)]
    cmd = [str(exe), "--site", ".", "--output-subdir", BUNDLE_DIR, "--silent"]
    if lang:
        cmd += ["--force-language", lang]
    try:
        run = subprocess.run(cmd, cwd=site, env=_clean_env(), capture_output=True,
                             timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return [error("E070", f"search index not built: pagefind did not finish in {TIMEOUT_S} s",
                      Origin(str(site)), hint="retry; if it hangs again, report it with the site")]
    except OSError as exc:
        return [error("E070", f"search index not built: cannot run pagefind ({exc.strerror})",
                      Origin(str(exe)), hint=f"reinstall it: {INSTALL_HINT}")]
    output = (run.stderr or b"").decode("utf-8", "replace") + (run.stdout or b"").decode("utf-8", "replace")
    if run.returncode != 0:
        lines = dict.fromkeys(line.strip() for line in output.splitlines() if line.strip())
        last = " / ".join(lines)[-400:]
        return [error("E070", f"search index not built: pagefind exited with status {run.returncode}: "
                      f"{last or 'no message'}", Origin(str(site)),
                      hint="the pages themselves were rendered; fix the message above and rebuild")]
    if not (site / BUNDLE_DIR / "pagefind.js").is_file():
        return [error("E070", "search index not built: pagefind wrote no pagefind.js",
                      Origin(str(site)), hint="the theme's event and article pages need data-pagefind-body")]
    return []
