"""What the fixtures of tests/conftest.py hand out, importable by name (`conftest` is not:
each test folder's conftest.py is imported under that one module name)."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.corpus.model import CorpusResult, Guide

FIXTURE_LIBRARY = Path(__file__).resolve().parent / "fixtures" / "library"  # see its README
FIXTURE_TODAY = date(2026, 3, 1)  # before the fixture guides' next_review_due: no freshness note


def is_loopback(host: object) -> bool:
    """True for 'localhost', 127.0.0.0/8 and ::1 (also IPv4-mapped); False for any other name."""
    name = (host.decode() if isinstance(host, bytes) else str(host)).strip("[]").rstrip(".")
    if name.lower() == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(name.partition("%")[0])
    except ValueError:
        return False  # a host name other than localhost: never resolved, never allowed
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def refusal(addresses: list[str]) -> str:
    """The failure message naming the addresses a test tried to reach."""
    return (f"test opened a network connection to {', '.join(addresses)}; tests may only "
            "connect to loopback (127.0.0.0/8, ::1, localhost) or AF_UNIX")


@dataclass
class NetworkGuard:
    """The addresses a test tried to reach beyond loopback, as "host:port"."""

    blocked: list[str] = field(default_factory=list)

    def check(self, family: int, address: Any) -> None:
        """Fail the test when an AF_INET/AF_INET6 `address` is not loopback."""
        if family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
            return  # AF_UNIX paths, socketpairs and netlink are not the network
        if not is_loopback(address[0]):
            where = f"{address[0]}:{address[1]}" if len(address) > 1 else str(address[0])
            self.blocked.append(where)
            pytest.fail(refusal([where]), pytrace=False)


@dataclass(frozen=True)
class RealLibrary:
    """The real library parsed once: its guides root and its articles root, read apart."""

    guides: CorpusResult  # read_corpus([guides_root]): 4,466 guides and the 4 research dossiers
    articles: CorpusResult  # read_corpus([shared_corpus / "articles"])
    seconds: float  # how long the guides took to read

    @property
    def all_guides(self) -> list[Guide]:
        """Guides then articles: what read_corpus([guides, articles]).guides holds."""
        return [*self.guides.guides, *self.articles.guides]
