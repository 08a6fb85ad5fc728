"""A maintainer who breaks one of the package's YAML data files gets its name, the line and a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.datafile import LINE_KEY, DataFileError, read_data

PACKAGE = Path(__file__).resolve().parents[2] / "timeline"


def _file(tmp_path: Path, text: str | bytes, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize("text,line,words,hint", [
    ("months:\n  - janvier\n  - février\n\t- mars\n", 4, "tab", "spaces, never tabs"),
    ("labels:\n  title: Chronologie\n  more: Kiev : la visite\n", 3, "mapping values", "must be quoted"),
    ("labels:\n  title: 'Chronologie\n  more: plus\n", 2, "quoted scalar", "close the quote"),
    ("a: 1\nmonths: [janvier, février\nb: 2\n", 2, "flow sequence", "close the ["),
    ("refs:\n  past: passé\n  future: futur\n  past: autrefois\n", 4, "duplicate key 'past' (first on line 2)",
     "keep one"),
    ("a: 1\nb: *nowhere\n", 2, "undefined alias", "&anchor"),
])
def test_a_syntax_error_names_the_file_the_line_and_a_hint(tmp_path, text, line, words, hint) -> None:
    path = _file(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        read_data(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message and hint in message
    assert "\n" not in message  # one line, as every problem is


def test_a_control_character_and_a_non_utf8_byte_are_placed(tmp_path) -> None:
    with pytest.raises(DataFileError, match=r":2:9: a control character \(U\+0007\)"):
        read_data(_file(tmp_path, "a: 1\nb: 'bell\x07'\n"))
    with pytest.raises(DataFileError, match=r"data.yaml:3: not UTF-8 \(byte 0xe9\) — save the file as UTF-8"):
        read_data(_file(tmp_path, b"a: 1\nb: 2\nc: f\xe9vrier\n"))


def test_the_shape_the_caller_expects_is_checked(tmp_path) -> None:
    with pytest.raises(DataFileError, match=r"data.yaml:1: expected a mapping at the top, found a list"):
        read_data(_file(tmp_path, "- janvier\n- février\n"))
    with pytest.raises(DataFileError, match=r"data.yaml:1: no 'labels:' \(a mapping\) at the top"):
        read_data(_file(tmp_path, "months: [janvier]\n"), keys={"months": list, "labels": dict})
    with pytest.raises(DataFileError, match=r"data.yaml:3: 'labels:' must be a mapping, not a list"):
        read_data(_file(tmp_path, "months: [janvier]\n# UI\nlabels:\n  - title\n"), keys={"labels": dict})
    assert read_data(_file(tmp_path, "# nothing yet\n"), keys={}) == {}  # an empty file is an empty mapping


def test_lines_are_recorded_on_request_and_merges_are_not_duplicates(tmp_path) -> None:
    path = _file(tmp_path, "base: &b {x: 1, y: 2}\n\nrule:\n  <<: *b\n  y: 3\n")
    assert read_data(path) == {"base": {"x": 1, "y": 2}, "rule": {"x": 1, "y": 3}}
    assert read_data(path, lines=True)["rule"] == {"x": 1, "y": 3, LINE_KEY: 4}


def test_the_caller_chooses_the_error_class(tmp_path) -> None:
    from timeline.temporal.language import LanguageError

    with pytest.raises(LanguageError, match="data.yaml:2"):
        read_data(_file(tmp_path, "a: 1\na: 2\n"), error=LanguageError)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.yaml")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_shipped_data_file_reads_as_the_plain_safe_loader_reads_it(path: Path) -> None:
    """No duplicate key in any of them, and the reader changes the meaning of none."""
    assert read_data(path, object) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_broken_ui_file_is_reported_by_display_with_its_line(tmp_path, monkeypatch) -> None:
    import timeline.display as display

    shipped = (display.UI_DIR / "fr.yaml").read_text(encoding="utf-8").splitlines()
    months = next(i for i, line in enumerate(shipped) if line.startswith("months:"))
    shipped[months] = shipped[months].replace("]", "")  # an editor's slip: the list is never closed
    _file(tmp_path, "\n".join(shipped) + "\n", "fr.yaml")
    monkeypatch.setattr(display, "UI_DIR", tmp_path)
    display.ui.cache_clear()
    try:
        with pytest.raises(DataFileError) as info:
            display.ui("fr")
    finally:
        display.ui.cache_clear()
    assert str(info.value).startswith(f"{tmp_path / 'fr.yaml'}:{months + 1}:")
    assert "close the [" in str(info.value)


def test_timeline_build_reports_a_broken_data_file_as_its_place_not_as_an_internal_error(
        tmp_path, monkeypatch, capsys) -> None:
    """A maintainer who breaks a UI file sees where, and the hint, on one line; exit 2."""
    import timeline.display as display
    from timeline.cli import main

    (tmp_path / "ui").mkdir()
    _file(tmp_path / "ui", "months: [janvier\n", "fr.yaml")
    monkeypatch.setattr(display, "UI_DIR", tmp_path / "ui")
    display.ui.cache_clear()
    try:
        with pytest.raises(SystemExit) as exit_info:
            main(["build", "--content", str(Path(__file__).parents[2] / "content"), "--out", str(tmp_path / "site")])
    finally:
        display.ui.cache_clear()
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert f"error: {tmp_path / 'ui' / 'fr.yaml'}:" in err and "internal error" not in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_a_vocabulary_without_a_section_is_reported_by_vocab(tmp_path, monkeypatch) -> None:
    import timeline.events.vocab as vocab

    shipped = (vocab.LANG_DIR / "fr.yaml").read_text(encoding="utf-8")
    _file(tmp_path, shipped.replace("\nstopwords:", "\nstop_words:"), "fr.yaml")
    monkeypatch.setattr(vocab, "LANG_DIR", tmp_path)
    vocab.load_vocab.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"fr.yaml:\d+: no 'stopwords:' \(a list\) at the top"):
            vocab.load_vocab("fr")
    finally:
        vocab.load_vocab.cache_clear()


def test_a_broken_date_lexicon_is_a_language_error_with_its_line(tmp_path, monkeypatch) -> None:
    import timeline.temporal.language as language

    (tmp_path / "xx").mkdir()
    _file(tmp_path / "xx", "classes:\n  month:\n    juin: 6\n    juin: 7\n", "lexicon.yaml")
    _file(tmp_path / "xx", "rules: []\n", "rules.yaml")
    monkeypatch.setattr(language, "LANG_DIR", tmp_path)
    with pytest.raises(language.LanguageError) as info:
        language.load_language.__wrapped__("xx")  # uncached: the real languages stay as they are
    assert str(info.value).startswith(f"{tmp_path / 'xx' / 'lexicon.yaml'}:4:5: not valid YAML: duplicate key 'juin'")
