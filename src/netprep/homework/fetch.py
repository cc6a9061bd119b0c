"""Fetching public pages safely: public addresses only, pinned connections, size/time caps, robots.txt.

Every connection, on the first hop and on each redirect, goes through ``PinnedBackend``: it
resolves the host once, refuses the connection unless every address is public, and connects
to the very address it checked, so a DNS answer that changes between check and connect
(DNS rebinding) cannot slip a private address in. TLS still verifies the certificate
against the original host name. Redirects are followed by hand (at most five), bodies are
read as a stream and cut at 2 MB, and each page and each person has a wall-clock deadline,
so a server that drips one byte a second cannot hold netprep hostage.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from netprep import __version__, settings
from netprep.errors import FetchError

USER_AGENT = (
    f"netprep/{__version__} (personal networking assistant: reads a contact's public pages "
    "before a meeting, at its user's request; honours robots.txt)"
)
ROBOTS_AGENT = "netprep"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 500_000

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
"""Turns a host name and port into IP address strings (``socket.getaddrinfo`` by default)."""

CLOUD_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean...
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")


@dataclass(frozen=True)
class Limits:
    """How much homework may fetch: per response, per page and per person."""

    max_bytes: int = 2_000_000
    max_redirects: int = 5
    page_seconds: float = 10.0
    connect_seconds: float = 5.0
    person_seconds: float = 40.0
    max_pages: int = 20


class Refused(FetchError):
    """A URL netprep must not fetch: not http(s), or not a public address."""

    def __init__(self, reason: str, url: str | None = None, via: str | None = None) -> None:
        self.reason = reason
        where = ""
        if url:
            where = f"Refused {url}" + (f" (redirected from {via})" if via else "") + ": "
        super().__init__(where + reason)


def refusal(ip: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why netprep will not connect to ``ip`` (None when it may).

    ``allow_private`` (NETPREP_ALLOW_PRIVATE_FETCH, for tests against a server on this
    machine) lets loopback addresses through, and only those: a private network, cloud
    metadata, link-local, multicast and reserved addresses never pass.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return refusal(embedded, allow_private=allow_private)
    if ip in CLOUD_METADATA:
        return "a cloud metadata address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_loopback:
        return None if allow_private else "a loopback address"
    if ip.is_unspecified or ip.is_reserved or ip in _THIS_NETWORK:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "a non-public address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from the system resolver, in its order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"Cannot find the web server {host}: {exc}.") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


T = TypeVar("T")


def within(seconds: float | None, fn: Callable[[], T], late: str) -> T:
    """``fn()``, or FetchError(``late``) when it has not returned within ``seconds``. The
    call goes on in a daemon thread, which the process does not wait for at exit: the
    system resolver has no timeout of its own and can hang for half a minute."""
    if seconds is None:
        return fn()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(fn())
        except BaseException as exc:  # handed to the caller below
            failure.append(exc)

    worker = threading.Thread(target=run, name="netprep-resolve", daemon=True)
    worker.start()
    worker.join(seconds)
    if failure:
        raise failure[0]
    if not outcome:
        raise FetchError(late)
    return outcome[0]


class PinnedBackend(httpcore.NetworkBackend):
    """Connects only to checked public addresses, and to exactly the address it checked."""

    def __init__(self, resolver: Resolver, *, allow_private: bool) -> None:
        self.resolver = resolver
        self.allow_private = allow_private
        self.inner = httpcore.SyncBackend()

    def checked_addresses(self, host: str, port: int, timeout: float | None = None) -> list[str]:
        host = host.strip("[]")
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            found = within(
                timeout,
                lambda: self.resolver(host, port),
                f"Cannot find the web server {host}: no answer from DNS within {timeout or 0:g} s.",
            )
            addresses = [ipaddress.ip_address(a.split("%")[0]) for a in found]
        if not addresses:
            raise FetchError(f"Cannot find the web server {host}: no address.")
        for ip in addresses:
            reason = refusal(ip, allow_private=self.allow_private)
            if reason:
                where = f"{ip} is" if str(ip) == host else f"{host} resolves to {ip},"
                raise Refused(f"{where} {reason}; netprep fetches only public addresses.")
        return [str(ip) for ip in addresses]

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in self.checked_addresses(host, port, timeout):
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # try the next address (IPv6 may be down)
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise Refused("netprep does not fetch from local sockets.")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _CoreStream(httpx.SyncByteStream):
    def __init__(self, response: httpcore.Response) -> None:
        self.response = response

    def __iter__(self) -> Iterator[bytes]:
        yield from self.response.iter_stream()

    def close(self) -> None:
        self.response.close()


class PinnedTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool whose every connection is pinned and checked.

    Written against public httpcore API only (``HTTPTransport`` takes no network backend).
    No proxy is ever used: a proxy would connect on our behalf to unchecked addresses.
    """

    def __init__(self, backend: PinnedBackend) -> None:
        self.pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=backend,
            max_connections=8,
            keepalive_expiry=5.0,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        response = self.pool.handle_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_CoreStream(response),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self.pool.close()


@dataclass
class Fetched:
    """One response body, read within the limits."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    charset: str | None = None

    def text(self) -> str:
        return self.body.decode(self.charset or "utf-8", errors="replace")


def _decompress(raw: bytes, encoding: str, cap: int) -> bytes:
    """Undo gzip/deflate, never producing more than ``cap`` bytes (a zip bomb stops there)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj(zlib.MAX_WBITS if raw[:1] == b"\x78" else -zlib.MAX_WBITS)
    else:
        raise FetchError(f"the server sent an encoding netprep does not read ({encoding}).")
    try:
        out = decoder.decompress(raw, cap + 1)
    except zlib.error as exc:
        raise FetchError(f"the compressed body is damaged ({exc}).") from None
    if len(out) > cap:
        raise FetchError(f"the page is larger than {cap // 1_000_000} MB unpacked; skipped.")
    return out


@dataclass
class Fetcher:
    """Fetches pages for one round of homework, keeping robots.txt answers per site."""

    limits: Limits = field(default_factory=Limits)
    resolver: Resolver = system_resolver
    allow_private: bool | None = None
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        if self.allow_private is None:
            self.allow_private = settings.ALLOW_PRIVATE_FETCH.get() == "1"
        self.backend = PinnedBackend(self.resolver, allow_private=self.allow_private)
        self.client = httpx.Client(
            transport=PinnedTransport(self.backend),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self.robots: dict[str, Protego] = {}

    # -- public ------------------------------------------------------------------------
    def fetch(
        self, url: str, *, deadline: float | None = None, max_bytes: int | None = None
    ) -> Fetched:
        """GET ``url`` within the limits, following redirects by hand; raises FetchError."""
        page_deadline = time.monotonic() + self.limits.page_seconds
        deadline = page_deadline if deadline is None else min(deadline, page_deadline)
        return self._get(url, deadline, max_bytes or self.limits.max_bytes, obey_robots=True)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the work ------------------------------------------------------------------------
    def _get(self, url: str, deadline: float, cap: int, *, obey_robots: bool) -> Fetched:
        current = check_url(url)
        for hop in range(self.limits.max_redirects + 1):
            try:
                if obey_robots and not self._allowed(current, deadline):
                    raise FetchError(
                        f"{current}: the site's robots.txt asks robots not to fetch it."
                    )
                fetched, location = self._one(current, deadline, cap)
            except Refused as exc:
                raise Refused(exc.reason, current, url if hop else None) from None
            if location is None:
                fetched.url = url
                return fetched
            current = check_url(urljoin(current, location), redirected_from=url)
        raise FetchError(f"{url}: more than {self.limits.max_redirects} redirects; gave up.")

    def _one(self, url: str, deadline: float, cap: int) -> tuple[Fetched, str | None]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"{url}: out of time.")
        timeout = httpx.Timeout(remaining, connect=min(self.limits.connect_seconds, remaining))
        try:
            with self.client.stream("GET", url, timeout=timeout) as response:
                if response.status_code in REDIRECTS and "location" in response.headers:
                    return _empty(url, response), response.headers["location"]
                if response.status_code >= 400:
                    raise FetchError(f"{url}: the server answered {response.status_code}.")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"{url}: larger than {cap // 1_000_000} MB; skipped.")
                raw = self._read(url, response.iter_raw(), deadline, cap)
                body = _decompress(raw, response.headers.get("content-encoding", ""), cap)
                fetched = _empty(url, response)
                fetched.body = body
                return fetched, None
        except (httpcore.TimeoutException, httpx.TimeoutException):
            raise FetchError(f"{url}: the server took too long to answer.") from None
        except (httpcore.ConnectError, httpx.ConnectError) as exc:
            raise FetchError(f"{url}: cannot connect ({exc or 'refused'}).") from None
        except (httpcore.NetworkError, httpcore.ProtocolError, httpx.TransportError) as exc:
            raise FetchError(
                f"{url}: the connection failed ({exc or type(exc).__name__})."
            ) from None
        except FetchError as exc:
            if not isinstance(exc, Refused) and not exc.message.startswith(url):
                raise FetchError(f"{url}: {exc.message}") from None
            raise

    def _read(self, url: str, chunks: Iterator[bytes], deadline: float, cap: int) -> bytes:
        parts: list[bytes] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > cap:
                raise FetchError(f"larger than {cap // 1_000_000} MB; stopped reading.")
            if time.monotonic() > deadline:
                raise FetchError("the page took too long to arrive; stopped reading.")
            parts.append(chunk)
        return b"".join(parts)

    def _allowed(self, url: str, deadline: float) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._robots(origin, deadline)
        return bool(self.robots[origin].can_fetch(url, ROBOTS_AGENT))

    def _robots(self, origin: str, deadline: float) -> Protego:
        """robots.txt as RFC 9309 reads it (protego: wildcards, "$", the longest rule
        wins): 401/403 forbid all, other 4xx allow all, a server error forbids all; an
        unreachable site fails the fetch."""
        address = origin + "/robots.txt"
        try:
            fetched = self._get(address, deadline, ROBOTS_MAX_BYTES, obey_robots=False)
        except Refused:
            raise
        except FetchError as exc:
            status = _status_in(exc.message)
            if status is None:  # the site is unreachable: say so rather than blame robots.txt
                raise
            forbidden = status in (401, 403) or status >= 500
            return robots_rules("User-agent: *\nDisallow: /" if forbidden else "")
        return robots_rules(fetched.text())


def robots_rules(text: str) -> Protego:
    """A robots.txt's rules, read the way RFC 9309 says."""
    return Protego.parse(text)


def _empty(url: str, response: httpx.Response) -> Fetched:
    content_type = response.headers.get("content-type", "")
    mime, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    try:
        if charset:
            "".encode(charset)
    except LookupError:
        charset = None
    return Fetched(url, str(response.url), response.status_code, mime.strip().lower(), b"", charset)


def _status_in(message: str) -> int | None:
    marker = "the server answered "
    if marker in message:
        digits = message.split(marker, 1)[1][:3]
        return int(digits) if digits.isdigit() else None
    return None


def check_url(url: str, *, redirected_from: str | None = None) -> str:
    """The URL if netprep may ask for it at all (http or https, a host, no password)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"{url!r} is not a web address ({exc}).") from None
    if parsed.scheme not in ("http", "https"):
        raise Refused("netprep fetches only http and https addresses.", url, redirected_from)
    if not parsed.host:
        raise FetchError(f"{url!r} has no host name.")
    if parsed.userinfo:
        raise Refused("addresses with a password are never fetched.", url, redirected_from)
    return str(parsed)
