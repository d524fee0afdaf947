"""The command line: a thin typer app that wires files, configuration, the engine and the reporters.

Exit codes: 0 when nothing is at or above --fail-on, 1 when something is, 2 for a usage, configuration
or input error (one line on standard error, never a traceback).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tlqa import __version__
from tlqa.errors import TlqaError, UsageError

app = typer.Typer(
    name="tlqa",
    help="Translation QA for machine-translated news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

FORMATS = ("rich", "concise", "json", "sarif", "github", "junit")
FAIL_ON = ("error", "warning", "info", "never")


def _version(value: bool) -> None:
    if value:
        print(f"tlqa {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Translation QA for machine-translated news articles."""


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    out = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    return out


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Article files (plain text or Markdown); '-' reads standard input.")
    ],
    source: Annotated[str | None, typer.Option("--source", "-s", help="The source-language text.")] = None,
    reference: Annotated[
        str | None, typer.Option("--reference", "-r", help="A reference translation.")
    ] = None,
    config: Annotated[
        str | None,
        typer.Option("--config", "-c", help="Style file (default: found from the article's folder upward)."),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Rule codes or prefixes to enable (repeat or comma-separate)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Rule codes or prefixes to disable; the longest prefix wins."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="rich, concise, json, sarif, github or junit (default: rich on a terminal, else concise).",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help="Lowest severity that makes the exit code 1: error, warning, info or never."
        ),
    ] = None,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Apply safe fixes to the files (atomically), then report what is left."),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the safe fixes as a unified diff instead of applying them.")
    ] = False,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date, YYYY-MM-DD, for reading relative dates."),
    ] = None,
    width: Annotated[
        int | None, typer.Option("--width", help="Width of the rich report (default: the terminal's).")
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", help="Report only findings this baseline file does not record."),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="Record today's findings in the --baseline file, then exit."),
    ] = False,
) -> None:
    """Check articles and report what is wrong."""
    from tlqa import api, fixing
    from tlqa import config as config_module
    from tlqa.engine import Engine
    from tlqa.findings import RunReport
    from tlqa.reporters import render

    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"--format: unknown format {fmt!r} (expected {', '.join(FORMATS)})")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on: expected one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if fix and diff:
        raise UsageError("--fix and --diff do not go together: --diff shows what --fix would write")
    if (fix or diff) and "-" in paths:
        raise UsageError("--fix and --diff need files, not standard input")
    if (source or reference) and len(paths) > 1:
        raise UsageError("--source and --reference go with a single article")
    if update_baseline and baseline is None:
        raise UsageError("--update-baseline needs --baseline FILE")
    published_date = None
    if published is not None:
        import datetime as dt

        try:
            published_date = dt.date.fromisoformat(published)
        except ValueError:
            raise UsageError(f"--published: expected a date as YYYY-MM-DD, not {published!r}") from None
    overrides = {"select": _codes(select), "extend-ignore": _codes(ignore), "fail-on": fail_on}

    engines: dict[object, Engine] = {}
    run = RunReport(version=__version__)
    input_errors: list[TlqaError] = []
    diffs: list[str] = []
    for path in paths:
        key = config or config_module.discover(api._folder(path))
        if key not in engines:
            engines[key] = Engine(config_module.load(key, overrides=overrides))
        engine = engines[key]
        try:
            report = api.check_file(
                path, source=source, reference=reference, engine=engine, published=published_date
            )
        except TlqaError as exc:
            input_errors.append(exc)
            print(f"tlqa: error: {exc}", file=sys.stderr)
            continue
        if fix or diff:
            fixed, applied = fixing.apply_fixes(report.text, report.findings)
            if applied and diff:
                diffs.append(fixing.unified_diff(path, report.text, fixed))
            elif applied:
                fixing.write_atomically(path, fixed, report.encoding)
                print(f"tlqa: fixed {applied} in {path}", file=sys.stderr)
                report = api.check_file(
                    path, source=source, reference=reference, engine=engine, published=published_date
                )
        run.files.append(report)

    if diff:
        sys.stdout.write("".join(diffs))
        raise typer.Exit(2 if input_errors else (1 if diffs else 0))
    if baseline is not None:
        from tlqa import baseline as baseline_module

        if update_baseline:
            baseline_module.record(run, baseline, sys.stderr)
            raise typer.Exit(2 if input_errors else 0)
        run = baseline_module.gate(run, baseline, sys.stderr)
    chosen = fmt or ("rich" if sys.stdout.isatty() else "concise")
    first = next(iter(engines.values()))
    render(chosen, run, first.registry, sys.stdout, width=width)
    if input_errors:
        raise typer.Exit(2)
    threshold = first.config.fail_on
    worst = run.worst()
    raise typer.Exit(1 if threshold is not None and worst is not None and worst >= threshold else 0)


@app.command()
def audit(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Folders, article files or globs (articles paired by name).")
    ] = None,
    manifest: Annotated[
        str | None, typer.Option("--manifest", "-m", help="CSV or JSONL: article, source, reference, ...")
    ] = None,
    config: Annotated[
        str | None,
        typer.Option("--config", "-c", help="Style file (default: found from each article's folder upward)."),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Rule codes or prefixes to enable.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Rule codes or prefixes to disable.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Processes (default: every core).")] = None,
    db: Annotated[str, typer.Option("--db", help="The results database (SQLite).")] = ".tlqa/audit.sqlite",
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="Export every result: json, jsonl or csv.")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write the export here (default: standard output).")
    ] = None,
    html: Annotated[str | None, typer.Option("--html", help="Write a self-contained HTML report.")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local, or dask (needs tlqa[dask]).")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (with --engine dask).")
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="error, warning, info or never (as for check).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Check every article again, even those unchanged.")
    ] = False,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal).")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Worst articles listed in the summary.")] = 10,
) -> None:
    """Audit an archive: check every article, keep the results in a database, summarise."""
    from tlqa.audit.command import main as audit_main
    from tlqa.audit.core import AuditOptions

    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on: expected one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    options = AuditOptions(
        paths=list(paths or []),
        manifest=manifest,
        config=config,
        select=_codes(select),
        ignore=_codes(ignore),
        fail_on=fail_on,
        jobs=jobs,
        db=db,
        engine=engine,
        scheduler=scheduler,
        force=force,
    )
    raise typer.Exit(audit_main(options, fmt=fmt, output=output, html=html, top=top, progress=progress))


@app.command()
def rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
) -> None:
    """List every rule: code, family, default severity, summary."""
    from tlqa.rules import Registry

    registry = Registry.from_modules()
    if fmt == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family,
                "severity": r.severity.label,
                "fixable": r.fixable,
                "needs": sorted(r.needs),
                "summary": r.summary,
            }
            for r in registry
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if fmt != "text":
        raise UsageError(f"--format: expected text or json, not {fmt!r}")
    print(f"{'CODE':<6} {'FAMILY':<13} {'SEVERITY':<8} {'FIX':<3}  SUMMARY")
    for r in registry:
        fixable = "yes" if r.fixable else ""
        print(f"{r.code:<6} {r.family:<13} {r.severity.label:<8} {fixable:<3}  {r.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. Q101.")]) -> None:
    """Print a rule's documentation and its examples."""
    from tlqa import cases
    from tlqa import config as config_module
    from tlqa.rules import Registry

    registry = Registry.for_config(config_module.load(config_module.discover(".")))
    r = registry.get(code)
    if r is None:
        import difflib

        close = difflib.get_close_matches(code.upper(), [x.code for x in registry], n=1)
        hint = f"; did you mean {close[0]}?" if close else " (see 'tlqa rules')"
        raise UsageError(f"unknown rule code {code!r}{hint}")
    print(
        f"{r.code} {r.name}  (family {r.family}, default severity {r.severity.label}"
        f"{', fixable' if r.fixable else ''})\n"
    )
    print(r.doc)
    examples = cases.load(r.code)
    if examples.failing or examples.passing:
        print("\nFlagged:")
        for case in examples.failing[:4]:
            print(f"    {case.text!r}")
        print("Not flagged:")
        for case in examples.passing[:4]:
            print(f"    {case.text!r}")


@app.command("config")
def config_cmd(
    show: Annotated[
        bool, typer.Option("--show", help="Print every effective setting and where it came from.")
    ] = False,
    config: Annotated[
        str | None, typer.Option("--config", "-c", help="Style file (default: found from here upward).")
    ] = None,
    path: Annotated[str, typer.Argument(help="Folder (or article) to resolve the style file for.")] = ".",
) -> None:
    """Show the effective configuration."""
    import json
    import os

    from tlqa import config as config_module

    start = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    found = config or config_module.discover(start)
    cfg = config_module.load(found)
    if not show:
        print(found or "no style file found: the defaults apply")
        return
    for key, value, origin in cfg.settings():
        print(f"{key} = {json.dumps(value, ensure_ascii=False)}    # {origin}")


style_app = typer.Typer(help="The house style's own rules.", no_args_is_help=True)
app.add_typer(style_app, name="style")


@style_app.command("test")
def style_test(
    config: Annotated[
        str | None, typer.Option("--config", "-c", help="Style file (default: found from here upward).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List the examples that pass too.")
    ] = False,
) -> None:
    """Run the examples of every rule in the style file; exit 1 if any fails."""
    from tlqa import config as config_module
    from tlqa.styletest import run_examples

    found = config or config_module.discover(".")
    if found is None:
        raise UsageError("no style file found here or above; name one with --config")
    results = run_examples(config_module.load(found))
    failed = [r for r in results if not r.ok]
    for r in results:
        if r.ok and not verbose:
            continue
        verdict = "ok  " if r.ok else "FAIL"
        expected = "should be flagged" if r.kind == "fail" else "should pass"
        print(f"{verdict} {r.code} {expected}: {r.text!r}" + ("" if r.ok else f" ({r.found})"))
    print(f"{len(results)} examples, {len(results) - len(failed)} passed, {len(failed)} failed")
    raise typer.Exit(1 if failed else 0)


def main(argv: list[str] | None = None) -> int:
    """Console entry point: runs the app, turning every user error into one line and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    try:
        result = app(args=args, prog_name="tlqa", standalone_mode=False)
    except TlqaError as exc:
        print(f"tlqa: error: {exc}", file=sys.stderr)
        return 2
    except typer.Exit as exc:
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("tlqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        exit_code = getattr(exc, "exit_code", None)
        if hasattr(exc, "format_message") and exit_code is not None:  # click usage errors
            print(f"tlqa: error: {exc.format_message()} (see 'tlqa --help')", file=sys.stderr)
            return int(exit_code) if exit_code != 1 else 2
        if type(exc).__name__ == "Abort":
            return 130
        raise
    return int(result) if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
