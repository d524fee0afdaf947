"""Regular expressions compiled on first use.

A fresh `tlqa check` process pays for every pattern its modules compile at import, and most of a
family's patterns serve text an article may not have (Korean numerals, Chinese dates, foreign scripts).
`lazyre.compile` returns a stand-in that compiles the pattern the first time it is used and then puts the
compiled pattern's methods on itself, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    __slots__ = ("__dict__", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self._source, self._flags)
        for name in _METHODS:
            self.__dict__[name] = getattr(compiled, name)
        self.__dict__["pattern"] = compiled.pattern
        self.__dict__["flags"] = compiled.flags
        self.__dict__["groups"] = compiled.groups
        self.__dict__["groupindex"] = compiled.groupindex
        self.__dict__["compiled"] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # introspection (the registry looks for __tlqa_rule__): no compile
            raise AttributeError(name)
        self._compiled()
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"lazyre.compile({self._source!r})"


def compile(source: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(source, flags)
