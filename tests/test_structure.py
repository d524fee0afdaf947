"""Paragraph kinds: the news structure of an article (tlqa.structure), as the document model carries it."""

from __future__ import annotations

import textwrap

import pytest

from conftest import FIXTURES, SHARED
from tlqa.document import Document
from tlqa.structure import caption_credit, is_terminated, last_word, starts_lower


def kinds(text: str, fmt: str = "text") -> list[tuple[int, str]]:
    doc = Document(text, fmt)
    return [(p.first_line, p.kind) for p in doc.paragraphs]


def test_sample_article_kinds() -> None:
    got = dict(kinds((FIXTURES / "sample-article.txt").read_text(encoding="utf-8")))
    assert got[1] == "caption"  # the planted caption: a caption, misplaced (F101 decides where)
    assert got[12] == "caption"
    assert got[21] == "disclosure"
    assert got[22] == "byline"
    # the torn sentence is body, line by line: "beaches" is no subhead, line 2 no headline
    assert got[2] == got[3] == got[4] == "body"
    assert [k for n, k in got.items() if n not in (1, 12, 21, 22)] == ["body"] * 17


@pytest.mark.skipif(not (SHARED / "examples" / "cia-videos.en.txt").exists(), reason="no ../shared")
def test_seed_example_kinds() -> None:
    got = dict(kinds((SHARED / "examples" / "cia-videos.en.txt").read_text(encoding="utf-8")))
    assert got[2] == got[14] == "caption"
    assert got[23] == "disclosure"  # "Translated from the JoongAng Ilbo using generative AI and edited by…"
    assert got[24] == "byline"  # "BY SHIN KYUNG-JIN [kim.juyeon2@joongang.co.kr]"
    assert "headline" not in got.values()  # the text opens with a caption, not a title


def test_news_furniture() -> None:
    text = "\n".join(
        [
            "Busan opens ‘floating library’ for summer",
            "A converted ferry lends books on the water",
            "By a staff reporter",
            "Readers browse shelves on the deck of the ferry on June 3. [JOONGANG PHOTO]",
            "BUSAN —",
            "The city opened the library on Saturday.",
            "Editor's note: The library's hours were corrected on June 4.",
            "Rising costs",
            "Critics said the refit cost too much.",
            "kim.minji@example.com (END)",
        ]
    )
    assert [k for _, k in kinds(text)] == [
        "headline",
        "subhead",
        "byline",
        "caption",
        "dateline",
        "body",
        "editor_note",
        "subhead",
        "body",
        "byline",
    ]


@pytest.mark.parametrize(
    ("line", "kind"),  # one line between body paragraphs
    [
        ("BY SHIN KYUNG-JIN [kim.juyeon2@joongang.co.kr]", "byline"),
        ("By Kim Min-ji and Lee Seo-yeon", "byline"),
        ("Kim Min-ji, Staff Reporter", "byline"),
        ("SEOUL, May 3 (Yonhap) --", "dateline"),
        ("Traders watch screens in Seoul on Thursday. (Yonhap)", "caption"),
        ("Gov. Kim speaks in Seoul on May 3. [AP/YONHAP]", "caption"),
        ("Exports by month, 2024. Source: Ministry of Trade", "caption"),
        (
            "Translated from the Nambu Ilbo using generative AI and edited by Harbor City Daily staff.",
            "disclosure",
        ),
        (
            "This article was originally written in Korean and translated with the help of AI tools.",
            "disclosure",
        ),
        ("Sure! Here is the English translation of the article:", "artefact"),
        ("Translator's note: gapjil refers to abuse of power.", "artefact"),
        ("1. Pay attention to security warnings;", "list_item"),
        ("[Photo]", "image"),
    ],
)
def test_shapes(line: str, kind: str) -> None:
    text = f"The city opened the library on Saturday.\n{line}\nReaders welcomed it.\nIt was busy.\nHe spoke."
    assert kinds(text)[1] == (2, kind)


def test_markdown_keeps_its_kinds_and_adds_news_kinds() -> None:
    text = textwrap.dedent(
        """\
        # Night library opens

        BY OH JI-WON [jiwon.oh@example.com]

        ![Tents](tents.jpg)

        Readers in reading tents on Saturday. [YONHAP]

        The library opened on Saturday.

        - reading tents
        - audio guides

        > “People read outside,” said the librarian.

        Rising costs for the city
        """
    )
    assert [k for _, k in kinds(text, "markdown")] == [
        "heading",
        "byline",
        "image",
        "caption",
        "body",
        "list_item",
        "list_item",
        "blockquote",
        "body",  # Markdown marks its own titles: an unmarked short line stays body
    ]


def test_continued_line_is_no_title() -> None:
    # A first line continued in lower case is the start of a torn sentence, not a headline.
    got = kinds(
        "The city opened a lantern festival across three of its eastern\nbeaches\nVisitors came.\n"
        "It was busy.\nThe mayor spoke."
    )
    assert got[0][1] == "body" and got[1][1] == "body"


def test_headline_is_present_tense() -> None:
    got = kinds(
        "The company said it would invest\nShares rose 3 percent.\nAnalysts were pleased.\nIt was busy."
    )
    assert got[0][1] == "body"


def test_hard_wrapped_fixture_reads_by_paragraph() -> None:
    doc = Document((FIXTURES / "hard-wrapped-article.txt").read_text(encoding="utf-8"))
    assert doc.hard_wrapped
    assert [p.kind for p in doc.paragraphs] == [
        "headline",
        "byline",
        "caption",
        "body",
        "body",
        "body",
        "subhead",
        "body",
        "body",
        "body",
        "disclosure",
    ]


@pytest.mark.parametrize("width", [60, 90, 120, 160])
def test_blank_line_paragraphs_wrapped_at_any_width_are_recognised(width: int) -> None:
    text = (FIXTURES / "hard-wrapped-article.txt").read_text(encoding="utf-8")
    paras = [" ".join(block.split()) for block in text.split("\n\n")]
    doc = Document("\n\n".join(textwrap.fill(p, width) for p in paras) + "\n")
    assert doc.hard_wrapped
    assert len(doc.paragraphs) == len(paras)


def test_helpers() -> None:
    assert is_terminated("He said “yes.”") and is_terminated("Visitors will find:")
    assert not is_terminated("three of its eastern") and not is_terminated("so dazzling,")
    assert last_word("…on the 3rd of the") == "the" and last_word("“a disaster”") == "disaster"
    assert starts_lower("videos on YouTube") and not starts_lower("iPhone sales rose")
    assert not starts_lower("de Gaulle’s legacy") and not starts_lower("“quoted” start")
    assert caption_credit("Farmers harvest wheat on June 11. [YONHAP]") == "[YONHAP]"
    assert caption_credit("He called it final [sic].") is None
    assert caption_credit("The notice was marked [UPDATED]") is None
