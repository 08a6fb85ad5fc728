"""timeline.search: Pagefind runs once over a build dir, or the build says why not."""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
from pathlib import Path

import pytest

from timeline import search
from timeline.problems import format_problem

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Menu Accueil</nav><main{body}><h1>{title}</h1><p>{text}</p></main></body></html>
"""


def _site(root: Path) -> Path:
    (root / "events" / "a").mkdir(parents=True)
    (root / "events" / "b").mkdir(parents=True)
    (root / "index.html").write_text(PAGE.format(title="Chronologie", body="", text="Accueil"),
                                     encoding="utf-8")
    (root / "events" / "a" / "index.html").write_text(PAGE.format(
        title="Soldats à Vladivostok", body=" data-pagefind-body",
        text="1.500 soldats des forces spéciales sont arrivés dans la région de Vladivostok."),
        encoding="utf-8")
    (root / "events" / "b" / "index.html").write_text(PAGE.format(
        title="Envoi imminent", body=" data-pagefind-body",
        text="Les renseignements évoquent un envoi imminent de soldats."), encoding="utf-8")
    return root


def _tree_hash(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_missing_pagefind_is_a_warning_with_the_install_hint(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "pagefind_executable", lambda: None)
    problems = search.index_site(_site(tmp_path), "fr")
    assert [format_problem(p) for p in problems] == [
        "warning: search index not built: pagefind not installed — pip install 'pagefind[bin]' [W070]"
    ]
    assert not (tmp_path / "pagefind").exists()


def test_indexes_only_marked_pages_in_the_site_language(tmp_path):
    assert search.pagefind_executable() is not None, "pagefind[bin] is a dependency: pip install 'pagefind[bin]'"
    site = _site(tmp_path / "site")
    assert search.index_site(site, "fr") == []
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # one French index holding the two pages with data-pagefind-body, not the home page
    assert list(entry["languages"]) == ["fr"]
    assert entry["languages"]["fr"]["page_count"] == 2
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_index_is_byte_stable_across_runs(tmp_path):
    one = _site(tmp_path / "one")
    two = tmp_path / "two"
    shutil.copytree(one, two)
    assert search.index_site(one, "fr") == [] and search.index_site(two, "fr") == []
    assert _tree_hash(one / "pagefind") == _tree_hash(two / "pagefind")


def test_a_failing_pagefind_is_an_error_naming_its_message(tmp_path, monkeypatch):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: disk on fire' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "pagefind_executable", lambda: fake)
    problems = search.index_site(_site(tmp_path / "site"), "fr")
    assert len(problems) == 1 and problems[0].level == "error" and problems[0].code == "E070"
    assert "status 3" in problems[0].message and "disk on fire" in problems[0].message


def test_pagefind_settings_from_the_environment_are_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_GLOB", "nothing/*.html")  # pagefind itself would find no page
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", "p")
    site = _site(tmp_path / "site")
    assert search.index_site(site, "fr") == []
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["fr"]["page_count"] == 2


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_site_language_decides_the_index_language(tmp_path, lang):
    site = _site(tmp_path / "site")
    assert search.index_site(site, lang) == []
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [lang]


DEMO = Path(__file__).resolve().parents[2] / "content"


def test_demo_build_without_pagefind_warns_and_writes_the_site(tmp_path, monkeypatch):
    from timeline.pipeline import build_site

    monkeypatch.setattr(search, "pagefind_executable", lambda: None)
    result = build_site(str(DEMO), str(tmp_path / "_site"), base_url="/", today="2025-12-31")
    assert result.code == 0, [format_problem(p) for p in result.problems]
    assert "warning: search index not built: pagefind not installed — pip install 'pagefind[bin]' [W070]" in [
        format_problem(p) for p in result.problems]
    assert (tmp_path / "_site" / "index.html").is_file()
    assert (tmp_path / "_site" / "search" / "index.html").is_file()
    assert not (tmp_path / "_site" / "pagefind").exists()
    strict = build_site(str(DEMO), str(tmp_path / "_strict"), base_url="/", today="2025-12-31", strict=True)
    assert strict.code != 0  # --strict treats the missing index like any other warning


def test_demo_search_index_is_byte_identical_across_builds(tmp_path):
    from timeline.pipeline import build_site

    for name in ("one", "two"):
        result = build_site(str(DEMO), str(tmp_path / name), base_url="/repo/", today="2025-12-31")
        assert result.code == 0, [format_problem(p) for p in result.problems]
    one, two = _tree_hash(tmp_path / "one" / "pagefind"), _tree_hash(tmp_path / "two" / "pagefind")
    assert len(one) > 5 and one == two
    entry = json.loads((tmp_path / "one" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]
    # event pages and article pages are indexed (data-pagefind-body), nothing else: not the
    # pages a merged event's former addresses keep (site.moved_pages)
    built = [*(tmp_path / "one" / "events").glob("*/index.html"), *(tmp_path / "one" / "articles").glob("*/index.html")]
    pages = sum(1 for p in built if "data-pagefind-body" in p.read_text(encoding="utf-8"))
    assert 0 < pages < len(built)
    assert entry["languages"]["fr"]["page_count"] == pages
