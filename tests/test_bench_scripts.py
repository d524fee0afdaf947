"""The benchmark scripts run, and say what they did: quick runs on tiny inputs, independent of ../shared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tlqa

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

BROKEN = "The minister said, “We will rebuild the bridge by spring.\nOfficials declined to give a date.\n"
CLEAN = "“We will rebuild the bridge by spring,” the minister said.\n"
OPEN_BUT_LABELLED_CLEAN = "Soon after, the ministry said it refused to be “blackmailed.\n"


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def families_found(text: str, **kwargs: str) -> set[str]:
    return {f.family for f in tlqa.check_text(text, fmt="text", **kwargs).findings}


def record(rid: str, target: str, errors: list[dict], **extra: object) -> str:
    rec = {
        "id": rid,
        "dataset": "tiny",
        "source_lang": "ko",
        "target_lang": "en",
        "source": None,
        "target": target,
        "reference": None,
        "errors": errors,
        "clean": not errors,
        "meta": {},
    }
    rec.update(extra)
    return json.dumps(rec, ensure_ascii=False)


@pytest.fixture
def tiny_bench(tmp_path: Path) -> Path:
    bench = tmp_path / "bench"
    bench.mkdir()
    lines = [
        record(
            "t1",
            BROKEN,
            [{"family": "quotes", "category": "Fluency/Punctuation", "snippet": "“", "basis": "category"}],
            meta={"target_quotes": {"balanced": False}},
        ),
        record("t2", CLEAN, [], source="장관은 봄까지 다리를 재건하겠다고 말했다.", reference=CLEAN),
        record("t3", OPEN_BUT_LABELLED_CLEAN, []),
        record(
            "t4",
            "Mr. Park met Mr. Kim on Tuesday.\n",
            [
                {
                    "family": "names",
                    "category": "Accuracy/Mistranslation",
                    "snippet": "Mr. Kim",
                    "basis": "heuristic:capitalised",
                }
            ],
        ),
    ]
    (bench / "tiny.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (bench / "README.md").write_text("not a data file\n", encoding="utf-8")
    return bench


def test_quality_without_bench_folder_says_so_and_exits_0(tmp_path):
    r = run_script("bench_quality.py", "--bench", "/nonexistent/bench", "--json", str(tmp_path / "q.json"))
    assert r.returncode == 0, r.stderr
    assert "bench folder not found" in r.stdout
    assert "/nonexistent/bench" in r.stdout
    assert not (tmp_path / "q.json").exists()


def test_quality_with_an_empty_bench_folder_exits_0(tmp_path):
    r = run_script("bench_quality.py", "--bench", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "no *.jsonl" in r.stdout


def test_quality_on_a_tiny_bench_writes_the_json_shape(tiny_bench, tmp_path):
    out = tmp_path / "results" / "quality.json"
    r = run_script("bench_quality.py", "--bench", str(tiny_bench), "--json", str(out))
    assert r.returncode == 0, r.stderr
    assert "tiny: 4 records, 2 clean" in r.stdout
    assert "all datasets" in r.stdout

    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == [
        "measured",
        "commit",
        "tlqa_version",
        "config",
        "bench",
        "rules",
        "datasets",
        "total",
        "clean_rule_hits",
        "crashes",
        "timing",
    ]
    assert list(data["bench"]) == ["tiny.jsonl"]
    assert list(data["datasets"]) == ["tiny"]
    block = data["datasets"]["tiny"]
    assert (block["records"], block["clean"], block["crashes"]) == (4, 2, 0)
    assert list(block["families"]) == ["quotes", "names", "dates", "numbers", "fragments", "untranslated"]
    assert data["total"] == block  # one dataset: the total is that dataset

    quotes = block["families"]["quotes"]
    assert (quotes["positives"], quotes["positives_strict"], quotes["positives_unbalanced"]) == (1, 1, 1)
    # The harness agrees with the library API, whatever the rules currently find.
    detected = int("quotes" in families_found(BROKEN))
    assert (quotes["detected"], quotes["detected_strict"]) == (detected, detected)
    assert quotes["recall"] == quotes["recall_strict"] == float(detected)
    alarms = int("quotes" in families_found(OPEN_BUT_LABELLED_CLEAN)) + int(
        "quotes" in families_found(CLEAN, source="장관은 봄까지 다리를 재건하겠다고 말했다.", reference=CLEAN)
    )
    assert quotes["false_alarms"] == alarms
    assert quotes["false_alarm_rate"] == alarms / 2

    names = block["families"]["names"]
    assert (names["positives"], names["positives_strict"]) == (1, 0)
    if names["rules"] == 0:
        assert "recall" not in names
    assert sorted(data["rules"]) == sorted(block["families"])
    assert sum(h["records"] for h in data["clean_rule_hits"].values()) >= alarms
    assert 1 <= len(data["timing"]["slowest"]) <= 4
    assert set(data["timing"]["slowest"][0]) == {"id", "dataset", "chars", "ms"}


def test_quality_examples_show_the_false_alarms(tiny_bench):
    r = run_script("bench_quality.py", "--bench", str(tiny_bench), "--examples", "quotes")
    assert r.returncode == 0, r.stderr
    if "quotes" in families_found(OPEN_BUT_LABELLED_CLEAN):
        assert "== t3  (tiny)" in r.stdout
        assert "blackmailed" in r.stdout
    assert "== t1" not in r.stdout  # labelled records are not false alarms


def test_speed_runs_small_without_subprocesses():
    r = run_script("bench_speed.py", "--articles", "20", "--runs", "1", "--no-subprocess", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["corpus"]["articles"] == 20
    assert 450 <= data["corpus"]["mean_words"] <= 800
    assert data["in_process"]["all"]["articles_per_s"] > 0
    assert data["in_process"]["document_only"]["rules"] == 0
    assert data["in_process"]["families"]["quotes"]["prefix"] == "Q"
    assert "fresh_process" not in data


def test_speed_text_output_with_one_cheap_fresh_process_run():
    r = run_script(
        "bench_speed.py",
        "--articles",
        "3",
        "--runs",
        "1",
        "--process-runs",
        "1",
        "--top",
        "3",
        "--family",
        "quotes",
    )
    assert r.returncode == 0, r.stderr
    assert "articles/s" in r.stdout
    assert "python -c pass" in r.stdout
    assert "names (N)" not in r.stdout  # --family limits the per-family rows


def test_corpus_is_deterministic_and_newsy(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from corpus import make_corpus

    a, b = make_corpus(5, seed=1), make_corpus(5, seed=1)
    assert a == b
    assert make_corpus(5, seed=2) != a
    text = "".join(make_corpus(30, seed=3, defect_rate=0))
    for feature in ("“", "”", "’", "U.S.", "[YONHAP]", "(Yonhap) --", "\nBy "):
        assert feature in text, feature
