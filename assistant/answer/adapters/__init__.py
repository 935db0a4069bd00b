"""LangChain adapters over `Assistant`: `chain.py` a Runnable, `retriever.py` a retriever."""
