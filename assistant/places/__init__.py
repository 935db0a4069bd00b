"""Places: one home for what the assistant knows about real places and their names.

`names.py` is the one comparison key for a place name; `aliases.py` the one table of short
names ("NYC", "SF", "usa") kept as data; `lexicon.py` the places and ordinary English words in
SQLite (`Lexicon`, `Place`), written once from the data packages by the setup-time builder
(`python -m assistant.places.lexicon`, reading `sources.py`, which no question imports);
`rows.py` resolves a guide's row labels to place ids, once, when the index is built; `fake.py`
is a small deterministic lexicon for tests. A leaf stage: it imports only errors and settings.
"""
