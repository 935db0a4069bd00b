"""The error tree. Every message says what the user can do next."""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""

    exit_code = 1
    http_status = 500


class UsageError(AssistantError):
    """The caller asked for something malformed (bad flag, empty question, too long)."""

    exit_code = 2
    http_status = 422


class CorpusError(AssistantError):
    """The corpus directory is missing or unreadable."""

    http_status = 500


class IndexMissingError(AssistantError):
    """No built index where one was expected."""

    http_status = 503


class IndexUnavailableError(AssistantError):
    """The Chroma server holding the vectors does not answer (down, hung or restarting)."""

    http_status = 503


class IndexWriteError(AssistantError):
    """A build could not write its version (e.g. the disk is full); the live one stays."""

    http_status = 507


class IndexLockedError(AssistantError):
    """Another process is writing the index."""

    http_status = 409


class ModelMismatchError(AssistantError):
    """The index was built with another embedding model than the one querying it."""

    http_status = 500


class NotFoundError(AssistantError):
    """A guide or resource does not exist."""

    http_status = 404


class LLMError(AssistantError):
    """The optional LLM failed (timeout, HTTP error, malformed output)."""

    http_status = 502


class StorageUnavailableError(AssistantError):
    """A shared store (PostgreSQL for ratings) cannot be reached; answers go on without it."""

    http_status = 503
