"""Fuzz the whole date engine (RELIABILITY.md §D1): many inputs, no exception, no slow call.

    python bench/fuzz_temporal.py                  # 5 minutes, both languages
    python bench/fuzz_temporal.py --minutes 0.5 --seed 7

Four generators, each capped at 1,000 characters (the sentence size the engine is
handed): random Unicode, shuffled and garbled news sentences (news_templates.yaml),
date-dense junk (digits, separators, month and weekday words) and numeric junk.
Prints the number of calls, exceptions and the slowest calls; exit 1 on any
exception or any call over 1 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_temporal import news_sentences  # noqa: E402

CAP = 1000
DENSE = ("0123456789/-.:, h'", ["le", "er", "juin", "mars", "sept", "mai", "lundi", "vendredi", "dernier",
                                "prochain", "il y a", "dans", "jours", "semaines", "h", "heures", "June",
                                "May", "Friday", "last", "next", "ago", "in", "pm", "a.m.", "week", "Q3"])


def random_unicode(rnd: random.Random) -> str:
    planes = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x2000, 0x206F),
              (0x3000, 0x30FF), (0xD800, 0xDFFF), (0x1F300, 0x1F64F), (0x0, 0x1F)]
    out = []
    for _ in range(rnd.randint(0, CAP)):
        lo, hi = rnd.choice(planes)
        out.append(chr(rnd.randint(lo, hi)))
    return "".join(out)


def garbled_news(rnd: random.Random, pool: list[str]) -> str:
    words = " ".join(rnd.sample(pool, rnd.randint(1, 6))).split()
    rnd.shuffle(words)
    for _ in range(rnd.randint(0, 8)):
        i = rnd.randrange(len(words))
        words[i] = rnd.choice([words[i] * 2, words[i][:rnd.randint(0, len(words[i]))], words[i].upper(),
                               str(rnd.randint(0, 10 ** rnd.randint(1, 12))), "\u00a0", "«", "/", "–"])
    return rnd.choice([" ", "  ", "\n", ""]).join(words)[:CAP]


def date_dense(rnd: random.Random) -> str:
    chars, words = DENSE
    parts = [rnd.choice(words) if rnd.random() < 0.4 else "".join(rnd.choices(chars, k=rnd.randint(1, 6)))
             for _ in range(rnd.randint(1, 200))]
    return " ".join(parts)[:CAP]


def numeric_junk(rnd: random.Random) -> str:
    return rnd.choice([" ", "/", "-", ".", ":", ","]).join(
        str(rnd.randint(0, 10 ** rnd.randint(1, 10))) for _ in range(rnd.randint(1, 120)))[:CAP]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from timeline.temporal import extract

    rnd = random.Random(args.seed)
    pools = {lang: news_sentences(lang, 500, seed=args.seed) for lang in ("fr", "en")}
    generators = [("unicode", lambda lang: random_unicode(rnd)),
                  ("news", lambda lang: garbled_news(rnd, pools[lang])),
                  ("dense", lambda lang: date_dense(rnd)),
                  ("numeric", lambda lang: numeric_junk(rnd))]
    deadline = time.monotonic() + args.minutes * 60
    calls, failures, slowest = 0, [], []
    while time.monotonic() < deadline:
        name, make = generators[calls % len(generators)]
        lang = "fr" if calls % 8 < 4 else "en"
        text = make(lang)
        dct = f"{rnd.randint(1950, 2090)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        prefer = rnd.choice([None, "past", "future"])
        started = time.perf_counter()
        try:
            extract(text, dct, lang=lang, prefer=prefer)
        except Exception:  # what we are looking for
            failures.append((name, lang, text[:200], traceback.format_exc(limit=3)))
        elapsed = time.perf_counter() - started
        slowest = sorted(slowest + [(elapsed, name, lang, text[:80])], reverse=True)[:5]
        calls += 1
    slow = [s for s in slowest if s[0] > 1.0]
    print(f"{calls} calls in {args.minutes:g} min (seed {args.seed}): {len(failures)} exceptions, "
          f"{len(slow)} of the slowest over 1 s")
    for elapsed, name, lang, text in slowest:
        print(f"  {elapsed * 1000:8.1f} ms  {name:8} {lang}  {text!r}")
    for name, lang, text, trace in failures[:5]:
        print(f"\nEXCEPTION ({name}, {lang}) on {text!r}\n{trace}")
    return 1 if failures or slow else 0


if __name__ == "__main__":
    sys.exit(main())
