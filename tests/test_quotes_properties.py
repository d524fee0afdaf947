"""Property tests for the quotation-mark analysis and the engine: no crash on any text, spans inside
the text and sorted, and safe fixes that settle (a second --fix changes nothing)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tlqa import api
from tlqa.config import Config
from tlqa.fixing import apply_fixes

ALPHABET = st.sampled_from(
    [*"ab sS9 .,!?-—()[]{}:;\n\r\"'“”‘’„", "\r\n", "\n\n", "it’s", "’90s", "U.S.", '20"', " 's", "I 'm"]
)
TEXTS = st.lists(ALPHABET, min_size=1, max_size=80).map("".join).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["text", "markdown"]))
def test_findings_are_sound(text: str, fmt: str) -> None:
    report = api.check_text(text, fmt=fmt)
    keys = [f.sort_key for f in report.findings]
    assert keys == sorted(keys)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.excerpt == text[f.start : f.end]
        assert f.begin.line >= 1 and f.begin.column >= 1
        assert (f.begin.line, f.begin.column) <= (f.finish.line, f.finish.column)
        assert not f.message.endswith(".")


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_safe_fixes_settle(text: str) -> None:
    quotes = Config(select=("Q",))
    once, _ = apply_fixes(text, api.check_text(text, config=quotes).findings)
    twice, applied = apply_fixes(once, api.check_text(once, config=quotes).findings)
    assert len(once) == len(text)  # quote fixes swap one mark for another
    assert applied == 0, (once, twice)
    # every family's safe fixes together settle too: a second --fix finds nothing more to do
    once, _ = apply_fixes(text, api.check_text(text).findings)
    twice, applied = apply_fixes(once, api.check_text(once).findings)
    assert applied == 0, (once, twice)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_analysis_is_deterministic(text: str) -> None:
    a = [(f.rule, f.start, f.end, f.message) for f in api.check_text(text).findings]
    b = [(f.rule, f.start, f.end, f.message) for f in api.check_text(text).findings]
    assert a == b
