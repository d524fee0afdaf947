"""The fragments family on whole articles: the seed example, the fixtures, and the traps that must pass."""

from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SHARED
from tlqa import api
from tlqa.config import Config

EXAMPLE = SHARED / "examples" / "cia-videos.en.txt"


def fragments(path_or_text, **options) -> list:
    config = Config(select=("F",), families={"fragments": options} if options else {})
    if isinstance(path_or_text, str):
        report = api.check_text(path_or_text, config=config)
    else:
        report = api.check_file(str(path_or_text), config=config)
    return report.findings


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not here")
def test_seed_example_two_captions_and_one_torn_sentence() -> None:
    found = fragments(EXAMPLE)
    assert [(f.rule, f.begin.line) for f in found] == [("F101", 2), ("F201", 3), ("F101", 14)]
    first, torn, second = found
    assert first.excerpt.endswith("[SCREEN CAPTURE]") and first.evidence["position"].startswith("it opens")
    assert second.excerpt.endswith("[AP/YONHAP]") and second.evidence["position"].startswith("between body")
    # one finding for the one torn sentence, from its first line to the end of the restart's sentence
    assert torn.excerpt.startswith("The U.S. Central Intelligence Agency (CIA) released")
    assert torn.excerpt.endswith("feeling disenchanted and fearful.")
    assert torn.excerpt.count("\n") == 2
    assert torn.suggestion.text.startswith(
        "The U.S. Central Intelligence Agency (CIA) released a pair of Chinese"
    )
    assert "Mandarin-language videos on YouTube on May 1st, with the intention" in torn.suggestion.text
    assert torn.evidence["lines"] == [3, 4, 5]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not here")
def test_seed_example_nothing_from_untranslated() -> None:
    report = api.check_file(str(EXAMPLE), config=Config(select=("U",)))
    assert report.findings == []


def test_sample_article_planted_flaws_only() -> None:
    found = fragments(FIXTURES / "sample-article.txt")
    assert [(f.rule, f.begin.line) for f in found] == [("F101", 1), ("F201", 2), ("F101", 12)]
    assert found[0].excerpt.endswith("[YONHAP]")
    assert found[2].excerpt.endswith("[BUSAN METROPOLITAN GOVERNMENT]")
    assert found[1].evidence["lines"] == [2, 3, 4]
    assert found[1].excerpt.endswith("Southeast Asia.")


def test_fragments_fixture_each_planted_flaw_once() -> None:
    found = fragments(FIXTURES / "fragments-article.txt")
    assert [(f.rule, f.begin.line) for f in found] == [
        ("F103", 1),
        ("F201", 9),
        ("F203", 13),
        ("F202", 15),
        ("F101", 16),
        ("F105", 20),
        ("F302", 22),
        ("F301", 24),
        ("F104", 26),
    ]
    by_rule = {f.rule: f for f in found}
    assert by_rule["F104"].suggestion.text == " " and by_rule["F104"].suggestion.applicability.label == "safe"
    assert by_rule["F301"].evidence == {"first_line": 12}
    assert by_rule["F302"].evidence == {"first_line": 20}


def test_hard_wrapped_fixture_is_clean() -> None:
    report = api.check_file(str(FIXTURES / "hard-wrapped-article.txt"), config=Config(select=("F", "U")))
    assert report.findings == []


@pytest.mark.parametrize("name", ["sample-article.md", "quotes-article.txt", "hard-wrapped-article.txt"])
def test_clean_fixtures_have_no_fragments(name: str) -> None:
    assert fragments(FIXTURES / name) == []


def test_caption_places_option() -> None:
    text = (
        "Bank of Korea holds rates\nSEOUL — The bank held its key rate on Thursday.\n"
        "Analysts had expected the hold, the bank said.\nGov. Kim speaks in Seoul on Thursday. [NEWS1]"
    )
    assert [f.rule for f in fragments(text)] == ["F101"]
    assert fragments(text, **{"caption-places": ["head", "image", "end"]}) == []
    # without "head", even a caption under the headline is reported
    top = (
        "Bank of Korea holds rates\nGov. Kim speaks in Seoul. [NEWS1]\n"
        "SEOUL — The bank held its rate.\nIt was busy."
    )
    assert fragments(top) == []
    assert [f.rule for f in fragments(top, **{"caption-places": ["image"]})] == ["F101"]


def test_torn_sentence_in_a_wide_wrapped_file_is_not_flagged() -> None:
    # blank lines between paragraphs wrapped at 120 columns: the wrapping is not a tear
    text = (FIXTURES / "hard-wrapped-article.txt").read_text(encoding="utf-8")
    paras = [" ".join(block.split()) for block in text.split("\n\n")]
    wide = "\n\n".join(textwrap.fill(p, 120) for p in paras) + "\n"
    assert fragments(wide) == []


def test_json_report_lists_paragraph_kinds(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text((FIXTURES / "fragments-article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    from tlqa.reporters import json_report

    report = api.check_file(str(path), config=Config(select=("F",)))
    paragraphs = [p for p in report.paragraphs]
    assert [p.kind for p in paragraphs[:5]] == ["artefact", "headline", "byline", "caption", "body"]
    assert json_report.paragraph_dict(paragraphs[3])["kind"] == "caption"
    assert json.dumps(json_report.paragraph_dict(paragraphs[0]))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The bank held rates.",
                "the rest of it",
                "Gov. Kim speaks in Seoul. [YONHAP]",
                "Rising costs",
                "BY KIM MIN-JI [kim@example.com]",
                "- 2 -",
                "Translation: hello",
                "&nbsp;{name}",
                "",
                "The company said it would invest in the",
                "On May 1, with the intention of helping.",
            ]
        ),
        max_size=12,
    )
)
def test_any_arrangement_gives_spans_inside_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    report = api.check_text(text, config=Config(select=("F", "U")))
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.excerpt == text[f.start : f.end]
    assert [f.sort_key for f in report.findings] == sorted(f.sort_key for f in report.findings)
