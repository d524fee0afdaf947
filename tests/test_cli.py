"""The command line as users meet it: exit codes, one-line errors, formats, fixes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES

BROKEN = "The mayor said, “We will rebuild the bridge by spring.\n\nOfficials declined to give a date.\n"
CLEAN = "“We will rebuild the bridge by spring,” the mayor said.\n"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_version(cli):
    r = cli("--version")
    assert r.returncode == 0
    assert r.stdout.decode().startswith("tlqa ")


def test_clean_article_exits_0(cli, tmp_path):
    r = cli("check", str(write(tmp_path, "a.txt", CLEAN)), "--format", "concise")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().strip() == ""


def test_error_finding_exits_1_and_concise_line(cli, tmp_path):
    path = write(tmp_path, "a.txt", BROKEN)
    r = cli("check", str(path), "--format", "concise")
    assert r.returncode == 1
    line = r.stdout.decode().splitlines()[0]
    assert line.startswith(f"{path}:1:17: Q101 error ")


def test_fail_on_never_and_warning(cli, tmp_path):
    path = write(tmp_path, "a.txt", BROKEN)
    assert cli("check", str(path), "--format", "concise", "--fail-on", "never").returncode == 0
    mixed = write(tmp_path, "b.txt", '“We’re ready,” she said. "It\'s time." “Go.”\n')
    assert cli("check", str(mixed), "--format", "concise").returncode == 0  # warnings only
    assert cli("check", str(mixed), "--format", "concise", "--fail-on", "warning").returncode == 1


def test_select_and_ignore(cli, tmp_path):
    path = write(tmp_path, "a.txt", BROKEN)
    assert cli("check", str(path), "--format", "concise", "--ignore", "Q1").returncode == 0
    r = cli("check", str(path), "--format", "concise", "--select", "Q", "--ignore", "Q1", "--ignore", "Q101")
    assert r.returncode == 0
    assert cli("check", str(path), "--format", "concise", "--ignore", "Q", "--select", "Q101").returncode == 1


def test_unknown_selector_is_a_usage_error(cli, tmp_path):
    r = cli("check", str(write(tmp_path, "a.txt", CLEAN)), "--select", "Z9")
    assert r.returncode == 2
    assert len(r.stderr.decode().strip().splitlines()) == 1


def test_input_errors_are_one_line_exit_2(cli, tmp_path):
    cases = [
        str(tmp_path / "missing.txt"),
        str(tmp_path),
        str(write(tmp_path, "empty.txt", "")),
        str(write(tmp_path, "blank.txt", "  \n\n")),
        str(write(tmp_path, "bin.dat", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")),
        str(write(tmp_path, "bad.txt", b"Hello \x81\xff world, \x81\x8d\x8f\x90\x9d again")),
    ]
    for path in cases:
        r = cli("check", path, "--format", "concise")
        err = r.stderr.decode().strip()
        assert r.returncode == 2, (path, err)
        assert len(err.splitlines()) == 1 and path in err and "Traceback" not in err, err


def test_usage_errors_are_one_line(cli, tmp_path):
    path = str(write(tmp_path, "a.txt", CLEAN))
    for args in (
        ["check", path, "--format", "xml"],
        ["check", path, "--fail-on", "often"],
        ["check", path, "--bogus"],
        ["check", path, "--fix", "--diff"],
        ["explain", "Q999"],
    ):
        r = cli(*args)
        err = r.stderr.decode().strip()
        assert r.returncode == 2, (args, err)
        assert len(err.splitlines()) == 1 and "Traceback" not in err, err


def test_bad_config_is_one_line(cli, tmp_path):
    path = str(write(tmp_path, "a.txt", CLEAN))
    cfg = write(tmp_path, "tlqa.toml", "selct = ['Q']\n")
    r = cli("check", path, "--config", str(cfg))
    err = r.stderr.decode().strip()
    assert r.returncode == 2
    assert "selct" in err and "did you mean 'select'" in err and str(cfg) in err
    # found by discovery too
    r = cli("check", path)
    assert r.returncode == 2 and "selct" in r.stderr.decode()


def test_stdin(cli):
    r = cli("check", "-", "--format", "json", stdin=BROKEN.encode())
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["files"][0]["path"] == "-"
    assert report["files"][0]["findings"][0]["rule"] == "Q101"


def test_crlf_positions(cli, tmp_path):
    path = write(tmp_path, "a.txt", BROKEN.replace("\n", "\r\n").encode())
    r = cli("check", str(path), "--format", "json")
    f = json.loads(r.stdout)["files"][0]["findings"][0]
    assert (f["line"], f["column"]) == (1, 17)
    assert f["excerpt"].startswith("“We will rebuild")


def test_utf16_encoding_reported(cli, tmp_path):
    text = "“We will rebuild the bridge by spring,” the mayor said.\n"
    path = write(tmp_path, "a.txt", text.encode("utf-16"))
    r = cli("check", str(path), "--format", "json")
    assert json.loads(r.stdout)["files"][0]["encoding"] == "utf-16"


def test_fix_is_atomic_and_only_safe(cli, tmp_path):
    original = '“We’re ready,” she said. ”It‘s time,” he added. "Go." “Now.”\n'
    path = write(tmp_path, "a.txt", original)
    r = cli("check", str(path), "--diff")
    assert r.returncode == 1
    assert "-“We’re ready" in r.stdout.decode() and "+“We’re ready," in r.stdout.decode()
    assert path.read_text(encoding="utf-8") == original  # --diff never writes
    r = cli("check", str(path), "--fix", "--format", "concise")
    fixed = path.read_text(encoding="utf-8")
    assert fixed == "“We’re ready,” she said. “It’s time,” he added. “Go.” “Now.”\n"
    assert r.returncode == 0
    assert not list(tmp_path.glob(".tlqa-*"))  # no temporary file left behind


def test_fix_keeps_the_encoding(cli, tmp_path):
    original = '\ufeff“We’re ready,” she said. "Go." “Now.”\n'
    path = write(tmp_path, "a.txt", original.encode("utf-8"))
    cli("check", str(path), "--fix")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "“Go.”" in path.read_text(encoding="utf-8-sig")


def test_check_without_findings_leaves_file_untouched(cli, tmp_path):
    path = write(tmp_path, "a.txt", BROKEN)
    before = path.stat().st_mtime_ns
    cli("check", str(path), "--fix")
    assert path.stat().st_mtime_ns == before


def test_rules_and_explain(cli):
    r = cli("rules")
    assert r.returncode == 0 and "Q101" in r.stdout.decode()
    r = cli("explain", "q103")
    out = r.stdout.decode()
    assert r.returncode == 0 and "Q103" in out and "Example" in out and "Flagged:" in out


def test_config_show(cli, tmp_path):
    write(tmp_path, "tlqa.toml", "ignore = ['Q202']\n[quotes]\nstyle = 'curly'\n")
    r = cli("config", "--show", str(tmp_path))
    out = r.stdout.decode()
    assert r.returncode == 0
    assert 'quotes.style = "curly"' in out and str(tmp_path / "tlqa.toml") in out
    assert 'select = ["ALL"]    # default' in out


def test_sample_article_runs(cli):
    r = cli("check", str(FIXTURES / "sample-article.txt"), "--format", "rich", "--fail-on", "never")
    assert r.returncode == 0, r.stderr
    assert "Q103" in r.stdout.decode()


def test_style_test_runs_the_house_rules_examples(cli, tmp_path):
    r = cli("style", "test", "--config", str(FIXTURES / "house-style.toml"))
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
    assert "12 examples, 12 passed, 0 failed" in r.stdout.decode()
    broken = tmp_path / "tlqa.toml"
    broken.write_text(
        '[[style.rules]]\ncode = "S501"\nname = "x"\ntype = "existence"\ntokens = ["in order to"]\n'
        'examples.fail = ["We came to see."]\nexamples.pass = ["We came in order to see."]\n'
    )
    r = cli("style", "test", "--config", str(broken))
    out = r.stdout.decode()
    assert r.returncode == 1 and out.count("FAIL") == 2, out
