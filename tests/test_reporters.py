"""Reporters, tested on reports built by hand: they need only tlqa.findings, tlqa.rules and themselves."""

from __future__ import annotations

import io
import itertools
import json
import math
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tlqa.findings import (
    Applicability,
    FileReport,
    Finding,
    ParagraphInfo,
    Position,
    RunReport,
    Severity,
    Suggestion,
)
from tlqa.reporters import FORMATS, render, summary_line
from tlqa.reporters import github as gh
from tlqa.reporters.rich_report import visible, windows
from tlqa.reporters.sarif import artifact_uri
from tlqa.rules import Registry, Rule

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
SCHEMA = json.loads((SRC / "tlqa" / "data" / "report.schema.json").read_text(encoding="utf-8"))
ANSI = re.compile(r"\x1b\[")


# ---------------------------------------------------------------------------------------------------
# Building reports by hand


def _check(article, options):  # a rule's function; reporters never call it
    return []


def make_registry() -> Registry:
    return Registry(
        [
            Rule(
                "Q101",
                "unclosed-quotation",
                "quotes",
                Severity.ERROR,
                "Quotation left open.\n\nA quotation mark opens and nothing closes it.",
                _check,
            ),
            Rule(
                "N101",
                "name-variant",
                "names",
                Severity.WARNING,
                "Name spelled two ways.\n\nThe same person is spelled differently.",
                _check,
            ),
            Rule(
                "D201",
                "ordinal-date",
                "dates",
                Severity.INFO,
                "Ordinal date against AP style.\n\nWrite May 1, not May 1st.",
                _check,
                fixable=True,
            ),
        ]
    )


REGISTRY = make_registry()


def position(text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def make_finding(
    text: str,
    code: str,
    start: int,
    end: int,
    message: str,
    *,
    suggestion: Suggestion | None = None,
    evidence: dict | None = None,
    paragraph: int | None = None,
    severity: Severity | None = None,
    family: str | None = None,
) -> Finding:
    rule = REGISTRY.get(code)
    return Finding(
        rule=code,
        family=family or (rule.family if rule else "style"),
        severity=severity or (rule.severity if rule else Severity.WARNING),
        start=start,
        end=end,
        begin=position(text, start),
        finish=position(text, end),
        excerpt=text[start:end],
        message=message,
        suggestion=suggestion,
        evidence=evidence,
        paragraph=paragraph,
    )


def paragraphs_of(text: str) -> list[ParagraphInfo]:
    out, offset = [], 0
    for i, chunk in enumerate(text.split("\n\n")):
        kind = "headline" if i == 0 else "body"
        out.append(ParagraphInfo(i, kind, offset, offset + len(chunk), text.count("\n", 0, offset) + 1))
        offset += len(chunk) + 2
    return out


ARTICLE = (
    "CIA videos target China\n\n"
    "On May 1st, Ratclffe said “I’ve seen it happen.\n"
    "Then he left.\n\n"
    "Ratcliffe spoke again, and Ratcliffe said no.\n"
)


def sample_report(path: str = "article.txt") -> FileReport:
    text = ARTICLE
    date = text.index("May 1st")
    name = text.index("Ratclffe")
    quote = text.index("“")
    findings = [
        make_finding(
            text,
            "D201",
            date,
            date + 7,
            "Ordinal date 'May 1st'",
            suggestion=Suggestion("May 1", Applicability.SAFE),
            paragraph=1,
        ),
        make_finding(
            text,
            "N101",
            name,
            name + 8,
            "Name spelled 'Ratclffe' here but 'Ratcliffe' in 2 other places",
            suggestion=Suggestion("Ratcliffe", Applicability.UNSAFE),
            evidence={"dominant": "Ratcliffe", "count": 2},
            paragraph=1,
        ),
        make_finding(text, "Q101", quote, quote + 1, "Quotation opened here is never closed", paragraph=1),
    ]
    return FileReport(path, text, "utf-8", findings, paragraphs=paragraphs_of(text), source="article.ko.txt")


def sample_run() -> RunReport:
    return RunReport([sample_report(), FileReport("clean.txt", "All fine here.\n", "utf-8")], "9.9.9")


def rendered(fmt: str, run: RunReport, **kwargs) -> str:
    out = io.StringIO()
    render(fmt, run, REGISTRY, out, **kwargs)
    return out.getvalue()


def rich_plain(run: RunReport) -> str:
    return rendered("rich", run, color=False, width=100)


# ---------------------------------------------------------------------------------------------------
# The interface


def test_formats_and_unknown_format():
    assert FORMATS == ("rich", "concise", "json", "sarif", "github", "junit")
    for fmt in FORMATS:
        rendered(fmt, sample_run(), color=False, width=100)
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        rendered("xml", sample_run())


def test_summary_line():
    assert summary_line(sample_run()) == "3 findings in 2 files (1 error, 1 warning, 1 info)"
    assert summary_line(RunReport([FileReport("a.txt", "", "utf-8")])) == "No findings in 1 file"


SCRIPT = """
import io, sys
from tlqa.findings import Applicability, FileReport, Finding, Position, RunReport, Severity, Suggestion
from tlqa.rules import Registry, Rule
from tlqa.reporters import render
before = {m for m in sys.modules if m == "rich" or m.startswith("rich.")}
assert not before, before
registry = Registry([Rule("Q101", "q", "quotes", Severity.ERROR, "Doc.", lambda a, o: [])])
finding = Finding("Q101", "quotes", Severity.ERROR, 0, 1, Position(1, 1), Position(1, 2), "“", "msg",
                  Suggestion("\\"", Applicability.SAFE))
run = RunReport([FileReport("a.txt", "“a", "utf-8", [finding])])
render(FMT, run, registry, io.StringIO(), color=False, width=80)
print(sorted(m for m in sys.modules if m == "rich" or m.startswith("rich.")))
print(sorted(m for m in sys.modules if m.startswith("tlqa.reporters.")))
"""


def _modules_after(fmt: str) -> tuple[list[str], list[str]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("FMT", repr(fmt))],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rich_modules, reporter_modules = proc.stdout.splitlines()
    return eval(rich_modules), eval(reporter_modules)  # lists of str printed by the script


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif", "github"])
def test_plain_formats_do_not_import_rich(fmt):
    rich_modules, reporter_modules = _modules_after(fmt)
    assert rich_modules == []
    assert "tlqa.reporters.rich_report" not in reporter_modules


def test_rich_format_imports_rich_lazily():
    rich_modules, reporter_modules = _modules_after("rich")
    assert "rich" in rich_modules  # the check above would notice an import
    assert "tlqa.reporters.rich_report" in reporter_modules
    assert "tlqa.reporters.json_report" not in reporter_modules


# ---------------------------------------------------------------------------------------------------
# JSON


def test_json_follows_the_contract():
    run = sample_run()
    text = rendered("json", run)
    doc = json.loads(text)
    Draft202012Validator(SCHEMA).validate(doc)
    assert doc["tool"] == {"name": "tlqa", "version": "9.9.9"}
    assert doc["summary"] == {
        "files": 2,
        "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1},
        "by_family": {"dates": 1, "names": 1, "quotes": 1},
    }
    first = doc["files"][0]
    assert first["source"] == "article.ko.txt"
    body_end = ARTICLE.index("\n\nRatcliffe")
    assert first["paragraphs"][1] == {"index": 1, "kind": "body", "start": 25, "end": body_end, "line": 3}
    for f in first["findings"]:
        assert f["excerpt"] == ARTICLE[f["start"] : f["end"]]
        assert f["paragraph"] == 1
    date, name, quote = first["findings"]
    assert list(date) == [
        "rule",
        "family",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "excerpt",
        "message",
        "suggestion",
        "applicability",
        "evidence",
        "paragraph",
    ]
    assert (date["line"], date["column"], date["end_line"], date["end_column"]) == (3, 4, 3, 11)
    assert (date["suggestion"], date["applicability"]) == ("May 1", "safe")
    assert (name["applicability"], name["evidence"]) == ("unsafe", {"dominant": "Ratcliffe", "count": 2})
    assert (quote["suggestion"], quote["applicability"], quote["evidence"]) == (None, None, None)
    assert "“" in text  # ensure_ascii=False
    assert text.startswith('{\n  "tool": {\n    "name"')  # indent=2
    assert text.endswith("}\n")


def test_json_is_deterministic():
    assert rendered("json", sample_run()) == rendered("json", sample_run())


def test_json_of_an_empty_run_and_stdin():
    doc = json.loads(rendered("json", RunReport([FileReport("-", "", "utf-8", language=None)])))
    Draft202012Validator(SCHEMA).validate(doc)
    assert doc["files"][0]["path"] == "-"
    assert doc["files"][0]["findings"] == []
    assert doc["tool"]["version"]  # the package's version when the run carries none
    doc = json.loads(rendered("json", RunReport()))
    Draft202012Validator(SCHEMA).validate(doc)
    assert doc["summary"]["files"] == 0


def test_json_makes_evidence_and_metrics_plain():
    text = "abc"
    evidence = {
        "variants": {"b", "a"},
        "pair": (1, 2),
        "severity": Severity.ERROR,
        "score": math.nan,
        "path": Path("x"),
    }
    finding = make_finding(text, "Q101", 0, 1, "m", evidence=evidence)
    report = FileReport("a.txt", text, "utf-8", [finding], metrics={"bleu": 12.5, "ter": math.inf})
    doc = json.loads(rendered("json", RunReport([report])))
    Draft202012Validator(SCHEMA).validate(doc)
    assert doc["files"][0]["findings"][0]["evidence"] == {
        "variants": ["a", "b"],
        "pair": [1, 2],
        "severity": "error",
        "score": None,
        "path": "x",
    }
    assert doc["files"][0]["metrics"] == {"bleu": 12.5}  # the contract wants numbers: infinity is left out


# Random articles with random findings: the JSON always validates and every excerpt is its span.

ALPHABET = st.sampled_from(list("ab “”’\"'\n\r\t\u00a0é한\x1b"))


@st.composite
def random_reports(draw) -> FileReport:
    text = draw(st.text(ALPHABET, max_size=120))
    findings = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        code = draw(st.sampled_from(["Q101", "N101", "D201", "X999"]))
        applicability = draw(st.sampled_from(list(Applicability)))
        suggestion = draw(
            st.none() | st.builds(Suggestion, st.text(ALPHABET, max_size=5), st.just(applicability))
        )
        paragraph = draw(st.none() | st.integers(0, 3))
        findings.append(
            make_finding(
                text,
                code,
                start,
                end,
                draw(st.text(ALPHABET, max_size=20)),
                suggestion=suggestion,
                paragraph=paragraph,
            )
        )
    findings.sort(key=lambda f: f.sort_key)
    return FileReport(
        draw(st.sampled_from(["a.txt", "-", "dir/b c.md"])),
        text,
        "utf-8",
        findings,
        paragraphs=paragraphs_of(text),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(random_reports(), max_size=3))
def test_every_format_on_random_reports(reports):
    run = RunReport(reports)
    doc = json.loads(rendered("json", run))
    Draft202012Validator(SCHEMA).validate(doc)
    for file_doc, report in zip(doc["files"], reports, strict=True):
        for f in file_doc["findings"]:
            assert f["excerpt"] == report.text[f["start"] : f["end"]]
    sarif = json.loads(rendered("sarif", run))
    check_sarif_consistency(sarif)
    assert len(rendered("concise", run).splitlines()) == len(run.findings)
    assert len(rendered("github", run).splitlines()) == len(run.findings)
    plain = rich_plain(run)
    assert not ANSI.search(plain)
    assert "\r" not in plain


# ---------------------------------------------------------------------------------------------------
# SARIF


def check_sarif_consistency(log: dict) -> None:
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        [location] = result["locations"]
        physical = location["physicalLocation"]
        artifact = run["artifacts"][physical["artifactLocation"]["index"]]
        assert artifact["location"]["uri"] == physical["artifactLocation"]["uri"]
        region = physical["region"]
        assert region["charLength"] == len(region["snippet"]["text"])
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        for fix in result.get("fixes", []):
            [change] = fix["artifactChanges"]
            [replacement] = change["replacements"]
            assert replacement["deletedRegion"]["charOffset"] == region["charOffset"]
            assert result["properties"]["applicability"] == "safe"


def test_sarif_structure():
    run = sample_run()
    run.files.append(FileReport("-", "x", "utf-8", [make_finding("x", "Q101", 0, 1, "in stdin")]))
    log = json.loads(rendered("sarif", run))
    check_sarif_consistency(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("tlqa", "9.9.9")
    assert [r["id"] for r in driver["rules"]] == ["D201", "N101", "Q101"]  # every registry rule, in order
    d201 = driver["rules"][0]
    assert d201["name"] == "ordinal-date"
    assert d201["shortDescription"]["text"] == "Ordinal date against AP style"
    assert d201["fullDescription"]["text"] == REGISTRY.get("D201").doc
    assert d201["help"]["text"] == REGISTRY.get("D201").doc
    assert d201["properties"]["family"] == "dates"
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {"D201": "note", "N101": "warning", "Q101": "error"}

    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("D201", "note"),
        ("N101", "warning"),
        ("Q101", "error"),
        ("Q101", "error"),
    ]
    date = results[0]
    location = date["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "article.txt"
    assert location["region"] == {
        "startLine": 3,
        "startColumn": 4,
        "endLine": 3,
        "endColumn": 11,
        "charOffset": 25 + 3,
        "charLength": 7,
        "snippet": {"text": "May 1st"},
    }
    [fix] = date["fixes"]
    [replacement] = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"] == {"text": "May 1"}
    assert replacement["deletedRegion"]["charOffset"] == 28
    assert replacement["deletedRegion"]["charLength"] == 7
    assert "fixes" not in results[1]  # unsafe suggestion: a property, not a fix
    assert results[1]["properties"]["suggestion"] == "Ratcliffe"
    assert results[1]["properties"]["evidence"] == {"dominant": "Ratcliffe", "count": 2}
    assert results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stdin"
    assert [a["location"]["uri"] for a in log["runs"][0]["artifacts"]] == [
        "article.txt",
        "clean.txt",
        "stdin",
    ]


def test_sarif_rule_missing_from_registry_gets_a_descriptor():
    finding = make_finding("abc", "S900", 0, 3, "from a rule the registry lacks", family="style")
    log = json.loads(rendered("sarif", RunReport([FileReport("a.txt", "abc", "utf-8", [finding])])))
    check_sarif_consistency(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[-1]["id"] == "S900"
    assert log["runs"][0]["results"][0]["ruleIndex"] == len(rules) - 1


def test_sarif_uris():
    assert artifact_uri("-") == "stdin"
    assert artifact_uri("news/a b,c.txt") == "news/a%20b,c.txt"
    assert artifact_uri("기사.txt") == "%EA%B8%B0%EC%82%AC.txt"
    assert artifact_uri("a:b.txt") == "a%3Ab.txt"
    absolute = os.path.abspath("x y.txt")
    assert artifact_uri(absolute).startswith("file://")
    assert artifact_uri(absolute).endswith("/x%20y.txt")


# ---------------------------------------------------------------------------------------------------
# GitHub


def test_github_commands():
    lines = rendered("github", sample_run()).splitlines()
    assert lines == [
        "::notice file=article.txt,line=3,col=4,endLine=3,endColumn=11,title=D201::"
        "Ordinal date 'May 1st'%0Asuggestion (safe): May 1",
        "::warning file=article.txt,line=3,col=13,endLine=3,endColumn=21,title=N101::"
        "Name spelled 'Ratclffe' here but 'Ratcliffe' in 2 other places%0Asuggestion (unsafe): Ratcliffe",
        "::error file=article.txt,line=3,col=27,endLine=3,endColumn=28,title=Q101::"
        "Quotation opened here is never closed",
    ]


def test_github_escaping():
    text = "one\ntwo"
    finding = make_finding(text, "Q101", 2, 5, "100% wrong,\r\nreally: yes")
    report = FileReport("dir/a,b:c%.txt", text, "utf-8", [finding])
    [line] = rendered("github", RunReport([report])).splitlines()
    # a span over two lines has no columns; the message escapes % CR LF, the properties also : and ,
    assert line == (
        "::error file=dir/a%2Cb%3Ac%25.txt,line=1,endLine=2,title=Q101::100%25 wrong,%0D%0Areally: yes"
    )
    stdin = RunReport([FileReport("-", text, "utf-8", [finding])])
    assert rendered("github", stdin).startswith("::error line=1,endLine=2,title=Q101::")


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


@given(st.text(st.sampled_from(list("a%:,\r\n=:"))))
def test_github_escaping_round_trips(value):
    prop = gh.escape_property(value)
    data = gh.escape_data(value)
    assert not set(prop) & set(":,\r\n")
    assert not set(data) & set("\r\n")
    assert _unescape(prop) == value
    assert _unescape(data) == value


# ---------------------------------------------------------------------------------------------------
# Concise


def test_concise_lines():
    assert rendered("concise", sample_run()) == (
        "article.txt:3:4: D201 info Ordinal date 'May 1st'\n"
        "article.txt:3:13: N101 warning Name spelled 'Ratclffe' here but 'Ratcliffe' in 2 other places\n"
        "article.txt:3:27: Q101 error Quotation opened here is never closed\n"
    )


def test_concise_prints_nothing_for_a_clean_run_and_keeps_one_line_per_finding():
    assert rendered("concise", RunReport([FileReport("a.txt", "fine", "utf-8")])) == ""
    finding = make_finding("ab", "Q101", 0, 1, "two\nlines")
    assert rendered("concise", RunReport([FileReport("-", "ab", "utf-8", [finding])])) == (
        "-:1:1: Q101 error two lines\n"
    )


# ---------------------------------------------------------------------------------------------------
# Rich


def test_rich_plain_report():
    out = rich_plain(sample_run())
    assert not ANSI.search(out)
    assert all(len(line) <= 100 for line in out.splitlines())
    assert not any(line.endswith(" ") for line in out.splitlines())
    assert "article.txt  utf-8 · en · 3 findings (1 error, 1 warning, 1 info)" in out
    assert "source: article.ko.txt" in out
    assert "paragraph 2 · body · line 3" in out
    # the paragraph's text, its spans marked; then each finding
    assert "On ⟦May 1st⟧, ⟦Ratclffe⟧ said ⟦“⟧I’ve seen it happen." in out
    assert re.search(r"3:4  D201  info +Ordinal date 'May 1st'", out)
    assert re.search(r"3:13  N101  warning +Name spelled 'Ratclffe' here but 'Ratcliffe' in 2 other", out)
    assert re.search(r"3:27  Q101  error +Quotation opened here is never closed", out)
    assert "suggestion: ⟦May 1⟧ (safe)" in out
    assert "suggestion: ⟦Ratcliffe⟧ (unsafe)" in out
    assert "dominant: Ratcliffe" in out and "count: 2" in out
    assert "clean.txt  utf-8 · en · no findings" in out
    # the summary table: families by severity
    assert re.search(r"family +error +warning +info +total", out)
    assert re.search(r"quotes +1 +0 +0 +1", out)
    assert re.search(r"names +0 +1 +0 +1", out)
    assert re.search(r"dates +0 +0 +1 +1", out)
    assert re.search(r"total +1 +1 +1 +3", out)
    assert "3 findings in 2 files (1 error, 1 warning, 1 info)" in out
    assert "1 finding with a safe fix" in out
    assert "No findings" not in out


def test_rich_snapshot():
    text = "Headline\n\nHe said “yes.\n"
    finding = make_finding(text, "Q101", 18, 19, "Quotation opened here is never closed", paragraph=1)
    report = FileReport("news.txt", text, "utf-8", [finding], paragraphs=paragraphs_of(text))
    expected = textwrap.dedent(
        """\
        ────────────────────────────────────────────────────────────────────────────────────────────────────
        news.txt  utf-8 · en · 1 finding (1 error)

          paragraph 2 · body · line 3
            He said ⟦“⟧yes.
          3:9  Q101  error  Quotation opened here is never closed

        Summary
        family   error   warning   info   total
        ───────────────────────────────────────
        quotes       1         0      0       1
        ───────────────────────────────────────
        total        1         0      0       1
        1 finding in 1 file (1 error)
        """
    )
    assert rich_plain(RunReport([report], "1.0")) == expected


def test_rich_clean_run():
    out = rich_plain(RunReport([FileReport("a.txt", "fine", "utf-8"), FileReport("b.txt", "ok", "utf-8")]))
    assert "No findings in 2 files" in out
    assert "Summary" not in out
    assert rich_plain(RunReport()).strip().endswith("No findings in 0 files")


def test_rich_chooses_plain_text_for_output_that_is_not_a_terminal(monkeypatch):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    out = rendered("rich", sample_run(), width=100)
    assert not ANSI.search(out)
    assert out == rich_plain(sample_run())


def test_rich_in_colour_highlights_spans():
    out = rendered("rich", sample_run(), color=True, width=100)
    assert ANSI.search(out)
    assert "On ⟦May" not in out  # colour marks the spans, not brackets
    assert re.search(r"\x1b\[[0-9;]*m“\x1b\[0m", out)  # the quotation mark, styled
    assert "Ratclffe" in out and "Q101" in out


def test_rich_shortens_long_paragraphs_around_the_spans():
    words = " ".join(f"word{i}" for i in range(300))
    text = f"Title\n\n{words} Ratclffe {words}\n"
    start = text.index("Ratclffe")
    finding = make_finding(text, "N101", start, start + 8, "misspelt", paragraph=1)
    report = FileReport("long.txt", text, "utf-8", [finding], paragraphs=paragraphs_of(text))
    out = rich_plain(RunReport([report]))
    assert "⟦Ratclffe⟧" in out
    assert out.count("…") == 2
    assert re.search(r"… word29\d .* word299 ⟦Ratclffe⟧\s+word0 word1 .* word1\d …", out)
    assert "word150" not in out
    assert len(out) < len(text) / 3


def test_rich_neutralises_control_characters_and_finds_unlisted_spans():
    text = "Title\n\nBad \x1b[31mred\x1b[0m and\u202eevil\r\nnext line\n"
    start = text.index("red")
    findings = [
        make_finding(text, "Q101", start, start + 3, "escape \x1b[2J here"),  # no paragraph index given
        make_finding(text, "D201", len(text), len(text), "at the very end"),  # empty span, outside paragraphs
    ]
    report = FileReport("ctl.txt", text, "utf-8", findings, paragraphs=paragraphs_of(text)[:2])
    for color in (False, True):
        out = rendered("rich", RunReport([report]), color=color, width=100)
        assert "\x1b[31m" not in out and "\x1b[2J" not in out and "\u202e" not in out and "\r" not in out
    out = rich_plain(RunReport([report]))
    assert "Bad ␛[31m⟦red⟧␛[0m and⟨U+202E⟩evil" in out
    assert "paragraph 2 · body · line 3" in out
    assert "‸" in out


def test_visible():
    assert visible("a\r\nb\rc\td") == "a\nb\nc d"
    assert visible("\x00\x07\x7f\u200b") == "␀␇␡⟨U+200B⟩"
    assert visible("“plain” text, é 한") == "“plain” text, é 한"


@given(
    st.text(st.sampled_from(list("ab  \n")), max_size=700),
    st.lists(st.tuples(st.integers(0, 700), st.integers(0, 20)), max_size=6),
)
def test_windows_cover_every_span(text, raw_spans):
    spans = [(min(s, len(text)), min(s + n, len(text))) for s, n in raw_spans]
    shown = windows(text, spans, limit=100, context=10)
    assert shown
    for a, b in shown:
        assert 0 <= a <= b <= len(text)
    for (_, b1), (a2, _) in itertools.pairwise(shown):
        assert b1 < a2
    for s, e in spans:
        assert any(a <= s and e <= b for a, b in shown)
