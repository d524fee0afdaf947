"""Speed benchmark: how many articles a second tlqa checks, and what a fresh `tlqa check` costs.

    python benchmarks/bench_speed.py                 # 1,000 articles, 3 passes, 15 fresh processes
    python benchmarks/bench_speed.py --articles 200 --runs 1 --no-subprocess
    python benchmarks/bench_speed.py --json > speed.json

In process: one Engine is built per configuration and reused; each pass checks every article of a
seeded corpus of invented news (see corpus.py) through the library API, pinned to one CPU core where
the platform allows it; the figure is the median of the passes. Measured for the whole check set, for
the document model alone (no rule selected), and for each family on its own (`select=[prefix]`).
With `--style-rules N` (default 200; 0 to skip) also for the whole check set plus N generated editor's
rules in a style file (`[[style.rules]]`: mostly existence and substitution lists of 3-10 phrases, some
regex patterns, some consistency, occurrence and conditional rules), and how much slower that is.

With a source and a reference (`--pair-articles N`, default 20; 0 to skip): per article, the cost of the
source alignment, of the reference alignment and segments, of BLEU, chrF and TER over the segments, of
all the metrics as tlqa computes them (segments, the three scores, each paragraph pair's chrF), and of
the whole check set given both (a stand-in Korean source and a reference made from each article); TER's
cost by segment length; with `--whole-article-ter`, TER on one whole article as a single segment, which
tlqa never does.

Dates and numbers (`--source-articles N`, default 200; 0 to skip): articles per second for the dates
and numbers families on their own and for the whole check set, each without and with a stand-in Korean
source whose dates and numbers are written the Korean way (5월 1일, 3만 8000, 120만); measured in CPU time.

langdetect (the untranslated family's language identification for Latin-script text): in a fresh
process, its first call (import and profiles) and the memory it takes, then the time of one call on a
300-character sentence; and how many corpus articles reach it at all (none, when the cheap tests work).

Fresh process: the wall time of `tlqa check ARTICLE --format concise` (the console script next to this
Python), against `python -c pass` and `python -c "import tlqa.cli"`, median of `--process-runs` runs
after one warm-up; then the imports that cost most on that path, from `-X importtime`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus

REPO = Path(__file__).resolve().parents[1]


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


# -- generated editor's rules (--style-rules) --------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines()]


# Phrases an editor of machine-translated copy would list (written for this script), one a line; the last
# occurs in the corpus now and then, so that the rules also take their reporting path.
_MT_PHRASES = _lines("""
    the relevant authorities
    it is reported that
    it is understood that
    in the meantime
    a total of
    on the other hand
    it is expected that
    it was confirmed that
    the related ministry
    the concerned parties
    carry out an investigation
    make efforts to
    the said company
    with regard to
    in terms of
    it is known that
    according to industry sources
    the above-mentioned
    plans to push ahead with
    under the circumstances
    take measures
    in a bid to
    it is analyzed that
    it is forecast that
    the government authorities
    relevant ministries
    first of all
    in addition to this
    it is said that
    a high-ranking official
    the person concerned
    the event was attended
    local authorities
""")
_ADJECTIVES = _lines("""
    relevant
    related
    concerned
    pertinent
    respective
    aforementioned
    competent
    corresponding
    responsible
    appropriate
    designated
    affected
""")
_NOUNS = _lines("""
    authorities
    ministry
    agencies
    departments
    institutions
    parties
    organizations
    sectors
    bodies
    offices
    committees
    regulators
""")
# found -> preferred, one pair a line
_SWAPS = [
    tuple(line.split(" -> "))
    for line in _lines("""
    in order to -> to
    utilize -> use
    commence -> begin
    approximately -> about
    in spite of -> despite
    prior to -> before
    subsequent to -> after
    Pusan -> Busan
    Kwangju -> Gwangju
    Taegu -> Daegu
    Inchon -> Incheon
    Cheju -> Jeju
    per annum -> a year
    in the event that -> if
    a number of -> several
    at this point in time -> now
    due to the fact that -> because
    Seoul Metropolitan City -> Seoul
    Busan Metropolitan City -> Busan
    Sejong Special Self-Governing City -> Sejong
    Republic of Korea -> South Korea
    spokesman -> spokesperson
    firefighter officials -> firefighters
""")
]
_PATTERNS = _lines(r"""
    \b(?:very|extremely|highly) (?:important|significant|serious)\b
    \bit (?:is|was) (?:reported|learned|understood|known) that\b
    \b(?:Mr|Ms|Mrs)\. [A-Z][a-z]+ (?:stated|remarked)\b
    \b(?:has|have) been (?:actively )?(?:pushing|promoting)\b
    \bthe (?:said|above) (?:company|ministry|official)\b
    \b\d+ (?:won|dollars) worth of\b
    \b(?:once again|yet again) (?:emphasized|stressed)\b
    \bsaid (?:on|in) (?:a|an) (?:phone|telephone) (?:call|interview)\b
    \b(?:above|below) (?:the )?expectations? of\b
    \bfor the (?:first|second|third) time in \d+ (?:years|months)\b
""")
_EITHER = [
    tuple(line.split(" / "))
    for line in _lines("""
    well-being / wellbeing
    e-mail / email
    toward / towards
    on-year / year-on-year
    spokesperson / spokesman
    chief executive / CEO
    fine dust / fine-dust
    health care / healthcare
    cooperation / co-operation
""")
]
_PERCENT_SWAP = r'swap = { "(\\d+) ?%" = "\\1 percent" }'
_ACRONYM = r'first = "\\b([A-Z]{3,5})\\b"'


def _toml_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(json.dumps(i, ensure_ascii=False) for i in items) + "]"  # JSON strings are TOML


def _toml_table(pairs: Sequence[tuple[str, ...]]) -> str:
    return "{ " + ", ".join(f"{json.dumps(a)} = {json.dumps(b)}" for a, b in pairs) + " }"


def style_rules_toml(n: int, seed: int = 7) -> str:
    """A style file with `n` plausible editor's rules, deterministic for a seed: 45% existence lists of
    3-10 phrases, 30% substitution tables of 3-10 pairs, 10% regex existence rules, 3% regex
    substitutions, 7% consistency rules, 3.5% occurrence limits, 1.5% abbreviations to spell out."""
    import random

    rnd = random.Random(seed)
    phrases = sorted({*_MT_PHRASES, *(f"{a} {b}" for a in _ADJECTIVES for b in _NOUNS)})
    lines = ["[style]", "default = true", ""]
    for i in range(n):
        roll = rnd.random()
        lines += ["[[style.rules]]", f'code = "S{500 + i}"']
        if roll < 0.45:
            tokens = rnd.sample(phrases, rnd.randint(3, 10))
            lines += [f'name = "avoid-{i}"', 'type = "existence"', f"tokens = {_toml_list(tokens)}"]
        elif roll < 0.75:
            pairs = rnd.sample(_SWAPS, rnd.randint(3, 10))
            lines += [f'name = "prefer-{i}"', 'type = "substitution"', f"swap = {_toml_table(pairs)}"]
        elif roll < 0.85:
            patterns = rnd.sample(_PATTERNS, rnd.randint(1, 2))
            lines += [f'name = "pattern-{i}"', 'type = "existence"', f"patterns = {_toml_list(patterns)}"]
            if rnd.random() < 0.3:
                lines.append("ignore-case = true")
        elif roll < 0.88:
            lines += [f'name = "regex-swap-{i}"', 'type = "substitution"', "regex = true", _PERCENT_SWAP]
        elif roll < 0.95:
            pairs = rnd.sample(_EITHER, rnd.randint(2, 4))
            lines += [f'name = "consistent-{i}"', 'type = "consistency"', f"either = {_toml_table(pairs)}"]
        elif roll < 0.985:
            scope, limit = rnd.choice([("sentence", 45), ("paragraph", 90), ("sentence", 60)])
            lines += [f'name = "limit-{i}"', 'type = "occurrence"', f'scope = "{scope}"', f"max = {limit}"]
        else:
            lines += [f'name = "define-{i}"', 'type = "conditional"', _ACRONYM]
            lines.append('exceptions = ["YONHAP", "KOSPI", "END", "CEO"]')
        lines.append("")
    return "\n".join(lines)


# -- in process -----------------------------------------------------------------------------------------


def _one_pass(engine: Any, texts: Sequence[str]) -> tuple[float, int]:
    from tlqa.api import check_text

    findings = 0
    start = time.perf_counter()
    for i, text in enumerate(texts):
        findings += len(check_text(text, path=f"article-{i:05d}.txt", fmt="text", engine=engine).findings)
    return time.perf_counter() - start, findings


def _paired(a: Any, b: Any, texts: Sequence[str]) -> tuple[float, float]:
    """Total seconds of engines `a` and `b` over the corpus, each article checked by both in turn (in
    alternating order), so that a busy spell of a shared machine falls on both alike."""
    from tlqa.api import check_text

    total = [0.0, 0.0]
    for i, text in enumerate(texts):
        order = ((0, a), (1, b)) if i % 2 == 0 else ((1, b), (0, a))
        for k, engine in order:
            start = time.perf_counter()
            check_text(text, path=f"article-{i:05d}.txt", fmt="text", engine=engine)
            total[k] += time.perf_counter() - start
    return total[0], total[1]


def _summary(engine: Any, n: int, times: list[float], findings: int) -> dict[str, Any]:
    median = statistics.median(times)
    return {
        "rules": len(engine.rules),
        "articles_per_s": round(n / median, 1),
        "ms_per_article": round(1000 * median / n, 3),
        "pass_s": [round(t, 3) for t in times],
        "findings": findings,
    }


def _pin_to_one_core() -> tuple[set[int] | None, int | None]:
    """Pin this process to one CPU (Linux); return the previous affinity to restore and the core."""
    if not hasattr(os, "sched_setaffinity"):
        return None, None
    before = os.sched_getaffinity(0)
    core = min(before)
    os.sched_setaffinity(0, {core})
    return before, core


def in_process(
    texts: Sequence[str], runs: int, families: Sequence[str] | None, style_rules: int = 0
) -> dict[str, Any]:
    """Articles per second for each configuration. The passes go round the configurations in turn, so
    that a slower spell of a shared machine does not fall on one configuration only."""
    from tlqa.api import load_config
    from tlqa.engine import Engine
    from tlqa.rules import FAMILIES, Registry

    registry = Registry.from_modules()
    engines: dict[str, Any] = {
        "all": Engine(load_config(), registry),
        "document_only": Engine(load_config(select=[]), registry),
    }
    if style_rules:
        with tempfile.TemporaryDirectory(prefix="tlqa-bench-") as tmp:
            path = Path(tmp, "tlqa.toml")
            path.write_text(style_rules_toml(style_rules), encoding="utf-8")
            started = time.perf_counter()
            config = load_config(path)  # validates and compiles the rules: once per run
            load_ms = 1000 * (time.perf_counter() - started)
        engines["style_rules"] = Engine(config, Registry.for_config(config))
    out: dict[str, Any] = {"families": {}}
    for family, prefix in FAMILIES.items():
        if families and family not in families:
            continue
        out["families"][family] = {"prefix": prefix, "rules": 0}
        engine = Engine(load_config(select=[prefix]), registry)
        if engine.rules:
            engines[family] = engine
    before, out["core"] = _pin_to_one_core()
    try:
        for engine in engines.values():
            _one_pass(engine, texts[:5])  # warm-up: lazy imports, caches
        times: dict[str, list[float]] = {label: [] for label in engines}
        findings: dict[str, int] = {}
        for _ in range(runs):
            for label, engine in engines.items():
                elapsed, findings[label] = _one_pass(engine, texts)
                times[label].append(elapsed)
        if "style_rules" in engines:
            paired = _paired(engines["all"], engines["style_rules"], texts)
    finally:
        if before is not None:
            os.sched_setaffinity(0, before)
    for label, engine in engines.items():
        summary = _summary(engine, len(texts), times[label], findings[label])
        if label in out["families"]:
            out["families"][label].update(summary)
        else:
            out[label] = summary
    if "style_rules" in out:
        base, more = out["all"]["ms_per_article"], out["style_rules"]["ms_per_article"]
        slower = round(100 * (more / base - 1), 1)
        out["style_rules"].update(style_rules=style_rules, load_ms=round(load_ms, 1), slower_pct=slower)
        out["style_rules"]["slower_pct_paired"] = round(100 * (paired[1] / paired[0] - 1), 1)
    head = {"core": out.pop("core"), "all": out.pop("all"), "document_only": out.pop("document_only")}
    return {**head, **out}


# -- with a source and a reference: alignment and each metric --------------------------------------------


def _pseudo_source(text: str) -> str:
    """A stand-in Korean source for an English article, for timing the aligner: per paragraph and
    sentence, Hangul syllables about as many as the ko→en length ratio (2.2) gives, numbers kept, each
    sentence ended with 다. — lengths, sentences and number anchors as a real source has them (the
    syllables mean nothing)."""
    out = []
    for line in text.splitlines():
        sentences = []
        for sentence in re.split(r"(?<=[.!?”])\s+", line.strip()) if line.strip() else []:
            words = []
            for w in sentence.split():
                if any(ch.isdigit() for ch in w):
                    words.append(re.sub(r"[^\d.,]", "", w).strip(".,") or "0")
                else:
                    seed, size = sum(map(ord, w)), max(1, round(len(w) / 2.2))
                    words.append("".join(chr(0xAC00 + (seed * 31 + i * 97) % 11172) for i in range(size)))
            sentences.append(" ".join(words) + "다.")
        out.append(" ".join(sentences))
    return "\n".join(out)


def _pseudo_reference(text: str) -> str:
    """A stand-in reference translation, for timing the metrics: the article with one word in five
    changed, words moved around (TER's shifts are what cost), and one paragraph in twelve left out (so
    the paragraphs are aligned, not paired one to one)."""
    out = []
    for k, line in enumerate(text.splitlines()):
        if k % 12 == 5:
            continue
        words = [w[::-1] if i % 5 == 2 else w for i, w in enumerate(line.split())]
        for i in range(0, len(words) - 4, 9):  # a word moved three places on, every ninth word
            words.insert(i + 3, words.pop(i))
        out.append(" ".join(words))
    return "\n".join(out)


def with_source_and_reference(texts: Sequence[str], whole_article_ter: bool) -> dict[str, Any]:
    """Per article (mean ms): the source alignment, the reference alignment and segments, each metric
    over the segments, per-paragraph chrF, and the whole check set with a source and a reference; TER by
    segment length; and, on request, TER on one whole article as a single segment (what tlqa never does)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    from tlqa import alignment, metrics
    from tlqa.api import check_text, load_config
    from tlqa.document import Document
    from tlqa.engine import Article, Engine

    times: dict[str, list[float]] = {
        k: []
        for k in (
            "source_alignment",
            "reference_alignment_and_segments",
            "bleu",
            "chrf",
            "ter",
            "all_metrics_as_tlqa_computes_them",
            "all_checks_with_source_and_reference",
        )
    }
    buckets: dict[str, list[float]] = {"1-25": [], "26-50": [], "51-100": [], "101+": []}
    engine = Engine(load_config())
    segments_per_article = []
    for i, text in enumerate(texts):
        source, reference = _pseudo_source(text), _pseudo_reference(text)
        target, src, ref = Document(text), Document(source, "text"), Document(reference)
        target.sentences, ref.sentences, target.quotations  # noqa: B018 - built outside the timings
        t = time.perf_counter()
        alignment.align(src, target, "ko")
        times["source_alignment"].append(time.perf_counter() - t)
        article = Article(f"article-{i:05d}.txt", target, reference=ref)
        t = time.perf_counter()
        segments, _pairs, _pairing = metrics.article_segments(article)
        times["reference_alignment_and_segments"].append(time.perf_counter() - t)
        segments_per_article.append(len(segments))
        hyps, refs = [x.hypothesis for x in segments], [[x.reference for x in segments]]
        for name, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
            t = time.perf_counter()
            metric.corpus_score(hyps, refs)
            times[name].append(time.perf_counter() - t)
        fresh = Article(f"article-{i:05d}.txt", target, reference=Document(reference))
        fresh.reference.sentences  # noqa: B018 - built outside the timings
        t = time.perf_counter()  # segments, three metrics, each paragraph pair's chrF: as the engine does
        metrics.for_article(fresh)
        times["all_metrics_as_tlqa_computes_them"].append(time.perf_counter() - t)
        if i < 10:  # TER by segment length, on the first articles
            ter = TER()
            for x in segments:
                n = len(x.reference.split())
                key = "1-25" if n <= 25 else "26-50" if n <= 50 else "51-100" if n <= 100 else "101+"
                t = time.perf_counter()
                ter.sentence_score(x.hypothesis, [x.reference])
                buckets[key].append(time.perf_counter() - t)
        t = time.perf_counter()
        check_text(text, source=source, reference=reference, engine=engine, fmt="text")
        times["all_checks_with_source_and_reference"].append(time.perf_counter() - t)
    out: dict[str, Any] = {
        "articles": len(texts),
        "segments_per_article": round(statistics.fmean(segments_per_article), 1),
        "ms_per_article": {k: round(1000 * statistics.fmean(v), 2) for k, v in times.items()},
        "ter_ms_per_segment_by_words": {
            k: {"segments": len(v), "mean_ms": round(1000 * statistics.fmean(v), 2)}
            for k, v in buckets.items()
            if v
        },
    }
    if whole_article_ter:
        text, reference = texts[0], _pseudo_reference(texts[0])
        hyp, ref = " ".join(text.split()), " ".join(reference.split())
        t = time.perf_counter()
        TER().corpus_score([hyp], [[ref]])
        elapsed = time.perf_counter() - t
        out["ter_whole_article_as_one_segment"] = {"words": len(ref.split()), "s": round(elapsed, 2)}
    return out


# -- dates and numbers, with and without a source ---------------------------------------------------------

_EN_AMOUNT = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s(million|billion|trillion))?(?![\w])"
)
_EN_MONTH_DAY = re.compile(
    r"\b(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|January|February|August|"
    r"September|October|November|December) (\d{1,2})\b"
)
_MONTH_NUMBER = {
    **{m: i for i, m in enumerate(("Jan.", "Feb.", "March", "April", "May", "June", "July"), 1)},
    **{m: i for i, m in enumerate(("Aug.", "Sept.", "Oct.", "Nov.", "Dec."), 8)},
    **{m: i for i, m in enumerate(("January", "February"), 1)},
    **{m: i for i, m in enumerate(("August", "September", "October", "November", "December"), 8)},
}


def _korean_amount(value: float) -> str:
    """A value as Korean news writes it: 3만 8000, 1조 2300억, 120만."""
    if value != int(value) or value < 10_000:
        return f"{value:g}"
    value, parts = int(value), []
    for unit, name in ((10**12, "조"), (10**8, "억"), (10**4, "만")):
        if value >= unit:
            parts.append(f"{value // unit}{name}")
            value %= unit
    if value:
        parts.append(str(value))
    return " ".join(parts)


def _korean_numbers_source(text: str) -> str:
    """A stand-in Korean source for timing the dates and numbers families: the article's sentences in
    meaningless Hangul, but its dates as Korean dates (5월 1일) and its numbers in Korean forms (3만 8000,
    120만, 38억), so that both readers and the pairing do the work a real source gives them."""

    def date(m: re.Match[str]) -> str:
        return f"{_MONTH_NUMBER[m.group(1)]}월 {m.group(2)}일"

    def amount(m: re.Match[str]) -> str:
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        value *= {"million": 1e6, "billion": 1e9, "trillion": 1e12}.get(m.group(3) or "", 1.0)
        return _korean_amount(value)

    out = []
    for line in text.splitlines():
        line = _EN_AMOUNT.sub(amount, _EN_MONTH_DAY.sub(date, line))
        words = []
        for w in line.split():
            if any(ch.isdigit() for ch in w) or any("가" <= ch <= "힣" for ch in w):
                words.append(w.strip('.,;:“”"()'))
            else:
                seed, size = sum(map(ord, w)), max(1, round(len(w) / 2.2))
                words.append("".join(chr(0xAC00 + (seed * 31 + i * 97) % 11172) for i in range(size)))
        out.append(" ".join(words) + ("다." if words else ""))
    return "\n".join(out)


def dates_and_numbers(texts: Sequence[str], runs: int) -> dict[str, Any]:
    """Articles per second (one core, median of `runs` passes, in CPU time so that a busy machine does
    not skew it) for the dates and numbers families on their own and for the whole check set, each
    without and with a stand-in Korean source."""
    from tlqa.api import check_text, load_config
    from tlqa.engine import Engine

    sources = [_korean_numbers_source(t) for t in texts]
    configs = {
        "dates + numbers": load_config(select=["D", "M"]),
        "all": load_config(),
    }
    before, core = _pin_to_one_core()
    out: dict[str, Any] = {"articles": len(texts), "core": core}
    try:
        for label, config in configs.items():
            engine = Engine(config)
            for with_source in (False, True):
                times, findings = [], 0
                for r in range(runs + 1):  # the first pass warms up
                    start, findings = time.process_time(), 0
                    for i, text in enumerate(texts):
                        report = check_text(
                            text,
                            path=f"article-{i:05d}.txt",
                            fmt="text",
                            engine=engine,
                            source=sources[i] if with_source else None,
                        )
                        findings += sum(f.family in ("dates", "numbers") for f in report.findings)
                    if r:
                        times.append(time.process_time() - start)
                median = statistics.median(times)
                out[f"{label}, {'with' if with_source else 'without'} a source"] = {
                    "rules": len(engine.rules),
                    "articles_per_s": round(len(texts) / median, 1),
                    "ms_per_article": round(1000 * median / len(texts), 3),
                    "dates_and_numbers_findings": findings,
                }
    finally:
        if before is not None:
            os.sched_setaffinity(0, before)
    return out


# -- fresh processes ------------------------------------------------------------------------------------


def _tlqa_command() -> tuple[list[str] | None, str]:
    """The console script installed next to this Python, or a stand-in, or None."""
    script = Path(sys.executable).parent / ("tlqa.exe" if os.name == "nt" else "tlqa")
    if script.is_file():
        return [str(script)], str(script)
    import importlib.util

    try:
        found = importlib.util.find_spec("tlqa.cli") is not None
    except ImportError:
        found = False
    if found:
        code = "import sys; from tlqa.cli import main; sys.argv[0] = 'tlqa'; sys.exit(main())"
        return [sys.executable, "-c", code], "no tlqa script next to python: ran tlqa.cli.main via -c"
    return None, "neither a tlqa script next to python nor tlqa.cli: skipped"


def _env(pycache: str | None) -> dict[str, str]:
    """The environment of the timed processes. With `pycache`, bytecode is written to and read from that
    folder (as after an install, whatever PYTHONDONTWRITEBYTECODE says); without, none is written."""
    drop = ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    if pycache:
        env["PYTHONPYCACHEPREFIX"] = pycache
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _wall(cmd: list[str], runs: int, cwd: str, env: dict[str, str]) -> dict[str, Any]:
    warm = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
    result: dict[str, Any] = {
        "median_ms": round(1000 * statistics.median(times), 1),
        "min_ms": round(1000 * min(times), 1),
        "exit_code": warm.returncode,
    }
    if warm.returncode not in (0, 1):
        result["stderr"] = warm.stderr.strip()[-500:]
    return result


_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def _importtime(
    cmd: list[str], cwd: str, env: dict[str, str], top: int, repeats: int = 3
) -> list[dict[str, Any]]:
    """Modules on the path by cumulative import time (median over `repeats` runs), slowest first."""
    samples: dict[str, list[tuple[int, int]]] = {}
    depth: dict[str, int] = {}
    for _ in range(repeats):
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
        for line in proc.stderr.splitlines():
            m = _IMPORTTIME.match(line)
            if m:
                name = m.group(4)
                samples.setdefault(name, []).append((int(m.group(1)), int(m.group(2))))
                depth[name] = (len(m.group(3)) - 1) // 2
    rows = [
        {
            "module": name,
            "depth": depth[name],
            "cumulative_ms": round(statistics.median(c for _s, c in vals) / 1000, 1),
            "self_ms": round(statistics.median(s for s, _c in vals) / 1000, 1),
        }
        for name, vals in samples.items()
    ]
    rows.sort(key=lambda r: (-r["cumulative_ms"], r["module"]))
    return rows[:top]


def fresh_process(article: str, runs: int, top: int) -> dict[str, Any]:
    cmd, how = _tlqa_command()
    out: dict[str, Any] = {"runs": runs, "tlqa": how}
    with tempfile.TemporaryDirectory(prefix="tlqa-bench-") as tmp:
        path = Path(tmp, "article.txt")
        path.write_text(article, encoding="utf-8")
        py = sys.executable
        warm = _env(str(Path(tmp, "pycache")))
        out["python -c pass"] = _wall([py, "-c", "pass"], runs, tmp, warm)
        try:
            import tlqa.cli  # noqa: F401
        except ImportError as exc:
            out["import tlqa.cli"] = {"skipped": f"cannot import tlqa.cli ({exc})"}
        else:
            out["import tlqa.cli"] = _wall([py, "-c", "import tlqa.cli"], runs, tmp, warm)
        if cmd is None:
            return out
        check = [*cmd, "check", str(path), "--format", "concise"]
        out["tlqa check --format concise"] = _wall(check, runs, tmp, warm)
        out["same, no bytecode cache"] = _wall(check, runs, tmp, _env(None))
        if cmd[0] == py:  # the -c stand-in
            timed = [py, "-X", "importtime", *cmd[1:], "check", str(path), "--format", "concise"]
        else:
            timed = [py, "-X", "importtime", cmd[0], "check", str(path), "--format", "concise"]
        out["importtime"] = _importtime(timed, tmp, warm, top)
    return out


# -- langdetect (untranslated family) -------------------------------------------------------------------

_LANGDETECT_PROBE = r"""
import json, resource, statistics, time
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize()
before = rss() if __import__("os").path.exists("/proc/self/statm") else None
foreign = ("Pemerintah akan mengumumkan kebijakan baru pada hari Senin untuk mengatasi inflasi "
           "yang terus naik, kata juru bicara kementerian keuangan kepada wartawan di Jakarta "
           "setelah rapat kabinet hari ini. "
           "Harga beras dan minyak goreng naik hampir sepuluh persen sejak awal tahun di banyak daerah.")
english = ("The government will announce new measures on Monday to tackle inflation, which has kept rising, "
           "a spokesperson for the finance ministry told reporters in Seoul after a cabinet meeting today. "
           "Prices of rice and cooking oil have risen almost ten percent since the start of the year.")
t = time.perf_counter()
from langdetect import DetectorFactory, detect_langs
DetectorFactory.seed = 0
detect_langs(foreign)
first = time.perf_counter() - t
after = rss() if before is not None else None
def per_call(text, n=30):
    times = []
    for _ in range(n):
        t = time.perf_counter(); detect_langs(text); times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)
print(json.dumps({"first_call_ms": round(1000 * first, 1),
                  "memory_mib": round((after - before) / 2**20, 1) if after is not None else None,
                  "chars": len(foreign),
                  "per_call_ms_foreign": round(per_call(foreign), 2),
                  "per_call_ms_english": round(per_call(english), 2)}))
"""


def langdetect_cost(texts: Sequence[str], fresh: bool) -> dict[str, Any]:
    """What langdetect costs the untranslated family (U103, U202): in a fresh process, its first call
    (import and profiles) and its memory, then the time of one call on a 300-character sentence; and
    how many articles of the corpus reach it at all (the cheap script and function-word tests settle
    the rest; expected: none)."""
    out: dict[str, Any] = {}
    if fresh:
        proc = subprocess.run(
            [sys.executable, "-c", _LANGDETECT_PROBE],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if proc.returncode == 0:
            out.update(json.loads(proc.stdout))
        else:
            out["skipped"] = proc.stderr.strip()[-300:]
    import tlqa.checks.untranslated as untranslated
    from tlqa.api import check_text, load_config
    from tlqa.engine import Engine

    calls: list[int] = []
    original = untranslated._detect

    def counting(text: str) -> tuple[str, float]:
        calls.append(len(text))
        return original(text)

    engine = Engine(load_config(select=["U"]))
    untranslated._detect = counting
    try:
        reached = 0
        for i, text in enumerate(texts):
            before = len(calls)
            check_text(text, path=f"article-{i:05d}.txt", fmt="text", engine=engine)
            reached += len(calls) > before
    finally:
        untranslated._detect = original
    out.update(articles=len(texts), articles_calling=reached, calls=len(calls))
    return out


# -- output ---------------------------------------------------------------------------------------------


def _print_text(result: dict[str, Any]) -> None:
    c = result["corpus"]
    print(
        f"tlqa speed — {c['articles']} invented articles, {c['mean_words']} words and "
        f"{c['mean_chars']} characters on average (seed {c['seed']})"
    )
    print(f"python {result['python']} on {result['platform']}; commit {result['commit'] or '(none)'}")
    ip = result.get("in_process")
    if ip:
        core = f"pinned to CPU {ip['core']}" if ip["core"] is not None else "not pinned"
        print(f"\nIn process (library API, one Engine reused, {core}, median of {result['runs']} passes):")
        print(f"  {'checks':<22}{'rules':>6}{'articles/s':>12}{'ms/article':>12}{'findings':>10}")

        def row(label: str, r: dict[str, Any]) -> None:
            if "articles_per_s" not in r:
                print(f"  {label:<22}{r['rules']:>6}{'(no rules yet)':>22}")
                return
            print(
                f"  {label:<22}{r['rules']:>6}{r['articles_per_s']:>12.1f}{r['ms_per_article']:>12.2f}"
                f"{r['findings']:>10}"
            )

        row("all", ip["all"])
        if "style_rules" in ip:
            sr = ip["style_rules"]
            row(f"all + {sr['style_rules']} style rules", sr)
            paired = sr["slower_pct_paired"]
            print(
                f"  {'':<28}{sr['slower_pct']:+.1f}% against all ({paired:+.1f}% with each article checked "
                f"by both in turn); the style file loads in {sr['load_ms']:.0f} ms"
            )
        row("document model only", ip["document_only"])
        for family, r in ip["families"].items():
            row(f"{family} ({r['prefix']})", r)
    sr_ = result.get("source_and_reference")
    if sr_:
        print(
            f"\nWith a source and a reference ({sr_['articles']} articles, a stand-in Korean source and "
            f"reference; {sr_['segments_per_article']} segment pairs an article), mean ms an article:"
        )
        for key, ms in sr_["ms_per_article"].items():
            print(f"  {key.replace('_', ' '):<40}{ms:>10.2f}")
        by_words = sr_["ter_ms_per_segment_by_words"].items()
        print(
            "  TER by segment length (reference words): "
            + ", ".join(f"{k}: {v['mean_ms']:.1f} ms ({v['segments']})" for k, v in by_words)
        )
        whole = sr_.get("ter_whole_article_as_one_segment")
        if whole:
            print(
                f"  TER on one whole article as a single segment ({whole['words']} words): {whole['s']:.2f} s"
            )
    dn = result.get("dates_and_numbers")
    if dn:
        core = f"pinned to CPU {dn['core']}" if dn["core"] is not None else "not pinned"
        print(
            f"\nDates and numbers, without and with a stand-in Korean source ({dn['articles']} articles, "
            f"{core}, CPU time):"
        )
        print(f"  {'checks':<40}{'rules':>6}{'articles/s':>12}{'ms/article':>12}{'D+M findings':>14}")
        for label, r in dn.items():
            if isinstance(r, dict):
                print(
                    f"  {label:<40}{r['rules']:>6}{r['articles_per_s']:>12.1f}{r['ms_per_article']:>12.2f}"
                    f"{r['dates_and_numbers_findings']:>14}"
                )
    ld = result.get("langdetect")
    if ld:
        print("\nlangdetect (untranslated U103, U202; imported only when the cheap tests cannot tell):")
        if "first_call_ms" in ld:
            mem = f", {ld['memory_mib']} MiB" if ld.get("memory_mib") is not None else ""
            print(f"  first call in a fresh process (import and profiles): {ld['first_call_ms']:.0f} ms{mem}")
            print(
                f"  then a call on {ld['chars']} characters: {ld['per_call_ms_foreign']:.2f} ms "
                f"(Indonesian), {ld['per_call_ms_english']:.2f} ms (English)"
            )
        elif "skipped" in ld:
            print(f"  fresh-process probe skipped: {ld['skipped']}")
        print(
            f"  corpus articles that reach it: {ld['articles_calling']} of {ld['articles']} "
            f"({ld['calls']} calls)"
        )
    fp = result.get("fresh_process")
    if fp:
        print(
            f"\nFresh process (wall time, median of {fp['runs']} runs after a warm-up that fills a "
            f"bytecode cache; {fp['tlqa']}):"
        )
        for label in (
            "python -c pass",
            "import tlqa.cli",
            "tlqa check --format concise",
            "same, no bytecode cache",
        ):
            r = fp.get(label)
            if r is None:
                continue
            if "skipped" in r:
                print(f"  {label:<30} skipped: {r['skipped']}")
                continue
            extra = f"  exit {r['exit_code']}" + (f": {r['stderr']}" if "stderr" in r else "")
            print(f"  {label:<30}{r['median_ms']:>8.1f} ms  (min {r['min_ms']:.1f}){extra}")
        if fp.get("importtime"):
            print("\n  -X importtime of `tlqa check`, cumulative (median of 3), slowest first:")
            for r in fp["importtime"]:
                name = "  " * r["depth"] + r["module"]
                print(f"    {r['cumulative_ms']:>7.1f} ms  (self {r['self_ms']:>5.1f})  {name}")
    print(f"\ntotal {result['elapsed_s']:.1f} s")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    ap.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    ap.add_argument("--seed", type=int, default=20240303, help="corpus seed")
    ap.add_argument("--runs", type=int, default=3, help="in-process passes over the corpus (default 3)")
    ap.add_argument("--process-runs", type=int, default=15, help="fresh-process runs (default 15)")
    ap.add_argument("--no-subprocess", action="store_true", help="skip the fresh-process timings")
    ap.add_argument("--family", action="append", help="time only these families (repeatable)")
    ap.add_argument(
        "--style-rules",
        type=int,
        default=200,
        metavar="N",
        help="also time the check set plus N generated editor's rules (default 200; 0: skip)",
    )
    ap.add_argument(
        "--pair-articles",
        type=int,
        default=20,
        metavar="N",
        help="time alignment and each metric on N articles with a source and reference (0: skip)",
    )
    ap.add_argument(
        "--source-articles",
        type=int,
        default=200,
        metavar="N",
        help="time the dates and numbers families without and with a source on N articles "
        "(default 200; 0: skip)",
    )
    ap.add_argument(
        "--whole-article-ter",
        action="store_true",
        help="also time TER on one whole article as a single segment (seconds)",
    )
    ap.add_argument("--top", type=int, default=15, help="import-time rows to show (default 15)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if args.articles < 1 or args.runs < 1 or args.process_runs < 1:
        ap.error("--articles, --runs and --process-runs must be at least 1")
    if not 0 <= args.style_rules <= 500:
        ap.error("--style-rules must be from 0 to 500 (codes S500-S999)")

    started = time.perf_counter()
    texts = make_corpus(args.articles, seed=args.seed, words=args.words)
    result: dict[str, Any] = {
        "measured": dt.date.today().isoformat(),
        "commit": _git_commit(),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "runs": args.runs,
        "corpus": {
            "articles": len(texts),
            "seed": args.seed,
            "mean_words": round(sum(len(t.split()) for t in texts) / len(texts)),
            "mean_chars": round(sum(len(t) for t in texts) / len(texts)),
        },
        "in_process": in_process(texts, args.runs, args.family, args.style_rules),
    }
    if args.pair_articles > 0:
        result["source_and_reference"] = with_source_and_reference(
            texts[: args.pair_articles], args.whole_article_ter
        )
    if args.source_articles > 0:
        result["dates_and_numbers"] = dates_and_numbers(texts[: args.source_articles], args.runs)
    result["langdetect"] = langdetect_cost(texts, fresh=not args.no_subprocess)
    if not args.no_subprocess:
        result["fresh_process"] = fresh_process(texts[0], args.process_runs, args.top)
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_text(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
