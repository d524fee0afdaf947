"""Reference metrics (tlqa.metrics): sacrebleu's BLEU, chrF and TER over paragraph pairs, equal to what
sacrebleu's own command line prints for the same segments."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from conftest import FIXTURES
from tlqa import api, metrics
from tlqa.config import Config
from tlqa.document import Document
from tlqa.engine import Article

ARTICLE = FIXTURES / "aligned-article.txt"
REFERENCE = FIXTURES / "aligned-article.ref.txt"

pytest.importorskip("sacrebleu")


def _cli(tmp_path, segments) -> list[dict]:
    """`sacrebleu REF -i HYP -m bleu chrf ter` on the segments, one a line."""
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("".join(s.hypothesis + "\n" for s in segments), encoding="utf-8")
    ref.write_text("".join(s.reference + "\n" for s in segments), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp), "-m", "bleu", "chrf", "ter"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout)


def _article(text: str, reference: str) -> Article:
    return Article("-", Document(text), reference=Document(reference, "text", "<reference>"))


def _assert_same_as_cli(tmp_path, article: Article) -> dict:
    scores = metrics.for_article(article)
    assert scores is not None
    report = scores.as_report()
    cli = {entry["name"]: entry for entry in _cli(tmp_path, scores.segments)}
    assert report["bleu"] == cli["BLEU"]["score"]
    assert report["chrf"] == cli["chrF2"]["score"]
    assert report["ter"] == cli["TER"]["score"]
    assert report["signature"] == {
        "bleu": cli["BLEU"]["signature"],
        "chrf": cli["chrF2"]["signature"],
        "ter": cli["TER"]["signature"],
    }
    return report


def test_aligned_fixture_equals_the_command_line(tmp_path):
    """Article and reference have different paragraph counts: scored over the aligner's pairs, a
    paragraph with no counterpart against an empty segment."""
    article = _article(ARTICLE.read_text(encoding="utf-8"), REFERENCE.read_text(encoding="utf-8"))
    report = _assert_same_as_cli(tmp_path, article)
    assert report["pairing"] == "aligned"
    segments = metrics.for_article(article).segments
    assert len(segments) == report["segments"] == 15
    assert sum(1 for s in segments if not s.reference) == 2  # the added paragraph and the translation note
    assert sum(1 for s in segments if not s.hypothesis) == 1  # the reference's paragraph 7
    # the split paragraph is one segment, its two article paragraphs joined by a space
    (split,) = [s for s in segments if len(s.target) == 2]
    assert split.hypothesis.startswith("The tourism industry") and "number. Restaurants" in split.hypothesis


def test_one_to_one_when_the_counts_agree(tmp_path):
    text = "The mayor said the bridge will reopen.\n\nPolice will close the road at 6 p.m. on Friday."
    ref = "The mayor said the bridge would reopen.\n\nThe road will be closed from 6 p.m. on Friday."
    article = _article(text, ref)
    report = _assert_same_as_cli(tmp_path, article)
    assert report["pairing"] == "one-to-one" and report["segments"] == 2
    assert [p["paragraphs"] for p in report["paragraph_chrf"]] == [[0], [1]]


def test_long_pairs_are_scored_sentence_by_sentence(tmp_path):
    """Never a long segment: TER's cost grows steeply with length."""
    sentences = [
        f"Officials said on day {i} that the plan number {i} would cost {i * 7} million won."
        for i in range(20)
    ]
    text = " ".join(sentences)
    ref = " ".join(s.replace("Officials said", "The officials stated") for s in sentences)
    article = _article(text, ref)
    scores = metrics.for_article(article)
    assert len(scores.segments) == 20
    assert max(len(s.hypothesis.split()) for s in scores.segments) < metrics.LONG_SEGMENT
    assert len(scores.paragraphs) == 1  # chrF per paragraph is still the paragraph's
    _assert_same_as_cli(tmp_path, article)


def test_report_metrics_in_the_file_report_and_json():
    report = api.check_file(str(ARTICLE), reference=str(REFERENCE), config=Config(select=("R",)))
    m = report.metrics
    assert set(m) >= {"bleu", "chrf", "ter", "signature", "segments", "pairing", "paragraph_chrf"}
    assert m["signature"]["ter"].startswith("nrefs:1|case:lc|tok:tercom")
    assert all(p["reference_paragraphs"] and p["paragraphs"] for p in m["paragraph_chrf"])
    assert api.check_file(str(ARTICLE), config=Config(select=("R",))).metrics is None


def test_a_metrics_failure_is_reported_not_raised(monkeypatch):
    def boom(article):
        raise RuntimeError("no scores today")

    monkeypatch.setattr(metrics, "report_metrics", boom)
    report = api.check_text("One.", reference="One.", config=Config(select=("R",)))
    assert report.metrics == {"error": "RuntimeError: no scores today"}


def test_nothing_to_score():
    """No prose on either side: no figures (NaN, which the JSON report leaves out), no crash."""
    report = api.check_text("```\ncode only\n```\n", fmt="markdown", reference="   \n", config=Config())
    assert report.metrics["segments"] == 0
    assert all(math.isnan(report.metrics[k]) for k in ("bleu", "chrf", "ter"))
    assert not [f for f in report.findings if f.family == "reference"]


def test_sacrebleu_is_imported_only_with_a_reference():
    code = (
        "import sys, tlqa\n"
        "tlqa.check_text('He said it.', source='그는 말했다.')\n"
        "assert 'sacrebleu' not in sys.modules, 'imported without a reference'\n"
        "tlqa.check_text('He said it.', reference='He said so.')\n"
        "assert 'sacrebleu' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


BENCHMARKS = FIXTURES.parent / "benchmarks"


def test_bench_ter_skips_without_the_bench_and_runs_on_a_tiny_one(tmp_path):
    script = str(BENCHMARKS / "bench_ter.py")
    r = subprocess.run(
        [sys.executable, script, "--bench", str(tmp_path / "none")], capture_output=True, text=True
    )
    assert r.returncode == 0 and "bench file not found" in r.stdout
    records = [
        ("The cat sat on the mat .", "The cat sat on the mat .", 0.0),
        ("the Cat is on mat .", "The cat sat on the mat .", 0.286),  # case is ignored, as published
        ("a b c d e f g h", "x y", 1.0),  # TER 4.0, capped at 1.0 in the published figure
    ]
    lines = [
        json.dumps({"id": f"t{i}", "target": mt, "reference": pe, "meta": {"hter": hter}})
        for i, (mt, pe, hter) in enumerate(records)
    ]
    (tmp_path / "mlqe_pe_hter.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "ter.json"
    r = subprocess.run(
        [sys.executable, script, "--bench", str(tmp_path), "--json", str(out)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["records"] == 3 and data["tlqa_ter_over_1"] == 1
    assert data["tlqa_ter_capped_vs_hter"]["differ"] == 0
    assert data["tlqa_ter_vs_hter"]["differ"] == 1
    assert data["segments_changed_by_reading"] == 0
