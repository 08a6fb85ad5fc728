"""A7 for the site stage: the fixture timeline renders to exactly the committed tree.

Any change to a template, a UI string, a URL or an export shows up here as a diff
to review. After an intended change, regenerate the tree and commit it:

    TIMELINE_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_site_golden.py
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import site_fixture as fx
from timeline.render import make_env, render_pages
from timeline.site import plan_pages

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "site"  # tests/golden/.gitattributes keeps bytes exact
BASE = "/repo/"


def _render() -> dict[str, bytes]:
    env, problems = make_env("default", "content")
    assert problems == []
    files, problems = render_pages(plan_pages(fx.timeline(), base_url=BASE), env, base_url=BASE)
    assert problems == []
    return {k: v for k, v in files.items() if not k.startswith("static/")}  # theme files are copied as is


def _committed() -> dict[str, bytes]:
    return {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}


def test_fixture_site_matches_the_committed_tree():
    files = _render()
    if os.environ.get("TIMELINE_UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, body in files.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(body)
    committed = _committed()
    assert sorted(files) == sorted(committed), "pages added or removed"
    diffs = []
    for path in sorted(files):
        if files[path] != committed[path]:
            diff = difflib.unified_diff(committed[path].decode("utf-8", "replace").splitlines(),
                                        files[path].decode("utf-8", "replace").splitlines(),
                                        f"golden/{path}", f"built/{path}", lineterm="", n=1)
            diffs.append("\n".join(list(diff)[:20]))
    assert not diffs, "the site differs from tests/golden/site (TIMELINE_UPDATE_GOLDEN=1 to accept):\n" + \
        "\n".join(diffs[:5])
