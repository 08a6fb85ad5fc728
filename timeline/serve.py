"""`timeline serve`: build, serve on 127.0.0.1 under the base path, rebuild on change.

Why it serves from memory: the built site is a dict of path -> bytes (built in a
temp folder so the search index exists, then read back), and a request can only
ever name a key of that dict. No request path is joined to a disk path, so
"../", "%2e%2e", "//host" and NUL bytes cannot reach a file outside the site
(CVE-2021-28861 class); redirects are built from the base path, never from the
request, so no `Location:` starts with "//".

Rebuilds: the main loop polls the mtimes of the content folder and the theme folders
(stdlib only) and rebuilds on change, reading again with the date engine only
the entries that changed (pipeline.StageCache); a failed build shows its problems in the
terminal and as the page, and the server keeps running. Pages get one extra
`<script src=".../__timeline/reload.js">` (an external file, so the pages' CSP
`script-src 'self'` allows it) that polls `__timeline/version` and reloads.
"""

from __future__ import annotations

import hashlib
import html
import mimetypes
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from timeline.model import Problem
from timeline.pipeline import StageCache, run
from timeline.problems import format_problem, sort_key

HOST = "127.0.0.1"
POLL_SECONDS = 0.5
SPECIAL = "__timeline/"
RELOAD_JS = b"""(function () {
  var me = document.currentScript && document.currentScript.src;
  if (!me || !window.fetch) return;
  var url = me.replace(/reload\\.js(\\?.*)?$/, "version"), seen = null;
  function poll() {
    fetch(url, {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
      if (seen === null) seen = v; else if (v !== seen) location.reload();
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


class SiteState:
    """The last build: its files, or the problems that stopped it; swapped under a lock."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.lock = threading.Lock()
        self.files: dict[str, bytes] = {}
        self.problems: list[Problem] = []
        self.failed = True
        self.version = "0"

    def update(self, files: dict[str, bytes] | None, problems: list[Problem]) -> None:
        digest = hashlib.sha256()
        for key in sorted(files or {}):
            digest.update(key.encode() + b"\0" + hashlib.sha256(files[key]).digest())
        for p in sorted(problems, key=sort_key):
            digest.update(format_problem(p).encode())
        with self.lock:
            self.files, self.problems, self.failed = files or {}, problems, files is None
            self.version = digest.hexdigest()[:16]


def build_files(content_dir: str | os.PathLike[str], *, base_url: str | None, today: str | None,
                drafts: bool, cache: StageCache | None = None) -> tuple[dict[str, bytes] | None, list[Problem]]:
    """The site as bytes, search index included (built in a temp folder, read back)."""
    from timeline.search import index_site
    from timeline.write import MARKER, write_site

    files, problems, timeline = run(content_dir, base_url=base_url, today=today, drafts=drafts, cache=cache)
    if files is None or timeline is None:
        return None, problems
    lang = timeline.config.language
    with tempfile.TemporaryDirectory(prefix="timeline-serve-") as tmp:
        out = Path(tmp) / "site"
        problems = problems + write_site(files, out, before_swap=lambda d: index_site(d, lang))
        if any(p.level == "error" for p in problems):
            return None, problems
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                if p.is_file() and p.name != MARKER}, problems


def snapshot(roots: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime_ns, size) of every file under `roots`: what a rebuild depends on."""
    seen = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                seen.append((path, st.st_mtime_ns, st.st_size))
    return tuple(seen)


def watched_roots(content_dir: str | os.PathLike[str]) -> list[Path]:
    from timeline.render import theme_roots

    return [p for p in [Path(content_dir).resolve(), *theme_roots(content_dir)] if p.is_dir()]


def error_page(problems: list[Problem], base: str) -> bytes:
    items = "".join(f"<li><code>{html.escape(format_problem(p))}</code></li>"
                    for p in sorted(problems, key=sort_key) if p.level == "error")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title>'
            f'</head><body><main><h1>The build failed</h1><p>Fix the problems below; this page '
            f'reloads by itself once the build succeeds.</p><ul>{items}</ul></main>'
            f'<script src="{html.escape(base)}{SPECIAL}reload.js"></script></body></html>').encode("utf-8")


def site_path(raw: str, base: str) -> tuple[int, str]:
    """(0, site-relative key) for a servable request path, else (HTTP status, '')."""
    path = raw.split("?", 1)[0].split("#", 1)[0]
    if "\x00" in path or "%00" in path or not path.startswith("/") or path.startswith("//"):
        return 400, ""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return 400, ""
    if "\x00" in decoded or "\\" in decoded:
        return 400, ""
    if decoded + "/" == base:
        return 301, ""
    if not decoded.startswith(base):
        return 404, ""
    rel = decoded[len(base):]
    parts = rel.split("/")
    if any(p in (".", "..") for p in parts) or any(p == "" for p in parts[:-1]):
        return 404, ""
    return 0, rel


class Handler(BaseHTTPRequestHandler):
    state: SiteState  # set on the subclass made by make_server
    server_version = "timeline-serve"
    sys_version = ""

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        state = self.state
        status, rel = site_path(self.path, state.base)
        if status == 301:
            return self._send(301, b"", "text/plain", head, location=state.base)
        if status:
            return self._send(status, f"{status}\n".encode(), "text/plain; charset=utf-8", head)
        with state.lock:
            files, failed, problems, version = state.files, state.failed, state.problems, state.version
        if rel == SPECIAL + "version":
            return self._send(200, version.encode(), "text/plain; charset=utf-8", head)
        if rel == SPECIAL + "reload.js":
            return self._send(200, RELOAD_JS, "text/javascript; charset=utf-8", head)
        if failed:
            return self._send(500, error_page(problems, state.base), "text/html; charset=utf-8", head)
        key = rel + "index.html" if rel == "" or rel.endswith("/") else rel
        if key not in files:
            if key + "/index.html" in files:
                return self._send(301, b"", "text/plain", head, location=state.base + key + "/")
            page = files.get("404.html", b"404\n")
            return self._send(404, self._inject(page), "text/html; charset=utf-8", head)
        media = mimetypes.guess_type(key)[0] or "application/octet-stream"
        body = files[key]
        if media == "text/html":
            body = self._inject(body)
        if media.startswith("text/") or media in ("application/json", "application/xml", "image/svg+xml"):
            media += "; charset=utf-8"
        self._send(200, body, media, head)

    def _inject(self, page: bytes) -> bytes:
        tag = f'<script src="{html.escape(self.state.base)}{SPECIAL}reload.js"></script>'.encode()
        at = page.rfind(b"</body>")
        return page[:at] + tag + page[at:] if at >= 0 else page

    def _send(self, status: int, body: bytes, media: str, head: bool, location: str = "") -> None:
        if location and (not location.startswith("/") or location.startswith("//")):
            status, body, media, location = 400, b"400\n", "text/plain", ""  # never an open redirect
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
        pass  # the terminal shows builds and problems, not every request


def make_server(state: SiteState, port: int) -> ThreadingHTTPServer:
    """A server bound to 127.0.0.1 only (port 0: any free port)."""
    handler = type("BoundHandler", (Handler,), {"state": state})
    server = ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True
    return server


def rebuild(state: SiteState, build: Callable[[], tuple[dict[str, bytes] | None, list[Problem]]],
            echo: Callable[[str], None]) -> None:
    started = time.perf_counter()
    try:
        files, problems = build()
    except Exception as exc:  # a bug of ours must not stop the server the editor is using
        from timeline.problems import error
        files, problems = None, [error("E470", f"internal error: {type(exc).__name__}: {exc}",
                                       hint="report it with the content that triggers it")]
    for p in sorted(problems, key=sort_key):
        echo(format_problem(p))
    state.update(files, problems)
    took = time.perf_counter() - started
    echo(f"build failed ({took:.1f} s): the page shows the errors" if files is None
         else f"built {len(files)} files in {took:.1f} s")


def serve(content_dir: str, *, port: int = 8000, base_url: str | None = None, today: str | None = None,
          drafts: bool = False, echo: Callable[[str], None] | None = None,
          stop: threading.Event | None = None) -> int:
    """Serve until interrupted (or `stop` is set); returns the exit code."""
    from timeline.config import load_config
    from timeline.pipeline import normalise_base_url

    echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))
    config, _ = load_config(content_dir)
    base, problems = normalise_base_url(base_url if base_url is not None else
                                        (config.base_url if config else "/"))
    if base is None:
        for p in problems:
            echo(format_problem(p))
        return 1
    state = SiteState(base)
    cache = StageCache()  # unchanged entries are not read again on a rebuild
    build = lambda: build_files(content_dir, base_url=base, today=today, drafts=drafts,  # noqa: E731
                                cache=cache)
    rebuild(state, build, echo)
    try:
        server = make_server(state, port)
    except OSError as exc:
        echo(f"error: cannot listen on {HOST}:{port}: {exc.strerror} — try --port {port + 1}")
        return 1
    threading.Thread(target=server.serve_forever, daemon=True).start()
    echo(f"serving on http://{HOST}:{server.server_address[1]}{base} (Ctrl+C to stop)")
    stop = stop or threading.Event()
    last = snapshot(watched_roots(content_dir))
    try:
        while not stop.wait(POLL_SECONDS):
            now = snapshot(watched_roots(content_dir))  # a folder created later is watched too
            if now != last:
                last = now
                echo("change detected, rebuilding…")
                rebuild(state, build, echo)
    except KeyboardInterrupt:
        echo("stopped")
    finally:
        server.shutdown()
        server.server_close()
    return 0
