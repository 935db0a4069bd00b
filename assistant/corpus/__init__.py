"""Stage 1: corpus files -> typed Guide values (figures, regions, sections) and lint findings.

`words/` holds what later stages share about the library's words: the vocabulary a question
can use, derived from each guide's own facts, and how a guide and a pay row are worded.
"""
