"""Negotiation-guide assistant: exact, cited answers from a library of salary-negotiation guides.

The data walks one way: corpus files -> Guide (assistant.corpus) -> chunks and index
(assistant.index) -> hits and Answer (assistant.answer) -> CLI / API / chat / widget.
Importing this package loads no model and no database client.
"""

__version__ = "0.1.0"
