"""Reporters: one module per output format behind one function, `render`.

Each format's module is imported only when that format is rendered, so that start-up stays cheap: only
the rich format imports `rich`. Reporters read a `RunReport` and the registry's metadata; they never run
checks (an import-linter contract keeps tlqa.checks, tlqa.engine and tlqa.cli out of this package).

Every format module has the same entry point:

    render(run, registry, out, *, color=None, width=None) -> None

`color` and `width` matter only to the rich format; the others ignore them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TextIO

from tlqa.reporters._common import summary_line

if TYPE_CHECKING:
    from tlqa.findings import RunReport
    from tlqa.rules import Registry

__all__ = ["FORMATS", "render", "summary_line"]

FORMATS = ("rich", "concise", "json", "sarif", "github", "junit")

# Format -> module. Modules are not named after `rich` or `json` so that they never shadow those names.
_MODULES = {
    "rich": "tlqa.reporters.rich_report",
    "concise": "tlqa.reporters.concise",
    "json": "tlqa.reporters.json_report",
    "sarif": "tlqa.reporters.sarif",
    "github": "tlqa.reporters.github",
    "junit": "tlqa.reporters.junit",
}


def render(
    fmt: str,
    run: RunReport,
    registry: Registry,
    out: TextIO,
    *,
    color: bool | None = None,
    width: int | None = None,
) -> None:
    """Write `run` to `out` in format `fmt` (one of FORMATS).

    `color`: None decides from `out` and the environment (NO_COLOR, FORCE_COLOR, a terminal), True forces
    colour, False gives plain text. `width`: the console width (None: the terminal's, or 80).
    Raises ValueError for an unknown format.
    """
    module_name = _MODULES.get(fmt)
    if module_name is None:
        raise ValueError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    module = importlib.import_module(module_name)
    module.render(run, registry, out, color=color, width=width)
