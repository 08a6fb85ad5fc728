"""`timeline check` streams the site as `build` does: each page is rendered, link-checked and
dropped. It must still report what the in-memory run reports (a broken link, a template error
with its file and line) and write nothing, neither beside the content nor in a temp folder."""

from __future__ import annotations

import tempfile
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import render
from timeline.cli import cli
from timeline.pipeline import run_stages
from timeline.problems import format_problem
from timeline.render import PACKAGE_THEMES

TODAY = "2025-12-31"
ENTRY = """---
title: Accord
published: 2024-10-18
source: Europe 1
---
Le 17 octobre 2024, la Russie a signé un accord de défense avec la Corée du Nord.
"""


def _content(tmp_path: Path, templates: dict[str, str]) -> Path:
    """One entry, a site whose theme `custom` overrides `templates` and keeps the default's others."""
    c = tmp_path / "content"
    (c / "entries").mkdir(parents=True)
    (c / "timeline.yml").write_text("title: Essai\nlanguage: fr\ntheme: custom\n", encoding="utf-8")
    (c / "actors.yml").write_text("russie:\n  name: Russie\n  aliases: [Moscou]\n", encoding="utf-8")
    (c / "entries" / "accord.md").write_text(ENTRY, encoding="utf-8")
    for name, text in templates.items():
        path = tmp_path / "themes" / "custom" / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return c


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else b"", p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*"))}


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """tempfile's folder for this test only: whatever check would put in a temp folder shows here."""
    folder = tmp_path.parent / (tmp_path.name + "-tmp")
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _check(c: Path, *args: str):
    return CliRunner().invoke(cli, ["check", "--content", str(c), "--today", TODAY, *args])


BROKEN = '<!DOCTYPE html><html lang="fr"><body><a href="/nope/">x</a></body></html>\n'


def test_check_reports_a_broken_link_as_before_and_writes_nothing(tmp_path, private_tmp):
    c = _content(tmp_path, {"404.html": BROKEN})
    before = _tree(tmp_path)
    result = _check(c)
    strict = _check(c, "--strict")
    assert _tree(tmp_path) == before and list(private_tmp.iterdir()) == []
    line = ("404.html: warning: broken internal link '/nope/' in 404.html: no such file nope/index.html"
            " — check the theme template or the base URL [W460]")
    assert line in result.output.splitlines()
    assert result.exit_code == 0 and strict.exit_code == 1
    assert "1 entries, " in result.output
    # the problems of the site held whole in memory, the way check read it before streaming
    kept = run_stages(c, today=TODAY, drafts=True)
    assert kept.files is not None and "404.html" in kept.files
    streamed = run_stages(c, today=TODAY, drafts=True, keep_files=False)
    assert streamed.files is None
    assert [format_problem(p) for p in streamed.problems] == [format_problem(p) for p in kept.problems]


def test_check_reports_a_template_error_with_file_and_line_and_writes_nothing(tmp_path, private_tmp):
    c = _content(tmp_path, {"404.html": "<p>ok</p>\n<p>\n{{ titel }}</p>\n"})
    before = _tree(tmp_path)
    result = _check(c)
    assert _tree(tmp_path) == before and list(private_tmp.iterdir()) == []
    assert result.exit_code == 1
    errors = [x for x in result.output.splitlines() if "[E044]" in x]
    assert len(errors) == 1, result.output
    assert "themes/custom/templates/404.html:3: error: template error while rendering 404.html:" in errors[0]
    assert "'titel' is undefined" in errors[0]
    # the report of the dates is still there: the content was read
    assert "entries/accord.md  (published 2024-10-18, vendredi)" in result.output
    kept = run_stages(c, today=TODAY, drafts=True)
    streamed = run_stages(c, today=TODAY, drafts=True, keep_files=False)
    assert kept.files is None and streamed.files is None
    assert [format_problem(p) for p in streamed.problems] == [format_problem(p) for p in kept.problems]


def test_check_holds_one_rendered_page_not_the_whole_site(tmp_path, monkeypatch):
    """Each page of this site is padded to about 200 kB. Held whole, the rendered site costs its
    total size on top of the rendering of a page; streamed, only the rendering of a page is left
    (Jinja's chunks, the str, its bytes: a few times one page, whatever the number of pages)."""
    base = (PACKAGE_THEMES / "default" / "templates" / "base.html").read_text(encoding="utf-8")
    # base_url * n: a value known only at render time, so Jinja cannot fold it into the template
    padded = base.replace("{% block head %}", "<!-- {{ base_url * 200000 }} -->\n{% block head %}", 1)
    assert padded != base
    c = _content(tmp_path, {"base.html": padded})
    real, seen = render.iter_rendered, {}

    def measured(*args, **kwargs):
        tracemalloc.start()
        total = 0
        try:
            for rel, data in real(*args, **kwargs):
                total += len(data)
                yield rel, data
            seen["total"], seen["peak"] = total, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    monkeypatch.setattr(render, "iter_rendered", measured)
    kept = run_stages(c, today=TODAY, drafts=True)
    total, kept_peak = seen["total"], seen["peak"]
    assert kept.files is not None and total > 2_000_000 and kept_peak > total, seen  # ten pages or more
    streamed = run_stages(c, today=TODAY, drafts=True, keep_files=False)
    assert streamed.problems == kept.problems and seen["total"] == total
    assert seen["peak"] < kept_peak - total / 2, (kept_peak, seen)
