"""The optional LLM writer, behind the grounded answer path.

`answerer.py` rephrases the grounded answer's passages (`context.py`) with a chat model and
keeps the text only when `guard.py` (values, segments) and `binding.py` (each figure, read by
`claims.py`, against what the cited rows cover, `scope.py`) pass it; `prompts.py` loads prompts/;
`fakes.py` scripts a chat model for tests. The LangChain adapters live in `../adapters/`.
"""
