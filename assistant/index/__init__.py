"""Stage 4: the versioned Chroma index.

`store.py` is the one import of chromadb; `layers.py` reads a version as base + delta;
`catalog.py` and `manifest.py` are what a version records; `versions/` keeps versions in a
directory or a server; `lock.py` allows one writer; `writing/` writes new versions; `handle.py`
opens the live one for the answer stage.
"""
