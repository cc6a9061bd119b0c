"""The web app's guard: loopback hosts, sessions, login, CSRF, upload caps and safe headers.

One pure-ASGI middleware (``Guard``) runs before every request: it refuses unknown Host
headers while the app is private to this machine (a defence against DNS rebinding), reads
or starts the signed session cookie, asks for the login when a token is set, caps request
bodies and adds the security headers (a Content-Security-Policy without inline scripts).
The per-session CSRF token is checked by the ``require_csrf`` dependency that every router
carries: a form sends it as the ``csrf_token`` field, JavaScript as the ``X-CSRF-Token``
header. Scripts that call ``/api`` from outside a browser need neither cookie nor CSRF
token (no browser means no cross-site forgery); with a token set they send
``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import quote

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from netprep.errors import NetprepError

COOKIE = "netprep_session"
SESSION_DAYS = 14
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
OPEN_PATHS = ("/login", "/static/")
"""Paths anyone may reach before logging in."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class Forbidden(NetprepError):
    """A request the guard refuses: a missing or stale CSRF token, a foreign origin."""

    exit_code = 1


@dataclass
class Session:
    """What the signed cookie carries: a CSRF token, whether logged in, when issued."""

    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    auth: bool = False
    issued: int = field(default_factory=lambda: int(time.time()))
    fresh: bool = True


class Signer:
    """Signs and checks session cookies with HMAC-SHA256."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _mac(self, payload: bytes) -> str:
        digest = hmac.new(self.secret, payload, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def dump(self, session: Session) -> str:
        data = {"c": session.csrf, "a": int(session.auth), "t": session.issued}
        payload = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
        return f"{payload}.{self._mac(payload.encode())}"

    def load(self, value: str | None) -> Session | None:
        """The session in a cookie value, or None when it is forged, broken or too old."""
        if not value or "." not in value:
            return None
        payload, _, mac = value.rpartition(".")
        if not hmac.compare_digest(mac, self._mac(payload.encode())):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            session = Session(csrf=str(data["c"]), auth=bool(data["a"]), issued=int(data["t"]))
        except (ValueError, KeyError, TypeError):
            return None
        if time.time() - session.issued > SESSION_DAYS * 86400:
            return None
        session.fresh = False
        return session


@dataclass(frozen=True)
class GuardConfig:
    signer: Signer
    token: str | None
    loopback_only: bool
    max_body: int
    signed_out: Callable[[], int] = lambda: 0
    """When the owner last logged out (Unix seconds): sessions logged in before are void,
    in every browser, so a cookie copied before a logout opens nothing after it."""


class BodyTooLarge(Exception):
    pass


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}


def host_name(host_header: str) -> str:
    """The host part of a Host header: "127.0.0.1:8000" -> "127.0.0.1", "[::1]:80" -> "[::1]"."""
    if host_header.startswith("["):
        return host_header.partition("]")[0] + "]"
    return host_header.rsplit(":", 1)[0] if ":" in host_header else host_header


def bearer_ok(headers: dict[str, str], token: str | None) -> bool:
    given = headers.get("authorization", "")
    if not token or not given.lower().startswith("bearer "):
        return False
    return hmac.compare_digest(given[7:].strip().encode(), token.encode())


def from_browser(headers: dict[str, str]) -> bool:
    """Whether a request comes from a web page, which could be forged by another site."""
    content_type = headers.get("content-type", "").lower()
    return (
        COOKIE in headers.get("cookie", "")
        or "origin" in headers
        or "sec-fetch-site" in headers
        or content_type.startswith(FORM_TYPES)
    )


class Guard:
    """Pure-ASGI middleware in front of the whole app (see the module docstring)."""

    def __init__(self, app: ASGIApp, config: GuardConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        config = self.config
        if config.loopback_only and host_name(headers.get("host", "")) not in LOOPBACK_HOSTS:
            await _plain(send, 421, "This netprep listens for localhost only.")
            return
        cookie = SimpleCookie(headers.get("cookie", ""))
        session = config.signer.load(cookie[COOKIE].value if COOKIE in cookie else None)
        session = session or Session()
        if session.auth and session.issued < config.signed_out():
            session.auth = False
        state = scope.setdefault("state", {})
        state["session"] = session
        state["script"] = bearer_ok(headers, config.token)
        path: str = scope["path"]
        if (
            config.token
            and not (session.auth or state["script"])
            and not path.startswith(OPEN_PATHS)
        ):
            await self._ask_login(scope, send, session)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > config.max_body:
            await _plain(send, 413, _too_large(config.max_body))
            return
        await self._forward(scope, receive, send, session)

    async def _forward(self, scope: Scope, receive: Receive, send: Send, session: Session) -> None:
        limit = self.config.max_body
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = self._response_headers(message, scope, session)
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except BodyTooLarge:
            if not started:
                await _plain(send, 413, _too_large(limit))

    def _response_headers(
        self, message: Message, scope: Scope, session: Session
    ) -> list[tuple[bytes, bytes]]:
        out = [*message.get("headers", []), *HEADERS]
        if not scope["path"].startswith("/static/"):
            out.append((b"cache-control", b"no-store"))
        fresh = session.fresh and not scope["path"].startswith(("/api", "/static/"))
        if fresh or scope["state"].get("session_changed"):
            out.append((b"set-cookie", self.cookie(session, scope).encode("latin-1")))
        return out

    def cookie(self, session: Session, scope: Scope) -> str:
        """The session cookie; marked Secure when the page came over HTTPS (behind a TLS
        proxy), so it never travels in clear text from then on."""
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        value = self.config.signer.dump(session)
        age = SESSION_DAYS * 86400
        return f"{COOKIE}={value}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax{secure}"

    async def _ask_login(self, scope: Scope, send: Send, session: Session) -> None:
        extra = [(b"set-cookie", self.cookie(session, scope).encode("latin-1")), *HEADERS]
        if scope["path"].startswith("/api") or scope["method"] != "GET":
            await _plain(send, 401, "Log in first: this netprep asks for its access code.", extra)
            return
        target = scope["path"] + (
            ("?" + scope["query_string"].decode()) if scope["query_string"] else ""
        )
        location = "/login?next=" + quote(target, safe="")
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [(b"location", location.encode()), *extra],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _too_large(limit: int) -> str:
    return f"The upload is larger than the limit of {limit // (1024 * 1024)} MB."


async def _plain(
    send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps({"error": text}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": headers + (extra or [])}
    )
    await send({"type": "http.response.body", "body": body})


# -- used by routes ---------------------------------------------------------------------
def session_of(request: Request) -> Session:
    session: Session = request.state.session
    return session


def csrf_token(request: Request) -> str:
    return session_of(request).csrf


async def require_csrf(request: Request) -> None:
    """Every unsafe request from a browser carries the session's CSRF token."""
    if request.method not in UNSAFE_METHODS:
        return
    headers = {k.lower(): v for k, v in request.headers.items()}
    if request.state.script or not from_browser(headers):
        return
    given = request.headers.get("x-csrf-token")
    if given is None and headers.get("content-type", "").startswith(FORM_TYPES[:2]):
        form = await request.form()
        value = form.get("csrf_token")
        given = value if isinstance(value, str) else None
    session = session_of(request)
    if session.fresh or not given or not hmac.compare_digest(given, session.csrf):
        raise Forbidden(
            "This form has expired or did not come from netprep; reload the page and try again."
        )


class LoginThrottle:
    """Wrong access codes are counted: after MAX_FAILURES within WINDOW_S, no login is
    tried (not even the right code) until the window has passed, so a guesser gets a
    handful of tries a minute however many requests it sends at once."""

    MAX_FAILURES = 10
    WINDOW_S = 60.0

    def __init__(self) -> None:
        self._failures: list[float] = []
        self._lock = threading.Lock()

    def _recent(self, now: float) -> list[float]:
        self._failures = [t for t in self._failures if now - t < self.WINDOW_S]
        return self._failures

    def wait_s(self) -> int:
        """Seconds until a login may be tried again (0: now)."""
        now = time.monotonic()
        with self._lock:
            recent = self._recent(now)
            if len(recent) < self.MAX_FAILURES:
                return 0
            return max(1, int(self.WINDOW_S - (now - recent[0])) + 1)

    def failed(self) -> None:
        with self._lock:
            self._recent(time.monotonic()).append(time.monotonic())


def login(request: Request, token: str | None, given: str) -> bool:
    """Log the session in when ``given`` is the token; a new CSRF token goes with it."""
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        return False
    session = session_of(request)
    session.auth = True
    session.csrf = secrets.token_urlsafe(24)
    session.issued = int(time.time())
    request.state.session_changed = True
    return True


def logout(request: Request) -> None:
    session = session_of(request)
    session.auth = False
    session.csrf = secrets.token_urlsafe(24)
    request.state.session_changed = True


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def derive_key(stored_secret: str, token: str | None) -> bytes:
    """The signing key: the stored secret, bound to the token so that changing it logs
    everyone out."""
    return hashlib.sha256(f"{stored_secret}\x00{token or ''}".encode()).digest()
