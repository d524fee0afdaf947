"""Inline suppressions in Markdown articles, applied by the engine after the rules have run.

    <!-- tlqa: disable=Q105,S1 -->      from here on, findings of these rules (codes or prefixes) are
    ...                                 suppressed ...
    <!-- tlqa: enable -->               ... up to here (`enable=Q105` ends only that code's region;
                                        without an `enable` the region runs to the end of the file)
    <!-- tlqa: disable-file=Q202 -->    anywhere in the file: suppressed in the whole file

A finding is suppressed when it starts inside a region of a directive that names its rule (a code, a
prefix such as `Q1`, or `ALL`). Directives are read only in Markdown articles (an HTML comment is
invisible there; in plain text it would be published), never inside code blocks. A finding that says a
rule crashed is never suppressed.

A directive that suppresses nothing is itself a finding, S001 (`ineffective-suppression`, style family):
a code whose rules ran on the article and found nothing in the region, a code no rule has, or a comment
that starts with `tlqa:` and is not a directive. A code whose rules did not run (not selected, or
needing a source the article lacks) is not reported: nothing can be said about it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tlqa.findings import Applicability, Severity, Suggestion, Violation
from tlqa.rules import rule

if TYPE_CHECKING:
    from tlqa.document import Document
    from tlqa.engine import Article
    from tlqa.findings import Finding
    from tlqa.rules import Registry

UNUSED_CODE = "S001"

_COMMENT = re.compile(r"<!--[ \t]*tlqa[ \t]*:(.*?)-->", re.DOTALL | re.IGNORECASE)
_DIRECTIVE = re.compile(r"^\s*(disable-file|disable|enable)\s*(?:=\s*(.*?))?\s*$", re.DOTALL | re.IGNORECASE)
_CODE = re.compile(r"^(?:ALL|[A-Za-z]{1,2}\d{0,3})$", re.IGNORECASE)


@rule(UNUSED_CODE, "ineffective-suppression", "style", Severity.WARNING)
def ineffective_suppression(article: Article, options: Mapping[str, Any]) -> Iterable[Violation]:
    """A `<!-- tlqa: disable=… -->` comment that suppresses nothing.

    In Markdown articles, `<!-- tlqa: disable=CODE[,CODE] -->` … `<!-- tlqa: enable -->` suppresses the
    named rules' findings in between, and `<!-- tlqa: disable-file=CODE -->` in the whole file. A
    suppression outlives the problem it was written for: once the copy is fixed it hides nothing today
    and will hide the next real error tomorrow. Reported: a code whose rules ran on the article and found
    nothing in the region, a code that no rule has (a typo), and a comment that starts with `tlqa:` but
    is not a directive. A code whose rules did not run (not selected, or needing a source the article
    lacks) is not reported.

    The engine computes this after the other rules have run (see tlqa.suppressions); the function itself
    yields nothing. Suppress it like any other rule, e.g. `<!-- tlqa: disable-file=S001 -->`.

    Example:
        <!-- tlqa: disable=Q101 -->
        “We will rebuild,” the mayor said.
        <!-- tlqa: enable -->

    Write instead: the same paragraph without the two comments.

    Known false positives: none known; a suppression kept for a rule switched off in this run is not
    reported.
    """
    return ()


@dataclass(slots=True)
class _Entry:
    """One code of one directive, with the region it covers."""

    code: str
    directive: Directive
    start: int
    end: int
    used: bool = False

    def covers(self, rule_code: str, offset: int) -> bool:
        return self.start <= offset < self.end and (self.code == "ALL" or rule_code.startswith(self.code))


@dataclass(slots=True)
class Directive:
    """A `<!-- tlqa: … -->` comment: its span, its verb and codes, or why it could not be read."""

    start: int
    end: int
    verb: str | None  # disable, disable-file, enable; None when malformed
    codes: tuple[str, ...] = ()
    problem: str | None = None
    entries: list[_Entry] = field(default_factory=list)


def may_apply(doc: Document) -> bool:
    """Cheap test: can this document hold a directive at all?"""
    return doc.format == "markdown" and "tlqa" in doc.text and "<!--" in doc.text


def directives(doc: Document) -> list[Directive]:
    """The directives of a Markdown document, in order, with each code's region worked out."""
    found: list[Directive] = []
    text = doc.text
    for m in _COMMENT.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "`":
            continue  # quoted in inline code
        para = doc.paragraph_at(m.start())
        if para is not None and para.kind == "code":
            continue
        found.append(_parse(m))
    open_entries: dict[str, _Entry] = {}
    for d in found:
        if d.verb == "disable-file":
            d.entries = [_Entry(code, d, 0, len(text)) for code in d.codes]
        elif d.verb == "disable":
            for code in d.codes:
                previous = open_entries.get(code)
                if previous is not None:
                    previous.end = d.start  # disabled again: the earlier region ends here
                entry = _Entry(code, d, d.end, len(text))
                d.entries.append(entry)
                open_entries[code] = entry
        elif d.verb == "enable":
            for code in d.codes or tuple(open_entries):
                entry = open_entries.pop(code, None)
                if entry is not None:
                    entry.end = d.start
    return found


def _parse(m: re.Match[str]) -> Directive:
    body = " ".join(m.group(1).split())
    d = _DIRECTIVE.match(body)
    if d is None:
        import difflib

        word = re.split(r"[\s=]", body, maxsplit=1)[0]
        close = difflib.get_close_matches(word.lower(), ["disable", "enable", "disable-file"], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else " (disable=, enable or disable-file=)"
        return Directive(m.start(), m.end(), None, problem=f"'{body}' is not a tlqa directive{hint}")
    verb = d.group(1).lower()
    raw = d.group(2)
    codes = tuple(c.strip().upper() for c in (raw or "").split(",") if c.strip())
    if verb != "enable" and not codes:
        return Directive(m.start(), m.end(), None, problem=f"'{verb}' needs rule codes: {verb}=CODE[,CODE]")
    bad = [c for c in codes if not _CODE.match(c)]
    if bad:
        return Directive(m.start(), m.end(), None, problem=f"{bad[0]!r} is not a rule code or prefix")
    return Directive(m.start(), m.end(), verb, tuple(dict.fromkeys(codes)))


def apply(
    doc: Document, findings: list[Finding], ran: Collection[str], registry: Registry
) -> tuple[list[Finding], list[Violation]]:
    """The findings that no directive suppresses, and the S001 violations for the directives that
    suppressed nothing (themselves subject to directives naming S001). `ran` holds the codes of the
    rules that ran on this article."""
    found = directives(doc)
    if not found:
        return findings, []
    entries = [e for d in found for e in d.entries]
    kept = [f for f in findings if not _suppressed(entries, f.rule, f.start, f.evidence)]
    unused: list[Violation] = []
    for d in found:
        violation = _ineffective(d, ran, registry)
        if violation is not None and not _suppressed(entries, UNUSED_CODE, violation.start, None):
            unused.append(violation)
    return kept, unused


def _suppressed(
    entries: list[_Entry], rule_code: str, offset: int, evidence: Mapping[str, Any] | None
) -> bool:
    if evidence and evidence.get("crashed"):
        return False
    hit = False
    for entry in entries:
        if entry.covers(rule_code, offset):
            entry.used = True  # every covering entry counts as used, not only the first
            hit = True
    return hit


def _ineffective(d: Directive, ran: Collection[str], registry: Registry) -> Violation | None:
    if d.verb is None:
        return Violation(
            d.start,
            d.end,
            f"Suppression comment does nothing: {d.problem}",
            evidence={"kind": "malformed", "problem": d.problem},
        )
    if d.verb == "enable":
        return None
    unknown = [e.code for e in d.entries if not _known(e.code, registry)]
    unused = [
        e.code
        for e in d.entries
        if e.code not in unknown
        and e.code != UNUSED_CODE
        and not e.used
        and any(_matches(e.code, code) for code in ran if code != UNUSED_CODE)
    ]
    if not unknown and not unused:
        return None
    parts = []
    if unknown:
        parts.append(f"no rule has the code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
    if unused:
        where = "in this file" if d.verb == "disable-file" else "in its region"
        parts.append(f"{', '.join(unused)} found nothing {where}")
    drop = set(unknown) | set(unused)
    remaining = [c for c in d.codes if c not in drop]
    replacement = f"<!-- tlqa: {d.verb}={','.join(remaining)} -->" if remaining else ""
    return Violation(
        d.start,
        d.end,
        f"Suppression of {', '.join(c for c in d.codes if c in drop)} suppresses nothing: {'; '.join(parts)}",
        Suggestion(replacement, Applicability.UNSAFE),
        evidence={"kind": "unused", "directive": d.verb, "unknown": unknown, "unused": unused},
    )


def _matches(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _known(selector: str, registry: Registry) -> bool:
    return selector == "ALL" or any(r.code.startswith(selector) for r in registry)
