"""load_config: what timeline.yml and actors.yml accept, and what an editor is told otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import load_config
from timeline.problems import format_problem

ROOT = Path(__file__).resolve().parents[2]


def write(folder: Path, config: str, actors: str | None = None) -> Path:
    content = folder / "content"
    content.mkdir()
    (content / "timeline.yml").write_text(config, encoding="utf-8")
    if actors is not None:
        (content / "actors.yml").write_text(actors, encoding="utf-8")
    return content


def messages(problems) -> list[str]:
    return [format_problem(p) for p in problems]


def test_demo_config_loads_with_kinds_and_actors() -> None:
    config, problems = load_config(ROOT / "content")
    assert problems == []
    assert config is not None
    assert (config.language, config.timezone, config.base_url, config.theme) == ("fr", "Europe/Paris", "/", "default")
    assert ("diplomatic", "Diplomatie") in [(k.key, k.label) for k in config.kinds]
    north = {a.key: a for a in config.actors}["coree-du-nord"]
    assert north.name == "Corée du Nord" and "Pyongyang" in north.aliases and "Kim Jong-un" in north.aliases


def test_defaults_when_only_title_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "title: Chronologie\n")
    config, problems = load_config("content")
    assert problems == [] and config is not None
    assert (config.language, config.base_url, config.timezone, config.theme, config.kinds, config.actors) == \
        ("fr", "/", "Europe/Paris", "default", (), ())
    assert config.root == "content" and config.max_body_bytes == 1024 * 1024


def test_unknown_key_suggests_the_close_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "title: T\ntimzone: Europe/Paris\n")
    config, problems = load_config("content")
    assert config is None
    assert messages(problems) == [
        "content/timeline.yml:2: error: unknown key 'timzone' in timeline.yml — did you mean 'timezone'? [E103]"]


@pytest.mark.parametrize("line, expected", [
    ("language: de", "content/timeline.yml:2: error: language 'de' is not supported — use one of: fr, en [E106]"),
    ("timezone: Europe/Pariss", "content/timeline.yml:2: error: unknown time zone 'Europe/Pariss' — "
                                "use an IANA name such as Europe/Paris or UTC [E106]"),
    ("base_url: repo/", "content/timeline.yml:2: error: base_url 'repo/' must be a path starting with / — "
                        "e.g. / or /my-repo/ for a GitHub project site [E106]"),
    ("kinds: [a, b]", "content/timeline.yml:2: error: 'kinds' must be a mapping of keys to values, not a list — "
                      "write kinds: followed by a mapping of keys to values [E105]"),
    ("kinds: {Diplo matie: x}", "content/timeline.yml:2: error: kind key 'Diplo matie' must be lowercase letters, "
                                "digits and dashes — e.g. diplomatic: Diplomatie [E106]"),
])
def test_bad_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, f"title: T\n{line}\n")
    config, problems = load_config("content")
    assert config is None and messages(problems) == [expected]


def test_base_url_gets_its_trailing_slash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "title: T\nbase_url: /repo\n")
    config, problems = load_config("content")
    assert problems == [] and config is not None and config.base_url == "/repo/"


def test_actor_problems_point_at_actors_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "title: T\n", "russie:\n  name: Russie\n  alias: [Moscou]\nUkraine:\n  name: Ukraine\n"
                                  "chine:\n  aliases: [Pékin]\n")
    config, problems = load_config("content")
    assert config is None
    assert messages(problems) == [
        "content/actors.yml:3: error: unknown key 'alias' in actor 'russie' — did you mean 'aliases'? [E103]",
        "content/actors.yml:4: error: actor key 'Ukraine' must be lowercase letters, digits and dashes "
        "— e.g. coree-du-nord [E106]",
        "content/actors.yml:7: error: missing 'name' in actor 'chine' — add a line name: (a text) [E104]",
    ]


def test_missing_folder_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert messages(load_config("nowhere")[1]) == [
        "nowhere: error: content folder 'nowhere' not found — run the command from your project folder, "
        "pass --content DIR, or create a project with `timeline init DIR` [E100]"]
    (tmp_path / "content").mkdir()
    assert messages(load_config("content")[1]) == [
        "content/timeline.yml: error: no timeline.yml in the content folder — create it with title:, "
        "language:, timezone: (see `timeline init`) [E101]"]
