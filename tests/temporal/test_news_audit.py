"""Our own wire-style news sentences (bench/news_audit): the engine keeps what it reads right.

The counts measured on 2026-11-24 are floors (ok) and ceilings (wrong, missed, unexpected):
a change that misreads more of these sentences fails here; one that reads more of them
right raises the floors. `python bench/eval_news_audit.py --errors` lists what is still wrong.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FLOOR_OK, CEILING_WRONG, CEILING_MISS, CEILING_EXTRA = 410, 10, 8, 18


def _score():
    spec = importlib.util.spec_from_file_location("eval_news_audit", REPO / "bench" / "eval_news_audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score()


def test_the_news_audit_sentences_read_at_least_as_well_as_measured():
    counts = _score()
    assert counts["ok"] >= FLOOR_OK, counts
    assert counts["wrong"] <= CEILING_WRONG and counts["miss"] <= CEILING_MISS, counts
    assert counts["extra"] <= CEILING_EXTRA, counts
