"""Regular expressions an editor writes in a style file, guarded so that none can run away.

Patterns are compiled with the `regex` engine, which takes a time limit on every match. On load each
pattern is probed against inputs made to provoke catastrophic backtracking (runs of its own literal
characters, then a character that makes the match fail); one that exceeds the limit is a configuration
error. At check time every search still runs under a limit, and a search that exceeds it raises
`PatternTimeout`, which the engine reports as the rule's failure without stopping the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

PROBE_SECONDS = 0.05
SEARCH_SECONDS = 0.5
_GENERIC_PROBES = (
    "a" * 40 + "!",
    "aa" * 24 + "!",
    " " * 60 + "!",
    "word " * 40 + "!",
    "1" * 40 + "x",
    "x" * 60,
)


class PatternError(ValueError):
    """A pattern that does not compile or that could run away; the message says which."""


class PatternTimeout(RuntimeError):
    """A search that exceeded its time limit at check time."""


@dataclass(frozen=True, slots=True)
class SafePattern:
    source: str
    compiled: Any  # regex.Pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        end = len(text) if endpos is None else endpos
        try:
            yield from self.compiled.finditer(text, pos, end, timeout=SEARCH_SECONDS)
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.source!r} took longer than {SEARCH_SECONDS} s") from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        try:
            return self.compiled.search(text, pos, end, timeout=SEARCH_SECONDS)
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.source!r} took longer than {SEARCH_SECONDS} s") from None


def compile_pattern(source: str, *, ignore_case: bool = False) -> SafePattern:
    """Compile and probe a user pattern; raise PatternError when it is invalid or could run away."""
    import regex

    flags = regex.UNICODE | (regex.IGNORECASE if ignore_case else 0)
    try:
        compiled = regex.compile(source, flags)
    except regex.error as exc:
        raise PatternError(f"invalid regular expression {source!r}: {exc}") from None
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:
        raise PatternError(f"invalid regular expression {source!r}: {exc}") from None
    for probe in _probes(source):
        try:
            compiled.search(probe, timeout=PROBE_SECONDS)
        except TimeoutError:
            raise PatternError(
                f"regular expression {source!r} could run away (catastrophic backtracking): "
                "avoid nested or overlapping repetition such as (a+)+ or (a|aa)*"
            ) from None
    return SafePattern(source, compiled)


def _probes(source: str) -> list[str]:
    literals = sorted({ch for ch in source if ch.isalnum() or ch == " "})[:12]
    made = [ch * 40 + "\x00" for ch in literals]
    if len(literals) >= 2:
        made.append("".join(literals) * 10 + "\x00")
    return [*_GENERIC_PROBES, *made]
