"""Web fixtures: the app through TestClient, CSRF tokens from pages, a real uvicorn server."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from netprep.store import Database

DATA = Path(__file__).parent.parent / "data" / "web"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "web"
BASE = "http://127.0.0.1"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = _CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


class Browserless(TestClient):
    """A TestClient that posts forms the way a browser does: with the page's CSRF token."""

    def token(self, page: str = "/settings") -> str:
        return csrf_of(self.get(page).text)

    def submit(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        form = {"csrf_token": self.token(), **(data or {})}
        return self.post(url, data=form, follow_redirects=False, **kwargs)


@pytest.fixture
def make_client(db_path: Path) -> Iterator[Callable[..., Browserless]]:
    """Build a client on the test database (``token=`` turns the login on)."""
    from netprep.web.app import create_app

    clients: list[Browserless] = []

    def make(**options: Any) -> Browserless:
        client = Browserless(create_app(db_path, **options), base_url=BASE)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., Browserless]) -> Browserless:
    return make_client()


@pytest.fixture
def demo_db(db: Database) -> Database:
    """The bundled fictional network, dated to the tests' today."""
    from netprep.demo import load_demo
    from tests.conftest import TODAY

    load_demo(db, today=TODAY)
    return db


@pytest.fixture
def demo(demo_db: Database, client: Browserless) -> Browserless:
    return client


# -- a real server -------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen[bytes]


def start_server(
    db_path: Path, *, workers: int = 1, env: dict[str, str] | None = None
) -> LiveServer:
    """uvicorn serving the app on a free loopback port, as `netprep serve` runs it."""
    port = free_port()
    full_env = {**os.environ, "NETPREP_DB": str(db_path), **(env or {})}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "netprep.web.server:app_from_environment",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=full_env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            httpx.get(url + "/static/app.css", timeout=1)
            return LiveServer(url, process)
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the server did not start within 30 s")


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture
def live_server(db: Database) -> Iterator[LiveServer]:
    server = start_server(db.path)
    yield server
    stop_server(server)
