"""What later stages share about the library's words: the vocabulary a question can use.

`facts.py` is what one guide contributes (its lower-case words, its articles' terms, the short
names it writes for its company); `vocabulary.py` derives the library's `Vocabulary` from the
catalog entries and their facts alone; `nicknames.py` and `library_words.py` mine those facts;
`wording.py` is how a guide and a pay row are put into words, for the index and the answers.
"""
