"""Rules an editor writes ([[style.rules]]), the bundled AP style's declarative rules, `tlqa style test`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tlqa import api, stylerules
from tlqa.config import Config
from tlqa.config import load as load_config
from tlqa.engine import Engine
from tlqa.errors import ConfigError
from tlqa.findings import Applicability, Severity
from tlqa.rules import Registry
from tlqa.styletest import run_examples

ROOT = Path(__file__).resolve().parent.parent
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "cia-videos.en.txt"


def parse(toml: str, where: str = "style.toml") -> tuple[stylerules.StyleRuleSpec, ...]:
    return stylerules.parse_rules(tomllib.loads(toml)["style"]["rules"], where)


def rule(body: str, *, code: str = "S501", name: str = "r") -> stylerules.StyleRuleSpec:
    return parse(f'[[style.rules]]\ncode = "{code}"\nname = "{name}"\n{body}')[0]


def config_for(*specs: stylerules.StyleRuleSpec, **families: dict) -> Config:
    return Config(select=tuple(s.code for s in specs), extras={"style.rules": specs}, families=families)


def findings(text: str, *specs: stylerules.StyleRuleSpec, fmt: str | None = None) -> list:
    report = api.check_text(text, fmt=fmt, config=config_for(*specs))
    return [f for f in report.findings if f.rule.startswith("S5")]


def excerpts(text: str, *specs: stylerules.StyleRuleSpec, fmt: str | None = None) -> list[str]:
    return [f.excerpt for f in findings(text, *specs, fmt=fmt)]


# -- existence ----------------------------------------------------------------------------------------

MT_HABITS = """
type = "existence"
message = "Machine-translation habit: '{match}'"
tokens = ["the relevant authorities", "it is reported that", "don't", "%"]
patterns = ['\\bit (?:is|was) (?:learned|understood) that\\b']
"""


def test_existence_tokens_and_patterns():
    spec = rule(MT_HABITS)
    text = "The relevant authorities said on Monday that it was learned that prices rose 5%."
    found = findings(text, spec)
    assert [f.excerpt for f in found] == ["The relevant authorities", "it was learned that", "%"]
    assert found[0].message == "Machine-translation habit: 'The relevant authorities'"
    assert found[0].severity == Severity.WARNING and found[0].suggestion is None


def test_existence_matches_words_whole_with_any_space_and_either_apostrophe():
    spec = rule(MT_HABITS)
    wrapped = "Officials said the relevant\nauthorities were told.\n"  # one Markdown paragraph over two lines
    assert excerpts(wrapped, spec, fmt="markdown") == ["the relevant\nauthorities"]
    assert (
        excerpts("Officials said the relevant\nauthorities were told.", spec, fmt="text") == []
    )  # two paragraphs
    assert excerpts("They don’t know.", spec) == ["don’t"]
    assert excerpts("The irrelevant authorities and the relevant authoritiesX spoke.", spec) == []


def test_existence_case_a_lowercase_token_also_matches_a_capital_first_letter_only():
    spec = rule(MT_HABITS)
    assert excerpts("It is reported that the talks failed.", spec) == ["It is reported that"]
    assert excerpts("IT IS REPORTED THAT the talks failed.", spec) == []
    loose = rule(MT_HABITS + "ignore-case = true\n")
    assert excerpts("IT IS REPORTED THAT the talks failed.", loose) == ["IT IS REPORTED THAT"]


def test_existence_case_a_capitalized_token_matches_as_written():
    spec = rule('type = "existence"\ntokens = ["US Forces"]')
    assert excerpts("The US Forces said so, not the us forces.", spec) == ["US Forces"]


def test_exceptions_let_a_covered_match_pass():
    spec = rule(MT_HABITS + "exceptions = ['the relevant authorities of (?:Seoul|Busan)']\n")
    assert excerpts("The relevant authorities of Seoul said so.", spec) == []
    assert excerpts("The relevant authorities of Daegu said so.", spec) == ["The relevant authorities"]


def test_matches_never_touch_code_or_urls():
    spec = rule('type = "existence"\ntokens = ["night library"]\npatterns = ["example"]')
    text = "See `night library` and https://example.org/x for the plan.\n"
    assert excerpts(text, spec, fmt="markdown") == []


def test_overlapping_tokens_of_one_rule_report_the_longest_once():
    spec = rule('type = "existence"\ntokens = ["relevant authorities", "the relevant authorities"]')
    assert excerpts("He met the relevant authorities.", spec) == ["the relevant authorities"]


# -- substitution -------------------------------------------------------------------------------------

BUSAN = """
type = "substitution"
swap = { "Busan Metropolitan City" = "Busan", "Sept" = "Sept.", "in order to" = "to" }
"""


def test_substitution_literal_is_a_safe_suggestion():
    spec = rule(BUSAN)
    [f] = findings("Busan Metropolitan City opened a library.", spec)
    assert f.excerpt == "Busan Metropolitan City"
    assert f.suggestion.text == "Busan" and f.suggestion.applicability == Applicability.SAFE
    assert f.message == "Use 'Busan' instead of 'Busan Metropolitan City'"
    assert f.evidence["found"] == "Busan Metropolitan City"


def test_substitution_follows_a_sentence_start_and_skips_what_is_already_right():
    spec = rule(BUSAN)
    [f] = findings("In order to win, it opened on Sept. 30, not on Sept 31.", spec)[:1]
    assert (f.excerpt, f.suggestion.text) == ("In order to", "To")
    assert [x.excerpt for x in findings("It opened on Sept. 30 and closed Sept 31.", spec)] == ["Sept"]


def test_substitution_regex_with_groups_is_unsafe_unless_declared():
    spec = rule(
        'type = "substitution"\nregex = true\nmessage = "{match} -> {suggestion}"\n'
        "swap = { '(\\d+) ?won' = '\\1 won ($)' }"
    )
    [f] = findings("It cost 500won in all.", spec)
    assert (f.excerpt, f.suggestion.text, f.message) == ("500won", "500 won ($)", "500won -> 500 won ($)")
    assert f.suggestion.applicability == Applicability.UNSAFE
    safe = rule('type = "substitution"\nregex = true\napplicability = "safe"\nswap = { "  +" = " " }')
    [g] = findings("Two  spaces.", safe)
    assert g.suggestion.applicability == Applicability.SAFE


def test_substitution_regex_may_delete():
    spec = rule("type = \"substitution\"\nregex = true\nswap = { '\\s+(?=,)' = '' }")
    [f] = findings("Seoul , Korea.", spec)
    assert (f.excerpt, f.suggestion.text) == (" ", "")


# -- consistency --------------------------------------------------------------------------------------


def test_consistency_first_spelling_wins():
    spec = rule('type = "consistency"\neither = { "well-being" = "wellbeing", "e-mail" = "email" }')
    found = findings("Their wellbeing matters. Well-being is the goal. An e-mail, then an email.", spec)
    assert [(f.excerpt, f.suggestion.text) for f in found] == [
        ("Well-being", "Wellbeing"),
        ("email", "e-mail"),
    ]
    assert found[0].message == "'Well-being' here, but 'Wellbeing' earlier in the article"
    assert found[0].evidence["first_at"] == "1:7"
    assert found[0].suggestion.applicability == Applicability.UNSAFE
    assert findings("Their well-being matters. Well-being is the goal.", spec) == []


def test_consistency_groups_of_more_than_two_and_regex_spellings():
    groups = rule('type = "consistency"\neither = [["e-mail", "email", "E-mail"]]\nignore-case = false')
    assert excerpts("An email. An e-mail.", groups) == ["e-mail"]
    regex = rule("type = \"consistency\"\nregex = true\neither = [['colou?r', 'hue']]")
    [f] = findings("The color. The hue.", regex)
    assert f.excerpt == "hue" and f.suggestion is None and "color" in f.message


# -- conditional --------------------------------------------------------------------------------------

DEFINE = """
type = "conditional"
first = '\\b([A-Z]{2,5})\\b'
exceptions = ['U\\.?S', "UN", "CEO"]
"""


def test_conditional_defined_then_used_is_clean():
    spec = rule(DEFINE)
    text = "The Korea Fair Trade Commission (FTC) fined the company. The FTC said the UN agreed."
    assert findings(text, spec) == []


def test_conditional_use_before_definition_is_flagged_once():
    spec = rule(DEFINE)
    text = "The FTC fined the company. The FTC said so. The Korea Fair Trade Commission (FTC) agreed."
    [f] = findings(text, spec)
    assert (f.excerpt, f.message) == ("FTC", "Spell out 'FTC' at its first use")
    assert f.evidence["defined_at"] == "1:78"
    assert excerpts("The KDI forecast growth.", spec) == ["KDI"]


def test_conditional_headlines_are_not_its_default_scope():
    spec = rule(DEFINE)
    text = "# FTC fines Hanbit\n\nThe Korea Fair Trade Commission (FTC) fined Hanbit on Monday.\n"
    assert findings(text, spec, fmt="markdown") == []
    anywhere = rule(DEFINE + 'scope = "article"\n')
    assert excerpts(text, anywhere, fmt="markdown") == ["FTC"]


def test_conditional_with_its_own_definition_pattern():
    spec = rule(DEFINE + "second = '([A-Z]{2,5}) stands for'\n")
    assert findings("FTC stands for Fair Trade Commission. The FTC said so.", spec) == []


# -- occurrence ---------------------------------------------------------------------------------------

LONG = "The ministry said on Monday that it would review the plan again next year and beyond that."


def test_occurrence_max_words_per_sentence_with_placeholders():
    spec = rule('type = "occurrence"\nmax = 12\nmessage = "{count} words in a {unit}; {limit} at most"')
    found = findings(f"Short one here. {LONG}", spec)
    assert [(f.excerpt, f.message) for f in found] == [(LONG, "17 words in a sentence; 12 at most")]
    assert findings(LONG, rule('type = "occurrence"\nmax = 17')) == []


def test_occurrence_default_message_min_and_paragraph_scope():
    spec = rule('type = "occurrence"\nscope = "paragraph"\nmin = 5')
    [f] = findings("Too short.\nThis paragraph is long enough to pass.", spec)
    assert f.excerpt == "Too short." and f.message == "2 words in this paragraph (at least 5)"


def test_occurrence_counts_a_token_pattern_and_skips_excepted_tokens():
    commas = rule("type = \"occurrence\"\nmax = 2\ntoken = ','\nmessage = '{count} commas'")
    assert [f.message for f in findings("A, b, c, d.", commas)] == ["3 commas"]
    words = rule('type = "occurrence"\nmax = 3\nexceptions = ["Busan"]')
    assert findings("Busan Busan Busan Busan is fine.", words) == []


def test_occurrence_dashes_are_not_words():
    spec = rule('type = "occurrence"\nmax = 4')
    assert findings("One two three — four.", spec) == []


# -- capitalization -----------------------------------------------------------------------------------


def headline(title: str, body: str = "The mayor of Busan spoke about the plan on Monday.") -> str:
    return f"# {title}\n\n{body}\n"


def test_capitalization_sentence_case_headline():
    spec = rule('type = "capitalization"\nexceptions = ["K-Pop"]')
    [f] = findings(headline("Busan Mayor Unveils New K-Pop Library Plan"), spec, fmt="markdown")
    assert f.excerpt == "Busan Mayor Unveils New K-Pop Library Plan"
    assert f.message == "Not in sentence case: 'Mayor', 'Unveils', 'New', 'Library', 'Plan'"
    assert f.suggestion.text == "Busan mayor unveils new K-Pop library plan"
    ok = [
        "Busan mayor unveils new library plan",
        "KOSPI falls as US tariffs bite",
        "Moon says: ‘We will win’",
    ]
    for title in ok:
        assert findings(headline(title), spec, fmt="markdown") == [], title


def test_capitalization_accepts_proper_nouns_the_article_capitalizes():
    spec = rule('type = "capitalization"')
    body = "Officials of the Fair Trade Commission fined Hanbit in Busan on Monday."
    assert findings(headline("Fair Trade Commission fines Hanbit", body), spec, fmt="markdown") == []
    [f] = findings(headline("Busan Opens Floating Library", "Officials said so."), spec, fmt="markdown")
    assert f.evidence["words"] == ["Busan", "Opens", "Floating", "Library"][1:]


def test_capitalization_title_upper_lower():
    title = rule('type = "capitalization"\nmatch = "title"\nmessage = "{case}: {words}"')
    [f] = findings(headline("Busan opens a Floating Library For the summer"), title, fmt="markdown")
    assert f.message == "title: 'opens', 'For', 'summer'"
    assert f.suggestion.text == "Busan Opens a Floating Library for the Summer"
    upper = rule('type = "capitalization"\nmatch = "upper"\nscope = "paragraph"\nexceptions = ["kang\\\\S+"]')
    assert findings("BY KANG MIN-JI [kang.minji@example.com]", upper) == []
    assert excerpts("BY Kang MIN-JI", upper) == ["BY Kang MIN-JI"]
    lower = rule('type = "capitalization"\nmatch = "lower"\nscope = "paragraph"')
    assert findings("all lower case here, with an ACRONYM.", lower) == []
    assert len(findings("all lower case Here.", lower)) == 1


# -- scopes -------------------------------------------------------------------------------------------


def test_scopes_by_paragraph_kind():
    text = "# Relevant authorities act\n\nThe relevant authorities acted.\n"
    body = rule('type = "existence"\ntokens = ["relevant authorities"]\nscope = "body"')
    head = rule('type = "existence"\ntokens = ["relevant authorities"]\nscope = "headline"', code="S502")
    both = rule(
        'type = "existence"\ntokens = ["relevant authorities"]\nscope = ["headline", "body"]', code="S503"
    )
    found = findings(text, body, head, both, fmt="markdown")
    assert sorted((f.rule, f.begin.line) for f in found) == [
        ("S501", 3),
        ("S502", 1),
        ("S503", 1),
        ("S503", 3),
    ]


def test_caption_scope():
    text = (
        "Firefighters inspect a port in Incheon on Monday. [YONHAP]\nThe port reopened on Tuesday, they said."
    )
    spec = rule('type = "existence"\ntokens = ["port"]\nscope = "caption"')
    assert [f.begin.line for f in findings(text, spec)] == [1]


def test_sentence_scope_keeps_a_match_inside_one_sentence():
    spec = rule('type = "existence"\npatterns = [\'said\\.\\s+The\']\nscope = "sentence"')
    assert findings("Police said. The talks ended.", spec) == []
    para = rule('type = "existence"\npatterns = [\'said\\.\\s+The\']\nscope = "paragraph"')
    assert excerpts("Police said. The talks ended.", para) == ["said. The"]


# -- validation ---------------------------------------------------------------------------------------

BAD = [
    (
        'type = "existence"\ntokens = ["x"]\ntokenz = ["y"]',
        "style.rules[0].tokenz: unknown key; did you mean 'tokens'?",
    ),
    (
        'type = "existence"\ntokens = ["x"]\nswap = {a = "b"}',
        "style.rules[0].swap: not a key of existence rules",
    ),
    (
        'type = "existance"\ntokens = ["x"]',
        "style.rules[0].type: unknown rule type 'existance'; did you mean 'existence'?",
    ),
    ('tokens = ["x"]', "style.rules[0].type: missing (required)"),
    ('type = "existence"\ntokens = "x"', "style.rules[0].tokens: must be a list, not a string"),
    ('type = "existence"\ntokens = [1]', "style.rules[0].tokens: must be a list of strings"),
    (
        'type = "existence"\ntokens = ["x"]\nignore-case = "yes"',
        "style.rules[0].ignore-case: must be true or false",
    ),
    (
        'type = "existence"\ntokens = ["x"]\nseverity = "fatal"',
        "style.rules[0].severity: must be error, warning or info",
    ),
    (
        'type = "existence"\ntokens = ["x"]\nscope = "bodies"',
        "style.rules[0].scope: unknown scope 'bodies'; did you mean 'body'?",
    ),
    ('type = "existence"\ntokens = ["x", "y", "x"]', "style.rules[0].tokens: has duplicate entries: 'x'"),
    (
        'type = "existence"\nignore-case = true\ntokens = ["In order", "in  order"]',
        "duplicate entries (ignoring case",
    ),
    (
        'type = "existence"\npatterns = ["(unclosed"]',
        "style.rules[0].patterns: invalid regular expression '(unclosed'",
    ),
    ('type = "existence"\npatterns = ["(a|aa)+$"]', "could run away (catastrophic backtracking)"),
    (
        'type = "existence"\npatterns = ["x*"]',
        "style.rules[0].patterns: pattern 'x*' matches the empty string",
    ),
    ('type = "existence"', "style.rules[0].tokens: an existence rule needs tokens or patterns"),
    (
        'type = "existence"\ntokens = ["x"]\nmessage = "{matched}"',
        "style.rules[0].message: unknown placeholder {matched}",
    ),
    ('type = "existence"\ntokens = ["x"]\nmessage = "{match!r}"', "takes no format or conversion"),
    (
        'type = "existence"\ntokens = ["x"]\nmessage = "{match"',
        "style.rules[0].message: not a valid template",
    ),
    ('type = "substitution"\nswap = { a = 1 }', "style.rules[0].swap.a: must be a string"),
    ('type = "substitution"\nswap = { a = "a" }', "style.rules[0].swap.a: 'a' and 'a' are the same"),
    (
        'type = "substitution"\nregex = true\nswap = { "(a)" = "\\\\2" }',
        "refers to group 2, but the pattern has 1",
    ),
    (
        'type = "substitution"\nswap = { a = "b" }\napplicability = "sure"',
        "style.rules[0].applicability: must be one of",
    ),
    (
        'type = "consistency"\neither = [["a"]]',
        "style.rules[0].either: must be a table of pairs or a list of lists",
    ),
    ('type = "occurrence"\nmax = 3\nmin = 5', "style.rules[0].min: 5 is more than max (3)"),
    ('type = "occurrence"\nmax = true', "style.rules[0].max: must be an integer, not true or false"),
    ('type = "occurrence"', "style.rules[0].max: an occurrence rule needs max or min"),
    (
        'type = "capitalization"\nmatch = "titlecase"',
        "style.rules[0].match: must be one of sentence, title, upper, lower",
    ),
    (
        'type = "existence"\ntokens = ["x"]\nexamples = { fial = ["x"] }',
        "style.rules[0].examples.fial: unknown key; did you mean 'fail'?",
    ),
    (
        'type = "existence"\ntokens = ["x"]\nexamples.pass = [1]',
        "style.rules[0].examples.pass: must be a list of strings",
    ),
]


@pytest.mark.parametrize(("body", "message"), BAD)
def test_validation_errors_name_the_key(body: str, message: str):
    with pytest.raises(ConfigError) as err:
        rule(body)
    assert message in err.value.message, err.value.message
    assert err.value.path == "style.toml"


@pytest.mark.parametrize(
    ("code", "name", "message"),
    [
        (
            "S101",
            "x",
            "style.rules[0].code: must be a code from S500 to S999 (S100-S499 are tlqa's own), not 'S101'",
        ),
        ("S1000", "x", "must be a code from S500 to S999"),
        ("Q501", "x", "must be a code from S500 to S999"),
        ("s501", "x", "must be a code from S500 to S999"),
        ("S501", "Not_Kebab", "style.rules[0].name: must be kebab-case"),
    ],
)
def test_codes_and_names(code: str, name: str, message: str):
    with pytest.raises(ConfigError) as err:
        rule('type = "existence"\ntokens = ["x"]', code=code, name=name)
    assert message in err.value.message


def test_duplicate_codes_and_names_and_shapes():
    two = '[[style.rules]]\ncode = "S501"\nname = "a"\ntype = "existence"\ntokens = ["x"]\n'
    with pytest.raises(
        ConfigError, match=r"style.rules\[1\].code: duplicate code S501 \(also style.rules\[0\]\)"
    ):
        parse(two + two.replace('"a"', '"b"'))
    with pytest.raises(ConfigError, match=r"style.rules\[1\].name: duplicate name 'a'"):
        parse(two + two.replace("S501", "S502"))
    with pytest.raises(ConfigError, match=r"style.rules: must be an array of tables"):
        stylerules.parse_rules({"code": "S501"}, "style.toml")
    with pytest.raises(ConfigError, match=r"style.rules\[0\]: must be a table"):
        stylerules.parse_rules(["S501"], "style.toml")


KEYS = [*stylerules.COMMON_KEYS, *(k for keys in stylerules.TYPE_KEYS.values() for k in keys), "tokenz", "x"]
SCALARS = st.one_of(
    st.sampled_from(
        [*stylerules.TYPES, *stylerules.SCOPES, "S501", "S777", "S101", "my-rule", "error", "{match}"]
    ),
    st.sampled_from(["(a|aa)+$", "(", "\\b(x)\\b", "x*", "[A-Z]{2,5}", "\\1", "\\g<n>", "safe", "sentence"]),
    st.text(max_size=8),
    st.integers(-3, 50),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=9), max_size=3) | VALUES)
def test_random_rule_tables_give_specs_or_a_config_error(raw):
    try:
        specs = stylerules.parse_rules(raw, "style.toml")
    except ConfigError as exc:
        assert exc.message.startswith("style.rules") and exc.path == "style.toml"
        return
    for spec in specs:
        hash(spec)  # plain immutable data
        assert stylerules.rule_doc(spec)


# -- through the configuration, the engine and `tlqa style test` --------------------------------------

STYLE_FILE = """
[style]
default = false

[[style.rules]]
code = "S501"
name = "mt-habits"
type = "existence"
tokens = ["the relevant authorities"]
examples.fail = ["The relevant authorities said the road would reopen."]
examples.pass = ["Police said the road would reopen."]

[[style.rules]]
code = "S502"
name = "busan"
type = "substitution"
swap = { "Busan Metropolitan City" = "Busan" }
examples.fail = ["Busan Metropolitan City opened it.", "Busan opened it."]
examples.pass = ["Busan opened it.", "Busan Metropolitan City opened it."]
"""


def test_style_file_rules_run_and_default_false_leaves_only_them(tmp_path: Path):
    path = tmp_path / "tlqa.toml"
    path.write_text(STYLE_FILE, encoding="utf-8")
    config = load_config(path)
    assert [s.code for s in config.style_rules] == ["S501", "S502"]
    text = "The relevant authorities said 3 men in the US were arrested at 5 AM.  Then 50% left.\n"
    report = api.check_text(text, config=config)
    assert [f.rule for f in report.findings if f.family == "style"] == ["S501"]
    on = api.check_text(text, config=Config(extras=config.extras))
    assert {f.rule for f in on.findings if f.family == "style"} >= {
        "S101",
        "S102",
        "S103",
        "S105",
        "S106",
        "S501",
    }


def test_run_examples_reports_each_example(tmp_path: Path):
    path = tmp_path / "tlqa.toml"
    path.write_text(STYLE_FILE, encoding="utf-8")
    results = run_examples(load_config(path))
    assert [(r.code, r.kind, r.ok) for r in results] == [
        ("S501", "fail", True),
        ("S501", "pass", True),
        ("S502", "fail", True),
        ("S502", "fail", False),
        ("S502", "pass", True),
        ("S502", "pass", False),
    ]
    bad = results[-1]
    assert bad.text == "Busan Metropolitan City opened it." and bad.found
    assert "Use 'Busan' instead of 'Busan Metropolitan City'" in bad.found[0]
    assert bad.expected == "should pass" and results[3].found == ()
    assert run_examples(Config()) == []


def test_bundled_rules_examples_pass_and_their_patterns_compile_with_both_engines():
    import regex

    assert all(r.ok for r in run_examples(Config(), bundled=True))
    raw = tomllib.loads((ROOT / "src/tlqa/data/default-style.toml").read_text(encoding="utf-8"))
    specs = stylerules.parse_rules(raw["style"]["rules"], "default-style.toml", bundled=True)  # compiled now
    assert [s.code for s in specs] == [s.code for s in stylerules.load_bundled()]
    for spec in specs:
        for found, _preferred in spec.swap:
            regex.compile(found)
            re.compile(found)


def test_a_crashing_rule_is_reported_alone():
    a = rule(MT_HABITS)
    b = rule('type = "existence"\ntokens = ["library"]', code="S502", name="b")
    config = config_for(a, b)
    engine = Engine(config, Registry.for_config(config))
    book = stylerules.book_for((a, b))
    plans = book.compile()

    def boom(info, hits):
        raise RuntimeError("pattern took too long")

    plans[0].run = boom  # type: ignore[method-assign]
    try:
        report = api.check_text("The relevant authorities opened a library.", engine=engine)
    finally:
        del plans[0].run
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["S501"].evidence["crashed"] and "pattern took too long" in by_rule["S501"].message
    assert by_rule["S502"].excerpt == "library"


def test_rules_compile_once_per_run(monkeypatch):
    spec = rule("type = \"existence\"\npatterns = ['\\bpier \\d+\\b']\nignore-case = true")
    calls = []
    import tlqa.saferegex

    real = tlqa.saferegex.compile_pattern
    monkeypatch.setattr(tlqa.saferegex, "compile_pattern", lambda *a, **k: calls.append(a) or real(*a, **k))
    config = config_for(spec)
    engine = Engine(config, Registry.for_config(config))
    for text in ("Ferries at Pier 4.", "Ferries at pier 5.", "No ferries."):
        api.check_text(text, engine=engine)
    assert calls == []  # compiled (and probed) when the style file was read, never per article
    assert stylerules.book_for((spec,)) is stylerules.book_for((spec,))


def test_rule_docs_carry_examples():
    spec = rule('type = "existence"\ntokens = ["x y"]\nexamples.fail = ["a x y"]\nexamples.pass = ["a y"]')
    doc = stylerules.rule_doc(spec)
    assert doc.splitlines()[0] == "Avoid 'x y'."
    assert "Example:\n    a x y\nWrite instead:\n    a y" in doc
    registry = Registry.for_config(config_for(spec))
    assert registry.get("S501").doc == doc and registry.get("S501").family == "style"


def test_required_literals_prefilter_is_conservative():
    lit = stylerules.required_literals
    assert lit(r"\b(?:very|highly) (?:important|serious)\b") == ("important", "serious")
    assert lit(r"(\d+) ?[%％]") == ("%", "％")
    for foreign in (r"\p{L}+ said", r"(?:said){e<=1}", r"[[:alpha:]]+x", r"(?|abc|def)", r"a|bcd", r"\bx\b"):
        assert lit(foreign) is None, foreign


# -- the bundled style on real copy -------------------------------------------------------------------

# The English articles (not the source texts beside them).
FIXTURES = sorted(
    p for p in (ROOT / "fixtures").glob("*-article*.*") if not re.search(r"\.(ko|zh|ja)\.", p.name)
)


# Findings of the bundled style that are right: "November 22nd, 2016" is "Nov. 22" in AP style (the
# ordinal is the dates family's flaw planted there).
LEGITIMATE = {"dates-article.txt": [("S104", 10, "November")]}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_bundled_style_is_quiet_on_the_fixture_articles(path: Path):
    report = api.check_file(str(path), config=Config(select=("S1",)))
    assert [(f.rule, f.begin.line, f.excerpt) for f in report.findings] == LEGITIMATE.get(path.name, [])


@pytest.mark.skipif(not SHARED_EXAMPLE.is_file(), reason="../shared/examples not present")
def test_bundled_style_is_quiet_on_the_shared_example():
    report = api.check_file(str(SHARED_EXAMPLE), config=Config(select=("S",)))
    assert [(f.rule, f.begin.line, f.excerpt) for f in report.findings] == []
