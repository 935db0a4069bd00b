"""The one place that picks where index versions live: a Chroma server or a local directory.

Example:
    >>> open_versions(Settings.load()).current()
    '20250101T120000-ab12cd'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.index.versions.base import VersionRepo
from assistant.index.versions.local import LocalVersions

if TYPE_CHECKING:
    from assistant.settings import Settings


def open_versions(settings: Settings) -> VersionRepo:
    """The repository the settings point at (server when chroma_url is set)."""
    if settings.chroma_url:
        from assistant.index.versions.remote import RemoteVersions

        return RemoteVersions(settings)
    return LocalVersions(settings)
