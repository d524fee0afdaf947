"""Stray fragments: captions in the body, torn and truncated sentences, orphan lines, repeated text,
machine-translation artefacts and leftover markup (family `fragments`).

Everything here reads the paragraph kinds of tlqa.structure (headline, subhead, dateline, byline,
caption, image, editor's note, disclosure, artefact, list item, body): furniture is never a fragment.
A file with one paragraph to a line is read line by line, so a sentence torn over three lines shows
as three paragraphs; a hard-wrapped file (or one with blank lines between wrapped paragraphs) is read
by blocks, so its wrapping is never taken for a tear (see tlqa.document).

Where a caption may stand: in the article's head, that is under a headline and before the first body
paragraph (where the house layout puts the lead photo), and right under an image. A caption anywhere
else is a caption pasted into the body: between body paragraphs, and also as the very first paragraph
of a text with no headline (there the text *is* the body, and a reader meets a photo description as the
story's first sentence). `[fragments] caption-places` changes this.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tlqa import lazyre
from tlqa.document import Document, Paragraph
from tlqa.engine import Article
from tlqa.findings import Applicability, Severity, Suggestion, Violation
from tlqa.rules import rule
from tlqa.scan import has_any
from tlqa.structure import (
    ENDLESS,
    TEXT_KINDS,
    caption_credit,
    crude_pieces,
    find_artefacts,
    glued_credit,
    is_terminated,
    last_word,
    sentences_in,
    starts_lower,
    title_like,
    word_count,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that open the rest of a sentence torn off its start ("On May 1st, with …" after "… videos on
# YouTube"): prepositions, conjunctions, relative words and participles, not subjects.
_RESTART_WORDS = _words(
    """
    on in at with for from by to into onto after before during since until till while which who whom
    whose where when that as and but or nor than because although though whether if amid amidst
    despite following including according hoping aiming seeking citing saying adding calling urging
    using via against among between about over under through toward towards without within across
    along around
    """
)


def _snip(s: str, words: int = 4, tail: bool = False) -> str:
    parts = s.split()
    if len(parts) <= words:
        return " ".join(parts)
    return ("…" + " ".join(parts[-words:])) if tail else (" ".join(parts[:words]) + "…")


# -- the analysis shared by the rules ------------------------------------------------------------------------


@dataclass
class _Tear:
    members: list[int]  # paragraph indices
    end: int  # offset where the torn sentence ends
    restart: int | None = None  # a capitalised paragraph whose first sentence finishes it


@dataclass
class _Analysis:
    kinds: list[str]
    texts: list[str]
    captions: list[tuple[int, str, str | None]] = field(default_factory=list)  # (index, credit, where)
    tears: list[_Tear] = field(default_factory=list)
    in_tear: set[int] = field(default_factory=set)


def _analyse(doc: Document, options: Mapping[str, Any]) -> _Analysis:
    credits = tuple(options.get("caption-credits") or ())
    places = tuple(options.get("caption-places") or ())
    key = f"fragments:{credits!r}:{places!r}"
    return doc.derived(key, lambda d: _build(d, credits, places))


def _build(doc: Document, credits: Sequence[str], places: Sequence[str]) -> _Analysis:
    paras = doc.paragraphs
    vis = doc.visible
    texts = [vis[p.start : p.end] for p in paras]
    kinds = [p.kind for p in paras]
    if credits:  # the house's own credits make captions of what the built-in patterns left as body
        for i, k in enumerate(kinds):
            if k in ("body", "subhead", "headline") and caption_credit(texts[i], credits):
                kinds[i] = "caption"
    a = _Analysis(kinds, texts)
    _find_captions(a, paras, places)
    _find_tears(a, doc)
    return a


def _find_captions(a: _Analysis, paras: Sequence[Paragraph], places: Sequence[str]) -> None:
    kinds = a.kinds
    prose = [i for i, k in enumerate(kinds) if k not in ("artefact", "code")]
    first = prose[0] if prose else None
    text_at = [i for i, k in enumerate(kinds) if k in TEXT_KINDS]
    first_text = text_at[0] if text_at else len(kinds)
    last_text = text_at[-1] if text_at else -1
    has_headline = first is not None and kinds[first] in ("headline", "heading")
    for i, k in enumerate(kinds):
        if k != "caption":
            continue
        credit = caption_credit(a.texts[i]) or ""
        j = i - 1
        while j >= 0 and kinds[j] == "caption":
            j -= 1
        in_head = has_headline and first is not None and first < i < first_text
        under_image = j >= 0 and kinds[j] == "image"
        after_body = i > last_text >= 0
        credit_alone = a.texts[i].strip() == credit
        if (
            ("head" in places and in_head)
            or ("image" in places and under_image)
            or ("end" in places and after_body)
            or (credit_alone and after_body)  # "(Yonhap)" under the story: a credit for the text
        ):
            where = None
        elif i == first:
            where = "it opens the text, with no headline above it"
        elif i > last_text:
            where = "after the end of the body"
        else:
            before = max((t for t in text_at if t < i), default=None)
            after = min((t for t in text_at if t > i), default=None)
            if before is not None and after is not None:
                lines = f"{paras[before].first_line} and {paras[after].first_line}"
                where = f"between body paragraphs (lines {lines})"
            else:
                where = "in the body"
        a.captions.append((i, credit, where))


def _find_tears(a: _Analysis, doc: Document) -> None:
    """Chains of body lines that make one sentence: a line that stops without terminal punctuation,
    continued by lines that start in lower case, and perhaps finished by a capitalised restart."""
    kinds, texts, paras = a.kinds, a.texts, doc.paragraphs
    n = len(paras)
    i = 0
    while i < n:
        if kinds[i] != "body" or is_terminated(texts[i]) or starts_lower(texts[i]):
            i += 1
            continue
        members = [i]
        j = i + 1
        while (
            j < n and kinds[j] == "body" and not is_terminated(texts[members[-1]]) and starts_lower(texts[j])
        ):
            members.append(j)
            j += 1
        last = members[-1]
        restart = None
        if (
            not is_terminated(texts[last])
            and j < n
            and kinds[j] == "body"
            and (len(members) > 1 or last_word(texts[last]) in ENDLESS)
            and _first_word(texts[j]) in _RESTART_WORDS
        ):
            restart = j
        if len(members) > 1 or restart is not None:
            if restart is not None:
                end = next((s.end for s in sentences_in(doc, [restart])), paras[restart].end)
            else:
                end = paras[last].end
            a.tears.append(_Tear(members, end, restart))
            a.in_tear.update(members)
            if restart is not None:
                a.in_tear.add(restart)
            i = (restart + 1) if restart is not None else j
        else:
            i += 1


def _first_word(s: str) -> str:
    m = re.match(r"[\W_]*([\w’'-]+)", s)
    return m.group(1).lower() if m else ""


# -- F1xx: things that do not belong in the body -----------------------------------------------------------


@rule("F101", "caption-in-body", "fragments", Severity.WARNING)
def caption_in_body(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Photo caption with its credit pasted into the body.

    A paragraph that describes a photo or graphic and ends in its credit ([YONHAP], [AP/YONHAP],
    [NEWS1], [SCREEN CAPTURE], [JOONGANG PHOTO], (Yonhap), "Source: …") belongs under its picture. A
    caption is in its place in the article's head (under the headline, before the first body
    paragraph) and right under an image; anywhere else it was pasted into the body with the text.
    The first paragraph of a text with no headline above it is the body's first paragraph: a caption
    there reads as the story's opening sentence, and is reported too. A credit standing alone under
    the story ("(Yonhap)") credits the text and passes.

    Example:
        CIA Director John Ratcliffe speaks in Washington on April 30. [AP/YONHAP]
        According to The New York Times, the videos reflect efforts by the CIA.
    Write instead:
        According to The New York Times, the videos reflect efforts by the CIA.

    Known false positives: a layout that keeps captions at the end of the text (set
    `[fragments] caption-places = ["head", "image", "end"]`); credits the house writes another way
    can be added with `caption-credits`.
    """
    a = _analyse(article.target, options)
    paras = article.target.paragraphs
    for i, credit, where in a.captions:
        if where is None:
            continue
        p = paras[i]
        kind = (
            "Graphic caption"
            if credit.lstrip("( [").startswith(("Source", "Figure", "Chart"))
            else "Photo caption"
        )
        yield Violation(
            p.start,
            p.end,
            f"{kind} with its credit {credit!r} in the body of the article",
            evidence={"credit": credit, "position": where, "line": p.first_line},
        )


@rule("F102", "credit-glued-to-title", "fragments", Severity.WARNING)
def credit_glued_to_title(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Graphic title and its source credit run together on one line.

    A chart or photo title followed on the same line by its credit ("… in 2022 Source: survey
    report"): the line break between the two was lost in translation, and the credit reads as part of
    the title. Reported for captions in their place; a caption in the body is F101's.

    Example:
        Top 10 countries for returning students in 2022 Source: 2022 Returnee Employment Report
    Write instead:
        Top 10 countries for returning students in 2022
        Source: 2022 Returnee Employment Report
    """
    a = _analyse(article.target, options)
    paras = article.target.paragraphs
    for i, _credit, where in a.captions:
        if where is not None:
            continue
        glued = glued_credit(a.texts[i])
        if glued is None:
            continue
        offset, credit = glued
        p = paras[i]
        start = p.start + offset
        title = a.texts[i][:offset].rstrip()
        yield Violation(
            start,
            start + len(credit),
            f"Credit {_snip(credit, 3)!r} runs on from the title {_snip(title, 3, tail=True)!r} on one line",
            suggestion=Suggestion("\n" + credit, Applicability.UNSAFE),
            evidence={"title": title, "credit": credit},
        )


@rule("F103", "translation-artefact", "fragments", Severity.ERROR)
def translation_artefact(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Machine-translation or language-model leftover in the copy.

    What a model says around its answer, pasted with the answer: a preamble ("Sure! Here is the
    English translation of the article:"), a label ("Translation:", "[번역]"), a translator's note
    ("Note: the original uses a pun…", "Translator's note:"), or a remark about itself ("As an AI
    language model, …", "I hope this helps"). None of it is the article. The disclosure footer
    ("Translated from the JoongAng Ilbo using generative AI and edited by…") is not an artefact.

    Example:
        Sure! Here is the English translation of the article:
        SEOUL — The central bank held its key rate on Thursday.
    Write instead:
        SEOUL — The central bank held its key rate on Thursday.

    Known false positives: a story about translation that opens a paragraph with "Translation:".
    """
    text = article.target.text
    for art in find_artefacts(article.target):
        yield Violation(
            art.start,
            art.end,
            f"Left over from machine translation: {art.what} {_snip(text[art.start : art.end], 8)!r}",
            suggestion=Suggestion("", Applicability.UNSAFE),
            evidence={"artefact": art.what, "whole_paragraph": art.whole},
        )


_TAG_NAMES = (
    "p|br|hr|b|i|u|s|em|strong|span|div|a|font|img|sup|sub|small|big|h[1-6]|li|ul|ol|dl|dt|dd|table|tr|td|th|"
    "tbody|thead|blockquote|figure|figcaption|center|iframe|script|style|section|article|header|footer"
)
_HTML_TAG = lazyre.compile(rf"</?(?:{_TAG_NAMES})\b(?:\s[^<>\n]{{0,200}})?/?>", re.I)
_ENTITY = lazyre.compile(
    r"&(?:nbsp|amp|quot|apos|lt|gt|ndash|mdash|lsquo|rsquo|ldquo|rdquo|hellip|middot|bull|laquo|raquo|"
    r"copy|reg|trade|times|deg|#\d{2,6}|#x[0-9a-fA-F]{2,5})(?:;|(?![\w]))"
)
_PLACEHOLDER = lazyre.compile(
    r"\{\{[^{}\n]{0,60}\}\}|\$\{[^{}\n]{1,60}\}|\{\d\}|\{[a-z_][a-z0-9_]{0,30}\}"
    r"|(?<![\w%])%[sd](?![\w])"
    r"|<unk>|<\|[a-z_]{2,30}\|>|</s>|<s>|<pad>"
    r"|(?<=\w)@@ (?=\w)|▁(?=\w)"
)
_PLACEHOLDER_LEADS = ("{", "%s", "%d", "<", "@@", "▁")
_BRACKET_PLACEHOLDER = lazyre.compile(
    r"\[(?:PLACEHOLDER|TODO|TK|TBD|INSERT[^\]\n]{0,30}|NAME|DATE|LINK|URL|XX+|xx+|UNK|MASK|CLS|SEP)\]"
)
_MOJIBAKE = lazyre.compile(
    r"â€[™œ\x9d”“˜¦¢•\x93\x94\x98\x99\"']|â€(?=\s)|Ã[\x80-\xbf©¨ª«®±²³´µ¶·¸¹º»¼½¾¿]|Â[\xa0°£©®±·»«]"
    r"|¡[°±®¯ª¤¶]|\ufffd"
)
_MOJIBAKE_LEAD = "âÃÂ¡\ufffd"


@rule("F104", "leftover-markup", "fragments", Severity.WARNING)
def leftover_markup(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Leftover markup or a template placeholder in the text.

    HTML tags in a plain-text article (`<br>`, `</p>`, `<span class=…>`), character entities that were
    never decoded (`&nbsp;`, `&#8212;`), and placeholders a pipeline forgot to fill or a model left
    behind (`{{name}}`, `{0}`, `%s`, `[TK]`, `[PLACEHOLDER]`, `<unk>`, `[UNK]`, `</s>`). Markdown
    articles may carry HTML tags; their entities and placeholders are still reported.

    Example:
        The ministry said exports rose&nbsp;5 percent in {month}.<br>
    Write instead:
        The ministry said exports rose 5 percent in May.
    """
    doc = article.target
    vis = doc.visible
    patterns = [("placeholder", _BRACKET_PLACEHOLDER)]
    if any(lead in vis for lead in _PLACEHOLDER_LEADS):
        patterns.append(("placeholder", _PLACEHOLDER))
    if "&" in vis:
        patterns.append(("character entity", _ENTITY))
    if doc.format != "markdown" and "<" in vis:
        patterns.append(("HTML tag", _HTML_TAG))
    found = sorted((m.start(), m.end(), what) for what, pattern in patterns for m in pattern.finditer(vis))
    for start, end, what in found:
        p = doc.paragraph_at(start)
        if p is None or not p.is_prose:
            continue
        token = vis[start:end]
        yield Violation(
            start,
            end,
            f"Leftover {what} {token!r} in the text",
            suggestion=_entity_fix(token) if what == "character entity" else None,
            evidence={"markup": token, "kind": what},
        )


def _entity_fix(token: str) -> Suggestion | None:
    import html

    plain = html.unescape(token if token.endswith(";") else token + ";")
    if plain == token or plain == token + ";":
        return None
    plain = " " if plain == "\xa0" else plain
    return Suggestion(plain, Applicability.SAFE)


@rule("F105", "garbled-characters", "fragments", Severity.WARNING)
def garbled_characters(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Garbled characters (mojibake) from text decoded in the wrong encoding.

    UTF-8 read as Windows-1252 turns curly quotes and dashes into `â€™`, `â€œ`, `â€”` and accented
    letters into `Ã©`; Chinese GB2312 read as Latin-1 turns “ ” into `¡°` `¡±`; a character that could not
    be decoded at all becomes `�`. The sequences are reported where they stand; the fix is to
    re-export the text in the right encoding.

    Example:
        The ministry called it an â€œunprecedentedâ€ step.
    Write instead:
        The ministry called it an “unprecedented” step.
    """
    doc = article.target
    vis = doc.visible
    if vis.isascii() or not has_any(vis, _MOJIBAKE_LEAD):
        return
    for m in _MOJIBAKE.finditer(vis):
        p = doc.paragraph_at(m.start())
        if p is None or not p.is_prose:
            continue
        yield Violation(
            m.start(),
            m.end(),
            f"Garbled characters {m.group(0)!r}: text decoded in the wrong encoding",
            evidence={"sequence": m.group(0)},
        )


# -- F2xx: broken sentences ---------------------------------------------------------------------------------


@rule("F201", "torn-sentence", "fragments", Severity.ERROR)
def torn_sentence(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """One sentence torn across several lines.

    A line stops without terminal punctuation and the next line carries on with the same sentence: it
    starts in lower case ("videos on YouTube"), or, after such a fragment, a capitalised restart that
    only finishes the sentence ("On May 1st, with …"). Reported once for the whole torn sentence, from
    its first line to the end of the sentence; the suggestion joins the pieces. A file wrapped on
    purpose (blank lines between paragraphs wrapped at a steady width) is read by paragraphs, and its
    line breaks are not tears.

    Example:
        The CIA released a pair of Chinese Mandarin-language
        videos on YouTube
        On May 1, with the intention of enlisting support from within the government.
    Write instead:
        The CIA released a pair of Chinese Mandarin-language videos on YouTube on May 1, with the
        intention of enlisting support from within the government.
    """
    doc = article.target
    a = _analyse(doc, options)
    paras = doc.paragraphs
    for tear in a.tears:
        pieces = [a.texts[i].strip() for i in tear.members]
        lines = [paras[i].first_line for i in tear.members]
        restart_word = None
        if tear.restart is not None:
            rest = doc.visible[paras[tear.restart].start : tear.end].strip()
            restart_word = rest.split()[0] if rest.split() else None
            pieces.append(rest)
            lines.append(paras[tear.restart].first_line)
        shown = " / ".join(
            repr(_snip(piece, 3, tail=True) if k == 0 else _snip(piece, 3)) for k, piece in enumerate(pieces)
        )
        start = paras[tear.members[0]].start
        if tear.restart is not None and pieces[-1][:1].isupper() and pieces[-1][1:2].islower():
            pieces[-1] = pieces[-1][0].lower() + pieces[-1][1:]  # "On May 1st" continues: "on May 1st"
        joined = " ".join(pieces)
        msg = f"Sentence torn over {len(lines)} lines ({lines[0]}–{lines[-1]}): {shown}"
        if tear.restart is None and not is_terminated(a.texts[tear.members[-1]]):
            msg += ", and it never ends"
        yield Violation(
            start,
            tear.end,
            msg,
            suggestion=Suggestion(joined, Applicability.UNSAFE),
            evidence={
                "lines": lines,
                "breaks_after": [_snip(a.texts[i], 2, tail=True) for i in tear.members],
                "capitalised_restart": restart_word,
            },
        )


# Section breaks (* * *, ***, ---, ###), and marks alone (a stray ” is the quotes family's to judge).
_NO_LETTERS_OK = lazyre.compile(r"^[\s*#~=_—–•·\"“”‘’'()\[\]-]+$")


@rule("F202", "orphan-line", "fragments", Severity.WARNING)
def orphan_line(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Orphan line: neither a sentence nor a headline, subhead, dateline, byline or list item.

    A body line that starts in lower case after a finished sentence (its beginning is missing, or it
    was split off a sentence elsewhere), or a line of stray digits and symbols (a page number, "- 2 -").
    Brands that start in lower case (iPhone, eBay) and name particles (de, van, al-) are not orphans;
    section breaks (`* * *`) are not either, nor a line holding only a quotation mark (the quotes
    family judges those).

    Example:
        The agency released a pair of videos.
        on YouTube
    Write instead:
        The agency released a pair of videos on YouTube.
    """
    a = _analyse(article.target, options)
    paras = article.target.paragraphs
    for i, k in enumerate(a.kinds):
        if k != "body" or i in a.in_tear:
            continue
        s = a.texts[i]
        p = paras[i]
        if starts_lower(s):
            yield Violation(
                p.start,
                p.end,
                f"Line starts mid-sentence, in lower case: {_snip(s, 5)!r}",
                evidence={"line": p.first_line, "first_word": _first_word(s)},
            )
        elif not any(ch.isalpha() for ch in s) and not _NO_LETTERS_OK.match(s):
            yield Violation(
                p.start,
                p.end,
                f"Stray line with no words: {s.strip()[:20]!r}",
                evidence={"line": p.first_line},
            )


@rule("F203", "truncated-sentence", "fragments", Severity.WARNING)
def truncated_sentence(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Sentence cut off: a paragraph, or the article, ends mid-sentence.

    A body paragraph that stops without terminal punctuation, and that is not a title (a headline, a
    deck or a short subhead: no closing full stop is right for those), not a list item, and not torn
    onto the next line (that is F201). Machine translation and copy pasted from a CMS lose the end of
    a sentence this way.

    Example:
        The company said it would invest
        Shares rose 3 percent on Friday.
    Write instead:
        The company said it would invest 2 trillion won in the plant.
        Shares rose 3 percent on Friday.

    Known false positives: a long subhead written as a sentence without a full stop.
    """
    a = _analyse(article.target, options)
    paras = article.target.paragraphs
    text_at = [i for i, k in enumerate(a.kinds) if k in TEXT_KINDS]
    last_text = text_at[-1] if text_at else -1
    for i, k in enumerate(a.kinds):
        if k != "body" or i in a.in_tear:
            continue
        s = a.texts[i].rstrip()
        if is_terminated(s) or starts_lower(s) or word_count(s) < 3 or not any(ch.isalpha() for ch in s):
            continue  # (a line with no words is F202's or a section break)
        if article.target.format == "markdown" and title_like(s) and s[-1:] not in ",-–—(":
            continue  # a short unpunctuated line in Markdown: a title its author did not mark up
        p = paras[i]
        where = "Article ends" if i == last_text else "Paragraph ends"
        yield Violation(
            p.start,
            p.end,
            f"{where} mid-sentence: {_snip(s, 5, tail=True)!r}",
            evidence={"line": p.first_line, "last_word": last_word(s)},
        )


# -- F3xx: repeated text ------------------------------------------------------------------------------------


def _norm(s: str) -> str:
    """Case, spacing and the shape of quotation marks ignored."""
    if not s.isascii():  # (first: lower() is many times faster on an ASCII text)
        s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = s.lower()
    if "  " in s or "\n" in s or "\t" in s or "\r" in s or "\u00a0" in s:
        s = " ".join(s.split())
    return s.strip("\"'()[] ")


def _normalised_paragraphs(doc: Document) -> list[str]:
    """Every paragraph's text, normalised (see _norm), once per document."""
    return doc.derived("fragments:normalised", _normalise_paragraphs)


def _normalise_paragraphs(doc: Document) -> list[str]:
    # Plain quotation marks and lower case for the whole text at once, then each paragraph's slice: the
    # same as _norm on each paragraph, in two passes instead of one per paragraph. The marks go first:
    # they are often all that makes an English text non-ASCII, and lower() is many times faster on
    # ASCII. (Lower-casing can lengthen a text, "İ" -> "i̇", which would shift the slices: then
    # paragraph by paragraph.)
    vis = doc.visible
    plain = (
        vis if vis.isascii() else vis.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    )
    low = plain.lower()
    if len(low) != len(vis):
        return [_norm(vis[p.start : p.end]) for p in doc.paragraphs]
    out = []
    for p in doc.paragraphs:
        s = low[p.start : p.end]
        if "  " in s or "\n" in s or "\t" in s or "\r" in s or "\u00a0" in s:
            s = " ".join(s.split())
        out.append(s.strip("\"'()[] "))
    return out


def _duplicate_paragraphs(doc: Document, kinds: Sequence[str]) -> dict[int, int]:
    """Paragraph index -> the index of its first occurrence, for repeats of 5 words or more."""
    return doc.derived("fragments:duplicate-paragraphs", lambda d: _find_duplicate_paragraphs(d, kinds))


def _find_duplicate_paragraphs(doc: Document, kinds: Sequence[str]) -> dict[int, int]:
    seen: dict[str, int] = {}
    out: dict[int, int] = {}
    normalised = _normalised_paragraphs(doc)
    for i in range(len(doc.paragraphs)):
        if kinds[i] not in TEXT_KINDS and kinds[i] != "caption":
            continue
        key = normalised[i]
        if key.count(" ") < 4:
            continue
        if key in seen:
            out[i] = seen[key]
        else:
            seen[key] = i
    return out


@rule("F301", "duplicated-paragraph", "fragments", Severity.WARNING)
def duplicated_paragraph(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Paragraph printed twice.

    The same paragraph (ignoring case, spacing and the shape of quotation marks) appears again later
    in the article: a segment the pipeline sent twice, or a paste repeated. The later copy is reported.

    Example:
        The central bank held its key rate at 3.5 percent on Thursday.
        Analysts had expected the hold.
        The central bank held its key rate at 3.5 percent on Thursday.
    Write instead:
        The central bank held its key rate at 3.5 percent on Thursday.
        Analysts had expected the hold.
    """
    doc = article.target
    a = _analyse(doc, options)
    paras = doc.paragraphs
    for i, first in _duplicate_paragraphs(doc, a.kinds).items():
        p = paras[i]
        yield Violation(
            p.start,
            p.end,
            f"Paragraph repeated from line {paras[first].first_line}: {_snip(a.texts[i], 6)!r}",
            suggestion=Suggestion("", Applicability.UNSAFE),
            evidence={"first_line": paras[first].first_line},
        )


@rule("F302", "duplicated-sentence", "fragments", Severity.WARNING)
def duplicated_sentence(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Sentence repeated in the article.

    A sentence of at least `[fragments] duplicate-min-words` words (8 by default) that already appeared
    earlier, ignoring case, spacing and the shape of quotation marks. Short stock sentences ("He
    declined to comment.") are below the threshold; a repeated whole paragraph is F301's.

    Example:
        Exports rose 5 percent in May from a year earlier, the ministry said. Chip sales led the gain.
        Exports rose 5 percent in May from a year earlier, the ministry said.
    Write instead:
        Exports rose 5 percent in May from a year earlier, the ministry said. Chip sales led the gain.
    """
    doc = article.target
    a = _analyse(doc, options)
    minimum = int(options.get("duplicate-min-words", 8))
    skip = set(_duplicate_paragraphs(doc, a.kinds))
    wanted = [i for i, k in enumerate(a.kinds) if k in TEXT_KINDS and i not in skip]
    candidates = _paragraphs_sharing_a_piece(doc, wanted)
    if not candidates:
        return
    seen: dict[str, int] = {}
    for s in sentences_in(doc, candidates):
        sentence = doc.visible[s.start : s.end]
        if sentence.count(" ") + 1 < minimum:
            continue
        key = _norm(sentence)
        if key.count(" ") + 1 < minimum:
            continue
        if key not in seen:
            seen[key] = s.start
            continue
        line = doc.position(seen[key])[0]
        yield Violation(
            s.start,
            s.end,
            f"Sentence repeated from line {line}: {_snip(doc.text[s.start : s.end], 6)!r}",
            suggestion=Suggestion("", Applicability.UNSAFE),
            evidence={"first_line": line},
        )


def _paragraphs_sharing_a_piece(doc: Document, wanted: Sequence[int]) -> list[int]:
    """The paragraphs (of `wanted`) that share a piece of four words or more with another: a repeated
    sentence repeats its pieces, cut wherever a sentence could end, so only these paragraphs need the
    sentence splitter (which most articles then never run)."""
    owners: dict[str, int] = {}
    found: set[int] = set()
    normalised = _normalised_paragraphs(doc)
    for i in wanted:
        for piece in crude_pieces(normalised[i]):
            if piece.count(" ") < 3:
                continue
            piece = piece.strip("\"'()[] ")
            if piece in owners:
                found.update((owners[piece], i))
            else:
                owners[piece] = i
    return sorted(found)
