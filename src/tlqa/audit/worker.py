"""The audit's unit of work: check a chunk of articles, given as bytes, and return plain rows.

Runs in a pool process, a Dask worker, or the main process itself (`--jobs 1`): the same function
everywhere, so results do not depend on where they were computed. Each process keeps one Engine per
configuration (keyed by the configuration's hash), built on first use. Articles arrive as bytes read
by the main process (a Dask worker need not see the same disk), are decoded with tlqa.reading and
checked by tlqa.engine exactly as `tlqa check` does; the report is turned into rows with the JSON
reporter's own functions, so an export equals `tlqa check --format json`.

An article that cannot be decoded is `unreadable`; one on which something other than a rule fails
(a rule's crash is already a finding, by the engine) is `failed`, with the exception: neither stops the
chunk.
"""

from __future__ import annotations

import dataclasses
import json
import signal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tlqa.config import Config
    from tlqa.engine import Engine

# A finding row, in the order of the store's columns (and of the JSON contract's keys).
FINDING_KEYS = (
    "rule",
    "family",
    "severity",
    "line",
    "column",
    "end_line",
    "end_column",
    "start",
    "end",
    "excerpt",
    "message",
    "suggestion",
    "applicability",
    "evidence",
    "paragraph",
)


@dataclass(frozen=True, slots=True)
class Job:
    """One article to check: its bytes, its companions' bytes, and what configuration applies."""

    path: str
    key: str
    config: str  # configuration hash, a key of the chunk's configs
    ignored: tuple[str, ...]  # codes the style file's per-file-ignores switch off for this article
    data: bytes
    source: str | None = None
    source_data: bytes | None = None
    reference: str | None = None
    reference_data: bytes | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What checking one article gave, as plain data for the store."""

    path: str
    key: str | None
    status: str  # ok | unreadable | failed
    error: str | None = None
    encoding: str | None = None
    language: str | None = None
    report: str | None = None  # JSON: the file's entry in `tlqa check --format json`, findings aside
    findings: tuple[tuple[Any, ...], ...] = ()
    names: str = ""
    crashed: int = 0  # findings that say a rule crashed

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for row in self.findings:
            out[row[2]] += 1
        return out


@dataclass(frozen=True, slots=True)
class Chunk:
    version: str
    configs: dict[str, Config]
    jobs: tuple[Job, ...]


_ENGINES: dict[tuple[str, tuple[str, ...]], Engine] = {}


def init_process() -> None:
    """Pool initializer: Ctrl-C is the main process's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


_CODE_VERSION: str | None = None


def code_version() -> str:
    """tlqa's version and a hash of its code and data: results computed by other code (a new version,
    or an edited checkout under the same version number) are never taken for this code's."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        import hashlib
        from pathlib import Path

        from tlqa import __version__

        root = Path(__file__).resolve().parent.parent  # the tlqa package
        digest = hashlib.sha256()
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root).as_posix()
            wanted = path.suffix in (".py", ".toml", ".json", ".txt") and "__pycache__" not in relative
            if wanted and not relative.startswith("data/cases/"):  # rule examples change no result
                digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
        _CODE_VERSION = f"{__version__}+{digest.hexdigest()[:12]}"
    return _CODE_VERSION


def check_chunk(chunk: Chunk) -> tuple[str, list[Outcome]]:
    """Check every article of the chunk; returns this process's code version and the outcomes."""
    return code_version(), [check_job(job, chunk.configs[job.config]) for job in chunk.jobs]


def _engine(config_hash: str, config: Config, ignored: tuple[str, ...]) -> Engine:
    key = (config_hash, ignored)
    engine = _ENGINES.get(key)
    if engine is None:
        from tlqa.engine import Engine

        # The main process worked out the per-file ignores (paths resolve there); here they apply to
        # whatever path the article has.
        pinned = dataclasses.replace(config, per_file_ignores=(("*", "/", ignored),) if ignored else ())
        engine = _ENGINES[key] = Engine(pinned)
    return engine


def check_job(job: Job, config: Config) -> Outcome:
    from tlqa.errors import InputError

    try:
        return _check(job, config)
    except InputError as exc:
        return Outcome(job.path, job.key, "unreadable", error=exc.message)
    except Exception as exc:  # anything but a rule (the engine isolates those): record, go on
        return Outcome(job.path, job.key, "failed", error=f"{type(exc).__name__}: {exc}")


def _check(job: Job, config: Config) -> Outcome:
    import datetime as dt

    from tlqa import reading
    from tlqa.api import article_from
    from tlqa.audit.names import article_names
    from tlqa.reporters.json_report import file_dict

    has_source = job.source is not None and job.source_data is not None
    has_reference = job.reference is not None and job.reference_data is not None
    article = article_from(
        job.path,
        reading.decode(job.data, job.path),
        source=reading.decode(job.source_data, job.source) if has_source else None,  # type: ignore[arg-type]
        source_path=job.source if has_source else None,
        reference=reading.decode(job.reference_data, job.reference) if has_reference else None,  # type: ignore[arg-type]
        reference_path=job.reference if has_reference else None,
        published=dt.date.fromisoformat(job.published) if job.published else None,
    )
    engine = _engine(job.config, config, job.ignored)
    report = engine.run(article)
    data = file_dict(report)
    rows = tuple(tuple(_column(f, k) for k in FINDING_KEYS) for f in data.pop("findings"))
    return Outcome(
        job.path,
        job.key,
        "ok",
        encoding=data.get("encoding"),
        language=data.get("language"),
        report=json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False),
        findings=rows,
        # Cross-article names go with the names family: free when its rules ran (the document caches
        # the extraction), and not computed at all when they are not selected.
        names=article_names(article.target) if _runs_names(engine, job.path) else "",
        crashed=sum(1 for f in report.findings if f.evidence and f.evidence.get("crashed")),
    )


def _runs_names(engine: Engine, path: str) -> bool:
    return any(r.family == "names" for r in engine.rules_for(path))


def _column(finding: dict[str, Any], key: str) -> Any:
    value = finding[key]
    if key == "evidence" and value is not None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value
