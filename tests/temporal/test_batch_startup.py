"""`timeline extract` starts fast because heavy modules load only when needed (issue 2).

Not a timing test: it checks which modules a run imports, which is what the start-up
time of bench/README.md depends on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _imported(text: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "timeline", "extract",
                           "--dct", "2024-10-18", "--lang", "fr"], input=text, capture_output=True,
                          text=True, encoding="utf-8", cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def test_a_sentence_without_numeric_date_does_not_load_dateparser():
    names = _imported("Le ministre est arrivé hier soir à Kiev, il repartira lundi prochain.")
    assert "timeline.temporal" in names  # the probe works
    assert not {n for n in names if n.split(".")[0] in ("dateparser", "jinja2", "markdown", "nh3")}


def test_a_numeric_date_loads_dateparser_on_demand():
    assert "dateparser" in _imported("L'accord a été signé le 19/06/2024.")
