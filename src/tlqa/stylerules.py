r"""Rules an editor writes: the `[[style.rules]]` tables of a style file (family `style`).

A newsroom adds its own rules without code, in the spirit of Vale's rule types. Each `[[style.rules]]`
table is one rule; `tlqa.config` hands the array to `parse_rules`, which validates every key and
compiles every pattern once, and `tlqa.checks.style` turns each spec into a rule of the run. The
bundled AP-based news style (`data/default-style.toml`, codes S101-S199) is written in the same format.

    [style]
    default = true                      # the bundled AP-based news style (S101-S199) on or off

    [[style.rules]]
    code = "S501"                       # required: S500-S999 (S100-S499 are tlqa's own)
    name = "mt-reporting-verbs"         # required: kebab-case, unique in the file
    type = "existence"                  # required: existence | substitution | consistency |
                                        #   conditional | occurrence | capitalization
    message = "Cut '{match}'; say who reported it"   # optional: a default per type
    severity = "warning"                # error | warning | info (default warning)
    scope = "body"                      # or a list; default per type (below)
    ignore-case = false                 # default false (see "Case" below)
    exceptions = ['it is reported that the (?:court|police)']   # regexes that let a match pass
    description = "Machine translation renders 보도에 따르면 literally."  # optional, for `tlqa explain`
    examples.fail = ["It is reported that the minister resigned."]     # `tlqa style test` runs these
    examples.pass = ["The minister resigned, Yonhap reported."]
    tokens = ["it is reported that", "the relevant authorities"]     # existence: literal phrases
    patterns = ['\bit (?:is|was) (?:learned|understood) that\b']      # ... and/or regexes

Keys are kebab-case. An unknown key, a key of another rule type, a value of the wrong type, a missing
required key, an unknown type, scope or severity, a duplicate code or name, a duplicate entry in a list,
a pattern that does not compile or could run away (`tlqa.saferegex`), and a code outside S500-S999 are
configuration errors naming the key: `style.rules[3].tokens: has duplicate entries: 'in order to'`
(the index counts the file's `[[style.rules]]` tables from 0).

Common keys
-----------
`code`, `name`, `type` (required); `message`, `severity`, `scope`, `ignore-case`, `exceptions`,
`description`, `examples` (a table with `fail` and `pass`, lists of texts: each `fail` text must be
flagged by the rule and each `pass` text must not; `tlqa style test` runs them).

`message` is a template: `{match}` is the matched text, `{suggestion}` the replacement where the type has
one; occurrence rules also know `{count}`, `{max}`, `{min}`, `{limit}` (the bound broken) and `{unit}`;
capitalization rules `{words}` (the offending words) and `{case}`. Any other placeholder is an error;
write `{{` and `}}` for braces.

`scope` says where a rule looks, by paragraph kind: `headline` (headings and headlines), `body` (body
paragraphs, list items, block quotes), `caption`, or every prose paragraph (`sentence`, `paragraph`,
`article`). A match never runs over two paragraphs, and with `sentence` never over two sentences. For
occurrence and capitalization rules the scope is also the unit measured: each sentence, each paragraph,
the whole article, or each paragraph of the kind named. Defaults: `body` for conditional rules
(headlines use abbreviations freely), `sentence` for occurrence, `headline` for capitalization, `article`
for the rest. Code, URLs and e-mail addresses are never matched (a match touching one is dropped).

Case: with `ignore-case = false` (the default) literal tokens, swap keys and spellings match as written,
and one written with a lower-case first letter also matches with a capital one (the start of a
sentence), the suggestion following suit; so does an exception that starts with a lower-case letter.
`ignore-case = true` matches in any case, patterns and exceptions included. Curly and straight
apostrophes and quotation marks match each other, and any run of white space matches a space.

`exceptions` are regular expressions: a match passes when an exception matches a stretch of the same
paragraph that covers it (`exceptions = ["Korea Fair Trade Commission"]` lets "Fair Trade Commission"
pass there). For occurrence rules the tokens an exception covers are not counted; for capitalization
rules the words it covers keep their case.

Patterns are regular expressions of the `regex` module, run with a time limit over the article's text
(code and URLs blanked); `(?m)^` anchors at a line start. A pattern that matches the empty string is an
error.

The types
---------
existence — words or patterns to avoid. `tokens`: literal words or phrases, matched on word boundaries;
`patterns`: regexes. At least one of the two.

    [[style.rules]]
    code = "S501"
    name = "mt-habits"
    type = "existence"
    message = "Machine-translation habit: '{match}'"
    tokens = ["the relevant authorities", "it is reported that", "in the meantime"]
    patterns = ['\bit (?:is|was) (?:learned|understood) that\b']
    examples.fail = ["The relevant authorities said the road would reopen."]
    examples.pass = ["Police said the road would reopen."]

substitution — a preferred form. `swap`: a table of found → preferred. Keys are literal (like tokens)
unless `regex = true`, when they are regexes and the preferred text may use `\1` or `\g<name>`; an
empty preferred text deletes the match. The suggestion is safe to apply (`tlqa check --fix`) when the key
is literal, unsafe when it is a regex; `applicability = "safe" | "unsafe" | "display-only"` overrides.
A match already followed or surrounded by the preferred form ("Sept." for "Sept") passes.

    [[style.rules]]
    code = "S502"
    name = "busan-city"
    type = "substitution"
    message = "Use '{suggestion}', not '{match}'"
    swap = { "Busan Metropolitan City" = "Busan", "Seoul Metropolitan City" = "Seoul" }
    examples.fail = ["Busan Metropolitan City opened the library."]
    examples.pass = ["Busan opened the library."]

consistency — one spelling per article. `either`: a table of pairs (`{ "well-being" = "wellbeing" }`) or
a list of groups of two or more (`[["e-mail", "email"]]`); the first spelling an article uses wins and
the others are flagged, with it as the (unsafe) suggestion. `regex = true` makes the spellings regexes
(no suggestion then); `applicability` as for substitution.

    [[style.rules]]
    code = "S503"
    name = "one-spelling"
    type = "consistency"
    message = "'{match}' here but '{suggestion}' earlier"
    either = { "well-being" = "wellbeing", "e-mail" = "email" }
    examples.fail = ["Their well-being matters. Wellbeing is the goal."]
    examples.pass = ["Their well-being matters. Well-being is the goal."]

conditional — an abbreviation must be spelled out at its first use. `first`: the regex of a use (its
first group, if any, is the term); `second`: the regex of a definition (its first group, if any, is the
term defined; default `\(([A-Z][A-Za-z0-9&.-]*[A-Za-z0-9])\)`, a term in parentheses after its spelled-out
form). A use before any definition of its term is flagged, once per term; a use inside a definition is
not a use; `exceptions` lists terms that need no definition.

    [[style.rules]]
    code = "S504"
    name = "define-abbreviations"
    type = "conditional"
    message = "Spell out '{match}' at its first use"
    first = '\b([A-Z]{2,5})\b'
    exceptions = ["U\\.?S", "UN", "CEO", "TV"]
    examples.fail = ["The FTC fined the company."]
    examples.pass = ["The Korea Fair Trade Commission (FTC) fined the company. The FTC said so."]

occurrence — limits on a count per unit. `max` and/or `min` (integers); `token`: the regex of what is
counted (default: words, i.e. runs of non-space characters with a letter or digit in them).

    [[style.rules]]
    code = "S505"
    name = "long-sentence"
    type = "occurrence"
    scope = "sentence"
    max = 12
    message = "Sentence of {count} words; keep it to {max}"
    examples.fail = ["The ministry said on Monday that it would review the plan again next year."]
    examples.pass = ["A short sentence."]

capitalization — the case of each unit (default scope `headline`). `match`: `sentence` (the default; AP
headlines: first word capitalized, the rest lower case), `title` (major words capitalized; a, an, the,
and, but, or, nor, for, so, yet and prepositions of three letters or fewer lower case inside), `upper` or
`lower`. In sentence case a capitalized word passes when it is an acronym (KOSPI), has a capital inside
(iPhone, McDonald), is "I", follows a colon or an opening quotation mark, or is written capitalized in
the middle of a sentence elsewhere in the article (a proper noun: "Busan", "Fair Trade Commission").
One finding per unit, naming the words, with the re-cased unit as an unsafe suggestion.

    [[style.rules]]
    code = "S506"
    name = "headline-case"
    type = "capitalization"
    match = "sentence"
    exceptions = ["K-Pop"]
    examples.fail = ["# Busan Mayor Unveils New Library Plan\n\nThe mayor of Busan spoke."]
    examples.pass = ["# Busan mayor unveils new library plan\n\nThe mayor of Busan spoke."]
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import re
import string
import tomllib
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tlqa.errors import ConfigError
from tlqa.findings import Applicability, Severity, Suggestion, Violation

if TYPE_CHECKING:
    from tlqa.document import Document

TYPES = ("existence", "substitution", "consistency", "conditional", "occurrence", "capitalization")
SCOPES = ("headline", "body", "caption", "sentence", "paragraph", "article")
CASES = ("sentence", "title", "upper", "lower")
SCOPE_KINDS: dict[str, frozenset[str]] = {
    "headline": frozenset({"heading", "headline"}),
    "body": frozenset({"body", "list_item", "blockquote"}),
    "caption": frozenset({"caption"}),
}
_ALL_PROSE = frozenset({"*"})
USER_CODES = "S500-S999"  # an editor's rules
BUNDLED_CODES = "S101-S199"  # the bundled AP-based news style
_USER_CODE = re.compile(r"^S[5-9]\d\d$")
_BUNDLED_CODE = re.compile(r"^S1(?:0[1-9]|[1-9]\d)$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DEFAULT_SECOND = r"\(([A-Z][A-Za-z0-9&.-]*[A-Za-z0-9])\)"

COMMON_KEYS = (
    "code",
    "name",
    "type",
    "message",
    "severity",
    "scope",
    "ignore-case",
    "exceptions",
    "description",
    "examples",
)
TYPE_KEYS: dict[str, tuple[str, ...]] = {
    "existence": ("tokens", "patterns"),
    "substitution": ("swap", "regex", "applicability"),
    "consistency": ("either", "regex", "applicability"),
    "conditional": ("first", "second"),
    "occurrence": ("max", "min", "token"),
    "capitalization": ("match",),
}
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "existence": ("match",),
    "substitution": ("match", "suggestion"),
    "consistency": ("match", "suggestion"),
    "conditional": ("match",),
    "occurrence": ("match", "count", "max", "min", "limit", "unit"),
    "capitalization": ("match", "suggestion", "words", "case"),
}
DEFAULT_MESSAGES: dict[str, str] = {
    "existence": "Avoid '{match}'",
    "substitution": "Use '{suggestion}' instead of '{match}'",
    "consistency": "'{match}' here, but '{suggestion}' earlier in the article",
    "conditional": "Spell out '{match}' at its first use",
    "occurrence": "{count} {counted} in this {unit} ({bound} {limit})",
    "capitalization": "Not in {case} case: {words}",
}
DEFAULT_SCOPES: dict[str, tuple[str, ...]] = {
    "existence": ("article",),
    "substitution": ("article",),
    "consistency": ("article",),
    "conditional": ("body",),
    "occurrence": ("sentence",),
    "capitalization": ("headline",),
}
_APPLICABILITY = {a.label: a for a in Applicability}


@dataclass(frozen=True, slots=True)
class StyleRuleSpec:
    """One validated rule, as plain immutable data (hashable: a set of specs keys the compiled matcher).

    Patterns are kept as their source text; they are compiled once per process (and were compiled and
    probed when the spec was parsed from a user's style file)."""

    code: str
    name: str
    type: str
    message: str
    severity: Severity = Severity.WARNING
    scope: tuple[str, ...] = ("article",)
    ignore_case: bool = False
    exceptions: tuple[str, ...] = ()
    description: str = ""
    examples_fail: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    tokens: tuple[str, ...] = ()  # existence
    patterns: tuple[str, ...] = ()  # existence
    swap: tuple[tuple[str, str], ...] = ()  # substitution
    regex: bool = False  # substitution, consistency
    applicability: Applicability | None = None  # substitution, consistency (None: by `regex`)
    either: tuple[tuple[str, ...], ...] = ()  # consistency
    first: str = ""  # conditional
    second: str = ""  # conditional
    max: int | None = None  # occurrence
    min: int | None = None  # occurrence
    token: str = ""  # occurrence
    match: str = "sentence"  # capitalization
    bundled: bool = False  # part of tlqa's default style (patterns trusted, compiled with `re`)

    @property
    def fixable(self) -> bool:
        return self.suggestion_applicability == Applicability.SAFE

    @property
    def suggestion_applicability(self) -> Applicability | None:
        if self.type == "substitution":
            return self.applicability or (Applicability.UNSAFE if self.regex else Applicability.SAFE)
        if self.type == "consistency":
            return self.applicability or Applicability.UNSAFE
        if self.type == "capitalization":
            return Applicability.UNSAFE
        return None


# -- validation ---------------------------------------------------------------------------------------


def parse_rules(
    raw: object, where: str, *, bundled: bool = False, compile_now: bool = True
) -> tuple[StyleRuleSpec, ...]:
    """Validate the TOML value of `style.rules` (an array of tables) into specs.

    Raises ConfigError(f"style.rules[{i}].{key}: problem", where) on the first problem. `bundled` is for
    tlqa's own default style (codes S101-S199, patterns compiled with `re`); `compile_now = False` leaves
    the bundled patterns to be compiled on first use (tests compile them all)."""
    if not isinstance(raw, list):
        raise ConfigError(
            f"style.rules: must be an array of tables ([[style.rules]]), not {_type_of(raw)}", where
        )
    specs: list[StyleRuleSpec] = []
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    for i, entry in enumerate(raw):
        prefix = f"style.rules[{i}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{prefix}: must be a table ([[style.rules]]), not {_type_of(entry)}", where)
        spec = _Parser(entry, prefix, where, bundled, compile_now).parse()
        if spec.code in codes:
            raise ConfigError(
                f"{prefix}.code: duplicate code {spec.code} (also style.rules[{codes[spec.code]}])", where
            )
        if spec.name in names:
            raise ConfigError(
                f"{prefix}.name: duplicate name {spec.name!r} (also style.rules[{names[spec.name]}])", where
            )
        codes[spec.code] = names[spec.name] = i
        specs.append(spec)
    return tuple(specs)


_KIND_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}


def _type_of(value: object) -> str:
    return _KIND_NAMES.get(type(value), type(value).__name__)


def _did_you_mean(key: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


class _Parser:
    """Validates one `[[style.rules]]` table."""

    def __init__(self, entry: dict[str, Any], prefix: str, where: str, bundled: bool, compile_now: bool):
        self.entry, self.prefix, self.where = entry, prefix, where
        self.bundled, self.compile_now = bundled, compile_now
        self.ignore_case = False

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.prefix}.{key}: {problem}", self.where)

    # typed getters ------------------------------------------------------------------------------------

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None, *, required: bool = False):
        if key not in self.entry:
            if required:
                raise self.fail(key, "missing (required)")
            return default
        value = self.entry[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            want = " or ".join(_KIND_NAMES[k] for k in kinds)
            raise self.fail(key, f"must be {want}, not {_type_of(value)}")
        return value

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self.get(key, str, default, required=required)
        if value is not None and key in self.entry and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def strings(self, key: str, *, fold: bool = False) -> tuple[str, ...]:
        value = self.get(key, list, [])
        if key in self.entry and not value:
            raise self.fail(key, "must not be an empty list")
        for item in value:
            if not isinstance(item, str):
                raise self.fail(key, f"must be a list of strings, not a list holding {_type_of(item)}")
            if not item.strip():
                raise self.fail(key, "must not hold an empty string")
        self.no_duplicates(key, value, fold=fold)
        return tuple(value)

    def no_duplicates(self, key: str, values: Iterable[str], *, fold: bool) -> None:
        seen: dict[str, str] = {}
        dupes: list[str] = []
        for v in values:
            k = _normal(v, fold)
            if k in seen and seen[k] not in dupes:
                dupes.append(seen[k])
            seen.setdefault(k, v)
        if dupes:
            how = " (ignoring case and spacing)" if fold else ""
            raise self.fail(key, f"has duplicate entries{how}: {', '.join(map(repr, dupes))}")

    def pattern(self, key: str, source: str) -> None:
        """Compile (and probe) a user pattern now, so that a bad one is a configuration error."""
        if not self.compile_now:
            return
        try:
            compiled = compile_pattern(source, self.ignore_case, self.bundled)
        except ConfigError as exc:
            raise self.fail(key, exc.message) from None
        try:
            empty = compiled.fullmatch("") is not None
        except Exception:  # a guarded search that timed out on nothing at all
            empty = False
        if empty:
            raise self.fail(key, f"pattern {source!r} matches the empty string")

    # the rule -----------------------------------------------------------------------------------------

    def parse(self) -> StyleRuleSpec:
        e = self.entry
        rtype = self.get("type", str, required=True)
        if rtype not in TYPES:
            raise self.fail(
                "type",
                f"unknown rule type {rtype!r}{_did_you_mean(rtype, TYPES)} (one of {', '.join(TYPES)})",
            )
        allowed = (*COMMON_KEYS, *TYPE_KEYS[rtype])
        for key in e:
            if key in allowed:
                continue
            owners = [t for t, keys in TYPE_KEYS.items() if key in keys]
            if owners:
                raise self.fail(
                    key, f"not a key of {rtype} rules (it belongs to {' and '.join(owners)} rules)"
                )
            raise self.fail(key, f"unknown key{_did_you_mean(key, allowed)}")

        code = self.get("code", str, required=True)
        if self.bundled:
            if not _BUNDLED_CODE.match(code):
                raise self.fail("code", f"bundled style codes are {BUNDLED_CODES}, not {code!r}")
        elif not _USER_CODE.match(code):
            raise self.fail(
                "code",
                f"must be a code from S500 to S999 (S100-S499 are tlqa's own), not {code!r}",
            )
        name = self.get("name", str, required=True)
        if not _NAME.match(name):
            raise self.fail("name", f"must be kebab-case (lower-case words joined by '-'), not {name!r}")
        self.ignore_case = self.get("ignore-case", bool, False)
        severity = self.get("severity", str, "warning")
        if severity not in ("error", "warning", "info"):
            raise self.fail("severity", f"must be error, warning or info, not {severity!r}")
        scope = self.scope(rtype)
        message = self.message(rtype)
        exceptions = self.strings("exceptions")
        for source in exceptions:
            self.pattern("exceptions", source)
            self.pattern("exceptions", _lenient(source, self.ignore_case))  # the form the rule runs
        description = self.get("description", str, "")
        fails, passes = self.examples()
        fields: dict[str, Any] = {}
        getattr(self, f"_{rtype}")(fields)
        return StyleRuleSpec(
            code=code,
            name=name,
            type=rtype,
            message=message,
            severity=Severity.parse(severity),
            scope=scope,
            ignore_case=self.ignore_case,
            exceptions=exceptions,
            description=description.strip(),
            examples_fail=fails,
            examples_pass=passes,
            bundled=self.bundled,
            **fields,
        )

    def scope(self, rtype: str) -> tuple[str, ...]:
        raw = self.get("scope", (str, list), None)
        if raw is None:
            return DEFAULT_SCOPES[rtype]
        items = [raw] if isinstance(raw, str) else raw
        if not items:
            raise self.fail("scope", "must not be an empty list")
        for item in items:
            if not isinstance(item, str):
                raise self.fail("scope", f"must be a scope or a list of scopes, not {_type_of(item)}")
            if item not in SCOPES:
                raise self.fail(
                    "scope",
                    f"unknown scope {item!r}{_did_you_mean(item, SCOPES)} (one of {', '.join(SCOPES)})",
                )
        self.no_duplicates("scope", items, fold=False)
        return tuple(items)

    def message(self, rtype: str) -> str:
        message = self.text("message")
        if message is None:
            return DEFAULT_MESSAGES[rtype]
        allowed = PLACEHOLDERS[rtype]
        try:
            parts = list(string.Formatter().parse(message))
        except ValueError as exc:
            raise self.fail(
                "message", f"not a valid template ({exc}); write {{{{ and }}}} for braces"
            ) from None
        for _literal, field_name, spec, conversion in parts:
            if field_name is None:
                continue
            if field_name not in allowed:
                known = ", ".join("{" + p + "}" for p in allowed)
                raise self.fail(
                    "message", f"unknown placeholder {{{field_name}}} ({rtype} rules know {known})"
                )
            if spec or conversion:
                raise self.fail("message", f"placeholder {{{field_name}}} takes no format or conversion")
        return message

    def examples(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        raw = self.get("examples", dict, {})
        for key in raw:
            if key not in ("fail", "pass"):
                raise self.fail(f"examples.{key}", f"unknown key{_did_you_mean(key, ('fail', 'pass'))}")
        out = []
        for kind in ("fail", "pass"):
            value = raw.get(kind, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise self.fail(f"examples.{kind}", "must be a list of strings")
            if any(not v.strip() for v in value):
                raise self.fail(f"examples.{kind}", "must not hold an empty string")
            self.no_duplicates(f"examples.{kind}", value, fold=False)
            out.append(tuple(value))
        return out[0], out[1]

    def applicability(self) -> Applicability | None:
        value = self.get("applicability", str, None)
        if value is None:
            return None
        if value not in _APPLICABILITY:
            raise self.fail(
                "applicability", f"must be one of {', '.join(map(repr, _APPLICABILITY))}, not {value!r}"
            )
        return _APPLICABILITY[value]

    # per type -----------------------------------------------------------------------------------------

    def _existence(self, fields: dict[str, Any]) -> None:
        tokens = self.strings("tokens", fold=self.ignore_case)
        patterns = self.strings("patterns")
        if not tokens and not patterns:
            raise self.fail("tokens", "an existence rule needs tokens or patterns (or both)")
        for source in patterns:
            self.pattern("patterns", source)
        fields.update(tokens=tuple(t.strip() for t in tokens), patterns=patterns)

    def _substitution(self, fields: dict[str, Any]) -> None:
        regex_keys = self.get("regex", bool, False)
        swap = self.get("swap", dict, required=True)
        if not swap:
            raise self.fail("swap", "must not be an empty table")
        pairs = []
        for found, preferred in swap.items():
            key = f"swap.{_quote_key(found)}"
            if not isinstance(preferred, str):
                raise self.fail(key, f"must be a string (the preferred form), not {_type_of(preferred)}")
            if not found.strip():
                raise self.fail("swap", "has an empty key")
            if regex_keys:
                self.pattern(key, found)
                if self.compile_now:
                    try:
                        _template(preferred, _group_info(found, self.ignore_case, self.bundled))
                    except ValueError as exc:
                        raise self.fail(key, str(exc)) from None
            else:
                if _normal(found, self.ignore_case) == _normal(preferred, self.ignore_case):
                    raise self.fail(key, f"{found!r} and {preferred!r} are the same")
                found = found.strip()
            pairs.append((found, preferred))
        if not regex_keys:
            self.no_duplicates("swap", [f for f, _ in pairs], fold=self.ignore_case)
        fields.update(swap=tuple(pairs), regex=regex_keys, applicability=self.applicability())

    def _consistency(self, fields: dict[str, Any]) -> None:
        regex_keys = self.get("regex", bool, False)
        raw = self.get("either", (dict, list), required=True)
        if not raw:
            raise self.fail("either", "must not be empty")
        groups: list[tuple[str, ...]] = []
        if isinstance(raw, dict):
            for a, b in raw.items():
                if not isinstance(b, str):
                    raise self.fail(
                        f"either.{_quote_key(a)}", f"must be a string (the other spelling), not {_type_of(b)}"
                    )
                groups.append((a, b))
        else:
            for group in raw:
                if (
                    not isinstance(group, list)
                    or len(group) < 2
                    or not all(isinstance(s, str) for s in group)
                ):
                    raise self.fail(
                        "either", "must be a table of pairs or a list of lists of two or more strings"
                    )
                groups.append(tuple(group))
        every: list[str] = []
        for group in groups:
            for spelling in group:
                if not spelling.strip():
                    raise self.fail("either", "has an empty spelling")
                if regex_keys:
                    self.pattern("either", spelling)
            every.extend(group)
        self.no_duplicates("either", every, fold=self.ignore_case and not regex_keys)
        if not regex_keys:
            groups = [tuple(s.strip() for s in g) for g in groups]
        fields.update(either=tuple(groups), regex=regex_keys, applicability=self.applicability())

    def _conditional(self, fields: dict[str, Any]) -> None:
        first = self.text("first", required=True)
        second = self.text("second") or ""
        self.pattern("first", first)  # type: ignore[arg-type]
        if second:
            self.pattern("second", second)
        fields.update(first=first, second=second)

    def _occurrence(self, fields: dict[str, Any]) -> None:
        bounds = {}
        for key in ("max", "min"):
            value = self.get(key, int, None)
            if value is not None and value < 0:
                raise self.fail(key, f"must be 0 or more, not {value}")
            bounds[key] = value
        if bounds["max"] is None and bounds["min"] is None:
            raise self.fail("max", "an occurrence rule needs max or min (or both)")
        if bounds["max"] is not None and bounds["min"] is not None and bounds["min"] > bounds["max"]:
            raise self.fail("min", f"{bounds['min']} is more than max ({bounds['max']})")
        token = self.text("token") or ""
        if token:
            self.pattern("token", token)
        fields.update(max=bounds["max"], min=bounds["min"], token=token)

    def _capitalization(self, fields: dict[str, Any]) -> None:
        match = self.get("match", str, "sentence")
        if match not in CASES:
            raise self.fail(
                "match", f"must be one of {', '.join(CASES)}, not {match!r}{_did_you_mean(match, CASES)}"
            )
        fields.update(match=match)


def _quote_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'


def _normal(text: str, fold: bool) -> str:
    """A phrase as compared: single spaces, straight apostrophes and quotation marks, folded case."""
    text = " ".join(text.split()).translate(_STRAIGHT)
    return text.casefold() if fold else text


_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


# -- patterns -----------------------------------------------------------------------------------------


class _Guarded:
    """A bundled pattern, compiled with `re` (trusted: written and tested with tlqa), shaped like
    tlqa.saferegex.SafePattern."""

    __slots__ = ("as_written", "compiled", "required", "shortcut", "source")

    def __init__(self, source: str, compiled: re.Pattern[str]) -> None:
        self.source, self.compiled = source, compiled
        self.required = required_literals(source, compiled.flags)
        exact = not (compiled.flags & re.IGNORECASE or _CASE_FLAG.search(source))
        # A pattern that matches letters only as written holds its strings as written: they are looked
        # for in the text itself, which then need not be lower-cased.
        self.as_written = _required_as_written(source, compiled.flags) if exact else None
        self.shortcut = _SHORTCUTS.get(source) if exact else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        if self.shortcut is not None and pos == 0 and endpos is None:
            return self.shortcut.finditer(self.compiled, text)
        return self.compiled.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.compiled.search(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)


_CASE_FLAG = re.compile(r"\(\?[aiLmsux-]*i")  # (?i) or (?i:...) somewhere in a pattern


class _Anchors:
    """Patterns that start with a plain character (the regular expression engine looks for it as a
    string, at a tenth of the cost of a character class), and where they match in the last text they
    were run over (the patterns of a rule run one after another over the same text)."""

    __slots__ = ("_last", "patterns")

    def __init__(self, *sources: str) -> None:
        self.patterns = tuple(re.compile(s) for s in sources)
        self._last: tuple[str | None, list[int]] = (None, [])

    def starts(self, text: str) -> list[int]:
        last = self._last
        if last[0] is not text:
            last = self._last = (text, sorted(m.start() for p in self.patterns for m in p.finditer(text)))
        return last[1]

    def anywhere(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class _Shortcut:
    """A cheap way to the matches of a bundled pattern that starts with a character class (a digit, a
    space) and holds no string that every match contains: the regular expression engine tries such a
    pattern at every digit or space of an article, which costs ten times as much as looking for a
    letter.

    Every match of the pattern holds a match of one of the `anchors`. With `back` set, that anchor
    match starts at most `back` characters after the pattern's match does, and no attempt to match
    from a position at or before the anchor reads more than `reach` characters past the anchor: the
    pattern is then tried only from just before each anchor, with the same matches as a scan of the
    whole text (the pattern must not match the empty string). Without `back`, a text with no anchor
    has no match, and a text with one is scanned whole."""

    anchors: _Anchors
    back: int | None = None
    reach: int = 0

    def finditer(self, compiled: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        if self.back is None:
            if self.anchors.anywhere(text):
                yield from compiled.finditer(text)
            return
        hits = self.anchors.starts(text)
        pos, i, size = 0, 0, len(text)
        while i < len(hits):
            at = hits[i]
            if at >= pos:
                # No match starts in [pos, at - back): its anchor would come before this one. So the
                # first match from pos, if it starts by `at`, is the first in this window.
                m = compiled.search(text, max(pos, at - self.back), min(size, at + self.reach))
                if m is not None and m.start() <= at:
                    yield m
                    pos = m.end()
                    continue  # the same anchor may lie in the next match too
            i += 1


# S103's [mM] ends a word, and follows an [aA] or [pP] (with a period, a space or both in between) that
# follows a digit or a space: 5am, 5 a.m., 5 p. m. One search for both of its patterns.
_AM_PM = _Anchors(r"m(?!\w)(?<=[\d ][aApP]m|[aApP][. ]m|\. m)", r"M(?!\w)(?<=[\d ][aApP]M|[aApP][. ]M|\. M)")

# Shortcuts for bundled patterns (data/default-style.toml), by their source: a pattern edited there
# just loses its shortcut until this is brought up to date.
_SHORTCUTS: dict[str, _Shortcut] = {
    # S103: 5 AM, 10:30pm, 5 P.M. The [mM] comes at most 9 characters after the match's first digit
    # (12:30 a. m); an attempt reads at most 12 characters (12:30 a. m.) and one more for (?!\w).
    r"(\d(?<![\w:.,]\d)\d?(?::\d\d)?) ?[aA]\.? ?[mM]\.?(?!\w)": _Shortcut(_AM_PM, back=9, reach=16),
    r"(\d(?<![\w:.,]\d)\d?(?::\d\d)?) ?[pP]\.? ?[mM]\.?(?!\w)": _Shortcut(_AM_PM, back=9, reach=16),
    # S107: white space before punctuation ends with a space or a tab just before the mark.
    (
        r"[ \t](?<=[^\s.…][ \t])[ \t]*(?=[,!?]|;(?![-)(DPp])|:(?![-)(/\\|DPp]|\s*\d)"
        r"|\.(?![.\d]|\s+\.))"
    ): _Shortcut(_Anchors(r" [,!?;:.]", r"\t")),
}


@functools.lru_cache(maxsize=4096)
def compile_pattern(source: str, ignore_case: bool = False, bundled: bool = False) -> Any:
    """A pattern compiled once per process: guarded (`tlqa.saferegex`) for an editor's, plain `re` for
    the bundled style's. Raises ConfigError (its message only) when it does not compile or could run
    away."""
    if bundled:
        try:
            return _Guarded(source, re.compile(source, re.IGNORECASE if ignore_case else 0))
        except re.error as exc:
            raise ConfigError(f"invalid regular expression {source!r}: {exc}") from None
    from tlqa.saferegex import PatternError
    from tlqa.saferegex import compile_pattern as safe_compile

    try:
        safe = safe_compile(source, ignore_case=ignore_case)
    except PatternError as exc:
        raise ConfigError(str(exc)) from None
    return _SafeAdapter(safe)


class _SafeAdapter:
    """SafePattern plus the `fullmatch` and group information validation needs."""

    __slots__ = ("as_written", "finditer", "required", "safe", "search", "source")

    def __init__(self, safe: Any) -> None:
        self.safe, self.source = safe, safe.source
        self.finditer, self.search = safe.finditer, safe.search
        self.required = required_phrases(safe.source)
        self.as_written = None

    def fullmatch(self, text: str) -> Any:
        return self.safe.compiled.fullmatch(text, timeout=0.05)

    @property
    def compiled(self) -> Any:
        return self.safe.compiled


# Escapes and groups whose meaning `re` and `regex` share; a pattern with anything else gets no prefilter.
_FOREIGN_SYNTAX = re.compile(
    r"\\[^bBdDsSwW.\\()\[\]{}*+?|^$\-/'\"0-9AZntr ,:;!#%&<>=@`~]"  # an escape only `regex` knows (\p{L})
    r"|\[\[|\{(?![\d,]*\})"  # a nested set, a fuzzy constraint ({e<=1})
    r"|\(\?(?![:=!]|<[=!]|P[<=]|[aiLmsux]+[:)])"  # a group only `regex` knows ((?|...), (?V1))
)


@functools.lru_cache(maxsize=4096)
def required_literals(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings of which every match of the pattern contains at least one, lower-cased (ASCII, three
    characters or more, or punctuation), or None when the pattern offers none that can be trusted.

    An article whose lower-cased text holds none of them cannot match, so the pattern is not run over
    it: a pattern that starts with a word boundary or an alternation is tried at every position of the
    text, while looking for a string is nearly free. The pattern is read with `re`'s parser, and only
    when it uses nothing but syntax that `re` and `regex` read alike."""
    found = _required_as_written(source, flags)
    return None if found is None else tuple(sorted({x.lower() for x in found}))


@functools.lru_cache(maxsize=4096)
def _required_as_written(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """`required_literals`, in the case the pattern writes them."""
    if _FOREIGN_SYNTAX.search(source):
        return None
    try:
        from re import _parser  # type: ignore[attr-defined]

        tree = _parser.parse(source, flags & ~re.IGNORECASE)
    except Exception:
        return None
    found = _required(list(tree))
    if not found or not all(x.isascii() or not any(c.isalnum() for c in x) for x in found):
        return None
    return tuple(sorted(set(found)))


def _required(items: list[Any]) -> list[str] | None:
    from re import _constants as c  # type: ignore[attr-defined]

    best: list[str] | None = None

    def consider(candidates: list[str] | None) -> None:
        nonlocal best
        if not candidates or not all(map(_selective, candidates)):
            return
        if best is None or min(map(len, candidates)) > min(map(len, best)):
            best = candidates

    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        consider(["".join(run)] if run else None)
        run = []
        if op is c.SUBPATTERN:
            consider(_required(list(av[-1])))
        elif op is c.ATOMIC_GROUP:
            consider(_required(list(av)))
        elif op is c.IN and len(av) <= 4 and all(o is c.LITERAL for o, _ in av):
            consider([chr(v) for _, v in av])  # [%％]
        elif op is c.BRANCH:
            subs = [_required(list(branch)) for branch in av[1]]
            if all(sub is not None for sub in subs):
                consider(sorted({x for sub in subs for x in sub}))  # type: ignore[union-attr]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(list(av[2])))
    consider(["".join(run)] if run else None)
    return best


_MAX_PHRASES = 16


@functools.lru_cache(maxsize=4096)
def required_phrases(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """`required_literals`, made longer where the pattern allows: a run of literal characters also
    takes in the small alternations, character sets and optional characters inside it (at most 16
    phrases in all), and a zero-width assertion (a word boundary, a look-around) does not end it.
    `\\bthe (?:said|above) (?:company|ministry)\\b` requires one of "the said company", "the said
    ministry", "the above company", "the above ministry", which an article seldom holds, where
    `required_literals` finds "company" or "ministry", which most articles hold."""
    if _FOREIGN_SYNTAX.search(source):
        return None
    try:
        from re import _parser  # type: ignore[attr-defined]

        tree = _parser.parse(source, flags & ~re.IGNORECASE)
    except Exception:
        return None
    found = _phrases(list(tree))
    if not found or not all(x.isascii() or not any(c.isalnum() for c in x) for x in found):
        return None
    lowered = {x.lower() for x in found}
    return tuple(sorted(x for x in lowered if not any(y != x and y in x for y in lowered)))  # "%", not " %"


def _phrases(items: list[Any]) -> list[str] | None:
    from re import _constants as c  # type: ignore[attr-defined]

    best: list[str] | None = None

    def consider(candidates: list[str] | None) -> None:
        nonlocal best
        if not candidates or not all(candidates) or not all(map(_selective, candidates)):
            return
        if best is None or min(map(len, candidates)) > min(map(len, best)):
            best = candidates

    run = [""]  # every text the items since the run began can match
    for op, av in items:
        exact = _exact([(op, av)])
        if exact is not None:
            joined = [a + b for a in run for b in exact]
            if len(joined) <= _MAX_PHRASES:
                run = joined
            else:
                consider(run)
                run = exact
            continue
        consider(run)
        run = [""]
        if op is c.SUBPATTERN:
            consider(_phrases(list(av[-1])))
        elif op is c.ATOMIC_GROUP:
            consider(_phrases(list(av)))
        elif op is c.BRANCH:
            subs = [_phrases(list(branch)) for branch in av[1]]
            if all(sub is not None for sub in subs):
                consider(sorted({x for sub in subs for x in sub}))  # type: ignore[union-attr]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_phrases(list(av[2])))
    consider(run)
    return best


def _exact(items: list[Any]) -> list[str] | None:
    """Every text the items can match, when they match only literal text (at most 16), else None."""
    from re import _constants as c  # type: ignore[attr-defined]

    out = [""]
    for op, av in items:
        if op is c.LITERAL:
            alternatives: list[str] | None = [chr(av)]
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # matches no text
        elif op is c.IN:
            ok = len(av) <= 4 and all(o is c.LITERAL for o, _ in av)
            alternatives = [chr(v) for _, v in av] if ok else None
        elif op is c.SUBPATTERN:
            alternatives = _exact(list(av[-1]))
        elif op is c.ATOMIC_GROUP:
            alternatives = _exact(list(av))
        elif op is c.BRANCH:
            subs = [_exact(list(branch)) for branch in av[1]]
            ok = all(sub is not None for sub in subs)
            alternatives = sorted({x for sub in subs for x in sub}) if ok else None  # type: ignore[union-attr]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[1] == 1:
            body = _exact(list(av[2]))
            alternatives = None if body is None else (body if av[0] == 1 else ["", *body])
        else:
            alternatives = None
        if alternatives is None:
            return None
        out = [a + b for a in out for b in alternatives]
        if len(out) > _MAX_PHRASES:
            return None
    return out


def _selective(text: str) -> bool:
    """Worth looking for: three characters or more, or punctuation (%, two spaces), not one space."""
    return len(text) >= 3 or (not any(c.isalnum() for c in text) and text != " ")


def _group_info(source: str, ignore_case: bool, bundled: bool) -> tuple[int, frozenset[str]]:
    try:
        compiled = compile_pattern(source, ignore_case, bundled).compiled
    except ConfigError:
        return 99, frozenset()  # reported by the caller's own compile
    return compiled.groups, frozenset(compiled.groupindex)


_TEMPLATE_PART = re.compile(r"\\(?:(\d{1,2})|g<([^>]*)>|(\\)|(.?))", re.DOTALL)


def _template(text: str, groups: tuple[int, frozenset[str]]) -> tuple[str | int, ...]:
    """A replacement template as parts: literal text and group references (numbers or names)."""
    parts: list[str | int] = []
    pos = 0
    count, names = groups
    for m in _TEMPLATE_PART.finditer(text):
        parts.append(text[pos : m.start()])
        pos = m.end()
        number, name, backslash, other = m.groups()
        if backslash:
            parts.append("\\")
        elif number is not None or (name is not None and name.isdigit()):
            n = int(number if number is not None else name)
            if n > count:
                raise ValueError(f"refers to group {n}, but the pattern has {count}")
            parts.append(n)
        elif name is not None:
            if name not in names:
                raise ValueError(f"refers to group <{name}>, which the pattern does not name")
            parts.append(_Name(name))
        else:
            raise ValueError(f"unknown escape \\{other} in the preferred text (write \\\\ for a backslash)")
    parts.append(text[pos:])
    return tuple(p for p in parts if p != "")


class _Name(str):
    """A named group reference in a template (a str subclass, told apart from literal text)."""

    __slots__ = ()


def _expand(parts: tuple[str | int, ...], m: Any) -> str:
    out = []
    for p in parts:
        if isinstance(p, _Name | int):
            out.append(m.group(p) or "")
        else:
            out.append(p)
    return "".join(out)


# -- the document as the style rules see it -----------------------------------------------------------

_WORD = re.compile(r"\w+")
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’«»—–-…/%$"  # none of them a word character
_COUNTED_WORD = re.compile(r"[^\s\w]*[^\W_]\S*")  # a run of non-space with a letter or digit in it
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class DocInfo:
    """What the style rules share about one document, computed once (and lazily, part by part)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.visible = doc.visible
        self.prose = [p for p in doc.paragraphs if p.is_prose]
        self.starts = [p.start for p in self.prose]
        self.mask_starts = [s for s, _ in doc.masked]
        self.mask_ends = [e for _, e in doc.masked]
        self._words: set[str] | None = None
        self._lowered: str | bool | None = False
        self._word_starts: list[int] | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] | None = None
        self._proper: dict[str, list[int]] | None = None
        self.memo: dict[Any, Any] = {}

    @classmethod
    def of(cls, doc: Document) -> DocInfo:
        return doc.derived("tlqa.style.info", cls)

    def paragraph(self, offset: int) -> Any:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.prose[i].end:
            return self.prose[i]
        return None

    def masked(self, start: int, end: int) -> bool:
        j = bisect.bisect_right(self.mask_ends, start)
        return j < len(self.mask_starts) and self.mask_starts[j] < end

    @property
    def lowered(self) -> str | None:
        """The text in lower case, when that keeps every offset (else None)."""
        if self._lowered is False:
            low = self.visible.lower()
            self._lowered = low if len(low) == len(self.visible) else None
        return self._lowered  # type: ignore[return-value]

    @property
    def words(self) -> set[str]:
        """Every word of the text (runs of word characters), lower-cased."""
        if self._words is None:
            low = self.lowered
            # A run of word characters lies inside one chunk between white space, and most chunks are one
            # run, or one run between punctuation: splitting at white space first costs half as much as
            # finding the runs in the whole text.
            chunks = set((low if low is not None else self.visible.lower()).split())
            words = {c for c in chunks if c.isalnum()}  # \w is a letter, a digit or "_"
            for chunk in chunks - words:
                inner = chunk.strip(_PUNCTUATION)
                if inner.isalnum():
                    words.add(inner)
                elif inner:
                    words.update(_WORD.findall(inner))
            self._words = words
        return self._words

    @property
    def word_starts(self) -> list[int]:
        if self._word_starts is None:
            self._word_starts = [m.start() for m in _COUNTED_WORD.finditer(self.visible)]
        return self._word_starts

    @property
    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = [(s.start, s.end) for s in self.doc.sentences]
            self._sentence_starts = [s for s, _ in self._sentences]
        return self._sentences

    def sentence(self, offset: int) -> tuple[int, int] | None:
        spans = self.sentences
        i = bisect.bisect_right(self._sentence_starts, offset) - 1  # type: ignore[arg-type]
        if i >= 0 and offset < spans[i][1]:
            return spans[i]
        return None

    def count_words(self, start: int, end: int) -> int:
        """Runs of non-space characters with a letter or digit in them, in text[start:end]."""
        if self._word_starts is not None:
            ws = self._word_starts
            return bisect.bisect_left(ws, end) - bisect.bisect_left(ws, start)
        return len(_COUNTED_WORD.findall(self.visible, start, end))

    def position(self, offset: int) -> str:
        line, col = self.doc.position(offset)
        return f"{line}:{col}"

    @property
    def proper_nouns(self) -> dict[str, list[int]]:
        """Words written capitalized in the middle of a sentence outside headlines (proper nouns, as the
        article itself spells them), with where they stand."""
        if self._proper is None:
            found: dict[str, list[int]] = {}
            head = SCOPE_KINDS["headline"]
            kinds = {p.index: p.kind for p in self.prose}
            for sent in self.doc.sentences:
                if kinds.get(sent.paragraph) in head:
                    continue
                first = True
                for m in _LETTERS.finditer(self.visible, sent.start, sent.end):
                    if first:
                        first = False
                        continue
                    w = m.group()
                    if w[0].isupper():
                        found.setdefault(w, []).append(m.start())
            self._proper = found
        return self._proper

    def proper_noun(self, word: str, start: int, end: int) -> bool:
        """The article writes `word` capitalized mid-sentence somewhere outside text[start:end]."""
        return any(not start <= at < end for at in self.proper_nouns.get(word, ()))


# -- compiled rules -----------------------------------------------------------------------------------

_SERIAL = itertools.count(1)


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    payload: Any  # what the rule attached to the literal (a preferred form, a spelling)


class _Literal:
    """One literal phrase (a token, a swap key, a spelling). Rules sharing a phrase with the same case
    policy share one search.

    The search runs over the article's lower-cased text with a pattern that starts with the phrase's
    own first letters, so that the regular expression engine can look for them as a plain string (a
    pattern that starts with a look-behind or a character class is scanned position by position, fifty
    times slower); each hit is then checked for its word boundary and case against the original text.
    The pattern is compiled the first time an article holds every word of the phrase, so that a long
    list costs nothing until it is needed."""

    __slots__ = ("_scan", "bounded", "first", "ignore_case", "key", "normal", "phrase", "users", "words")

    def __init__(self, phrase: str, ignore_case: bool) -> None:
        self.phrase, self.ignore_case = phrase, ignore_case
        words = _WORD.findall(phrase.lower())
        self.words = frozenset(words)
        self.key = max(words, key=len) if words else None
        self.bounded = bool(_WORD_CHAR.match(phrase[0]))  # needs a word boundary before it
        self.normal = _normal(phrase, ignore_case)
        self.first = phrase[:1]
        self._scan: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        self.users: list[tuple[int, Any]] = []  # (plan index, payload)

    def find(self, info: DocInfo) -> Iterator[tuple[int, int]]:
        if self._scan is None:
            body = _literal_body(self.phrase.lower())
            self._scan = (re.compile(body), re.compile(body, re.IGNORECASE))
        visible, lowered = info.visible, info.lowered
        pattern, text = (self._scan[0], lowered) if lowered is not None else (self._scan[1], visible)
        for m in pattern.finditer(text):
            s, e = m.span()
            if self.bounded and s and _WORD_CHAR.match(visible, s - 1):
                continue
            if self.ignore_case or self._same_case(visible[s:e]):
                yield s, e

    def _same_case(self, matched: str) -> bool:
        """As written, or with a capital for a lower-case first letter (a sentence start)."""
        normal = _normal(matched, False)
        if normal == self.normal:
            return True
        first = self.first
        return first.islower() and normal[:1] == first.upper() and normal[1:] == self.normal[1:]


_WORD_CHAR = re.compile(r"\w")


def _literal_body(phrase: str) -> str:
    """A phrase as a pattern: any run of white space for a space, either kind of apostrophe or quotation
    mark, and no word character after its last word character."""
    chunks = []
    for chunk in phrase.split():
        out = []
        for ch in chunk:
            if ch in "'’‘":
                out.append("['’‘]")
            elif ch in '"“”':
                out.append('["“”]')
            else:
                out.append(re.escape(ch))
        chunks.append("".join(out))
    body = r"\s+".join(chunks)
    return body + r"(?!\w)" if _WORD_CHAR.match(phrase[-1]) else body


class StyleBook:
    """The compiled form of a set of specs: built once per run (per style file), it checks an article
    in one shared pass and keeps each rule's violations on the document, so that the rules of the run
    only collect theirs. Literal phrases of every rule are found together: an article's words are
    collected once, and only the phrases whose rarest-looking word occurs are searched for."""

    def __init__(self, specs: tuple[StyleRuleSpec, ...]) -> None:
        self.specs = specs
        self.key = f"tlqa.style.book.{next(_SERIAL)}"
        self._plans: list[_Plan] | None = None
        self._index: dict[str, list[_Literal]] = {}
        self._unkeyed: list[_Literal] = []
        self._always: frozenset[int] = frozenset()  # the plans that find more than literal phrases
        # The article checked last and its results: the rules of a book ask for theirs one after another.
        self._last: tuple[Callable[[], Document | None], dict[str, Any]] = (_no_document, {})

    def compile(self) -> list[_Plan]:
        """Build the rules' matchers (once; later calls return them)."""
        if self._plans is None:
            literals: dict[tuple[str, bool], _Literal] = {}

            def literal(phrase: str, ignore_case: bool, plan: int, payload: Any) -> None:
                key = (_normal(phrase, ignore_case), ignore_case)
                lit = literals.get(key)
                if lit is None:
                    lit = literals[key] = _Literal(phrase, ignore_case)
                lit.users.append((plan, payload))

            plans = [_PLANS[s.type](s, i, literal) for i, s in enumerate(self.specs)]
            for lit in literals.values():
                if lit.key is None:
                    self._unkeyed.append(lit)
                else:
                    self._index.setdefault(lit.key, []).append(lit)
            self._always = frozenset(i for i, plan in enumerate(plans) if not plan.literal_only)
            self._plans = plans
        return self._plans

    def violations(self, doc: Document, code: str) -> list[Violation]:
        ref, found = self._last
        if ref() is not doc:
            found = doc.derived(self.key, self._run)
            self._last = (weakref.ref(doc), found)
        result = found.get(code, ())
        if isinstance(result, BaseException):
            raise result
        return result

    def _run(self, doc: Document) -> dict[str, list[Violation] | BaseException]:
        plans = self.compile()
        info = DocInfo.of(doc)
        hits: dict[int, list[_Hit]] = {}
        if self._index or self._unkeyed:
            words = info.words
            found = [
                lit for key in self._index.keys() & words for lit in self._index[key] if lit.words <= words
            ]
            for lit in itertools.chain(found, self._unkeyed):
                for s, e in lit.find(info):
                    for plan, payload in lit.users:
                        hits.setdefault(plan, []).append(_Hit(s, e, payload))
        out: dict[str, list[Violation] | BaseException] = {}
        # A rule that finds only literal phrases has nothing to do in an article without any of them: it
        # is left out (and `violations` gives it none).
        for i in sorted(self._always | hits.keys()):
            plan = plans[i]
            try:
                out[plan.spec.code] = plan.run(info, hits.get(i, []))
            except Exception as exc:  # one rule's runaway pattern must not take the others down
                out[plan.spec.code] = exc
        return out


def _no_document() -> Document | None:
    return None


@functools.lru_cache(maxsize=64)
def book_for(specs: tuple[StyleRuleSpec, ...]) -> StyleBook:
    """The compiled matcher for a set of specs, built once per process for each distinct set."""
    return StyleBook(specs)


class _Plan:
    """A spec compiled: where it looks, what passes, and how it reports."""

    def __init__(self, spec: StyleRuleSpec, index: int, literal: Callable[..., None]) -> None:
        self.spec = spec
        kinds: set[str] = set()
        for s in spec.scope:
            kinds |= SCOPE_KINDS.get(s, _ALL_PROSE)
        self.kinds: frozenset[str] | None = None if "*" in kinds else frozenset(kinds)
        self.by_sentence = "sentence" in spec.scope
        self.exceptions = [self.compile(_lenient(src, spec.ignore_case)) for src in spec.exceptions]
        self.index = index
        self.literal_only = False  # finds only literal phrases (nothing to do for an article without them)

    def compile(self, source: str) -> Any:
        return compile_pattern(source, self.spec.ignore_case, self.spec.bundled)

    def scan(self, info: DocInfo, pattern: Any) -> list[Any]:
        """The pattern's non-empty matches in the article, found once for all the rules that use it."""
        key = ("scan", id(pattern))
        found = info.memo.get(key)
        if found is None:
            if _cannot_match(info, pattern):
                found = []  # none of the strings every match contains: nothing to find
            else:
                found = [m for m in pattern.finditer(info.visible) if m.end() > m.start()]
            info.memo[key] = found
        return found

    def admit(self, info: DocInfo, start: int, end: int) -> bool:
        """In scope (one paragraph of the right kind, one sentence if so scoped), clear of masked text,
        and not covered by an exception."""
        if end <= start or info.masked(start, end):
            return False
        para = info.paragraph(start)
        if para is None or end > para.end or (self.kinds is not None and para.kind not in self.kinds):
            return False
        if self.by_sentence:
            sent = info.sentence(start)
            if sent is None or end > sent[1]:
                return False
        return not (self.exceptions and self.excepted(info, start, end, para))

    def excepted(self, info: DocInfo, start: int, end: int, para: Any) -> bool:
        text = info.visible
        for pattern in self.exceptions:
            pos = para.start
            while pos <= start:
                m = pattern.search(text, pos, para.end)
                if m is None or m.start() > start:
                    break
                if m.end() >= end:
                    return True
                pos = m.start() + 1
        return False

    def format(self, **values: Any) -> str:
        return self.spec.message.format(**values)

    def run(self, info: DocInfo, hits: list[_Hit]) -> list[Violation]:
        raise NotImplementedError


def _cannot_match(info: DocInfo, pattern: Any) -> bool:
    """The article holds none of the strings of which every match of the pattern holds one."""
    if pattern.as_written:
        visible = info.visible
        return not any(r in visible for r in pattern.as_written)
    required = pattern.required
    if not required:
        return False
    lowered = info.lowered
    return lowered is not None and not any(r in lowered for r in required)


def _lenient(source: str, ignore_case: bool) -> str:
    """An exception that starts with a lower-case letter also matches with a capital one (a sentence
    start), as literal tokens do."""
    first = source[:1]
    if ignore_case or not first.islower() or first.upper() == first:
        return source
    return f"[{first}{first.upper()}]{source[1:]}"


def _outermost(spans: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Matches sorted by position, dropping any inside an earlier (or longer) one."""
    out: list[tuple[int, int, Any]] = []
    for s, e, data in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and e <= out[-1][1]:
            continue
        out.append((s, e, data))
    return out


class _Existence(_Plan):
    def __init__(self, spec: StyleRuleSpec, index: int, literal: Callable[..., None]) -> None:
        super().__init__(spec, index, literal)
        for token in spec.tokens:
            literal(token, spec.ignore_case, index, ("token", token))
        self.patterns = [self.compile(p) for p in spec.patterns]
        self.literal_only = not self.patterns

    def run(self, info: DocInfo, hits: list[_Hit]) -> list[Violation]:
        spans = [(h.start, h.end, h.payload) for h in hits]
        for pattern in self.patterns:
            spans.extend((m.start(), m.end(), ("pattern", pattern.source)) for m in self.scan(info, pattern))
        out = []
        for s, e, (kind, what) in _outermost(spans):
            if not self.admit(info, s, e):
                continue
            matched = info.doc.text[s:e]
            out.append(
                Violation(s, e, self.format(match=matched), evidence={kind: what, "rule": self.spec.name})
            )
        return out


class _Substitution(_Plan):
    def __init__(self, spec: StyleRuleSpec, index: int, literal: Callable[..., None]) -> None:
        super().__init__(spec, index, literal)
        self.applicability = spec.suggestion_applicability
        self.regexes: list[tuple[Any, tuple[str | int, ...]]] = []
        for found, preferred in spec.swap:
            if spec.regex:
                pattern = self.compile(found)
                groups = (pattern.compiled.groups, frozenset(pattern.compiled.groupindex))
                self.regexes.append((pattern, _template(preferred, groups)))
            else:
                literal(found, spec.ignore_case, index, (found, preferred))
        self.literal_only = not spec.regex

    def run(self, info: DocInfo, hits: list[_Hit]) -> list[Violation]:
        text = info.doc.text
        spans: list[tuple[int, int, Any]] = []
        for h in hits:
            found, preferred = h.payload
            matched = text[h.start : h.end]
            suggestion = _follow_case(found, matched, preferred)
            if self._already(info, h.start, h.end, suggestion):
                continue
            spans.append((h.start, h.end, (suggestion, found)))
        for pattern, parts in self.regexes:
            for m in self.scan(info, pattern):
                suggestion = _expand(parts, m)
                if suggestion != m.group():
                    spans.append((m.start(), m.end(), (suggestion, pattern.source)))
        out = []
        for s, e, (suggestion, found) in _outermost(spans):
            if not self.admit(info, s, e):
                continue
            matched = text[s:e]
            out.append(
                Violation(
                    s,
                    e,
                    self.format(match=matched, suggestion=suggestion),
                    suggestion=Suggestion(suggestion, self.applicability),  # type: ignore[arg-type]
                    evidence={"rule": self.spec.name, "found": found, "preferred": suggestion},
                )
            )
        return out

    def _already(self, info: DocInfo, start: int, end: int, preferred: str) -> bool:
        """The preferred form is already there, covering the match ("Sept." for the key "Sept")."""
        n = len(preferred)
        if n < end - start or not preferred:
            return False
        text = info.visible
        same = (lambda a, b: a.casefold() == b.casefold()) if self.spec.ignore_case else str.__eq__
        return any(same(text[i : i + n], preferred) for i in range(max(0, end - n), start + 1))


def _follow_case(found: str, matched: str, preferred: str) -> str:
    """A lower-case key matched with a capital first letter (a sentence start) capitalizes the
    suggestion too."""
    if preferred and found[:1].islower() and matched[:1].isupper():
        return preferred[0].upper() + preferred[1:]
    return preferred


class _Consistency(_Plan):
    def __init__(self, spec: StyleRuleSpec, index: int, literal: Callable[..., None]) -> None:
        super().__init__(spec, index, literal)
        self.applicability = spec.suggestion_applicability
        self.regexes: list[tuple[Any, int, int]] = []
        for g, group in enumerate(spec.either):
            for k, spelling in enumerate(group):
                if spec.regex:
                    self.regexes.append((self.compile(spelling), g, k))
                else:
                    literal(spelling, spec.ignore_case, index, (g, k))
        self.literal_only = not spec.regex

    def run(self, info: DocInfo, hits: list[_Hit]) -> list[Violation]:
        spans = [(h.start, h.end, h.payload) for h in hits]
        for pattern, g, k in self.regexes:
            spans.extend((m.start(), m.end(), (g, k)) for m in self.scan(info, pattern))
        text = info.doc.text
        first: dict[int, tuple[int, int, str]] = {}  # group -> (spelling, offset, text as written)
        counts: dict[tuple[int, int], int] = {}
        out = []
        for s, e, (g, k) in _outermost(spans):
            if not self.admit(info, s, e):
                continue
            counts[(g, k)] = counts.get((g, k), 0) + 1
            if g not in first:
                first[g] = (k, s, text[s:e])
                continue
            k0, at, written = first[g]
            if k == k0:
                continue
            matched = text[s:e]
            if self.spec.regex:
                suggestion, shown = None, written
            else:
                preferred = self.spec.either[g][k0]
                if matched[:1].isupper() and preferred[:1].islower():
                    preferred = preferred[0].upper() + preferred[1:]
                suggestion, shown = Suggestion(preferred, self.applicability), preferred  # type: ignore[arg-type]
            out.append(
                Violation(
                    s,
                    e,
                    self.format(match=matched, suggestion=shown),
                    suggestion=suggestion,
                    evidence={"rule": self.spec.name, "first": written, "first_at": info.position(at)},
                )
            )
        return out


class _Conditional(_Plan):
    def __init__(self, spec: StyleRuleSpec, index: int, literal: Callable[..., None]) -> None:
        super().__init__(spec, index, literal)
        self.first = self.compile(spec.first)
        self.second = (
            self.compile(spec.second)
            if spec.second
            else compile_pattern(DEFAULT_SECOND, spec.ignore_case, True)
        )

    @staticmethod
    def term(m: Any) -> tuple[int, int, str]:
        if m.re.groups and m.start(1) >= 0 and m.end(1) > m.start(1):
            return m.start(1), m.end(1), m.group(1)
        return m.start(), m.end(), m.group()

    def run(self, info: DocInfo, hits: list[_Hit]) -> list[Violation]:
        fold = str.casefold if self.spec.ignore_case else (lambda x: x)
        definitions: dict[str, int] = {}
        inside: list[tuple[int, int]] = []
        for m in self.scan(info, self.second):
            s, e, term = self.term(m)
            if not self._in_scope(info, m.start(), m.end()):
                continue
            inside.append((m.start(), m.end()))
            definitions.setdefault(fold(term), s)
        inside.sort()
        starts = [s for s, _ in inside]
        reported: set[str] = set()
        out = []
        for m in self.scan(info, self.first):
            s, e, term = self.term(m)
            key = fold(term)
            if key in reported:
                continue
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and inside[i][1] >= e:
                continue  # the term inside its own definition
            if not self.admit(info, s, e):
                continue
            defined = definitions.get(key)
            if defined is not None and defined < s:
                reported.add(key)  # defined before its first use: every later use is fine
                continue
            reported.add(key)
            evidence: dict[str, Any] = {"rule": self.spec.name, "term": term}
            if defined is not None:
                evidence["defined_at"] = info.position(defined)
            out.append(Violation(s, e, self.format(match=term), evidence=evidence))
        return out

    def _in_scope(self, info: DocInfo, start: int, end: int) -> bool:
        para = info.paragraph(start)
        return not (
            para is None or end > para.end or (self.kinds is not None and para.kind not in self.kinds)
        )


class _Units:
    """The units a scope measures: sentences, paragraphs (of some kinds), or the whole article."""

    @staticmethod
    def of(
        info: DocInfo, scope: tuple[str, ...], *, whole_article: bool = True
    ) -> list[tuple[int, int, str]]:
        units: list[tuple[int, int, str]] = []
        for s in scope:
            if s == "sentence":
                units.extend((a, b, "sentence") for a, b in info.sentences)
            elif s == "paragraph" or (s == "article" and not whole_article):
                units.extend((p.start, p.end, "paragraph") for p in info.prose)
            elif s == "article":
                if info.prose:
                    units.append((info.prose[0].start, info.prose[-1].end, "article"))
            else:
                units.extend((p.start, p.end, s) for p in info.prose if p.kind in SCOPE_KINDS[s])
        return units


class _Occurrence(_Plan):
    """Counts per unit. Words are counted exactly only where it matters: a unit's white-space-separated
    chunks are an upper bound of its words, so a unit under a maximum by that count needs no more."""

    def __init__(self, spec: StyleRuleSpec, index: int, literal: Callable[..., None]) -> None:
        super().__init__(spec, index, literal)
        self.token = self.compile(spec.token) if spec.token else None
        self.plain = self.token is None and not spec.exceptions  # words, nothing excepted

    def units(self, info: DocInfo) -> list[tuple[int, int, str, int]]:
        """The scope's units with a quick count (exact for tokens and exceptions, an upper bound for
        plain words); shared by the rules that count the same way over the same scope."""
        key = ("occurrence", self.spec.scope, self.spec.token, self.spec.ignore_case, self.spec.exceptions)
        found = info.memo.get(key)
        if found is None:
            visible = info.visible
            if self.plain:
                found = [(a, b, u, len(visible[a:b].split())) for a, b, u in _Units.of(info, self.spec.scope)]
            else:
                starts = self._starts(info)
                found = [
                    (a, b, u, self._count(info, a, b, starts)) for a, b, u in _Units.of(info, self.spec.scope)
                ]
            info.memo[key] = found
        return found

    def _starts(self, info: DocInfo) -> list[int]:
        return info.word_starts if self.token is None else self._spans(info)[0]

    def _spans(self, info: DocInfo) -> tuple[list[int], list[int]]:
        key = ("occurrence-token", id(self.token))
        if key not in info.memo:
            found = self.scan(info, self.token)
            info.memo[key] = ([m.start() for m in found], [m.end() for m in found])
        return info.memo[key]

    def _count(self, info: DocInfo, start: int, end: int, starts: list[int]) -> int:
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if not self.spec.exceptions:
            return hi - lo
        return sum(1 for i in range(lo, hi) if not self._token_excepted(info, i, starts))

    def _token_excepted(self, info: DocInfo, i: int, starts: list[int]) -> bool:
        at = starts[i]
        para = info.paragraph(at)
        if para is None:
            return False
        if self.token is not None:
            stop = self._spans(info)[1][i]
        else:
            text, stop = info.visible, at + 1
            while stop < len(text) and not text[stop].isspace():
                stop += 1
        return self.excepted(info, at, stop, para)

    def run(self, info: DocInfo, hits: list[_Hit]) -> list[Violation]:
        counted = "words" if self.token is None else "matches"
        out = []
        lo, hi = self.spec.min, self.spec.max
        units = self.units(info)
        if lo is None and hi is not None:
            units = [u for u in units if u[3] > hi]  # within the maximum by the quick count: nothing to say
        for start, end, unit, n in units:
            if self.plain and ((hi is not None and n > hi) or lo is not None):
                n = info.count_words(start, end)  # the chunks were an upper bound
            if hi is not None and n > hi:
                bound, limit = "at most", hi
            elif lo is not None and n < lo:
                bound, limit = "at least", lo
            else:
                continue
            excerpt = " ".join(info.visible[start:end].split())
            excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
            values = {"match": excerpt, "count": n, "max": hi, "min": lo, "limit": limit, "unit": unit}
            message = (
                DEFAULT_MESSAGES["occurrence"].format(counted=counted, bound=bound, **values)
                if self.spec.message == DEFAULT_MESSAGES["occurrence"]
                else self.format(**values)
            )
            out.append(
                Violation(start, end, message, evidence={"rule": self.spec.name, "count": n, "limit": limit})
            )
        return out


_MINOR = frozenset(
    {
        *("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet"),  # articles, conjunctions
        *("as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs", "vs."),  # prepositions
    }
)
_OPENERS = "“‘\"'([«"


class _Capitalization(_Plan):
    def run(self, info: DocInfo, hits: list[_Hit]) -> list[Violation]:
        out = []
        for start, end, unit in _Units.of(info, self.spec.scope, whole_article=False):
            v = self.check_unit(info, start, end, unit)
            if v is not None:
                out.append(v)
        return out

    def check_unit(self, info: DocInfo, start: int, end: int, unit: str) -> Violation | None:
        text = info.visible
        para = info.paragraph(start)
        words = [
            m for m in _LETTERS.finditer(text, start, end) if not _touches_digit(text, m.start(), m.end())
        ]
        if not words:
            return None
        case = self.spec.match
        lead = text[start : words[0].start()].strip(" \t" + _OPENERS)
        changes: dict[int, str] = {}
        for i, m in enumerate(words):
            w = m.group()
            if para is not None and self.exceptions and self.excepted(info, m.start(), m.end(), para):
                continue
            fixed = self.fix(info, text, w, m.start(), i == 0 and not lead, i == len(words) - 1, (start, end))
            if fixed is not None and fixed != w:
                changes[i] = fixed
        if not changes:
            return None
        flagged = [words[i].group() for i in sorted(changes)]
        pieces, pos = [], start
        for i in sorted(changes):
            m = words[i]
            pieces.append(info.doc.text[pos : m.start()])
            pieces.append(changes[i])
            pos = m.end()
        pieces.append(info.doc.text[pos:end])
        suggestion = "".join(pieces)
        listed = ", ".join(f"'{w}'" for w in flagged)
        return Violation(
            start,
            end,
            self.format(match=info.doc.text[start:end], suggestion=suggestion, words=listed, case=case),
            suggestion=Suggestion(suggestion, Applicability.UNSAFE),
            evidence={"rule": self.spec.name, "case": case, "words": flagged},
        )

    def fix(
        self, info: DocInfo, text: str, w: str, at: int, first: bool, last: bool, unit: tuple[int, int]
    ) -> str | None:
        """The word as it should be written, or None when it may stay as it is."""
        start, end = unit
        case = self.spec.match
        if case == "upper":
            return w.upper()
        acronym = len(w) > 1 and w.isupper()
        inner = any(c.isupper() for c in w[1:]) and not w.isupper()
        if acronym or inner:
            return None
        free = _after_break(text, at, start)  # after a colon, an opening quote, or a sentence end
        if case == "lower":
            if w[0].isupper() and not (w == "I" or info.proper_noun(w, start, end)):
                return w.lower()
            return None
        if case == "title":
            minor = w.lower() in _MINOR
            if minor and not (first or last or free):
                return w.lower() if w[0].isupper() else None
            return w[0].upper() + w[1:] if w[0].islower() else None
        # sentence case
        if first:
            return w[0].upper() + w[1:] if w[0].islower() else None
        if not w[0].isupper() or free or w == "I" or (len(w) == 1 and w != "A"):
            return None
        if info.proper_noun(w, start, end):
            return None
        return w[0].lower() + w[1:]


def _touches_digit(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def _after_break(text: str, at: int, start: int) -> bool:
    i = at - 1
    while i >= start and text[i] in _OPENERS:
        if text[i] in "“‘\"'«":
            return True
        i -= 1
    while i >= start and text[i].isspace():
        i -= 1
    return i >= start and text[i] in ":.!?"


_PLANS: dict[str, type[_Plan]] = {
    "existence": _Existence,
    "substitution": _Substitution,
    "consistency": _Consistency,
    "conditional": _Conditional,
    "occurrence": _Occurrence,
    "capitalization": _Capitalization,
}


# -- documentation ------------------------------------------------------------------------------------


def summary(spec: StyleRuleSpec) -> str:
    """A one-line summary: the description's first line, else one made from the rule's data."""
    if spec.description:
        return spec.description.strip().splitlines()[0].rstrip(".")
    if spec.type == "existence":
        listed = [repr(t) for t in spec.tokens[:3]] + [
            repr(p) for p in spec.patterns[: max(0, 3 - len(spec.tokens))]
        ]
        more = len(spec.tokens) + len(spec.patterns) - len(listed)
        return "Avoid " + ", ".join(listed) + (f" and {more} more" if more > 0 else "")
    if spec.type == "substitution":
        pairs = [f"{b!r} for {a!r}" for a, b in spec.swap[:2]]
        more = len(spec.swap) - len(pairs)
        return "Prefer " + ", ".join(pairs) + (f" and {more} more" if more > 0 else "")
    if spec.type == "consistency":
        return "One spelling per article: " + "; ".join(" / ".join(g) for g in spec.either[:3])
    if spec.type == "conditional":
        return "Spell out an abbreviation at its first use"
    if spec.type == "occurrence":
        unit = "/".join(spec.scope)
        bounds = [
            f"at most {spec.max}" if spec.max is not None else "",
            f"at least {spec.min}" if spec.min is not None else "",
        ]
        what = "words" if not spec.token else f"matches of {spec.token!r}"
        return f"{' and '.join(b for b in bounds if b).capitalize()} {what} per {unit}"
    return f"{'/'.join(spec.scope).capitalize()} in {spec.match} case"


def rule_doc(spec: StyleRuleSpec) -> str:
    """The rule's documentation, as `tlqa explain` prints it and SARIF carries it."""
    lines = [summary(spec) + "."]
    rest = "\n".join(spec.description.strip().splitlines()[1:]).strip() if spec.description else ""
    if rest:
        lines += ["", rest]
    origin = "the bundled AP-based news style" if spec.bundled else "the style file"
    lines += ["", f"A {spec.type} rule from {origin}; scope: {', '.join(spec.scope)}."]
    if spec.examples_fail:
        lines += ["", "Example:"] + [f"    {t}" for t in spec.examples_fail]
    if spec.examples_pass:
        lines += ["Write instead:" if spec.examples_fail else "Example (clean):"]
        lines += [f"    {t}" for t in spec.examples_pass]
    return "\n".join(lines)


# -- the bundled default style ------------------------------------------------------------------------

BUNDLED_PATH = "tlqa/data/default-style.toml"


@functools.lru_cache(maxsize=1)
def load_bundled() -> tuple[StyleRuleSpec, ...]:
    """The declarative rules of the bundled AP-based news style (patterns compiled on first use)."""
    path = Path(__file__).with_name("data") / "default-style.toml"
    if path.is_file():  # (importlib.resources would cost a few milliseconds of start-up)
        source = path.read_text(encoding="utf-8")
    else:  # a zipped install
        from importlib import resources

        source = (resources.files("tlqa") / "data" / "default-style.toml").read_text(encoding="utf-8")
    data = tomllib.loads(source)
    return parse_rules(data["style"]["rules"], BUNDLED_PATH, bundled=True, compile_now=False)


@functools.lru_cache(maxsize=1)
def bundled_book() -> StyleBook:
    return StyleBook(load_bundled())
