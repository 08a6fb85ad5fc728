"""check_links: the post-render link check of the build (broken link = warning, fails --strict)."""

from __future__ import annotations

from timeline.links import MAX_REPORTED, check_links


def page(*links: str, ids: tuple[str, ...] = ()) -> bytes:
    body = "".join(f'<a href="{link}">x</a>' for link in links)
    body += "".join(f'<h2 id="{i}">t</h2>' for i in ids)
    return f'<html><body>{body}<img src="/repo/static/a.png"></body></html>'.encode()


def test_good_links_pass():
    files = {"index.html": page("/repo/events/a/", "/repo/events/a/#top", "events/a/", "#here",
                                "https://example.org/x", "mailto:x@example.org", "//cdn.example/x",
                                "/repo/pagefind/pagefind.js", "?q=1", ids=("here",)),
             "events/a/index.html": page("../../", "/repo/", ids=("top",)),
             "static/a.png": b"png"}
    assert check_links(files, "/repo/") == []


def test_missing_file_escaping_link_and_missing_anchor_are_warnings():
    files = {"index.html": page("/repo/nope/", "/elsewhere/", "../../../x", "/repo/#missing", "a&amp;b.html"),
             "static/a.png": b"png"}
    problems = check_links(files, "/repo/")
    assert all(p.level == "warning" and p.code == "W460" for p in problems)
    messages = [p.message for p in problems]
    assert any("'/repo/nope/'" in m and "no such file nope/index.html" in m for m in messages)
    assert any("'/elsewhere/'" in m and "leaves the base path /repo/" in m for m in messages)
    assert any("'../../../x'" in m and "leaves the base path" in m for m in messages)
    assert any("no id 'missing' in index.html" in m for m in messages)
    assert any("'a&b.html'" in m for m in messages)  # attribute values are unescaped
    assert len(problems) == 5 and problems[0].origin.path == "index.html"


def test_a_systematic_break_is_reported_briefly():
    files = {f"p{i}.html": page("/repo/gone.css") for i in range(100)}
    problems = check_links(files, "/repo/")
    assert len(problems) == MAX_REPORTED + 1 and "80 more" in problems[-1].message
