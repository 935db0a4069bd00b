"""A region of an open file, read with `os.pread` only when its bytes are needed.

Example:
    >>> whole = FileRegion.of(path)
    >>> header = whole[8:16].read()        # 8 bytes read; slicing alone reads nothing

A catalog opened for questions (catalog.py) reads its header and then one entry or guide at a
time this way. Memory-mapping the file did the same work, but every page a process touched
(and the pages the kernel read ahead around them) then counted in its resident memory:
130 MB of the catalog's pages in an app at three times the library, against 44 MB at 1×.
Read with pread, the file's pages stay in the page cache and only what is unpickled is the
process's own.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO


class FileRegion:
    """`length` bytes of `file` from `start`; slicing gives a smaller region, unread."""

    def __init__(self, file: BinaryIO, start: int, length: int) -> None:
        self._file, self.start, self.length = file, start, length

    @classmethod
    def of(cls, path: Path) -> FileRegion:
        """The whole file at `path`, kept open while the region (or a slice of it) lives."""
        file = path.open("rb")
        return cls(file, 0, os.fstat(file.fileno()).st_size)

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key: slice) -> FileRegion:
        start, stop, step = key.indices(self.length)
        if step != 1:
            raise ValueError("a file region is sliced with step 1 only")
        return FileRegion(self._file, self.start + start, max(0, stop - start))

    def read(self) -> bytes:
        """The region's bytes (the file's, as they are now)."""
        data = os.pread(self._file.fileno(), self.length, self.start)
        if len(data) != self.length:
            raise OSError(f"{self._file.name}: {self.length} bytes expected at {self.start}, "
                          f"{len(data)} read (the file was cut short)")
        return data

    def __bytes__(self) -> bytes:
        return self.read()


Data = bytes | memoryview | FileRegion


def loaded(data: Data) -> bytes | memoryview:
    """The bytes of `data`, read when it is a file region."""
    return data.read() if isinstance(data, FileRegion) else data
