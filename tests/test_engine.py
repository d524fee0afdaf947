"""The engine: selection, severity overrides, crash isolation, ordering."""

from __future__ import annotations

from tlqa import api
from tlqa.config import Config
from tlqa.engine import Engine
from tlqa.findings import Severity, Violation
from tlqa.rules import Registry, Rule, rule

BROKEN = "The mayor said, “We will rebuild.\n\nOfficials declined.” Then (more.\n"


def test_select_longest_prefix_wins():
    reg = Registry.from_modules()
    codes = [r.code for r in reg.select(["Q"], ["Q1", "Q101"])]
    assert "Q101" not in codes and "Q102" not in codes and "Q201" in codes
    codes = [r.code for r in reg.select(["Q101"], ["Q1"])]
    assert codes == ["Q101"]
    assert [r.code for r in reg.select(["Q1"], ["Q1"])] == []  # a tie goes to ignore
    assert len(reg.select(["ALL"], [])) == len(reg)


def test_severity_override():
    cfg = Config(severity={"Q101": Severity.INFO})
    report = api.check_text(BROKEN, config=cfg)
    assert {f.rule: f.severity for f in report.findings}["Q101"] is Severity.INFO


def test_findings_sorted_by_position():
    report = api.check_text(BROKEN)
    assert [f.start for f in report.findings] == sorted(f.start for f in report.findings)
    assert len(report.findings) >= 3


def _boom(article, options):
    """Always crashes.

    Example: anything.
    """
    raise RuntimeError("kaput")


def _fine(article, options):
    """Flags the first character.

    Example: anything.
    """
    yield Violation(0, 1, "first character")


def test_a_crashing_rule_becomes_a_finding_and_the_run_goes_on():
    reg = Registry(
        [
            Rule("Q901", "boom", "quotes", Severity.WARNING, _boom.__doc__, _boom),
            Rule("Q902", "fine", "quotes", Severity.WARNING, _fine.__doc__, _fine),
        ]
    )
    report = api.check_text("Hello.", engine=Engine(Config(), reg))
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["Q901"].severity is Severity.ERROR
    assert "kaput" in by_rule["Q901"].message and by_rule["Q901"].evidence["crashed"] is True
    assert by_rule["Q902"].message == "first character"


def test_rule_declaration_checks_its_code():
    import pytest

    with pytest.raises(ValueError):
        rule("X101", "bad", "quotes", Severity.INFO)
    with pytest.raises(ValueError):
        rule("Q1a", "bad", "quotes", Severity.INFO)


def test_a_source_checked_by_mistake_is_not_judged_as_english():
    korean = (
        "서울시는 내년 예산으로 4700억 원을 편성했다고 27% 늘었다고 밝혔다. "
        "시장은 “예산을 늘리겠다”고 말했다.\n"
    )
    report = api.check_text(korean)
    assert report.language == "ko" and report.findings == []
    mixed = (
        "The city approved the budget on Monday.\n"
        "서울시는 내년 예산을 편성했다.\n"
        "Officials said it would grow.\n"
    )
    report = api.check_text(mixed)
    assert report.language == "en"
    assert any(f.family == "untranslated" for f in report.findings)
