"""GET /docs: the OpenAPI description as one self-contained page.

FastAPI's Swagger UI loads its scripts from a CDN; this page needs nothing beyond the server,
and links the machine-readable schema at /openapi.json.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from assistant.web.render import GUIDE_PAGE_CSP
from assistant.web.render import PAGE as PAGE_TEMPLATE

DOCS_CSP = GUIDE_PAGE_CSP
DOCS_CSS = """
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
.op { border: 1px solid #d1d9e0; border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; }
.method { display: inline-block; min-width: 4.5rem; font-weight: 700; color: #0a5bd3; }
code, pre { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: #f6f8fa; padding: .75rem; overflow-x: auto; border-radius: 4px; }
details summary { cursor: pointer; color: #59636e; }
"""


def _schema_block(label: str, schema: Any) -> str:
    if not schema:
        return ""
    text = escape(json.dumps(schema, indent=2))
    return f"<details><summary>{escape(label)}</summary><pre>{text}</pre></details>"


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    content: dict[str, Any] = op.get("requestBody", {}).get("content", {})
    first: dict[str, Any] = next(iter(content.values()), {})
    request = first.get("schema")
    responses: dict[str, Any] = op.get("responses", {})
    statuses = ", ".join(escape(code) for code in responses)
    ok = next((r.get("description", "") for c, r in responses.items() if c.startswith("2")), "")
    if ok and ok != "Successful Response":
        statuses += f"<br>{escape(ok)}"
    return (f"<div class=\"op\"><p><span class=\"method\">{escape(method.upper())}</span>"
            f"<code>{escape(path)}</code> — {escape(op.get('summary', ''))}</p>"
            f"<p>{escape(op.get('description', ''))}</p><p>Responses: {statuses}</p>"
            f"{_schema_block('Request body', request)}</div>")


def docs_page(openapi: dict[str, Any]) -> str:
    """Endpoints with summaries, statuses and request schemas, plus the component schemas."""
    info = openapi.get("info", {})
    ops = [_operation(path, method, op) for path, item in openapi.get("paths", {}).items()
           for method, op in item.items()]
    schemas = openapi.get("components", {}).get("schemas", {})
    body = [f"<h1>{escape(info.get('title', 'API'))} <small>{escape(info.get('version', ''))}"
            "</small></h1>",
            f"<p>{escape(info.get('description', ''))}</p>",
            "<p>Machine-readable schema: <a href=\"/openapi.json\">/openapi.json</a></p>",
            *ops, "<h2>Schemas</h2>",
            *(_schema_block(name, schema) for name, schema in schemas.items())]
    return PAGE_TEMPLATE.format(title="API docs", css=DOCS_CSS, body="\n".join(body))
