"""timeline serve: loopback only, base path, no traversal (RELIABILITY C6), live reload, error page."""

from __future__ import annotations

import http.client
import threading
import time
from pathlib import Path

import pytest

from timeline.problems import error
from timeline.serve import SiteState, error_page, make_server, rebuild, serve, site_path, snapshot

FILES = {"index.html": b"<html><body><p>home</p></body></html>",
         "events/abc/index.html": b"<html><body>event</body></html>",
         "static/site.css": b"body{}", "404.html": b"<html><body>not found</body></html>"}


@pytest.fixture
def server():
    state = SiteState("/repo/")
    state.update(dict(FILES), [])
    srv = make_server(state, 0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state, srv
    srv.shutdown()
    srv.server_close()


def get(srv, raw_path: str, method: str = "GET"):
    """Send the path exactly as written (like curl --path-as-is)."""
    conn = http.client.HTTPConnection(*srv.server_address, timeout=5)
    conn.putrequest(method, raw_path, skip_host=False, skip_accept_encoding=True)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), body


def test_binds_loopback_only(server):
    _, srv = server
    assert srv.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("raw", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//evil.example/%2f..",
                                 "/..%20/x", "/repo/../x", "/repo/%00", "/repo/a%00b", "/repo/..%2f..%2fetc/passwd",
                                 "/repo/%2e%2e/%2e%2e/etc/passwd", "/repo/..\\..\\etc\\passwd",
                                 "/repo/%5c..%5cx", "/repo//etc/passwd"])
def test_traversal_never_leaves_the_site(server, raw):
    _, srv = server
    status, headers, body = get(srv, raw)
    assert status in (400, 404), raw
    assert b"root:" not in body
    assert not headers.get("Location", "").startswith("//")


def test_nul_byte_in_the_request_line_is_refused(server):
    import socket

    _, srv = server
    with socket.create_connection(srv.server_address, timeout=5) as sock:
        sock.sendall(b"GET /repo/index.html\x00.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        reply = b""
        while chunk := sock.recv(4096):
            reply += chunk
    assert reply.startswith(b"HTTP/1.0 400") or reply.startswith(b"HTTP/1.1 400"), reply[:40]


def test_pages_under_the_base_path_and_reload_script(server):
    state, srv = server
    status, headers, body = get(srv, "/repo/")
    assert status == 200 and b"home" in body and headers["Content-Type"].startswith("text/html")
    assert b'<script src="/repo/__timeline/reload.js"></script></body>' in body
    assert b"<script>" not in body  # external script only: the pages' CSP forbids inline script
    status, headers, _ = get(srv, "/repo/events/abc")
    assert status == 301 and headers["Location"] == "/repo/events/abc/"
    status, headers, _ = get(srv, "/repo")
    assert status == 301 and headers["Location"] == "/repo/"
    status, _, body = get(srv, "/repo/static/site.css")
    assert status == 200 and body == b"body{}"
    status, _, body = get(srv, "/repo/nope.html")
    assert status == 404 and b"not found" in body
    assert get(srv, "/index.html")[0] == 404  # outside the base path
    status, _, body = get(srv, "/repo/__timeline/reload.js")
    assert status == 200 and b"location.reload()" in body
    status, _, version = get(srv, "/repo/__timeline/version")
    assert status == 200 and version == state.version.encode()
    assert get(srv, "/repo/", "HEAD")[2] == b""


def test_a_failed_build_shows_the_error_page_and_the_version_changes(server):
    state, srv = server
    before = state.version
    problem = error("E100", "bad <yaml>", hint="fix it")
    rebuild(state, lambda: (None, [problem]), lambda line: None)
    assert state.version != before
    status, _, body = get(srv, "/repo/")
    assert status == 500 and b"bad &lt;yaml&gt;" in body and b"<yaml>" not in body
    assert b"/repo/__timeline/reload.js" in body
    rebuild(state, lambda: (dict(FILES), []), lambda line: None)
    assert get(srv, "/repo/")[0] == 200


def test_a_crashing_build_does_not_stop_the_server(server):
    state, srv = server
    rebuild(state, lambda: 1 / 0, lambda line: None)
    status, _, body = get(srv, "/repo/")
    assert status == 500 and b"ZeroDivisionError" in body


def test_site_path_unit():
    assert site_path("/repo/a/b/?q=1#x", "/repo/") == (0, "a/b/")
    assert site_path("/repo", "/repo/") == (301, "")
    assert site_path("/", "/") == (0, "")
    assert site_path("/%E9", "/")[0] == 400  # not UTF-8


def test_error_page_escapes():
    page = error_page([error("E1", "<script>alert(1)</script>")], "/")
    assert b"<script>alert" not in page


def test_snapshot_sees_edits(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("x")
    before = snapshot([tmp_path])
    time.sleep(0.01)
    f.write_text("xy")
    assert snapshot([tmp_path]) != before


def test_serve_rebuilds_when_content_changes(tmp_path):
    """The whole loop on a real content folder: build, serve, edit, rebuild, version changes."""
    import sys
    sys.path.insert(0, str(Path(__file__).parent))
    from test_pipeline import make_content

    content = make_content(tmp_path)
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(str(content),), daemon=True,
                              kwargs=dict(port=0, today="2024-12-31", echo=lines.append, stop=stop))
    thread.start()
    try:
        deadline = time.time() + 60
        while not any(line.startswith("serving on") for line in lines) and time.time() < deadline:
            time.sleep(0.05)
        url = next(line for line in lines if line.startswith("serving on")).split()[2]
        host, port = url.split("//")[1].split("/")[0].split(":")
        conn = lambda path: get(type("S", (), {"server_address": (host, int(port))}), path)  # noqa: E731
        assert conn("/")[0] == 200
        version = conn("/__timeline/version")[2]
        (content / "entries" / "traite.md").write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
        while conn("/__timeline/version")[2] == version and time.time() < deadline:
            time.sleep(0.1)
        status, _, body = conn("/")
        assert status == 500 and b"traite.md" in body
        assert any("traite.md" in line and "error" in line for line in lines)
    finally:
        stop.set()
        thread.join(10)
