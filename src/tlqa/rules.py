"""Rule metadata, the registry of rules, and rule selection.

A rule is a function with its metadata beside it, declared with `@rule(...)`. Its docstring is its
documentation: `tlqa explain CODE` prints it and SARIF's rule help is made from it. The first line is the
one-line summary `tlqa rules` shows. Codes are stable: family letter(s) plus digits, with gaps for growth.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tlqa.findings import Severity, Violation

if TYPE_CHECKING:
    from tlqa.config import Config
    from tlqa.engine import Article

CheckFunction = Callable[["Article", Mapping[str, Any]], Iterable[Violation]]

# Family name -> code prefix. The JSON contract enumerates the families.
FAMILIES: dict[str, str] = {
    "quotes": "Q",
    "names": "N",
    "dates": "D",
    "numbers": "M",
    "fragments": "F",
    "untranslated": "U",
    "style": "S",
    "reference": "R",
    "alignment": "A",
}


def check_modules() -> tuple[str, ...]:
    """The modules that declare built-in rules: every module of the `tlqa.checks` package (one per
    family), imported when a registry is built. A module whose name starts with '_' is a helper."""
    import pkgutil

    package = importlib.import_module("tlqa.checks")
    names = (m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    return tuple(f"tlqa.checks.{name}" for name in sorted(names))


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    severity: Severity
    doc: str
    func: CheckFunction
    needs: frozenset[str] = frozenset()  # "source", "reference", "published"
    fixable: bool = False

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].rstrip(".") if self.doc.strip() else self.name

    @property
    def module(self) -> str:
        return self.func.__module__


def rule(
    code: str,
    name: str,
    family: str,
    severity: Severity,
    *,
    needs: Iterable[str] = (),
    fixable: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare a check function as a rule; the metadata is attached to the function, not registered
    anywhere global, so a registry is built per run from the modules it is given."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")
    if not code.startswith(FAMILIES[family]) or not code[len(FAMILIES[family]) :].isdigit():
        raise ValueError(f"rule code {code!r} does not fit family {family!r}")

    def decorate(func: CheckFunction) -> CheckFunction:
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise ValueError(f"rule {code} has no docstring")
        func.__tlqa_rule__ = Rule(code, name, family, severity, doc, func, frozenset(needs), fixable)  # type: ignore[attr-defined]
        return func

    return decorate


class Registry:
    """The rules of one run, by code."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules: dict[str, Rule] = {}
        for r in rules:
            if r.code in self._rules:
                raise ValueError(f"duplicate rule code {r.code}")
            self._rules[r.code] = r
        self._rules = dict(sorted(self._rules.items()))

    @classmethod
    def from_modules(cls, modules: Iterable[str] | None = None) -> Registry:
        found = []
        for name in check_modules() if modules is None else modules:
            module = importlib.import_module(name)
            for _attr, value in sorted(vars(module).items()):
                meta = getattr(value, "__tlqa_rule__", None)
                if isinstance(meta, Rule):
                    found.append(meta)
        return cls(found)

    @classmethod
    def for_config(cls, config: Config, modules: Iterable[str] | None = None) -> Registry:
        """The built-in rules plus those a configuration declares (an editor's style rules): a check
        module contributes the latter through a `config_rules(config)` function."""
        names = check_modules() if modules is None else tuple(modules)
        found = list(cls.from_modules(names))
        for name in names:
            make = getattr(importlib.import_module(name), "config_rules", None)
            if make is not None:
                found.extend(make(config))
        return cls(found)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def get(self, code: str) -> Rule | None:
        return self._rules.get(code.upper())

    def select(self, select: Iterable[str] = ("ALL",), ignore: Iterable[str] = ()) -> list[Rule]:
        """Rules enabled by `select` and `ignore`, as flake8 and ruff do it: for each rule the longest
        matching selector decides; at equal length `ignore` wins. 'ALL' matches every rule (length 0)."""
        sel, ign = list(select), list(ignore)
        chosen = []
        for r in self:
            best_sel = _longest_match(r.code, sel)
            best_ign = _longest_match(r.code, ign)
            if best_sel is not None and (best_ign is None or best_sel > best_ign):
                chosen.append(r)
        return chosen

    def known_selector(self, selector: str) -> bool:
        s = selector.upper()
        return s == "ALL" or any(code.startswith(s) for code in self._rules) or s in FAMILIES.values()


def _longest_match(code: str, selectors: list[str]) -> int | None:
    best = None
    for s in selectors:
        s = s.upper()
        length = 0 if s == "ALL" else len(s) if code.startswith(s) else -1
        if length >= 0 and (best is None or length > best):
            best = length
    return best
