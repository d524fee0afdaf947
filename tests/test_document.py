"""The document model: line index, paragraphs (plain text and Markdown), masks, and the invariants that
every check relies on (spans inside the text, sorted, non-overlapping; `visible` as long as `text`)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tlqa.document import Document, LineIndex, build

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def para_texts(doc: Document, *, visible: bool = False) -> list[str]:
    source = doc.visible if visible else doc.text
    return [source[p.start : p.end] for p in doc.paragraphs]


def masked_texts(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.masked]


# -- LineIndex -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_index_each_line_ending(newline: str) -> None:
    text = newline.join(["alpha", "beta", "gamma"])
    index = LineIndex(text)
    assert len(index) == 3
    second = text.index("beta")
    third = text.index("gamma")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (1, 5)  # the 'a' ending "alpha"
    assert index.position(5) == (1, 6)  # the line break itself belongs to its line
    assert index.position(second) == (2, 1)
    assert index.position(third + 2) == (3, 3)


def test_crlf_is_one_break_not_two() -> None:
    index = LineIndex("one\r\ntwo\r\n")
    assert index.starts == [0, 5, 10]
    assert index.position(4) == (1, 5)  # the LF of the CRLF is still on line 1
    assert index.position(5) == (2, 1)


def test_mixed_line_endings() -> None:
    text = "a\r\nb\rc\nd\n\re"
    index = LineIndex(text)
    # a | b | c | d | (empty, ended by the lone CR) | e: "\n\r" is two breaks, unlike "\r\n".
    assert index.starts == [0, 3, 5, 7, 9, 10]
    assert [index.position(text.index(ch)) for ch in "abcde"] == [(1, 1), (2, 1), (3, 1), (4, 1), (6, 1)]


def test_columns_count_code_points_and_astral_characters_count_once() -> None:
    text = "😀𝄞 Café 서울\nx"
    index = LineIndex(text)
    assert index.position(text.index("𝄞")) == (1, 2)
    assert index.position(text.index("C")) == (1, 4)
    assert index.position(text.index("서")) == (1, 9)
    assert index.position(text.index("x")) == (2, 1)


def test_combining_marks_are_their_own_code_points() -> None:
    text = "Cafe\u0301 ok"  # 'e' + combining acute accent: two code points
    assert LineIndex(text).position(text.index("o")) == (1, 7)


def test_position_clamps_to_the_text() -> None:
    text = "ab\ncd"
    index = LineIndex(text)
    assert index.position(-5) == (1, 1)
    assert index.position(len(text)) == (2, 3)  # just past the last character
    assert index.position(len(text) + 100) == (2, 3)


def test_trailing_break_starts_an_empty_last_line() -> None:
    index = LineIndex("only line\n")
    assert len(index) == 2
    assert index.position(10) == (2, 1)
    assert len(LineIndex("")) == 1
    assert LineIndex("").position(0) == (1, 1)


def test_document_lines_exclude_their_breaks() -> None:
    doc = Document("one\r\ntwo\rthree\n")
    assert [(doc.text[ln.start : ln.end], ln.number) for ln in doc.lines] == [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("", 4),
    ]
    assert doc.position(doc.text.index("three")) == (3, 1)


# -- paragraphs in plain text ----------------------------------------------------------------------------

PARAGRAPHS = [
    "The city of Gangneung will hold its first winter lantern festival next month, officials said on "
    "Monday, with more than two hundred lanterns planned along the lake shore and a night market for "
    "local farmers.",
    "Organizers expect about 40,000 visitors over ten days. Traffic will be restricted near the lake from "
    "5 p.m. each evening, and shuttle buses will run from the main station every fifteen minutes.",
    "“We want families to come back in winter,” said the festival’s director.",
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_one_paragraph_a_line(newline: str) -> None:
    doc = Document(newline.join(PARAGRAPHS) + newline)
    assert not doc.hard_wrapped
    assert para_texts(doc) == PARAGRAPHS
    assert [p.first_line for p in doc.paragraphs] == [1, 2, 3]
    assert [p.kind for p in doc.paragraphs] == ["body"] * 3
    assert [p.index for p in doc.paragraphs] == [0, 1, 2]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_hard_wrapped_blocks_are_one_paragraph_each(newline: str) -> None:
    blocks = [textwrap.fill(p, 70) for p in PARAGRAPHS]
    text = (newline * 2).join(b.replace("\n", newline) for b in blocks) + newline
    doc = Document(text)
    assert doc.hard_wrapped
    assert len(doc.paragraphs) == 3
    assert [" ".join(t.split()) for t in para_texts(doc)] == PARAGRAPHS
    assert [p.first_line for p in doc.paragraphs] == [1, 5, 9]
    # The sentence splitter sees the wrapped paragraph whole: a sentence can cross a line break.
    crossing = [s for s in doc.sentences if newline in doc.text[s.start : s.end]]
    assert crossing


def test_paragraph_spans_are_trimmed_of_white_space() -> None:
    doc = Document("  \n\n   Leading and trailing spaces.   \n\n")
    assert para_texts(doc) == ["Leading and trailing spaces."]
    assert doc.paragraphs[0].first_line == 3


def test_empty_and_blank_documents_have_no_paragraphs() -> None:
    for text in ("", "\n", "\r\n\r\n", "   \t  "):
        doc = Document(text)
        assert doc.paragraphs == []
        assert doc.sentences == []


def test_real_example_shape() -> None:
    """The sample article: one paragraph a line, a blank line, a caption, a byline with an address."""
    text = (FIXTURES / "sample-article.txt").read_text(encoding="utf-8")
    doc = build(text, "text", "fixtures/sample-article.txt")
    assert not doc.hard_wrapped
    lines = text.splitlines()
    assert len(doc.paragraphs) == len([ln for ln in lines if ln.strip()]) == 21
    assert [p.first_line for p in doc.paragraphs] == [n for n, ln in enumerate(lines, 1) if ln.strip()]
    assert 11 not in [p.first_line for p in doc.paragraphs]  # the blank line
    by_line = {p.first_line: doc.text[p.start : p.end] for p in doc.paragraphs}
    # The torn sentence stays three paragraphs: that is what lets a check see the fragment.
    assert by_line[2].endswith("eastern")
    assert by_line[3] == "beaches"
    assert by_line[4].startswith("On June 3rd")
    assert by_line[1].endswith("[YONHAP]")
    assert by_line[22].startswith("BY ")
    assert masked_texts(doc) == ["kang.minji@example.com"]
    for p in doc.paragraphs:
        inside = [s for s in doc.sentences if s.paragraph == p.index]
        assert inside, p
        assert all(p.start <= s.start < s.end <= p.end for s in inside)


# -- Markdown --------------------------------------------------------------------------------------------


def md(text: str) -> Document:
    return Document(textwrap.dedent(text).lstrip("\n"), "markdown")


def test_atx_headings_mask_their_markers() -> None:
    doc = md("# Festival opens #\n\n## Second level ##   \n\n#NoSpace is not a heading\n")
    assert [(p.kind, t) for p, t in zip(doc.paragraphs, para_texts(doc), strict=True)] == [
        ("heading", "Festival opens"),
        ("heading", "Second level"),
        ("body", "#NoSpace is not a heading"),
    ]
    assert "#" not in doc.visible[: doc.paragraphs[1].end]


def test_setext_headings() -> None:
    doc = md(
        """
        Main title
        ==========

        Subtitle
        ---

        Body text.
        """
    )
    assert [p.kind for p in doc.paragraphs] == ["heading", "heading", "body"]
    assert para_texts(doc)[:2] == ["Main title", "Subtitle"]
    assert "=" not in doc.visible and "-" not in doc.visible


def test_thematic_break_is_masked_and_not_a_paragraph() -> None:
    doc = md("Intro.\n\n***\n\nAfter the rule.\n")
    assert para_texts(doc) == ["Intro.", "After the rule."]
    assert masked_texts(doc) == ["***"]


def test_list_items_with_every_marker_and_a_continuation() -> None:
    doc = md(
        """
        - dash item
        * star item
        + plus item
          continued on the next line
        1. numbered
        2) numbered with a parenthesis
        """
    )
    assert [p.kind for p in doc.paragraphs] == ["list_item"] * 5
    texts = para_texts(doc, visible=True)
    assert texts[0] == "dash item"
    assert texts[2] == "plus item\n  continued on the next line"
    assert texts[4] == "numbered with a parenthesis"
    assert masked_texts(doc) == ["- ", "* ", "+ ", "1. ", "2) "]


def test_blockquotes() -> None:
    doc = md(
        """
        > “People told us nobody reads outside,” she said.
        > “They were wrong.”
        >
        > A second paragraph in the quote.

        After the quote.
        """
    )
    assert [p.kind for p in doc.paragraphs] == ["blockquote", "blockquote", "body"]
    first = para_texts(doc, visible=True)[0]
    assert first.startswith("“People") and first.endswith("wrong.”")
    assert ">" not in doc.visible


def test_markdown_lines_of_a_block_are_one_paragraph() -> None:
    # Even when the file is not hard-wrapped overall, consecutive lines are one Markdown paragraph.
    doc = md(
        """
        A paragraph whose first line is short
        and whose second line continues the same sentence.

        """
        + "A long single-line paragraph. " * 8
    )
    assert [p.first_line for p in doc.paragraphs] == [1, 4]
    assert len(doc.sentences) == 1 + 8


def test_fenced_code_is_masked_and_has_no_sentences() -> None:
    doc = md(
        """
        Before.

        ```python
        stray = ['"', "“", "’"]
        ```

        ~~~
        more “code
        ~~~

        After.
        """
    )
    assert [p.kind for p in doc.paragraphs] == ["body", "code", "code", "body"]
    code = doc.paragraphs[1]
    assert doc.text[code.start : code.end] == '```python\nstray = [\'"\', "“", "’"]\n```'
    assert doc.visible[code.start : code.end].strip() == ""
    assert not doc.paragraphs[1].is_prose
    assert all(doc.paragraphs[s.paragraph].is_prose for s in doc.sentences)
    assert not any(ch in doc.visible for ch in "“’\"'")


def test_unclosed_fence_runs_to_the_end() -> None:
    doc = md("Before.\n\n```\nunclosed “\nstill code\n")
    assert [p.kind for p in doc.paragraphs] == ["body", "code"]
    assert "“" not in doc.visible


def test_indented_code_is_masked_but_a_continuation_line_is_not() -> None:
    doc = md("Before.\n\n    code “here”\n    more code\n\nAfter.\n\nPara line\n    indented continuation\n")
    assert [p.kind for p in doc.paragraphs] == ["body", "code", "body", "body"]
    assert "code" not in doc.visible.replace("indented continuation", "")
    assert "indented continuation" in doc.visible


@pytest.mark.parametrize("closer", ["---", "..."])
def test_front_matter_is_masked(closer: str) -> None:
    doc = md(f'---\ntitle: "A “quoted” title"\ntags: [a, b]\n{closer}\n\nBody text.\n')
    assert para_texts(doc) == ["Body text."]
    assert doc.paragraphs[0].first_line == 6
    assert doc.masked[0][0] == 0
    assert "title" not in doc.visible


def test_front_matter_only_in_markdown() -> None:
    doc = Document("---\ntitle: x\n---\nBody.\n", "text")
    assert "title" in doc.visible


def test_inline_code_link_urls_autolinks_and_images_are_masked() -> None:
    doc = md(
        'See `a "quoted" arg` and [the portal](https://example.org/x?a=1&b=“2” "Title") or '
        "<https://auto.example.com/path> and ![a photo](photo.png).\n"
    )
    visible = doc.visible
    assert "quoted" not in visible
    assert "example" not in visible
    assert "photo.png" not in visible
    assert "[the portal]" in visible and "[a photo]" in visible
    assert "!" not in visible
    assert "“" not in visible and '"' not in visible


def test_html_comments_are_masked() -> None:
    doc = md('Text <!-- inline “ --> more.\n\n<!-- a comment with "quotes"\nspanning lines -->\n\nAfter.\n')
    assert para_texts(doc, visible=True) == ["Text                   more.", "After."]
    assert "comment" not in doc.visible


def test_stray_backticks_do_not_hide_the_paragraphs_between_them() -> None:
    # Backticks typed as apostrophes: a code span never crosses a blank line (end of a paragraph).
    for nl in ("\n", "\r\n", "\r"):
        text = nl.join(
            ["He said it wasn`t so.", "", "A paragraph with “quotes” in between.", "", "It`s fine.", ""]
        )
        doc = Document(text, "markdown")
        assert para_texts(doc, visible=True) == para_texts(doc), repr(nl)


def test_code_span_may_wrap_onto_the_next_line() -> None:
    doc = md("A `code span that\nwraps` then prose.\n")
    assert "wraps" not in doc.visible
    assert "then prose." in doc.visible


def test_markdown_paragraph_kinds_in_the_sample() -> None:
    text = (FIXTURES / "sample-article.md").read_text(encoding="utf-8")
    doc = Document(text, "markdown", "fixtures/sample-article.md")
    kinds = [(p.first_line, p.kind) for p in doc.paragraphs]
    assert kinds == [
        (1, "heading"),
        (3, "body"),
        (6, "body"),
        (9, "body"),
        (11, "list_item"),
        (12, "list_item"),
        (13, "list_item"),
        (15, "blockquote"),
        (18, "body"),
        (21, "body"),
        (23, "code"),
        (29, "body"),
    ]
    # Outside code and masks, the sample's quotation marks balance.
    assert doc.visible.count("“") == doc.visible.count("”")
    assert '"' not in doc.visible


# -- masks in plain text ---------------------------------------------------------------------------------


def test_urls_and_emails_are_masked_in_plain_text() -> None:
    doc = Document(
        "Visit https://example.com/path?x=1. Or write to desk@news.example.kr today.\n"
        "See www.example.org, then “http://quoted.example.net/a” and ftp://files.example.com/f.txt.\n"
    )
    assert masked_texts(doc) == [
        "https://example.com/path?x=1",
        "desk@news.example.kr",
        "www.example.org",
        "http://quoted.example.net/a",
        "ftp://files.example.com/f.txt",
    ]
    # Sentence punctuation and quotation marks next to a URL stay visible.
    assert "x=1" not in doc.visible and " . Or write to" in doc.visible
    assert doc.visible.rstrip().endswith(" .")
    assert doc.visible.count("“") == doc.visible.count("”") == 1


def test_masking_keeps_offsets_and_line_breaks() -> None:
    text = "Write to a.b@example.com\r\nor see `x`\n"
    for fmt in ("text", "markdown"):
        doc = Document(text, fmt)
        assert len(doc.visible) == len(doc.text)
        assert [i for i, ch in enumerate(doc.visible) if ch in "\r\n"] == [
            i for i, ch in enumerate(text) if ch in "\r\n"
        ]
        for s, e in doc.masked:
            assert doc.visible[s:e].strip() == ""


def test_paragraph_at() -> None:
    doc = Document("First paragraph.\n\nSecond paragraph.\n")
    second = doc.text.index("Second")
    assert doc.paragraph_at(0) is doc.paragraphs[0]
    assert doc.paragraph_at(second + 3) is doc.paragraphs[1]
    assert doc.paragraph_at(doc.text.index("\n\n") + 1) is None
    assert doc.paragraph_at(len(doc.text) + 5) is None


def test_build_records_format_and_path() -> None:
    doc = build("# Title\n", "markdown", "story.md")
    assert (doc.format, doc.path) == ("markdown", "story.md")
    assert doc.paragraphs[0].kind == "heading"


# -- properties ------------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"abcXYZ .,!?;:-#>*`~[]()<>@/\t",
        *("\n", "\r", "\r\n", "\n\n", "“", "”", "‘", "’", '"', "'", "…", "```", "    ", "- ", "1. ", "> "),
        *(
            "서울",
            "東京",
            "。",
            "😀",
            "𝄞",
            "U.S.",
            "a.m.",
            "No. 1",
            "http://x.org/a",
            "a@b.cd",
            "<!--",
            "-->",
        ),
        *("---", "===", "\u0301", "\ufeff", "\x00", "\u2028"),
    ]
)
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=80).map("".join))
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_sorted_disjoint(spans: list[tuple[int, int]], length: int) -> None:
    previous_end = 0
    for start, end in spans:
        assert 0 <= start <= end <= length
        assert start >= previous_end
        previous_end = end


@_SETTINGS
@given(text=_TEXTS, fmt=st.sampled_from(["text", "markdown"]))
def test_document_invariants(text: str, fmt: str) -> None:
    doc = Document(text, fmt)
    n = len(text)
    assert len(doc.visible) == n
    _assert_sorted_disjoint(doc.masked, n)
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    _assert_sorted_disjoint(paragraphs, n)
    for i, p in enumerate(doc.paragraphs):
        assert p.index == i
        assert p.start < p.end
        assert 1 <= p.first_line <= len(doc.lines)
        assert doc.position(p.start)[0] >= p.first_line
    sentences = doc.sentences
    _assert_sorted_disjoint([(s.start, s.end) for s in sentences], n)
    for s in sentences:
        para = doc.paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end
        assert para.is_prose
        assert not doc.visible[s.start].isspace() and not doc.visible[s.end - 1].isspace()


@_SETTINGS
@given(text=_TEXTS)
def test_line_index_is_monotonic_and_consistent(text: str) -> None:
    index = LineIndex(text)
    positions = [index.position(i) for i in range(len(text) + 1)]
    assert positions == sorted(positions)
    assert positions[0] == (1, 1)
    # An independent model: walk the text, starting a line after LF, after CR not followed by LF, and
    # after CRLF. Only these three are breaks (not U+2028, form feed or NEL, which str.splitlines uses).
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    assert index.starts == starts
    for offset, (line, column) in enumerate(positions):
        assert 1 <= line <= len(index)
        assert column == offset - index.starts[line - 1] + 1
