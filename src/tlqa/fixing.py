"""Safe fixes: apply them to a text, show them as a diff, and write them back atomically."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterable

from tlqa.findings import Applicability, Finding

# Encoding names as reported (tlqa.reading) -> the codec that writes them back.
_CODECS = {"shift_jis": "cp932", "windows-1252": "cp1252"}


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """The text with every safe suggestion applied (overlapping ones skipped), and how many applied."""
    edits = sorted(
        (f.start, f.end, f.suggestion.text)
        for f in findings
        if f.suggestion is not None and f.suggestion.applicability == Applicability.SAFE
    )
    out: list[str] = []
    pos = applied = 0
    for start, end, replacement in edits:
        if start < pos:
            continue  # overlaps an edit already taken
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
        applied += 1
    out.append(text[pos:])
    return "".join(out), applied


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def write_atomically(path: str, text: str, encoding: str) -> None:
    """Write `text` in the file's own encoding through a temporary file in the same folder and a
    rename, so that the file is never seen half-written; keep its permission bits."""
    codec = _CODECS.get(encoding, encoding)
    data = text.encode(codec)
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".tlqa-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
