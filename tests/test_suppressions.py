"""Inline suppressions in Markdown, and S001 for a suppression that suppresses nothing."""

from __future__ import annotations

from tlqa import api
from tlqa.config import Config
from tlqa.engine import Engine
from tlqa.findings import Severity, Violation
from tlqa.rules import Registry, Rule
from tlqa.suppressions import UNUSED_CODE, ineffective_suppression

OPEN = "The mayor said, “We will rebuild the bridge by spring.\n"
OPEN2 = "Then he added “and the road too.\n"


def rules_of(text: str, path: str = "a.md", **config) -> list[str]:
    cfg = Config(**config) if config else Config(select=("Q", UNUSED_CODE))
    return [f.rule for f in api.check_text(text, path=path, config=cfg).findings]


def findings(text: str, select=("Q", UNUSED_CODE), path: str = "a.md", **config):
    return api.check_text(text, path=path, config=Config(select=select, **config)).findings


def test_region_suppresses_only_inside_and_only_its_code():
    text = f"{OPEN}\n<!-- tlqa: disable=Q101 -->\n\n{OPEN}\n<!-- tlqa: enable -->\n\n{OPEN2}"
    found = findings(text)
    assert [(f.rule, f.begin.line) for f in found] == [("Q101", 1), ("Q101", 9)]


def test_region_without_enable_runs_to_the_end_and_prefixes_work():
    text = f"{OPEN}\n<!-- tlqa: disable=Q1 -->\n\n{OPEN}\n{OPEN2}"
    assert [(f.rule, f.begin.line) for f in findings(text)] == [("Q101", 1)]


def test_enable_with_a_code_ends_only_that_region():
    text = f"<!-- tlqa: disable=Q101,Q201 -->\n\n{OPEN}\n<!-- tlqa: enable=Q101 -->\n\n{OPEN2}\nIt’s ”odd”.\n"
    rules = [f.rule for f in findings(text)]
    assert rules.count("Q101") == 1  # the second paragraph, after enable=Q101
    assert "Q201" not in rules  # still disabled


def test_disable_file_anywhere_in_the_file():
    text = f"{OPEN}\n{OPEN2}\n<!-- tlqa: disable-file=Q101 -->\n"
    assert rules_of(text) == []


def test_directives_only_in_markdown_and_never_in_code():
    text = f"<!-- tlqa: disable-file=Q101 -->\n\n{OPEN}"
    assert rules_of(text, path="a.txt") == ["Q101"]  # plain text: a comment is just text
    fenced = f"```\n<!-- tlqa: disable-file=Q101 -->\n```\n\n{OPEN}"
    assert rules_of(fenced) == ["Q101"]
    inline = f"Write `<!-- tlqa: disable-file=Q101 -->` to switch it off.\n\n{OPEN}"
    assert rules_of(inline) == ["Q101"]


def test_unused_suppression_is_s001_with_a_suggestion():
    text = f"<!-- tlqa: disable=Q101,Q102 -->\n\n{OPEN}"
    found = findings(text)
    assert [f.rule for f in found] == [UNUSED_CODE]
    s001 = found[0]
    assert s001.severity is Severity.WARNING and s001.family == "style"
    assert "Q102" in s001.message and "Q101" not in s001.message.split(":")[0]
    assert s001.excerpt == "<!-- tlqa: disable=Q101,Q102 -->"
    assert s001.suggestion is not None and s001.suggestion.text == "<!-- tlqa: disable=Q101 -->"
    assert s001.evidence["unused"] == ["Q102"]


def test_unknown_code_and_malformed_directive_are_reported():
    found = findings("<!-- tlqa: disable=Q999 -->\n\nFine.\n\n<!-- tlqa: dissable=Q101 -->\n")
    assert [f.rule for f in found] == [UNUSED_CODE, UNUSED_CODE]
    assert "no rule has the code Q999" in found[0].message
    assert found[0].suggestion.text == ""
    assert "did you mean 'disable'" in found[1].message
    assert found[1].evidence["kind"] == "malformed"
    bare = findings("<!-- tlqa: disable -->\n\nFine.\n")
    assert "needs rule codes" in bare[0].message


def test_code_whose_rules_did_not_run_is_not_reported():
    text = "<!-- tlqa: disable=Q101 -->\n\nFine.\n"
    assert findings(text, select=("Q2", UNUSED_CODE)) == []  # Q101 not selected: nothing to say
    assert [f.rule for f in findings(text)] == [UNUSED_CODE]


def test_s001_can_be_switched_off_suppressed_and_reweighted():
    text = "<!-- tlqa: disable=Q101 -->\n\nFine.\n"
    assert findings(text, select=("Q",)) == []
    assert findings(text + "\n<!-- tlqa: disable-file=S001 -->\n") == []
    info = findings(text, severity={UNUSED_CODE: Severity.INFO})
    assert info[0].severity is Severity.INFO


def test_s001_is_in_the_default_registry_and_documented():
    engine = Engine(Config())
    assert UNUSED_CODE in engine.registry
    rule = engine.registry.get(UNUSED_CODE)
    assert "Example" in rule.doc and rule.summary
    assert list(ineffective_suppression(None, {})) == []  # the engine does the work


def _boom(article, options):
    """Crashes.

    Example: anything.
    """
    raise RuntimeError("kaput")


def _first(article, options):
    """Flags the first character.

    Example: anything.
    """
    yield Violation(0, 1, "first character")


def test_a_crash_is_never_suppressed():
    registry = Registry(
        [
            Rule("Q901", "boom", "quotes", Severity.WARNING, _boom.__doc__, _boom),
            Rule("Q902", "first", "quotes", Severity.WARNING, _first.__doc__, _first),
            ineffective_suppression.__tlqa_rule__,
        ]
    )
    text = "<!-- tlqa: disable-file=Q9 -->\nHello.\n"
    report = api.check_text(text, path="a.md", engine=Engine(Config(), registry))
    assert [f.rule for f in report.findings] == ["Q901"]
    assert report.findings[0].evidence["crashed"] is True


def test_findings_stay_sorted_with_s001_added():
    text = f"{OPEN}\n<!-- tlqa: disable=Q102 -->\n\n{OPEN2}"
    found = findings(text)
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert [f.rule for f in found] == ["Q101", UNUSED_CODE, "Q101"]
