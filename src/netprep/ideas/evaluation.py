"""Judged cases for the ideas engine: run each, and count expectations met and rejects hit.

A case (``shared/eval/ideas/README.md``) holds a network, the person met, ideas that must
appear near the top (``expect``) and ideas that must not (``reject``). Cases with typed
facets run through ``generate_ideas`` in-process, sharing one table of phrase vectors.
Cases of imported data (``eval/ideas-real/README.md``: entries name ``quotes``, not
``evidence``) are imported into a fresh database, so that learning reads their notes and
messages as any import does, and are then asked for ideas as ``netprep ideas`` is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netprep import exchange
from netprep.errors import InvalidInput
from netprep.models import Idea, Network

if TYPE_CHECKING:
    from netprep.ideas.similarity import Calibration, PhraseVectors
    from netprep.store import Database

DEFAULT_EXPECT_WITHIN = 8
DEFAULT_REJECT_WITHIN = 10


@dataclass
class Case:
    """One judged meeting."""

    name: str
    path: Path
    description: str
    meeting_with: str
    network: Network
    expect: list[dict[str, Any]]
    reject: list[dict[str, Any]]


@dataclass
class CaseResult:
    """What one case gave: entries met, missed and violated, and the ideas themselves."""

    case: Case
    ideas: list[dict[str, Any]]
    met: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    violated: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Report:
    """Every case's result and the totals."""

    model: str
    results: list[CaseResult]

    @property
    def expected(self) -> int:
        return sum(len(r.case.expect) for r in self.results)

    @property
    def met(self) -> int:
        return sum(len(r.met) for r in self.results)

    @property
    def recall(self) -> float:
        return self.met / self.expected if self.expected else 1.0

    @property
    def violated(self) -> int:
        return sum(len(r.violated) for r in self.results)


def load_case(path: Path) -> Case:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        network = exchange.parse(json.dumps(data["network"]))
        return Case(
            name=data.get("case", path.stem),
            path=path,
            description=data.get("description", ""),
            meeting_with=data["meeting_with"],
            network=network,
            expect=list(data.get("expect", [])),
            reject=list(data.get("reject", [])),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InvalidInput(f"{path}: not a judged case ({exc}).") from None
    except InvalidInput as exc:
        raise InvalidInput(f"{path}: {exc.message}") from None


def load_cases(folder: Path) -> list[Case]:
    """Every case in ``folder`` (or in its ``dev/`` subfolder), by file name."""
    if folder.is_file():
        return [load_case(folder)]
    if not folder.is_dir():
        raise InvalidInput(f"No such folder: {folder}")
    files = sorted(folder.glob("*.json")) or sorted((folder / "dev").glob("*.json"))
    if not files:
        raise InvalidInput(f"{folder} holds no case files (*.json).")
    return [load_case(p) for p in files]


def imported(case: Case) -> bool:
    """Whether a case judges imported data (entries quote words, not profile phrases)."""
    return any("quotes" in e or "evidence" not in e for e in [*case.expect, *case.reject])


def _holds(item: dict[str, Any], words: str) -> bool:
    from netprep.normalize import fold

    wanted = fold(words)
    return any(
        wanted in fold(e.get("text", "")) or wanted in fold(e.get("quote") or "")
        for e in item["evidence"]
    )


def _quoted(entry: dict[str, Any], ideas: Sequence[dict[str, Any]], *, expect: bool) -> bool:
    within = int(entry.get("within", 5 if expect else DEFAULT_REJECT_WITHIN))
    kinds = entry.get("kind")
    people = entry.get("people", [])
    quotes = entry.get("quotes", [])
    for item in ideas[:within]:
        if kinds and item["kind"] not in kinds:
            continue
        if not all(p in item["people"] for p in people):
            continue
        if expect and all(_holds(item, q) for q in quotes):
            return True
        if not expect and (not quotes or any(_holds(item, q) for q in quotes)):
            return True
    return False


def met(entry: dict[str, Any], ideas: Sequence[dict[str, Any]]) -> bool:
    """Whether an ``expect`` entry is met by one of the first ``within`` ideas."""
    if "evidence" not in entry:
        return _quoted(entry, ideas, expect=True)
    within = int(entry.get("within", DEFAULT_EXPECT_WITHIN))
    for item in ideas[:within]:
        texts = {e["text"] for e in item["evidence"]}
        if (
            item["kind"] in entry["kind"]
            and all(t in texts for t in entry["evidence"])
            and all(p in item["people"] for p in entry.get("people", []))
        ):
            return True
    return False


def violated(entry: dict[str, Any], ideas: Sequence[dict[str, Any]]) -> bool:
    """Whether a ``reject`` entry is violated by one of the first ``within`` ideas."""
    if "evidence" not in entry:
        return _quoted(entry, ideas, expect=False)
    within = int(entry.get("within", DEFAULT_REJECT_WITHIN))
    kinds = entry.get("kind")
    for item in ideas[:within]:
        if kinds and item["kind"] not in kinds:
            continue
        texts = {e["text"] for e in item["evidence"]}
        if any(t in texts for t in entry["evidence"]):
            return True
    return False


def run_case(case: Case, ideas_of: Callable[[Case], list[Idea]]) -> CaseResult:
    ideas = [exchange.idea_dict(i) for i in ideas_of(case)]
    result = CaseResult(case=case, ideas=ideas)
    for entry in case.expect:
        (result.met if met(entry, ideas) else result.missed).append(entry)
    result.violated = [e for e in case.reject if violated(e, ideas)]
    return result


def evaluate(
    folder: Path,
    *,
    model: str | None = None,
    limit: int = 20,
    calibration: Calibration | None = None,
    vectors: PhraseVectors | None = None,
    db: Database | None = None,
) -> Report:
    """Run every case of ``folder`` through the engine with one embedding model (vectors
    cached in ``db``, when given)."""
    from netprep.ideas.embed import model_name
    from netprep.ideas.engine import generate_ideas
    from netprep.ideas.similarity import Matcher, PhraseVectors

    vectors = vectors or PhraseVectors(model=model or model_name(), db=db)

    def ideas_of(case: Case) -> list[Idea]:
        if imported(case):
            return _imported_ideas(case, vectors, limit)
        them = next((p for p in case.network.people if p.id == case.meeting_with), None)
        if them is None:
            raise InvalidInput(f"{case.path}: meeting_with {case.meeting_with!r} is not in it.")
        history = [i for i in case.network.interactions if i.person == them.id]
        return generate_ideas(
            case.network.me,
            them,
            case.network.people,
            history,
            matcher=Matcher(vectors, calibration),
            limit=limit,
        )

    cases = load_cases(folder)
    report = Report(model=vectors.model, results=[run_case(c, ideas_of) for c in cases])
    vectors.flush()
    return report


def _imported_ideas(case: Case, vectors: PhraseVectors, limit: int) -> list[Idea]:
    """A case's network imported into a fresh database (learning as any import does),
    then the ideas for the meeting, as ``netprep ideas`` gives them."""
    import json as json_
    import tempfile
    from datetime import date

    from netprep import transfer
    from netprep.ideas.engine import meeting_ideas
    from netprep.store import open_database

    data = json_.loads(case.path.read_text(encoding="utf-8"))["network"]
    today = date.fromisoformat(str(data.get("today", "2026-12-03")))
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "case.db")
        try:
            transfer.import_json(db, json_.dumps(data).encode(), today=today)
            return meeting_ideas(db, case.meeting_with, limit=limit, vectors=vectors).ideas
        finally:
            db.close()


def report_dict(report: Report) -> dict[str, Any]:
    """The report as JSON: per case the entries met, missed and violated; then the totals."""
    return {
        "model": report.model,
        "cases": [
            {
                "case": r.case.name,
                "file": r.case.path.name,
                "expected": len(r.case.expect),
                "met": len(r.met),
                "missed": [_entry(e) for e in r.missed],
                "violated": [_entry(e) for e in r.violated],
            }
            for r in report.results
        ],
        "expected": report.expected,
        "met": report.met,
        "recall": round(report.recall, 4),
        "violated": report.violated,
    }


def _entry(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry[k] for k in ("kind", "evidence", "quotes", "people", "within") if k in entry}
