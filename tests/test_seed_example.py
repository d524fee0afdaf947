"""The real published example the project was made from (../shared/examples/cia-videos.en.txt).
Skipped in a clone without ../shared: tests must not depend on it."""

from __future__ import annotations

import pytest

from conftest import SHARED
from tlqa import api
from tlqa.config import Config

EXAMPLE = SHARED / "examples" / "cia-videos.en.txt"
pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not here")


def test_quotes_family_reports_exactly_the_broken_quotation():
    report = api.check_file(str(EXAMPLE), config=Config())
    quotes = [f for f in report.findings if f.family == "quotes"]
    assert [f.rule for f in quotes] == ["Q103"]
    (f,) = quotes
    assert f.excerpt.startswith("I’ve seen individuals rise through the ranks")
    assert f.excerpt.endswith("my destiny might not be very different.")
