"""The optional LLM writer, behind the grounded answer path.

`answerer.py` rephrases the grounded answer's passages (`context.py`) with a chat model and
keeps the text only when `guard.py` (with `binding.py`) passes it; `prompts.py` loads prompts/;
`fakes.py` scripts a chat model for tests. The LangChain adapters live in `../adapters/`.
"""
