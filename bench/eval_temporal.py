"""Score the date engine on ../shared/eval through `timeline extract --jsonl`.

    python bench/eval_temporal.py                      # the table
    python bench/eval_temporal.py --errors ftb         # + what the engine missed there
    python bench/eval_temporal.py --eval-dir /path/to/eval --seeds-dir /path/to/seeds

One `timeline extract --jsonl` process per corpus (two at a time), so the
figures are those of the real command. Definitions: see temporal_scoring.py and
bench/README.md. Exit status 0 when every quality bar of issue 2 is met, 1 when
one is not, 2 when the engine could not be run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import temporal_scoring as ts  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"

# Quality bars of issue 2: (row, measure) -> minimum.
BARS = {
    ("ftb", "relaxed"): 0.93, ("ftb", "strict"): 0.88, ("ftb", "value"): 0.85,
    ("duckling-fr", "accuracy"): 0.90, ("duckling-en", "accuracy"): 0.85,
}

Runner = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


class EngineFailure(RuntimeError):
    """The engine could not be run at all (not importable, crashed on every line)."""


def run_subprocess(requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One `timeline extract --jsonl` process for the whole corpus."""
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests)
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", "--jsonl"], input=payload,
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env)
    return _parse_output(proc.stdout, requests, proc.stderr)


def run_in_process(requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same batch through timeline.temporal.batch, without a subprocess (tests)."""
    from timeline.temporal.batch import run_jsonl

    inp = io.StringIO("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests))
    out = io.StringIO()
    run_jsonl(inp, out)
    return _parse_output(out.getvalue(), requests, "")


def _parse_output(stdout: str, requests: list[dict[str, Any]], stderr: str) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    if len(lines) != len(requests) or any(a["id"] != b["id"] for a, b in zip(lines, requests)):
        raise EngineFailure(f"`timeline extract --jsonl` answered {len(lines)} lines for "
                            f"{len(requests)} requests\n{stderr[-2000:]}")
    errors = [line["error"] for line in lines if line.get("error")]
    if errors and len(errors) == len(lines):
        raise EngineFailure(f"every line failed, e.g. {errors[0]}\n{stderr[-2000:]}")
    return lines


# ---------------------------------------------------------------- rows

@dataclass
class Row:
    key: str
    label: str
    counts: ts.Counts | None = None  # F1 rows
    n: int = 0  # phrase rows
    ok: int = 0
    ok_single: int = 0  # phrase rows: right as one mention covering the phrase
    phrase_misses: list[dict[str, Any]] | None = None
    errors: int = 0  # input lines the engine failed on
    holidays: int = 0  # phrase rows: how many phrases name a holiday

    def measure(self, name: str) -> float:
        if name == "accuracy":
            return self.ok / self.n if self.n else 0.0
        hits = {"relaxed": self.counts.relaxed, "strict": self.counts.strict,
                "value": self.counts.value}[name]
        return self.counts.prf(hits)[2]


def score_docs(key: str, label: str, docs: list[ts.Doc], run: Runner) -> Row:
    requests = [{"id": d.id, "text": d.text, "dct": d.dct, "lang": d.lang}
                | ({"prefer": d.prefer} if d.prefer else {}) for d in docs]
    answers = run(requests)
    counts = ts.Counts()
    for doc, answer in zip(docs, answers):
        ts.score_doc(doc, answer["mentions"], counts)
    return Row(key, label, counts=counts, errors=sum(1 for a in answers if a.get("error")))


def score_phrases(key: str, label: str, phrases: list[ts.Phrase], run: Runner) -> Row:
    requests = [{"id": p.id, "text": p.text, "dct": p.dct, "lang": p.lang, "prefer": "future"}
                for p in phrases]
    answers = run(requests)
    row = Row(key, label, n=len(phrases), phrase_misses=[],
              errors=sum(1 for a in answers if a.get("error")),
              holidays=sum(1 for p in phrases if p.holiday))
    for p, answer in zip(phrases, answers):
        good, single, top = ts.phrase_ok(p, answer["mentions"])
        row.ok_single += single
        if good:
            row.ok += 1
        else:
            row.phrase_misses.append({"id": p.id, "text": p.text, "gold": p.value, "gold_mod": p.mod,
                                      "holiday": p.holiday, "top": top and {
                                          k: top[k] for k in ("text", "value", "mod")},
                                      "error": answer.get("error")})
    return row


def corpora(eval_dir: Path, seeds_dir: Path, only: set[str] | None = None) -> list[tuple]:
    """(key, label, kind, loader) of every row, in table order."""
    here = Path(__file__).resolve().parent
    table = [
        ("seed", "Seed article (issue 2)", "docs",
         lambda: ts.load_seed(seeds_dir, here / "seed_gold.yaml")),
        ("ftb", "French TimeBank (425 TIMEX3)", "docs",
         lambda: ts.load_timebank(eval_dir / "french_timebank.jsonl")),
        ("duckling-fr", "Duckling FR single-value", "phrases",
         lambda: ts.load_duckling(eval_dir / "duckling_fr_time.jsonl")),
        ("duckling-en", "Duckling EN single-value", "phrases",
         lambda: ts.load_duckling(eval_dir / "duckling_en_time.jsonl")),
        ("recognizers-fr", "Recognizers-Text FR", "docs",
         lambda: ts.load_recognizers(eval_dir / "recognizers_fr_datetime.jsonl")),
        ("recognizers-en", "Recognizers-Text EN", "docs",
         lambda: ts.load_recognizers(eval_dir / "recognizers_en_datetime.jsonl")),
    ]
    return [t for t in table if only is None or t[0] in only]


def evaluate(eval_dir: Path, seeds_dir: Path, run: Runner, only: set[str] | None = None,
             jobs: int = 2) -> list[Row]:
    def one(entry: tuple) -> Row:
        key, label, kind, load = entry
        scorer = score_docs if kind == "docs" else score_phrases
        return scorer(key, label, load(), run)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, corpora(eval_dir, seeds_dir, only)))


# ---------------------------------------------------------------- printing

def holiday_free(row: Row, phrases_holiday: int) -> str:
    """Duckling EN also without its holiday phrases (Diwali, Eid al-Fitr 1950…), which
    need calendars of feasts rather than date rules: shown beside the bar, not instead."""
    missed = sum(1 for m in row.phrase_misses if m["holiday"])
    n = row.n - phrases_holiday
    ok = n - (len(row.phrase_misses) - missed)
    return (f"{row.key} without its {phrases_holiday} holiday phrases: {ok}/{n} = "
            f"{ok / n if n else 0:.3f}")


def single_mention(row: Row) -> str:
    """The phrases read right by one mention alone, beside the accuracy that also counts
    TimeML's two mentions for a day and its clock: shown so the difference stays visible."""
    return (f"{row.key} read by one mention covering the phrase: {row.ok_single}/{row.n} = "
            f"{row.ok_single / row.n if row.n else 0:.3f}")


def table(rows: list[Row]) -> str:
    head = ("| corpus | gold | system | relaxed P / R / F1 | strict P / R / F1 | value P / R / F1 "
            "| accuracy | bar |")
    lines = [head, "|" + "---|" * 8]
    for row in rows:
        bars = [f"{m} {row.measure(m):.3f} {'≥' if row.measure(m) >= v else '<'} {v:.2f}"
                for (k, m), v in BARS.items() if k == row.key]
        bar = "; ".join(bars) or "—"
        if row.counts is not None:
            c = row.counts
            cells = [" / ".join(f"{x:.3f}" for x in c.prf(h)) for h in (c.relaxed, c.strict, c.value)]
            lines.append(f"| {row.label} | {c.gold} | {c.system} | {cells[0]} | {cells[1]} | {cells[2]} "
                         f"| — | {bar} |")
        else:
            lines.append(f"| {row.label} | {row.n} | — | — | — | — | {row.ok}/{row.n} = "
                         f"{row.measure('accuracy'):.3f} | {bar} |")
    return "\n".join(lines)


def print_errors(row: Row, out=sys.stdout) -> None:
    misses = row.phrase_misses if row.phrase_misses is not None else row.counts.misses
    print(f"\n## {row.label}: {len(misses)} misses", file=out)
    for miss in misses:
        print(json.dumps(miss, ensure_ascii=False), file=out)


def bars_met(rows: list[Row]) -> bool:
    by_key = {r.key: r for r in rows}
    return all(by_key[k].measure(m) >= v for (k, m), v in BARS.items() if k in by_key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="default: %(default)s")
    parser.add_argument("--seeds-dir", type=Path, default=DEFAULT_SEEDS, help="default: %(default)s")
    parser.add_argument("--only", action="append", help="score only this corpus (repeatable)")
    parser.add_argument("--errors", action="append", default=[], metavar="CORPUS",
                        help="dump the misses of CORPUS (seed, ftb, duckling-fr, duckling-en, "
                             "recognizers-fr, recognizers-en) as JSON lines")
    parser.add_argument("--jobs", type=int, default=2, help="corpora scored at once (default 2)")
    args = parser.parse_args(argv)
    keys = {t[0] for t in corpora(args.eval_dir, args.seeds_dir)}
    for name in (args.only or []) + args.errors:
        if name not in keys:
            parser.error(f"unknown corpus {name!r}; choose from {', '.join(sorted(keys))}")
    if not args.eval_dir.is_dir():
        parser.error(f"no eval directory at {args.eval_dir} (use --eval-dir)")
    started = time.perf_counter()
    try:
        rows = evaluate(args.eval_dir, args.seeds_dir, run_subprocess,
                        set(args.only) if args.only else None, args.jobs)
    except EngineFailure as exc:
        print(f"error: the date engine could not be run: {exc}", file=sys.stderr)
        return 2
    print(table(rows))
    for row in rows:
        if row.errors:
            print(f"warning: {row.key}: the engine failed on {row.errors} input lines "
                  f"(see --errors {row.key})", file=sys.stderr)
        if row.n:
            print(single_mention(row))
        if row.key == "duckling-en":
            print(holiday_free(row, row.holidays))
    for row in rows:
        if row.key in args.errors:
            print_errors(row)
    print(f"\n{sum(r.counts.gold if r.counts else r.n for r in rows)} gold items scored in "
          f"{time.perf_counter() - started:.1f} s")
    return 0 if bars_met(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
