"""An audit stopped halfway (Ctrl-C, then a kill) resumes, and ends with the database an uninterrupted
audit gives: no result lost, none duplicated."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import make_corpus

ARTICLES = 200
ARGS = ("--select", "Q", "--fail-on", "never", "--no-progress")

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX signals")


def db_rows(path: Path) -> tuple[list, list]:
    db = sqlite3.connect(path)
    cols = [r[1] for r in db.execute("PRAGMA table_info(articles)") if r[1] != "checked_at"]
    articles = db.execute(f"SELECT {', '.join(cols)} FROM articles ORDER BY path").fetchall()
    findings = db.execute("SELECT * FROM findings ORDER BY path, seq").fetchall()
    db.close()
    return articles, findings


def stored(path: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def snapshot(tmp_path: Path) -> None:
    """A copy of tlqa for every run of the test: results are keyed by the code that computed them, so
    an edit to the working tree between two runs would (rightly) make the next one check everything."""
    import tlqa

    code = tmp_path / "code" / "tlqa"
    shutil.copytree(Path(tlqa.__file__).parent, code, ignore=shutil.ignore_patterns("__pycache__"))


def start(tmp_path: Path, db: Path, jobs: int = 2) -> subprocess.Popen:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(tmp_path / "code")}
    return subprocess.Popen(
        [sys.executable, "-m", "tlqa.cli", "audit", "arch", "--db", str(db), "--jobs", str(jobs), *ARGS],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def stop_when(proc: subprocess.Popen, db: Path, at_least: int, sig: int) -> list[int]:
    deadline = time.monotonic() + 60
    while stored(db) < at_least:
        assert proc.poll() is None, "the audit finished before it could be stopped"
        assert time.monotonic() < deadline, "the audit made no progress"
        time.sleep(0.01)
    workers = children(proc.pid)
    os.kill(proc.pid, sig)
    return workers


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_interrupted_then_killed_audit_resumes_to_the_same_database(tmp_path):
    snapshot(tmp_path)
    for i, text in enumerate(make_corpus(ARTICLES, seed=11, words=80, defect_rate=0.5)):
        folder = tmp_path / "arch" / f"{2020 + i % 4}-0{1 + i % 9}-1{i % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story{i:04d}.en.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "stopped.sqlite"
    try:
        # Ctrl-C: the audit stops, says how to resume, exits 130.
        proc = start(tmp_path, db)
        stop_when(proc, db, 5, signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, err.decode()
        assert "interrupted" in err.decode() and "resume" in err.decode()
        after_ctrl_c = stored(db)
        assert 5 <= after_ctrl_c < ARTICLES
        # A kill: nothing gets a chance to clean up; the pool's processes notice and end.
        proc = start(tmp_path, db)
        workers = stop_when(proc, db, after_ctrl_c + 5, signal.SIGKILL)
        proc.wait(timeout=10)
        after_kill = stored(db)
        assert after_kill < ARTICLES
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(w) for w in workers), "pool processes outlived the killed audit"
        # Resume: only what was not stored is checked.
        proc = start(tmp_path, db)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        assert f"({ARTICLES - after_kill} checked now, {after_kill} unchanged" in out.decode()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    # The same audit, never stopped (and in one process).
    reference = tmp_path / "reference.sqlite"
    proc = start(tmp_path, reference, jobs=1)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert db_rows(db) == db_rows(reference)
