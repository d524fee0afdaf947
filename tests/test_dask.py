"""`--engine dask`: the same audit on a Dask cluster (a LocalCluster on loopback here) gives the same
database as a local run. Skipped when Dask is not installed (the optional extra tlqa[dask])."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from conftest import ROOT
from tlqa.audit import core
from tlqa.audit.core import AuditOptions

distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'tlqa[dask]'")

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import make_corpus  # noqa: E402


def db_rows(path) -> tuple[list, list]:
    db = sqlite3.connect(path)
    cols = [r[1] for r in db.execute("PRAGMA table_info(articles)") if r[1] != "checked_at"]
    rows = (
        db.execute(f"SELECT {', '.join(cols)} FROM articles ORDER BY path").fetchall(),
        db.execute("SELECT * FROM findings ORDER BY path, seq").fetchall(),
    )
    db.close()
    return rows


def test_dask_results_equal_a_local_run(tmp_path, monkeypatch):
    arch = tmp_path / "arch"
    arch.mkdir()
    for i, text in enumerate(make_corpus(16, seed=8, words=100, defect_rate=0.6)):
        (arch / f"story{i:02d}.txt").write_text(text, encoding="utf-8")
    (arch / "broken.txt").write_bytes(b"\x00\x01\x02")
    monkeypatch.chdir(tmp_path)
    local = core.run(AuditOptions(paths=["arch"], db="local.sqlite", jobs=1, select=["Q", "F"]))
    local.store.close()
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        remote = core.run(
            AuditOptions(
                paths=["arch"],
                db="dask.sqlite",
                engine="dask",
                scheduler=cluster.scheduler_address,
                select=["Q", "F"],
            )
        )
        remote.store.close()
    assert remote.checked == local.checked == 17
    assert db_rows(tmp_path / "dask.sqlite") == db_rows(tmp_path / "local.sqlite")


def test_unreachable_scheduler_is_a_usage_error(tmp_path, monkeypatch):
    from tlqa.audit import runner
    from tlqa.errors import UsageError

    monkeypatch.setattr(runner, "CONNECT_TIMEOUT", 1)
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = AuditOptions(
        paths=["a.txt"], db="x.sqlite", engine="dask", scheduler="tcp://127.0.0.1:9", select=["Q"]
    )
    with pytest.raises(UsageError, match="cannot connect"):
        core.run(options)
