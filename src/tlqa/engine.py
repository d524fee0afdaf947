"""The engine: runs the selected rules over an article and stamps their violations as findings.

It selects rules, skips those whose needs (a source, a reference) the article cannot meet, isolates
crashes (a rule that raises becomes a finding naming the rule; the run goes on), and sorts findings by
position. Checks are pure functions of the article and their family's options.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tlqa import suppressions
from tlqa.config import Config
from tlqa.document import Document
from tlqa.errors import ConfigError
from tlqa.findings import FileReport, Finding, ParagraphInfo, Position, Severity, Violation
from tlqa.rules import Registry, Rule
from tlqa.scan import may_contain


@dataclass(frozen=True, slots=True)
class Article:
    """What the checks see: the article's document, and the source and reference when given."""

    path: str
    target: Document
    encoding: str = "utf-8"
    source: Document | None = None
    reference: Document | None = None
    source_path: str | None = None
    reference_path: str | None = None
    published: dt.date | None = None

    @property
    def source_language(self) -> str | None:
        """The source text's language as its script tells it (ko, ja, zh), else None."""
        if self.source is None:
            return None
        from tlqa.scripts import language_from_script

        return self.source.derived("language", lambda d: language_from_script(d.text))

    @property
    def language(self) -> str:
        """The article's language: "en" unless its script says Korean, Chinese or Japanese (the checks
        are for English translations; a source checked by mistake is not judged as one)."""
        return self.target.derived("language", _language_of)

    def has(self, need: str) -> bool:
        """Whether the article has what a rule needs: "source", "reference" or "published"."""
        return need in _NEEDS and getattr(self, need) is not None


_NEEDS = frozenset(("source", "reference", "published"))


_CJK_LETTER = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]"
)
_CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x3040, 0x30FF),
    (0x3130, 0x318F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
)  # the code points of _CJK_LETTER, for a quick test that the text has none
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def _language_of(doc: Document) -> str:
    """ko, zh or ja when letters of that script outnumber Latin ones; else en (an English article with
    untranslated passages stays English, so the untranslated family reports them). Counted with
    regular expressions: a per-character loop would cost more than some whole families."""
    text = doc.visible
    if not may_contain(text, _CJK_RANGES) or _CJK_LETTER.search(text) is None:
        return "en"
    if len(_CJK_LETTER.findall(text)) <= len(_LATIN_LETTER.findall(text)):
        return "en"
    from tlqa.scripts import language_from_script

    return language_from_script(text) or "en"


@dataclass
class Engine:
    """Runs one configuration's rules; build it once and reuse it for many articles."""

    config: Config
    registry: Registry | None = None

    def __post_init__(self) -> None:
        if self.registry is None:
            self.registry = Registry.for_config(self.config)
        for option in ("select", "ignore"):
            for selector in getattr(self.config, option):
                if not self.registry.known_selector(selector):
                    origin = self.config.origins.get(option, "default")
                    where = None if origin in ("command line", "default") else origin
                    name = f"--{option}" if origin == "command line" else option
                    raise ConfigError(
                        f"{name}: no rule code starts with {selector!r} (see 'tlqa rules')", where
                    )
        self.rules: list[Rule] = self.registry.select(self.config.select, self.config.ignore)
        self._per_path: dict[tuple[str, ...], list[Rule]] = {}

    def _options(self, family: str) -> Mapping[str, Any]:
        """A family's options, built once per engine rather than once per rule and article."""
        cache = self.__dict__.setdefault("_options_cache", {})
        if family not in cache:
            cache[family] = self.config.options(family)
        return cache[family]

    def _plan(self, rules: list[Rule]) -> list[tuple[Rule, Severity, Mapping[str, Any]]]:
        """Each rule with its severity and its family's options, worked out once per list of rules."""
        plans = self.__dict__.setdefault("_plans", {})
        key = id(rules)
        if key not in plans:
            plans[key] = (
                rules,  # kept, so that the id stays this list's
                [(r, self.config.severity.get(r.code, r.severity), self._options(r.family)) for r in rules],
            )
        return plans[key][1]

    def rules_for(self, path: str) -> list[Rule]:
        """The selected rules less those the style file's per-file-ignores switch off for `path`."""
        ignored = self.config.ignored_for(path)
        if not ignored:
            return self.rules
        if ignored not in self._per_path:
            off = {r.code for r in self.registry.select(ignored, ())}
            self._per_path[ignored] = [r for r in self.rules if r.code not in off]
        return self._per_path[ignored]

    def run(self, article: Article) -> FileReport:
        doc = article.target
        findings: list[Finding] = []
        ran: list[Rule] = []
        language = article.language
        for r, severity, options in self._plan(self.rules_for(article.path)) if language == "en" else ():
            if r.needs and not all(article.has(need) for need in r.needs):
                continue
            ran.append(r)
            try:
                for v in r.func(article, options):
                    findings.append(_stamp(r, severity, v, doc))
            except Exception as exc:  # a crashing rule must not stop the run (nor an audit)
                crash = Violation(
                    0,
                    0,
                    f"Rule {r.code} crashed: {type(exc).__name__}: {exc}",
                    evidence={"crashed": True, "exception": type(exc).__name__},
                )
                findings.append(_stamp(r, Severity.ERROR, crash, doc))
        if suppressions.may_apply(doc):  # inline <!-- tlqa: disable=... --> comments (Markdown)
            findings, unused = suppressions.apply(doc, findings, [r.code for r in ran], self.registry)
            s001 = next((r for r in ran if r.code == suppressions.UNUSED_CODE), None)
            if s001 is not None:
                severity = self.config.severity.get(s001.code, s001.severity)
                findings.extend(_stamp(s001, severity, v, doc) for v in unused)
        findings.sort(key=lambda f: f.sort_key)
        return FileReport(
            path=article.path,
            text=doc.text,
            encoding=article.encoding,
            findings=findings,
            language=language,
            source=article.source_path,
            reference=article.reference_path,
            metrics=_metrics(article),
            paragraphs=[ParagraphInfo(p.index, p.kind, p.start, p.end, p.first_line) for p in doc.paragraphs],
            line_starts=list(doc.line_index.starts),
            alignment=_alignment(article),
        )


def _metrics(article: Article) -> dict[str, Any] | None:
    """BLEU, chrF and TER against the reference, when there is one (tlqa.metrics; sacrebleu is imported
    only then). A failure leaves the scores out and says why, as a crashing rule would."""
    if article.reference is None:
        return None
    from tlqa import metrics

    try:
        return metrics.report_metrics(article)
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


def _alignment(article: Article) -> list[tuple[int, int]] | None:
    """(source paragraph, article paragraph) index pairs, when there is a source (tlqa.alignment)."""
    if article.source is None:
        return None
    from tlqa import alignment

    try:
        aligned = alignment.for_article(article)
    except Exception:  # the alignment rules report the crash themselves
        return None
    return aligned.pairs() if aligned is not None else None


def _stamp(r: Rule, severity: Severity, v: Violation, doc: Document) -> Finding:
    start = max(0, min(v.start, len(doc.text)))
    end = max(start, min(v.end, len(doc.text)))
    para = doc.paragraph_at(start)
    return Finding(
        rule=r.code,
        family=r.family,
        severity=severity,
        start=start,
        end=end,
        begin=Position(*doc.position(start)),
        finish=Position(*doc.position(end)),
        excerpt=doc.text[start:end],
        message=v.message,
        suggestion=v.suggestion,
        evidence=v.evidence,
        paragraph=para.index if para else None,
    )
