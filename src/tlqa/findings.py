"""Findings as plain data: severities, suggestions, violations, and the reports built from them.

A check yields light `Violation`s (a span, a message, perhaps a suggestion and evidence). The engine
stamps each with the rule's code, family and severity and the file's path, giving a `Finding`.
Reporters read `RunReport`s and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that `--fail-on warning` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


class Applicability(IntEnum):
    """How safe a suggestion is to apply without a human looking (as ruff has it)."""

    DISPLAY = 0  # shown to the reader, never applied
    UNSAFE = 1  # likely right, but may change meaning: applied only on request
    SAFE = 2  # applied by --fix

    @property
    def label(self) -> str:
        return {0: "display-only", 1: "unsafe", 2: "safe"}[int(self)]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Replacement text for the violation's span."""

    text: str
    applicability: Applicability = Applicability.UNSAFE


@dataclass(frozen=True, slots=True)
class Violation:
    """What a check yields: where, why, and what instead. Offsets are code points, half-open."""

    start: int
    end: int
    message: str
    suggestion: Suggestion | None = None
    evidence: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in code points


@dataclass(frozen=True, slots=True)
class Finding:
    """A violation stamped with its rule's metadata and located in its file."""

    rule: str
    family: str
    severity: Severity
    start: int
    end: int
    begin: Position
    finish: Position
    excerpt: str
    message: str
    suggestion: Suggestion | None = None
    evidence: dict[str, Any] | None = None
    paragraph: int | None = None  # index into FileReport.paragraphs

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class ParagraphInfo:
    """A paragraph as reporters see it: its kind and span."""

    index: int
    kind: str
    start: int
    end: int
    line: int


@dataclass(slots=True)
class FileReport:
    """Everything tlqa found in one article."""

    path: str
    text: str
    encoding: str
    findings: list[Finding] = field(default_factory=list)
    source: str | None = None
    reference: str | None = None
    language: str | None = "en"
    metrics: dict[str, Any] | None = None
    paragraphs: list[ParagraphInfo] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    fixed_text: str | None = None  # set when safe fixes were computed
    alignment: list[tuple[int, int]] | None = None  # (source paragraph, article paragraph) index pairs

    def count(self, at_least: Severity) -> int:
        return sum(1 for f in self.findings if f.severity >= at_least)


@dataclass(slots=True)
class RunReport:
    """One run over one or more files."""

    files: list[FileReport] = field(default_factory=list)
    version: str = ""

    @property
    def findings(self) -> list[Finding]:
        return [f for fr in self.files for f in fr.findings]

    def by_severity(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            counts[f.severity.label] += 1
        return counts

    def by_family(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.family] = counts.get(f.family, 0) + 1
        return dict(sorted(counts.items()))

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)
