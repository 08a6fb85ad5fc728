"""Text of an entry: Markdown -> safe HTML -> plain text -> sentences, and back (highlight).

- `render_body(markdown) -> html` (sanitised; raises TooDeep on absurd nesting)
- `plain_text(html) -> str` — Entry.text, the offsets everything else uses
- `sentences(entry) -> list[Sentence]`, `split_sentences(text, lang)` (the date engine's too)
- `highlight(html, spans) -> html` — mention links placed by Entry.text offsets

Names load on first use (PEP 562): the date engine splits sentences with `segment` and
must not pay for Markdown and the HTML sanitiser at start-up (`timeline extract`).
"""

from importlib import import_module
from typing import Any

_HOME = {
    "highlight": "plain", "plain_text": "plain",
    "MAX_NESTING": "sanitize", "TooDeep": "sanitize", "render_body": "sanitize",
    "sentences": "segment", "split_sentences": "segment",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'timeline.text' has no attribute {name!r}")
    value = getattr(import_module(f"timeline.text.{home}"), name)
    globals()[name] = value
    return value
