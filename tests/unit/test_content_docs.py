"""The editor's guides show what really works: their examples load, their error lines are real."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from timeline.config import load_config
from timeline.content import load_entries

ROOT = Path(__file__).resolve().parents[2]
GUIDES = [ROOT / "docs/editing.fr.md", ROOT / "docs/editing.en.md"]
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
FRONT = "title: Exemple\npublished: 2024-10-18\nsource: Europe 1\n"


def blocks(guide: Path, kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(guide.read_text(encoding="utf-8")) if lang == kind]


def load_entry(tmp_path: Path, text: str):
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("entries"))
    (tmp_path / "content/entries").mkdir()
    (tmp_path / "content/entries/exemple.md").write_text(text, encoding="utf-8")
    config, problems = load_config(tmp_path / "content")
    assert problems == []
    return load_entries(tmp_path / "content", config, today=dt.date(2025, 1, 1))


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_front_matter_example_loads(guide: Path, tmp_path: Path) -> None:
    (example,) = blocks(guide, "markdown")
    entries, problems = load_entry(tmp_path, example)
    assert problems == [] and entries[0].source == "Europe 1"


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_yaml_snippets_are_valid_front_matter(guide: Path, tmp_path: Path) -> None:
    snippets = [s for s in blocks(guide, "yaml") if not s.startswith("coree-du-nord:")]
    assert len(snippets) == 3  # events:, ignore:, reviewed:
    entries, problems = load_entry(tmp_path, "---\n" + FRONT + "".join(snippets) + "---\n"
                                   "Un rapprochement formalisé en juin dernier avec un accord de défense mutuelle. "
                                   "Et ce vendredi, il y a plusieurs jours.\n")
    assert problems == []
    (entry,) = entries
    assert [e.date for e in entry.events] == ["2024-06-19", "en juin dernier"]
    assert entry.ignore == ("il y a plusieurs jours",)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_actor_example_is_a_valid_actors_file(guide: Path) -> None:
    (actors,) = [s for s in blocks(guide, "yaml") if s.startswith("coree-du-nord:")]
    assert set(yaml.safe_load(actors)["coree-du-nord"]) == {"name", "aliases"}


def test_error_lines_in_the_guides_come_from_the_catalogue() -> None:
    expected = set()
    for case in (ROOT / "tests/cases/bad").glob("*/case.yml"):
        expected.update(yaml.safe_load(case.read_text(encoding="utf-8"))["expect"])
    for guide in GUIDES:
        shown = [line for body in blocks(guide, "text") for line in body.splitlines() if "error:" in line]
        assert len(shown) == 5
        assert set(shown) <= expected, set(shown) - expected
