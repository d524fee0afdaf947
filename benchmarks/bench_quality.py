"""Detection quality on the annotated public bench (../shared/bench, see its README).

    python benchmarks/bench_quality.py                         # tables per dataset and family
    python benchmarks/bench_quality.py --json benchmarks/results/quality.json
    python benchmarks/bench_quality.py --examples quotes       # clean records that raised a quotes finding
    python benchmarks/bench_quality.py --misses dates          # labelled records no dates finding caught

Every record of every *.jsonl in the bench folder is checked through the library API (the target as a
plain-text article, with its source and reference when the record has them), one Engine with the default
configuration reused for all. For each dataset (file) and family:

* positives: records with at least one error of the family; "strict" ones have such an error whose
  family follows from the annotators' own category (`basis == "category"`);
* recall: the share of positives on which tlqa reports at least one finding of that family (strict and
  over all labels). Whether the finding is on the marked span is not checked;
* false alarms: the share of clean records (no error of any family) with a finding of that family.

A family with no rules yet shows "no rules" instead of figures. When the bench folder is absent the
script says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "bench"
EVAL_FAMILIES = ("quotes", "names", "dates", "numbers", "fragments", "untranslated")


@dataclass
class Outcome:
    """One record and what tlqa made of it."""

    id: str
    dataset: str
    clean: bool
    target: str
    source: str | None
    families_all: frozenset[str]
    families_strict: frozenset[str]
    unbalanced: bool
    labels: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)
    ms: float = 0.0
    crash: str | None = None

    @property
    def found(self) -> set[str]:
        return {f.family for f in self.findings}


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def _git_commit() -> str | None:
    """HEAD, with "+modified" when src/ differs from it (the figures are then of uncommitted code)."""
    head = _git("rev-parse", "HEAD")
    if head and _git("status", "--porcelain", "--", "src"):
        head += "+modified"
    return head


def _records(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path.name}:{n}: skipped, not JSON ({exc})", file=sys.stderr)
                continue
            if not isinstance(record, dict) or not isinstance(record.get("target"), str):
                print(f"{path.name}:{n}: skipped, no target text", file=sys.stderr)
                continue
            yield record


def run(files: Sequence[Path]) -> list[Outcome]:
    from tlqa.api import check_text, load_config
    from tlqa.engine import Engine

    engine = Engine(load_config())
    check_text("Warm-up: “lazy imports” and caches.", fmt="text", engine=engine)
    outcomes = []
    for path in files:
        for record in _records(path):
            errors = [e for e in record.get("errors") or [] if isinstance(e, dict)]
            quotes_meta = (record.get("meta") or {}).get("target_quotes") or {}
            o = Outcome(
                id=str(record.get("id", "?")),
                dataset=path.stem,
                clean=bool(record.get("clean", not errors)) and not errors,
                target=record["target"],
                source=record.get("source"),
                families_all=frozenset(e.get("family") for e in errors),
                families_strict=frozenset(e.get("family") for e in errors if e.get("basis") == "category"),
                unbalanced=quotes_meta.get("balanced") is False,
                labels=errors,
            )
            start = time.perf_counter()
            try:
                report = check_text(
                    o.target,
                    path=o.id,
                    source=record.get("source"),
                    reference=record.get("reference"),
                    fmt="text",
                    engine=engine,
                )
                o.findings = report.findings
            except Exception as exc:  # a harness measures; it reports a crash and goes on
                o.crash = f"{type(exc).__name__}: {exc}"
            o.ms = 1000 * (time.perf_counter() - start)
            outcomes.append(o)
    return outcomes


# -- scoring --------------------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score(outcomes: Sequence[Outcome], rules_by_family: dict[str, list[str]]) -> dict[str, Any]:
    clean = [o for o in outcomes if o.clean]
    families: dict[str, Any] = {}
    for fam in EVAL_FAMILIES:
        pos_all = [o for o in outcomes if fam in o.families_all]
        pos_strict = [o for o in outcomes if fam in o.families_strict]
        row: dict[str, Any] = {
            "rules": len(rules_by_family.get(fam, [])),
            "positives": len(pos_all),
            "positives_strict": len(pos_strict),
        }
        if row["rules"]:
            det_all = sum(fam in o.found for o in pos_all)
            det_strict = sum(fam in o.found for o in pos_strict)
            alarms = sum(fam in o.found for o in clean)
            row.update(
                detected=det_all,
                detected_strict=det_strict,
                recall=_ratio(det_all, len(pos_all)),
                recall_strict=_ratio(det_strict, len(pos_strict)),
                false_alarms=alarms,
                false_alarm_rate=_ratio(alarms, len(clean)),
            )
            if fam == "quotes":
                unbalanced = [o for o in pos_all if o.unbalanced]
                det_unb = sum(fam in o.found for o in unbalanced)
                row.update(
                    positives_unbalanced=len(unbalanced),
                    detected_unbalanced=det_unb,
                    recall_unbalanced=_ratio(det_unb, len(unbalanced)),
                )
        families[fam] = row
    return {
        "records": len(outcomes),
        "clean": len(clean),
        "crashes": sum(o.crash is not None for o in outcomes),
        "families": families,
    }


def clean_rule_hits(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Per rule: how many clean records it fired on (and with how many findings), by dataset."""
    records: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    by_dataset: dict[str, Counter[str]] = {}
    for o in outcomes:
        if not o.clean:
            continue
        codes = Counter(f.rule for f in o.findings)
        findings.update(codes)
        records.update(codes.keys())
        for code in codes:
            by_dataset.setdefault(code, Counter())[o.dataset] += 1
    ordered = sorted(records, key=lambda c: (-records[c], c))
    return {
        c: {"records": records[c], "findings": findings[c], "datasets": dict(sorted(by_dataset[c].items()))}
        for c in ordered
    }


def _rule_crashes(outcomes: Sequence[Outcome]) -> list[dict[str, str]]:
    out = []
    for o in outcomes:
        if o.crash:
            out.append({"id": o.id, "dataset": o.dataset, "error": o.crash})
        out.extend(
            {"id": o.id, "dataset": o.dataset, "error": f.message}
            for f in o.findings
            if f.message.startswith(f"Rule {f.rule} crashed")
        )
    return out


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def build_results(files: Sequence[Path], outcomes: Sequence[Outcome], elapsed: float) -> dict[str, Any]:
    from tlqa import __version__
    from tlqa.rules import Registry

    rules_by_family: dict[str, list[str]] = {}
    for r in Registry.from_modules():
        rules_by_family.setdefault(r.family, []).append(r.code)
    datasets = {p.stem: score([o for o in outcomes if o.dataset == p.stem], rules_by_family) for p in files}
    slowest = sorted(outcomes, key=lambda o: (-o.ms, o.id))[:5]
    return {
        "measured": dt.date.today().isoformat(),
        "commit": _git_commit(),
        "tlqa_version": __version__,
        "config": "default",
        "bench": {p.name: {"sha256_16": _file_digest(p)} for p in files},
        "rules": {fam: rules_by_family.get(fam, []) for fam in EVAL_FAMILIES},
        "datasets": datasets,
        "total": score(outcomes, rules_by_family),
        "clean_rule_hits": clean_rule_hits(outcomes),
        "crashes": _rule_crashes(outcomes),
        "timing": {
            "total_s": round(elapsed, 2),
            "median_ms": round(statistics.median(o.ms for o in outcomes), 2) if outcomes else None,
            "slowest": [
                {"id": o.id, "dataset": o.dataset, "chars": len(o.target), "ms": round(o.ms, 1)}
                for o in slowest
            ],
        },
    }


# -- output ---------------------------------------------------------------------------------------------


def _pct(value: float | None, part: int, whole: int) -> str:
    if value is None:
        return f"{'—':>6}"
    return f"{100 * value:5.1f}% ({part}/{whole})"


def _print_table(name: str, block: dict[str, Any]) -> None:
    print(
        f"\n{name}: {block['records']} records, {block['clean']} clean"
        + (f", {block['crashes']} crashed" if block["crashes"] else "")
    )
    print(
        f"  {'family':<13}{'rules':>5}  {'positives (strict)':<19}{'recall strict':<21}{'recall all':<21}"
        f"{'false alarms on clean'}"
    )
    for fam, r in block["families"].items():
        pos = f"{r['positives']} ({r['positives_strict']})"
        if not r["rules"]:
            print(f"  {fam:<13}{0:>5}  {pos:<19}no rules")
            continue
        strict = _pct(r["recall_strict"], r["detected_strict"], r["positives_strict"])
        every = _pct(r["recall"], r["detected"], r["positives"])
        alarms = _pct(r["false_alarm_rate"], r["false_alarms"], block["clean"])
        print(f"  {fam:<13}{r['rules']:>5}  {pos:<19}{strict:<21}{every:<21}{alarms}")
        if r.get("positives_unbalanced"):
            unb = _pct(r["recall_unbalanced"], r["detected_unbalanced"], r["positives_unbalanced"])
            print(f"  {'  unbalanced':<13}{'':>5}  {r['positives_unbalanced']:<19}{'':<21}{unb}")


def print_report(results: dict[str, Any], bench: Path) -> None:
    print(
        f"tlqa {results['tlqa_version']} on {bench} (default configuration; commit "
        f"{results['commit'] or '(none)'})"
    )
    print(
        "recall: share of labelled records with at least one finding of the family; strict: labels whose "
        "family follows from the annotators' category"
    )
    for name, block in results["datasets"].items():
        _print_table(name, block)
    _print_table("all datasets", results["total"])
    hits = results["clean_rule_hits"]
    print("\nRules firing on clean records (records, findings; by dataset):")
    if not hits:
        print("  none")
    for code, h in list(hits.items())[:10]:
        where = ", ".join(f"{d} {n}" for d, n in h["datasets"].items())
        print(f"  {code:<6}{h['records']:>5} records {h['findings']:>5} findings   {where}")
    if results["crashes"]:
        print(f"\nCrashes ({len(results['crashes'])}):")
        for c in results["crashes"][:10]:
            print(f"  {c['dataset']} {c['id']}: {c['error']}")
    t = results["timing"]
    print(
        f"\n{results['total']['records']} records in {t['total_s']:.1f} s (median {t['median_ms']} ms); "
        "slowest:"
    )
    for s in t["slowest"]:
        print(f"  {s['ms']:>8.1f} ms  {s['chars']:>6} chars  {s['dataset']}  {s['id']}")


def _print_record(o: Outcome, family: str | None, labels: str | None = None) -> None:
    print(f"\n== {o.id}  ({o.dataset})")
    if o.source:
        print("source: " + o.source.replace("\n", "\n        "))
    print("target: " + o.target.replace("\n", "\n        "))
    for e in o.labels:
        if e.get("family") == labels:
            print(f"  label {e.get('category')} ({e.get('basis')}): {e.get('snippet')!r}")
    for f in o.findings:
        if family is None or f.family == family:
            print(f"  -> {f.rule} {f.begin.line}:{f.begin.column} {f.message}  [{f.excerpt}]")


def print_examples(outcomes: Sequence[Outcome], family: str, limit: int, dataset: str | None) -> None:
    """Clean records on which the family raised a finding: false alarms, to read."""
    chosen = [o for o in outcomes if o.clean and family in o.found and dataset in (None, o.dataset)]
    print(
        f"{len(chosen)} clean records with a {family} finding"
        + (f" in {dataset}" if dataset else "")
        + (f"; showing {limit}" if len(chosen) > limit else "")
    )
    for o in chosen[:limit]:
        _print_record(o, family)


def print_misses(outcomes: Sequence[Outcome], family: str, limit: int, dataset: str | None) -> None:
    """Records labelled with an error of the family on which tlqa found nothing of it."""
    chosen = [
        o
        for o in outcomes
        if family in o.families_all and family not in o.found and dataset in (None, o.dataset)
    ]
    print(
        f"{len(chosen)} {family}-labelled records without a {family} finding"
        + (f" in {dataset}" if dataset else "")
        + (f"; showing {limit}" if len(chosen) > limit else "")
    )
    for o in chosen[:limit]:
        _print_record(o, None, labels=family)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--bench", type=Path, default=DEFAULT_BENCH, help=f"bench folder (default {DEFAULT_BENCH})"
    )
    ap.add_argument("--json", type=Path, metavar="PATH", help="write the results as JSON to PATH")
    ap.add_argument(
        "--examples",
        metavar="FAMILY",
        choices=EVAL_FAMILIES,
        help="print the clean records on which FAMILY raised a false alarm",
    )
    ap.add_argument(
        "--misses",
        metavar="FAMILY",
        choices=EVAL_FAMILIES,
        help="print the FAMILY-labelled records on which tlqa found nothing of FAMILY",
    )
    ap.add_argument("--dataset", help="with --examples/--misses: only this dataset (file stem)")
    ap.add_argument("--limit", type=int, default=25, help="with --examples/--misses: at most N records")
    args = ap.parse_args(argv)

    if not args.bench.is_dir():
        print(f"bench folder not found: {args.bench} — nothing to measure (give one with --bench DIR)")
        return 0
    files = sorted(args.bench.glob("*.jsonl"))
    if not files:
        print(f"no *.jsonl files in {args.bench} — nothing to measure")
        return 0

    start = time.perf_counter()
    outcomes = run(files)
    results = build_results(files, outcomes, time.perf_counter() - start)
    if args.examples or args.misses:
        if args.examples:
            print_examples(outcomes, args.examples, args.limit, args.dataset)
        if args.misses:
            print_misses(outcomes, args.misses, args.limit, args.dataset)
    else:
        print_report(results, args.bench)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
