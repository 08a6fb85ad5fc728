"""Markdown -> HTML -> plain text -> sentences, and highlight back onto the HTML."""

from __future__ import annotations

import datetime as dt
import re
import time
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.config import load_config
from timeline.content import load_entries
from timeline.model import Entry
from timeline.text import highlight, plain_text, render_body, sentences, split_sentences

ROOT = Path(__file__).resolve().parents[2]


def test_plain_text_separates_blocks_and_decodes_entities() -> None:
    html = render_body("Le **19 juin** 2024, Poutine & Kim.\n\n- un\n- deux 3 < 4\n\n> cité\n> encore\n\nfin  \nligne")
    assert plain_text(html) == "Le 19 juin 2024, Poutine & Kim.\n\nun\n\ndeux 3 < 4\n\ncité\nencore\n\nfin\nligne"


def test_plain_text_of_empty_and_comment_only_bodies() -> None:
    assert plain_text(render_body("")) == ""
    assert plain_text(render_body("<!-- note -->\n")) == ""


_LINKED = re.compile(r'<a class="mention" href="[^"]*" title="[^"]*"><mark>([^<]*)</mark></a>')
_BARE = re.compile(r'<mark class="mention"(?: title="[^"]*")?>([^<]*)</mark>')


def _strip_mentions(markup: str) -> str:
    """The HTML without the wrappers highlight() adds (each wraps one text run)."""
    return _BARE.sub(r"\1", _LINKED.sub(r"\1", markup))


class _Checker(HTMLParser):
    """Collects the text inside <mark> and fails on bad nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marked: list[str] = []
        self.in_mark = False

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "hr"):
            return
        assert not (tag == "a" and "a" in self.stack), "nested <a>"
        assert not (tag == "mark" and "mark" in self.stack), "nested <mark>"
        self.stack.append(tag)
        if tag == "mark":
            self.in_mark = True
            self.marked.append("")

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]} "
        self.stack.pop()
        if tag == "mark":
            self.in_mark = False

    def handle_data(self, data):
        if self.in_mark:
            self.marked[-1] += data


def test_highlight_splits_a_span_across_an_inline_tag() -> None:
    html = render_body("Le *19 juin* 2024, à Pyongyang.")
    text = plain_text(html)
    start = text.index("19")
    out = highlight(html, [(start, start + len("19 juin 2024"), "/events/abc/", 'Le "traité"')])
    assert out == ('<p>Le <em><a class="mention" href="/events/abc/" title="Le &quot;traité&quot;"><mark>19 juin'
                   '</mark></a></em><a class="mention" href="/events/abc/" title="Le &quot;traité&quot;"><mark> 2024'
                   '</mark></a>, à Pyongyang.</p>')


def test_highlight_inside_a_link_uses_a_bare_mark_and_escapes() -> None:
    html = render_body('Lire [le 12 mai & après](https://example.com/a?b=1&c=2).')
    text = plain_text(html)
    start = text.index("12 mai")
    out = highlight(html, [(start, start + len("12 mai &"), "/e/1/", "<x>")])
    assert '<mark class="mention" title="&lt;x&gt;">12 mai &amp;</mark>' in out
    assert out.count("<a ") == 1  # no link inside the article's link


def test_highlight_without_href_and_with_bad_spans() -> None:
    html = render_body("Ce vendredi, à Kiev.")
    out = highlight(html, [(3, 11, "", ""), (5, 8, "/x/", "t"), (50, 60, "/y/", "t"), (4, 4, "/z/", "t")])
    assert out == '<p>Ce <mark class="mention">vendredi</mark>, à Kiev.</p>'


segments = st.lists(st.tuples(st.sampled_from(["", "*", "**", "`"]),
                              st.text(alphabet="ab &<>\"'é", min_size=1, max_size=8)), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(segments, st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=5))
def test_highlight_round_trips_and_nests_well(parts, raw_spans) -> None:
    body = " ".join(f"{m}{t.strip() or 'x'}{m}" for m, t in parts)
    html = render_body(body)
    text = plain_text(html)
    spans = [(a, a + n, f"/e/{a}/", "t") for a, n in raw_spans]
    out = highlight(html, spans)
    assert _strip_mentions(out) == html
    assert plain_text(out) == text
    checker = _Checker()
    checker.feed(out)
    checker.close()
    assert not checker.stack
    chosen, last = [], -1
    for a, b, _h, _t in sorted(spans, key=lambda s: (s[0], -s[1])):
        b = min(b, len(text))
        if a < b and a >= last:
            chosen.append(text[a:b])
            last = b
    marked = "".join(checker.marked)
    assert marked.replace("\n", "") == "".join(chosen).replace("\n", "")


def _examples():
    for lang in ("fr", "en"):
        data = yaml.safe_load(resources.files("timeline.text").joinpath(f"lang/{lang}.yaml").read_text("utf-8"))
        for example in data["examples"]:
            yield pytest.param(lang, example["text"], example["sentences"], id=f"{lang}:{example['text'][:30]}")


@pytest.mark.parametrize("lang, text, expected", list(_examples()))
def test_sentence_examples_from_language_data(lang: str, text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text, lang)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Les 12.000 soldats. La Russie.", ["Les 12.000 soldats.", "La Russie."]),
    ("À 14 h 30, il arrive. Il repart.", ["À 14 h 30, il arrive.", "Il repart."]),
    ("En 2024. 1.500 soldats arrivent.", ["En 2024.", "1.500 soldats arrivent."]),
    ("Il a dit « non ». Puis rien… Et après ?", ["Il a dit « non ».", "Puis rien…", "Et après ?"]),
    ("etc. et ainsi de suite.", ["etc. et ainsi de suite."]),
    ("Titre sans point\nLa suite du texte.", ["Titre sans point", "La suite du texte."]),
    ("Premier paragraphe\n\nSecond.", ["Premier paragraphe", "Second."]),
])
def test_french_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text, "fr")] == expected


def test_hard_wrapped_paragraph_keeps_sentences_whole() -> None:
    text = ("Le chef de la diplomatie française, Jean-Noël Barrot, est\n"
            "arrivé à Kiev ce vendredi pour une visite qui doit durer tout\n"
            "le week-end. Il rencontrera le président.")
    assert [text[a:b] for a, b in split_sentences(text, "fr")] == [text[:text.index(" Il ")], "Il rencontrera le président."]


def test_seed_sentences_carry_their_file_line() -> None:
    config, _ = load_config(ROOT / "content")
    entries, problems = load_entries(ROOT / "content", config)
    assert problems == []
    seed = next(e for e in entries if e.slug == "2024-10-18-coree-du-nord-soldats-russie")
    found = sentences(seed)
    raw = (ROOT / "content" / seed.path).read_text(encoding="utf-8").split("\n")
    assert len(found) == 17
    for s in found:
        assert seed.text[s.start:s.end] == s.text
        assert s.text.split()[0].strip('"') in raw[s.line - 1], (s.line, s.text)
    by_text = {s.text: s for s in found}
    # the line of the file that holds it (the front matter above may grow, e.g. a reviewed: item)
    assert by_text["Il restera sur place tout le week-end dans la capitale ukrainienne."].line == next(
        i for i, line in enumerate(raw, 1) if "Il restera sur place" in line)
    assert "Vers un tournant géopolitique dans la guerre ?" in by_text
    assert any(t.startswith("Ce sont pas moins de 12.000 hommes") for t in by_text)


def test_sentences_lines_follow_markdown_markup() -> None:
    body = "Intro **importante**.\n\n- Le *19 juin*, un traité.\n- [Lien](https://x.fr) ici.\n\nFin."
    html = render_body(body)
    entry = Entry(path="e.md", slug="e", title="t", published=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
                  source="s", body=body, body_line=5, html=html, text=plain_text(html))
    assert [(s.text, s.line) for s in sentences(entry)] == [
        ("Intro importante.", 5), ("Le 19 juin, un traité.", 7), ("Lien ici.", 8), ("Fin.", 10)]


def test_two_space_nesting_renders_as_the_guide_says() -> None:
    """Markdown nests a list item under 4 spaces; 2 spaces keep it at the same level (docs/editing.*.md)."""
    assert render_body("- a\n  - b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    assert render_body("- a\n    - b\n") == "<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>"


def test_no_break_spaces_survive_with_their_offsets() -> None:
    html = render_body("Le 19\u00a0juin et le 20&nbsp;juin, à 14\u202fh 30.")
    text = plain_text(html)
    assert text == "Le 19\u00a0juin et le 20\u00a0juin, à 14\u202fh 30."
    start = text.index("20\u00a0juin")
    out = highlight(html, [(start, start + 7, "/e/", "t")])
    assert '<mark>20&nbsp;juin</mark>' in out


@pytest.mark.parametrize("text", [
    "a." * 100_000,  # periods without spaces: the word before each one is bounded
    "M. " * 100_000,  # abbreviations everywhere
    ("x" * 50 + " ! ") * 10_000,
    "\n".join(["Ligne sans point"] * 20_000),
], ids=["periods-no-space", "abbreviations", "long-words", "lines"])
def test_segmentation_stays_linear(text: str) -> None:
    started = time.perf_counter()
    spans = split_sentences(text, "fr")
    assert time.perf_counter() - started < 2.0
    assert all(0 <= a < b <= len(text) for a, b in spans) and spans == sorted(spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAé .!?…«»\"'\n\u00a0M-12")), max_size=120),
       st.sampled_from(["fr", "en"]))
def test_sentences_are_ordered_slices_of_the_text(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        last = b
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())  # nothing but whitespace is dropped


@pytest.mark.parametrize("markdown", ["Le 19\u00a0juin 2024, à Pyongyang.", "Le 19&nbsp;juin 2024, à Pyongyang.",
                                      "Le 19\u202fjuin\u00a02024, à Pyongyang.", "Le *19\u00a0juin* 2024, à Pyongyang."])
def test_no_break_spaces_inside_a_date_still_give_the_mention(markdown: str) -> None:
    """RELIABILITY §B Markdown: NBSP/NNBSP inside a date phrase, through the real Markdown -> text -> tagger path."""
    from timeline.temporal import extract

    text = plain_text(render_body(markdown))
    (mention,) = [m for m in extract(text, "2024-10-18", "fr") if m.value == "2024-06-19"]
    assert text[mention.start:mention.end] == mention.text and "19" in mention.text and "2024" in mention.text
