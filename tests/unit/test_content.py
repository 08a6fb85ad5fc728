"""load_entries / slugify: entries as editors write them become Entry values."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.config import load_config
from timeline.content import load_entries, slugify
from timeline.problems import format_problem

ROOT = Path(__file__).resolve().parents[2]
CONFIG = "title: T\nkinds: {diplomatic: Diplomatie, military: Militaire}\n"
ACTORS = "russie: {name: Russie, aliases: [Moscou]}\ncoree-du-nord: {name: Corée du Nord, aliases: [Pyongyang]}\n"
TODAY = dt.date(2025, 1, 1)


@pytest.fixture()
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "content"
    (folder / "entries").mkdir(parents=True)
    (folder / "timeline.yml").write_text(CONFIG, encoding="utf-8")
    (folder / "actors.yml").write_text(ACTORS, encoding="utf-8")
    return folder


def load(drafts: bool = False):
    config, problems = load_config("content")
    assert problems == [] and config is not None
    return load_entries("content", config, today=TODAY, drafts=drafts)


def entry_file(folder: Path, name: str, front: str, body: str = "Le texte.\n") -> Path:
    path = folder / "entries" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def test_demo_entries_load_without_problems() -> None:
    config, _ = load_config(ROOT / "content")
    entries, problems = load_entries(ROOT / "content", config, today=dt.date(2026, 1, 1))
    assert problems == []
    assert len(entries) >= 31
    assert [e.path for e in entries] == sorted(e.path for e in entries)
    seed = next(e for e in entries if e.slug == "2024-10-18-coree-du-nord-soldats-russie")
    assert seed.published.isoformat() == "2024-10-18T00:00:00+02:00"  # a bare date, read in Europe/Paris
    assert seed.source == "Europe 1" and seed.lang == "fr" and "coree-du-nord" in seed.actors
    lines = (ROOT / "content" / seed.path).read_text(encoding="utf-8").splitlines()
    assert seed.body_line == lines.index("---", 1) + 2 and seed.origin.line == 1  # first line after the front matter
    assert dict(seed.field_lines)["published"] == 3
    assert "il y a plusieurs jours" in seed.text and "<script" not in seed.html


def test_fields_are_read_with_their_types(content: Path) -> None:
    entry_file(content, "Sub/Été à Pyongyang.md",
               'title: 1984\npublished: 2024-06-19T14:20:00\nsource: "Le Monde"\nurl: https://e.fr/a\n'
               "lang: en\ntags: traité\nactors: [russie]\nignore: [ce mardi]\n"
               "events:\n  - date: 2024-06-19\n    title: Signature\n    kind: diplomatic\n"
               "    actors: [coree-du-nord]\n    quote: Le texte.\n  - date: en juin dernier\n")
    entries, problems = load()
    assert problems == []
    (entry,) = entries
    assert entry.path == "entries/Sub/Été à Pyongyang.md" and entry.slug == "ete-a-pyongyang"
    assert entry.title == "1984"  # as written, not the integer
    assert entry.published == dt.datetime(2024, 6, 19, 14, 20, tzinfo=entry.published.tzinfo)
    assert entry.published.utcoffset() == dt.timedelta(hours=2)  # naive time read in Europe/Paris (summer)
    assert (entry.url, entry.lang, entry.tags, entry.actors, entry.ignore) == \
        ("https://e.fr/a", "en", ("traité",), ("russie",), ("ce mardi",))
    first, second = entry.events
    assert (first.date, first.title, first.kind, first.actors, first.quote) == \
        ("2024-06-19", "Signature", "diplomatic", ("coree-du-nord",), "Le texte.")
    assert first.origin.line == 11 and second.date == "en juin dernier" and second.origin.line == 16


def test_drafts_are_validated_but_left_out(content: Path) -> None:
    entry_file(content, "a.md", "title: A\npublished: 2024-01-01\nsource: S\ndraft: true\n")
    assert load() == ([], [])
    entries, problems = load(drafts=True)
    assert [e.slug for e in entries] == ["a"] and problems == []


def test_duplicate_slugs_name_both_files(content: Path) -> None:
    front = "title: A\npublished: 2024-01-01\nsource: S\n"
    entry_file(content, "Kim.md", front)
    entry_file(content, "x/kim.md", front)
    entries, problems = load()
    assert [e.path for e in entries] == ["entries/Kim.md"]
    assert [format_problem(p) for p in problems] == [
        "content/entries/x/kim.md: error: same URL as content/entries/Kim.md (slug 'kim') — "
        "rename one of the two files: names that differ only by case, accents or Unicode form give the same URL [E146]"]


def test_crlf_and_bom_give_the_same_entry_as_lf(content: Path) -> None:
    text = "---\ntitle: A\npublished: 2024-01-01\nsource: S\n---\nUn.\nDeux *trois*.\n\nQuatre.\n"
    (content / "entries" / "a.md").write_bytes(text.encode())
    (content / "entries" / "b.md").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    (a, b), problems = load()
    assert problems == []
    assert (a.text, a.html, a.body, a.body_line, a.field_lines) == (b.text, b.html, b.body, b.body_line, b.field_lines)


@pytest.mark.parametrize("title, slug", [
    ("Poutine à Pyongyang", "poutine-a-pyongyang"),
    ("  L'Œuvre   d'été — 2024 !", "l-oeuvre-d-ete-2024"),
    ("Kim.md", "kim-md"),
    ("été", "ete"),
    ("e\u0301te\u0301", "ete"),  # NFD
    ("../../etc/passwd", "etc-passwd"),
    ("CON", "con"),
    ("%2e%2e/x", "2e-2e-x"),
    ("..\\x", "x"),
    ("a\x00b", "a-b"),
    ("/etc/passwd", "etc-passwd"),
])
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slugify_without_latin_letters_is_stable_and_distinct() -> None:
    a, b = slugify("Война"), slugify("战争")
    assert a != b and a == slugify("Война") and a.startswith("n-") and len(a) == 12
    assert slugify("x" * 300).count("x") <= 80


BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")))


def test_alias_bomb_is_refused_while_parsing_in_milliseconds() -> None:
    from timeline.content.yamlload import YamlError, load_yaml

    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        with pytest.raises(YamlError) as refused:
            load_yaml(BOMB, line_offset=1)
        best = min(best, time.perf_counter() - started)
    assert best < 0.010, f"{best * 1000:.1f} ms"
    assert (refused.value.code, refused.value.line, refused.value.col) == ("E122", 3, 8)  # the first alias


front_matter_lines = st.lists(st.one_of(
    st.sampled_from(["title: T", "published: 2024-10-18", "source: S", "draft: no", "lang: en", "tags: [a, b",
                     "events:", "  - date: 2024-02-30", "  - title: x", "url: javascript:x", "actors: [russie]",
                     "\ttags: x", "a: &a [1]", "b: *a", "title: 'x", "? [a]", "!!python/object:x {}", "---"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(front_matter_lines, st.text(max_size=200), st.binary(max_size=40))
def test_any_input_gives_problems_never_an_exception(lines, body, noise) -> None:
    from timeline.config import load_config as _lc
    from timeline.content.entry import parse_entry
    from timeline.content.source import decode

    config, _ = _lc(ROOT / "content")
    raw = ("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8", "surrogatepass") + noise
    text, problems = decode(raw, "x.md")
    if text is not None:
        entry, problems = parse_entry(text, "entries/x.md", "x.md", "x", config, TODAY)
        assert entry is not None or any(p.level == "error" for p in problems)
    for problem in problems:
        assert problem.origin is not None and problem.origin.path == "x.md" and problem.hint


def test_many_files_give_a_warning(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.content as loader

    monkeypatch.setattr(loader, "MANY_FILES", 2)  # the real limit is 50,000 files: same code path
    for name in ("a", "b", "c"):
        entry_file(content, f"{name}.md", "title: A\npublished: 2024-01-01\nsource: S\n")
    entries, problems = load()
    assert len(entries) == 3
    assert [format_problem(p) for p in problems] == [
        "content/entries: warning: 3 entry files (more than 2) — builds slow down; consider splitting the "
        "timeline into several sites [W135]"]
