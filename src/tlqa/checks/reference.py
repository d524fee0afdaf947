"""Against a reference translation (family `reference`; needs `--reference`).

The scores themselves (BLEU, chrF, TER over paragraph pairs) are not findings: the engine puts them in
the report's `metrics`. The rules here point at the paragraphs worth a look: one that scores far below
the rest of the article, and a reference paragraph the article has nothing for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from tlqa import metrics
from tlqa.engine import Article
from tlqa.findings import Severity, Violation
from tlqa.rules import rule

_MIN_PAIRS = 3  # fewer paragraph pairs and "the article's chrF" is that of the paragraph itself


def _reference_text(article: Article, indices: Sequence[int]) -> str:
    ref = article.reference
    assert ref is not None
    return "\n".join(ref.text[ref.paragraphs[i].start : ref.paragraphs[i].end] for i in indices)


def _snippet(text: str, limit: int = 40) -> str:
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


@rule("R101", "low-chrf-paragraph", "reference", Severity.INFO, needs=("reference",))
def low_chrf_paragraph(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Paragraph whose chrF against the reference is far below the article's.

    chrF (character n-gram F-score) of each article paragraph against its reference paragraph, compared
    with the article's own corpus chrF: a paragraph `chrf-drop` points or more below it (default 25) is
    likely mistranslated, cut short or about something else. Paragraphs whose reference has fewer than
    `min-words` words (default 8: headlines, bylines) and articles with fewer than three paragraph pairs
    are not judged. For information: a different wording can be as right as the reference's.

    Example:
        (reference: The city expects 1.2 million visitors before the festival closes on June 12.)
        The festival closes soon.
    Write instead:
        The city expects about 1.2 million visitors before the festival closes on June 12.
    """
    scores = metrics.for_article(article)
    if scores is None:
        return
    paired = [p for p in scores.paragraphs if p.target and p.reference_paragraphs]
    if len(paired) < _MIN_PAIRS or scores.chrf != scores.chrf:  # NaN: nothing scored
        return
    drop = float(options.get("chrf-drop", 25.0))
    article_chrf = metrics.cli_round(scores.chrf)
    min_words = int(options.get("min-words", 8))
    paras = article.target.paragraphs
    for p in paired:
        if p.words < min_words or p.chrf > scores.chrf - drop:
            continue
        reference = _reference_text(article, p.reference_paragraphs)
        yield Violation(
            paras[p.target[0]].start,
            paras[p.target[-1]].end,
            f"chrF {metrics.cli_round(p.chrf):g} against the reference, "
            f"{metrics.cli_round(scores.chrf - p.chrf):g} below the article's {article_chrf:g}",
            evidence={
                "chrf": metrics.cli_round(p.chrf),
                "article_chrf": article_chrf,
                "reference_paragraphs": [i + 1 for i in p.reference_paragraphs],
                "reference_text": reference,
            },
        )


@rule("R102", "missing-reference-paragraph", "reference", Severity.INFO, needs=("reference",))
def missing_reference_paragraph(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Reference paragraph with no counterpart in the article.

    When the article and the reference have different numbers of paragraphs they are aligned (lengths
    and shared words); a reference paragraph left with no article paragraph is content the published
    version has and this one lacks — or a paragraph the desk added. Reported where it would have gone,
    with the reference text as evidence. For information.

    Example:
        (reference: three paragraphs; the article has the first and the third)
        The city opened the festival on Friday.
        Police will close the beach road at 6 p.m.
    Write instead:
        The city opened the festival on Friday.
        More than 2,400 lanterns line the sand, and organizers expect 1.2 million visitors.
        Police will close the beach road at 6 p.m.
    """
    scores = metrics.for_article(article)
    if scores is None:
        return
    paras = article.target.paragraphs
    items = scores.paragraphs
    for k, p in enumerate(items):
        if p.target:
            continue
        after = next((q.target[0] for q in items[k + 1 :] if q.target), None)
        before = next((q.target[-1] for q in reversed(items[:k]) if q.target), None)
        if after is not None:
            offset = paras[after].start
        elif before is not None:
            offset = paras[before].end
        else:
            offset = 0
        reference = _reference_text(article, p.reference_paragraphs)
        numbers = ", ".join(str(i + 1) for i in p.reference_paragraphs)
        yield Violation(
            offset,
            offset,
            f"Reference paragraph {numbers} has no counterpart in the article: '{_snippet(reference)}'",
            evidence={
                "reference_paragraphs": [i + 1 for i in p.reference_paragraphs],
                "reference_text": reference,
                "after_article_paragraph": before + 1 if before is not None else None,
            },
        )
