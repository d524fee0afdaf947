"""Reference metrics: BLEU, chrF and TER from sacrebleu, over paragraph pairs of the article and a
reference translation.

Segments: the article's prose paragraphs paired one to one with the reference's when both have as many,
otherwise the pairs the aligner finds (tlqa.alignment.align_same_language: lengths and shared words); a
paragraph merged with its neighbour on one side is one segment with the two joined by a space, and a
paragraph with no counterpart is scored against an empty segment (so an omission or an addition lowers
the scores, as it should). A segment is the paragraph's visible text (Markdown syntax, URLs and e-mail
addresses left out) on one line, white space collapsed. A pair with more than `LONG_SEGMENT` words on
either side is scored sentence by sentence, its sentences aligned the same way: TER's cost grows steeply
with segment length (seconds for a few hundred words). The whole article is never one segment.

The scores are sacrebleu's defaults (BLEU with 13a tokenization and exponential smoothing, chrF2, TER
case-insensitive), corpus-level over the segments, and rounded as `sacrebleu REF -i HYP -m bleu chrf ter`
prints them (one decimal): the same segments given to that command line print the same values. The
signatures are sacrebleu's own. sacrebleu is imported here only, and only when a reference is given.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tlqa.document import Document
    from tlqa.engine import Article

LONG_SEGMENT = 100  # words: a longer pair is scored sentence by sentence
WIDTH = 1  # decimals, as sacrebleu's command line prints by default


@dataclass(frozen=True, slots=True)
class Segment:
    """One scored pair: article text and reference text, and the paragraphs they come from."""

    hypothesis: str
    reference: str
    target: tuple[int, ...]  # article paragraph indices (empty: a reference paragraph with no counterpart)
    reference_paragraphs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ParagraphScore:
    """chrF of one paragraph pair (before any sentence splitting)."""

    target: tuple[int, ...]
    reference_paragraphs: tuple[int, ...]
    chrf: float
    words: int  # words of the reference side


@dataclass(frozen=True, slots=True)
class ArticleScores:
    bleu: float
    chrf: float
    ter: float
    signatures: dict[str, str]
    segments: tuple[Segment, ...]
    paragraphs: tuple[ParagraphScore, ...]
    pairing: str  # "one-to-one" or "aligned"

    def as_report(self) -> dict[str, Any]:
        """The JSON report's `metrics` object."""
        return {
            "bleu": cli_round(self.bleu),
            "chrf": cli_round(self.chrf),
            "ter": cli_round(self.ter),
            "signature": dict(self.signatures),
            "segments": len(self.segments),
            "pairing": self.pairing,
            "paragraph_chrf": [  # pairs only: a paragraph with no counterpart has no chrF of its own
                {
                    "paragraphs": list(p.target),
                    "reference_paragraphs": list(p.reference_paragraphs),
                    "chrf": cli_round(p.chrf),
                }
                for p in self.paragraphs
                if p.target and p.reference_paragraphs
            ],
        }


def cli_round(score: float) -> float:
    """A score as sacrebleu's command line prints it (`--width 1`); NaN stays NaN."""
    return float(f"{score:.{WIDTH}f}") if math.isfinite(score) else score


def segment_text(doc: Document, start: int, end: int) -> str:
    return " ".join(doc.visible[start:end].split())


def _paragraph_pairs(article: Article) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...]]], str]:
    """(article paragraphs, reference paragraphs) pairs, in order, and how they were paired."""
    from tlqa import alignment

    reference = article.reference
    assert reference is not None
    ours = [p.index for p in alignment.prose_paragraphs(article.target)]
    theirs = [p.index for p in alignment.prose_paragraphs(reference)]
    if len(ours) == len(theirs):
        return [((t,), (r,)) for t, r in zip(ours, theirs, strict=True)], "one-to-one"
    aligned = alignment.reference_alignment(article)
    assert aligned is not None
    return [(b.target, b.source) for b in aligned.beads], "aligned"


def _text(doc: Document, indices: Sequence[int]) -> str:
    return " ".join(segment_text(doc, doc.paragraphs[i].start, doc.paragraphs[i].end) for i in indices)


def _sentence_spans(doc: Document, indices: Sequence[int]) -> list[tuple[int, int]]:
    wanted = set(indices)
    return [(s.start, s.end) for s in doc.sentences if s.paragraph in wanted]


def _split_long(
    article: Article, target: tuple[int, ...], refs: tuple[int, ...], hyp: str, ref: str
) -> list[Segment]:
    """A long pair as sentence pairs (aligned), or as it is when it has no sentences to split at."""
    from tlqa import alignment

    reference = article.reference
    assert reference is not None
    t_spans = _sentence_spans(article.target, target)
    r_spans = _sentence_spans(reference, refs)
    if len(t_spans) <= 1 and len(r_spans) <= 1:
        return [Segment(hyp, ref, target, refs)]
    out = []
    for bead in alignment.align_spans(reference, r_spans, article.target, t_spans):
        h = " ".join(segment_text(article.target, *t_spans[i]) for i in bead.target)
        r = " ".join(segment_text(reference, *r_spans[i]) for i in bead.source)
        out.append(Segment(h, r, target, refs))
    return out


def article_segments(
    article: Article,
) -> tuple[list[Segment], list[tuple[tuple[int, ...], tuple[int, ...], str, str]], str]:
    """The scored segments, the paragraph pairs (with their texts) and the pairing used."""
    reference = article.reference
    assert reference is not None
    pairs, pairing = _paragraph_pairs(article)
    segments: list[Segment] = []
    paragraph_pairs = []
    for target, refs in pairs:
        hyp, ref = _text(article.target, target), _text(reference, refs)
        paragraph_pairs.append((target, refs, hyp, ref))
        if max(len(hyp.split()), len(ref.split())) > LONG_SEGMENT:
            segments.extend(_split_long(article, target, refs, hyp, ref))
        else:
            segments.append(Segment(hyp, ref, target, refs))
    return segments, paragraph_pairs, pairing


def corpus_scores(
    hypotheses: Sequence[str], references: Sequence[str]
) -> tuple[dict[str, float], dict[str, str], list[float]]:
    """BLEU, chrF and TER of the segments (unrounded; NaN when there are none: the report leaves them
    out), their signatures, with sacrebleu's defaults, and each segment's chrF."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    scores: dict[str, float] = {}
    signatures: dict[str, str] = {}
    segment_chrf: list[float] = []
    hyps, refs = list(hypotheses), [list(references)]
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
        if not hyps:  # sacrebleu cannot score an empty corpus, nor sign a metric it has not run
            metric.corpus_score([""], [[""]])
            scores[name] = math.nan
        elif name == "chrf":
            scores[name], segment_chrf = _chrf_with_segments(metric, hyps, refs)
        else:
            scores[name] = metric.corpus_score(hyps, refs).score
        signatures[name] = metric.get_signature().format()
    return scores, signatures, segment_chrf


def _chrf_with_segments(metric: Any, hyps: list[str], refs: list[list[str]]) -> tuple[float, list[float]]:
    """The corpus chrF and each segment's, from one pass over the segments: corpus_score is these two
    steps (statistics per segment, then their sum scored), which sacrebleu's own significance tests use
    as well. Should a sacrebleu version lack them, the public calls give the same figures."""
    try:
        stats = metric._extract_corpus_statistics(hyps, refs)
        corpus = metric._aggregate_and_compute(stats).score
        return corpus, [metric._aggregate_and_compute([row]).score for row in stats]
    except AttributeError:
        corpus = metric.corpus_score(hyps, refs).score
        return corpus, [metric.sentence_score(h, [r]).score for h, r in zip(hyps, refs[0], strict=True)]


def _compute(article: Article) -> ArticleScores:
    segments, paragraph_pairs, pairing = article_segments(article)
    hyps, refs = [s.hypothesis for s in segments], [s.reference for s in segments]
    scores, signatures, segment_chrf = corpus_scores(hyps, refs)
    by_pair: dict[tuple[tuple[int, ...], tuple[int, ...]], list[int]] = {}
    for k, s in enumerate(segments):
        by_pair.setdefault((s.target, s.reference_paragraphs), []).append(k)
    paragraphs = []
    for target, ref_paragraphs, _hyp, ref in paragraph_pairs:
        ks = by_pair.get((target, ref_paragraphs), [])
        paragraphs.append(
            ParagraphScore(target, ref_paragraphs, _pair_chrf(ks, segments, segment_chrf), len(ref.split()))
        )
    return ArticleScores(
        scores["bleu"], scores["chrf"], scores["ter"], signatures, tuple(segments), tuple(paragraphs), pairing
    )


def _pair_chrf(ks: list[int], segments: Sequence[Segment], segment_chrf: list[float]) -> float:
    """A paragraph pair's chrF: its segment's, or for a long pair scored sentence by sentence, chrF over
    its sentence segments together."""
    if not ks:
        return 0.0
    if len(ks) == 1:
        return segment_chrf[ks[0]]
    from sacrebleu.metrics import CHRF

    return (
        CHRF().corpus_score([segments[k].hypothesis for k in ks], [[segments[k].reference for k in ks]]).score
    )


def for_article(article: Article) -> ArticleScores | None:
    """The article's scores against its reference (None without one), computed once per article."""
    reference = article.reference
    if reference is None:
        return None
    from tlqa.alignment import cached_for_pair

    return cached_for_pair(article.target, "metrics:reference", reference, lambda: _compute(article))


def report_metrics(article: Article) -> dict[str, Any] | None:
    """What the engine puts in FileReport.metrics."""
    scores = for_article(article)
    return scores.as_report() if scores is not None else None
