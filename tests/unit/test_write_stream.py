"""The streamed build: each rendered file goes to disk at once, with the guarantees of write_site.

What a user relies on: `timeline build` writes the same bytes as the in-memory run (so
`serve`, `check` and `build` agree), a failed or vetoed build leaves the previous site
as it was, and broken links or colliding paths are still caught although no page is kept.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from timeline.links import LinkCheck, check_links
from timeline.pipeline import build_site, run
from timeline.write import MARKER, SiteWriter, check_paths, PathGuard

REPO = Path(__file__).resolve().parents[2]


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != MARKER}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name)


def test_a_streamed_build_writes_the_bytes_of_the_in_memory_run(tmp_path, monkeypatch):
    monkeypatch.setattr("timeline.search.index_site", lambda folder, lang: [])  # Pagefind: not this test's
    out = tmp_path / "_site"
    result = build_site(REPO / "content", out, today="2026-01-01", base_url="/repo/")
    assert result.code == 0, result.problems
    files, _, _ = run(REPO / "content", today="2026-01-01", base_url="/repo/")
    assert files is not None
    written = tree(out)
    assert written == {k: hashlib.sha256(v).hexdigest() for k, v in files.items()}
    assert f"built {len(files)} files" in result.summary


def test_each_file_is_on_disk_as_soon_as_it_is_added(tmp_path):
    out = tmp_path / "_site"
    with SiteWriter(out) as writer:
        writer.add("a/index.html", b"one")
        [temp] = [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
        assert (temp / "a" / "index.html").read_bytes() == b"one" and not out.exists()
        writer.add("b.html", b"two")
        assert writer.finish() == []
    assert tree(out) == {"a/index.html": hashlib.sha256(b"one").hexdigest(),
                         "b.html": hashlib.sha256(b"two").hexdigest()}
    assert leftovers(tmp_path) == [] and writer.count == 2


def test_a_collision_met_late_leaves_the_previous_site(tmp_path):
    out = tmp_path / "_site"
    with SiteWriter(out) as first:
        first.add("index.html", b"old")
        first.finish()
    with SiteWriter(out) as writer:
        writer.add("Kim/index.html", b"1")
        writer.add("kim/index.html", b"2")
        writer.add("z.html", b"3")
        problems = writer.finish()
    assert [p.code for p in problems] == ["E453"] and "'Kim/index.html'" in problems[0].message
    assert (out / "index.html").read_bytes() == b"old" and not (out / "z.html").exists()
    assert leftovers(tmp_path) == []


def test_an_exception_inside_the_with_block_removes_the_temp_folder(tmp_path):
    out = tmp_path / "_site"
    try:
        with SiteWriter(out) as writer:
            writer.add("index.html", b"x")
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert leftovers(tmp_path) == [] and not out.exists()


def test_a_broken_link_with_strict_vetoes_the_swap(tmp_path):
    out = tmp_path / "_site"
    with SiteWriter(out) as first:
        first.add("index.html", b"old")
        first.finish()
    check = LinkCheck("/")
    with SiteWriter(out) as writer:
        for rel, data in [("index.html", b'<a href="/gone/">x</a>'), ("a.html", b"<p>a</p>")]:
            writer.add(rel, data)
            check.add(rel, data)
        problems = writer.finish(check.problems(), strict=True)
    assert [p.code for p in problems] == ["W460"]
    assert (out / "index.html").read_bytes() == b"old" and not (out / "a.html").exists()


def test_the_link_check_fed_page_by_page_finds_what_the_whole_check_finds():
    files = {"index.html": b'<a href="/b.html#x">1</a><a href="/b.html#y">2</a><a href="c/">3</a>',
             "b.html": b'<h2 id="x">x</h2><a href="/index.html#top">4</a>',
             "static/s.css": b"a{}"}
    check = LinkCheck("/")
    for key in ["static/s.css", "b.html", "index.html"]:  # any order
        check.add(key, files[key])
    streamed = [p.message for p in check.problems()]
    assert streamed == [p.message for p in check_links(files, "/")]
    assert streamed == ["broken internal link '/index.html#top' in b.html: no id 'top' in index.html",
                        "broken internal link '/b.html#y' in index.html: no id 'y' in b.html",
                        "broken internal link 'c/' in index.html: no such file c/index.html"]


def test_the_path_guard_sees_a_file_and_a_folder_in_either_order():
    for order in (["a", "a/index.html"], ["a/index.html", "a"], ["A/b/c.html", "a/B"]):
        guard = PathGuard()
        problems = [p for rel in order for p in guard.check(rel)]
        assert [p.code for p in problems] == ["E453"] and "is a file and also the folder" in problems[0].message
    assert check_paths(["a/b.html", "a/c.html", "a.html", "ab/index.html"]) == []
