"""Writing the index: plan what changed (plan.py), embed and write it (write.py), commit it.

`builder.build_index` is the entry point; `writer.py` overlaps Chroma's inserts with embedding.
"""
