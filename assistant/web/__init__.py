"""Web edge: FastAPI JSON API, Gradio chat and the embeddable widget."""
