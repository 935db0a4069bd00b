"""Stage 2: Guide -> chunks -> embeddings -> the Chroma index (versioned, incremental)."""
