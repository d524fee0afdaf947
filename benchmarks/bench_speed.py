"""Speed benchmark: how many articles a second tlqa checks, and what a fresh `tlqa check` costs.

    python benchmarks/bench_speed.py                 # 1,000 articles, 3 passes, 15 fresh processes
    python benchmarks/bench_speed.py --articles 200 --runs 1 --no-subprocess
    python benchmarks/bench_speed.py --json > speed.json

In process: one Engine is built per configuration and reused; each pass checks every article of a
seeded corpus of invented news (see corpus.py) through the library API, pinned to one CPU core where
the platform allows it; the figure is the median of the passes. Measured for the whole check set, for
the document model alone (no rule selected), and for each family on its own (`select=[prefix]`).

Fresh process: the wall time of `tlqa check ARTICLE --format concise` (the console script next to this
Python), against `python -c pass` and `python -c "import tlqa.cli"`, median of `--process-runs` runs
after one warm-up; then the imports that cost most on that path, from `-X importtime`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus

REPO = Path(__file__).resolve().parents[1]


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


# -- in process -----------------------------------------------------------------------------------------


def _one_pass(engine: Any, texts: Sequence[str]) -> tuple[float, int]:
    from tlqa.api import check_text

    findings = 0
    start = time.perf_counter()
    for i, text in enumerate(texts):
        findings += len(check_text(text, path=f"article-{i:05d}.txt", fmt="text", engine=engine).findings)
    return time.perf_counter() - start, findings


def _summary(engine: Any, n: int, times: list[float], findings: int) -> dict[str, Any]:
    median = statistics.median(times)
    return {
        "rules": len(engine.rules),
        "articles_per_s": round(n / median, 1),
        "ms_per_article": round(1000 * median / n, 3),
        "pass_s": [round(t, 3) for t in times],
        "findings": findings,
    }


def _pin_to_one_core() -> tuple[set[int] | None, int | None]:
    """Pin this process to one CPU (Linux); return the previous affinity to restore and the core."""
    if not hasattr(os, "sched_setaffinity"):
        return None, None
    before = os.sched_getaffinity(0)
    core = min(before)
    os.sched_setaffinity(0, {core})
    return before, core


def in_process(texts: Sequence[str], runs: int, families: Sequence[str] | None) -> dict[str, Any]:
    """Articles per second for each configuration. The passes go round the configurations in turn, so
    that a slower spell of a shared machine does not fall on one configuration only."""
    from tlqa.api import load_config
    from tlqa.engine import Engine
    from tlqa.rules import FAMILIES, Registry

    registry = Registry.from_modules()
    engines: dict[str, Any] = {
        "all": Engine(load_config(), registry),
        "document_only": Engine(load_config(select=[]), registry),
    }
    out: dict[str, Any] = {"families": {}}
    for family, prefix in FAMILIES.items():
        if families and family not in families:
            continue
        out["families"][family] = {"prefix": prefix, "rules": 0}
        engine = Engine(load_config(select=[prefix]), registry)
        if engine.rules:
            engines[family] = engine
    before, out["core"] = _pin_to_one_core()
    try:
        for engine in engines.values():
            _one_pass(engine, texts[:5])  # warm-up: lazy imports, caches
        times: dict[str, list[float]] = {label: [] for label in engines}
        findings: dict[str, int] = {}
        for _ in range(runs):
            for label, engine in engines.items():
                elapsed, findings[label] = _one_pass(engine, texts)
                times[label].append(elapsed)
    finally:
        if before is not None:
            os.sched_setaffinity(0, before)
    for label, engine in engines.items():
        summary = _summary(engine, len(texts), times[label], findings[label])
        if label in out["families"]:
            out["families"][label].update(summary)
        else:
            out[label] = summary
    return {"core": out.pop("core"), "all": out.pop("all"), "document_only": out.pop("document_only"), **out}


# -- fresh processes ------------------------------------------------------------------------------------


def _tlqa_command() -> tuple[list[str] | None, str]:
    """The console script installed next to this Python, or a stand-in, or None."""
    script = Path(sys.executable).parent / ("tlqa.exe" if os.name == "nt" else "tlqa")
    if script.is_file():
        return [str(script)], str(script)
    import importlib.util

    try:
        found = importlib.util.find_spec("tlqa.cli") is not None
    except ImportError:
        found = False
    if found:
        code = "import sys; from tlqa.cli import main; sys.argv[0] = 'tlqa'; sys.exit(main())"
        return [sys.executable, "-c", code], "no tlqa script next to python: ran tlqa.cli.main via -c"
    return None, "neither a tlqa script next to python nor tlqa.cli: skipped"


def _env(pycache: str | None) -> dict[str, str]:
    """The environment of the timed processes. With `pycache`, bytecode is written to and read from that
    folder (as after an install, whatever PYTHONDONTWRITEBYTECODE says); without, none is written."""
    drop = ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    if pycache:
        env["PYTHONPYCACHEPREFIX"] = pycache
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _wall(cmd: list[str], runs: int, cwd: str, env: dict[str, str]) -> dict[str, Any]:
    warm = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    result: dict[str, Any] = {
        "median_ms": round(1000 * statistics.median(times), 1),
        "min_ms": round(1000 * min(times), 1),
        "exit_code": warm.returncode,
    }
    if warm.returncode not in (0, 1):
        result["stderr"] = warm.stderr.strip()[-500:]
    return result


_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def _importtime(
    cmd: list[str], cwd: str, env: dict[str, str], top: int, repeats: int = 3
) -> list[dict[str, Any]]:
    """Modules on the path by cumulative import time (median over `repeats` runs), slowest first."""
    samples: dict[str, list[tuple[int, int]]] = {}
    depth: dict[str, int] = {}
    for _ in range(repeats):
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
        for line in proc.stderr.splitlines():
            m = _IMPORTTIME.match(line)
            if m:
                name = m.group(4)
                samples.setdefault(name, []).append((int(m.group(1)), int(m.group(2))))
                depth[name] = (len(m.group(3)) - 1) // 2
    rows = [
        {
            "module": name,
            "depth": depth[name],
            "cumulative_ms": round(statistics.median(c for _s, c in vals) / 1000, 1),
            "self_ms": round(statistics.median(s for s, _c in vals) / 1000, 1),
        }
        for name, vals in samples.items()
    ]
    rows.sort(key=lambda r: (-r["cumulative_ms"], r["module"]))
    return rows[:top]


def fresh_process(article: str, runs: int, top: int) -> dict[str, Any]:
    cmd, how = _tlqa_command()
    out: dict[str, Any] = {"runs": runs, "tlqa": how}
    with tempfile.TemporaryDirectory(prefix="tlqa-bench-") as tmp:
        path = Path(tmp, "article.txt")
        path.write_text(article, encoding="utf-8")
        py = sys.executable
        warm = _env(str(Path(tmp, "pycache")))
        out["python -c pass"] = _wall([py, "-c", "pass"], runs, tmp, warm)
        try:
            import tlqa.cli  # noqa: F401
        except ImportError as exc:
            out["import tlqa.cli"] = {"skipped": f"cannot import tlqa.cli ({exc})"}
        else:
            out["import tlqa.cli"] = _wall([py, "-c", "import tlqa.cli"], runs, tmp, warm)
        if cmd is None:
            return out
        check = [*cmd, "check", str(path), "--format", "concise"]
        out["tlqa check --format concise"] = _wall(check, runs, tmp, warm)
        out["same, no bytecode cache"] = _wall(check, runs, tmp, _env(None))
        if cmd[0] == py:  # the -c stand-in
            timed = [py, "-X", "importtime", *cmd[1:], "check", str(path), "--format", "concise"]
        else:
            timed = [py, "-X", "importtime", cmd[0], "check", str(path), "--format", "concise"]
        out["importtime"] = _importtime(timed, tmp, warm, top)
    return out


# -- output ---------------------------------------------------------------------------------------------


def _print_text(result: dict[str, Any]) -> None:
    c = result["corpus"]
    print(f"tlqa speed — {c['articles']} invented articles, {c['mean_words']} words and "
          f"{c['mean_chars']} characters on average (seed {c['seed']})")
    print(f"python {result['python']} on {result['platform']}; commit {result['commit'] or '(none)'}")
    ip = result.get("in_process")
    if ip:
        core = f"pinned to CPU {ip['core']}" if ip["core"] is not None else "not pinned"
        print(f"\nIn process (library API, one Engine reused, {core}, median of {result['runs']} passes):")
        print(f"  {'checks':<22}{'rules':>6}{'articles/s':>12}{'ms/article':>12}{'findings':>10}")

        def row(label: str, r: dict[str, Any]) -> None:
            if "articles_per_s" not in r:
                print(f"  {label:<22}{r['rules']:>6}{'(no rules yet)':>22}")
                return
            print(f"  {label:<22}{r['rules']:>6}{r['articles_per_s']:>12.1f}{r['ms_per_article']:>12.2f}"
                  f"{r['findings']:>10}")

        row("all", ip["all"])
        row("document model only", ip["document_only"])
        for family, r in ip["families"].items():
            row(f"{family} ({r['prefix']})", r)
    fp = result.get("fresh_process")
    if fp:
        print(f"\nFresh process (wall time, median of {fp['runs']} runs after a warm-up that fills a "
              f"bytecode cache; {fp['tlqa']}):")
        for label in ("python -c pass", "import tlqa.cli", "tlqa check --format concise",
                      "same, no bytecode cache"):
            r = fp.get(label)
            if r is None:
                continue
            if "skipped" in r:
                print(f"  {label:<30} skipped: {r['skipped']}")
                continue
            extra = f"  exit {r['exit_code']}" + (f": {r['stderr']}" if "stderr" in r else "")
            print(f"  {label:<30}{r['median_ms']:>8.1f} ms  (min {r['min_ms']:.1f}){extra}")
        if fp.get("importtime"):
            print("\n  -X importtime of `tlqa check`, cumulative (median of 3), slowest first:")
            for r in fp["importtime"]:
                name = "  " * r["depth"] + r["module"]
                print(f"    {r['cumulative_ms']:>7.1f} ms  (self {r['self_ms']:>5.1f})  {name}")
    print(f"\ntotal {result['elapsed_s']:.1f} s")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    ap.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    ap.add_argument("--seed", type=int, default=20240303, help="corpus seed")
    ap.add_argument("--runs", type=int, default=3, help="in-process passes over the corpus (default 3)")
    ap.add_argument("--process-runs", type=int, default=15, help="fresh-process runs (default 15)")
    ap.add_argument("--no-subprocess", action="store_true", help="skip the fresh-process timings")
    ap.add_argument("--family", action="append", help="time only these families (repeatable)")
    ap.add_argument("--top", type=int, default=15, help="import-time rows to show (default 15)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if args.articles < 1 or args.runs < 1 or args.process_runs < 1:
        ap.error("--articles, --runs and --process-runs must be at least 1")

    started = time.perf_counter()
    texts = make_corpus(args.articles, seed=args.seed, words=args.words)
    result: dict[str, Any] = {
        "measured": dt.date.today().isoformat(),
        "commit": _git_commit(),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "runs": args.runs,
        "corpus": {
            "articles": len(texts),
            "seed": args.seed,
            "mean_words": round(sum(len(t.split()) for t in texts) / len(texts)),
            "mean_chars": round(sum(len(t) for t in texts) / len(texts)),
        },
        "in_process": in_process(texts, args.runs, args.family),
    }
    if not args.no_subprocess:
        result["fresh_process"] = fresh_process(texts[0], args.process_runs, args.top)
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_text(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
