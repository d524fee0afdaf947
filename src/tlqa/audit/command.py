"""`tlqa audit` as the command line runs it: the audit, the progress bar, the summary, the exports
and the HTML report, and the exit code. (tlqa.cli only parses the options and calls `main`.)

Exit codes: 0 nothing at or above --fail-on and every article read and checked; 1 otherwise; 2 a usage
or configuration error (nothing audited); 130 interrupted (what was finished is in the database, and
the next run resumes from there).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from tlqa.audit.core import AuditOptions, Interrupted
from tlqa.audit.export import FORMATS
from tlqa.errors import UsageError


def main(
    options: AuditOptions,
    *,
    fmt: str | None = None,
    output: str | None = None,
    html: str | None = None,
    top: int = 10,
    progress: bool | None = None,
) -> int:
    from tlqa import __version__
    from tlqa.audit import core
    from tlqa.audit import summary as summary_module

    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"--format: unknown format {fmt!r} (expected {', '.join(FORMATS)})")
    if options.engine not in ("local", "dask"):
        raise UsageError(f"--engine: expected local or dask, not {options.engine!r}")
    if options.jobs is not None and options.jobs < 0:
        raise UsageError("--jobs: expected a number of processes (0 or nothing: every core)")
    if not options.paths and not options.manifest:
        raise UsageError("name the articles: folders, files or globs, or --manifest FILE")
    if top < 1:
        raise UsageError("--top: expected a positive number")
    show = sys.stderr.isatty() if progress is None else progress
    try:
        with _progress(show) as update:
            audit = core.run(options, progress=update)
    except Interrupted as stop:
        stopped = stop.run
        print(
            f"tlqa: interrupted: {stopped.checked} articles checked and saved in {options.db} "
            f"({stopped.cached} unchanged); run the same command again to resume",
            file=sys.stderr,
        )
        stopped.store.close()
        return 130
    store = audit.store
    try:
        summary = summary_module.build(store, top=top)
        summary.checked_now, summary.cached_now, summary.elapsed = audit.checked, audit.cached, audit.elapsed
        if fmt is not None:
            from tlqa.audit import export

            with _opened(output) as out:
                export.write(fmt, store, summary, out, __version__)
        if html is not None:
            from tlqa.audit import html as html_module

            html_module.write(html, summary, version=__version__, db=options.db)
        summary_out = sys.stderr if (fmt is not None and output is None) else sys.stdout
        summary_module.render_text(summary, summary_out, db=options.db)
        if html is not None:
            print(f"Report: {html}", file=summary_out)
    finally:
        store.close()
    if summary.unreadable or summary.failed:
        return 1
    threshold = audit.first_config.fail_on if audit.first_config else None
    worst = summary.worst_severity()
    return 1 if threshold is not None and worst is not None and worst >= threshold else 0


@contextmanager
def _opened(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        return
    tmp = f"{path}.tmp{os.getpid()}"
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


@contextmanager
def _progress(show: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar on standard error (articles done, articles per second, time left)."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[no-untyped-def, override]
            speed = task.speed
            return Text(f"{speed:,.0f} articles/s" if speed else "", style="progress.data.speed")

    columns = (
        TextColumn("auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("audit", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
