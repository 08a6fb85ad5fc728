"""Speed of the date engine: throughput, start-up of `timeline extract`, linearity.

    python bench/bench_temporal.py                 # all three, French and English
    python bench/bench_temporal.py --sentences 20000 --lang fr

Figures go to bench/README.md. Not a test: timings depend on the machine and its
load; tests/ holds no timed assertion beyond the 1 s deadlines of RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "news_templates.yaml"
DCT = "2024-10-18"


def news_sentences(lang: str, n: int, seed: int = 42) -> list[str]:
    """`n` news sentences drawn from the templates of news_templates.yaml (fixed seed)."""
    spec = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))[lang]
    rnd = random.Random(seed)
    slots = spec["slots"]
    out = []
    for _ in range(n):
        template = rnd.choice(spec["templates"])
        sentence = template.format_map({k: rnd.choice(v) for k, v in slots.items()})
        out.append(sentence[0].upper() + sentence[1:])
    return out


def pin_one_core() -> str:
    """Run on one core so that the figure is per core (Linux only)."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned"


def throughput(lang: str, n: int) -> tuple[float, float, int]:
    """(sentences/s, mean mentions per sentence, n) after start-up and a warm-up."""
    from timeline.temporal import extract

    sentences = news_sentences(lang, n)
    for s in sentences[:200]:  # warm-up: language loading, compiled patterns, caches
        extract(s, DCT, lang=lang)
    sentences = news_sentences(lang, n, seed=43)  # fresh sentences, not the warm-up ones
    mentions = 0
    started = time.perf_counter()
    for s in sentences:
        mentions += len(extract(s, DCT, lang=lang))
    elapsed = time.perf_counter() - started
    return n / elapsed, mentions / n, n


def startup(runs: int = 7) -> tuple[float, float]:
    """(median, best) wall time of `python -m timeline extract` on one short sentence."""
    cmd = [sys.executable, "-m", "timeline", "extract", "--dct", DCT, "--lang", "fr"]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(cmd, input="Il est arrivé hier à Kiev.", capture_output=True, text=True,
                              cwd=REPO, env=env)
        times.append(time.perf_counter() - started)
        if proc.returncode != 0:
            raise SystemExit(f"timeline extract failed: {proc.stderr}")
    return statistics.median(times), min(times)


def top_imports(limit: int = 8) -> list[tuple[int, str]]:
    """The slowest imports of `timeline extract` (python -X importtime), cumulative µs."""
    cmd = [sys.executable, "-X", "importtime", "-m", "timeline", "extract", "--dct", DCT]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(cmd, input="hier", capture_output=True, text=True, cwd=REPO, env=env)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    top_level = [r for r in rows if not r[1].startswith("  ")]
    return sorted(top_level, reverse=True)[:limit]


def linearity(lang: str, sizes_kb: tuple[int, ...] = (10, 50, 100, 200)) -> list[tuple[int, float]]:
    """(size in KB, seconds) of one extract() call on one text of that size."""
    from timeline.temporal import extract

    pool = news_sentences(lang, 4000, seed=7)
    extract(pool[0], DCT, lang=lang)
    rows = []
    for kb in sizes_kb:
        parts, size, i = [], 0, 0
        while size < kb * 1000:
            parts.append(pool[i % len(pool)])
            size += len(pool[i % len(pool)].encode("utf-8")) + 1
            i += 1
        text = " ".join(parts)
        best = min(_timed(extract, text, lang) for _ in range(3))
        rows.append((kb, best))
    return rows


def _timed(extract, text: str, lang: str) -> float:
    started = time.perf_counter()
    extract(text, DCT, lang=lang)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--lang", action="append", choices=["fr", "en"])
    parser.add_argument("--skip", action="append", default=[], choices=["throughput", "startup", "linear"])
    args = parser.parse_args(argv)
    langs = args.lang or ["fr", "en"]
    sys.path.insert(0, str(REPO))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {pin_one_core()}")
    if "startup" not in args.skip:
        median, best = startup()
        print(f"\nstart-up of `timeline extract` (one sentence, 7 runs): median {median:.3f} s, "
              f"best {best:.3f} s")
        for us, name in top_imports():
            print(f"  {us / 1000:7.1f} ms  {name.strip()}")
    if "throughput" not in args.skip:
        print("\n| lang | sentences | sentences/s (one core) | mentions/sentence |\n|---|---|---|---|")
        for lang in langs:
            rate, per, n = throughput(lang, args.sentences)
            print(f"| {lang} | {n} | {rate:,.0f} | {per:.2f} |")
    if "linear" not in args.skip:
        print("\n| lang | input | seconds | ms per 10 KB |\n|---|---|---|---|")
        for lang in langs:
            for kb, seconds in linearity(lang):
                print(f"| {lang} | {kb} KB | {seconds:.3f} | {seconds * 1000 / (kb / 10):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
