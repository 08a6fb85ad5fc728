"""Score the date engine on our own wire-style news sentences (bench/news_audit/*.jsonl).

364 sentences (217 French, 147 English) written like AFP, Reuters or Europe 1 copy about
the war and its diplomacy, with the mentions a careful reader expects (TimeML spans and
values, publication dates on several weekdays). Unlike ../shared/eval, they are ours: a
miss here is a misreading an editor would see. Counts, per expected mention: ok (value and
mod right), wrong (found, value or mod wrong), miss (not found); extra: a mention nobody
expected. A clock at hour grain equals HH:00, as in eval_temporal.py.

    python bench/eval_news_audit.py            # the counts
    python bench/eval_news_audit.py --errors   # each sentence that is not read right
    python bench/eval_news_audit.py --dir bench/news_audit_heldout   # a held-out set (also
                                                                     # news_audit_snippets, _entries, _wire,
                                                                     # _longform, _official)
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from timeline.temporal import extract

HERE = Path(__file__).parent / "news_audit"


def same_value(expected: str, got: str) -> bool:
    return expected == got or (len(expected) == 16 and got == expected[:13]) or (len(got) == 16 and expected == got[:13])


def score(folder: Path = HERE, errors: bool = False) -> Counter:
    counts: Counter = Counter()
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            text, found, used, problems = case["text"], extract(case["text"], case["dct"], case["lang"]), set(), []
            for span, value, *mod in case["expected"]:
                start = text.find(span)
                hits = [i for i, m in enumerate(found) if i not in used and m.start < start + len(span) and start < m.end]
                if not hits:
                    counts["miss"] += 1
                    problems.append(f"miss  {span!r} -> {value}")
                    continue
                used.update(hits)
                m = found[hits[0]]
                if same_value(value, m.value) and (not mod or m.mod == mod[0]):
                    counts["ok"] += 1
                else:
                    counts["wrong"] += 1
                    problems.append(f"wrong {span!r} -> {value} {mod[0] if mod else ''}, read {m.text!r} -> {m.value} {m.mod or ''}")
            for i, m in enumerate(found):
                if i not in used:
                    counts["extra"] += 1
                    problems.append(f"extra {m.text!r} -> {m.value}")
            if errors and problems:
                print(f"{case['lang']} {case['dct']} {text}")
                for problem in problems:
                    print("    " + problem)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print each sentence not read right")
    parser.add_argument("--dir", type=Path, default=HERE, help="folder of *.jsonl audit files (default: bench/news_audit)")
    args = parser.parse_args()
    counts = score(args.dir, args.errors)
    expected = counts["ok"] + counts["wrong"] + counts["miss"]
    print(f"{args.dir.name}: {counts['ok']}/{expected} expected mentions read right "
          f"({counts['wrong']} wrong, {counts['miss']} missed), {counts['extra']} unexpected mentions")


if __name__ == "__main__":
    main()
