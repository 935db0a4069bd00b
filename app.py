"""Entry point for `python app.py` / `make run`: chat, JSON API and widget on one port.

    python app.py                      # http://127.0.0.1:7860
    python app.py --host 0.0.0.0 --port 8080

Flags win over ASSISTANT_HOST / ASSISTANT_PORT; the index comes from ASSISTANT_INDEX (or
--index), built with `assistant index`.
"""

from __future__ import annotations

from assistant.cli.admin import serve


def main() -> None:
    """Run `assistant serve` with this file's arguments."""
    serve.main(prog_name="app.py")


if __name__ == "__main__":
    main()
