"""The public Python API, on which the CLI itself is built.

>>> import tlqa
>>> report = tlqa.check_text("He said “yes.")
>>> [f.rule for f in report.findings]
['Q101']
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

from tlqa import config as config_module
from tlqa import reading
from tlqa.config import Config
from tlqa.document import Document
from tlqa.engine import Article, Engine
from tlqa.findings import FileReport, RunReport


def load_config(path: str | os.PathLike[str] | None = None, **overrides: object) -> Config:
    """Load a style file (or the defaults when `path` is None), with optional overrides such as
    `select=["Q1"]`, `ignore=[...]` or `fail_on="warning"`."""
    return config_module.load(path, overrides={k.replace("_", "-"): v for k, v in overrides.items()})


def article_from(
    path: str,
    decoded: reading.Decoded,
    *,
    source: reading.Decoded | None = None,
    source_path: str | None = None,
    reference: reading.Decoded | None = None,
    reference_path: str | None = None,
    fmt: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """The article the checks see, from decoded texts (the one place an Article is put together: the
    CLI, the API and the audit workers all come through here)."""
    fmt = fmt or reading.detect_format(path, decoded.text)
    src_name = source_path or "<source>"
    ref_name = reference_path or "<reference>"
    return Article(
        path=path,
        target=Document(decoded.text, fmt, path),
        encoding=decoded.encoding,
        source=Document(source.text, reading.detect_format(src_name, source.text), src_name)
        if source
        else None,
        reference=Document(reference.text, fmt, ref_name) if reference else None,
        source_path=src_name if source else None,
        reference_path=ref_name if reference else None,
        published=published,
    )


def check_text(
    text: str,
    *,
    path: str = "-",
    source: str | None = None,
    reference: str | None = None,
    fmt: str | None = None,
    config: Config | None = None,
    engine: Engine | None = None,
    published: dt.date | None = None,
) -> FileReport:
    """Check an article given as text; `source` and `reference` are texts too; `published` is the
    publication date that relative dates ("on Monday") are read against."""
    engine = engine or Engine(config or Config())
    article = article_from(
        path,
        reading.Decoded(text, "utf-8"),
        source=reading.Decoded(source, "utf-8") if source is not None else None,
        reference=reading.Decoded(reference, "utf-8") if reference is not None else None,
        fmt=fmt,
        published=published,
    )
    return engine.run(article)


def check_file(
    path: str,
    *,
    source: str | None = None,
    reference: str | None = None,
    config: Config | None = None,
    engine: Engine | None = None,
    published: dt.date | None = None,
) -> FileReport:
    """Check an article file ('-' for standard input); `source` and `reference` are paths.
    Raises tlqa.errors.InputError for a file that cannot be read or decoded."""
    if engine is None:
        engine = Engine(config or _discovered(path))
    article = article_from(
        path,
        reading.read_path(path),
        source=reading.read_path(source) if source else None,
        source_path=source,
        reference=reading.read_path(reference) if reference else None,
        reference_path=reference,
        published=published,
    )
    return engine.run(article)


def check_paths(
    paths: Iterable[str],
    *,
    source: str | None = None,
    reference: str | None = None,
    config: Config | None = None,
    published: dt.date | None = None,
) -> RunReport:
    """Check several files. Without an explicit `config`, each file gets the style file found from its
    folder upward; each style file is loaded once."""
    from tlqa import __version__

    engines: dict[object, Engine] = {}
    run = RunReport(version=__version__)
    for p in paths:
        key: object = "explicit" if config is not None else config_module.discover(_folder(p))
        if key not in engines:
            engines[key] = Engine(config if config is not None else config_module.load(key))  # type: ignore[arg-type]
        run.files.append(
            check_file(p, source=source, reference=reference, engine=engines[key], published=published)
        )
    return run


def _folder(path: str) -> str:
    return os.getcwd() if path == "-" else str(Path(path).resolve().parent)


def _discovered(path: str) -> Config:
    return config_module.load(config_module.discover(_folder(path)))
