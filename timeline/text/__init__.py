"""Text of an entry: Markdown -> safe HTML -> plain text -> sentences, and back (highlight).

- `render_body(markdown) -> html` (sanitised; raises TooDeep on absurd nesting)
- `plain_text(html) -> str` — Entry.text, the offsets everything else uses
- `sentences(entry) -> list[Sentence]`
- `highlight(html, spans) -> html` — mention links placed by Entry.text offsets
"""

from timeline.text.plain import highlight, plain_text
from timeline.text.sanitize import MAX_NESTING, TooDeep, render_body
from timeline.text.segment import sentences, split_sentences

__all__ = ["MAX_NESTING", "TooDeep", "highlight", "plain_text", "render_body", "sentences", "split_sentences"]
