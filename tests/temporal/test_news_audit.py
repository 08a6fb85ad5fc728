"""Our own news sentences and snippets (bench/news_audit*, twenty sets): the engine
keeps what it reads right.

The counts measured are floors (ok) and ceilings (wrong, missed, unexpected):
a change that misreads more of these sentences fails here; one that reads more of them
right raises the floors. `python bench/eval_news_audit.py --errors` lists what is still wrong.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MEASURED = {  # folder: (ok, wrong, missed, unexpected)
    "news_audit": (423, 4, 1, 19),
    "news_audit_heldout": (367, 2, 2, 4),
    "news_audit_snippets": (467, 8, 6, 4),
    "news_audit_entries": (752, 18, 1, 1),
    "news_audit_wire": (512, 30, 16, 1),
    "news_audit_longform": (678, 52, 11, 9),
    "news_audit_official": (374, 15, 9, 5),
    "news_audit_regional": (617, 53, 17, 21),
    "news_audit_interviews": (689, 39, 5, 17),
    "news_audit_liveblogs": (736, 22, 8, 6),
    "news_audit_economy": (575, 17, 4, 14),
    "news_audit_history": (531, 20, 12, 2),
    "news_audit_humanitarian": (448, 15, 3, 3),
    "news_audit_military": (469, 8, 6, 1),
    "news_audit_chronology": (599, 15, 7, 5),
    "news_audit_legal": (537, 5, 4, 5),
    "news_audit_politics": (492, 11, 3, 5),
    "news_audit_energy": (525, 15, 3, 3),
    "news_audit_agriculture": (569, 24, 3, 25),
    "news_audit_analysis": (475, 20, 11, 4),
}


def _score(folder: str):
    spec = importlib.util.spec_from_file_location("eval_news_audit", REPO / "bench" / "eval_news_audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(REPO / "bench" / folder)


@pytest.mark.parametrize("folder", sorted(MEASURED))
def test_the_news_audit_sentences_read_at_least_as_well_as_measured(folder):
    floor_ok, ceiling_wrong, ceiling_miss, ceiling_extra = MEASURED[folder]
    counts = _score(folder)
    assert counts["ok"] >= floor_ok, counts
    assert counts["wrong"] <= ceiling_wrong and counts["miss"] <= ceiling_miss, counts
    assert counts["extra"] <= ceiling_extra, counts
