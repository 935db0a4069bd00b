"""Choosing from the guides: `rows.py` one guide's pay rows for the asked places and level
(`regions.py` matches places to rows), `sections.py` the sections that hold a topic,
`paragraphs.py` the paragraphs that answer a general question."""
