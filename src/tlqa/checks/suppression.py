"""Inline suppressions (`<!-- tlqa: disable=CODE -->` in Markdown): the rule that reports a suppression
which suppresses nothing (S001). The suppressions themselves are applied by the engine after every rule
has run (tlqa.suppressions); the rule is declared there and registered with the checks here."""

from tlqa.suppressions import ineffective_suppression

__all__ = ["ineffective_suppression"]
