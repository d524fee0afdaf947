"""tlqa: translation QA for machine-translated news articles.

The public API (see the README): `check_text`, `check_file`, `check_paths`, `load_config`, and the
report types in `tlqa.findings`. Names are imported lazily so that `import tlqa` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "check_file", "check_paths", "check_text", "load_config"]


def __getattr__(name: str) -> Any:
    if name in ("check_text", "check_file", "check_paths", "load_config"):
        from tlqa import api

        return getattr(api, name)
    raise AttributeError(f"module 'tlqa' has no attribute {name!r}")
