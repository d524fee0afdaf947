"""`tlqa style test`: run the examples every style rule carries, as LanguageTool's rule authors do.

Each `[[style.rules]]` table may hold `examples.fail` (texts the rule must flag) and `examples.pass`
(texts it must leave alone). Each example is checked on its own, through the library API, with only its
rule selected; a result says whether it came out as the rule's author said it would, and what the rule
found.

    >>> from tlqa.config import load
    >>> results = run_examples(load("tlqa.toml"))  # doctest: +SKIP
    >>> [r for r in results if not r.ok]            # doctest: +SKIP
    []
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from tlqa import api
from tlqa.config import Config
from tlqa.engine import Engine
from tlqa.rules import Registry
from tlqa.stylerules import StyleRuleSpec, load_bundled


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example of one rule: whether it came out as expected, and what the rule found."""

    code: str
    kind: str  # "fail": the rule must flag the text; "pass": it must not
    text: str
    ok: bool
    found: tuple[str, ...] = ()  # the rule's findings on the text: "excerpt: message"
    error: str | None = None  # the rule crashed (a runaway pattern, say)

    @property
    def expected(self) -> str:
        return "should be flagged" if self.kind == "fail" else "should pass"


def run_examples(config: Config, *, bundled: bool = False) -> list[ExampleResult]:
    """Run the examples of every editor's rule in `config` (and, with `bundled`, those of the bundled
    style's declarative rules too), in file order: fail examples first, then pass ones."""
    specs: list[StyleRuleSpec] = list(config.style_rules)
    if bundled:
        specs = [*load_bundled(), *specs]
    if not specs:
        return []
    registry = Registry.for_config(config)
    results: list[ExampleResult] = []
    for spec in specs:
        selected = dataclasses.replace(
            config,
            select=(spec.code,),
            ignore=(),
            per_file_ignores=(),
            families={**config.families, "style": {**config.options("style"), "default": True}},
        )
        engine = Engine(selected, registry)
        for kind, texts in (("fail", spec.examples_fail), ("pass", spec.examples_pass)):
            results.extend(_run(engine, spec.code, kind, texts))
    return results


def _run(engine: Engine, code: str, kind: str, texts: Iterable[str]) -> list[ExampleResult]:
    out = []
    for text in texts:
        report = api.check_text(text, engine=engine)
        mine = [f for f in report.findings if f.rule == code]
        crashed = next((f for f in mine if f.evidence and f.evidence.get("crashed")), None)
        if crashed is not None:
            out.append(ExampleResult(code, kind, text, False, (crashed.message,), crashed.message))
            continue
        found = tuple(f"{f.excerpt!r}: {f.message}" for f in mine)
        ok = bool(mine) if kind == "fail" else not mine
        out.append(ExampleResult(code, kind, text, ok, found))
    return out
