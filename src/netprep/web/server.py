"""Serving the app with uvicorn: the address checks, the worker processes, the browser."""

from __future__ import annotations

import ipaddress
import os
import threading
import webbrowser
from typing import TYPE_CHECKING

from netprep.errors import InvalidInput

if TYPE_CHECKING:
    from pathlib import Path

    from fastapi import FastAPI

_LOOPBACK = "NETPREP_WEB_LOOPBACK_ONLY"
"""Set by ``serve`` for its worker processes: whether the app answers localhost only."""


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


MIN_TOKEN = 12
"""The shortest access code the login accepts: a short one is guessed in minutes."""


def check_address(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine unless a token guards the app, and refuse a
    token too short or blank to guard anything."""
    if token is not None and len(token.strip()) < MIN_TOKEN:
        raise InvalidInput(
            f"NETPREP_WEB_TOKEN is too short to guard the app: {len(token.strip())} characters"
            f" besides spaces; it needs {MIN_TOKEN} or more.",
            hint="A passphrase of a few words will do, or unset it to stay on this machine.",
        )
    if not is_loopback(host) and not token:
        raise InvalidInput(
            f"Refusing to listen on {host}: anyone who can reach it would see your network.",
            hint="Set NETPREP_WEB_TOKEN to a long secret first (the login asks for it), "
            "or keep the default --host 127.0.0.1.",
        )


def app_from_environment() -> FastAPI:
    """The app as each uvicorn worker builds it, from what ``serve`` put in the environment."""
    from netprep import settings
    from netprep.web.app import create_app

    return create_app(
        settings.db_path(),
        token=settings.WEB_TOKEN.get(),
        loopback_only=os.environ.get(_LOOPBACK, "1") == "1",
    )


def serve(
    db_path: Path, *, host: str, port: int, workers: int = 1, open_browser: bool = False
) -> None:
    """Run the web app until Ctrl-C (blocking)."""
    import uvicorn

    from netprep import settings
    from netprep.store import open_database

    token = settings.WEB_TOKEN.get()
    check_address(host, token)
    open_database(db_path).close()  # migrate once, before the workers start
    os.environ[settings.DB.env] = str(db_path)
    os.environ[_LOOPBACK] = "1" if is_loopback(host) else "0"
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    print(f"netprep is at {url}  (database {db_path}; Ctrl-C stops it)", flush=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, [url]).start()
    uvicorn.run(
        "netprep.web.server:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
    )
