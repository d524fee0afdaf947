"""The JSON report contract ships with the package: a byte-identical copy of the shared contract."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "src" / "tlqa" / "data" / "report.schema.json"
CONTRACT = ROOT.parent / "shared" / "contract" / "report.schema.json"


def test_packaged_schema_is_a_valid_json_schema():
    schema = json.loads(PACKAGED.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_packaged_schema_is_reachable_as_package_data():
    data = resources.files("tlqa").joinpath("data", "report.schema.json").read_bytes()
    assert data == PACKAGED.read_bytes()


@pytest.mark.skipif(not CONTRACT.exists(), reason="no ../shared/contract next to this clone")
def test_packaged_schema_is_identical_to_the_contract():
    assert PACKAGED.read_bytes() == CONTRACT.read_bytes()
