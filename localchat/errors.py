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
