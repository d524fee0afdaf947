"""Every rule's examples, kept as data in src/tlqa/data/cases/CODE.toml, run as tests."""

from __future__ import annotations

import pytest

from tlqa import api, cases
from tlqa.config import Config
from tlqa.rules import Registry

REGISTRY = Registry.from_modules()
CODES = [r.code for r in REGISTRY]


def _run(code: str, case: cases.Case) -> list:
    family = REGISTRY.get(code).family
    config = Config(select=(code,), families={family: case.options} if case.options else {})
    report = api.check_text(
        case.text,
        fmt=case.format,
        config=config,
        source=case.source,
        reference=case.reference,
        published=case.published,
    )
    return [f for f in report.findings if f.rule == code]


def _params(kind: str) -> list:
    out = []
    for code in CODES:
        rc = cases.load(code)
        for i, case in enumerate(getattr(rc, kind)):
            out.append(pytest.param(code, case, id=f"{code}-{kind}-{i}"))
    return out


@pytest.mark.parametrize(("code", "case"), _params("failing"))
def test_failing_example_is_flagged(code: str, case: cases.Case) -> None:
    found = _run(code, case)
    assert found, f"{code} should flag: {case.text!r}"
    if case.count is not None:
        assert len(found) == case.count, [f.message for f in found]
    if case.excerpt is not None:
        assert case.excerpt in [f.excerpt for f in found], [f.excerpt for f in found]


@pytest.mark.parametrize(("code", "case"), _params("passing"))
def test_passing_example_is_clean(code: str, case: cases.Case) -> None:
    found = _run(code, case)
    assert not found, f"{code} should not flag {case.text!r}: {[f.message for f in found]}"


@pytest.mark.parametrize("code", CODES)
def test_every_rule_has_examples_both_ways(code: str) -> None:
    rc = cases.load(code)
    assert rc.failing, f"{code} has no failing example in data/cases/{code}.toml"
    assert rc.passing, f"{code} has no passing example in data/cases/{code}.toml"


@pytest.mark.parametrize("code", CODES)
def test_every_rule_is_documented(code: str) -> None:
    r = REGISTRY.get(code)
    assert "Example" in r.doc and r.summary, f"{code}'s docstring needs a summary line and an example"
