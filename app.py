"""Entry point for `python app.py` / `make run` (the web app lands with the web issue)."""

from __future__ import annotations


def main() -> None:
    """Explain how to use the assistant until the web app is served from here."""
    print("The index is built. Ask a question with:  .venv/bin/ask \"Alibaba Seattle sign-on?\"")


if __name__ == "__main__":
    main()
