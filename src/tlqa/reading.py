"""Reading articles: decoding bytes (UTF-8/16/32 with or without BOM and the legacy encodings newsrooms
still produce) and telling Markdown from plain text."""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

from tlqa.errors import InputError

# Legacy encodings tried, in order of preference, when the bytes are not UTF-8. cp949 is a superset of
# EUC-KR and gb18030 of GBK/GB2312; cp932 is Microsoft's Shift_JIS; cp1252 covers Windows-made English
# copy (its curly quotes are bytes 0x91-0x94).
LEGACY_ENCODINGS = ("cp949", "gb18030", "big5", "cp932", "cp1252")
_ENCODING_NAMES = {"cp932": "shift_jis", "cp1252": "windows-1252"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_MARKDOWN_SNIFF = re.compile(r"^(?:#{1,6} |```|~~~|---\s*$|> |\s{0,3}[-*+] )", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, path: str = "-") -> Decoded:
    """Decode an article's bytes; raise InputError with a reason a person can act on."""
    if not data.strip():
        raise InputError("empty input: nothing to check", path)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                reason = f"not valid {codec} despite its byte-order mark ({exc.reason})"
                raise InputError(reason, path) from None
            text = text.removeprefix("\ufeff")
            return Decoded(_checked(text, path), codec)
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not an article", path)
    try:
        return Decoded(_checked(data.decode("utf-8"), path), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _guess_legacy(data)
    if encoding is None:
        raise InputError(
            "cannot decode: not UTF-8 and not one of CP949/EUC-KR, GB18030, Big5, Shift_JIS or Windows-1252",
            path,
        )
    return Decoded(_checked(data.decode(encoding), path), _ENCODING_NAMES.get(encoding, encoding))


def _checked(text: str, path: str) -> str:
    if not text.strip():
        raise InputError("empty input: nothing to check", path)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 100):
        raise InputError("binary file (control characters), not an article", path)
    return text


def _guess_legacy(data: bytes) -> str | None:
    """The legacy encoding that decodes the bytes and reads most like text, or None."""
    candidates = []
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _garbled(text):
            candidates.append(enc)
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    # Several decode cleanly: let charset-normalizer judge which reads best (imported only here).
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=candidates).best()
    if best is None:
        return candidates[0]
    aliases = {"euckr": "cp949", "gbk": "gb18030", "gb2312": "gb18030", "shiftjis": "cp932"}
    name = best.encoding.replace("_", "").lower()
    name = aliases.get(name, name)
    return next((enc for enc in candidates if enc == name), candidates[0])


# C1 controls and private-use characters: what a wrong legacy codec makes of bytes (cp932 maps 0x80 and
# 0xA0/0xFD-0xFF to them, gb18030 its user-defined rows), never what a newsroom writes.
_GARBLED = re.compile(r"[\x80-\x9f\ue000-\uf8ff]")


def _garbled(text: str) -> bool:
    """True when more than a stray 1 in 200 characters is a C1 control or private-use character."""
    return len(_GARBLED.findall(text)) > len(text) // 200


def read_path(path: str) -> Decoded:
    """Read and decode a file named on the command line ('-' is standard input)."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "-")
    if os.path.isdir(path):
        raise InputError("is a directory (tlqa check takes article files; tlqa audit takes folders)", path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path) from None
    return decode(data, path)


def detect_format(path: str, text: str) -> str:
    """'markdown' or 'text': by the file's suffix, and for standard input by a look at its lines."""
    if path != "-":
        return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
    return "markdown" if _MARKDOWN_SNIFF.search(text[:4000]) else "text"
