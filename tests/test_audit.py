"""`tlqa audit`: discovery and pairing, the store and its cache, failures recorded, exports that
follow the check contract, cross-article names, and the command line."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from tlqa.audit import command, core, discovery, export, summary
from tlqa.audit.core import AuditOptions
from tlqa.audit.discovery import Patterns
from tlqa.audit.store import Store
from tlqa.config import AUDIT_OPTIONS
from tlqa.errors import ConfigError, UsageError

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import make_corpus

BROKEN = "The mayor said, “We will rebuild the bridge by spring.\n\nOfficials declined to give a date.\n"
CLEAN = "“We will rebuild the bridge by spring,” the mayor said.\n"


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def corpus_archive(root: Path, n: int, seed: int = 5) -> list[Path]:
    paths = []
    for i, text in enumerate(make_corpus(n, seed=seed, words=150, defect_rate=0.5)):
        path = root / f"2024-0{1 + i % 3}" / f"story{i:03d}.en.txt"
        write(path.parent, {path.name: text})
        paths.append(path)
    return paths


def audit(tmp_path: Path, *paths: str, **options) -> core.AuditRun:
    options.setdefault("db", str(tmp_path / "audit.sqlite"))
    options.setdefault("jobs", 1)
    options.setdefault("select", ["Q"])
    return core.run(AuditOptions(paths=list(paths), **options))


def db_rows(path: str | Path) -> tuple[list, list]:
    """Every row of the results, without the time each article was checked."""
    db = sqlite3.connect(path)
    cols = [r[1] for r in db.execute("PRAGMA table_info(articles)") if r[1] != "checked_at"]
    articles = db.execute(f"SELECT {', '.join(cols)} FROM articles ORDER BY path").fetchall()
    findings = db.execute("SELECT * FROM findings ORDER BY path, seq").fetchall()
    db.close()
    return articles, findings


# -- discovery ------------------------------------------------------------------------------------------


def test_pairing_by_naming_convention(tmp_path):
    write(
        tmp_path,
        {
            "2024/05/01/story.en.txt": CLEAN,
            "2024/05/01/story.ko.txt": "기사 본문입니다.\n",
            "2024/05/01/story.ref.en.txt": CLEAN,
            "2024/05/01/other.md": CLEAN,
            "2024/05/01/other.zh.txt": "新闻正文。\n",
            "2024/05/01/lone.ja.txt": "記事です。\n",
            "2024/05/01/notes.csv": "x\n",
            ".git/x.en.txt": CLEAN,
            "drafts/skip.en.txt": CLEAN,
        },
    )
    patterns = Patterns.from_options(
        {**{k: o.default for k, o in AUDIT_OPTIONS.items()}, "exclude": ["drafts"]}
    )
    specs = discovery.discover([str(tmp_path)], lambda root: patterns)
    base = str(tmp_path / "2024/05/01")
    assert [(os.path.relpath(s.path, base), s.source and os.path.basename(s.source)) for s in specs] == [
        ("other.md", "other.zh.txt"),
        ("story.en.txt", "story.ko.txt"),
    ]
    story = specs[1]
    assert story.reference == os.path.join(base, "story.ref.en.txt")
    assert story.published == "2024-05-01"


def test_patterns_from_the_style_file_and_a_glob(tmp_path):
    write(
        tmp_path,
        {
            "tlqa.toml": '[audit]\narticles = ["{stem}_EN.txt"]\nsources = ["../ko/{stem}.txt"]\n',
            "en/a_EN.txt": CLEAN,
            "en/b.txt": CLEAN,
            "ko/a.txt": "기사입니다.\n",
        },
    )
    configs = core._Configs(AuditOptions())
    specs = discovery.discover([str(tmp_path / "en")], configs.patterns)
    assert [os.path.basename(s.path) for s in specs] == ["a_EN.txt"]
    assert specs[0].source == os.path.normpath(str(tmp_path / "ko/a.txt"))
    globbed = discovery.discover([str(tmp_path / "en" / "*.txt")], configs.patterns)
    assert [os.path.basename(s.path) for s in globbed] == ["a_EN.txt", "b.txt"]  # named files are articles
    with pytest.raises(UsageError, match="no file or folder matches"):
        discovery.discover([str(tmp_path / "nothing*")], configs.patterns)
    with pytest.raises(UsageError, match="no such file or folder"):
        discovery.discover([str(tmp_path / "missing")], configs.patterns)


def test_audit_table_is_validated(tmp_path):
    from tlqa import config as config_module

    bad = tmp_path / "tlqa.toml"
    bad.write_text('[audit]\narticle = ["{stem}.txt"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="did you mean 'articles'"):
        config_module.load(bad)
    bad.write_text('[audit]\nsources = ["{stem}.ko.txt", "ko.txt"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'ko\.txt' must hold"):
        config_module.load(bad)
    bad.write_text('[audit]\narticles = ["en/{stem}.txt"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="name files"):
        config_module.load(bad)
    good = tmp_path / "good.toml"
    good.write_text('[audit]\nexclude = ["drafts/*"]\n', encoding="utf-8")
    cfg = config_module.load(good)
    assert cfg.audit_options()["exclude"] == ["drafts/*"]
    assert ("audit.exclude", ["drafts/*"], str(good)) in cfg.settings()


def test_manifests(tmp_path):
    write(tmp_path, {"a/x.txt": CLEAN, "a/x.ko.txt": "기사입니다.\n", "b/y.md": BROKEN})
    (tmp_path / "m.csv").write_text(
        "article,source,published,desk,engine,notes\n"
        "a/x.txt,a/x.ko.txt,2023-02-03,economy,gpt,hello\n"
        "b/y.md,,2023-03-04T10:00:00,politics,papago,\n",
        encoding="utf-8",
    )
    specs = discovery.read_manifest(str(tmp_path / "m.csv"))
    assert [(os.path.relpath(s.path, tmp_path), s.published, s.desk, s.translator) for s in specs] == [
        (os.path.join("a", "x.txt"), "2023-02-03", "economy", "gpt"),
        (os.path.join("b", "y.md"), "2023-03-04", "politics", "papago"),
    ]
    assert specs[0].source == str(tmp_path / "a" / "x.ko.txt")
    lines = [
        json.dumps({"article": "a/x.txt", "translator": "deepl"}),
        "",
        json.dumps({"path": "b/y.md", "date": "2022-12-31"}),
    ]
    (tmp_path / "m.jsonl").write_text("\n".join(lines), encoding="utf-8")
    jl = discovery.read_manifest(str(tmp_path / "m.jsonl"))
    assert [(s.translator, s.published) for s in jl] == [("deepl", None), (None, "2022-12-31")]
    for content, message in (
        ("artcle,desk\nx,y\n", "did you mean 'article'"),
        ("article,published\nx,03/02/2023\n", ":2: published"),
        ("desk\neconomy\n", "no article path"),
        ("", "empty manifest"),
    ):
        (tmp_path / "bad.csv").write_text(content, encoding="utf-8")
        with pytest.raises(UsageError, match=message):
            discovery.read_manifest(str(tmp_path / "bad.csv"))


# -- the store and its cache --------------------------------------------------------------------------


def test_rerun_checks_only_what_changed(tmp_path):
    paths = corpus_archive(tmp_path / "arch", 12)
    first = audit(tmp_path, str(tmp_path / "arch"))
    assert (first.total, first.checked, first.cached) == (12, 12, 0)
    first.store.close()
    rows = db_rows(tmp_path / "audit.sqlite")
    assert len(rows[0]) == 12 and rows[1]
    again = audit(tmp_path, str(tmp_path / "arch"))
    assert (again.checked, again.cached) == (0, 12)
    again.store.close()
    assert db_rows(tmp_path / "audit.sqlite") == rows
    paths[3].write_text(BROKEN, encoding="utf-8")
    os.utime(paths[4], ns=(1, 1))  # touched, not changed: read and hashed, not checked
    changed = audit(tmp_path, str(tmp_path / "arch"))
    assert (changed.checked, changed.cached) == (1, 11)
    changed.store.close()
    again = audit(tmp_path, str(tmp_path / "arch"))
    assert (again.checked, again.cached) == (0, 12)
    again.store.close()
    other_rules = audit(tmp_path, str(tmp_path / "arch"), select=["Q1"])
    assert other_rules.checked == 12  # another configuration: every result is out of date
    other_rules.store.close()
    forced = audit(tmp_path, str(tmp_path / "arch"), select=["Q1"], force=True)
    assert forced.checked == 12
    forced.store.close()


def test_jobs_do_not_change_results(tmp_path):
    corpus_archive(tmp_path / "arch", 10)
    audit(tmp_path, str(tmp_path / "arch"), db=str(tmp_path / "one.sqlite")).store.close()
    audit(tmp_path, str(tmp_path / "arch"), db=str(tmp_path / "two.sqlite"), jobs=2).store.close()
    assert db_rows(tmp_path / "one.sqlite") == db_rows(tmp_path / "two.sqlite")


def test_unreadable_and_failing_articles_are_recorded_and_counted(tmp_path, monkeypatch):
    import tlqa.reporters.json_report as json_report

    write(
        tmp_path / "arch",
        {"ok.txt": BROKEN, "binary.txt": b"\x89PNG\x00\x00", "explode.txt": CLEAN, "empty.txt": ""},
    )
    (tmp_path / "m.csv").write_text("article\narch/gone.txt\n", encoding="utf-8")
    real = json_report.file_dict

    def exploding(report):  # something other than a rule fails on one article
        if "explode" in report.path:
            raise RuntimeError("unexpected")
        return real(report)

    monkeypatch.setattr(json_report, "file_dict", exploding)
    run = audit(tmp_path, str(tmp_path / "arch"), manifest=str(tmp_path / "m.csv"))
    s = summary.build(run.store)
    run.store.close()
    assert s.articles == 5 and s.checked_ok == 1
    assert [(os.path.basename(p), r) for p, r in s.unreadable] == [
        ("binary.txt", "binary file (contains NUL bytes), not an article"),
        ("empty.txt", "empty input: nothing to check"),
        ("gone.txt", "no such file"),
    ]
    assert [(os.path.basename(p), r) for p, r in s.failed] == [("explode.txt", "RuntimeError: unexpected")]


def test_a_crashing_rule_is_a_finding_and_counted(tmp_path, monkeypatch):
    from tlqa.findings import Severity
    from tlqa.rules import Registry, Rule

    def boom(article, options):
        """Crashes on articles about bridges.

        Example: anything.
        """
        if "bridge" in article.target.text:
            raise RuntimeError("kaput")
        return ()

    rule = Rule("Q901", "boom", "quotes", Severity.WARNING, boom.__doc__, boom)
    real = Registry.for_config.__func__
    monkeypatch.setattr(
        Registry, "for_config", classmethod(lambda cls, cfg, m=None: Registry([*real(cls, cfg, m), rule]))
    )
    write(tmp_path / "arch", {"a.txt": BROKEN, "b.txt": "Nothing here.\n"})
    run = audit(tmp_path, str(tmp_path / "arch"))
    s = summary.build(run.store)
    run.store.close()
    assert s.crashed_articles == 1 and s.checked_ok == 2 and not s.failed
    assert any(r.rule == "Q901" for r in s.by_rule)


def test_store_refuses_other_databases(tmp_path):
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(UsageError, match="not tlqa's"):
        Store(other)
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(UsageError, match="not a tlqa audit database"):
        Store(tmp_path / "junk.sqlite")


# -- exports ----------------------------------------------------------------------------------------------


def test_json_export_is_the_check_contract(tmp_path):
    from jsonschema import Draft202012Validator

    from tlqa import api
    from tlqa.reporters.json_report import to_dict

    arch = tmp_path / "arch"
    arch.mkdir()
    for name in ("sample-article.txt", "sample-article.md", "quotes-article.txt"):
        shutil.copy(FIXTURES / name, arch / name)
    run = audit(tmp_path, str(arch), select=None)
    out = io.StringIO()
    s = summary.build(run.store)
    export.write("json", run.store, s, out, "0.0")
    run.store.close()
    exported = json.loads(out.getvalue())
    schema = json.loads((ROOT / "src/tlqa/data/report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(exported)
    checked = to_dict(api.check_paths(sorted(str(p) for p in arch.iterdir())))
    assert exported["files"] == checked["files"]
    assert {k: exported["summary"][k] for k in checked["summary"]} == checked["summary"]
    assert exported["audit"]["articles"] == 3


def test_jsonl_and_csv(tmp_path):
    write(tmp_path / "arch", {"a.txt": BROKEN, "b.txt": CLEAN, "c.txt": b"\x00\x01"})
    run = audit(tmp_path, str(tmp_path / "arch"))
    out = io.StringIO()
    export.write_jsonl(run.store, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(os.path.basename(r["path"]), r["status"], len(r["findings"])) for r in records] == [
        ("a.txt", "ok", 1),
        ("b.txt", "ok", 0),
        ("c.txt", "unreadable", 0),
    ]
    out = io.StringIO()
    export.write_csv(run.store, out)
    run.store.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(os.path.basename(r["path"]), r["status"], r["rule"]) for r in rows] == [
        ("a.txt", "ok", "Q101"),
        ("c.txt", "unreadable", ""),
    ]
    assert rows[0]["line"] == "1" and "never closed" in rows[0]["message"]


# -- cross-article names -----------------------------------------------------------------------------------


def name_archive(root: Path) -> None:
    for i in range(8):
        name = "Ratclffe" if i == 5 else "Ratcliffe"
        write(
            root,
            {
                f"s{i}.txt": (
                    f"WASHINGTON -- CIA Director John {name} said on Monday that the agency would expand "
                    f"its programs.\nOfficials said {name} met lawmakers in Washington on Tuesday.\n"
                )
            },
        )


def test_a_name_spelled_differently_in_a_few_articles(tmp_path):
    name_archive(tmp_path / "arch")
    quotes_only = audit(tmp_path, str(tmp_path / "arch"), db=str(tmp_path / "q.sqlite"))
    assert summary.build(quotes_only.store).names == []  # the names family did not run
    quotes_only.store.close()
    run = audit(tmp_path, str(tmp_path / "arch"), select=["N"])
    s = summary.build(run.store)
    assert summary.build(run.store).names == s.names  # the second time from the store's cache
    assert run.store.db.execute("SELECT count(*) FROM meta WHERE key LIKE 'cache.names.%'").fetchone() == (1,)
    run.store.close()
    assert [(v.variant, v.variant_articles, v.established, v.established_articles) for v in s.names] == [
        ("Ratclffe", 1, "Ratcliffe", 7)
    ]
    assert [os.path.basename(p) for p in s.names[0].variant_paths] == ["s5.txt"]
    assert len(s.names[0].established_paths) == 7
    text = io.StringIO()
    summary.render_text(s, text)
    assert "Name spelled 'Ratclffe' in 1 article but 'Ratcliffe' in 7 articles" in text.getvalue()


def test_names_stand_in_extractor_and_relation():
    from tlqa.audit import names
    from tlqa.document import Document

    doc = Document("Officials said Ratcliffe met Kim. Later, Ratcliffe’s aides left.\nThe end.\n")
    rows = {r[0]: r[2] for r in names._simple_names(doc)}
    assert rows == {"Ratcliffe": 2, "Kim": 1}
    assert names._simple_relation("Ratclffe", "Ratcliffe", "ratclffe", "ratcliffe", False) == "spelling"
    assert names._simple_relation("Korea", "Korean", "korea", "korean", False) is None


# -- the command line ---------------------------------------------------------------------------------------


def test_command_exit_codes_outputs_and_summary(tmp_path, capsys):
    write(tmp_path / "clean", {"a.txt": CLEAN})
    write(tmp_path / "dirty", {"a.txt": BROKEN})
    db = str(tmp_path / "db.sqlite")
    opts = {"jobs": 1, "db": db, "select": ["Q"]}
    assert command.main(AuditOptions(paths=[str(tmp_path / "clean")], **opts), progress=False) == 0
    assert "clean: 1 of 1 checked (100.0%)" in capsys.readouterr().out
    code = command.main(
        AuditOptions(paths=[str(tmp_path / "dirty")], **opts),
        fmt="csv",
        output=str(tmp_path / "out" / "r.csv"),
        html=str(tmp_path / "r.html"),
        progress=False,
    )
    assert code == 1
    printed = capsys.readouterr().out
    assert "Q101" in printed and "Report:" in printed
    assert (tmp_path / "out" / "r.csv").read_text(encoding="utf-8").startswith("path,status,")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    never = AuditOptions(paths=[str(tmp_path / "dirty")], fail_on="never", **opts)
    assert command.main(never, progress=False) == 0
    capsys.readouterr()
    assert (
        command.main(AuditOptions(paths=[str(tmp_path / "dirty")], **opts), fmt="json", progress=False) == 1
    )
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["findings"] == 1 and "Audit of 1 article" in captured.err


def test_usage_errors(tmp_path):
    write(tmp_path, {"a.txt": CLEAN})
    db = str(tmp_path / "db.sqlite")
    cases = [
        ({"paths": [str(tmp_path / "missing")]}, {}, "no such file or folder"),
        ({"paths": [str(tmp_path)]}, {"fmt": "xml"}, "unknown format 'xml'"),
        ({"paths": [str(tmp_path)], "engine": "dask"}, {}, "needs --scheduler"),
        ({"paths": [str(tmp_path)], "engine": "spark"}, {}, "expected local or dask"),
        ({"paths": [str(tmp_path)], "jobs": -1}, {}, "--jobs"),
        ({}, {}, "name the articles"),
        ({"paths": [str(tmp_path)], "manifest": str(tmp_path / "none.csv")}, {}, "no such manifest"),
    ]
    for options, extra, message in cases:
        with pytest.raises(UsageError, match=message):
            command.main(AuditOptions(db=db, **options), progress=False, **extra)
    with pytest.raises(ConfigError, match="no rule code starts with 'Z9'"):
        command.main(AuditOptions(paths=[str(tmp_path)], db=db, select=["Z9"]), progress=False)


def test_cli_usage_error_is_one_line_exit_2(cli, tmp_path):
    r = cli("audit", str(tmp_path / "missing"), "--db", str(tmp_path / "db.sqlite"))
    err = r.stderr.decode().strip()
    assert r.returncode == 2 and len(err.splitlines()) == 1 and "no such file or folder" in err, err


@pytest.mark.skipif(sys.platform != "linux", reason="the pool's processes inherit the patch by fork")
def test_a_process_that_dies_costs_only_its_article(tmp_path, monkeypatch):
    import tlqa.audit.worker as worker

    write(tmp_path / "arch", {f"a{i}.txt": BROKEN for i in range(6)} | {"die.txt": CLEAN})
    real = worker._check

    def dying(job, config):
        if job.path.endswith("die.txt"):
            os._exit(3)  # as an out-of-memory kill would: no exception, no result
        return real(job, config)

    monkeypatch.setattr(worker, "_check", dying)
    run = audit(tmp_path, str(tmp_path / "arch"), jobs=2)
    s = summary.build(run.store)
    run.store.close()
    assert s.checked_ok == 6 and s.findings == 6
    assert [(os.path.basename(p), r) for p, r in s.failed] == [
        ("die.txt", "the process checking it died (killed, or out of memory)")
    ]
