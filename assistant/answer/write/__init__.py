"""Writing pieces of an answer: `citations.py` numbers sources, `quoting.py` quotes a passage,
`tables.py` writes lines and tables in Markdown, `cells.py` makes cited figure cells and bands."""
