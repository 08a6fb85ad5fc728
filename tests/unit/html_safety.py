"""A checker for built HTML: does anything in it run, or could it?

Used by the security tests (every field with an XSS payload) and the end-to-end
build. It flags what a payload needs to execute: a <script> that is neither
JSON-LD data nor a same-site file, an on* handler, a javascript:/vbscript:/data:
URL, an inline style (forbidden by our CSP), and elements that embed or
redirect (iframe, object, embed, base, SVG animation, a meta refresh to anywhere but a
page of the same site: a merged event's former address sends its reader on that way).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
             "cite", "srcset", "values", "to", "from", "by", "ping", "manifest", "codebase"}
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "animate",
             "set", "animatetransform", "animatemotion", "handler", "listener", "import", "template"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _scheme_of(value: str) -> str:
    return _CONTROL.sub("", value).lower()


class _Checker(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.problems: list[str] = []
        self._script: str | None = None  # type of the open script element
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has event handler {name}={value!r}")
            if name == "style":
                self.problems.append(f"<{tag}> has an inline style attribute")
            if name in URL_ATTRS and _scheme_of(value).startswith(BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}> is a script URL: {value!r}")
        if tag in FORBIDDEN:
            self.problems.append(f"forbidden element <{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = re.sub(r"^\s*\d+\s*;\s*url\s*=\s*", "", values.get("content", ""), flags=re.I)
            if not target.startswith(self.base) or target.startswith("//") or ":" in target:
                self.problems.append(f"meta refresh to {target!r}")
        if tag == "script":
            kind = values.get("type", "").strip().lower()
            src = values.get("src", "")
            if kind == "application/ld+json" and not src:
                self._script = "ld+json"
            elif src and not kind and src.startswith(self.base) and not src.startswith("//"):
                self._script = "file"
            else:
                self.problems.append(f"inline or foreign <script type={kind!r} src={src!r}>")
                self._script = "bad"
            self._script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        text = "".join(self._script_text)
        if self._script == "ld+json":
            try:
                json.loads(text)
            except ValueError:
                self.problems.append(f"JSON-LD that is not JSON (broken out of?): {text[:80]!r}")
        elif self._script == "file" and text.strip():
            self.problems.append("script element with both src and inline code")
        self._script = None


def unsafe(html: str, base: str = "/") -> list[str]:
    """What in `html` could run script; [] when the page is safe."""
    checker = _Checker(base)
    checker.feed(html)
    checker.close()
    return checker.problems
