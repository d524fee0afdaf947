"""The style file: discovery, inheritance, validation, per-file ignores, and where settings came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from tlqa import api
from tlqa import config as cfg
from tlqa.engine import Engine
from tlqa.errors import ConfigError
from tlqa.findings import Severity

EXAMPLE = FIXTURES / "style-example.toml"


def test_fixture_style_file_effective_settings():
    c = cfg.load(EXAMPLE)
    assert c.select == ("ALL",)
    assert c.ignore == ("Q105",)  # the child's list replaces the parent's
    assert c.fail_on is Severity.WARNING
    assert c.severity == {"Q101": Severity.WARNING, "Q202": Severity.INFO, "Q301": Severity.ERROR}
    assert c.options("quotes")["style"] == "curly"
    assert c.options("style")["default"] is True
    assert c.files == (str(FIXTURES / "style-base.toml"), str(EXAMPLE))
    origins = {key: origin for key, _value, origin in c.settings()}
    assert origins["fail-on"] == str(EXAMPLE)
    assert origins["severity.Q101"] == str(FIXTURES / "style-base.toml")
    assert origins["quotes.style"] == str(EXAMPLE)
    assert origins["style.default"] == str(EXAMPLE)
    assert origins["select"] == str(EXAMPLE)
    assert c.ignored_for(str(FIXTURES / "archive" / "2024" / "a.txt")) == ("Q202",)
    assert c.ignored_for(str(FIXTURES / "sample-article.md")) == ("Q301", "Q302")
    assert c.ignored_for(str(FIXTURES / "sample-article.txt")) == ()


def test_command_line_overrides_are_recorded():
    c = cfg.load(EXAMPLE, overrides={"select": ["Q1"], "extend-ignore": ["Q102"], "fail-on": "never"})
    assert c.select == ("Q1",) and c.ignore == ("Q105", "Q102") and c.fail_on is None
    origins = {key: origin for key, _value, origin in c.settings()}
    assert origins["select"] == origins["ignore"] == origins["fail-on"] == "command line"


def test_discovery(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert cfg.discover(tmp_path / "a" / "b") is None
    (tmp_path / "pyproject.toml").write_text("[tool.tlqa]\nignore = ['Q2']\n")
    assert cfg.discover(tmp_path / "a" / "b") == tmp_path / "pyproject.toml"
    assert cfg.load(tmp_path / "pyproject.toml").ignore == ("Q2",)
    (tmp_path / "a" / "tlqa.toml").write_text("ignore = ['Q3']\n")
    assert cfg.discover(tmp_path / "a" / "b") == tmp_path / "a" / "tlqa.toml"
    (tmp_path / "a" / "b" / "pyproject.toml").write_text("[tool.black]\nline-length = 80\n")
    assert cfg.discover(tmp_path / "a" / "b") == tmp_path / "a" / "tlqa.toml"  # no [tool.tlqa]: skipped


def test_per_file_ignores_apply(tmp_path: Path):
    (tmp_path / "tlqa.toml").write_text('[per-file-ignores]\n"drafts/*" = ["Q1"]\n')
    (tmp_path / "drafts").mkdir()
    text = "He said “yes.\n"
    (tmp_path / "drafts" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    assert api.check_file(str(tmp_path / "drafts" / "a.txt")).findings == []
    assert [f.rule for f in api.check_file(str(tmp_path / "b.txt")).findings] == ["Q101"]


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("selct = ['Q']", "selct: unknown key; did you mean 'select'?"),
        ("select = 'Q'", "select: must be a list, not str"),
        ("select = ['Q', 'Q']", "select: has duplicate entries: Q"),
        ("select = ['quotes!']", "select: not a rule code or prefix: 'quotes!'"),
        ("fail-on = 'sometimes'", "fail-on: must be error, warning, info or never"),
        ("fail-on = true", "fail-on: must be a string, not True"),
        ("[quotes]\nstyle = 'fancy'", "quotes.style: must be one of 'auto', 'curly', 'straight'"),
        ("[quotes]\nstyel = 'curly'", "quotes.styel: unknown key; did you mean 'style'?"),
        ("quotes = 3", "quotes: must be a table ([quotes])"),
        ("[severity]\nQ101 = 'fatal'", "severity.Q101: must be error, warning or info, not 'fatal'"),
        ("[severity]\nquotes = 'error'", "severity.quotes: not a rule code (like Q101)"),
        ("[per-file-ignores]\n'*.md' = 'Q1'", "per-file-ignores.*.md: must be a list, not str"),
        ("[style]\ndefault = 'yes'", "style.default: must be true or false, not str"),
        ("extend = 3", "extend: must be a string (a path)"),
        ("extend = 'missing.toml'", "configuration file not found"),
        ("select = [", "not valid TOML"),
    ],
)
def test_validation_errors(tmp_path: Path, toml: str, expected: str):
    path = tmp_path / "tlqa.toml"
    path.write_text(toml + "\n")
    with pytest.raises(ConfigError) as info:
        cfg.load(path)
    assert expected in str(info.value)
    assert str(info.value).count("\n") == 0


def test_circular_extend(tmp_path: Path):
    (tmp_path / "a.toml").write_text("extend = 'b.toml'\n")
    (tmp_path / "b.toml").write_text("extend = 'a.toml'\n")
    with pytest.raises(ConfigError, match="circular"):
        cfg.load(tmp_path / "a.toml")


def test_unknown_selector_in_file_names_the_file(tmp_path: Path):
    path = tmp_path / "tlqa.toml"
    path.write_text("ignore = ['Z9']\n")
    with pytest.raises(ConfigError) as info:
        Engine(cfg.load(path))
    assert str(path) in str(info.value) and "Z9" in str(info.value)


# Property: any TOML document made of plausible and random keys and values either loads or raises a
# ConfigError; never another exception.
KEYS = st.sampled_from(
    [
        "select",
        "ignore",
        "fail-on",
        "extend",
        "severity",
        "quotes",
        "style",
        "per-file-ignores",
        "bogus",
        "Q101",
    ]
)
SCALARS = st.one_of(
    st.booleans(),
    st.integers(-5, 5),
    st.sampled_from(["Q", "Q101", "ALL", "error", "never", "curly", "auto", "", "x.toml", "*.md"]),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(
            st.sampled_from(["style", "default", "Q101", "*.md", "rules", "x"]), children, max_size=3
        ),
    ),
    max_leaves=8,
)


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' if v.isprintable() else '"x"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f'"{k}" = {_toml_value(x)}' for k, x in v.items()) + "}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_random_style_files_never_crash(tmp_path_factory, doc):
    folder = tmp_path_factory.mktemp("cfg")
    path = folder / "tlqa.toml"
    text = "".join(f'"{k}" = {_toml_value(v)}\n' for k, v in doc.items())
    path.write_text(text, encoding="utf-8")
    try:
        loaded = cfg.load(path)
        Engine(loaded)
    except ConfigError as exc:
        assert "\n" not in str(exc)
