"""Audit benchmark: `tlqa audit` over a generated archive.

    python benchmarks/bench_audit.py                          # 10,000 articles, --jobs 1 and 2, re-run
    python benchmarks/bench_audit.py --articles 500 --words 200
    python benchmarks/bench_audit.py --memory-articles 100000 --memory-select Q
    python benchmarks/bench_audit.py --json > audit.json

Writes a seeded archive of invented articles (corpus.py; one folder per thousand, dated folder names)
to a temporary folder, then runs each audit in a fresh process (so that peak memory is that audit's):

* articles per second with `--jobs 1` and with `--jobs 2` (fresh databases), and the scaling between
  them (the issue's target: at least 1.8x on two cores);
* an unchanged re-run of the `--jobs 2` audit against its database, summary included (target: at
  least 20 times faster than the first run, also with its summary);
* peak memory (resident set) of the main process and of the largest pool process;
* with `--memory-articles N`, the same peak memory for an audit of N articles (target: under 250 MB at
  100,000), optionally with fewer rules (`--memory-select Q`) to keep that run short: what could grow
  with the archive is the audit's own bookkeeping, not the rules' work on one article.

The rate is the audit's own: articles checked divided by the time `tlqa.audit.core.run` took
(discovery, reading, hashing, checking, storing), without interpreter start-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_article

REPO = Path(__file__).resolve().parents[1]


def write_archive(root: Path, n: int, seed: int, words: int) -> float:
    """n articles under root, a thousand a folder; returns the mean size in bytes."""
    import random

    rng = random.Random(seed)
    total = 0
    for i in range(n):
        folder = root / f"2024-{1 + (i // 1000) % 12:02d}-{1 + i % 28:02d}_{i // 1000:03d}"
        if i % 1000 == 0 or not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
        text = make_article(rng, words)
        data = text.encode("utf-8")
        (folder / f"story{i:06d}.en.txt").write_bytes(data)
        total += len(data)
    return total / max(1, n)


def child(args: argparse.Namespace) -> int:
    """One audit in this process; prints what it measured as JSON."""
    from tlqa.audit import core, summary

    options = core.AuditOptions(
        paths=[args.archive],
        db=args.db,
        jobs=args.jobs,
        select=args.select.split(",") if args.select else None,
        fail_on="never",
    )
    started = time.perf_counter()
    run = core.run(options)
    elapsed = time.perf_counter() - started
    summary.build(run.store)  # what the command does next: the summary, cross-article names included
    with_summary = time.perf_counter() - started
    run.store.close()
    self_usage = resource.getrusage(resource.RUSAGE_SELF)
    kids_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    me, kids = self_usage.ru_maxrss, kids_usage.ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    print(
        json.dumps(
            {
                "tlqa": str(Path(core.__file__).parent.parent),
                "articles": run.total,
                "checked": run.checked,
                "unchanged": run.cached,
                "seconds": round(elapsed, 3),
                "seconds_with_summary": round(with_summary, 3),
                "articles_per_s": round(run.total / elapsed, 1) if elapsed else None,
                "cpu_s_main": round(self_usage.ru_utime + self_usage.ru_stime, 2),
                "cpu_s_workers": round(kids_usage.ru_utime + kids_usage.ru_stime, 2),
                "load_average": [round(x, 2) for x in os.getloadavg()],
                "peak_rss_mb_main": round(me * scale / 2**20, 1),
                "peak_rss_mb_largest_worker": round(kids * scale / 2**20, 1) if args.jobs > 1 else None,
            }
        )
    )
    return 0


def snapshot(work: Path) -> Path:
    """A copy of the tlqa package that the audits import: the same code for every run, even if the
    working tree changes meanwhile (a changed tlqa would make the re-run check everything again)."""
    import shutil

    import tlqa

    target = work / "snapshot"
    shutil.copytree(Path(tlqa.__file__).parent, target / "tlqa", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def audit(archive: Path, db: Path, jobs: int, select: str | None, code: Path) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", "--archive", str(archive), "--db", str(db)]
    cmd += ["--jobs", str(jobs)] + (["--select", select] if select else [])
    paths = [str(code), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"audit failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000, help="archive size (default 10,000)")
    ap.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    ap.add_argument("--seed", type=int, default=20240303)
    ap.add_argument("--select", help="rule codes or prefixes (default: every rule)")
    ap.add_argument("--memory-articles", type=int, default=0, help="also an audit of this many, for memory")
    ap.add_argument("--memory-select", help="rules for that audit (default: --select)")
    ap.add_argument("--keep", help="write the archive and databases here instead of a temporary folder")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--archive", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args)
    if args.articles < 1:
        ap.error("--articles must be at least 1")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tlqa-bench-audit-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        archive = work / "archive"
        code = snapshot(work)
        mean = write_archive(archive, args.articles, args.seed, args.words)
        result: dict[str, Any] = {
            "measured": dt.date.today().isoformat(),
            "commit": _git_commit(),
            "python": platform.python_version(),
            "platform": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
            "archive": {"articles": args.articles, "words": args.words, "mean_bytes": round(mean)},
            "select": args.select or "ALL",
        }
        one = audit(archive, work / "jobs1.sqlite", 1, args.select, code)
        two = audit(archive, work / "jobs2.sqlite", 2, args.select, code)
        again = audit(archive, work / "jobs2.sqlite", 2, args.select, code)
        result["jobs_1"], result["jobs_2"], result["unchanged_rerun"] = one, two, again
        result["scaling_2_over_1"] = round(two["articles_per_s"] / one["articles_per_s"], 2)
        result["rerun_speedup"] = round(two["seconds_with_summary"] / again["seconds_with_summary"], 1)
        if args.memory_articles:
            big = work / "memory-archive"
            write_archive(big, args.memory_articles, args.seed + 1, args.words)
            select = args.memory_select or args.select
            result["memory"] = {
                "select": select or "ALL",
                **audit(big, work / "memory.sqlite", 2, select, code),
            }
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return 0


def _print(r: dict[str, Any]) -> None:
    a = r["archive"]
    print(
        f"tlqa audit — {a['articles']:,} invented articles of about {a['words']} words "
        f"({a['mean_bytes']:,} bytes)"
    )
    print(f"python {r['python']} on {r['platform']}; commit {r['commit'] or '(none)'}; rules: {r['select']}")
    print(
        f"\n  {'run':<26}{'articles/s':>12}{'seconds':>10}{'checked':>9}{'main MB':>9}{'worker MB':>11}"
        f"{'CPU s main':>12}{'workers':>9}"
    )
    for label, key in (
        ("--jobs 1", "jobs_1"),
        ("--jobs 2", "jobs_2"),
        ("unchanged re-run (-j 2)", "unchanged_rerun"),
    ):
        x = r[key]
        worker = x["peak_rss_mb_largest_worker"]
        print(
            f"  {label:<26}{x['articles_per_s']:>12,.1f}{x['seconds']:>10.1f}{x['checked']:>9,}"
            f"{x['peak_rss_mb_main']:>9.1f}{worker if worker is not None else '-':>11}"
            f"{x['cpu_s_main']:>12.1f}{x['cpu_s_workers']:>9.1f}"
        )
    print(f"\n  scaling --jobs 2 / --jobs 1: {r['scaling_2_over_1']}x (target >= 1.8x)")
    loads = ", ".join(str(r[k]["load_average"][0]) for k in ("jobs_1", "jobs_2"))
    print(f"  (load average at the end of each run: {loads}; other work on the machine skews the scaling)")
    print(f"  unchanged re-run: {r['rerun_speedup']}x faster than the first run (target >= 20x)")
    m = r.get("memory")
    if m:
        print(
            f"  memory at {m['articles']:,} articles (rules: {m['select']}, --jobs 2): "
            f"main {m['peak_rss_mb_main']} MB, "
            f"largest worker {m['peak_rss_mb_largest_worker']} MB (target < 250 MB); "
            f"{m['articles_per_s']:,.0f} articles/s"
        )
    print(f"\ntotal {r['elapsed_s']:.0f} s")


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


if __name__ == "__main__":
    sys.exit(main())
