"""Build integrity (RELIABILITY A1-A3): atomic output, folders we do not own, byte-identical rebuilds.

Every failure leaves the previous _site byte-identical (tree hash) with no temp folder
beside it, and no build ever changes a content file.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.pipeline import build_site

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "content"
TODAY = "2025-12-31"


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the demo project (content/) with a good build in _site/."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(DEMO, root / "content")
    result = build_site(root / "content", root / "_site", today=TODAY)
    assert result.code == 0, result.problems
    return root


@pytest.fixture
def site(project, tmp_path) -> tuple[Path, Path, dict[str, str]]:
    """A fresh copy of the project for one failure: (content, out, tree of the good site)."""
    root = tmp_path / "p"
    shutil.copytree(project, root, symlinks=True)
    return root / "content", root / "_site", tree(root / "_site")


def one_entry(content: Path) -> Path:
    return sorted((content / "entries").glob("*.md"))[0]


def assert_untouched(content: Path, out: Path, good: dict[str, str], before_content: dict[str, str]):
    assert tree(out) == good
    assert leftovers(out.parent) == []
    assert tree(content) == before_content


def test_bad_yaml_leaves_the_site(site):
    content, out, good = site
    one_entry(content).write_text("---\ntitle: \"unclosed\npublished: 2024-10-18\n---\nx\n", encoding="utf-8")
    before = tree(content)
    result = build_site(content, out, today=TODAY)
    assert result.code == 1 and any(p.origin and p.origin.line for p in result.problems)
    assert_untouched(content, out, good, before)


def test_impossible_override_date_leaves_the_site(site):
    content, out, good = site
    entry = one_entry(content)
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("---\n", "---\nevents:\n  - date: \"31 février\"\n    title: x\n", 1),
                     encoding="utf-8")
    before = tree(content)
    result = build_site(content, out, today=TODAY)
    assert result.code == 1 and [p.code for p in result.problems if p.level == "error"] == ["E401"]
    assert result.problems[0].origin.path.endswith(entry.name) and result.problems[0].origin.line == 3
    assert_untouched(content, out, good, before)


def test_template_error_leaves_the_site(site):
    content, out, good = site
    theme = content.parent / "themes" / "broken" / "templates"
    theme.mkdir(parents=True)
    (theme / "index.html").write_text("{% if %}\n", encoding="utf-8")
    cfg = content / "timeline.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("theme: default", "theme: broken"), encoding="utf-8")
    before = tree(content)
    result = build_site(content, out, today=TODAY)
    assert result.code == 1 and any("index.html" in (p.origin.path if p.origin else "") for p in result.problems)
    assert_untouched(content, out, good, before)


def test_broken_link_with_strict_leaves_the_site(site):
    content, out, good = site
    theme = content.parent / "themes" / "linky" / "templates"
    theme.mkdir(parents=True)
    (theme / "404.html").write_text('<!DOCTYPE html><html lang="fr"><body><a href="/nope/">x</a></body></html>\n',
                                    encoding="utf-8")
    cfg = content / "timeline.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("theme: default", "theme: linky"), encoding="utf-8")
    before = tree(content)
    result = build_site(content, out, today=TODAY, strict=True)
    assert result.code == 1
    assert [p.message for p in result.problems if p.code == "W460"] == [
        "broken internal link '/nope/' in 404.html: no such file nope/index.html"]
    assert_untouched(content, out, good, before)


def test_write_error_leaves_the_site(site, monkeypatch):
    content, out, good = site
    before = tree(content)
    real = Path.write_bytes
    count = [0]

    def disk_full(self, data):
        count[0] += 1
        if count[0] > 20:
            raise OSError(28, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    result = build_site(content, out, today=TODAY)
    monkeypatch.undo()
    assert result.code == 1 and "No space left" in result.problems[-1].message
    assert_untouched(content, out, good, before)


def test_search_index_failure_leaves_the_site(site, monkeypatch):
    from timeline import search
    from timeline.problems import error

    content, out, good = site
    before = tree(content)
    monkeypatch.setattr(search, "index_site", lambda folder, lang: [error("E070", "pagefind crashed")])
    result = build_site(content, out, today=TODAY)
    assert result.code == 1 and result.problems[-1].code == "E070"
    assert_untouched(content, out, good, before)


def test_killed_build_leaves_old_tree_and_next_build_cleans_up(site):
    content, out, good = site
    (content / "entries" / "extra.md").write_text(
        "---\ntitle: Nouveau\npublished: 2024-10-19\nsource: Test\n---\nLe 19 octobre, rien.\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        real, n = Path.write_bytes, [0]
        def killing(self, data):
            n[0] += 1
            if n[0] == 40:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(self, data)
        Path.write_bytes = killing
        from timeline.pipeline import build_site
        build_site({str(content)!r}, {str(out)!r}, today={TODAY!r})
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True)
    assert proc.returncode == -9
    assert tree(out) == good  # the old tree, whole
    assert build_site(content, out, today=TODAY).code == 0
    assert leftovers(out.parent) == [] and tree(out) != good


@pytest.mark.parametrize("case", ["foreign", "content", "cwd", "parent", "home"])
def test_refused_out_folders_delete_nothing(project, tmp_path, monkeypatch, case):
    root = tmp_path / "p"
    shutil.copytree(project / "content", root / "content")
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.tex").write_text("years of work")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(root)
    out = {"foreign": foreign, "content": root / "content", "cwd": Path("."), "parent": tmp_path,
           "home": Path("~")}[case]
    before = tree(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--content", "content", "--out", str(out), "--today", TODAY])
    assert result.exit_code == 1
    assert "refusing to write the site" in result.stderr and "nothing was deleted" in result.stderr
    assert "Traceback" not in result.output
    assert tree(tmp_path) == before


def build_in_fresh_process(content: Path, out: Path, env_extra: dict[str, str], *args: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "TZ", "PYTHONHASHSEED")}
    env.update(env_extra)
    proc = subprocess.run([sys.executable, "-m", "timeline", "build", "--content", str(content),
                           "--out", str(out), *args], cwd=REPO, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return tree(out)


def french_locale() -> dict[str, str]:
    """LC_ALL=fr_FR.UTF-8 when the machine has that locale (many CI images do not)."""
    try:
        found = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    except OSError:
        return {}
    name = next((n for n in found if n.lower().replace("-", "") == "fr_fr.utf8"), None)
    return {"LC_ALL": name} if name else {}


def test_rebuilds_are_byte_identical_across_seeds_zones_order_and_clock(tmp_path):
    demo = tmp_path / "demo" / "content"  # a snapshot: the variants must all read the same content
    shutil.copytree(DEMO, demo)
    shuffled = tmp_path / "shuffled" / "content"
    shuffled.mkdir(parents=True)
    for name in ("timeline.yml", "actors.yml"):
        shutil.copy2(demo / name, shuffled / name)
    (shuffled / "entries").mkdir()
    files = sorted((demo / "entries").glob("*.md"))
    random.Random(7).shuffle(files)  # another creation order on disk
    for f in files:
        shutil.copy2(f, shuffled / "entries" / f.name)
    variants = [
        (demo, {"PYTHONHASHSEED": "0", "TZ": "UTC"}, ("--today", TODAY)),
        (demo, {"PYTHONHASHSEED": "1", "TZ": "Europe/Paris", **french_locale()}, ("--today", TODAY)),
        (demo, {"PYTHONHASHSEED": "12345", "TZ": "Pacific/Auckland", "LC_ALL": "C.UTF-8"}, ("--today", TODAY)),
        (shuffled, {"PYTHONHASHSEED": "99", "TZ": "America/Los_Angeles"}, ("--today", TODAY)),
        (demo, {"PYTHONHASHSEED": "7", "TZ": "Asia/Tokyo", "SOURCE_DATE_EPOCH": "1767139200"}, ()),  # 2025-12-31
        (shuffled, {"PYTHONHASHSEED": "random", "TZ": "UTC", "SOURCE_DATE_EPOCH": "1767139200"}, ()),
    ]
    before = tree(demo)
    trees = [build_in_fresh_process(c, tmp_path / f"out{i}", env, *args)
             for i, (c, env, args) in enumerate(variants)]
    for i, t in enumerate(trees[1:], 1):
        differing = sorted(k for k in t.keys() | trees[0].keys() if t.get(k) != trees[0].get(k))
        assert differing == [], f"variant {i}: {differing[:10]}"
    assert tree(demo) == before  # the build never writes into content/


def generated_corpus(root: Path, size: int) -> Path:
    """`size` entries made from the demo's: each copy has its own outlet and publication
    date (shifted back by whole weeks, so weekdays and relative dates stay meaningful)."""
    import re
    from datetime import date, timedelta

    content = root / "content"
    (content / "entries").mkdir(parents=True)
    for name in ("timeline.yml", "actors.yml"):
        shutil.copy2(DEMO / name, content / name)
    demo = sorted((DEMO / "entries").glob("*.md"))
    published = re.compile(r"^published: (\d{4}-\d{2}-\d{2})", re.MULTILINE)
    for n in range(size):
        src, copy = demo[n % len(demo)], n // len(demo)
        text = src.read_text(encoding="utf-8")
        text = published.sub(lambda m: "published: " + (date.fromisoformat(m.group(1))
                                                         - timedelta(weeks=copy)).isoformat(), text, 1)
        text = text.replace("\nsource: ", f"\nsource: Outlet {copy % 17} / ", 1)
        (content / "entries" / f"{src.stem}-{copy:03d}.md").write_text(text, encoding="utf-8")
    return content


def test_a_2000_article_corpus_rebuilds_byte_identical(tmp_path):
    """RELIABILITY A3 at size: two builds in parallel fresh processes, other seed, zone and order."""
    content = generated_corpus(tmp_path / "gen", 2000)
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "TZ", "PYTHONHASHSEED")}
    runs = []
    for i, extra in enumerate(({"PYTHONHASHSEED": "3", "TZ": "UTC"},
                               {"PYTHONHASHSEED": "4", "TZ": "Pacific/Auckland"})):
        runs.append(subprocess.Popen([sys.executable, "-m", "timeline", "build", "--content", str(content),
                                      "--out", str(tmp_path / f"out{i}"), "--today", TODAY],
                                     cwd=REPO, env={**env, **extra}, stderr=subprocess.PIPE, text=True))
    for proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, "\n".join(line for line in err.splitlines() if "warning" not in line)[-3000:]
    first, second = tree(tmp_path / "out0"), tree(tmp_path / "out1")
    assert len(first) > 2000
    assert sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k)) == []


def test_the_comparison_catches_a_set_iteration_leak(tmp_path):
    """Prove the rebuild test can fail: a file made from a set's order differs across seeds."""
    demo = tmp_path / "demo"  # one snapshot of the content for both builds
    shutil.copytree(DEMO, demo)
    script = textwrap.dedent(f"""
        import sys, timeline.pipeline as p
        from timeline.model import Page
        real = p.plan
        def leaky(*a, **k):
            site, problems, tl = real(*a, **k)
            site.pages.append(Page("leak.txt", body=" ".join({{e.id for e in tl.events}}).encode()))
            return site, problems, tl
        p.plan = leaky
        from timeline.cli import main
        main(["build", "--content", {str(demo)!r}, "--out", sys.argv[1], "--today", {TODAY!r}])
    """)
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", script, str(out)], cwd=REPO, env=env, capture_output=True)
        assert proc.returncode == 0, proc.stderr
        trees.append(tree(out))
    assert trees[0]["leak.txt"] != trees[1]["leak.txt"]
    assert {k for k in trees[0] if trees[0][k] != trees[1].get(k)} == {"leak.txt"}
