"""Sentence splitting on news text: abbreviations, initials, numbers and quotations."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tlqa.document import Document
from tlqa.sentences import split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in the U.S. said the talks would resume.",
        "He cited the U.S. Constitution and the U.N. Charter.",
        "The deadline is Sept. 30 for all applicants.",
        "The vote on Dec. 3 was close.",
        "Haeundae was the No. 1 destination again.",
        "Trains run until 5 a.m. on weekends.",
        "Doors open at 6 p.m., and the show starts later.",
        "John F. Kennedy visited Berlin.",
        "J.R.R. Tolkien wrote the book.",
        "Gen. Park and Dr. Lee met Mr. Kim at the port.",
        "Lt. Gen. Kim Myung-soo arrived.",
        "She works at Hyundai Motor Co. in Ulsan.",
        "Acme Inc. announced record profits.",
        "Growth was 3.5 percent, up from 2.9 percent.",
        "It cost $1.2 billion in total.",
        "Use e.g. the bus or i.e. the subway.",
        "“Go!” he said.",
        "“Why not?” she asked, smiling.",
        "The U.S.’ allies met in Seoul.",
        "ok. lower case after a period is no boundary.",
    ],
)
def test_no_split(text: str) -> None:
    assert sents(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He moved to the U.S. The president said no.", ["He moved to the U.S.", "The president said no."]),
        (
            "Trains start at 5 a.m. Police said it was fine.",
            ["Trains start at 5 a.m.", "Police said it was fine."],
        ),
        ("It ended at 11:30 p.m. Officials said so.", ["It ended at 11:30 p.m.", "Officials said so."]),
        ("Acme Inc. The company said so.", ["Acme Inc.", "The company said so."]),
        ("He lives in the U.S. “We like it,” he said.", ["He lives in the U.S.", "“We like it,” he said."]),
        ("John F. Kennedy spoke. Then he left.", ["John F. Kennedy spoke.", "Then he left."]),
        ("Growth was 3.5 percent. It fell.", ["Growth was 3.5 percent.", "It fell."]),
        ("He is No. 1. Then he fell.", ["He is No. 1.", "Then he fell."]),
        ("The vote is Dec. 3. It is final.", ["The vote is Dec. 3.", "It is final."]),
        ("She was born in 1990. In 2000 she moved.", ["She was born in 1990.", "In 2000 she moved."]),
        ("He waited… Then he left.", ["He waited…", "Then he left."]),
        ("I said... And then.", ["I said...", "And then."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("Kim Jong-un. Park Geun-hye.", ["Kim Jong-un.", "Park Geun-hye."]),
        ("He left. 그는 떠났다.", ["He left.", "그는 떠났다."]),
        ("이것은 문장이다. 저것도 문장이다.", ["이것은 문장이다.", "저것도 문장이다."]),
        ("(See below.) Next one.", ["(See below.)", "Next one."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation that ends a sentence: the boundary is after the closing mark.
        ("He said, “Go.” Then he left.", ["He said, “Go.”", "Then he left."]),
        ("He asked, “Why?” Nobody answered.", ["He asked, “Why?”", "Nobody answered."]),
        ("“Go!” He said it twice.", ["“Go!”", "He said it twice."]),
        ("He said: “Stop.” “Why?” she asked.", ["He said: “Stop.”", "“Why?” she asked."]),
        ("“Go,” he said. “Now.”", ["“Go,” he said.", "“Now.”"]),
        ("He said ‘no.’ She agreed.", ["He said ‘no.’", "She agreed."]),
        ("He said 'no.' Then he left.", ["He said 'no.'", "Then he left."]),
        ("Dr. Lee said “it’s fine.” Then she left.", ["Dr. Lee said “it’s fine.”", "Then she left."]),
        (
            "“A boy asked me, ‘Does it sleep?’ and I said, ‘Yes,’” she said. It was late.",
            ["“A boy asked me, ‘Does it sleep?’ and I said, ‘Yes,’” she said.", "It was late."],
        ),
    ],
)
def test_quotations(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_apostrophes_do_not_confuse_the_splitter() -> None:
    text = "The ’90s were fun. Rock ’n’ roll ruled Busan’s clubs. The drivers’ union didn’t agree."
    assert sents(text) == [
        "The ’90s were fun.",
        "Rock ’n’ roll ruled Busan’s clubs.",
        "The drivers’ union didn’t agree.",
    ]


def test_spans_are_absolute_offsets_within_the_window() -> None:
    text = "prev.\n  First one. Second one.  \nnext"
    start, end = 6, text.index("\nnext")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0][0] == text.index("First")


def test_a_window_is_split_as_if_it_were_alone() -> None:
    # The first period in the window is the last character: no boundary is looked for past `end`.
    text = "Cut here. Not this."
    assert split_sentences(text, 0, 9) == [(0, 9)]


def test_line_breaks_inside_a_wrapped_paragraph() -> None:
    text = "The first sentence wraps\nonto a second line. The second\r\nsentence does too."
    assert sents(text) == [
        "The first sentence wraps\nonto a second line.",
        "The second\r\nsentence does too.",
    ]


def test_empty_and_blank_windows() -> None:
    assert split_sentences("", 0, 0) == []
    assert split_sentences("   \n\t ", 0, 6) == []
    assert split_sentences("abc", 1, 1) == []


def test_document_sentences_use_visible_text() -> None:
    # Masked text cannot end a sentence: the ". Then" inside the code span is not a boundary.
    doc = Document(
        "Run `make all. Then test` first. See www.example.com/A. Write to desk@example.com. Thanks.\n",
        "markdown",
    )
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts == [
        "Run `make all. Then test` first.",
        "See www.example.com/A.",
        "Write to desk@example.com.",
        "Thanks.",
    ]
    assert all(s.paragraph == 0 for s in doc.sentences)


# -- properties ------------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        *(" ", "  ", "\n", "\r\n", "\r", "\t", ".", "!", "?", "…", "...", "“", "”", "‘", "’", '"', "'"),
        *("(", ")", "[", "]", "The", "he", "U.S.", "a.m.", "No.", "Sept.", "F.", "Inc.", "3.5", "1"),
        *("Kim", "Police", "서울", "東京", "。", "😀", "𝄞", "é", "\u0301", "\u2028", "\x85", "\u00a0"),
    ]
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=60).map("".join))
_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(text=_TEXTS, data=st.data())
def test_split_invariants(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)), label="start")
    end = data.draw(st.integers(start, len(text)), label="end")
    spans = split_sentences(text, start, end)
    previous_end = start
    for s, e in spans:
        assert previous_end <= s < e <= end
        assert not text[s].isspace() and not text[e - 1].isspace()
        previous_end = e
    # Nothing but white space is left out.
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(start, end) if i not in covered)


@_SETTINGS
@given(body=_TEXTS)
def test_split_is_independent_of_what_surrounds_the_window(body: str) -> None:
    prefix, suffix = "Mr. Before the window.\n", "\nAfter. The window."
    text = prefix + body + suffix
    shifted = [
        (s - len(prefix), e - len(prefix))
        for s, e in split_sentences(text, len(prefix), len(prefix) + len(body))
    ]
    assert shifted == split_sentences(body, 0, len(body))


@given(
    st.text(alphabet=st.sampled_from("a.!?…\"”’'»)] \n\u00a0x"), max_size=20),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_candidates_are_the_patterns_matches(text: str, start: int, end: int) -> None:
    from tlqa.sentences import _CANDIDATE, _candidates

    end = min(max(start, end), len(text))
    start = min(start, end)
    assert _candidates(text, start, end) == [m.span() for m in _CANDIDATE.finditer(text, start, end)]
