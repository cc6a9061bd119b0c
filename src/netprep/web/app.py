"""The application factory: ``create_app(db_path)`` wires the guard, pages, API and errors."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from netprep import errors
from netprep.store import Database, open_database
from netprep.web import security

HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
CACHE_KIB = 16 * 1024
"""SQLite's page cache for each of the app's connections."""

ERROR_STATUS: dict[type[errors.NetprepError], int] = {
    errors.NotFound: 404,
    errors.InvalidInput: 422,
    errors.Ambiguous: 409,
    errors.Conflict: 409,
    errors.DatabaseError: 503,
    errors.FetchError: 502,
    errors.Interrupted: 503,
    security.Forbidden: 403,
}
"""HTTP status of each error a user can cause; the message is the CLI's."""


@dataclass(frozen=True)
class WebConfig:
    """What the app was started with."""

    db_path: Path
    token: str | None
    loopback_only: bool
    max_upload: int
    today: Callable[[], date]


class SignOuts:
    """When the owner last logged out, as the guard asks it of every logged-in request:
    read from the database at most once a second, so every worker learns of a logout."""

    FRESH_S = 1.0

    def __init__(self, pool: DatabasePool) -> None:
        self.pool = pool
        self._at = 0
        self._read = -self.FRESH_S
        self._lock = threading.Lock()

    def __call__(self) -> int:
        from netprep.store.web import signed_out_at

        with self._lock:
            if time.monotonic() - self._read >= self.FRESH_S:
                db = self.pool.acquire()
                try:
                    self._at = signed_out_at(db.sql)
                finally:
                    self.pool.release(db)
                self._read = time.monotonic()
            return self._at

    def record(self, at: int) -> None:
        """Log out every browser: sessions logged in before ``at`` open nothing."""
        from netprep.store.search import raw_connection
        from netprep.store.web import sign_out

        db = self.pool.acquire()
        try:
            with db.write() as session:
                sign_out(raw_connection(session), at)
        finally:
            self.pool.release(db)
        with self._lock:
            self._at, self._read = at, time.monotonic()


class DatabasePool:
    """One open ``Database`` per concurrent request: sqlite3 connections are not shared."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: list[Database] = []
        self._all: list[Database] = []
        self._lock = threading.Lock()

    def acquire(self) -> Database:
        with self._lock:
            if self._idle:
                return self._idle.pop()
            db = Database(self.path)
            # A page cache that holds the name index and the search index's hot pages:
            # searches at 30,000 people take a fifth less time than with SQLite's 2 MB.
            db.sql.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._all.append(db)
            return db

    def release(self, db: Database) -> None:
        with self._lock:
            self._idle.append(db)

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
            self._idle.clear()


def status_of(exc: errors.NetprepError) -> int:
    for kind in type(exc).__mro__:
        if kind in ERROR_STATUS:
            return ERROR_STATUS[kind]
    return 400


def create_app(
    db_path: Path,
    *,
    token: str | None = None,
    loopback_only: bool = True,
    max_upload: int = MAX_UPLOAD_BYTES,
    today: Callable[[], date] | None = None,
) -> FastAPI:
    """The netprep web app on the database at ``db_path`` (created and migrated if needed).

    ``token`` turns on the login; ``loopback_only`` refuses requests addressed to any host
    but localhost (the CLI sets it from the address it listens on).
    """
    from netprep import settings
    from netprep.store.search import raw_connection
    from netprep.store.web import ensure_session_secret
    from netprep.web.rendering import make_templates
    from netprep.web.routes import ROUTERS

    db = open_database(db_path)
    try:
        with db.write() as session:
            stored = ensure_session_secret(raw_connection(session), security.new_secret())
    finally:
        db.close()

    config = WebConfig(
        db_path=db_path,
        token=token or None,
        loopback_only=loopback_only,
        max_upload=max_upload,
        today=today or settings.today,
    )
    pool = DatabasePool(db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    sign_outs = SignOuts(pool)
    app = FastAPI(
        lifespan=lifespan,
        title="netprep",
        summary="Your network: people, history, next steps and ideas, as JSON.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.config = config
    app.state.pool = pool
    app.state.sign_outs = sign_outs
    app.state.login_throttle = security.LoginThrottle()
    app.state.templates = make_templates(HERE / "templates")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _install_error_handlers(app)
    app.add_middleware(
        security.Guard,
        config=security.GuardConfig(
            signer=security.Signer(security.derive_key(stored, config.token)),
            token=config.token,
            loopback_only=loopback_only,
            max_body=max_upload,
            signed_out=sign_outs,
        ),
    )
    return app


def error_body(exc: errors.NetprepError) -> dict[str, Any]:
    body: dict[str, Any] = {"error": exc.message}
    if exc.hint:
        body["hint"] = exc.hint
    if isinstance(exc, errors.Ambiguous):
        body["candidates"] = [{"id": key, "label": label} for key, label in exc.candidates]
    return body


def _install_error_handlers(app: FastAPI) -> None:
    from netprep.web.rendering import render

    async def on_netprep_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, errors.NetprepError)
        status = status_of(exc)
        if request.url.path.startswith("/api"):
            return JSONResponse(error_body(exc), status_code=status)
        return render(request, "error.html", status=status, error=exc, body=error_body(exc))

    async def on_invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if request.url.path.startswith("/api"):
            # what was sent is not echoed: it may not even be text (a lone surrogate)
            shown = [{k: v for k, v in e.items() if k != "input"} for e in exc.errors()]
            return JSONResponse({"detail": jsonable(shown)}, status_code=422)
        problem = errors.InvalidInput(
            "Some of what was sent cannot be read: " + "; ".join(_describe(e) for e in exc.errors())
        )
        return render(request, "error.html", status=422, error=problem, body=error_body(problem))

    async def on_sqlite_error(request: Request, exc: Exception) -> Response:
        return await on_netprep_error(request, errors.DatabaseError(f"Database error: {exc}"))

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if request.url.path.startswith("/api") or exc.status_code != 404:
            return await http_exception_handler(request, exc)
        missing = errors.NotFound(
            "There is no such page in netprep.", hint="It may have moved; start again from Home."
        )
        return render(request, "error.html", status=404, error=missing, body=error_body(missing))

    app.add_exception_handler(errors.NetprepError, on_netprep_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    app.add_exception_handler(sqlite3.Error, on_sqlite_error)


def _describe(error: Any) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
    return f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid"))


def jsonable(value: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value, custom_encoder={BaseException: str})
