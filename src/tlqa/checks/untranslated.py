"""Untranslated text: source-language words left in the English article (family `untranslated`).

The cheap test comes first and settles nearly everything: a scan of the text for letters of scripts
foreign to English (Hangul, Han, Kana, Cyrillic, Arabic, Thai, Greek, Hebrew, Devanagari) reports each
run of them as the exact span. Text in another language written in Latin script (a German or Indonesian
sentence) is what the scan cannot see; a sentence is handed to langdetect only when it is long enough
for langdetect to be reliable and has too few English function words to be English. langdetect is
imported then and only then (its profiles cost about 310 ms and 75 MiB to load) and seeded, so the
answer never changes between runs. Romanised loanwords and names (hanbok, chaebol, hallyu, Gangnam) are
Latin script and never count against a sentence; the style file's `allow` list adds the house's own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tlqa import lazyre
from tlqa.document import Document
from tlqa.engine import Article
from tlqa.findings import Severity, Violation
from tlqa.rules import rule
from tlqa.scan import class_ranges, may_contain
from tlqa.scripts import script_counts, script_of
from tlqa.structure import TEXT_KINDS, find_artefacts, sentences_in


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Letters of scripts that are foreign in an English article (see tlqa.scripts.script_of).
_FOREIGN_CLASS = (
    "\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f\u0e00-\u0e7f"
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\uff66-\uff9d\U00020000-\U0002fa1f"
)
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65・"
_FOREIGN = lazyre.compile(f"[{_FOREIGN_CLASS}]")
_FOREIGN_RANGES = class_ranges(_FOREIGN_CLASS)  # for may_contain, the quick test before _FOREIGN
# A run: foreign letters, joined by spaces, digits and punctuation on the same line, with the foreign
# punctuation that closes it (。 ， 」).
_RUN = lazyre.compile(
    rf"[{_FOREIGN_CLASS}](?:[{_FOREIGN_CLASS}{_CJK_PUNCT}0-9 \t.,:;!?'\"“”‘’()（）\[\]~〜/&%·-]*"
    rf"[{_FOREIGN_CLASS}])?[{_CJK_PUNCT}]*"
)
_SCRIPT_LANGUAGE = {
    "hangul": ("Korean", "ko"),
    "kana": ("Japanese", "ja"),
    "han": ("Chinese", "zh"),
    "cyrillic": ("Cyrillic-script", None),
    "arabic": ("Arabic-script", None),
    "thai": ("Thai", "th"),
    "greek": ("Greek", "el"),
    "hebrew": ("Hebrew", "he"),
    "devanagari": ("Devanagari-script", None),
}
_CJK_SCRIPTS = frozenset({"hangul", "kana", "han"})
# Units of numbers and dates written in the source's form after a figure (850억, 6월 3일, 3.7万亿).
_NUMERIC_UNITS = lazyre.compile(r"[만억조천백십万亿千百十년월일年月日号원元\d\s.,]+")
_MENTION = lazyre.compile(
    r"\b(?:Korean|Chinese|Japanese|Mandarin|Cantonese|hanja|Hanja|kanji|Kanji|hangul|Hangul|Hangeul|"
    r"characters?|word|term|phrase|slogan|title|name)\b[^.!?\n]{0,20}[:,]?\s*[\"“‘'(]?\s*$"
)

# Frequent English words (function words and the commonest words of news copy): a sentence with enough
# of them is English, whatever langdetect would say. Words other languages write the same way and use
# as often (die, an, am, so, de, en) are left out.
_ENGLISH = _words(
    """
    the a of to in on at for with by from and or but nor is are was were be been being has have had
    will would can could should may might must shall not no that this these those it its he she they
    we i you his her their our my your him them us who whom whose which what when where why how said
    says also as than more most about after before into over under there here if so up out just only
    other some such very many much all any each both one two three four five new first last year
    years percent do does did while since until because though although against between during
    through per via whether among across around near off down again even well back now then too yet
    ever never however including according told added says stated announced expected reported ranked
    latest former next week month day today yesterday people government country countries company
    companies officials official president minister city state national world time part number share
    plan market price prices rate rates said's make made take took give gave get got go went come
    came see saw know knew think say tell use used work show showed found find want need left high
    low large small big long major own same another every few less least like still already just
    billion million thousand hundred second third half early late recent recently
    """
)
# Romanised words English news uses as they are: never evidence of another language.
_LOANWORDS = _words(
    """
    hanbok chaebol chaebols hallyu gangnam kimchi bibimbap bulgogi soju makgeolli chuseok seollal
    hagwon hagwons jeonse wolse hanok ondol oppa unnie aegyo noraebang jjimjilbang sunbae hoobae
    gapjil kkondae honbap nunchi jeong han tteokbokki gimbap samgyeopsal banchan doenjang gochujang
    kpop k-pop k-drama k-dramas manhwa webtoon webtoons taekwondo hangeul hangul hanja juche songbun
    yangban gukbap sushi ramen manga anime tsunami karaoke kaizen keiretsu zaibatsu shinkansen
    izakaya onsen sake sumo otaku wasabi senpai kawaii ikigai omakase matcha tofu miso umami yen
    samurai shogun bento emoji guanxi hukou renminbi yuan tai chi kung fu dim sum baijiu hutong
    weibo douyin wechat hongbao
    """
)
_WORD = lazyre.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LANGUAGE_NAMES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "id": "Indonesian", "tl": "Tagalog", "vi": "Vietnamese", "tr": "Turkish", "pl": "Polish",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "ro": "Romanian",
    "hu": "Hungarian", "sw": "Swahili", "so": "Somali", "af": "Afrikaans", "ca": "Catalan",
    "hr": "Croatian", "sk": "Slovak", "sl": "Slovenian", "lt": "Lithuanian", "lv": "Latvian",
    "et": "Estonian", "sq": "Albanian", "cy": "Welsh",
}  # fmt: skip


def _snip(s: str, limit: int = 40) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _allowed_spans(doc: Document, allow: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    vis = doc.visible
    for entry in allow:
        if not entry.strip():
            continue
        pattern = re.compile(re.escape(entry), re.I) if entry.isascii() else re.compile(re.escape(entry))
        spans.extend(m.span() for m in pattern.finditer(vis))
    return sorted(spans)


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# -- the script scan ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Run:
    start: int
    end: int
    script: str  # the run's main script
    gloss: bool  # a gloss in parentheses or a word being discussed ("the Korean word 정")


def _runs(doc: Document) -> list[_Run]:
    return doc.derived("untranslated:runs", _find_runs)


def _find_runs(doc: Document) -> list[_Run]:
    vis = doc.visible
    if not may_contain(vis, _FOREIGN_RANGES) or not _FOREIGN.search(vis) or not _english_script(doc):
        return []
    artefacts = [(a.start, a.end) for a in find_artefacts(doc)]
    out: list[_Run] = []
    for p in doc.paragraphs:
        if not p.is_prose:
            continue
        for m in _RUN.finditer(vis, p.start, p.end):
            start, end = m.span()
            if end < p.end and vis[end] in ".!?" and " " in m.group(0):
                end += 1  # a sentence in the foreign language keeps its full stop
            if _inside(artefacts, start, end):
                continue
            if start > p.start and vis[start - 1].isdigit() and _NUMERIC_UNITS.fullmatch(vis[start:end]):
                continue  # 850억, 2025년 6월 3일: the numbers (M101) and dates (D131) families report these
            counts: dict[str, int] = {}
            for ch in vis[start:end]:
                sc = script_of(ch)
                if sc not in ("latin", "other"):
                    counts[sc] = counts.get(sc, 0) + 1
            if not counts:
                continue
            script = (
                "hangul"
                if "hangul" in counts
                else "kana"
                if "kana" in counts
                else max(counts, key=counts.get)
            )
            if script not in _CJK_SCRIPTS and counts[script] < 2:
                continue  # one Greek or Cyrillic letter is a symbol (Δ, π), not text
            out.append(_Run(start, end, script, _is_gloss(vis, p.start, p.end, start, end)))
    return out


def _english_script(doc: Document) -> bool:
    """True when the article is written mostly in Latin script: an article in Korean or Chinese (a
    source text checked by mistake) has no foreign script to report."""
    counts = script_counts(doc.visible)
    return counts["latin"] >= 0.5 * sum(counts.values())


def _is_gloss(vis: str, p_start: int, p_end: int, start: int, end: int) -> bool:
    """A run in brackets right after the term it glosses ("hanbok (한복)", "Xi Jinping (习近平)"), or a
    word being talked about ("the Korean word 정")."""
    before = vis[max(p_start, start - 40) : start]
    opened = max(before.rfind("("), before.rfind("（"))
    if opened >= 0 and not re.search(r"[)）]", before[opened:]):
        inner_before = before[opened + 1 :]
        after = vis[end : min(p_end, end + 40)]
        closing = min((i for i in (after.find(")"), after.find("）")) if i >= 0), default=-1)
        if closing >= 0:
            inner = inner_before + vis[start:end] + after[:closing]
            outside = before[:opened].rstrip()
            if not re.search(r"\d", inner) and outside and (outside[-1].isalpha() or outside[-1] in "”’\"'"):
                return True
    return bool(_MENTION.search(before))


def _language(run: _Run, article: Article) -> tuple[str, str | None]:
    if run.script == "han" and article.source_language == "ja":
        return "Japanese", "ja"
    return _SCRIPT_LANGUAGE.get(run.script, (run.script.capitalize(), None))


def _source_match(article: Article, needle: str) -> dict[str, Any] | None:
    """The source sentence holding `needle` (text copied from the source), as evidence."""
    src = article.source
    if src is None or len(needle.strip()) < 2:
        return None
    at = src.visible.find(needle.strip())
    if at < 0:
        return None
    sentences = src.sentences
    i = bisect.bisect_right([s.start for s in sentences], at) - 1
    if 0 <= i < len(sentences) and sentences[i].end > at:
        s = sentences[i]
        return {"source_line": src.position(s.start)[0], "source_sentence": src.text[s.start : s.end]}
    return {"source_line": src.position(at)[0], "source_sentence": needle.strip()}


@rule("U101", "foreign-script-text", "untranslated", Severity.ERROR)
def foreign_script_text(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Text in a foreign script left untranslated.

    A run of Hangul, Chinese characters, Kana, Cyrillic, Arabic, Thai, Greek, Hebrew or Devanagari in
    the English article, reported as the exact span: a whole sentence, a clause glued to an English
    one, or a name left in the source script. With a source text, the matching source sentence is
    given as evidence. A gloss in parentheses after its English form is U102's; words the house keeps
    go in `[untranslated] allow`. Single Greek or Cyrillic letters (Δ, π) are symbols, not text.

    Example:
        When a satellite in 太空中 receives a call, it reflects it back almost immediately.
    Write instead:
        When a satellite in space receives a call, it reflects it back almost immediately.
    """
    doc = article.target
    runs = _runs(doc)
    if not runs:
        return
    allowed = _allowed_spans(doc, options.get("allow") or ())
    for run in runs:
        if run.gloss or _inside(allowed, run.start, run.end):
            continue
        text = doc.text[run.start : run.end]
        name, code = _language(run, article)
        evidence: dict[str, Any] = {"script": run.script, "language": code}
        copied = _source_match(article, text)
        if copied:
            evidence.update(copied)
        where = f", as in source line {copied['source_line']}" if copied else ""
        yield Violation(
            run.start, run.end, f"Untranslated {name} text {_snip(text)!r}{where}", evidence=evidence
        )


@rule("U102", "foreign-script-gloss", "untranslated", Severity.WARNING)
def foreign_script_gloss(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Source-script gloss the house style does not allow.

    A foreign-script form in parentheses after the English or romanised term it glosses ("hanbok
    (한복)", "Xi Jinping (习近平)"), or a foreign word being discussed ("the Korean word 정"). Some houses
    print these, most do not: `[untranslated] glosses = true` allows them.

    Example:
        Visitors in hanbok (한복) filled the palace grounds.
    Write instead:
        Visitors in hanbok, traditional Korean dress, filled the palace grounds.
    """
    if options.get("glosses"):
        return
    doc = article.target
    runs = _runs(doc)
    if not runs:
        return
    allowed = _allowed_spans(doc, options.get("allow") or ())
    for run in runs:
        if not run.gloss or _inside(allowed, run.start, run.end):
            continue
        text = doc.text[run.start : run.end]
        name, code = _language(run, article)
        yield Violation(
            run.start,
            run.end,
            f"{name} gloss {_snip(text)!r}: the house style prints no source-script glosses",
            evidence={"script": run.script, "language": code},
        )


# -- Latin-script languages ------------------------------------------------------------------------------

_MIN_WORDS = 6
_MIN_LETTERS = 30
_ENGLISH_SHARE = 0.15
_MIN_PROBABILITY = 0.90


def _looks_english(words: Sequence[str]) -> bool:
    return sum(w in _ENGLISH for w in words) >= _ENGLISH_SHARE * len(words)


def _content_words(sentence: str, allow: frozenset[str]) -> list[str]:
    """Lower-cased words of a sentence less names (capitalised words after the first), loanwords and
    allowed words."""
    out = []
    for k, m in enumerate(_WORD.finditer(sentence)):
        w = m.group(0)
        if k and w[0].isupper():
            continue
        lw = w.lower()
        if lw in _LOANWORDS or lw in allow:
            continue
        out.append(lw)
    return out


_QUOTED = lazyre.compile(r"[“\"]([^“”\"\n]{30,})[”\"]")


def _suspect_paragraphs(doc: Document, kinds: Sequence[str]) -> list[int]:
    """Paragraphs of running text that may hold a sentence in another language: not plainly English as
    a whole, or holding two or more function words of other Latin-script languages (und, nicht, que,
    yang, untuk, …). Only these are split into sentences and looked at closely; the test is two set
    intersections a paragraph."""
    out = []
    vis = doc.visible
    for i, p in enumerate(doc.paragraphs):
        if kinds[i] not in TEXT_KINDS or p.end - p.start < _MIN_LETTERS:
            continue
        tokens = vis[p.start : p.end].lower().split()
        foreign_words = len(_OTHER_FUNCTION_WORDS.intersection(tokens))
        if foreign_words >= 2 or len(_ENGLISH.intersection(tokens)) < max(3, 0.1 * len(tokens)):
            out.append(i)
    return out


# Frequent function words of Latin-script languages that English does not write (German, Spanish,
# Portuguese, French, Italian, Dutch, Indonesian and Malay, Tagalog, Scandinavian, Polish, Turkish,
# Vietnamese): two of them in a paragraph make it worth a closer look.
_OTHER_FUNCTION_WORDS = _words(
    """
    und der die das nicht ist mit sich auf für ein eine dem den zu von wird sind auch noch nur oder
    aber im zum zur bei nach über wurde werden haben kann muss wie wenn dass sehr schon mehr bis seit
    aus ich wir sie gegen neue sagte unter el la los las del que por para una con como pero más y lo se
    su sus fue hay esta este entre sobre también según não uma com dos em ao foi mais pelo pela les des
    est une dans pour pas sur avec qui aux cette le et ont été sont mais ses leur selon il che della per
    non sono gli nel alla è ha dei delle anche het een van niet zijn voor ook maar dat yang dan untuk
    dengan ini itu dari tidak akan pada dalam adalah kami kita di ke juga telah sudah oleh bahwa mereka
    saat hari ang ng mga och att det som är med ikke på og nie się jest że için ile olarak bir bu ve và
    của các những được không
    """
)


def _plainly_english(text: str) -> bool:
    """Three or more distinct frequent English words, and at least 15 percent of the words."""
    rough = _ROUGH_WORD.findall(text.lower())
    return len(_ENGLISH.intersection(rough)) >= max(3, _ENGLISH_SHARE * len(rough))


_ROUGH_WORD = lazyre.compile(r"[a-z]+")


def _foreign_language(text: str, allow: frozenset[str]) -> tuple[str, float] | None:
    """(language, probability) when `text` is long enough to judge and is not English, else None."""
    if len(text) < _MIN_LETTERS or _FOREIGN.search(text) or _plainly_english(text):
        return None
    words = _content_words(text, allow)
    if len(words) < _MIN_WORDS or sum(map(len, words)) < _MIN_LETTERS or _looks_english(words):
        return None
    lang, prob = _detect(text)
    if lang and lang != "en" and prob >= _MIN_PROBABILITY:
        return lang, prob
    return None


def _detect(text: str) -> tuple[str, float]:
    """langdetect's best language and its probability, seeded: the same answer on every run."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "", 0.0
    return best.lang, best.prob


@rule("U103", "foreign-language-sentence", "untranslated", Severity.WARNING)
def foreign_language_sentence(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Sentence in another language written in Latin script.

    A German, Indonesian or Spanish sentence left in the English article: the script scan cannot see
    it, so a sentence of at least six words (names, loanwords and allowed words aside) that has almost
    no English function words (the, of, and, is, …) is given to langdetect, seeded so the answer never
    changes; it is reported when langdetect names another language with probability 0.9 or more.
    Shorter text is never judged (langdetect guesses at short strings); romanised Korean, Japanese and
    Chinese loanwords (hanbok, chaebol, hallyu, Gangnam) never count; a quotation is judged on its own,
    so a foreign quote with an English attribution is found; a sentence copied whole from a given
    source is U201's; `[untranslated] detect-latin = false` turns the rule off.

    Example:
        Die Regierung hat am Montag neue Maßnahmen gegen die Inflation angekündigt.
    Write instead:
        The government announced new measures against inflation on Monday.

    Known false positives: a long title or slogan quoted in its original language.
    """
    if not options.get("detect-latin", True):
        return
    doc = article.target
    allow = frozenset(w.lower() for entry in options.get("allow") or () for w in entry.split())
    kinds = [p.kind for p in doc.paragraphs]
    flagged: list[tuple[int, int, int, str, float]] = []  # (paragraph, start, end, lang, prob)
    vis = doc.visible
    copies = _source_index(article) if article.source is not None else {}
    for s in sentences_in(doc, _suspect_paragraphs(doc, kinds)):
        if s.end - s.start < _MIN_LETTERS:
            continue
        if copies and _norm(vis[s.start : s.end]) in copies:
            continue  # copied whole from the source: U201 reports it, with the source sentence
        sentence = vis[s.start : s.end]
        plainly_english = _plainly_english(sentence)
        if plainly_english and "“" not in sentence and '"' not in sentence:
            continue  # most sentences stop here
        # A quotation is judged on its own: a foreign quote keeps an English attribution around it.
        units = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(vis, s.start, s.end)]
        if not plainly_english:
            units.append((s.start, s.end))
        for start, end in units:
            found = _foreign_language(vis[start:end], allow)
            if found is None:
                continue
            lang, prob = found
            if (
                flagged
                and flagged[-1][0] == s.paragraph
                and flagged[-1][3] == lang
                and start <= flagged[-1][2] + 2
            ):
                flagged[-1] = (
                    s.paragraph,
                    flagged[-1][1],
                    max(end, flagged[-1][2]),
                    lang,
                    min(prob, flagged[-1][4]),
                )
            else:
                flagged.append((s.paragraph, start, end, lang, prob))
            break
    for _para, start, end, lang, prob in flagged:
        name = _LANGUAGE_NAMES.get(lang, lang)
        yield Violation(
            start,
            end,
            f"Text in {name} left untranslated: {_snip(doc.text[start:end])!r}",
            evidence={"language": lang, "probability": round(prob, 3), "detector": "langdetect (seed 0)"},
        )


# -- with the source -----------------------------------------------------------------------------------------

_NORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _norm(s: str) -> str:
    return " ".join(s.translate(_NORM).casefold().split()).rstrip(".!?")


def _source_index(article: Article) -> dict[str, tuple[int, int]]:
    """The source's sentences of four words or more, normalised -> their span in the source."""
    assert article.source is not None

    def build(src: Document) -> dict[str, tuple[int, int]]:
        index: dict[str, tuple[int, int]] = {}
        for s in src.sentences:
            key = _norm(src.visible[s.start : s.end])
            if len(key.split()) >= 4:
                index.setdefault(key, (s.start, s.end))
        return index

    return article.source.derived("untranslated:sentences", build)


@rule("U201", "copied-source-sentence", "untranslated", Severity.ERROR, needs=("source",))
def copied_source_sentence(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Sentence copied unchanged from the source.

    A sentence of the article identical (ignoring case, spacing and the shape of quotation marks) to a
    sentence of the source text: it was never translated. Needs `--source`. This is how untranslated
    text in a Latin-script source language (German, Indonesian) is found with certainty; copies in a
    foreign script are already U101's (which then shows the source sentence as evidence), and
    English sentences inside a Korean, Chinese or Japanese source (a slogan, a title) are not copies.

    Example:
        Source: Die Regierung kündigte neue Maßnahmen an. …
        Article: Die Regierung kündigte neue Maßnahmen an. Officials said …
    Write instead:
        The government announced new measures. Officials said …
    """
    src = article.source
    if src is None or article.source_language in ("ko", "ja", "zh"):
        return
    index = _source_index(article)
    if not index:
        return
    doc = article.target
    for s in doc.sentences:
        sentence = doc.visible[s.start : s.end]
        if _FOREIGN.search(sentence):
            continue
        key = _norm(sentence)
        found = index.get(key)
        if found is None or sum(1 for w in _WORD.findall(sentence) if w.islower()) < 2:
            continue
        line = src.position(found[0])[0]
        yield Violation(
            s.start,
            s.end,
            f"Sentence copied untranslated from source line {line}: {_snip(sentence)!r}",
            evidence={"source_line": line, "source_sentence": src.text[found[0] : found[1]]},
        )


# Lower-case words German shares with English: copied from a German source, they are still English.
_SHARED_WITH_ENGLISH = _words(
    """
    also still warm wild mild blind bitter stark fast bald will rein dank international national
    global digital total normal modern elegant intelligent relevant brutal fair live online offline
    super extra ideal real rational optimal formal neutral liberal legal illegal original regional
    minimal maximal fatal human prompt ruin anti pro non multi post
    """
)
_NON_ENGLISH_LETTER = lazyre.compile(r"[äöüßàâçéèêëîïôûùñåøæœ]")
_ENGLISH_ACCENTED = frozenset(
    ["café", "cafés", "naïve", "fiancé", "fiancée", "résumé", "déjà", "über", "protégé", "cliché", "soirée"]
)
_TOKEN = lazyre.compile(r"[^\W\d_]+")


def _source_profile(article: Article) -> tuple[str, frozenset[str]]:
    """The Latin-script source's language (langdetect, seeded, on its first 2,000 characters) and its
    words."""
    src = article.source
    assert src is not None

    def build(d: Document) -> tuple[str, frozenset[str]]:
        lang, _prob = _detect(d.visible[:2000])
        return lang, frozenset(_TOKEN.findall(d.visible))

    return src.derived("untranslated:profile", build)


@rule("U202", "copied-source-word", "untranslated", Severity.WARNING, needs=("source",))
def copied_source_word(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Word of a Latin-script source left in an English sentence.

    An English sentence that carries a lower-case word copied verbatim from the source text: "the new
    demands could nicht be met". Only for sources in a Latin-script language (a Korean, Chinese or
    Japanese word left in the article is U101's), and only where the copy is telling: a word with a
    letter English does not use (plötzlich), or, when the source is German (langdetect on the source,
    seeded), any lower-case word of four letters or more, since German writes its nouns with a capital
    and its lower-case words are seldom English ones (the few that are, also, still, warm,
    international, are left alone). Needs `--source`.

    Example:
        Source: … dass die neuen Forderungen nicht erfüllt werden könnten.
        Article: The ministry announced that the new demands could nicht be met.
    Write instead:
        The ministry announced that the new demands could not be met.
    """
    if article.source_language in ("ko", "ja", "zh") or article.source is None:
        return
    doc = article.target
    if not _TOKEN.search(article.source.visible):
        return
    lang, source_words = _source_profile(article)
    if lang == "en":
        return
    allow = frozenset(w.lower() for entry in options.get("allow") or () for w in entry.split())
    kinds = [p.kind for p in doc.paragraphs]
    for s in doc.sentences:
        if kinds[s.paragraph] not in TEXT_KINDS and kinds[s.paragraph] not in ("headline", "subhead"):
            continue
        sentence = doc.visible[s.start : s.end]
        words = _content_words(sentence, allow)
        if len(words) < 4 or not _looks_english(words):
            continue  # a sentence in the source language is U201's or U103's
        for k, m in enumerate(_TOKEN.finditer(doc.visible, s.start, s.end)):
            w = m.group(0)
            lw = w.lower()
            if k == 0 or not w[0].islower() or w not in source_words or lw in allow:
                continue
            if lw in _ENGLISH or lw in _LOANWORDS or lw in _SHARED_WITH_ENGLISH or lw in _ENGLISH_ACCENTED:
                continue
            foreign_letter = bool(_NON_ENGLISH_LETTER.search(lw))
            if not foreign_letter and not (lang == "de" and len(w) >= 4):
                continue
            name = _LANGUAGE_NAMES.get(lang, "source-language")
            yield Violation(
                m.start(),
                m.end(),
                f"{name} word {w!r} copied from the source into an English sentence",
                evidence={"source_language": lang, "word": w},
            )
