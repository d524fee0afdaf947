"""Running the audit's chunks: in the main process (`--jobs 1`), in a pool of processes, or on a Dask
cluster (`--engine dask --scheduler ADDRESS`). The same function checks every chunk everywhere
(tlqa.audit.worker.check_chunk), so where a result was computed never changes it.

Chunks are submitted as the main process reads the articles, with a bounded number in flight, so
memory does not grow with the archive. A pool process that dies (killed, out of memory) breaks the
pool: the pool is started again and the chunks that were in flight are checked one article at a time;
an article that kills its process again is recorded as `failed`. Pool processes ignore Ctrl-C (the
main process stops the audit) and end themselves if the main process disappears.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from tlqa.audit.worker import Chunk, Outcome, check_chunk, init_process
from tlqa.errors import UsageError

if TYPE_CHECKING:
    from tlqa.audit.worker import Job
    from tlqa.config import Config

Save = Callable[[Outcome], None]
CONNECT_TIMEOUT = 30  # seconds to reach a Dask scheduler


def chunk_size(total: int, jobs: int) -> int:
    """Small chunks keep the pool balanced and lose little when a process dies; a few articles per
    chunk are enough to pay for the messages."""
    return max(1, min(8, total // max(1, jobs * 16)))


def run(
    jobs_iter: Iterator[tuple[Job, Config]],
    save: Save,
    *,
    version: str,
    jobs: int,
    total: int,
    engine: str = "local",
    scheduler: str | None = None,
) -> None:
    from tlqa.audit.core import make_chunks

    if engine == "dask":
        chunks = make_chunks(jobs_iter, chunk_size(total, 8), version)
        _run_dask(chunks, save, version, scheduler or "")
    elif jobs <= 1:
        for chunk in make_chunks(jobs_iter, 1, version):  # one at a time: each result stored at once
            _accept(check_chunk(chunk), chunk, version, save)
    else:
        _run_pool(make_chunks(jobs_iter, chunk_size(total, jobs), version), save, version, jobs)


def _accept(result: tuple[str, list[Outcome]], chunk: Chunk, version: str, save: Save) -> None:
    worker_version, outcomes = result
    if worker_version != version:
        raise UsageError(
            f"a worker runs tlqa {worker_version}, this is tlqa {version}: install the same tlqa on both"
        )
    for outcome in outcomes:
        save(outcome)


def _failed(chunk: Chunk, reason: str, save: Save) -> None:
    for job in chunk.jobs:
        save(Outcome(job.path, job.key, "failed", error=reason))


def _singles(chunk: Chunk) -> Iterable[Chunk]:
    for job in chunk.jobs:
        yield Chunk(chunk.version, {job.config: chunk.configs[job.config]}, (job,))


# -- a pool of processes ----------------------------------------------------------------------------


def _pool_initializer(parent: int) -> None:
    init_process()

    def watch() -> None:  # the main process was killed: do not linger as an orphan
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="tlqa-parent-watch").start()


def _new_pool(jobs: int) -> Any:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, initializer=_pool_initializer, initargs=(os.getpid(),))


def _run_pool(chunks: Iterator[Chunk], save: Save, version: str, jobs: int) -> None:
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 4
    executor = _new_pool(jobs)
    pending: dict[Any, Chunk] = {}
    finished = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending[executor.submit(check_chunk, chunk)] = chunk
            if not pending:
                finished = True
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken: list[Chunk] = []
            for future in sorted(done, key=lambda f: pending[f].jobs[0].path):
                chunk = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken.append(chunk)
                    continue
                except Exception as exc:  # not an article's fault we could pin down: record the chunk
                    _failed(chunk, f"{type(exc).__name__}: {exc}", save)
                    continue
                _accept(result, chunk, version, save)
            if broken:
                broken.extend(pending.values())  # a broken pool fails every future it holds
                pending.clear()
                executor.shutdown(wait=True, cancel_futures=True)
                executor = _new_pool(jobs)
                executor = _one_by_one(broken, save, version, jobs, executor)
    finally:  # idle processes are waited for; on Ctrl-C nothing is waited for
        executor.shutdown(wait=finished, cancel_futures=True)


def _one_by_one(chunks: list[Chunk], save: Save, version: str, jobs: int, executor: Any) -> Any:
    """Check the articles of chunks that were in a pool when it broke, one at a time, so that the one
    that kills its process is found and recorded; returns the (perhaps new) pool."""
    from concurrent.futures.process import BrokenProcessPool

    for chunk in chunks:
        for single in _singles(chunk):
            try:
                result = executor.submit(check_chunk, single).result()
            except BrokenProcessPool:
                _failed(single, "the process checking it died (killed, or out of memory)", save)
                executor.shutdown(wait=True, cancel_futures=True)
                executor = _new_pool(jobs)
                continue
            _accept(result, single, version, save)
    return executor


# -- Dask ---------------------------------------------------------------------------------------------


def check_dask_available(scheduler: str | None) -> None:
    if not scheduler:
        raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'tlqa[dask]'") from None


def _run_dask(chunks: Iterator[Chunk], save: Save, version: str, scheduler: str) -> None:
    from distributed import Client, as_completed

    try:
        client = Client(scheduler, set_as_default=False, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
    try:
        window = max(8, 4 * sum(client.nthreads().values()))
        pending: dict[Any, Chunk] = {}
        queue = as_completed(loop=client.loop)

        def submit_next() -> bool:
            chunk = next(chunks, None)
            if chunk is None:
                return False
            future = client.submit(check_chunk, chunk, pure=False)
            pending[future] = chunk
            queue.add(future)
            return True

        while len(pending) < window and submit_next():
            pass
        for future in queue:
            chunk = pending.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # a worker lost (KilledWorker) or the task failed
                _failed(chunk, f"{type(exc).__name__}: {exc}", save)
            else:
                _accept(result, chunk, version, save)
            future.release()
            submit_next()
    finally:
        client.close()
