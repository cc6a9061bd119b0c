"""schemathesis against /api's OpenAPI schema: generated requests never cause a server error.

The app runs on the demo network in a temporary folder; each generated request goes through
the whole stack (guard, routes, library, SQLite), in-process. Requests are sent with
Starlette's httpx-based TestClient rather than schemathesis' own requests-based transport:
caldav's urllib3-future replaces urllib3 in this venv (through its .pth file), and
requests' connection bookkeeping in schemathesis then fails before any request is sent.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from netprep.demo import load_demo
from netprep.store import open_database
from netprep.web.app import create_app

TODAY = date(2026, 11, 26)
_DB = Path(tempfile.mkdtemp(prefix="netprep-schemathesis-")) / "netprep.db"
with open_database(_DB) as _db:
    load_demo(_db, today=TODAY)
APP = create_app(_DB, today=lambda: TODAY)
CLIENT = TestClient(APP, base_url="http://127.0.0.1")
schema = schemathesis.openapi.from_dict(CLIENT.get("/api/openapi.json").json())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def send(case: schemathesis.Case) -> httpx.Response:
    """The generated request, sent the way a script would (no browser session)."""
    kwargs: dict[str, Any] = case.as_transport_kwargs(base_url="http://127.0.0.1")
    body: dict[str, Any] = {}
    if "json" in kwargs:
        body["json"] = kwargs["json"]
    elif kwargs.get("data") is not None:
        body["content"] = kwargs["data"]
    CLIENT.cookies.clear()
    return CLIENT.request(
        kwargs["method"],
        kwargs["url"],
        params=kwargs.get("params"),
        headers=kwargs.get("headers"),
        **body,
    )


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,
)
def test_api_never_fails_on_generated_requests(case: schemathesis.Case) -> None:
    case.validate_response(send(case), checks=CHECKS)
