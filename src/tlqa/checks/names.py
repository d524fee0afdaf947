"""Names: one spelling per person, organisation and place, the house glossary, and the source (family
`names`).

The article's names are read once per document (tlqa.checks._names_core): capitalised runs with title
words dropped, Korean and Chinese given names kept whole, bylines and datelines read but never flagged.
Spellings of one name are paired with a name-aware distance (dropped, doubled, swapped letters;
romanisation alternations; hyphens, spaces and capitals). With a glossary in the style file
(`[[names.glossary]]`, see tlqa.glossary) its names are checked too, and with a source text its Hangul
and Chinese names are paired with the article's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from tlqa.checks import _names_core as core
from tlqa.checks import _names_glossary as gloss
from tlqa.engine import Article
from tlqa.findings import Applicability, Severity, Suggestion, Violation
from tlqa.glossary import GlossaryEntry, entries_of
from tlqa.rules import rule


def _where(article: Article, offset: int) -> str:
    line, col = article.target.position(offset)
    return f"{line}:{col}"


def _places(n: int) -> str:
    return f"{n} other place" if n == 1 else f"{n} other places"


def _glossary(options: Mapping[str, Any]) -> tuple[GlossaryEntry, ...]:
    return entries_of(options)


def _source_distinct(article: Article, pairing: core.Pairing) -> bool:
    """The source shows two names where the article has two spellings (김민재 and 김민제): two people."""
    if article.source is None:
        return False
    from tlqa.checks._names_source import source_names

    idx = core.index(article.target)
    mine = idx.occurrences[pairing.variant].mention
    theirs = {idx.occurrences[n].mention for n in pairing.others}
    mine_names = {s.form for s in source_names(article) if mine in s.mentions}
    their_names = {s.form for s in source_names(article) if theirs & set(s.mentions)}
    return bool(mine_names and their_names and not (mine_names & their_names))


def _pairings(article: Article, options: Mapping[str, Any]) -> Iterator[core.Pairing]:
    """The in-article pairings the glossary does not decide."""
    entries = _glossary(options)
    found = core.pairings(article.target)
    if not found:
        return  # most articles: no need to read the glossary into the article
    norms = gloss.token_norms(entries)
    spans = [(h.start, h.end) for h in gloss.hits(article.target, entries)]
    idx = core.index(article.target)
    for p in found:
        o = idx.occurrences[p.variant]
        if p.norms & norms or any(s <= o.start < e for s, e in spans):
            continue
        if _source_distinct(article, p):
            continue
        yield p


@rule("N101", "name-variant", "names", Severity.ERROR)
def name_variant(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Name spelled once one way and at least twice another way in the same article.

    Machine translation and hurried editing leave one mention of a person, organisation or place
    spelled differently from the rest: a dropped or doubled letter (Ratclffe, Marcheti), two letters
    swapped, another romanisation of a Korean or Chinese name (Han Duk-soo against Han Duck-soo,
    Jeong/Jung, eo/u, oo/u, ae/e), or other hyphens, spaces or capitals (Lee Jae myung, Lee Jae-Myung).
    A bare surname ("Ratcliffe said") counts for the full name. The form used more often is taken as
    the intended one and offered as an unsafe fix: the majority can be the misspelling.

    Names that differ by a whole syllable stay apart (Kim Min-jae and Kim Min-ji are two people), as do
    words that differ only at the end (Korea and Korean, Allen and Allan). Bylines and datelines are
    read but never flagged. A name the names glossary knows is left to N201 and N202.

    Example:
        CIA Director John Ratcliffe spoke on Tuesday. ... The plan is John Ratclffe's. ... Ratcliffe said.
    Write instead:
        CIA Director John Ratcliffe spoke on Tuesday. ... The plan is John Ratcliffe's. ... Ratcliffe said.

    Known false positives: two different people whose names differ by one letter inside the word, one
    of them named once (Jonson and Johnson).
    """
    idx = core.index(article.target)
    for p in _pairings(article, options):
        if not p.dominant_count:
            continue
        o = idx.occurrences[p.variant]
        verb = "written" if p.relation == "formatting" else "spelled"
        yield Violation(
            o.start,
            o.end,
            f"Name {verb} '{o.surface}' here but '{p.dominant_form}' in {_places(p.dominant_count)}",
            suggestion=Suggestion(p.dominant_form, Applicability.UNSAFE),
            evidence={
                "dominant": p.dominant_form,
                "count": p.dominant_count,
                "variant": o.surface,
                "difference": p.relation,
                "mention": idx.mention_of(o).text,
                "elsewhere": [_where(article, idx.occurrences[n].start) for n in p.others],
            },
        )


@rule("N102", "name-inconsistent", "names", Severity.WARNING)
def name_inconsistent(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Name spelled two close ways, once each: one of them is wrong.

    Two mentions that read as spellings of one name (by the same measure as N101) but with no majority
    to tell which is meant: "Lee Jeong-hwa" in one paragraph and "Lee Jung-hwa" in another. Reported
    once, on the later mention, naming both; no fix is offered.

    Example:
        Lee Jeong-hwa, a nurse, said the ward was full. ... Lee Jung-hwa said she stayed all night.
    Write instead:
        Lee Jeong-hwa, a nurse, said the ward was full. ... Lee Jeong-hwa said she stayed all night.

    Known false positives: two people with close names, each named once (check the source).
    """
    idx = core.index(article.target)
    for p in _pairings(article, options):
        if p.dominant_count:
            continue
        o = idx.occurrences[p.variant]
        other = idx.occurrences[p.others[0]]
        this_name, other_name = idx.mention_of(o).text, idx.mention_of(other).text
        if this_name == other_name:
            this_name, other_name = o.surface, other.surface
        verb = "written" if p.relation == "formatting" else "spelled"
        yield Violation(
            o.start,
            o.end,
            f"Name {verb} '{this_name}' here but '{other_name}' on line "
            f"{article.target.position(other.start)[0]}: one of the two is wrong",
            evidence={
                "this": this_name,
                "other": other_name,
                "other_at": _where(article, other.start),
                "difference": p.relation,
            },
        )


@rule("N201", "glossary-wrong-form", "names", Severity.ERROR, fixable=True)
def glossary_wrong_form(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Name written in a form the names glossary lists as wrong.

    The style file's `[[names.glossary]]` gives each name's canonical English form and the wrong
    forms seen before (`variants`): another romanisation, a predecessor's spelling, a machine
    translation's habit. The canonical form is a safe fix.

    Example:
        (glossary: name = "Lee Jae-myung", variants = ["Lee Jae-myeong"])
        Lee Jae-myeong met the delegation on Monday.
    Write instead:
        Lee Jae-myung met the delegation on Monday.
    """
    for h in gloss.hits(article.target, _glossary(options)):
        if h.kind != "variant":
            continue
        yield Violation(
            h.start,
            h.end,
            f"'{h.found}' is a wrong form of '{h.expected}' (names glossary)",
            suggestion=Suggestion(h.expected, Applicability.SAFE),
            evidence={"glossary": h.entry.name, "known_variant": h.found},
        )


@rule("N202", "glossary-misspelling", "names", Severity.ERROR, fixable=True)
def glossary_misspelling(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Name of the names glossary misspelled, romanised otherwise, or hyphenated or capitalised otherwise.

    A name within the same small distance as N101 of a glossary name or alias, but not one of its
    forms: "John Ratclffe" against the glossary's "John Ratcliffe", "Lee Jae Myung" against
    "Lee Jae-myung". The glossary form is a safe fix when the full name was matched and one word of it
    differs; a bare surname matched alone ("Ratclffe said") gets an unsafe one.

    Example:
        (glossary: name = "John Ratcliffe")
        The plan reflects efforts by John Ratclffe to recruit sources.
    Write instead:
        The plan reflects efforts by John Ratcliffe to recruit sources.

    Known false positives: another person whose name is one letter or one syllable's romanisation
    away from a glossary name.
    """
    for h in gloss.hits(article.target, _glossary(options)):
        if h.kind != "near":
            continue
        yield Violation(
            h.start,
            h.end,
            f"Name spelled '{h.found}' but the names glossary has '{h.expected}'",
            suggestion=Suggestion(h.expected, Applicability.SAFE if h.safe else Applicability.UNSAFE),
            evidence={"glossary": h.entry.name, "difference": h.relation},
        )


def _present(article: Article, entry: GlossaryEntry, found: list[gloss.Hit]) -> bool:
    if any(h.entry == entry for h in found):
        return True
    idx = core.index(article.target)
    distinctive = [n for n in (core.norm_of(t) for t in entry.name.split()) if len(n) >= 5]
    return any(n in idx.groups for n in distinctive)


@rule("N301", "source-name-missing", "names", Severity.WARNING, needs={"source"})
def source_name_missing(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Glossary name in the source whose English form is missing from the article.

    The source text (`--source`) names someone the glossary knows by a source-script form (Hangul,
    Hanzi, Kana), but the article has neither the glossary's English form, nor an alias, nor a known
    wrong form, nor a near miss: the name was dropped, or rendered beyond recognition. The finding
    cites the source sentence.

    Example:
        (glossary: name = "Lee Jae-myung", source = ["이재명"]; source: 이재명 대표는 회의에 참석했다.)
        The party leader attended the meeting.
    Write instead:
        Democratic Party leader Lee Jae-myung attended the meeting.

    Known false positives: a name the translation leaves out on purpose (a second mention rendered
    as "he", a name in a caption that was not carried over).
    """
    entries = _glossary(options)
    if not entries or article.source is None:
        return
    from tlqa.checks._names_source import source_sentence

    source = article.source.text
    found = gloss.hits(article.target, entries)
    for entry in entries:
        offsets = [(source.find(f), f) for f in entry.source if f in source]
        if not offsets or _present(article, entry, found):
            continue
        offset, form = min(offsets)
        sentence, line = source_sentence(article, offset)
        yield Violation(
            0,
            0,
            f"Source name '{form}' ('{entry.name}' in the names glossary) is not in the article",
            evidence={
                "source_form": form,
                "glossary": entry.name,
                "source_line": line,
                "source_sentence": sentence,
            },
        )


@rule("N302", "source-name-two-renderings", "names", Severity.WARNING, needs={"source"})
def source_name_two_renderings(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """One source name rendered two different ways in the article.

    The source's Korean and Chinese names are romanised (Revised Romanization with the usual surname
    spellings; pinyin) and paired with the article's names. When one source name is rendered in two
    ways too far apart for N101 and N102 to see them as one name (Lee and Yi, Choi and Choe, Park and
    Bak, Jae-myung and Jae-myeong with another surname), the source shows they are one: the rarer
    rendering is flagged, with the source sentence. Names in the glossary are left to N201 and N301.

    Example:
        (source: ... 이정화 간호사는 ... 이정화 씨는 ...)
        Lee Jeong-hwa, a nurse, said the ward was full. ... Yi Jeong-hwa stayed all night.
    Write instead:
        Lee Jeong-hwa, a nurse, said the ward was full. ... Lee Jeong-hwa stayed all night.

    Known false positives: two people whose names are written alike in the source.
    """
    from tlqa.checks._names_source import source_names, source_sentence

    idx = core.index(article.target)
    glossary_sources = {f for e in _glossary(options) for f in e.source}
    for name in source_names(article):
        if name.form in glossary_sources or len(name.mentions) < 2:
            continue
        renderings: dict[str, list[int]] = {}
        for m in name.mentions:
            mention = idx.mentions[m]
            if any(idx.occurrences[t].caps or idx.occurrences[t].protected for t in mention.tokens):
                continue
            renderings.setdefault(core.norm_of(mention.text), []).append(m)
        if len(renderings) < 2:
            continue
        counts = Counter({k: len(v) for k, v in renderings.items()})
        (top, top_count), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], renderings[kv[0]][0]))
        top_text = idx.mentions[renderings[top][0]].text
        sentence, line = source_sentence(article, name.offset)
        for norm, count in rest:
            if _related(idx, renderings[top][0], renderings[norm][0]):
                continue  # one spelling of the other by the article's own measure: N101/N102's
            for m in renderings[norm]:
                mention = idx.mentions[m]
                yield Violation(
                    mention.start,
                    mention.end,
                    f"Source name '{name.form}' rendered '{mention.text}' here but '{top_text}' in "
                    f"{_places(top_count)}",
                    suggestion=Suggestion(top_text, Applicability.UNSAFE) if top_count > count else None,
                    evidence={
                        "source_form": name.form,
                        "romanised": name.romanised,
                        "renderings": {idx.mentions[v[0]].text: len(v) for v in renderings.values()},
                        "source_line": line,
                        "source_sentence": sentence,
                    },
                )


def _related(idx: core.NameIndex, a: int, b: int) -> bool:
    ta = [idx.occurrences[t] for t in idx.mentions[a].tokens]
    tb = [idx.occurrences[t] for t in idx.mentions[b].tokens]
    if len(ta) != len(tb):
        return False
    for x, y in zip(ta, tb, strict=True):
        if x.norm != y.norm and core.relation(x.surface, y.surface, x.norm, y.norm, True) is None:
            return False
    return True


@rule("N304", "name-not-in-reference", "names", Severity.WARNING, needs={"reference"})
def name_not_in_reference(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Name found in neither the reference translation nor the source, or spelled otherwise there.

    With a reference translation (`--reference`), every name of the article should be found in it or,
    for a source in Latin script, in the source: a name that is in neither was probably put in by the
    translation (a wrong person, place or organisation), and a name one letter away from a word of the
    reference is probably misspelled. Names are matched leniently: accents, hyphens and case aside, a
    shared stem (Greece and Greek), one word of a longer name, initials (United Nations and U.N.);
    generic words of names (Ministry, Republic, River) are not looked for.

    Example:
        (reference: US President Trump wrote on Twitter ...)
        US President Erwin Huber wrote on Twitter that his government is watching the storms.
    Write instead:
        US President Donald Trump wrote on Twitter that his government is watching the storms.

    Known false positives: a name the reference translates or paraphrases (Napoli and Naples, the
    Nerazzurri and "the black-and-blue team"), or leaves out.
    """
    if article.reference is None:
        return
    from tlqa.checks._names_reference import unsupported

    idx = core.index(article.target)
    source = article.source.text if article.source is not None else None
    latin_source = source is not None and article.source_language is None
    absent = "is in neither the reference nor the source" if latin_source else "is not in the reference"
    paired: list[tuple[int, int]] = []
    if article.source is not None:
        from tlqa.checks._names_source import source_names

        paired = [
            (idx.mentions[m].start, idx.mentions[m].end) for s in source_names(article) for m in s.mentions
        ]
    for u in unsupported(idx, article.target.visible, article.reference.text, source):
        if any(s <= u.start < e for s, e in paired):
            continue  # a romanisation of a source name (许正宇, Xu Zhengyu)
        if u.closest:
            yield Violation(
                u.start,
                u.end,
                f"Name spelled '{u.name}' here but '{u.closest}' in the reference",
                suggestion=Suggestion(u.closest, Applicability.UNSAFE),
                evidence={"reference_form": u.closest},
            )
        else:
            yield Violation(u.start, u.end, f"Name '{u.name}' {absent}", evidence={"name": u.name})


@rule("N303", "source-name-mismatch", "names", Severity.WARNING, needs={"source"})
def source_name_mismatch(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Korean or Chinese name that half matches a source name: a syllable of the given name is off.

    An article name whose surname and one syllable of the given name agree with a name of the source,
    while the other syllable does not, and which matches no source name fully: the given name was
    misread or mistransliterated (郑淯心, Zheng Yuxin, rendered "Zheng Huixin"). Korean names are
    compared on their Revised Romanization (spelling alternations aside), Chinese names on pinyin.

    Example:
        (source: 经济观察网记者郑淯心2月11日 ...)
        Economic Observer reporter Zheng Huixin said on Feb. 11 ...
    Write instead:
        Economic Observer reporter Zheng Yuxin said on Feb. 11 ...

    Known false positives: a person named in the article but not in the source who shares a surname
    and a syllable with someone who is; a character read another way in a name.
    """
    from tlqa.checks._names_source import mismatches, source_sentence

    idx = core.index(article.target)
    for mm in mismatches(article):
        mention = idx.mentions[mm.mention]
        sentence, line = source_sentence(article, mm.offset)
        yield Violation(
            mention.start,
            mention.end,
            f"Name '{mention.text}' does not match the source's {mm.form} ({mm.romanised})",
            suggestion=Suggestion(mm.romanised, Applicability.DISPLAY),
            evidence={
                "source_form": mm.form,
                "romanised": mm.romanised,
                "source_line": line,
                "source_sentence": sentence,
            },
        )
