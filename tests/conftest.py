"""Shared fixtures: an empty database, a command-line runner, a person factory, a fixed today."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netprep.models import Person
from netprep.store import Database, open_database

pytest_plugins = ["tests.radicale"]

TODAY = date(2026, 11, 26)

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, which `make test` installs; Playwright's own download can't work here."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test gets its own database path and a fixed today; no test touches ~/."""
    monkeypatch.setenv("NETPREP_DB", str(tmp_path / "netprep.db"))
    monkeypatch.setenv("NETPREP_TODAY", TODAY.isoformat())
    monkeypatch.setenv("COLUMNS", "120")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "netprep.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run a netprep command line in-process: cli("people --search zoe") or cli("add", name)."""
    from netprep.cli import run

    def invoke(*args: str, input: str | None = None) -> Result:
        argv = shlex.split(args[0]) if len(args) == 1 else list(args)
        if input is not None:
            import io
            import sys

            sys.stdin = io.StringIO(input)
        capsys.readouterr()
        code = run(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def make_person() -> Callable[..., Person]:
    """A fictional person; keyword arguments override any field."""
    counter = iter(range(1, 10_000))

    def factory(**fields: Any) -> Person:
        n = next(counter)
        fields.setdefault("name", f"Test Person {n}")
        return Person(**fields)

    return factory


def write_network(path: Path, **parts: Any) -> Path:
    """An exchange file with the given parts (me defaults to a fictional owner)."""
    doc = {"format": "netprep/1", "me": {"name": "Rosa Delgado"}, **parts}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
