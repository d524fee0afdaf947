"""The audit itself: discover, skip what has not changed, check the rest, store every result.

The main process reads each article (and its source and reference), hashes them into the article's
key, and looks the key up in the store: an unchanged article costs a read, a hash and one query. The
others go to the runner in chunks, with the configurations they need; results are stored as they come
back, one transaction per article. Nothing is kept in memory per article beyond the list of what to
audit (paths and labels): summaries and exports are read back from the store.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tlqa import config as config_module
from tlqa.audit.discovery import ArticleSpec, Patterns, discover, merge, read_manifest
from tlqa.audit.store import Store
from tlqa.audit.worker import Chunk, Job, Outcome

if TYPE_CHECKING:
    from tlqa.config import Config
    from tlqa.engine import Engine


@dataclass
class AuditOptions:
    paths: list[str] = field(default_factory=list)
    manifest: str | None = None
    config: str | None = None  # an explicit style file; else each article's, found upward
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    jobs: int | None = None  # None or 0: every core
    db: str = os.path.join(".tlqa", "audit.sqlite")
    engine: str = "local"  # local | dask
    scheduler: str | None = None
    force: bool = False  # check everything again, whatever the store holds


@dataclass
class AuditRun:
    """What one audit did (the results are in the store)."""

    store: Store
    total: int
    checked: int = 0
    cached: int = 0
    elapsed: float = 0.0
    interrupted: bool = False
    first_config: Config | None = None


class Interrupted(Exception):
    """The audit was stopped (Ctrl-C): what was finished is in the store."""

    def __init__(self, run: AuditRun) -> None:
        super().__init__("interrupted")
        self.run = run


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _Configs:
    """Style files by folder, loaded once each; an Engine in the main process per configuration (to
    validate selectors and name the rules), and each configuration's hash."""

    def __init__(self, options: AuditOptions) -> None:
        self.explicit = options.config
        self.overrides = {
            "select": options.select,
            "extend-ignore": options.ignore,
            "fail-on": options.fail_on,
        }
        self._by_folder: dict[str, object] = {}
        self._by_file: dict[object, tuple[Config, Engine, str]] = {}

    def for_folder(self, folder: str) -> tuple[Config, Engine, str]:
        key: object = self.explicit
        if key is None:
            key = self._by_folder.get(folder)
            if key is None:
                key = config_module.discover(folder) or "defaults"
                self._by_folder[folder] = key
        found = self._by_file.get(key)
        if found is None:
            from tlqa.engine import Engine

            config = config_module.load(None if key == "defaults" else key, overrides=self.overrides)  # type: ignore[arg-type]
            engine = Engine(config)
            found = self._by_file[key] = (config, engine, config_hash(engine))
        return found

    def patterns(self, root: str) -> Patterns:
        folder = root if os.path.isdir(root) else os.path.dirname(root) or "."
        config, _engine, _hash = self.for_folder(os.path.abspath(folder))
        return Patterns.from_options(config.audit_options())


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def config_hash(engine: Engine) -> str:
    """A hash of what decides an article's findings under this configuration: the rules that run and
    their severities, every family's options, and the style file's own rules."""
    config = engine.config
    families = sorted({r.family for r in engine.registry or ()})
    data = {
        "rules": [
            [r.code, config.severity.get(r.code, r.severity).label, sorted(r.needs)] for r in engine.rules
        ],
        "options": {family: config.options(family) for family in families},
        "extras": {k: [_ADDRESS.sub("", repr(e)) for e in v] for k, v in sorted(config.extras.items())},
    }
    text = json.dumps(data, sort_keys=True, default=lambda v: _ADDRESS.sub("", repr(v)), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _read(path: str) -> bytes:
    """An article's bytes; OSError's reason becomes an InputError as tlqa.reading words it."""
    from tlqa.errors import InputError

    if os.path.isdir(path):
        raise InputError("is a directory, not an article", path)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path) from None


def _sha(data: bytes | None) -> str:
    return hashlib.sha256(data).hexdigest() if data is not None else ""


def find_articles(options: AuditOptions, configs: _Configs) -> list[ArticleSpec]:
    from tlqa.errors import UsageError

    found = discover(options.paths, configs.patterns) if options.paths else []
    listed = read_manifest(options.manifest) if options.manifest else []
    specs = merge(found, listed) if listed else found
    if not specs:
        where = ", ".join(options.paths) or options.manifest or "."
        raise UsageError(f"no articles found in {where} (see the [audit] naming patterns in the README)")
    return specs


def run(options: AuditOptions, *, progress: Callable[[int, int], None] | None = None) -> AuditRun:
    """Audit the articles `options` names; results go to the store. `progress(done, total)` is called
    as articles are done (checked or found unchanged). Raises Interrupted on Ctrl-C (what was finished
    is stored), TlqaError for a usage or configuration error (before anything is stored)."""
    from tlqa import reading
    from tlqa.audit import runner
    from tlqa.audit.worker import code_version

    started = time.perf_counter()
    version = code_version()
    configs = _Configs(options)
    specs = find_articles(options, configs)
    jobs = options.jobs or default_jobs()
    if options.engine == "dask":
        runner.check_dask_available(options.scheduler)
    store = Store(options.db)
    store.set_scope(s.path for s in specs)
    audit = AuditRun(store, total=len(specs))
    audit.first_config = configs.for_folder(os.path.abspath(os.path.dirname(specs[0].path) or "."))[0]
    metas: dict[str, dict[str, object]] = {}  # of the articles in flight

    def save(outcome: Outcome) -> None:
        store.save(outcome, metas.pop(outcome.path))
        audit.checked += 1
        if progress:
            progress(audit.checked + audit.cached, audit.total)

    def unchanged() -> None:
        audit.cached += 1
        if progress:
            progress(audit.checked + audit.cached, audit.total)

    folders: dict[str, tuple[Config, Engine, str]] = {}

    def jobs_to_run() -> Iterator[tuple[Job, Config]]:
        for spec in specs:
            folder = os.path.dirname(spec.path)
            found = folders.get(folder)
            if found is None:
                found = folders[folder] = configs.for_folder(os.path.abspath(folder or "."))
            config, _engine, chash = found
            ignored = config.ignored_for(spec.path) if config.per_file_ignores else ()
            inputs = (version, chash, ",".join(ignored), spec.published or "")
            stamp = _stamp(spec, inputs)
            stored = None if options.force else store.lookup(spec.path)
            if (
                stored is not None
                and stored.status != "unreadable"
                and (stored.desk, stored.translator)
                != (
                    spec.desk,
                    spec.translator,
                )
            ):
                store.update_labels(spec.path, spec.desk, spec.translator)
            if (
                stored is not None
                and stamp is not None
                and stored.stamp == stamp
                and stored.status != "unreadable"
            ):
                unchanged()  # same files by size and time, same configuration: not even read
                continue
            meta = {
                "source": spec.source,
                "reference": spec.reference,
                "published": spec.published,
                "desk": spec.desk,
                "translator": spec.translator,
                "tlqa_version": version,
                "config_hash": chash,
                "format": reading.detect_format(spec.path, ""),
                "stamp": stamp,
            }
            job = _prepare(spec, inputs, chash, ignored)
            if isinstance(job, Outcome):  # could not even be read: recorded, never cached
                metas[spec.path] = meta
                save(job)
                continue
            if stored is not None and stored.key == job.key and stored.status != "unreadable":
                store.update_stamp(spec.path, stamp)  # touched, not changed: the content hash says so
                unchanged()
                continue
            metas[spec.path] = meta
            yield job, config

    try:
        runner.run(
            jobs_to_run(),
            save,
            version=version,
            jobs=jobs,
            total=len(specs),
            engine=options.engine,
            scheduler=options.scheduler,
        )
    except KeyboardInterrupt:
        audit.interrupted = True
        audit.elapsed = time.perf_counter() - started
        raise Interrupted(audit) from None
    audit.elapsed = time.perf_counter() - started
    return audit


def _stamp(spec: ArticleSpec, inputs: tuple[str, ...]) -> str | None:
    """What the files look like from outside (paths, sizes, modification times) and what else decides
    the result: when it matches the stored one the article is not read again (as git and make judge
    a file). None when a file cannot be looked at (it will be read, and fail, to say why)."""
    parts = list(inputs)
    for path in (spec.path, spec.source, spec.reference):
        if path is None:
            parts.append("")
            continue
        try:
            st = os.stat(path)
        except OSError:
            return None
        parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _prepare(
    spec: ArticleSpec, inputs: tuple[str, ...], chash: str, ignored: tuple[str, ...]
) -> Job | Outcome:
    """Read the article and its companions; the key hashes their contents with `inputs` (the code's
    version, the configuration's hash, the per-file ignores, the publication date)."""
    from tlqa.errors import InputError

    try:
        data = _read(spec.path)
        source_data = _read(spec.source) if spec.source else None
        reference_data = _read(spec.reference) if spec.reference else None
    except InputError as exc:  # the article's own path is the row's; a companion's is named
        return Outcome(
            spec.path, None, "unreadable", error=exc.message if exc.path == spec.path else str(exc)
        )
    contents = (_sha(data), spec.source or "", _sha(source_data), spec.reference or "", _sha(reference_data))
    key = hashlib.sha256("\x1f".join((*inputs, *contents)).encode("utf-8")).hexdigest()
    return Job(
        spec.path,
        key,
        chash,
        tuple(ignored),
        data,
        spec.source,
        source_data,
        spec.reference,
        reference_data,
        spec.published,
    )


def make_chunks(jobs: Iterator[tuple[Job, Config]], size: int, version: str) -> Iterator[Chunk]:
    """Group jobs into chunks of `size`, each with the configurations its jobs need."""
    batch: list[Job] = []
    configs: dict[str, Config] = {}
    for job, config in jobs:
        batch.append(job)
        configs[job.config] = config
        if len(batch) >= size:
            yield Chunk(version, configs, tuple(batch))
            batch, configs = [], {}
    if batch:
        yield Chunk(version, configs, tuple(batch))
