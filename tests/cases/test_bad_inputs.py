"""The bad-input catalogue (RELIABILITY.md §B, issue 5): one folder per case under bad/.

Each case is a tiny content folder: bad/_base (timeline.yml, actors.yml) overlaid
with the case's own files, plus `case.yml`:

- `expect`: the exact lines an editor reads (format_problem), in order; [] means
  the input must simply work;
- `generate`: a function below that adds what cannot live in git as is (big files,
  symlinks, NFC/NFD twins, a missing file);
- `same`: two entry slugs that must give identical entries (BOM, CRLF vs LF);
- `build`: lines only the build can emit (an `events:` phrase read against
  `published` by the date engine), checked through `timeline build`;
- `max_ms`: a tighter time limit than the 2 s every case gets.

Every case also checks that no file of the folder changed (hash before/after)
and that nothing raised. Cases that must fail are also built with the real
command (`timeline build`) over a previous good site: exit status 1, the same
lines on stderr, no traceback, and the previous site byte-identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import time
import unicodedata
from pathlib import Path

import pytest
import yaml

from click.testing import CliRunner

from timeline.cli import cli
from timeline.config import load_config
from timeline.content import load_entries
from timeline.problems import format_problem, sort_key
from timeline.text import sentences

BAD = Path(__file__).parent / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))
TODAY = dt.date(2025, 6, 30)
FRONT = "---\ntitle: Titre\npublished: 2024-10-18\nsource: Europe 1\n"


def large_front_matter(root: Path) -> None:
    filler = "".join(f"# commentaire {i:05d} " + "x" * 80 + "\n" for i in range(800))  # ~ 80 KB
    (root / "content/entries/a.md").write_text(FRONT + filler + "---\nLe texte.\n", encoding="utf-8")


def large_body(root: Path) -> None:
    body = "Le 19 juin 2024, un traité est signé à Pyongyang. " * 25_000  # ~ 1.2 MB
    (root / "content/entries/a.md").write_text(FRONT + "---\n" + body + "\n", encoding="utf-8")


def ten_mb_body(root: Path) -> None:
    body = "Des soldats nord-coréens arrivent en Russie ce vendredi. " * 180_000  # ~ 10 MB
    (root / "content/entries/a.md").write_text(FRONT + "---\n" + body + "\n", encoding="utf-8")


def nested_list(root: Path) -> None:
    body = "".join("    " * level + "- niveau\n" for level in range(400))
    (root / "content/entries/a.md").write_text(FRONT + "---\nIntro.\n\n" + body, encoding="utf-8")


def symlink_outside(root: Path) -> None:
    (root / "outside").mkdir()
    (root / "outside/secret.md").write_text(FRONT + "---\nSecret.\n", encoding="utf-8")
    os.symlink("../../outside/secret.md", root / "content/entries/a.md")


def symlink_inside(root: Path) -> None:
    (root / "content/notes").mkdir()
    (root / "content/notes/b.md").write_text(FRONT + "---\nDans le dossier.\n", encoding="utf-8")
    os.symlink("../notes/b.md", root / "content/entries/a.md")


def symlink_loop(root: Path) -> None:
    os.symlink("b.md", root / "content/entries/a.md")
    os.symlink("a.md", root / "content/entries/b.md")


def symlinked_folder_outside(root: Path) -> None:
    (root / "elsewhere").mkdir()
    (root / "elsewhere/b.md").write_text(FRONT + "---\nAilleurs.\n", encoding="utf-8")
    os.symlink("../../elsewhere", root / "content/entries/lien")


def symlinked_folder_inside(root: Path) -> None:
    (root / "content/entries/vrai").mkdir()
    (root / "content/entries/vrai/b.md").write_text(FRONT + "---\nDedans.\n", encoding="utf-8")
    os.symlink("vrai", root / "content/entries/lien")


def nfc_nfd(root: Path) -> None:
    for form in ("NFC", "NFD"):
        name = unicodedata.normalize(form, "été.md")
        (root / "content/entries" / name).write_text(FRONT + "---\nTexte.\n", encoding="utf-8")


def no_config(root: Path) -> None:
    (root / "content/timeline.yml").unlink()


def no_entries(root: Path) -> None:
    shutil.rmtree(root / "content/entries")


GENERATORS = {f.__name__: f for f in (large_front_matter, large_body, ten_mb_body, nested_list, symlink_outside,
                                      symlink_inside, symlink_loop, symlinked_folder_outside,
                                      symlinked_folder_inside, nfc_nfd, no_config, no_entries)}


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape"))
            if path.is_symlink():
                digest.update(b"->" + os.readlink(path).encode())
            else:
                digest.update(path.read_bytes())
    return digest.hexdigest()


def prepare(case: Path, tmp: Path) -> dict:
    content = tmp / "content"
    shutil.copytree(BAD / "_base", content)
    (content / "entries").mkdir()
    for path in sorted(case.rglob("*")):
        if path.is_file() and path.name != "case.yml":
            target = content / path.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    spec = yaml.safe_load((case / "case.yml").read_text(encoding="utf-8"))
    if "generate" in spec:
        GENERATORS[spec["generate"]](tmp)
    return spec


def run(drafts: bool = False):
    config, problems = load_config("content")
    entries = []
    if config is not None:
        entries, found = load_entries("content", config, today=TODAY, drafts=drafts)
        problems = problems + found
    return [format_problem(p) for p in sorted(problems, key=sort_key)], entries


def test_the_catalogue_is_complete() -> None:
    assert len(CASES) >= 47
    for case in CASES:
        spec = yaml.safe_load((case / "case.yml").read_text(encoding="utf-8"))
        assert isinstance(spec.get("expect"), list), case.name
        assert set(spec) <= {"expect", "generate", "same", "max_ms", "build"}, case.name


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = prepare(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    before = tree_hash(tmp_path)
    started = time.perf_counter()
    lines, entries = run()
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert lines == spec["expect"]
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    assert tree_hash(tmp_path) == before, "a content file changed"
    assert elapsed_ms < spec.get("max_ms", 2000), f"{elapsed_ms:.0f} ms"
    if not any(" error: " in line for line in spec["expect"]):
        assert entries, "a case that must work gives entries"
    if "same" in spec:
        by_slug = {e.slug: e for e in entries}
        a, b = (by_slug[s] for s in spec["same"])
        assert (a.text, a.html, a.body, a.body_line, a.field_lines, a.published) == \
            (b.text, b.html, b.body, b.body_line, b.field_lines, b.published)
        assert [(s.text, s.start, s.end, s.line) for s in sentences(a)] == \
            [(s.text, s.start, s.end, s.line) for s in sentences(b)]


def _fails_the_build(case: Path) -> bool:
    spec = yaml.safe_load((case / "case.yml").read_text(encoding="utf-8"))
    return any(" error: " in line for line in spec["expect"] + spec.get("build", []))


ERROR_CASES = [c for c in CASES if _fails_the_build(c)]
BUILD = ["build", "--content", "content", "--out", "_site", "--today", TODAY.isoformat()]


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good site built once from bad/_base and one valid entry, copied before each failing build."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(BAD / "_base", root / "content")
    (root / "content/entries").mkdir()
    # A numeric events: date loads the whole date engine here, not in the first timed case.
    (root / "content/entries/bon.md").write_text(FRONT + 'events:\n  - date: "19/06/2024"\n    title: Traité\n'
                                                 "---\nCe vendredi, Moscou et Pyongyang.\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(cli, BUILD)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return root / "_site"


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c.name for c in ERROR_CASES])
def test_bad_input_fails_the_build_and_keeps_the_previous_site(
        case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, previous_site: Path) -> None:
    spec = prepare(case, tmp_path)
    shutil.copytree(previous_site, tmp_path / "_site", symlinks=True)
    monkeypatch.chdir(tmp_path)
    site_before, content_before = tree_hash(tmp_path / "_site"), tree_hash(tmp_path)
    started = time.perf_counter()
    result = CliRunner().invoke(cli, BUILD)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1, result.output
    assert elapsed < 2.0, f"{elapsed:.1f} s"
    assert result.exception is None or isinstance(result.exception, SystemExit)
    printed = result.stderr.splitlines()
    for line in spec["expect"] + spec.get("build", []):
        assert line in printed, result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(tmp_path / "_site") == site_before
    assert tree_hash(tmp_path) == content_before
