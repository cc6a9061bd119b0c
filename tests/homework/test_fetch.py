"""Fetching is safe: public addresses only (on every hop), capped size and time, robots.txt."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable

import pytest

from netprep.errors import FetchError
from netprep.homework.fetch import Fetcher, Limits, Refused, refusal
from tests.homework.sites import Sites

MakeFetcher = Callable[..., Fetcher]


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("169.254.10.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "reserved"),
        ("240.0.0.1", "reserved"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.1.20", "private"),
        ("172.16.5.5", "private"),
        ("fd12:3456::1", "private"),
        ("::ffff:169.254.169.254", "cloud metadata"),
        ("::ffff:127.0.0.1", "loopback"),
        ("64:ff9b::a9fe:a9fe", "cloud metadata"),
        ("2002:7f00:1::", "loopback"),
        ("100.64.0.1", "non-public"),
    ],
)
def test_non_public_addresses_are_refused(address: str, reason: str) -> None:
    assert reason in (refusal(ipaddress.ip_address(address)) or "")


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5", "8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


def test_the_opt_in_admits_loopback_only() -> None:
    for address in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
        assert refusal(ipaddress.ip_address(address), allow_private=True) is None
    for address in ("10.0.0.1", "fd12::1", "192.168.1.20", "169.254.169.254", "fd00:ec2::254"):
        assert refusal(ipaddress.ip_address(address), allow_private=True)
    for address in ("169.254.1.1", "224.0.0.1"):
        assert refusal(ipaddress.ip_address(address), allow_private=True)


def test_a_host_resolving_to_loopback_is_refused_without_the_opt_in(
    sites: Sites, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NETPREP_ALLOW_PRIVATE_FETCH")
    url = sites.url("consultant").replace("127.0.0.1", "localhost")
    with Fetcher() as fetcher, pytest.raises(Refused) as caught:
        fetcher.fetch(url)
    message = caught.value.message
    assert "localhost resolves to" in message
    assert "loopback address" in message
    assert "only public addresses" in message


def test_a_resolver_hook_name_is_pinned_to_the_checked_address(sites: Sites) -> None:
    """The connection goes to the address that was checked, not to a second DNS answer:
    "quill-seo.example" exists only in the hook, yet the page arrives."""
    port = sites.servers["consultant"].server_address[1]
    calls: list[str] = []

    def resolver(host: str, _port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    with Fetcher(resolver=resolver, allow_private=True) as fetcher:
        page = fetcher.fetch(f"http://quill-seo.example:{port}/services")
    assert b"Review strategy workshop" in page.body
    assert "quill-seo.example" in calls
    with Fetcher(resolver=resolver, allow_private=False) as fetcher, pytest.raises(Refused) as no:
        fetcher.fetch(f"http://quill-seo.example:{port}/services")
    assert "quill-seo.example resolves to 127.0.0.1, a loopback address" in no.value.message


def test_a_resolver_that_never_answers_fails_the_page_not_the_run(sites: Sites) -> None:
    """A DNS lookup that hangs is given up after the connect limit, with a clear message."""
    port = sites.servers["consultant"].server_address[1]
    answer = threading.Event()

    def hanging(_host: str, _port: int) -> list[str]:
        answer.wait(15)  # a resolver stuck far past the limit
        return ["127.0.0.1"]

    limits = Limits(connect_seconds=0.3)
    try:
        with (
            Fetcher(resolver=hanging, allow_private=True, limits=limits) as fetcher,
            pytest.raises(FetchError, match=r"slow-dns\.example: no answer from DNS"),
        ):
            fetcher.fetch(f"http://slow-dns.example:{port}/services")
    finally:
        answer.set()


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    mixed = Fetcher(resolver=lambda h, p: ["93.184.215.14", "10.0.0.5"], allow_private=False)
    with mixed as fetcher, pytest.raises(Refused, match=r"10\.0\.0\.5, a private address"):
        fetcher.fetch("http://mixed.example/")


def test_a_redirect_to_cloud_metadata_is_refused_even_with_the_opt_in(
    sites: Sites, fetcher: MakeFetcher
) -> None:
    with pytest.raises(Refused) as caught:
        fetcher().fetch(sites.url("hostile", "/to-metadata"))
    message = caught.value.message
    assert "169.254.169.254" in message
    assert "cloud metadata" in message
    assert "redirected from" in message


def test_a_redirect_to_a_file_is_refused(sites: Sites, fetcher: MakeFetcher) -> None:
    with pytest.raises(Refused, match="only http and https"):
        fetcher().fetch(sites.url("hostile", "/to-file"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"])
def test_other_schemes_are_refused(url: str, fetcher: MakeFetcher) -> None:
    with pytest.raises(Refused, match="only http and https"):
        fetcher().fetch(url)


def test_a_redirect_loop_stops_after_five_hops(sites: Sites, fetcher: MakeFetcher) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher().fetch(sites.url("hostile", "/loop"))


def test_a_50_mb_body_is_cut_at_2_mb_while_streaming(sites: Sites, fetcher: MakeFetcher) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="larger than 2 MB; stopped reading"):
        fetcher().fetch(sites.url("hostile", "/huge"))
    assert time.monotonic() - started < 2.0


def test_a_declared_50_mb_body_is_not_read_at_all(sites: Sites, fetcher: MakeFetcher) -> None:
    with pytest.raises(FetchError, match="larger than 2 MB; skipped"):
        fetcher().fetch(sites.url("hostile", "/huge-declared"))


def test_a_gzip_bomb_stops_at_2_mb_unpacked(sites: Sites, fetcher: MakeFetcher) -> None:
    with pytest.raises(FetchError, match="larger than 2 MB unpacked"):
        fetcher().fetch(sites.url("hostile", "/bomb"))


def test_a_slow_drip_is_abandoned_at_the_page_time_limit(
    sites: Sites, fetcher: MakeFetcher
) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="took too long"):
        fetcher(page_seconds=1.0).fetch(sites.url("hostile", "/drip"))
    assert time.monotonic() - started < 3.0


def test_robots_txt_is_honoured(sites: Sites, fetcher: MakeFetcher) -> None:
    with pytest.raises(FetchError, match=r"robots\.txt asks robots not to fetch"):
        fetcher().fetch(sites.url("consultant", "/private/notes.html"))
    assert fetcher().fetch(sites.url("consultant", "/services")).status == 200


def test_an_honest_user_agent_is_sent(fetcher: MakeFetcher) -> None:
    agent = fetcher().client.headers["User-Agent"]
    assert agent.startswith("netprep/") and "robots.txt" in agent


def test_limits_default_to_the_documented_caps() -> None:
    limits = Limits()
    assert (limits.max_bytes, limits.max_redirects) == (2_000_000, 5)
    assert limits.page_seconds <= 15 and limits.person_seconds <= 60 and limits.max_pages <= 25


ROBOTS = """User-agent: *
Disallow: /*.pdf$
Disallow: /private
Allow: /private/press
"""
OWN_GROUP = """User-agent: *
Disallow: /tmp/

User-agent: netprep
Disallow: /drafts
"""


@pytest.mark.parametrize(
    ("rules", "path", "allowed"),
    [
        (ROBOTS, "/cv.pdf", False),  # a wildcard and an end anchor
        (ROBOTS, "/cv.pdf?page=2", True),  # "$" ends the match: a query string is more
        (ROBOTS, "/private/notes", False),
        (ROBOTS, "/private/press/kit", True),  # the longest matching rule wins, Allow too
        (OWN_GROUP, "/drafts/essay", False),  # the group naming netprep is the one it obeys
        (OWN_GROUP, "/tmp/x", True),  # ... and only that group
    ],
)
def test_robots_txt_is_read_as_rfc_9309_says(rules: str, path: str, allowed: bool) -> None:
    from netprep.homework.fetch import ROBOTS_AGENT, robots_rules

    assert robots_rules(rules).can_fetch("https://kwame.example" + path, ROBOTS_AGENT) is allowed
