"""Property tests (hypothesis): any bytes given to the guide reader give a Guide or lint
findings, never an escaping exception; any figure the money parser reads, rendered back and
parsed again, is the same figure."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.corpus.build import GuideParseError
from assistant.corpus.reader import read_guide_with_findings
from assistant.money.cells import parse_amount_range
from assistant.money.format import format_range

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "corpus" / "guides" / "alibaba" / "ml-ai-engineer.md").read_text("utf-8")
FRONT, BODY = SAMPLE.split("\n---\n", 1)


def _read(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acme" / "software-engineer.md"
        path.parent.mkdir()
        path.write_bytes(data)
        try:
            guide, findings = read_guide_with_findings(path, Path(tmp))
        except GuideParseError as exc:
            assert exc.findings and all(f.code for f in exc.findings)
            return
        assert guide.id and all(f.code for f in findings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_any_bytes_are_a_guide_or_findings(data: bytes) -> None:
    _read(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.text(max_size=400), st.integers(0, len(FRONT)))
def test_a_real_guide_with_text_spliced_in_is_a_guide_or_findings(front: str, body: str,
                                                                 at: int) -> None:
    spliced = FRONT[:at] + front + FRONT[at:] + "\n---\n" + body + BODY
    _read(spliced.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["YAML: [unclosed", "a: &x [*x, *x]", "!!python/object:os.system {}",
                        "compensation: 7", "company: [1, 2]", "\x00\x01", "---", "|\n  -"]),
       st.integers(0, len(FRONT)))
def test_hostile_yaml_fragments_are_findings(fragment: str, at: int) -> None:
    _read((FRONT[:at] + "\n" + fragment + "\n" + FRONT[at:] + "\n---\n" + BODY).encode())


_CURRENCY = st.sampled_from(["$", "£", "€", "₹", "S$", "A$", "C$", "HK$", "R$", "CNY ", "SEK ",
                             "JPY ", "CHF ", "USD "])


@st.composite
def figures(draw: st.DrawFn) -> str:
    """A figure written as the guides write them: "$165K", "£85.5K–£120K", "₹38L", "CNY 1.6M"."""
    symbol = draw(_CURRENCY)
    suffixes = ["L", "Cr", ""] if symbol == "₹" else ["K", "M", ""]
    suffix = draw(st.sampled_from(suffixes))
    def number() -> str:
        whole = draw(st.integers(1, 999) if suffix else st.integers(10_000, 9_999_999))
        cents = draw(st.sampled_from(["", ".5", ".25", ".1"])) if suffix else ""
        return f"{whole:,}{cents}" if not suffix else f"{whole}{cents}"
    low = f"{symbol}{number()}{suffix}"
    if draw(st.booleans()):
        return low
    return f"{low}–{symbol}{number()}{suffix}"


@settings(max_examples=300, deadline=None)
@given(figures())
def test_a_parsed_figure_renders_back_to_itself(text: str) -> None:
    first = parse_amount_range(text)
    assert first is not None, text
    again = parse_amount_range(format_range(first.low, first.high, first.unit))
    assert again is not None
    assert (again.low, again.high, again.unit) == (first.low, first.high, first.unit), text
