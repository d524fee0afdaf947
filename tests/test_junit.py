"""JUnit XML: one suite per article, one failing case per finding, a passing case for a clean one."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from tlqa import api
from tlqa.config import Config
from tlqa.engine import Engine
from tlqa.findings import FileReport, RunReport, Severity, Violation
from tlqa.reporters import FORMATS, render
from tlqa.rules import Registry, Rule

BROKEN = "The mayor said, “We will rebuild the bridge by spring.\n\nOfficials declined to give a date.\n"
CLEAN = "“We will rebuild the bridge by spring,” the mayor said.\n"


def junit(run: RunReport) -> str:
    out = io.StringIO()
    render("junit", run, Registry([]), out)
    return out.getvalue()


def test_registered():
    assert "junit" in FORMATS


def test_suites_cases_and_counts():
    cfg = Config(select=("Q",))
    run = RunReport(
        files=[
            api.check_text(BROKEN, path="broken.txt", config=cfg),
            api.check_text(CLEAN, path="clean.txt", config=cfg),
        ],
        version="9.9",
    )
    text = junit(run)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text)
    assert root.tag == "testsuites" and root.get("version") == "9.9"
    broken, clean = root.findall("testsuite")
    assert broken.get("name") == "broken.txt" and clean.get("name") == "clean.txt"
    n = len(run.files[0].findings)
    assert broken.get("tests") == str(n) and broken.get("failures") == str(n) and broken.get("errors") == "0"
    case = broken.find("testcase")
    assert (
        case.get("name") == "Q101 1:17" and case.get("classname") == "tlqa.quotes" and case.get("line") == "1"
    )
    failure = case.find("failure")
    assert failure.get("type") == "Q101 error" and "never closed" in failure.get("message")
    assert "broken.txt:1:17: Q101 error" in failure.text and "excerpt: “We will rebuild" in failure.text
    (passing,) = clean.findall("testcase")
    assert passing.get("name") == "no findings" and list(passing) == []
    assert root.get("tests") == str(n + 1) and root.get("failures") == str(n)
    assert junit(run) == text  # deterministic: no timestamps


def _boom(article, options):
    """Crashes.

    Example: anything.
    """
    raise RuntimeError("kaput \x01")


def test_crash_is_an_error_and_control_characters_are_made_safe():
    registry = Registry([Rule("Q901", "boom", "quotes", Severity.WARNING, _boom.__doc__, _boom)])
    report = api.check_text("Hello\x0b there.\n", engine=Engine(Config(), registry))
    root = ET.fromstring(junit(RunReport(files=[report])))
    suite = root.find("testsuite")
    assert suite.get("errors") == "1" and suite.get("failures") == "0"
    error = suite.find("testcase/error")
    assert error is not None and "\ufffd" in error.get("message")


def test_suggestion_and_evidence_in_the_text():
    def flag(article, options):
        """Flags.

        Example: x.
        """
        yield Violation(0, 5, "Name spelled 'Hllo'", evidence={"dominant": "Hello", "count": 3})

    registry = Registry([Rule("N901", "flag", "names", Severity.ERROR, flag.__doc__, flag)])
    report: FileReport = api.check_text("Hllo world.\n", engine=Engine(Config(), registry))
    failure = ET.fromstring(junit(RunReport(files=[report]))).find("testsuite/testcase/failure")
    assert 'evidence: {"count": 3, "dominant": "Hello"}' in failure.text


def test_cli_format_junit(tmp_path, capsys):
    from tlqa.cli import main

    path = tmp_path / "a.txt"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["check", str(path), "--format", "junit", "--select", "Q"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    assert root.find("testsuite").get("name") == str(path)
