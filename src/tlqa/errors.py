"""Errors the user can act on. The CLI turns each into one line on standard error and exit code 2."""

from __future__ import annotations


class TlqaError(Exception):
    """Base of every error that is the input's or the configuration's fault, not tlqa's."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(TlqaError):
    """A file that cannot be read, decoded or checked."""


class ConfigError(TlqaError):
    """A configuration file or option that is not valid."""


class UsageError(TlqaError):
    """Command-line arguments that do not fit together."""
