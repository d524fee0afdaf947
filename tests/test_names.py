"""The names family: extraction, the name-aware distance, grouping, the glossary and the source.

Rule examples live in src/tlqa/data/cases/N*.toml (tests/test_rule_cases.py); this file covers the
pieces under them and the fixture article `fixtures/names-article.txt` with its glossary style file
(`names-glossary.toml`) and source (`names-excerpt.ko.txt`).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SHARED
from tlqa import api, config
from tlqa.checks import _names_core as core
from tlqa.checks._names_romanize import (
    hangul_syllable,
    korean_names,
    loose,
    pinyin_available,
    pinyin_split,
    readings,
    romanize_korean_name,
)
from tlqa.config import Config
from tlqa.document import Document
from tlqa.errors import ConfigError
from tlqa.findings import Applicability
from tlqa.glossary import GlossaryEntry, parse_glossary

ARTICLE = FIXTURES / "names-article.txt"
SOURCE = FIXTURES / "names-excerpt.ko.txt"
GLOSSARY = FIXTURES / "names-glossary.toml"
EXAMPLE = SHARED / "examples" / "cia-videos.en.txt"


def names(report) -> list:
    return [f for f in report.findings if f.family == "names"]


def check(text: str, **kw) -> list:
    return names(api.check_text(text, config=kw.pop("config", Config(select=("N",))), **kw))


# -- the real example and the sample article -----------------------------------------------------------


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not here")
def test_seed_example_reports_exactly_the_misspelled_director():
    found = names(api.check_file(str(EXAMPLE), config=Config()))
    assert [(f.rule, f.excerpt) for f in found] == [("N101", "Ratclffe")]
    (f,) = found
    assert f.message == "Name spelled 'Ratclffe' here but 'Ratcliffe' in 2 other places"
    assert f.evidence["dominant"] == "Ratcliffe" and f.evidence["count"] == 2
    assert f.suggestion.text == "Ratcliffe" and f.suggestion.applicability is Applicability.UNSAFE


def test_sample_article_reports_exactly_the_planted_misspelling():
    found = names(api.check_file(str(FIXTURES / "sample-article.txt"), config=Config()))
    assert [(f.rule, f.excerpt, f.begin.line) for f in found] == [("N101", "Marcheti", 14)]
    assert found[0].evidence["count"] == 3


# -- the fixture article ---------------------------------------------------------------------------------


def test_fixture_article_without_glossary_or_source():
    found = names(api.check_file(str(ARTICLE), config=Config()))
    assert [(f.rule, f.excerpt) for f in found] == [
        ("N102", "Jung-hwa"),
        ("N101", "Kyeong-ah"),
        ("N101", "Witcombe"),
        ("N101", "Ji-suk"),
        ("N101", "Metroplitan"),
    ]


def test_fixture_article_with_glossary_and_source():
    report = api.check_file(str(ARTICLE), source=str(SOURCE), config=config.load(GLOSSARY))
    found = {(f.rule, f.excerpt) for f in names(report)}
    assert found == {
        ("N301", ""),
        ("N102", "Jung-hwa"),
        ("N101", "Kyeong-ah"),
        ("N101", "Witcombe"),
        ("N302", "Bak Seong-min"),
        ("N201", "Hong Ji-suk"),
        ("N202", "Seoul Metroplitan Council"),
    }
    by_rule = {f.rule: f for f in names(report)}
    assert by_rule["N201"].suggestion.text == "Hong Ji-seok"
    assert by_rule["N201"].suggestion.applicability is Applicability.SAFE
    assert by_rule["N202"].suggestion.applicability is Applicability.SAFE
    assert "유혜원" in by_rule["N301"].evidence["source_sentence"]
    assert by_rule["N302"].evidence["renderings"] == {"Park Seong-min": 2, "Bak Seong-min": 1}


def test_fixture_safe_fixes_apply_the_glossary_forms():
    report = api.check_file(str(ARTICLE), config=config.load(GLOSSARY))
    safe = [f for f in names(report) if f.suggestion and f.suggestion.applicability is Applicability.SAFE]
    assert sorted(f.suggestion.text for f in safe) == ["Hong Ji-seok", "Seoul Metropolitan Council"]


# -- extraction ------------------------------------------------------------------------------------------


def test_titles_are_dropped_and_bylines_protected():
    doc = Document("CIA Director John Ratcliffe spoke.\nBY SHIN KYUNG-JIN [a@example.com]")
    idx = core.index(doc)
    assert [m.text for m in idx.mentions] == ["John Ratcliffe", "SHIN KYUNG-JIN"]
    assert [o.protected for o in idx.occurrences] == [False, False, True, True]


def test_korean_given_name_in_two_words_is_one_token():
    idx = core.index(Document("Then Lee Jae myung left, and Kim Jong Un stayed."))
    assert [o.surface for o in idx.occurrences] == ["Lee", "Jae myung", "Kim", "Jong Un"]


def test_name_after_a_run_of_capitalised_words_stands_alone():
    idx = core.index(Document("Goalkeeper Kim Min-ji made three saves."))
    assert [m.text for m in idx.mentions] == ["Goalkeeper", "Kim Min-ji"]


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("Ab Kim-jae Lee ’s. “”\nRatcliffe BY SEOUL, -- 3 (Yonhap) xy"), max_size=200
    )
)
def test_extraction_never_crashes_and_spans_fit(text: str):
    doc = Document(text)
    idx = core.index(doc)
    for o in idx.occurrences:
        assert 0 <= o.start < o.end <= len(text)
        assert doc.visible[o.start : o.end] == o.surface
    core.pairings(doc)


# -- the distance ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ratcliffe", "Ratclffe", "spelling"),
        ("Marchetti", "Marcheti", "spelling"),
        ("Gangneung", "Gangenung", "spelling"),
        ("Jeong-hwa", "Jung-hwa", "romanisation"),
        ("Duck-soo", "Duk-soo", "romanisation"),
        ("Jae-myung", "Jae myung", "formatting"),
        ("Jae-myung", "Jae-Myung", "formatting"),
        ("Min-jae", "Min-ji", None),
        ("Jong-un", "Jong-il", None),
        ("Korea", "Korean", None),
        ("Israel", "Israeli", None),
        ("Allen", "Allan", None),
        ("Iran", "Iraq", None),
        ("Lee", "Yi", None),
        ("Incheon", "Icheon", None),
        ("Shanxi", "Shaanxi", None),
    ],
)
def test_relation(a: str, b: str, expected: str | None):
    east_asian = "-" in a or " " in a
    assert core.relation(a, b, core.norm_of(a), core.norm_of(b), east_asian) == expected


# -- romanisation ----------------------------------------------------------------------------------------


def test_revised_romanization_of_hangul_names():
    assert [hangul_syllable(c) for c in "이재명"] == ["i", "jae", "myeong"]
    assert romanize_korean_name("이재명") == (("i", "lee", "yi", "rhee", "ri"), "jae-myeong")
    assert romanize_korean_name("남궁민수")[1] == "min-su"
    assert loose("Kyung-jin") == loose("gyeong-jin")
    assert loose("Woo-suk") == loose("u-seok")
    assert loose("Kyung-ah") == loose("gyeong-a")
    assert loose("Min-jae") != loose("min-ji")


def test_korean_names_in_a_source_drop_particles():
    found = korean_names("이정화 씨는 말했다. 김민재가 골을 넣었고 김민지는 봤다. 김지은이 왔다.")
    assert list(found) == ["이정화", "김민재", "김민지", "김지은"]


def test_pinyin_given_names():
    assert pinyin_split("Huixin") == ("hui", "xin")
    assert pinyin_split("Yonggang") == ("yong", "gang")
    assert pinyin_split("Ratcliffe") is None


@pytest.mark.skipif(not pinyin_available(), reason="pypinyin is not installed")
def test_pinyin_readings_of_characters():
    assert readings("郑") == ("zheng",)
    assert "chang" in readings("长") and "zhang" in readings("长")


# -- the glossary format ----------------------------------------------------------------------------------


def test_glossary_entries():
    (e,) = parse_glossary(
        [
            {
                "name": "Lee  Jae-myung",
                "aliases": ["Lee Jae Myung"],
                "variants": "Yi Jae-myung",
                "source": ["이재명"],
            }
        ],
        "style.toml",
    )
    assert e == GlossaryEntry("Lee Jae-myung", ("Lee Jae Myung",), ("Yi Jae-myung",), ("이재명",))
    assert e.key == "Lee Jae-myung"


def test_glossary_variant_may_differ_from_the_name_in_capitals_only():
    (e,) = parse_glossary([{"name": "Korea JoongAng Daily", "variants": ["Korea Joongang Daily"]}], None)
    assert e.variants == ("Korea Joongang Daily",)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            [{"name": "Lee", "varients": ["Yi"]}],
            "names.glossary[0].varients: unknown key; did you mean 'variants'?",
        ),
        ([{"aliases": ["Lee"]}], "names.glossary[0]: 'name' is required"),
        ([{"name": ""}], "names.glossary[0].name: must be a non-empty string"),
        (
            [{"name": "Lee", "variants": [1]}],
            "names.glossary[0].variants: must be a list of non-empty strings",
        ),
        ([{"name": "Lee Jae-myung"}, {"name": "Lee Jae-myung"}], "names.glossary[1].name: duplicate entry"),
        (
            [
                {"name": "Lee Jae-myung", "variants": ["Yi Jae-myung"]},
                {"name": "Kim", "aliases": ["Yi Jae-myung"]},
            ],
            "names.glossary[1].aliases: duplicate form 'Yi Jae-myung' (also in names.glossary[0].variants)",
        ),
        (
            [{"name": "Lee", "variants": ["Lee"]}],
            "names.glossary[0].variants: 'Lee' is also the name or an alias",
        ),
        (
            [{"name": "Lee", "source": ["Yi"]}],
            "names.glossary[0].source: 'Yi' is not written in Hangul, Hanzi or Kana",
        ),
        ([{"name": "Lee", "aliases": ["이"]}], "names.glossary[0]: '이' is in a source script"),
        (
            [{"name": "Lee", "source": ["이재명"]}, {"name": "Yi", "source": ["이재명"]}],
            "names.glossary[1].source: duplicate source form",
        ),
        ("Lee", "names.glossary: must be an array of tables"),
    ],
)
def test_glossary_errors(raw, message: str):
    with pytest.raises(ConfigError) as err:
        parse_glossary(raw, "style.toml")
    assert message in err.value.message
    assert err.value.path == "style.toml"


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(["Lee", "", "이재명", "Lee Jae-myung", "李"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["name", "aliases", "variants", "source", "nmae"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(_VALUES)
def test_glossary_parser_never_crashes(raw):
    try:
        entries = parse_glossary(raw, "style.toml")
    except ConfigError as err:
        assert err.message.startswith("names.glossary")
    else:
        assert all(isinstance(e, GlossaryEntry) and e.name for e in entries)


def test_glossary_through_the_style_file_and_inheritance(tmp_path):
    base = tmp_path / "base.toml"
    base.write_text(
        '[[names.glossary]]\nname = "Lee Jae-myung"\nvariants = ["Yi Jae-myung"]\n'
        '[[names.glossary]]\nname = "Lin Jian"\nsource = ["林剑"]\n',
        encoding="utf-8",
    )
    child = tmp_path / "tlqa.toml"
    child.write_text(
        'extend = "base.toml"\n[[names.glossary]]\nname = "Lee Jae-myung"\nvariants = ["Lee Jae-myeong"]\n',
        encoding="utf-8",
    )
    cfg = config.load(child)
    entries = {e.key: e for e in cfg.entries("names", "glossary")}
    assert entries["Lee Jae-myung"].variants == ("Lee Jae-myeong",)  # the child's entry replaces the parent's
    assert "Lin Jian" in entries
    assert cfg.options("names")["glossary"] == cfg.entries("names", "glossary")
    rows = {key: origin for key, _value, origin in cfg.settings()}
    assert rows["names.glossary.Lee Jae-myung"] == str(child)
    assert rows["names.glossary.Lin Jian"] == str(base)


def test_bad_glossary_is_exit_2(cli, tmp_path):
    style = tmp_path / "tlqa.toml"
    style.write_text('[[names.glossary]]\nname = "Lee"\nsorce = ["이"]\n', encoding="utf-8")
    result = cli("check", str(ARTICLE), "--config", str(style))
    assert result.returncode == 2
    assert b"names.glossary[0].sorce: unknown key; did you mean 'source'?" in result.stderr


# -- source and reference ---------------------------------------------------------------------------------


def test_source_tells_two_people_apart():
    text = "Kim Min-jae scored in the first half. Kim Min-je scored in the second."
    assert [f.rule for f in check(text)] == ["N102"]
    assert check(text, source="김민재가 전반에 골을 넣었다. 김민제는 후반에 골을 넣었다.") == []


@pytest.mark.skipif(not pinyin_available(), reason="pypinyin is not installed")
def test_chinese_name_against_its_source():
    found = check("Reporter Zheng Huixin wrote the story.", source="经济观察网记者郑淯心报道。")
    assert [(f.rule, f.excerpt) for f in found] == [("N303", "Zheng Huixin")]
    assert found[0].evidence["romanised"] == "Zheng Yuxin"


def test_reference_names():
    found = check(
        "US President Erwin Huber wrote on Twitter.",
        reference="US President Trump wrote on Twitter.",
    )
    assert [(f.rule, f.excerpt) for f in found] == [("N304", "Erwin Huber")]
    assert check("Officials met in Seoul.", reference="The officials met in Seoul.") == []


def test_output_is_deterministic():
    text = ARTICLE.read_text(encoding="utf-8")
    runs = [
        [(f.rule, f.start, f.message) for f in check(text, source=SOURCE.read_text(encoding="utf-8"))]
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
