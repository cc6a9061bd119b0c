"""The demo network for the brief's tests, loaded once, with today fixed at 2026-11-26."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from netprep.demo import demo_network, load_demo
from netprep.store import Database, open_database
from tests.conftest import TODAY

DEMO_KEYS = [p.id for p in demo_network(TODAY).people if p.id]
GOLDEN = Path(__file__).parent.parent / "data" / "brief"
ARTIFACTS = Path(__file__).parents[2] / "artifacts" / "brief"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo network, shared by the tests that only read it (the ideas engine caches
    phrase embeddings in it, so it is worth keeping between tests)."""
    db = open_database(tmp_path_factory.mktemp("brief") / "demo.db")
    load_demo(db, today=TODAY)
    yield db
    db.close()


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def pdf_text(data: bytes) -> str:
    """The PDF's text with all whitespace folded to single spaces (lines wrap anywhere)."""
    from pypdf import PdfReader

    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())
