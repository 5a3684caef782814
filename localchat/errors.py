"""Every error localchat raises on purpose. The CLI prints these as one line, no traceback."""

from __future__ import annotations


class LocalchatError(Exception):
    """Base class: something the user can fix, with a message that says how."""


class ConfigError(LocalchatError):
    """A bad localchat.toml, environment variable or flag."""


class PostsNotFound(LocalchatError):
    """The posts folder does not exist or is not a folder."""


class IndexProblem(LocalchatError):
    """The index is missing, unreadable, or was built by another embedder."""


class ModelError(LocalchatError):
    """A model file is missing, corrupt, or cannot be used (no chat template, say)."""


class DownloadError(ModelError):
    """A model could not be downloaded, or the download did not match its size or checksum."""


class InputTooLong(LocalchatError):
    """A question or conversation is longer than localchat accepts."""


class Refused(LocalchatError):
    """A shared app turned a request away for now; `retry_after` says when to try again (seconds)."""

    def __init__(self, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimited(Refused):
    """This reader asked more often than the per-reader rate limit allows."""


class Busy(Refused):
    """Too many questions are already waiting for the model."""
