"""One exception hierarchy for the whole project.

Every error a user can cause or meet derives from :class:`ReleasewatchError`, so the
CLI and the bot can turn any of them into a one-line message without a traceback.
"""

from __future__ import annotations


class ReleasewatchError(Exception):
    """Base class: a clear, user-facing failure."""


class ConfigError(ReleasewatchError):
    """A setting is missing or invalid."""


class UsageError(ReleasewatchError):
    """A command was called with bad arguments (CLI exit code 2)."""


class FetchError(ReleasewatchError):
    """A feed could not be fetched (network, HTTP status, size limit, refused address)."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class ParseError(ReleasewatchError):
    """Fetched bytes are not a feed we can read."""


class RuleError(ReleasewatchError):
    """A rule does not parse or is not valid; the message says what and where."""

    def __init__(self, message: str, *, position: int | None = None):
        super().__init__(
            message if position is None else f"{message} (at character {position + 1})"
        )
        self.position = position


class StorageError(ReleasewatchError):
    """The database cannot be read or written (read-only, disk full, corrupt)."""


class NotFoundError(ReleasewatchError):
    """An id named by the user does not exist."""
