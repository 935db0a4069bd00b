"""Stage 3: the embedding model. Texts -> vectors, and how many word pieces a text takes.

`model.py` holds the model's facts (a leaf), `embedder.py` the seam and its factory, the
`*_embedder.py` modules the runtimes, and `export/` the setup-time exporter, which the query
path never imports.
"""
