"""One demo build, one HTTP server and one Chromium for the whole browser suite.

The suite needs Debian's chromium (/usr/bin/chromium) and the Python
`playwright` package; it never downloads a browser. Without them the tests are
skipped with the reason — except in CI, where TIMELINE_REQUIRE_BROWSER=1 turns
a missing browser into a failure, so a green CI always means the browser ran.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .server import SiteServer

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
BASE_URL = "/repo/"
TODAY = "2025-12-31"  # pinned so "still expected" / "overdue" do not drift
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def _missing(reason: str) -> None:
    if os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (TIMELINE_REQUIRE_BROWSER=1: the browser suite must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content built once, as `timeline build --base-url /repo/` would."""
    from timeline.pipeline import build_site
    from timeline.problems import format_problem

    out = tmp_path_factory.mktemp("browser") / "_site"
    result = build_site(str(CONTENT), str(out), base_url=BASE_URL, today=TODAY,
                        drafts=False, strict=False)
    errors = [format_problem(p) for p in result.problems if p.level == "error"]
    assert result.code == 0 and not errors, "demo build failed:\n" + "\n".join(errors)
    return out


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[SiteServer]:
    with SiteServer(site_dir, BASE_URL) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for the session (launching costs ~1 s; 40+ pages use it)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright not installed: pip install playwright (no `playwright install` needed)")
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        _missing(f"chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def fresh_page(browser, base: str):  # noqa: ANN001, ANN201 - playwright types are optional
    """A fresh context (no shared storage or URL state) at desktop size; its page collects
    the JavaScript errors in `page.js_errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()


@pytest.fixture()
def page(browser, server):  # noqa: ANN001, ANN201
    yield from fresh_page(browser, server.base)
