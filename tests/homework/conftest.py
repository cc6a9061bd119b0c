"""Homework fixtures: the fictional sites on a local server, and a person who has them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from netprep.homework.fetch import Fetcher, Limits
from tests.homework.sites import Sites, running_sites


@pytest.fixture(scope="session")
def sites() -> Iterator[Sites]:
    with running_sites() as running:
        yield running


@pytest.fixture(autouse=True)
def _allow_local(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sites live on 127.0.0.1: tests opt in to private addresses (one test opts out)."""
    monkeypatch.setenv("NETPREP_ALLOW_PRIVATE_FETCH", "1")


@pytest.fixture
def fetcher() -> Callable[..., Fetcher]:
    """A fetcher with short time limits, so hostile pages fail fast."""
    made: list[Fetcher] = []

    def make(**limits: float) -> Fetcher:
        chosen = Limits(**{"page_seconds": 2.0, "person_seconds": 8.0, **limits})  # type: ignore[arg-type]
        made.append(Fetcher(limits=chosen))
        return made[-1]

    yield make  # type: ignore[misc]
    for f in made:
        f.close()
