"""The autouse network guard of tests/conftest.py: beyond loopback fails, loopback passes."""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest_support import NetworkGuard, is_loopback

HERE = Path(__file__).resolve().parent
OUTSIDE = ("10.255.255.1", 9)  # a private, non-routed address: never reached, guard or not


def _connect(address: tuple[str, int]) -> None:
    with socket.socket(socket.AF_INET6 if ":" in address[0] else socket.AF_INET) as s:
        s.settimeout(0.2)
        s.connect(address)


def _connect_ex(address: tuple[str, int]) -> None:
    with socket.socket() as s:
        s.settimeout(0.2)
        s.connect_ex(address)


def _create_connection(address: tuple[str, int]) -> None:
    socket.create_connection(address, timeout=0.2).close()


WAYS: list[Callable[[tuple[str, int]], None]] = [_connect, _connect_ex, _create_connection]


@pytest.mark.parametrize("way", WAYS, ids=lambda w: w.__name__.strip("_"))
def test_a_connection_beyond_loopback_fails_naming_the_address(
        way: Callable[[tuple[str, int]], None], no_network: NetworkGuard) -> None:
    with pytest.raises(pytest.fail.Exception, match=r"10\.255\.255\.1:9\b"):
        way(OUTSIDE)
    assert no_network.blocked == ["10.255.255.1:9"]
    no_network.blocked.clear()  # seen here on purpose: the teardown must not fail this test


@pytest.mark.parametrize("address", [("2001:db8::1", 443), ("example.com", 80)])
def test_ipv6_and_host_names_are_refused_before_any_look_up(
        address: tuple[str, int], no_network: NetworkGuard) -> None:
    with pytest.raises(pytest.fail.Exception, match=f"{address[0]}:{address[1]}"):
        (_create_connection if address[0] == "example.com" else _connect)(address)
    no_network.blocked.clear()


@pytest.fixture()
def loopback_server() -> Iterator[int]:
    """A TCP listener on 127.0.0.1 accepting whatever connects; yields its port."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server.getsockname()[1]


def test_loopback_connections_pass(loopback_server: int, no_network: NetworkGuard) -> None:
    for host in ("127.0.0.1", "localhost"):
        socket.create_connection((host, loopback_server), timeout=2).close()
    with socket.socket() as s:
        s.connect(("127.0.0.1", loopback_server))
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", loopback_server)) == 0
    assert no_network.blocked == []


def test_unix_sockets_pass(no_network: NetworkGuard) -> None:
    with tempfile.TemporaryDirectory() as tmp:  # short: AF_UNIX paths are capped near 108 bytes
        path = str(Path(tmp) / "s")
        with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
            server.bind(path)
            server.listen()
            client.connect(path)
    assert no_network.blocked == []


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.255.0.9", True), ("::1", True), ("[::1]", True),
    ("::ffff:127.0.0.1", True), ("localhost", True), ("LOCALHOST.", True),
    ("10.255.255.1", False), ("0.0.0.0", False), ("192.168.1.1", False), ("::", False),
    ("2001:db8::1", False), ("localhost.example.com", False), ("example.com", False),
])
def test_what_counts_as_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_connection_swallowed_or_made_in_a_thread_still_fails_the_test(
        pytester: pytest.Pytester) -> None:
    pytester.makeconftest((HERE / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(conftest_support=(HERE / "conftest_support.py").read_text("utf-8"))
    pytester.makepyfile(test_inner=f"""
        import socket, threading

        def _reach():
            try:
                socket.create_connection({OUTSIDE!r}, timeout=0.2)
            except BaseException:
                pass  # code under test that swallows every failure

        def test_swallowed():
            _reach()

        def test_in_a_thread():
            t = threading.Thread(target=_reach)
            t.start()
            t.join()

        def test_loopback_only():
            with socket.create_server(("127.0.0.1", 0)) as server:
                socket.create_connection(server.getsockname()).close()
        """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=3, errors=2)  # the two are failed by the guard's teardown
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_swallowed*",
                                 "*network connection to 10.255.255.1:9;*"])
