"""SARIF 2.1.0 format: one run, its rules made from the registry's metadata.

Columns count code points (`columnKind: unicodeCodePoints`); regions carry both line/column (end column
exclusive, as SARIF has it) and charOffset/charLength, and the excerpt as their snippet. A suggestion
that is safe to apply becomes a `fix`; every suggestion is also in the result's properties with its
applicability. Paths: '-' is "stdin", relative paths stay relative (percent-encoded), absolute paths
become file: URIs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from tlqa.findings import Applicability, Severity
from tlqa.reporters._common import excerpt, plain, tool_version

if TYPE_CHECKING:
    from tlqa.findings import FileReport, Finding, RunReport
    from tlqa.rules import Registry, Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    if path == "-":
        return "stdin"
    if os.path.isabs(path):
        return Path(path).as_uri()
    # RFC 3986 path characters stay as they are, except ':' (a relative reference must not look like
    # a scheme); everything else, spaces and non-ASCII included, is percent-encoded as UTF-8.
    return quote(path.replace(os.sep, "/"), safe="/!$&'()*+,;=@")


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"family": rule.family, "fixable": rule.fixable, "tags": [rule.family]},
    }


def _unknown_descriptor(finding: Finding) -> dict[str, Any]:
    """A descriptor for a finding whose rule is not in the registry (so that ruleIndex stays valid)."""
    return {
        "id": finding.rule,
        "shortDescription": {"text": finding.rule},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"family": finding.family, "tags": [finding.family]},
    }


def _region(finding: Finding) -> dict[str, Any]:
    return {
        "startLine": finding.begin.line,
        "startColumn": finding.begin.column,
        "endLine": finding.finish.line,
        "endColumn": finding.finish.column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }


def _result(report: FileReport, artifact: int, finding: Finding, rule_index: int) -> dict[str, Any]:
    uri = artifact_uri(report.path)
    region = _region(finding)
    region["snippet"] = {"text": excerpt(report, finding)}
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": artifact},
                    "region": region,
                }
            }
        ],
    }
    properties: dict[str, Any] = {"family": finding.family}
    suggestion = finding.suggestion
    if suggestion is not None:
        properties["suggestion"] = suggestion.text
        properties["applicability"] = suggestion.applicability.label
        if suggestion.applicability is Applicability.SAFE:
            result["fixes"] = [
                {
                    "description": {"text": _fix_description(suggestion.text)},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri, "index": artifact},
                            "replacements": [
                                {
                                    "deletedRegion": _region(finding),
                                    "insertedContent": {"text": suggestion.text},
                                }
                            ],
                        }
                    ],
                }
            ]
    if finding.evidence is not None:
        properties["evidence"] = plain(finding.evidence)
    if finding.paragraph is not None:
        properties["paragraph"] = finding.paragraph
    result["properties"] = properties
    return result


def _fix_description(text: str) -> str:
    return f"Replace the span with: {text}" if text else "Delete the span"


def _artifact(report: FileReport) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": artifact_uri(report.path)}, "encoding": report.encoding}
    properties = {
        key: value
        for key, value in (
            ("source", report.source),
            ("reference", report.reference),
            ("language", report.language),
            ("metrics", plain(report.metrics)),
        )
        if value is not None
    }
    if properties:
        artifact["properties"] = properties
    return artifact


def to_sarif(run: RunReport, registry: Registry) -> dict[str, Any]:
    """The SARIF log as JSON data (what `render` writes)."""
    descriptors = [rule_descriptor(rule) for rule in registry]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    results = []
    for report in run.files:
        uri = artifact_uri(report.path)
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            artifacts.append(_artifact(report))
        artifact = artifact_index[uri]
        for finding in report.findings:
            if finding.rule not in index:
                index[finding.rule] = len(descriptors)
                descriptors.append(_unknown_descriptor(finding))
            results.append(_result(report, artifact, finding, index[finding.rule]))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tlqa",
                        "version": tool_version(run),
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
            }
        ],
    }


def render(
    run: RunReport,
    registry: Registry,
    out: TextIO,
    *,
    color: bool | None = None,
    width: int | None = None,
) -> None:
    out.write(json.dumps(to_sarif(run, registry), ensure_ascii=False, indent=2, allow_nan=False))
    out.write("\n")
