"""Decoding and format detection. Every byte string is made here from invented text; no binary fixtures."""

from __future__ import annotations

import codecs
import io
import subprocess
import sys
import types

import pytest

from tlqa.errors import InputError
from tlqa.reading import decode, detect_format, read_path

ENGLISH = "The mayor’s office said the “lantern festival” will return next year, despite the rain.\n"

# Invented sentences, long enough for detection to have text to judge.
KOREAN = (
    "부산시는 올해 여름 바다 축제를 열흘 동안 열기로 했으며, 시민과 관광객 모두가 해변에서 공연과 "
    "불꽃놀이를 즐길 수 있도록 교통 대책도 함께 마련했다고 밝혔다.\n"
    '김민수 문화관광국장은 "지역 축제가 관광의 중심이 돼야 한다"고 말했다. 행사는 6월 12일까지 이어진다.\n'
)
CHINESE_SIMPLIFIED = (
    "市政府周三宣布，今年秋季将在河边举办为期十天的灯会，并增加夜间公交班次，方便市民和游客观赏。"
    "记者在现场看到，数百名志愿者正在清理海滩上的垃圾，不少家长也带着孩子一起参加。\n"
)
CHINESE_TRADITIONAL = (
    "市政府週三宣布，今年秋季將在河邊舉辦為期十天的燈會，並增加夜間公車班次，方便市民和遊客觀賞。"
    "記者在現場看到，數百名志工正在清理海灘上的垃圾，不少家長也帶著孩子一起參加。\n"
)
JAPANESE = (
    "市は水曜日、今年の秋に川沿いで十日間の灯籠祭りを開くと発表し、夜間のバスを増便して市民や観光客が"
    "楽しめるようにするという。総事業費は約12億円にのぼる見通しだ。\n"
)
ENGLISH_1252 = (
    "“We expect the festival to draw more visitors than ever,” the mayor’s spokesman said on Tuesday, "
    "adding that roads near the café district would close at 5 a.m. — a first since the ’90s.\n"
)


# -- Unicode ---------------------------------------------------------------------------------------------


def test_utf8_without_bom() -> None:
    decoded = decode(ENGLISH.encode("utf-8"), "a.txt")
    assert decoded.text == ENGLISH
    assert decoded.encoding == "utf-8"


def test_utf8_with_bom_drops_the_bom() -> None:
    decoded = decode(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "a.txt")
    assert decoded.text == ENGLISH
    assert not decoded.text.startswith("\ufeff")
    assert decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["le", "be"],
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    text = ENGLISH + KOREAN + "An astral character: 𝄞.\n"
    decoded = decode(bom + text.encode(codec), "a.txt")
    assert decoded.text == text
    assert decoded.encoding == "utf-16"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")],
    ids=["le", "be"],
)
def test_utf32_with_bom_is_not_mistaken_for_utf16(bom: bytes, codec: str) -> None:
    decoded = decode(bom + ENGLISH.encode(codec), "a.txt")
    assert decoded.text == ENGLISH
    assert decoded.encoding == "utf-32"


def test_line_endings_are_kept_exactly() -> None:
    text = "First line.\r\nSecond line.\rThird line.\n"
    assert decode(text.encode("utf-8")).text == text


def test_utf8_cjk_is_not_sent_to_legacy_detection() -> None:
    decoded = decode(KOREAN.encode("utf-8"))
    assert decoded.encoding == "utf-8"
    assert decoded.text == KOREAN


# -- legacy encodings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (KOREAN, "cp949", "cp949"),
        (CHINESE_SIMPLIFIED, "gb18030", "gb18030"),
        (CHINESE_TRADITIONAL, "big5", "big5"),
        (JAPANESE, "shift_jis", "shift_jis"),
        (JAPANESE, "cp932", "shift_jis"),
        (ENGLISH_1252, "cp1252", "windows-1252"),
    ],
    ids=[
        "korean-cp949",
        "chinese-gb18030",
        "chinese-big5",
        "japanese-shift-jis",
        "japanese-cp932",
        "english-1252",
    ],
)
def test_legacy_encodings_are_detected(text: str, codec: str, reported: str) -> None:
    data = text.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the case under test really is not UTF-8
    decoded = decode(data, "legacy.txt")
    assert decoded.encoding == reported
    assert decoded.text == text


def test_euc_kr_bytes_read_as_cp949() -> None:
    decoded = decode(KOREAN.encode("euc-kr"))
    assert decoded.encoding == "cp949"
    assert decoded.text == KOREAN


@pytest.mark.parametrize(
    "text",
    [
        # Curly apostrophes before letters (0x92 0x73 …) are also valid CP949, GBK and CP932 pairs.
        "The mayor’s office said the city’s festival won’t move to Sunday this year.",
        "He said the plan was “unworkable”—and that the council’s vote wasn’t final.",
        "Don’t",
    ],
)
def test_windows_1252_apostrophes_are_not_read_as_cjk(text: str) -> None:
    decoded = decode(text.encode("cp1252"))
    assert decoded.encoding == "windows-1252"
    assert decoded.text == text


def test_garbage_is_not_read_as_private_use_shift_jis() -> None:
    # cp932 maps 0x80, 0xA0 and 0xFD-0xFF to C1 controls and private-use characters: never an article.
    decoded = decode(b"\x80\x80\x80 \xff\xfe caf\xe9")
    assert decoded.encoding == "windows-1252"
    assert not any(0x80 <= ord(ch) <= 0x9F or 0xE000 <= ord(ch) <= 0xF8FF for ch in decoded.text)


def test_utf8_input_does_not_import_charset_normalizer() -> None:
    code = (
        "import sys; from tlqa.reading import decode; "
        "decode('Plain “UTF-8” text.'.encode()); decode('ascii only'.encode('cp1252')); "
        "print('charset_normalizer' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- errors ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n ",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"  \n",
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
    ids=["empty", "whitespace", "bom-only", "bom-whitespace", "utf16-whitespace"],
)
def test_empty_input_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="empty input") as info:
        decode(data, "blank.txt")
    assert info.value.path == "blank.txt"
    assert str(info.value).startswith("blank.txt: ")


@pytest.mark.parametrize(
    "data",
    [b"abc\x00def", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "No BOM".encode("utf-16-le")],
    ids=["nul", "png", "utf16-without-bom"],
)
def test_nul_bytes_mean_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(data, "photo.jpg")


def test_control_characters_mean_binary() -> None:
    with pytest.raises(InputError, match=r"binary file \(control characters\)"):
        decode(b"\x01\x02\x03\x04\x05\x06 header", "blob")


@pytest.mark.parametrize("data", [b"\x81\x8d\x8f\x90\x9d", b"Hello \x81\xff world, this is not text"])
def test_undecodable_input_names_the_encodings_tried(data: bytes) -> None:
    with pytest.raises(InputError, match="cannot decode") as info:
        decode(data, "odd.txt")
    message = info.value.message
    for name in ("UTF-8", "CP949", "GB18030", "Big5", "Shift_JIS", "Windows-1252"):
        assert name in message


def test_truncated_utf16_reports_the_bom() -> None:
    data = codecs.BOM_UTF16_LE + "Truncated".encode("utf-16-le") + b"\x41"
    with pytest.raises(InputError, match="despite its byte-order mark"):
        decode(data, "cut.txt")


# -- files and standard input ----------------------------------------------------------------------------


def test_read_path_reads_and_decodes(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"))
    decoded = read_path(str(path))
    assert decoded.text == ENGLISH
    assert decoded.encoding == "utf-8-sig"


def test_read_path_legacy_file(tmp_path) -> None:
    path = tmp_path / "기사.txt"
    path.write_bytes(KOREAN.encode("cp949"))
    assert read_path(str(path)).encoding == "cp949"


def test_read_path_directory(tmp_path) -> None:
    with pytest.raises(InputError, match="is a directory") as info:
        read_path(str(tmp_path))
    assert info.value.path == str(tmp_path)
    assert "tlqa audit" in info.value.message


def test_read_path_missing_file(tmp_path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="no such file") as info:
        read_path(missing)
    assert str(info.value) == f"{missing}: no such file"


def test_read_path_empty_file_names_the_file(tmp_path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty input") as info:
        read_path(str(path))
    assert info.value.path == str(path)


def test_read_path_dash_reads_standard_input(monkeypatch) -> None:
    fake_stdin = types.SimpleNamespace(buffer=io.BytesIO(KOREAN.encode("cp949")))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    decoded = read_path("-")
    assert decoded.text == KOREAN
    assert decoded.encoding == "cp949"


def test_read_path_dash_empty_standard_input(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(b"")))
    with pytest.raises(InputError, match="empty input") as info:
        read_path("-")
    assert info.value.path == "-"


# -- format detection ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("story.md", "markdown"),
        ("story.MD", "markdown"),
        ("dir/story.markdown", "markdown"),
        ("story.mdown", "markdown"),
        ("story.mkd", "markdown"),
        ("story.txt", "text"),
        ("story", "text"),
        ("story.md.txt", "text"),
    ],
)
def test_detect_format_by_suffix(path: str, fmt: str) -> None:
    # The suffix decides for a named file, whatever the text looks like.
    assert detect_format(path, "# Looks like a heading\n\n- and a list\n") == fmt


@pytest.mark.parametrize(
    "text",
    [
        "# Heading\n\nBody.\n",
        "Intro.\n\n## Second-level heading\n",
        "Text.\n\n```\ncode\n```\n",
        "Text.\n\n~~~\ncode\n~~~\n",
        "---\ntitle: x\n---\nBody.\n",
        "Text.\n\n> A quoted line.\n",
        "Items:\n\n- one\n- two\n",
        "Items:\n\n* one\n",
        "Items:\n\n  + one\n",
    ],
)
def test_detect_format_sniffs_markdown_on_standard_input(text: str) -> None:
    assert detect_format("-", text) == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        "A plain article.\nOne paragraph a line, with a #hashtag and a > sign.\n",
        "Prices rose 3 - 4 percent.\n",
        "#1 seed wins the final.\n",
    ],
)
def test_detect_format_sniffs_plain_text_on_standard_input(text: str) -> None:
    assert detect_format("-", text) == "text"
