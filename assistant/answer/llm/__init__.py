"""The optional LLM answerer and the LangChain adapters, all behind the grounded answer path.

`answerer.py` rephrases the grounded answer's passages (`context.py`) with a chat model and
keeps the text only when `guard.py` passes it; `prompts.py` loads prompts/; `chain.py` and
`retriever.py` expose `Assistant` as a LangChain Runnable and retriever; `fakes.py` scripts a
chat model for tests.
"""
