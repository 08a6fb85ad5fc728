"""Our own news sentences and snippets (bench/news_audit*, twenty-five sets): the engine
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
    "news_audit": (423, 4, 1, 20),
    "news_audit_heldout": (367, 2, 2, 2),
    "news_audit_snippets": (467, 8, 6, 4),
    "news_audit_entries": (752, 18, 1, 1),
    "news_audit_wire": (513, 30, 15, 2),
    "news_audit_longform": (678, 52, 11, 8),
    "news_audit_official": (377, 14, 7, 5),
    "news_audit_regional": (621, 49, 17, 18),
    "news_audit_interviews": (691, 37, 5, 17),
    "news_audit_liveblogs": (737, 21, 8, 5),
    "news_audit_economy": (576, 16, 4, 14),
    "news_audit_history": (536, 16, 11, 2),
    "news_audit_humanitarian": (449, 15, 2, 3),
    "news_audit_military": (469, 8, 6, 1),
    "news_audit_chronology": (601, 14, 6, 5),
    "news_audit_legal": (538, 4, 4, 5),
    "news_audit_politics": (494, 10, 2, 5),
    "news_audit_energy": (527, 15, 1, 3),
    "news_audit_agriculture": (582, 12, 2, 4),
    "news_audit_analysis": (484, 16, 6, 4),
    "news_audit_culture": (421, 7, 0, 3),
    "news_audit_daily": (511, 11, 4, 6),
    "news_audit_shortforms": (383, 3, 2, 2),
    "news_audit_refugees": (457, 18, 2, 6),
    "news_audit_diplomacy": (538, 25, 3, 2),
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
