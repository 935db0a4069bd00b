"""Answers that span guides: compare, rank, coverage, a company's roles, level equivalence.

Each module reads a `Resolved` question and the library and returns a `Spanned` answer
(spanned.py): a table whose every figure cell names its guide and section, the lines to show
around it, and the bands to chart. Nothing here writes Markdown; compose.py does.
"""
