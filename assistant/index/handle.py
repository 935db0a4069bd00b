"""The read side of the index: the live version's store, manifest and guide catalog.

Example:
    >>> handle = open_index(settings)
    >>> hits = handle.query(embedder.embed(["sign-on bonus"])[0], k=5)
    >>> handle.guides[0].id
    'acme/software-engineer'

`open_index` reads only the small CURRENT pointer and the manifest; the Chroma clients of the
version's segments (layers.py) and the catalog load on first use.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.embed.embedder import Embedder, get_embedder
from assistant.errors import IndexMissingError, ModelMismatchError
from assistant.index.catalog import Catalog
from assistant.index.layers import LayeredStore, open_layers
from assistant.index.manifest import Manifest
from assistant.index.store import StoreHit
from assistant.index.versions.base import VersionRepo
from assistant.index.versions.factory import open_versions

if TYPE_CHECKING:
    from assistant.corpus.model import Guide
    from assistant.settings import Settings


class IndexHandle:
    """One opened index version; stays on that version even if a build switches CURRENT."""

    def __init__(self, repo: VersionRepo, manifest: Manifest) -> None:
        self.repo = repo
        self.manifest = manifest
        self.version = manifest.version

    @cached_property
    def store(self) -> LayeredStore:
        """The version's records: its base segment and delta, merged (clients made on use)."""
        return open_layers(self.repo, self.manifest)

    @cached_property
    def catalog(self) -> Catalog:
        """Guides, findings and skipped files of the corpus this version was built from."""
        return self.repo.catalog(self.version)

    @property
    def guides(self) -> list[Guide]:
        """The parsed guides of this version."""
        return self.catalog.guides

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
              ) -> list[StoreHit]:
        """The `k` chunks nearest to `vector`, optionally filtered by metadata."""
        return self.store.query(vector, k, where)

    def reachable(self) -> bool:
        """Whether the vector store answers now (a server may be down; a directory is)."""
        return self.store.reachable()


def open_index(settings: Settings, embedder: Embedder | None = None) -> IndexHandle:
    """Open the live version, refusing one built with another embedding model."""
    repo = open_versions(settings)
    version = repo.current()
    if version is None:
        where = settings.chroma_url or str(settings.index)
        raise IndexMissingError(f"No index at {where}: run `assistant index` (or `make index`).")
    manifest = repo.manifest(version)
    embedder = embedder or get_embedder(settings)
    if (manifest.embedder, manifest.dim) != (embedder.name, embedder.dim):
        raise ModelMismatchError(
            f"Index built with {manifest.embedder} ({manifest.dim}-d), querying with "
            f"{embedder.name} ({embedder.dim}-d): rebuild with `assistant index --rebuild` "
            "or set ASSISTANT_EMBEDDER to the model the index was built with."
        )
    return IndexHandle(repo, manifest)
