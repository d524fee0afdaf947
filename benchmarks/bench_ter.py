"""External check of tlqa's TER: MLQE-PE machine output against its human post-edit, compared with the
published HTER.

    python benchmarks/bench_ter.py                       # ../shared/bench/mlqe_pe_hter.jsonl
    python benchmarks/bench_ter.py --bench DIR --limit 200 --json ter.json

Each record goes through tlqa as an article (the machine output) with a reference (the post-edit), the
way `tlqa check MT --reference PE` runs it: the engine's `metrics` give TER, as sacrebleu's command line
prints it (a percentage, one decimal). Compared with `meta.hter` (a fraction, capped at 1.0): the mean
absolute difference and the Pearson correlation, raw and with tlqa's TER capped at 1.0 as the published
figure is, and how many records differ by more than the rounding (0.0005). For the case handling, the
same segments are also scored case-sensitively with sacrebleu directly: tlqa's TER, like sacrebleu's
default and the published HTER, ignores case.

Without the bench file the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "bench"
FILE = "mlqe_pe_hter.jsonl"
ROUNDING = 0.0005 + 1e-9  # tlqa's TER is printed to 0.1 percentage point


def _stats(ours: list[float], theirs: list[float]) -> dict[str, Any]:
    diffs = [abs(a - b) for a, b in zip(ours, theirs, strict=True)]
    try:
        pearson = statistics.correlation(ours, theirs)
    except statistics.StatisticsError:  # a constant series
        pearson = float("nan")
    return {
        "mean_abs_diff": round(statistics.fmean(diffs), 5),
        "max_abs_diff": round(max(diffs), 4),
        "pearson": round(pearson, 5),
        "differ": sum(1 for d in diffs if d > ROUNDING),
    }


def run(path: Path, limit: int | None) -> dict[str, Any]:
    from sacrebleu.metrics import TER

    from tlqa import metrics
    from tlqa.config import Config
    from tlqa.document import Document
    from tlqa.engine import Article, Engine

    engine = Engine(Config(select=("R",)))
    case_sensitive = TER(case_sensitive=True)
    ours: list[float] = []
    capped: list[float] = []
    sensitive: list[float] = []
    published: list[float] = []
    over_one = 0
    segments_changed = 0
    worst: list[tuple[float, str, float, float]] = []
    started = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            record = json.loads(line)
            article = Article(
                "-",
                Document(record["target"]),
                reference=Document(record["reference"], "text", "<reference>"),
            )
            report = engine.run(article)  # what tlqa.check_text(MT, reference=PE) does
            ter = report.metrics["ter"] / 100
            hter = float(record["meta"]["hter"])
            ours.append(ter)
            capped.append(min(ter, 1.0))
            published.append(hter)
            over_one += ter > 1.0
            hyp, ref = " ".join(record["target"].split()), " ".join(record["reference"].split())
            scored = metrics.for_article(article)  # cached: the segments the engine scored
            if [(x.hypothesis, x.reference) for x in scored.segments] != [(hyp, ref)]:
                segments_changed += 1  # e.g. a URL or e-mail address masked by the document model
            sensitive.append(min(case_sensitive.sentence_score(hyp, [ref]).score / 100, 1.0))
            worst.append((abs(min(ter, 1.0) - hter), record["id"], ter, hter))
    elapsed = time.perf_counter() - started
    worst.sort(reverse=True)
    return {
        "records": len(ours),
        "seconds": round(elapsed, 1),
        "ms_per_record": round(1000 * elapsed / max(1, len(ours)), 2),
        "tlqa_ter_vs_hter": _stats(ours, published),
        "tlqa_ter_capped_vs_hter": _stats(capped, published),
        "case_sensitive_capped_vs_hter": _stats(sensitive, published),
        "tlqa_ter_over_1": over_one,
        "segments_changed_by_reading": segments_changed,
        "largest_differences_after_cap": [
            {"id": i, "tlqa_ter": round(t, 4), "hter": h} for d, i, t, h in worst[:5] if d > ROUNDING
        ],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--bench", type=Path, default=DEFAULT_BENCH, help="bench folder (default ../shared/bench)"
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    path = args.bench / FILE
    if not path.is_file():
        print(f"bench file not found: {path} (skipped)")
        return 0
    result = run(path, args.limit)
    print(f"tlqa TER against MLQE-PE published HTER — {result['records']} records ({path})")
    print(f"  {'':34}{'mean |diff|':>12}{'max':>8}{'Pearson':>10}{'differ':>8}")
    for key, label in (
        ("tlqa_ter_vs_hter", "tlqa TER (fraction), raw"),
        ("tlqa_ter_capped_vs_hter", "tlqa TER capped at 1.0"),
        ("case_sensitive_capped_vs_hter", "case-sensitive TER, capped"),
    ):
        r = result[key]
        figures = f"{r['mean_abs_diff']:>12.5f}{r['max_abs_diff']:>8.4f}{r['pearson']:>10.5f}{r['differ']:>8}"
        print(f"  {label:34}{figures}")
    print(f"  tlqa TER above 1.0 (more edits than reference words): {result['tlqa_ter_over_1']} records")
    cost = f"{result['ms_per_record']} ms a record through tlqa (all three metrics)"
    print(f"  {cost}, {result['seconds']} s in all")
    print(f"  segments that differ from the raw texts after reading: {result['segments_changed_by_reading']}")
    if result["largest_differences_after_cap"]:
        print("  largest differences after the cap:")
        for row in result["largest_differences_after_cap"]:
            print(f"    {row['id']}: tlqa {row['tlqa_ter']}, published {row['hter']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
