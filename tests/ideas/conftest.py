"""Fixtures for the ideas engine: a small fictional network, in memory and in a database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netprep.ideas.similarity import Matcher, PhraseVectors

NETWORK: dict[str, Any] = {
    "format": "netprep/1",
    "me": {
        "name": "Rosa Delgado",
        "headline": "Owner and head baker at a neighbourhood bakery",
        "expertise": ["sourdough fermentation", "running a small retail kitchen"],
        "needs": ["get found on Google", "help keeping my books"],
        "audiences": ["neighborhood coffee shops"],
        "offers": ["pastry platters for office events"],
        "interests": ["bouldering"],
        "knows": ["p-lena-fischer", "p-daniel-reyes"],
    },
    "people": [
        {
            "id": "p-kevin-okafor",
            "name": "Kevin Okafor",
            "headline": "Independent SEO consultant for local businesses",
            "expertise": ["search engine optimization", "website speed audits"],
            "needs": ["catering for client workshops", "a bookkeeper for my consulting business"],
            "wanted_audiences": ["cafés and restaurants"],
            "interests": ["rock climbing"],
        },
        {
            "id": "p-lena-fischer",
            "name": "Lena Fischer",
            "headline": "CPA for restaurants and food businesses",
            "expertise": ["tax preparation for small businesses", "bookkeeping"],
        },
        {
            "id": "p-daniel-reyes",
            "name": "Daniel Reyes",
            "headline": "Java backend engineer",
            "expertise": ["Java and Spring Boot microservices"],
        },
        {"id": "p-nora-blank", "name": "Nora Blank"},
    ],
}


@pytest.fixture(scope="session")
def vectors() -> PhraseVectors:
    """One in-memory table of phrase vectors for the whole test session."""
    return PhraseVectors()


@pytest.fixture
def matcher(vectors: PhraseVectors) -> Matcher:
    return Matcher(vectors)


@pytest.fixture
def network_file(tmp_path: Path) -> Path:
    path = tmp_path / "network.json"
    path.write_text(json.dumps(NETWORK), encoding="utf-8")
    return path
