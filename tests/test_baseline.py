"""Baselines: fingerprints that survive edits elsewhere; only new findings reported; unused entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tlqa import api, baseline
from tlqa.config import Config
from tlqa.errors import ConfigError
from tlqa.findings import RunReport

QUOTES = Config(select=("Q",))
ARTICLE = (
    "Officials met on Monday.\n"
    "The mayor said, “We will rebuild the bridge by spring.\n"
    "Residents were not convinced.\n"
    "It’s ”odd” that nobody asked.\n"
)


def run_of(tmp_path: Path, text: str, name: str = "a.txt") -> RunReport:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return RunReport(files=[api.check_file(str(path), config=QUOTES)], version="test")


def test_recorded_findings_are_known_after_edits_elsewhere(tmp_path):
    file = tmp_path / "baseline.json"
    first = run_of(tmp_path, ARTICLE)
    assert len(first.findings) >= 2
    assert baseline.write(first, file) == len(first.findings)
    edited = "New first paragraph, added later.\n\n" + ARTICLE.replace("Monday", "Tuesday")
    outcome = baseline.apply(run_of(tmp_path, edited), baseline.load(file), file)
    assert outcome.run.findings == []
    assert outcome.known == len(first.findings) and outcome.unused == []


def test_a_new_finding_is_reported_and_a_fixed_one_is_unused(tmp_path):
    file = tmp_path / "baseline.json"
    baseline.write(run_of(tmp_path, ARTICLE), file)
    changed = ARTICLE.replace("by spring.", "by spring.”") + "Then he added “and the road too.\n"
    outcome = baseline.apply(run_of(tmp_path, changed), baseline.load(file), file)
    assert [(f.rule, f.begin.line) for f in outcome.run.findings] == [("Q101", 5)]
    assert [(e.rule, e.path) for e in outcome.unused] == [("Q101", "a.txt")]


def test_identical_marks_are_told_apart_by_their_words(tmp_path):
    file = tmp_path / "baseline.json"
    one = "It’s ”odd” here.\n"
    baseline.write(run_of(tmp_path, one), file)
    # The same defect in another sentence is new, though its excerpt is the same mark.
    two = one + "Far away, it’s ”strange” too.\n"
    outcome = baseline.apply(run_of(tmp_path, two), baseline.load(file), file)
    assert outcome.run.findings and all(f.begin.line == 2 for f in outcome.run.findings)
    assert outcome.unused == []


def test_occurrence_index_counts_repeats(tmp_path):
    file = tmp_path / "baseline.json"
    text = "He said “yes.\n"
    baseline.write(run_of(tmp_path, text), file)
    outcome = baseline.apply(run_of(tmp_path, text * 2), baseline.load(file), file)
    assert len(outcome.run.findings) == 1  # the same sentence twice: one is known, the other new


def test_entries_of_files_outside_the_run_are_not_unused(tmp_path):
    file = tmp_path / "baseline.json"
    both = RunReport(
        files=[*run_of(tmp_path, ARTICLE, "a.txt").files, *run_of(tmp_path, ARTICLE, "b.txt").files]
    )
    baseline.write(both, file)
    outcome = baseline.apply(run_of(tmp_path, ARTICLE, "a.txt"), baseline.load(file), file)
    assert outcome.unused == [] and outcome.run.findings == []


def test_file_is_stable_sorted_json_with_relative_paths(tmp_path):
    file = tmp_path / "sub" / "baseline.json"
    run = run_of(tmp_path, ARTICLE)
    baseline.write(run, file)
    text = file.read_text(encoding="utf-8")
    baseline.write(run, file)
    assert file.read_text(encoding="utf-8") == text
    data = json.loads(text)
    assert data["tool"] == "tlqa" and data["format"] == baseline.FORMAT
    assert {e["path"] for e in data["entries"]} == {"../a.txt"}
    keys = [(e["path"], e["rule"], e["anchor"], e["occurrence"]) for e in data["entries"]]
    assert keys == sorted(keys)


def test_anchor_widens_short_excerpts_within_the_line():
    text = "First line here.\nHe said ”yes” today.\n"
    report = api.check_text(text, config=QUOTES)
    anchors = {baseline.anchor(text, f) for f in report.findings}
    assert all("\n" not in a and len(a) > 1 for a in anchors)
    assert any("said" in a for a in anchors)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such baseline"),
        ("{not json", "not valid JSON"),
        ('{"tool": "other"}', "not a tlqa baseline"),
        ('{"tool": "tlqa", "format": 99, "entries": []}', "format 99"),
        ('{"tool": "tlqa", "format": 1, "entries": [{"path": "a"}]}', "entry 1"),
    ],
)
def test_bad_baseline_files_are_config_errors(tmp_path, content, reason):
    file = tmp_path / "b.json"
    if content is not None:
        file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason):
        baseline.load(file)


def test_cli_update_then_gate(tmp_path, capsys):
    from tlqa.cli import main

    def cli(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    file = str(tmp_path / "tlqa-baseline.json")
    code, _out, err = cli("check", str(article), "--baseline", file, "--format", "concise")
    assert code == 2 and "--update-baseline" in err and len(err.strip().splitlines()) == 1
    code, _out, err = cli("check", str(article), "--baseline", file, "--update-baseline")
    assert code == 0 and "recorded" in err
    code, out, _err = cli("check", str(article), "--baseline", file, "--format", "concise")
    assert code == 0 and out == ""
    article.write_text(ARTICLE + "\nThen he added “and the road too.\n", encoding="utf-8")
    code, out, _err = cli("check", str(article), "--baseline", file, "--format", "concise")
    assert code == 1 and out.count("Q101") == 1
    article.write_text("All fixed.\n", encoding="utf-8")
    code, _out, err = cli("check", str(article), "--baseline", file, "--format", "concise")
    assert code == 0 and "baseline entries matched nothing" in err and "unused entry" in err
    assert cli("check", str(article), "--update-baseline")[0] == 2
