"""Question -> Answer, in the order of its folders.

read/ (the question into a typed `Resolved`, its kind decided once) -> route.py (which guide,
or a message) -> pick/ (one guide's rows and sections) -> evidence.py (what was found, one
frozen shape per kind) -> write/ (citations, quotes, tables) -> kinds/ (one answerer per kind:
gather, write) -> retrieve.py + compose.py -> pipeline.py (`Assistant`) -> llm/ (optional,
guarded) -> adapters/ (LangChain). types.py and library.py are the stage's shared values.
"""
