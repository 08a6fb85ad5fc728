"""Serve a built site under a URL prefix on 127.0.0.1, as GitHub Pages would.

Why a prefix: a project site lives at https://user.github.io/repo/, so every
link the theme writes must carry the base URL; serving the build under /repo/
(and nothing at /) makes a link that forgets it fail in the browser tests.
Unknown paths get the site's 404.html with status 404, like Pages.
"""

from __future__ import annotations

import http.server
import threading
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/repo/"

    def __init__(self, *args, directory: str, prefix: str, **kwargs) -> None:
        self.prefix = prefix
        super().__init__(*args, directory=directory, **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass  # keep pytest output readable

    def _local(self) -> Path | None:
        """The file a request maps to inside the site, or None (-> 404)."""
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return None
        root = Path(self.directory).resolve()
        target = (root / path[len(self.prefix):]).resolve()
        if not target.is_relative_to(root):
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return target  # let the stdlib answer with its redirect
            target = target / "index.html"
        return target if target.is_file() else None

    def translate_path(self, path: str) -> str:
        local = self._local()
        return str(local) if local is not None else str(Path(self.directory) / "__missing__")

    def send_head(self):  # noqa: ANN201 - stdlib signature
        if self._local() is None:
            page = Path(self.directory) / "404.html"
            body = page.read_bytes() if page.is_file() else b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return None
        return super().send_head()


class SiteServer:
    """A threaded HTTP server for one directory; use as a context manager."""

    def __init__(self, directory: Path, prefix: str = "/repo/") -> None:
        handler = partial(_Handler, directory=str(directory), prefix=prefix)
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self.prefix = prefix
        self.origin = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.base = self.origin + prefix
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
