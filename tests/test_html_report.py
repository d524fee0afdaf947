"""The audit's HTML report: self-contained, and its charts really drawn by a browser.

The rendering test runs Debian's headless Chromium (`.ci/run` installs the `chromium` package when it
is missing and it can) and reads the screenshot's pixels: every family and severity the audit found
must show up in its colour over an area only bars can cover. It is skipped, saying why, when no
Chromium is installed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import ROOT
from tlqa.audit import core, html, summary
from tlqa.audit.core import AuditOptions

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import make_corpus


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def audit_summary(tmp_path_factory) -> summary.Summary:
    return audited(tmp_path_factory.mktemp("audit"))


def audited(tmp_path: Path) -> summary.Summary:
    """An audit of twelve invented articles over four months, two desks and two engines."""
    rows = ["article,published,desk,engine"]
    for i, text in enumerate(make_corpus(12, seed=21, words=120, defect_rate=0.9)):
        name = f"story{i:02d}.txt"
        (tmp_path / name).write_text(text, encoding="utf-8")
        rows.append(
            f"{name},2024-0{1 + i % 4}-15,{['economy', 'politics'][i % 2]},{['mt-a', 'mt-b'][i % 3 % 2]}"
        )
    (tmp_path / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = core.run(
        AuditOptions(manifest=str(tmp_path / "manifest.csv"), db=str(tmp_path / "a.sqlite"), jobs=1)
    )
    s = summary.build(run.store)
    run.store.close()
    return s


def test_report_is_self_contained_and_its_charts_carry_the_numbers(audit_summary):
    s = audit_summary
    assert s.findings and len(s.months) == 4 and len(s.desks) == 2 and len(s.translators) == 2
    page = html.render(s, version="test", db="a.sqlite")
    assert html.render(s, version="test", db="a.sqlite") == page  # deterministic
    # Nothing is fetched: no script, no external resource.
    assert "<script" not in page and not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    for chart in ("chart-months", "chart-rules", "chart-worst", "chart-desks", "chart-translators"):
        assert f'id="{chart}-svg"' in page, chart
    month_counts = [int(n) for n in re.findall(r'data-month="[^"]+" data-count="(\d+)"', page)]
    assert sum(month_counts) == s.findings


def test_empty_audit_draws_placeholders():
    page = html.render(summary.Summary(), version="test")
    assert page.count("No findings") >= 2 and "chart-desks" not in page


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _c, _f, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, header
    bpp = 4 if color == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(
            bytes(line) if bpp == 3 else bytes(b for j in range(0, stride, 4) for b in line[j : j + 3])
        )
        prev = line
    return width, height, rows


def colour_counts(rows: list[bytes], colours: dict[str, str]) -> dict[str, int]:
    wanted = {bytes.fromhex(c[1:]): label for label, c in colours.items()}
    counts = dict.fromkeys(colours, 0)
    for row in rows:
        for j in range(0, len(row), 3):
            label = wanted.get(row[j : j + 3])
            if label is not None:
                counts[label] += 1
    return counts


@pytest.mark.skipif(
    chromium() is None, reason="no Chromium: .ci/run installs Debian's chromium package as root"
)
def test_chromium_draws_the_charts(tmp_path, audit_summary):
    s = audit_summary
    report = tmp_path / "report.html"
    html.write(str(report), s, version="test")
    # Legends and table chips hidden (not removed: the layout stays): a colour left on the page is a bar.
    page = report.read_text(encoding="utf-8")
    hidden = "<style>.legend, table, .tiles { visibility: hidden; }</style></head>"
    report.write_text(page.replace("</head>", hidden, 1), encoding="utf-8")
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=0.5",  # a quarter of the pixels to read, bars still solid
            "--window-size=1100,3200",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.is_file(), proc.stderr.decode(errors="replace")[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (550, 1600)
    families = {f: html.FAMILY_COLORS[f] for f in s.by_family}
    severities = {k: html.SEVERITY_COLORS[k] for k, n in s.by_severity.items() if n}
    assert len(families) >= 2 and len(severities) >= 2
    counts = colour_counts(rows, {**families, **severities})
    assert all(n >= 20 for n in counts.values()), counts
    others = colour_counts(rows, {f: c for f, c in html.FAMILY_COLORS.items() if f not in families})
    assert not any(others.values()), others  # and nothing drawn for a family that found nothing
