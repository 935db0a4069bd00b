"""The lexicon is never optional: every function and dataclass field that takes one takes one.

A `Lexicon | None` invites a fallback in each function that receives it (three different ones
once lived here), and a caller that forgets the lexicon then gets answers that quietly differ.
Tests pass the real lexicon (.models/lexicon.sqlite) or the fake (assistant/places/fake.py).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"
OPTIONAL = re.compile(r"\bLexicon\s*\|\s*None\b|\bNone\s*\|\s*Lexicon\b|Optional\[Lexicon\]")


def optional_lexicons(source: str, where: str) -> list[str]:
    """`where:function` for each parameter, and `where:Class.field` for each class-level field,
    whose annotation lets the lexicon be missing (a return type may say so: it is no input)."""
    found: list[str] = []

    def visit(node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = scope
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{scope}.{child.name}" if scope else child.name
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                args = [*child.args.posonlyargs, *child.args.args, *child.args.kwonlyargs,
                        *filter(None, [child.args.vararg, child.args.kwarg])]
                if any(a.annotation is not None and OPTIONAL.search(ast.unparse(a.annotation))
                       for a in args):
                    found.append(f"{where}:{name}")
            elif isinstance(child, ast.AnnAssign) and isinstance(node, ast.ClassDef) \
                    and OPTIONAL.search(ast.unparse(child.annotation)):
                found.append(f"{where}:{scope}.{ast.unparse(child.target)}")
            visit(child, name)

    visit(ast.parse(source), "")
    return found


def test_no_signature_in_the_package_takes_an_optional_lexicon() -> None:
    found = [hit for path in sorted(PACKAGE.rglob("*.py"))
             for hit in optional_lexicons(path.read_text(encoding="utf-8"),
                                          str(path.relative_to(PACKAGE)))]
    assert found == []


def test_the_check_sees_parameters_fields_and_both_spellings() -> None:
    source = ("class Tools:\n    lexicon: Lexicon | None\n"
              "def f(a: int, lexicon: Optional[Lexicon] = None) -> None: ...\n"
              "class R:\n    def __init__(self, *, lexicon: None | Lexicon) -> None: ...\n"
              "def ok(lexicon: Lexicon) -> Lexicon | None: ...\n")
    assert optional_lexicons(source, "m.py") == ["m.py:Tools.lexicon", "m.py:f",
                                                 "m.py:R.__init__"]
