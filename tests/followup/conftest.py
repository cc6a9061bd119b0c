"""A small fictional network for the follow-up tests (today is Thursday 2026-11-26)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from netprep.models import Interaction, Network, NextStep, Person, Profile
from netprep.store import Database
from netprep.transfer import load
from tests.conftest import TODAY


def small_network() -> Network:
    return Network(
        me=Profile(name="Rosa Delgado", emails=["rosa@example.com"]),
        people=[
            Person(id="p-kevin", name="Kevin Okafor", emails=["kevin@example.com"]),
            Person(id="p-ana", name="Ana Silva"),
            Person(id="p-bruno", name="Bruno Costa", collaboration="pass"),
            Person(id="p-dana", name="Dana Lee"),
        ],
        interactions=[
            Interaction(id="i-1", person="p-ana", date=TODAY.replace(day=2), kind="meeting"),
            Interaction(id="i-2", person="p-bruno", date=TODAY.replace(day=3), kind="meeting"),
        ],
        next_steps=[
            NextStep(
                id="n-1",
                person="p-ana",
                interaction="i-1",
                owner="them",
                what="Send the workshop agenda",
                due=TODAY.replace(day=20),
            ),
        ],
    )


@pytest.fixture
def network(db: Database) -> Iterator[Database]:
    """The small network, loaded; yields the open database."""
    load(db, small_network(), today=TODAY)
    yield db


class TTYInput:
    """Standard input that says it is a terminal, fed with fixed lines."""

    def __init__(self, text: str) -> None:
        import io

        self._buffer = io.StringIO(text)

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._buffer, name)
