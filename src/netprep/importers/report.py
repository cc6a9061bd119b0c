"""The report of an import: counts, and every rejected row or card with its line and reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Problem:
    file: str
    line: int
    reason: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportReport:
    """What an import did (or, with --dry-run, would do)."""

    source: str
    added: int = 0
    updated: int = 0
    merged: int = 0
    unchanged: int = 0
    duplicates_queued: int = 0
    hidden: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    companies_added: int = 0
    interactions_added: int = 0
    interactions_unchanged: int = 0
    met_via_set: int = 0
    me_updated: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    learned: dict[str, int] = field(default_factory=dict)
    """New proposals by facet, learned from what this import brought (for review)."""
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return asdict(self)
