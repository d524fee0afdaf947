"""Alignment with the source text (family `alignment`; needs `--source`).

The article's paragraphs are aligned with the source's once per article (tlqa.alignment: a
Gale–Church-style length alignment calibrated for ko/zh/ja → en, with numbers, Latin-script words,
romanised Korean names, e-mail addresses, sentence counts and quotation marks as anchors). Each rule
here reads one thing off that alignment: a source paragraph with no counterpart, an article paragraph
with no source, paragraphs merged or split, a length far from the pair's usual ratio, a quotation
dropped or added.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from tlqa import alignment as aligner
from tlqa.alignment import APPARATUS, BODY, Alignment, Bead
from tlqa.engine import Article
from tlqa.findings import Severity, Violation
from tlqa.rules import rule


def _alignment(article: Article, options: Mapping[str, Any]) -> Alignment | None:
    return aligner.for_article(article)


def _snippet(text: str, limit: int = 40) -> str:
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _source_text(article: Article, indices: Sequence[int]) -> str:
    src = article.source
    assert src is not None
    return "\n".join(src.text[src.paragraphs[i].start : src.paragraphs[i].end] for i in indices)


def _numbers(indices: Sequence[int]) -> str:
    """1-based paragraph numbers for a message: '4', '4 and 5', '4–6'."""
    ns = [i + 1 for i in indices]
    if len(ns) == 1:
        return str(ns[0])
    if len(ns) == 2:
        return f"{ns[0]} and {ns[1]}"
    return f"{ns[0]}–{ns[-1]}"


def _lines(article: Article, indices: Sequence[int]) -> list[int]:
    src = article.source
    assert src is not None
    return [src.paragraphs[i].first_line for i in indices]


def _target_span(article: Article, bead: Bead) -> tuple[int, int]:
    paras = article.target.paragraphs
    return paras[bead.target[0]].start, paras[bead.target[-1]].end


def _pair_name(alignment: Alignment) -> str:
    return f"{alignment.language}→en" if alignment.language else "source→en"


def _role(alignment: Alignment, side: str, index: int) -> int:
    features = alignment.source_features if side == "source" else alignment.target_features
    f = features.get(index)
    return f.role if f else APPARATUS


def _insertion_point(article: Article, beads: Sequence[Bead], position: int) -> tuple[int, int | None]:
    """Where the source paragraphs of beads[position] would have gone in the article: the start of the
    next article paragraph that has a counterpart (zero width), else the end of the last one. Also the
    index of the article paragraph before that point, if any."""
    paras = article.target.paragraphs
    before = next((b.target[-1] for b in reversed(beads[:position]) if b.target), None)
    after = next((b.target[0] for b in beads[position + 1 :] if b.target), None)
    if after is not None:
        return paras[after].start, before
    if before is not None:
        return paras[before].end, before
    return 0, None


@rule("A101", "omitted-paragraph", "alignment", Severity.WARNING, needs=("source",))
def omitted_paragraph(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Source paragraph with no counterpart in the article.

    A paragraph of running text in the source that the alignment cannot place against any article
    paragraph: the translation most likely left it out. Reported once for a run of consecutive missing
    paragraphs, as an insertion point where they would have gone (the start of the next article
    paragraph), with the source text as evidence. Headlines, bylines, captions, credits and copyright
    lines of the source are not reported when they have no counterpart: articles often carry them in
    other fields.

    Example:
        (source: three paragraphs; the article translates the first and the third)
        The city opened the festival on Friday.
        Police will close the beach road at 6 p.m.
    Write instead:
        The city opened the festival on Friday.
        More than 2,400 lanterns line the sand, and organizers expect 1.2 million visitors.
        Police will close the beach road at 6 p.m.

    Known false positives: a short source paragraph whose content the translation folded into a
    neighbouring paragraph, when lengths and anchors cannot tell the two apart (then the neighbour is
    usually reported as too long for its source, or as a merge).
    """
    alignment = _alignment(article, options)
    if alignment is None:
        return
    beads = alignment.beads
    k = 0
    while k < len(beads):
        run_start = k
        missing: list[int] = []
        while k < len(beads) and not beads[k].target:
            missing += [i for i in beads[k].source if _role(alignment, "source", i) == BODY]
            k += 1
        if k == run_start:
            k += 1
            continue
        if not missing:
            continue
        offset, before = _insertion_point(article, beads, k - 1)
        text = _source_text(article, missing)
        many = len(missing) > 1
        consecutive = missing == list(range(missing[0], missing[-1] + 1))
        label = _numbers(missing) if consecutive or not many else ", ".join(str(i + 1) for i in missing)
        yield Violation(
            offset,
            offset,
            f"Source paragraph{'s' if many else ''} {label} {'have' if many else 'has'} no counterpart "
            f"in the article: '{_snippet(text)}'",
            evidence={
                "source_paragraphs": [i + 1 for i in missing],
                "source_lines": _lines(article, missing),
                "source_text": text,
                "after_article_paragraph": before + 1 if before is not None else None,
            },
        )


def _unmatched_targets(article: Article, options: Mapping[str, Any], body: bool) -> Iterator[Violation]:
    alignment = _alignment(article, options)
    if alignment is None:
        return
    paras = article.target.paragraphs
    for position, bead in enumerate(alignment.beads):
        if bead.source:
            continue
        for t in bead.target:
            p = paras[t]
            text = article.target.visible[p.start : p.end]
            is_body = aligner.looks_like_body_text(text, p.kind)
            if is_body != body:
                continue
            before = next((b.source[-1] for b in reversed(alignment.beads[:position]) if b.source), None)
            after = next((b.source[0] for b in alignment.beads[position + 1 :] if b.source), None)
            evidence = {
                "previous_source_paragraph": before + 1 if before is not None else None,
                "next_source_paragraph": after + 1 if after is not None else None,
                "words": len(text.split()),
            }
            if body:
                message = f"Paragraph of {len(text.split())} words has no counterpart in the source"
            else:
                what = aligner.describe(text, p.kind)
                evidence["looks_like"] = what
                message = f"{what.capitalize()} has no counterpart in the source"
            yield Violation(p.start, p.end, message, evidence=evidence)


@rule("A102", "added-paragraph", "alignment", Severity.WARNING, needs=("source",))
def added_paragraph(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Article paragraph of running text with no counterpart in the source.

    A paragraph of at least eight words ending a sentence that the alignment cannot place against any
    source paragraph: something the translation (or the machine) added — context, a repeated
    paragraph, a hallucination. Headlines, bylines, captions and notes are A103's.

    Example:
        (source: two paragraphs)
        The city opened the festival on Friday.
        Critics have long said the festival costs too much and benefits few local businesses.
        Police will close the beach road at 6 p.m.
    Write instead:
        The city opened the festival on Friday.
        Police will close the beach road at 6 p.m.

    Known false positives: background a desk added on purpose.
    """
    yield from _unmatched_targets(article, options, body=True)


@rule("A103", "unmatched-apparatus", "alignment", Severity.INFO, needs=("source",))
def unmatched_apparatus(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Headline, byline, caption or note with no counterpart in the source.

    An article paragraph that is not running text (a headline, a byline, a photo caption or credit, a
    translation note, or a paragraph under eight words) and has no source counterpart. Usually
    legitimate — a desk adds its own byline and note — so this is for information.

    Example:
        Translated from the Nambu Ilbo using generative AI and edited by Harbor City Daily staff.
    Write instead:
        (nothing to change when the note is the desk's own)
    """
    yield from _unmatched_targets(article, options, body=False)


@rule("A111", "merged-paragraphs", "alignment", Severity.INFO, needs=("source",))
def merged_paragraphs(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Article paragraph that translates two source paragraphs.

    Editors merge paragraphs on purpose; reported for information, so that a merge that was not meant
    (or that hides an omission) can be checked against the source text given as evidence.

    Example:
        (source: two paragraphs, one on the closure and one on the trains)
        Police will close the road at 6 p.m., and Line 2 will run until 5 a.m.
    Write instead:
        Police will close the road at 6 p.m.
        Line 2 will run extra trains until 5 a.m.
    """
    alignment = _alignment(article, options)
    if alignment is None:
        return
    for bead in alignment.beads:
        if len(bead.source) == 2 and len(bead.target) == 1:
            start, end = _target_span(article, bead)
            lines = _lines(article, bead.source)
            yield Violation(
                start,
                end,
                f"Paragraph joins source paragraphs {_numbers(bead.source)} (lines {lines[0]}–{lines[1]})",
                evidence={
                    "source_paragraphs": [i + 1 for i in bead.source],
                    "source_text": _source_text(article, bead.source),
                },
            )


@rule("A112", "split-paragraph", "alignment", Severity.INFO, needs=("source",))
def split_paragraph(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Source paragraph split over two article paragraphs.

    Often intended (English news paragraphs are shorter); reported for information, with the source
    paragraph as evidence. The span covers both article paragraphs.

    Example:
        (source: one paragraph on the closure and the trains)
        Police will close the road at 6 p.m.
        Line 2 will run extra trains until 5 a.m.
    Write instead:
        Police will close the road at 6 p.m., and Line 2 will run extra trains until 5 a.m.
    """
    alignment = _alignment(article, options)
    if alignment is None:
        return
    for bead in alignment.beads:
        if len(bead.source) == 1 and len(bead.target) == 2:
            start, end = _target_span(article, bead)
            s = bead.source[0]
            yield Violation(
                start,
                end,
                f"Source paragraph {s + 1} (line {_lines(article, bead.source)[0]}) is split over this "
                "paragraph and the next",
                evidence={"source_paragraph": s + 1, "source_text": _source_text(article, bead.source)},
            )


@rule("A121", "length-ratio", "alignment", Severity.WARNING, needs=("source",))
def length_ratio(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Paragraph far shorter or longer than its source usually makes.

    Each language pair has a usual ratio of English characters to source characters (about 2.2 for
    Korean and Japanese, 3.3 for Chinese, white space left out; Latin letters and digits in the source
    count one for one). An article paragraph whose length is outside `length-ratio` times that
    (default 0.5 to 2.0) for a source paragraph of at least `min-length` characters (default 30)
    probably lost part of its source (a sentence left out) or gained something (a repetition, an
    explanation, a hallucination). Only for Korean, Chinese and Japanese sources, and only between
    paragraphs of running text.

    Example:
        (source: 120 Korean characters, two sentences)
        The city opened the festival on Friday.
    Write instead:
        The city opened the festival on Friday, and expects 1.2 million visitors by June 12.

    Known false positives: a source paragraph full of figures, lists of names or Hanja glosses, and
    deliberate condensing by an editor.
    """
    alignment = _alignment(article, options)
    if alignment is None or not alignment.profile.calibrated:
        return
    low, high = (float(x) for x in options.get("length-ratio", (0.5, 2.0)))
    min_length = int(options.get("min-length", 30))
    profile = alignment.profile
    for bead in alignment.beads:
        if not bead.source or not bead.target:
            continue
        if any(_role(alignment, "source", i) != BODY for i in bead.source) or any(
            _role(alignment, "target", t) != BODY for t in bead.target
        ):
            continue
        sf = [alignment.source_features[i] for i in bead.source]
        source_length = aligner.source_units(sum(f.length for f in sf), sum(f.ascii for f in sf), profile)
        if source_length < min_length:
            continue
        target_length = sum(alignment.target_features[t].length for t in bead.target)
        expected = profile.ratio * source_length
        relative = target_length / expected
        if low <= relative <= high:
            continue
        if relative < 1:
            how = f"{round(100 * relative)}% of the length its source usually gives"
        else:
            how = f"{relative:.1f} times the length its source usually gives"
        start, end = _target_span(article, bead)
        yield Violation(
            start,
            end,
            f"Paragraph is {how} ({target_length} characters for {round(source_length)} source characters; "
            f"{_pair_name(alignment)} usually about {profile.ratio:g} per character)",
            evidence={
                "source_paragraphs": [i + 1 for i in bead.source],
                "source_text": _source_text(article, bead.source),
                "characters": target_length,
                "source_characters": round(source_length, 1),
                "expected_characters": round(expected),
                "relative_length": round(relative, 2),
                "usual_range": [low, high],
            },
        )


def _target_quote_regions(article: Article, bead: Bead) -> list[tuple[int, int]]:
    """Double quotation regions (open, close offsets) inside the bead's article paragraphs."""
    doc = article.target
    spans = [(doc.paragraphs[t].start, doc.paragraphs[t].end) for t in bead.target]
    return [
        (r.open, r.close)
        for r in doc.quotations.regions
        if r.kind == "double" and any(s <= r.open < e for s, e in spans)
    ]


@rule("A201", "dropped-quotation", "alignment", Severity.WARNING, needs=("source",))
def dropped_quotation(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Quotation in the source paragraph, no quotation marks in its translation.

    The source paragraph quotes someone — double marks or corner brackets around at least
    `quotation-length` characters (default 6) that read as speech: a sentence or clause inside, a
    Korean sentence ending, a quotative after them ("…"고 말했다, 「…」と) or a colon before them
    (表示：“…”) — but the article paragraph aligned with it has no quotation mark at all: the quotation
    became indirect speech, or the attribution was lost with it. Quoted terms, titles and slogans
    (“芯片战”, "칩4 동맹"이라는) are not quotations here.

    Example:
        (source: 시장은 "봄까지 다리를 다시 짓겠다"고 말했다.)
        The mayor said the bridge would be rebuilt.
    Write instead:
        “We will rebuild the bridge by spring,” the mayor said.

    Known false positives: a quotation a desk paraphrased on purpose.
    """
    alignment = _alignment(article, options)
    if alignment is None:
        return
    q_length = int(options.get("quotation-length", aligner.QUOTATION_LENGTH))
    for bead in alignment.beads:
        if not bead.source or not bead.target:
            continue
        if any(alignment.target_features[t].quoted for t in bead.target):
            continue
        quotes = [
            q for i in bead.source for q in aligner.source_quotations(_source_text(article, [i]), q_length)
        ]
        if not quotes:
            continue
        start, end = _target_span(article, bead)
        yield Violation(
            start,
            end,
            f"Source paragraph {_numbers(bead.source)} quotes '{_snippet(quotes[0][1:-1], 30)}' but this "
            "paragraph has no quotation marks",
            evidence={
                "source_paragraphs": [i + 1 for i in bead.source],
                "source_quotations": quotes,
                "source_text": _source_text(article, bead.source),
            },
        )


@rule("A202", "added-quotation", "alignment", Severity.INFO, needs=("source",))
def added_quotation(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Quotation in the article whose source paragraph has no quotation marks.

    A double-quoted passage of four words or more in an article paragraph whose source paragraph has no
    quotation mark of any kind: reported speech in the source may have become a direct quotation,
    putting words in someone's mouth. For information: translators sometimes restore a quotation the
    source paraphrased from another report.

    Example:
        (source: 시장은 다리를 봄까지 다시 짓겠다고 말했다.)
        “We will rebuild the bridge by spring,” the mayor said.
    Write instead:
        The mayor said the bridge would be rebuilt by spring.
    """
    alignment = _alignment(article, options)
    if alignment is None:
        return
    text = article.target.text
    for bead in alignment.beads:
        if not bead.source or not bead.target:
            continue
        source = _source_text(article, bead.source)
        if aligner.has_source_quote_marks(source):
            continue
        for open_at, close_at in _target_quote_regions(article, bead):
            quoted = text[open_at + 1 : close_at]
            if len(quoted.split()) < 4:
                continue
            yield Violation(
                open_at,
                close_at + 1,
                f"Quotation {_snippet(text[open_at : close_at + 1], 30)} has no quotation marks in source "
                f"paragraph {_numbers(bead.source)}",
                evidence={"source_paragraphs": [i + 1 for i in bead.source], "source_text": source},
            )
