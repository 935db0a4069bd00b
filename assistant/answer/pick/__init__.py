"""Choosing from one guide: `rows.py` its pay rows for the asked places and level (`regions.py`
matches places to rows), `sections.py` the sections that hold a topic."""
