"""Article fixtures with golden expected findings, one file per fixture and check family
(fixtures/expected/NAME.FAMILY.txt). Regenerate after an intended change with
`TLQA_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py`, and review the diff."""

from __future__ import annotations

import os

import pytest

from conftest import FIXTURES
from tlqa import api
from tlqa.config import Config
from tlqa.rules import Registry

COMPANIONS = (".ko.txt", ".zh.txt", ".ja.txt", ".ref.txt")  # a fixture's source and reference
ARTICLES = sorted(
    p
    for p in FIXTURES.iterdir()
    if p.suffix in (".txt", ".md") and p.name != "README.md" and not p.name.endswith(COMPANIONS)
)


def companions(article):
    """The fixture's source (NAME.ko.txt, .zh.txt or .ja.txt) and reference (NAME.ref.txt), if any."""
    stem = article.name[: -len(article.suffix)]
    sources = [FIXTURES / f"{stem}{s}" for s in COMPANIONS[:3] if (FIXTURES / f"{stem}{s}").exists()]
    reference = FIXTURES / f"{stem}.ref.txt"
    return (str(sources[0]) if sources else None), (str(reference) if reference.exists() else None)


FAMILIES = sorted({r.family for r in Registry.from_modules()})
EXPECTED = FIXTURES / "expected"


def render(path, family: str) -> str:
    source, reference = companions(path)
    report = api.check_file(str(path), source=source, reference=reference, config=Config())
    lines = [
        f"{f.begin.line}:{f.begin.column} {f.rule} {f.severity.label} {f.message}"
        + (f" -> {f.suggestion.text!r} ({f.suggestion.applicability.label})" if f.suggestion else "")
        for f in report.findings
        if f.family == family
    ]
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_article_snapshot(article, family):
    expected_path = EXPECTED / f"{article.name}.{family}.txt"
    actual = render(article, family)
    if os.environ.get("TLQA_UPDATE_SNAPSHOTS"):
        EXPECTED.mkdir(exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"no snapshot {expected_path.name}; run with TLQA_UPDATE_SNAPSHOTS=1"
    assert actual == expected_path.read_text(encoding="utf-8")
