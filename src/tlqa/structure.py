"""News structure: what each paragraph of an article is.

Machine-translated copy arrives as a flat run of paragraphs; the checks need to know which of them are
the article's furniture and which its prose. Every paragraph gets one kind:

    headline     the first paragraph, when it reads as a title (no closing full stop, not continued)
    subhead      a deck right under the headline, or a short title line between body paragraphs
    dateline     a dateline standing alone ("SEOUL —", "BEIJING, Feb. 11 (Xinhua) --")
    byline       "BY NAME [e-mail]", "By Name", "Reporter Name", a sign-off ("name@… (END)")
    caption      a photo or graphic description ending in its credit ([YONHAP], [AP/YONHAP], (Yonhap),
                 [SCREEN CAPTURE], "Source: …"), or a credit alone
    image        an image (Markdown `![…](…)`) or an image placeholder ("[Photo]")
    editor_note  "Editor's note: …"
    disclosure   the translation disclosure footer ("Translated from the JoongAng Ilbo using generative
                 AI and edited by Korea JoongAng Daily staff.")
    artefact     a machine-translation or language-model leftover ("Sure! Here is the English
                 translation of the article:", "Translation:", "[번역]")
    list_item    a Markdown list item, or a bulleted or numbered line in plain text
    body         everything else that is prose

Markdown's own kinds (heading, list_item, blockquote, code) are kept as the document model found them.
The classification is cheap (a few anchored regular expressions per paragraph) and runs for every
document; `classify` returns the kinds and the document model stores them on its paragraphs.

What a paragraph is depends a little on its neighbours: a headline is the first paragraph, and a line
that stops mid-sentence and is continued by the next line (one starting in lower case) is body, not a
title. Where a caption is *allowed* is a question for the fragments checks, not for this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tlqa import lazyre
from tlqa.scan import has_any

if TYPE_CHECKING:
    from tlqa.document import Document, Paragraph, Sentence

# Kinds a paragraph can have (Markdown's heading, blockquote and code come from the document model).
KINDS = (
    "headline",
    "subhead",
    "dateline",
    "byline",
    "caption",
    "image",
    "editor_note",
    "disclosure",
    "artefact",
    "list_item",
    "body",
    "heading",
    "blockquote",
    "code",
)
# Kinds that read as running text (the torn-sentence, truncation and duplicate checks look at these).
TEXT_KINDS = frozenset({"body", "blockquote", "list_item"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- ends and starts of sentences --------------------------------------------------------------------------

_CLOSERS = "\"”’'»)]」』）】›"
_TERMINAL = ".!?…:;。！？"
# Words after which an English sentence cannot stop.
ENDLESS = _words(
    """
    a an the of to and or but nor with from by for at into onto than that which whose whom its their
    his her our my your is are was were been be has have had will would could should must shall can
    may might between including such very as if because whether while during against among per via
    in on about after before over under through within without like upon toward towards whose this
    these those said says told
    """
)
_PUNCT = "\"“”‘’'()[]{}«»「」『』.,;:!?…—–-*_/"
_FIRST_WORD = lazyre.compile(r"[\W_]*([\w’'-]+)")
# Lower-case words that legitimately open a sentence or a paragraph: name particles and brands.
_LOWER_OPENERS = _words(
    """
    de del della di da van von der den le la al el bin ibn e-
    """
)


def last_char(s: str) -> str:
    """The last visible character, looking through closing quotation marks and brackets."""
    s = s.rstrip()
    while s and s[-1] in _CLOSERS:
        s = s[:-1].rstrip()
    return s[-1:] if s else ""


def is_terminated(s: str) -> bool:
    """True when the text ends as a sentence (or a clause that introduces something) does: with . ! ? …
    : ; or with a closing quotation mark or bracket (a quotation or a credit that closes the line)."""
    s = s.rstrip()
    if not s:
        return True
    if s[-1] in _TERMINAL:
        return True
    return s[-1] in _CLOSERS


def last_word(s: str) -> str:
    """The last word, lower-cased, without the punctuation around it."""
    for token in reversed(s[-80:].split()):
        word = token.strip(_PUNCT)
        if word:
            return word.lower()
    return ""


def starts_lower(s: str) -> bool:
    """True when the text opens with a lower-case word that is not a name particle or a brand like
    iPhone or eBay: the start of a sentence is missing (or the line continues the one before)."""
    first = s[:1]
    if first.isupper() or first.isdigit():
        return False  # the common case, without a regular expression
    m = _FIRST_WORD.match(s)
    if not m:
        return False
    word = m.group(1)
    lead = s[: m.start(1)].strip()
    if lead and lead[-1] in "“\"‘'(":
        return False  # a quotation or bracket may open in lower case
    if not word[0].islower() or not word[0].isalpha():
        return False
    if any(ch.isupper() for ch in word[1:]):
        return False  # iPhone, eBay, iOS
    return word.lower() not in _LOWER_OPENERS


def word_count(s: str) -> int:
    return len(s.split())


# -- paragraph shapes ----------------------------------------------------------------------------------------

_CAPS_CREDIT = lazyre.compile(r"\[\s*([A-Z0-9][A-Z0-9 /&.,'’·-]*[A-Z0-9.])\s*\]\s*$")
_NOT_CREDITS = frozenset({"END", "UPDATED", "UPDATE", "CORRECTED", "CORRECTION", "ADVERTISEMENT", "AD"})
_PAREN_CREDIT = lazyre.compile(
    r"\(\s*((?:Yonhap|AP|AFP|Reuters|Xinhua|EPA|Kyodo|Newsis|News1|NEWSIS|NEWS1|Getty Images|AP Photo|"
    r"AFP Photo|Reuters Photo|EPA Photo|Yonhap Photo|Xinhua Photo|Kyodo Photo|Chinanews|CNS)(?:[ /][\w ./]+)?"
    r"|(?:[Pp]hoto|[Ii]mage|[Gg]raphic)s?(?:\s*(?:by|:|=|courtesy of))\s*[^()]{2,60}"
    r"|[Cc]ourtesy of [^()]{2,60})\s*\)\s*$"
)
_PHOTO_CREDIT = lazyre.compile(
    r"(?:^|(?<=[.!?”\"’]\s))(?:Photo|Image|Graphic)s?\s*(?:by|:|=|courtesy of)\s*\S.{0,60}$"
)
_SOURCE_CREDIT = lazyre.compile(
    r"(?:^|(?<=\S\s))(?:(?:Figure|Chart|Graphic|Data|Photo)\s+)?Source\s*:\s*(\S.{1,100})$"
)
_IMAGE_PLACEHOLDER = lazyre.compile(
    r"^[\[(<]\s*(?:photo|image|picture|graphic|video|사진|그래픽)\b[^\])>]{0,40}[\])>]$", re.I
)
_MD_IMAGE = lazyre.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")

_BYLINE = lazyre.compile(
    r"^(?:BY|By|by|Written by|Reporter|Reporters|Correspondent)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}"
    r"(?:\s*(?:,|and|AND|&)\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}){0,4}"
    r"(?:\s*,?\s*(?:[A-Z][\w ]{0,40}))?\s*(?:[\[(][^\])]*[\])])?\s*$"
)
_BYLINE_ROLE = lazyre.compile(
    r"^[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}\s*,?\s*(?:Staff Reporter|Staff Writer|Correspondent|"
    r"Reporter|Yonhap|Yonhap News Agency|Xinhua|Korea JoongAng Daily|Korea Herald|Korea Times)\s*$"
)
_BYLINE_STAFF = lazyre.compile(
    r"^By (?:an? |our |the )?(?:staff |special |foreign |political )?(?:reporter|correspondent|writer|staff|"
    r"desk)s?\b[\w ,.'’-]{0,40}$",
    re.I,
)
_SIGN_OFF = lazyre.compile(r"^[(\[/]?\s*END\s*[)\]/]?$|^\(END\)$|^/END/$")
_DATELINE = lazyre.compile(
    r"^[A-Z][A-Z .'’-]{1,30}(?:,\s*(?:[A-Z][a-z]+\.?\s*\d{1,2}|[A-Z][A-Za-z .]{1,25}))?"
    r"(?:\s*\([A-Z][\w .]{1,30}\))?\s*(?:—|–|--|-)\s*"
)
_EDITOR_NOTE = lazyre.compile(
    r"^[\[(*_]*\s*(?:Editor['’]?s['’]? note|EDITOR['’]?S['’]? NOTE|Ed\. note)\b", re.I
)
_DISCLOSURE_START = lazyre.compile(
    r"^[\[(*_]*\s*(?:Translated (?:from|by|with|using)|This (?:article|story|report|piece|content) "
    r"(?:was|has been|is)|The (?:article|story) (?:was|has been)|Originally (?:written|published)|"
    r"(?:This|The) (?:English|translation)|Korean-language|\*)",
)
_DISCLOSURE_WHAT = lazyre.compile(
    r"\b(?:generative AI|artificial intelligence|\bAI\b|machine[- ]translat\w*|translation (?:tool|engine)"
    r"|edited by|translated)\b",
    re.I,
)
_LIST_ITEM = lazyre.compile(r"^(?:[-*•·▪‣◦]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+|\(\d{1,2}\)\s*)")

# -- machine-translation and language-model artefacts ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Artefact:
    """A machine-translation or language-model leftover: where, what (a short label) and whether it is
    the whole paragraph."""

    start: int
    end: int
    what: str
    whole: bool


_ART_PREAMBLE = lazyre.compile(
    r"^(?:(?:Sure|Certainly|Of course|Okay|OK|Absolutely|Alright)[!,.]?\s+(?:here|below)\b[^\n]{0,80}?"
    r"\b(?:translat\w*|article|text|version)\b[^.!?:\n]{0,60}[:.!]?"
    r"|(?:Here is|Here's|Here’s|Below is|The following is|Here are)\b[^\n]{0,80}?\btranslat\w*\b"
    r"[^.!?:\n]{0,60}[:.!]?)",
    re.I,
)
_ART_LABEL = lazyre.compile(
    r"^(?:\*\*)?(?:English translation|Translation|Translated text|Translated version|Translated article|"
    r"Original text|Source text|Korean original)(?:\*\*)?\s*[:：](?:\*\*)?",
    re.I,
)
_ART_TRANSLATOR_NOTE = lazyre.compile(
    r"^[(\[]?\s*(?:Translator['’]?s?['’]? note|TN|Note from the translator)\s*[:：]", re.I
)
_ART_NOTE = lazyre.compile(r"^[(\[]?\s*(?:Note|N\.B\.|Please note)\s*[:：]?\s", re.I)
_ART_NOTE_ABOUT = lazyre.compile(
    r"\b(?:translat\w*|original (?:text|article|Korean|Chinese|Japanese)|literal(?:ly)?|romani[sz]\w*|"
    r"source text|in the original|I have|I've|I’ve|I kept|I used|I translated)\b",
    re.I,
)
# A model talking about itself, at the start of a paragraph (inside a news quotation these words are
# somebody's speech, and a quotation does not open a paragraph with them unquoted).
_ART_REMARK = lazyre.compile(
    r"^(?:As an AI(?: language model| assistant| model)?,|As an AI language model\b"
    r"|I(?:['’]m| am) (?:sorry|unable|not able)\b[^.!?\n]{0,80}\b(?:translat\w*|provide|assist)\b"
    r"|I cannot (?:translate|provide|assist)\b"
    r"|I hope this (?:translation )?helps\b"
    r"|Let me know if you (?:need|want|have|would like)\b"
    r"|Please note that (?:this|the) translation\b)[^.!?\n]*[.!?]*",
    re.I,
)
# Labels a pipeline leaves in the source language: anywhere.
_FOREIGN_LABEL_LEAD = "번원역译翻原訳"
_ART_CJK_LABEL = lazyre.compile(
    r"\[(?:번역|번역문|원문|역자 ?주|역주|译文|翻译|原文|翻訳|訳注)\]"
    r"|^(?:번역|번역문|원문|译文|翻译|翻訳)\s*[:：]"
)


_ART_LEAD = lazyre.compile(
    r"(?:Sure|Certainly|Of course|Okay|OK|Absolutely|Alright|Here|Below|The following|Translat|"
    r"English translation|Original text|Source text|Korean original|TN|Note|N\.B\.|Please note|As an AI|"
    r"I\b|I['’]|Let me know|\*\*|[(\[])",
    re.I,
)


def paragraph_artefacts(s: str, labels: bool = True) -> list[tuple[int, int, str]]:
    """Artefacts in one paragraph's visible text: (start, end, what) relative to it. With `labels`
    False (the caller knows the text has none of their characters) source-language labels are not
    looked for."""
    found: list[tuple[int, int, str]] = []
    if _ART_LEAD.match(s):
        m = _ART_PREAMBLE.match(s)
        if m and word_count(m.group(0)) <= 30:
            found.append((0, m.end(), "a language model's preamble"))
        elif _ART_TRANSLATOR_NOTE.match(s) or (_ART_NOTE.match(s) and _ART_NOTE_ABOUT.search(s)):
            found.append((0, len(s), "a translator's note"))
        elif m := _ART_LABEL.match(s):
            found.append((0, m.end(), "a translation label"))
        elif m := _ART_REMARK.match(s):
            found.append((0, m.end(), "a language model's remark"))
    covered = found[0][1] if found else 0
    if labels and not s.isascii() and has_any(s, _FOREIGN_LABEL_LEAD):
        for m in _ART_CJK_LABEL.finditer(s):
            if m.start() >= covered:
                found.append((m.start(), m.end(), "a translation label"))
    out = []
    for a, b, what in found:
        while b > a and s[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b, what))
    return out


def find_artefacts(doc: Document) -> list[Artefact]:
    """Machine-translation and language-model leftovers in the document's prose, in order."""
    return doc.derived("artefacts", _find_artefacts)


def _find_artefacts(doc: Document) -> list[Artefact]:
    out: list[Artefact] = []
    vis = doc.visible
    for p in doc.paragraphs:
        if p.kind == "code":
            continue
        s = vis[p.start : p.end]
        whole_end = len(s.rstrip())
        for a, b, what in paragraph_artefacts(s):
            out.append(Artefact(p.start + a, p.start + b, what, a == 0 and b >= whole_end))
    return out


# -- classification ------------------------------------------------------------------------------------


def caption_credit(s: str, extra: Sequence[str] = ()) -> str | None:
    """The credit a caption ends with ("[YONHAP]", "(Yonhap)", "Source: …"), or None."""
    s = s.rstrip()
    if not s:
        return None
    if s[-1] in "])":
        tail = s[-200:]
        m = _CAPS_CREDIT.search(tail)
        if m and sum(ch.isalpha() for ch in m.group(1)) >= 2 and m.group(1).strip(" .") not in _NOT_CREDITS:
            return m.group(0).strip()
        m = _PAREN_CREDIT.search(tail)
        if m:
            return m.group(0).strip()
        for name in extra:
            m = re.search(r"[\[(]\s*" + re.escape(name) + r"\s*[\])]$", tail, re.I)
            if m:
                return m.group(0).strip()
    if "Source" in s:
        m = _SOURCE_CREDIT.search(s)
        if m and word_count(m.group(0)) <= 16:
            return m.group(0).strip()
    if "Photo" in s or "Image" in s or "Graphic" in s:
        m = _PHOTO_CREDIT.search(s)
        if m:
            return m.group(0).strip()
    return None


def glued_credit(s: str) -> tuple[int, str] | None:
    """A "Source: …" credit glued to the end of a title on the same line ("Top 10 countries in 2022
    Source: survey report"): (offset of the credit in s, the credit), or None."""
    m = _SOURCE_CREDIT.search(s) if "Source" in s else None
    if not m or m.start() == 0:
        return None
    before = s[: m.start()].rstrip()
    if not before or is_terminated(before) or before[-1] in ",-–—":
        return None
    return m.start(), m.group(0).strip()


# What a paragraph must start with to be anything but a title or body by its opening: brackets and
# markup, byline and note words, disclosure openings, upper-case datelines, list enumerators.
_SHAPE_LEAD = lazyre.compile(
    r"[\[(<*_!/]|(?:BY|By|by|Written|Reporters?|Correspondent|Editor|EDITOR|Ed\.|Translated|Originally|"
    r"Korean-language)\b|Th(?:is|e) (?:article|story|report|piece|content|English|translation)\b|"
    r"[A-Z][A-Z]|[-*•·▪‣◦]\s|\d{1,2}[.)]\s|[a-z][.)]\s"
)


def _shape(s: str, raw: str, fmt: str, credits: Sequence[str]) -> str | None:
    """The kind a paragraph's own text shows, or None when only its place can tell (headline, subhead,
    body)."""
    if fmt == "markdown":
        s = s.strip("*_ ")
        if _MD_IMAGE.match(raw):
            return "image"
    if not s:
        return "byline" if "@" in raw else None  # a line that is only an e-mail address: a sign-off
    lead = _SHAPE_LEAD.match(s) is not None
    if lead:
        if _IMAGE_PLACEHOLDER.match(s):
            return "image"
        if _EDITOR_NOTE.match(s):
            return "editor_note"
        if (
            _DISCLOSURE_START.match(s)
            and "ranslat" in s
            and word_count(s) <= 80
            and _DISCLOSURE_WHAT.search(s)
        ):
            return "disclosure"
        if (_BYLINE.match(s) or _BYLINE_STAFF.match(s)) and word_count(s) <= 16 and s[-1] not in '!?:;"”':
            return "byline"
        if _SIGN_OFF.match(s):
            return "byline"
    if "@" in raw and (
        s.strip() in ("(END)", "[END]", "END")
        or (word_count(s) <= 5 and not is_terminated(s) and s[:1].isupper())
    ):
        return "byline"  # "kim@example.kr (END)", "Kim Min-ji kim.minji@example.com": the address is masked
    if s[-1] not in '.!?:;"”' and word_count(s) <= 9 and _BYLINE_ROLE.match(s):
        return "byline"
    if caption_credit(s, credits) is not None:
        return "caption"
    if lead:
        m = _DATELINE.match(s)
        if m and m.end() >= len(s.rstrip()):
            return "dateline"
        if _LIST_ITEM.match(s) and any(ch.isalpha() for ch in s):
            return "list_item"
    return None


def classify(doc: Document, paragraphs: Sequence[Paragraph], credits: Sequence[str] = ()) -> list[str]:
    """The kind of each paragraph (see the module's docstring)."""
    vis, text = doc.visible, doc.text
    n = len(paragraphs)
    kinds: list[str] = [p.kind for p in paragraphs]
    texts = [vis[p.start : p.end] for p in paragraphs]
    artefacts: list[Artefact] = []
    labels = not vis.isascii() and has_any(vis, _FOREIGN_LABEL_LEAD)  # (asked once, not per paragraph)
    # _shape reads a paragraph's raw line for an e-mail address (masked in the visible text) and, in
    # Markdown, for an image; a plain text without "@" needs no raw lines.
    need_raw = doc.format == "markdown" or "@" in text
    for i, p in enumerate(paragraphs):
        if p.kind == "code":
            continue
        s = texts[i]
        spans = paragraph_artefacts(s, labels)
        if spans:
            whole_end = len(s.rstrip())
            found = [
                Artefact(p.start + a, p.start + b, what, a == 0 and b >= whole_end) for a, b, what in spans
            ]
            artefacts.extend(found)
            if p.kind == "body" and any(a.whole for a in found):
                kinds[i] = "artefact"
                continue
        if p.kind != "body":
            continue
        if need_raw:
            line_start = text.rfind("\n", 0, p.start) + 1
            line_end = text.find("\n", p.end)
            raw = text[line_start : line_end if line_end >= 0 else len(text)]
        else:
            raw = ""
        shape = _shape(s, raw, doc.format, credits)
        if shape is not None:
            kinds[i] = shape
    first = next((i for i, k in enumerate(kinds) if k not in ("artefact", "code")), None)
    # Headline, deck and subheads: titles are recognised by their place and by not ending as sentences.
    # Markdown marks its titles itself (# Heading), so there a body paragraph stays body.
    for i in range(n if doc.format != "markdown" else 0):
        if kinds[i] != "body":
            continue
        s = texts[i].rstrip()
        end = last_char(s)
        if end in _TERMINAL and not (i == first and end in "?!"):
            continue
        nxt = texts[i + 1] if i + 1 < n else ""
        if (nxt and kinds[i + 1] == "body" and starts_lower(nxt)) or starts_lower(s):
            continue  # a line continued by the next one, or continuing the one before
        if last_word(s) in ENDLESS or s[-1:] in ",-–—(":
            continue
        if not any(ch.isalpha() for ch in s):
            continue  # stray digits or symbols are no title
        if i == first:
            if word_count(s) <= 30 and not _PAST_REPORTING.search(s):
                kinds[i] = "headline"  # headlines report in the present tense: "says", not "said"
        elif kinds[i - 1] in ("headline", "heading") and i - 1 == first and word_count(s) <= 40:
            kinds[i] = "subhead"  # the deck under the headline
        elif title_like(s):
            kinds[i] = "subhead"
    doc.derived("artefacts", lambda _d: artefacts)  # the same spans: find_artefacts reads them
    return kinds


_REPORTING = lazyre.compile(r"\b(?:said|says|told|added|according)\b")
_PAST_REPORTING = lazyre.compile(r"\b(?:said|told)\b")


def title_like(s: str) -> bool:
    """A short line that may be a subhead: 12 words or fewer, no reporting verb (said, told), and not
    stopping on a word a sentence cannot end with. (The caller checks that it does not end as a
    sentence does and is not continued by the next line.)"""
    return word_count(s) <= 12 and not _REPORTING.search(s) and last_word(s) not in ENDLESS


# -- sentences, only where needed ------------------------------------------------------------------------

# Every place a sentence can end, and more (after any closing mark): a cheap first cut, so that the
# sentence splitter runs only on the paragraphs a check really needs to look into. The mark is captured
# rather than looked behind for: a pattern that opens with a look-behind is tried at every character.
_CRUDE_BREAK = lazyre.compile(r"([.!?…\"”’)\]])\s+")


def crude_pieces(s: str) -> list[str]:
    """s cut at the white space after every mark that may end a sentence (the marks stay with the
    piece before)."""
    parts = _CRUDE_BREAK.split(s)
    pieces = parts[0::2]
    for k, mark in enumerate(parts[1::2]):
        pieces[k] += mark
    return pieces


def sentences_in(doc: Document, indices: Sequence[int]) -> list[Sentence]:
    """The sentences of the paragraphs `indices`: from the document's own list when it has been split
    already, else by splitting only those paragraphs."""
    if "sentences" in doc.__dict__:
        chosen = set(indices)
        return [s for s in doc.sentences if s.paragraph in chosen]
    from tlqa.document import Sentence
    from tlqa.sentences import split_sentences

    out = []
    for i in indices:
        p = doc.paragraphs[i]
        out.extend(Sentence(a, b, i) for a, b in split_sentences(doc.visible, p.start, p.end))
    return out
