"""`timeline new` and `timeline init`: what they write loads cleanly, and they never overwrite."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import timeline.scaffold as scaffold
from timeline.cli import cli
from timeline.config import load_config
from timeline.content import load_entries
from timeline.problems import format_problem
from timeline.scaffold import PROJECT_FILES, init_project, new_entry

TODAY = dt.date(2025, 6, 30)


def digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_init_writes_a_project_that_loads(tmp_path: Path) -> None:
    created, problems = init_project(tmp_path / "ma-chronologie", requirement="timeline @ git+https://h/o/r@v1")
    assert problems == []
    assert sorted(p.relative_to(tmp_path / "ma-chronologie").as_posix() for p in created) == \
        sorted(PROJECT_FILES.values())
    config, problems = load_config(tmp_path / "ma-chronologie" / "content")
    assert problems == [] and config is not None and config.title == "Ma chronologie"
    entries, problems = load_entries(tmp_path / "ma-chronologie" / "content", config, today=TODAY)
    assert problems == [] and len(entries) == 1 and "ce vendredi" in entries[0].text
    assert (tmp_path / "ma-chronologie/requirements.txt").read_text().splitlines()[-1] == \
        "timeline @ git+https://h/o/r@v1"
    assert "_site/" in (tmp_path / "ma-chronologie/.gitignore").read_text().splitlines()


def test_init_workflow_uses_the_official_pages_actions(tmp_path: Path) -> None:
    init_project(tmp_path / "p", requirement="timeline")
    workflow = yaml.safe_load((tmp_path / "p/.github/workflows/pages.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["build"]["steps"] + workflow["jobs"]["deploy"]["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert all(re.fullmatch(r"[0-9a-f]{40}", s["uses"].split("@")[1]) for s in uses.values())
    assert uses["actions/upload-pages-artifact"]["if"] == "github.event_name != 'pull_request'"
    assert workflow["jobs"]["deploy"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert any("timeline build" in s.get("run", "") for s in steps)


def test_init_without_a_known_requirement_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scaffold, "_requirement", lambda: None)
    created, problems = init_project(tmp_path / "p")
    assert len(created) == len(PROJECT_FILES)
    assert [format_problem(p) for p in problems] == [
        f"{(tmp_path / 'p/requirements.txt').as_posix()}: warning: could not tell where timeline was installed "
        "from — write its pip requirement in requirements.txt before publishing (or rerun with --requirement SPEC) "
        "[W160]"]
    assert (tmp_path / "p/requirements.txt").read_text().splitlines()[-1].startswith("#")


def test_requirement_from_a_git_install(monkeypatch: pytest.MonkeyPatch) -> None:
    class Dist:
        def read_text(self, name: str) -> str:
            assert name == "direct_url.json"
            return json.dumps({"url": "https://github.com/o/r", "vcs_info": {"vcs": "git", "commit_id": "abc123"}})

    monkeypatch.setattr(scaffold.metadata, "distribution", lambda name: Dist())
    assert scaffold._requirement() == "timeline @ git+https://github.com/o/r@abc123"


def test_init_refuses_and_writes_nothing_when_a_file_exists(tmp_path: Path) -> None:
    (tmp_path / "p/content").mkdir(parents=True)
    (tmp_path / "p/content/timeline.yml").write_text("title: Mien\n")
    (tmp_path / "p/notes.txt").write_text("à garder")
    before = digest(tmp_path)
    created, problems = init_project(tmp_path / "p", requirement="timeline")
    assert created == [] and digest(tmp_path) == before
    assert [format_problem(p) for p in problems] == [
        f"{(tmp_path / 'p/content/timeline.yml').as_posix()}: error: already exists: nothing was written — "
        "choose an empty or new folder [E160]"]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    init_project(tmp_path, requirement="timeline")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_entry_loads_and_carries_the_fields(project: Path) -> None:
    path, problems = new_entry("content", "Barrot à Kiev : « soutien »", "Europe 1", "2024-10-20",
                               url="https://www.europe1.fr/a")
    assert problems == [] and path == Path("content/entries/2024-10-20-barrot-a-kiev-soutien.md")
    config, _ = load_config("content")
    entries, problems = load_entries("content", config, today=TODAY)
    assert problems == []
    entry = next(e for e in entries if e.slug == "2024-10-20-barrot-a-kiev-soutien")
    assert (entry.title, entry.source, entry.url, entry.lang) == \
        ("Barrot à Kiev : « soutien »", "Europe 1", "https://www.europe1.fr/a", "fr")
    assert entry.published.isoformat() == "2024-10-20T00:00:00+02:00" and entry.text == ""


def test_new_entry_never_overwrites(project: Path) -> None:
    first, _ = new_entry("content", "Poutine à Pyongyang", "Le Monde", "2024-06-19T14:20:00+02:00")
    before = digest(project)
    for title in ("Poutine à Pyongyang", "POUTINE A PYONGYANG", "Poutine a\u0300 Pyongyang"):
        path, problems = new_entry("content", title, "Autre", "2024-06-19")
        assert path is None and [p.code for p in problems] == ["E160"]
    assert digest(project) == before and first.read_text(encoding="utf-8").count("Le Monde") == 1


def test_new_entry_with_a_title_without_latin_letters(project: Path) -> None:
    path, problems = new_entry("content", "Война", "ТАСС", "2024-06-19")
    assert problems == [] and re.fullmatch(r"2024-06-19-n-[0-9a-f]{10}\.md", path.name)


@pytest.mark.parametrize("args, message", [
    (("", "S", "2024-01-01"), "error: the title is empty — timeline new \"Titre de l'article\" ... [E161]"),
    (("T", "S", "2024-02-30"), "error: --published '2024-02-30' is not a date — write 2024-10-18, "
                               "or 2024-10-18T14:20:00+02:00 with the time [E161]"),
])
def test_new_entry_bad_arguments(project: Path, args, message: str) -> None:
    path, problems = new_entry("content", *args)
    assert path is None and [format_problem(p) for p in problems] == [message]


def test_new_entry_refuses_a_javascript_url(project: Path) -> None:
    path, problems = new_entry("content", "T", "S", "2024-01-01", url="javascript:alert(1)")
    assert path is None and [p.code for p in problems] == ["E161"]


def test_cli_new_and_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["init", "projet", "--requirement", "timeline"])
    assert result.exit_code == 0 and "projet/content/timeline.yml" in result.output
    result = runner.invoke(cli, ["new", "Kim à Moscou", "--source", "AFP", "--published", "2024-11-01",
                                 "--content", "projet/content"])
    assert result.exit_code == 0
    assert result.output.strip() == "projet/content/entries/2024-11-01-kim-a-moscou.md"
    result = runner.invoke(cli, ["new", "Kim à Moscou", "--source", "AFP", "--published", "2024-11-01",
                                 "--content", "projet/content"])
    assert result.exit_code == 1 and "[E160]" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["init", "projet", "--requirement", "timeline"])
    assert result.exit_code == 1 and "already exists" in result.output


def test_a_new_project_builds_strictly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`timeline init` then `timeline build --strict`: no error, no warning, the example's dates on the site."""
    monkeypatch.chdir(tmp_path)
    init_project("projet", requirement="timeline")
    monkeypatch.chdir(tmp_path / "projet")
    result = CliRunner().invoke(cli, ["build", "--strict", "--today", "2025-01-01"])
    assert result.exit_code == 0, result.output
    assert " warning: " not in result.output and " error: " not in result.output
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "projet/_site").rglob("*.html"))
    assert "21 octobre 2024" in pages and "Conseil de sécurité" in pages
