"""The textbook LangChain pipeline `make bench` measures beside this project (bench code only).

RecursiveCharacterTextSplitter(1000, 200) → the same all-MiniLM-L6-v2 through LangChain's
HuggingFaceEmbeddings → Chroma → similarity_search(k=4): what a tutorial builds, with no answerer
on top. The question path of the project never imports it.

- pipeline.py: the pipeline itself (load, split, build, open, search), one LangChain seam;
- __main__.py: whole processes the benchmark times (`python -m assistant.bench.peer build|ask|
  update|score`);
- measure.py: the bench side: a build cached by the corpus's content, an edit, cold processes;
- score.py: the peer scored with the project's own scorers (assistant/evaluate/), as the upper
  bound of a perfect LLM reading its four passages.
"""
