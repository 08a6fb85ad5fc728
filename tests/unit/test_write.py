"""write_site: atomic swap, ownership marker, refused folders, path containment, collisions."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from timeline import write
from timeline.write import MARKER, check_paths, write_site


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name)


def test_writes_files_and_marker_then_replaces_the_whole_tree(tmp_path):
    out = tmp_path / "_site"
    assert write_site({"index.html": b"one", "a/b/index.html": b"two"}, out) == []
    assert tree(out).keys() == {"index.html", "a/b/index.html", MARKER}
    assert write_site({"index.html": b"new"}, out) == []
    assert (out / "index.html").read_bytes() == b"new" and not (out / "a").exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("exchange", [True, False])
def test_both_swap_methods(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    out = tmp_path / "site"
    write_site({"x.html": b"1"}, out)
    assert write_site({"y.html": b"2"}, out) == []
    assert set(tree(out)) == {"y.html", MARKER} and leftovers(tmp_path) == []


def test_a_write_error_leaves_the_previous_site_and_no_temp_dir(tmp_path, monkeypatch):
    out = tmp_path / "_site"
    write_site({"index.html": b"old"}, out)
    before = tree(out)
    real = Path.write_bytes

    def failing(self, data):
        if self.name == "boom.html":
            raise OSError(28, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    problems = write_site({"index.html": b"new", "boom.html": b"x"}, out)
    assert [p.code for p in problems] == ["E454"] and "No space left" in problems[0].message
    assert tree(out) == before and leftovers(tmp_path) == []


def test_before_swap_error_vetoes_the_swap(tmp_path):
    from timeline.problems import error
    out = tmp_path / "_site"
    write_site({"index.html": b"old"}, out)
    problems = write_site({"index.html": b"new"}, out, before_swap=lambda d: [error("E070", "no")])
    assert [p.code for p in problems] == ["E070"]
    assert (out / "index.html").read_bytes() == b"old" and leftovers(tmp_path) == []


def test_non_empty_folder_without_marker_is_refused_and_kept(tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "precious.txt").write_text("mine")
    [p] = write_site({"index.html": b"x"}, out)
    assert p.level == "error" and "not written by timeline" in p.message and "nothing was deleted" in p.message
    assert (out / "precious.txt").read_text() == "mine" and not (out / "index.html").exists()


def test_empty_folder_is_accepted(tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    assert write_site({"index.html": b"x"}, out) == []


@pytest.mark.parametrize("case", ["content", "inside-content", "parent-of-content", "cwd", "home", "file"])
def test_refused_out_dirs(tmp_path, monkeypatch, case):
    content = tmp_path / "proj" / "content"
    content.mkdir(parents=True)
    (content / "timeline.yml").write_text("title: x\n")
    monkeypatch.chdir(tmp_path / "proj")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / ".timeline-site").write_text("")  # even with a marker: never ~
    (tmp_path / "proj" / ".timeline-site").write_text("")
    (tmp_path / "afile").write_text("x")
    out = {"content": content, "inside-content": content / "_site", "parent-of-content": tmp_path,
           "cwd": Path("."), "home": Path("~"), "file": tmp_path / "afile"}[case]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    [p] = write_site({"index.html": b"x"}, out, content_dir=content)
    assert p.code == "E451" and p.level == "error"
    assert {q: q.read_bytes() for q in tmp_path.rglob("*") if q.is_file()} == before


@pytest.mark.parametrize("bad", ["../x", "../site-evil/x", "/etc/passwd", "a/../../x", "..\\x",
                                 "a\x00b", "CON", "aux.html", "x" * 300, "", "a//b", "./a"])
def test_escaping_paths_are_refused_and_nothing_is_written_outside(tmp_path, bad):
    out = tmp_path / "_site"
    before = sorted(p.name for p in tmp_path.iterdir())
    problems = write_site({bad: b"evil", "index.html": b"ok"}, out)
    assert [p.code for p in problems] == ["E452"]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_percent_dots_stay_inside_as_a_literal_name(tmp_path):
    out = tmp_path / "_site"
    assert write_site({"%2e%2e/x": b"1"}, out) == []
    assert (out / "%2e%2e" / "x").is_file()


def test_symlink_in_the_tree_cannot_escape(tmp_path, monkeypatch):
    """A path that resolves outside the temp dir (here via a planted symlink) is refused."""
    out = tmp_path / "_site"
    real_mkdtemp = write.tempfile.mkdtemp

    def planted(**kw):
        d = real_mkdtemp(**kw)
        if write.TEMP_TAG in kw.get("prefix", ""):
            os.symlink(tmp_path, os.path.join(d, "link"))
        return d

    monkeypatch.setattr(write.tempfile, "mkdtemp", planted)
    problems = write_site({"link/evil.html": b"x"}, out)
    assert [p.code for p in problems] == ["E452"]
    assert not (tmp_path / "evil.html").exists() and not out.exists()
    assert leftovers(tmp_path) == []


def test_collisions_name_both_paths():
    problems = check_paths(["Kim/index.html", "kim/index.html", "e\u0301t\u00e9.html", "\u00e9t\u00e9.html",
                            "a", "a/index.html"])
    messages = sorted(p.message for p in problems)
    assert len(problems) == 3
    assert any("'Kim/index.html'" in m and "'kim/index.html'" in m for m in messages)
    assert any("'a'" in m and "'a/index.html'" in m for m in messages)


def test_leftover_temp_dirs_of_a_killed_build_are_cleaned(tmp_path):
    out = tmp_path / "_site"
    stale = tmp_path / "._site.tmp-abc"
    stale.mkdir()
    (stale / MARKER).write_text("")
    foreign = tmp_path / "._site.tmp-notours"
    foreign.mkdir()
    (foreign / "data.txt").write_text("someone else's")
    empty = tmp_path / "._site.tmp-killedearly"
    empty.mkdir()
    assert write_site({"index.html": b"x"}, out) == []
    assert not stale.exists() and not empty.exists() and foreign.exists()
