"""Alignment with the source (tlqa.alignment, family `alignment`).

The fixture `fixtures/aligned-article.txt` is an invented ko→en news article; its source
`aligned-article.ko.txt` (13 paragraphs, one a line) relates to it like this (article lines):

| article line | source line | what |
|---:|---:|---|
| 1–5 | 1–5 | headline, caption, body: one to one |
| 6 | — | a paragraph the source does not have (A102) |
| 7 | 6 | one to one |
| — | 7 | a source paragraph the article leaves out (A101, reported at line 8) |
| 8 | 8 | the source quotes Kim Sun-ja, the article paraphrases her (A201) |
| 9–10 | 9 | one source paragraph split in two (A112) |
| 11 | 10 | a direct quotation where the source reports (A202) |
| 12 | 11–12 | two source paragraphs joined (A111) |
| 13 | 13 | one of the source's three sentences (A121, 32% of the usual length) |
| 14 | — | the translation note (A103) |
| 15 | 14 | the byline (the e-mail address anchors it) |

`aligned-article.ref.txt` is a full human translation of the same source (13 paragraphs): the article
lacks its paragraph 7 (R102) and its paragraph 12 is cut to one sentence in the article (R101).
"""

from __future__ import annotations

import os

import pytest

from conftest import FIXTURES
from tlqa import alignment, api
from tlqa.config import Config
from tlqa.document import Document
from tlqa.engine import Article

ARTICLE = FIXTURES / "aligned-article.txt"
SOURCE = FIXTURES / "aligned-article.ko.txt"
REFERENCE = FIXTURES / "aligned-article.ref.txt"
EXPECTED = FIXTURES / "expected"

FIXTURE_PAIRS = [
    (0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 6), (7, 7), (8, 8), (8, 9), (9, 10), (10, 11), (11, 11),
    (12, 12), (13, 14),
]  # fmt: skip


def _report(**overrides):
    kwargs = {"source": str(SOURCE), "reference": str(REFERENCE), "config": Config()}
    kwargs.update(overrides)
    return api.check_file(str(ARTICLE), **kwargs)


def _render(report, family: str) -> str:
    """The snapshot format of tests/test_snapshots.py."""
    lines = [
        f"{f.begin.line}:{f.begin.column} {f.rule} {f.severity.label} {f.message}"
        + (f" -> {f.suggestion.text!r} ({f.suggestion.applicability.label})" if f.suggestion else "")
        for f in report.findings
        if f.family == family
    ]
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("family", ["alignment", "reference"])
def test_fixture_snapshot_with_source_and_reference(family):
    expected_path = EXPECTED / f"{ARTICLE.name}.{family}.txt"
    actual = _render(_report(), family)
    if os.environ.get("TLQA_UPDATE_SNAPSHOTS"):
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")


def test_fixture_alignment_pairs_and_planted_findings():
    report = _report()
    assert report.alignment == FIXTURE_PAIRS
    found = {(f.begin.line, f.rule) for f in report.findings if f.family in ("alignment", "reference")}
    assert found == {
        (6, "A102"),
        (8, "A101"),
        (8, "R102"),
        (8, "A201"),
        (9, "A112"),
        (11, "A202"),
        (12, "A111"),
        (13, "A121"),
        (13, "R101"),
        (14, "A103"),
    }


def test_omission_is_an_insertion_point_quoting_the_source():
    (f,) = [f for f in _report().findings if f.rule == "A101"]
    assert f.start == f.end and (f.begin.line, f.begin.column) == (8, 1)
    assert f.evidence["source_paragraphs"] == [7]
    assert f.evidence["source_lines"] == [7]
    assert f.evidence["source_text"].startswith("해양경찰은 야간 운항에 대비해")
    assert f.evidence["after_article_paragraph"] == 7


def test_a_faithful_translation_passes_clean():
    """The reference is a full translation of the source: nothing missing or added; like the article,
    it joins the source's paragraphs 11 and 12 (and says so, for information)."""
    report = api.check_file(str(REFERENCE), source=str(SOURCE), config=Config(select=("A",)))
    assert [(f.begin.line, f.rule) for f in report.findings] == [(11, "A111")]
    assert report.alignment == [(i, i) for i in range(11)] + [(11, 10), (12, 11), (13, 12)]


def test_json_report_carries_the_alignment_and_validates(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    import json
    from importlib import resources

    from tlqa.findings import RunReport
    from tlqa.reporters import json_report

    data = json_report.to_dict(RunReport([_report()], version="test"))
    schema = json.loads((resources.files("tlqa") / "data" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["files"][0]["alignment"] == [list(p) for p in FIXTURE_PAIRS]
    no_source = json_report.to_dict(RunReport([api.check_text("One paragraph.")], version="test"))
    assert no_source["files"][0]["alignment"] is None


def _article(text: str, source: str | None) -> Article:
    return Article(
        "-", Document(text), source=Document(source, "text", "<source>") if source is not None else None
    )


def test_source_paragraph_for_cites_the_source():
    text, source = ARTICLE.read_text(encoding="utf-8"), SOURCE.read_text(encoding="utf-8")
    article = _article(text, source)
    kim = text.index("Kim Sun-ja")
    assert alignment.source_paragraph_for(article, kim).index == 7
    assert "김순자" in alignment.source_text_for(article, kim)
    # a merged paragraph cites the source paragraph sharing most anchors with it (Incheon Green Korea)
    green = text.index("Incheon Green Korea")
    assert [p.index for p in alignment.source_paragraphs_for(article, green)] == [10, 11]
    assert alignment.source_paragraph_for(article, green).index == 11
    assert alignment.source_paragraph_for(article, text.index("Ferry operators")) is None  # added
    assert alignment.source_paragraph_for(_article(text, None), kim) is None  # no source


def test_alignment_is_computed_once_per_article_and_source():
    text, source = ARTICLE.read_text(encoding="utf-8"), SOURCE.read_text(encoding="utf-8")
    article = _article(text, source)
    first = alignment.for_article(article)
    assert alignment.for_article(article) is first
    other = Article("-", article.target, source=Document(source, "text", "<other>"))
    assert alignment.for_article(other) is not first
    assert alignment.for_article(_article(text, None)) is None


def _covers_everything_in_order(a: alignment.Alignment, src: Document, tgt: Document) -> None:
    for side, doc in (("source", src), ("target", tgt)):
        seen = [i for b in a.beads for i in getattr(b, side)]
        assert seen == [p.index for p in alignment.prose_paragraphs(doc)]
    for b in a.beads:
        assert b.move in {"1-1", "1-0", "0-1", "2-1", "1-2"}


@pytest.mark.parametrize("edit", ["drop", "merge", "split", "none"])
def test_beads_cover_every_paragraph_once_in_order(edit):
    source = SOURCE.read_text(encoding="utf-8")
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    if edit == "drop":
        del lines[4]
    elif edit == "merge":
        lines[5:7] = [lines[5] + " " + lines[6]]
    elif edit == "split":
        first, _, rest = lines[2].partition(", the first")
        lines[2:3] = [first + ".", "It is the first" + rest]
    src, tgt = Document(source, "text"), Document("\n".join(lines))
    a = alignment.align(src, tgt, "ko")
    _covers_everything_in_order(a, src, tgt)
    moves = sorted(b.move for b in a.beads if b.move != "1-1")
    # the reference itself joins source paragraphs 11 and 12 (a 2-1); each edit adds one move more
    expected = {"drop": ["1-0"], "merge": ["2-1"], "split": ["1-2"], "none": []}[edit]
    assert moves == sorted(["2-1", *expected])


def test_degenerate_inputs():
    for src_text, tgt_text in [("하나.", "One."), ("하나.", "\n\n"), ("```\ncode\n```", "One.\nTwo.")]:
        src, tgt = Document(src_text, "markdown"), Document(tgt_text)
        _covers_everything_in_order(alignment.align(src, tgt, "ko"), src, tgt)
    report = api.check_text("One paragraph here.", source="   \n", config=Config(select=("A",)))
    assert report.alignment is None and report.findings == []  # an empty source: nothing to align


def test_profiles_and_unknown_pairs():
    """ko, zh and ja have measured ratios; another source language gets the article's own ratio, and
    the length rule (calibrated pairs only) stays quiet for it."""
    assert alignment.PROFILES["zh"].ratio > alignment.PROFILES["ko"].ratio
    ru = "Мэр сказал, что мост будет восстановлен весной.\nПолиция закроет дорогу в 18:00."
    en = "The mayor said the bridge would be rebuilt in spring. And much, much more than that, " * 3
    a = alignment.align(Document(ru), Document(en + "\nPolice will close the road at 6 p.m."), None)
    assert not a.profile.calibrated
    report = api.check_text(en, source=ru, config=Config(select=("A121",)))
    assert report.findings == []


def test_roles_and_romanised_names():
    assert (
        alignment.paragraph_role("인천시, 섬 잇는 야간 여객선 첫 운항…주말 관광객 노린다")
        == alignment.HEADLINE
    )
    assert alignment.paragraph_role("홍길동 기자 hong.gildong@example.com") == alignment.APPARATUS
    assert alignment.paragraph_role("The mayor said the bridge will reopen.") == alignment.BODY
    assert alignment.paragraph_role("Visitors at the beach on June 3. [YONHAP]") == alignment.APPARATUS
    assert alignment.paragraph_role("A caption", "caption") == alignment.APPARATUS
    assert alignment.paragraph_role("A headline.", "headline") == alignment.HEADLINE
    assert "tukjukto" in alignment.romanized("덕적도 주민")  # Deokjeok, loosely: eo→u, d→t
    assert alignment.romanized("no Hangul") == ""


def test_source_quotations_skip_terms():
    assert alignment.source_quotations("美国对华“芯片战”大有升级之势") == []
    assert alignment.source_quotations('그는 "다리를 봄까지 다시 짓겠다"고 말했다.') == [
        '"다리를 봄까지 다시 짓겠다"'
    ]
    assert alignment.source_quotations("市长表示：“岛屿不再遥远。”") == ["“岛屿不再遥远。”"]
