"""The untranslated family: script runs, glosses, Latin-script languages, copies from the source, and
what it costs (langdetect only off the normal path)."""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURES
from tlqa import api
from tlqa.config import Config

ARTICLE = FIXTURES / "untranslated-article.txt"
SOURCE = FIXTURES / "untranslated-article.ko.txt"


def untranslated(text: str, source: str | None = None, **options) -> list:
    config = Config(select=("U",), families={"untranslated": options} if options else {})
    return api.check_text(text, source=source, config=config).findings


def test_fixture_planted_flaws() -> None:
    report = api.check_file(str(ARTICLE), config=Config(select=("U",)))
    got = [(f.rule, f.begin.line, f.excerpt) for f in report.findings]
    assert got == [
        ("U101", 4, "학부모 단체의 반발이 거세지자 교육청은 결정을 미뤘다."),
        ("U101", 7, "통금 시간 조정은 내년 상반기에 결정될 예정이다"),
        ("U102", 8, "정근식"),
        ("U101", 9, "강남구"),
        ("U103", 13, "Kami hanya ingin bekerja dengan tenang dan dibayar sesuai kontrak kami,"),
    ]
    assert report.findings[-1].evidence["language"] == "id"


def test_fixture_with_source_shows_the_source_sentence() -> None:
    report = api.check_file(str(ARTICLE), source=str(SOURCE), config=Config(select=("U",)))
    first = report.findings[0]
    assert first.evidence["source_line"] == 4
    assert first.evidence["source_sentence"] == "학부모 단체의 반발이 거세지자 교육청은 결정을 미뤘다."
    assert first.message.endswith("as in source line 4")
    # the artefact label [번역] is the fragments family's (F103), not untranslated text
    assert all("번역" not in f.excerpt for f in report.findings)


def test_the_korean_source_itself_is_not_checked_for_foreign_script() -> None:
    assert api.check_file(str(SOURCE), config=Config(select=("U",))).findings == []


def test_glosses_allowed_by_the_house() -> None:
    text = "Superintendent Jung Keun-sik (정근식) spoke. Visitors in hanbok (한복) filled the palace."
    assert [f.rule for f in untranslated(text)] == ["U102", "U102"]
    assert untranslated(text, glosses=True) == []


def test_allow_list() -> None:
    text = "The show 무한도전 ended in 2018, and fans of 무한도전 still meet."
    assert len(untranslated(text)) == 2
    assert untranslated(text, allow=["무한도전"]) == []


def test_copied_german_sentence_and_word_with_source() -> None:
    source = (
        "Die Regierung kündigte am Montag neue Maßnahmen gegen die Inflation an. "
        "Die Forderungen könnten nicht erfüllt werden."
    )
    text = (
        "Die Regierung kündigte am Montag neue Maßnahmen gegen die Inflation an. "
        "The ministry said the demands could nicht be met."
    )
    found = untranslated(text, source=source)
    rules = {f.rule: f for f in found}
    assert rules["U201"].excerpt == "Die Regierung kündigte am Montag neue Maßnahmen gegen die Inflation an."
    assert rules["U201"].evidence["source_line"] == 1
    assert rules["U202"].excerpt == "nicht"


def test_langdetect_is_seeded_and_stable() -> None:
    text = (
        "Officials met on Monday.\n"
        "Pemerintah akan mengumumkan kebijakan baru pada hari Senin untuk mengatasi inflasi."
    )
    runs = {
        tuple((f.rule, f.start, f.end, f.evidence["language"]) for f in untranslated(text)) for _ in range(3)
    }
    assert len(runs) == 1
    assert next(iter(runs))[0][3] == "id"


def test_english_with_a_foreign_tail_is_found_by_the_script_scan() -> None:
    # langdetect calls this "en"; the script scan comes first and finds the tail
    text = "The minister spoke about the budget on Monday, 他说预算将在明年大幅增加以应对经济放缓的压力。"
    (f,) = untranslated(text)
    assert f.rule == "U101" and f.excerpt.startswith("他说预算")


def test_normal_path_never_imports_langdetect() -> None:
    """English articles (the sample, and a long one) are settled by the cheap tests alone."""
    code = (
        "import sys; from tlqa import api; from tlqa.config import Config\n"
        f"api.check_file({str(FIXTURES / 'sample-article.txt')!r}, config=Config())\n"
        f"api.check_file({str(FIXTURES / 'hard-wrapped-article.txt')!r}, config=Config())\n"
        "print('langdetect' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"
