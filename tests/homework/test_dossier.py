"""The dossier from the store: history, balance, promises, decision, questions; golden output.

Golden files live in tests/data/homework/golden/; after a deliberate change of output,
rewrite them with NETPREP_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netprep.homework.dossier import build_dossier
from netprep.homework.render import md, render_markdown
from netprep.store import Database
from tests.conftest import TODAY, Result, write_network
from tests.homework.sites import Sites

Cli = Callable[..., Result]
GOLDEN = Path(__file__).resolve().parent.parent / "data" / "homework" / "golden"


def _network(sites: Sites | None) -> dict[str, Any]:
    urls = {}
    if sites is not None:
        urls = {
            "website": sites.url("consultant"),
            "blog": sites.url("blog"),
            "podcast": sites.url("podcast"),
            "linkedin": "https://www.linkedin.com/in/hannah-quill-fictional",
        }
    hannah = {
        "id": "p-hannah-quill",
        "name": "Hannah Quill",
        "title": "Owner",
        "company": "Quill Local SEO",
        "location": "Austin, TX",
        "urls": urls,
        "expertise": ["local SEO"],
        "interests": ["sourdough baking"],
        "connected_on": "2024-05-02",
        "met_via": "Austin Small Business Expo",
        "knows": ["p-theo-marchetti"],
    }
    theo = {"id": "p-theo-marchetti", "name": "Theo Marchetti", "title": "Bookkeeper"}
    return {
        "people": [hannah, theo],
        "interactions": [
            {
                "id": "i-1",
                "person": "p-hannah-quill",
                "date": "2025-01-15",
                "kind": "meeting",
                "summary": "Coffee at the market; talked about bakery clients",
                "flow": "good",
                "gave": ["intro to Theo Marchetti"],
                "received": ["review of my Google profile"],
            },
            {
                "id": "i-2",
                "person": "p-hannah-quill",
                "date": "2026-09-03",
                "kind": "call",
                "flow": "ok",
                "gave": ["feedback on her services page"],
            },
        ],
        "next_steps": [
            {
                "id": "n-1",
                "person": "p-hannah-quill",
                "owner": "me",
                "what": "send the workshop outline",
                "due": "2026-11-20",
            },
            {
                "id": "n-2",
                "person": "p-hannah-quill",
                "owner": "them",
                "what": "share two bakery case studies",
                "due": "2026-12-05",
            },
            {
                "id": "n-3",
                "person": "p-hannah-quill",
                "owner": "them",
                "what": "send the expo photos",
                "due": "2025-02-01",
                "status": "done",
                "done_on": "2025-01-30",
            },
        ],
    }


def _load(cli: Cli, tmp_path: Path, sites: Sites | None) -> None:
    path = write_network(tmp_path / "network.json", **_network(sites))
    r = cli("import", "json", str(path))
    assert r.code == 0, r.err


def test_history_counts_first_and_last_contact_balance_and_promises(
    cli: Cli, tmp_path: Path, db: Database
) -> None:
    _load(cli, tmp_path, None)
    dossier = build_dossier(db, "Hannah", TODAY)
    h = dossier.history
    assert (h.first_contact, h.first_contact_how) == (TODAY.replace(2024, 5, 2), "connected")
    assert h.last_contact == TODAY.replace(2026, 9, 3)
    assert h.balance == 1
    assert [s.id for s in h.open_next_steps] == ["n-1", "n-2"]
    assert [s.id for s in h.overdue()] == ["n-1"]
    assert h.kinds() == {"meeting": 1, "call": 1}
    assert "Do we want to work together, and on what?" in dossier.questions
    assert "Whom do they know that I should meet?" not in dossier.questions


def test_an_earlier_meeting_is_the_first_contact(cli: Cli, tmp_path: Path, db: Database) -> None:
    network = _network(None)
    network["people"][0]["connected_on"] = "2025-06-01"
    cli("import", "json", str(write_network(tmp_path / "n.json", **network)))
    h = build_dossier(db, "p-hannah-quill", TODAY).history
    assert (h.first_contact, h.first_contact_how) == (TODAY.replace(2025, 1, 15), "meeting")


def test_markdown_escapes_fetched_text() -> None:
    assert md("[bold]x[/bold] <script>") == r"\[bold\]x\[/bold\] \<script\>"
    assert md("# not a heading") == r"\# not a heading"


def _stable(text: str, sites: Sites) -> str:
    for name in sorted(sites.servers):
        text = text.replace(sites.base(name), f"http://{name}.test")
    return text


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("NETPREP_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with NETPREP_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


def test_golden_dossier(cli: Cli, tmp_path: Path, sites: Sites, db: Database) -> None:
    _load(cli, tmp_path, sites)
    assert cli('decide Hannah collaborate --why "same bakery clients, different skills"').code == 0
    assert cli("homework Hannah").code == 0
    inferred = {i["text"]: i["id"] for i in cli("homework Hannah --json").json()["inferred"]}
    assert (
        cli(f"accept {inferred['independent bakeries']} {inferred['The Crumb Ledger']}").code == 0
    )
    assert cli(f"reject {inferred['video editor']}").code == 0
    dossier = build_dossier(db, "Hannah", TODAY)
    _check("dossier.md", _stable(render_markdown(dossier), sites))
    as_json = json.dumps(dossier.to_json(), ensure_ascii=False, indent=2) + "\n"
    _check("dossier.json", _stable(as_json, sites))
    cli_out = cli("homework Hannah --offline --json").out
    assert json.loads(cli_out) == dossier.to_json()


def test_the_dossier_from_the_store_imports_nothing_heavy(
    cli: Cli, tmp_path: Path, db_path: Path
) -> None:
    """The cold-start budget: --offline reads with sqlite3 only (no SQLAlchemy, no httpx)."""
    import subprocess
    import sys

    _load(cli, tmp_path, None)
    probe = (
        "import sys; from netprep.cli import run; code = run(sys.argv[1:]);"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'httpx', 'httpcore', 'trafilatura', 'feedparser', 'lxml', 'alembic'});"
        "print(code, heavy, file=sys.stderr)"
    )
    for args in (["--json"], []):
        done = subprocess.run(
            [sys.executable, "-c", probe, "homework", "Hannah", "--offline", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NETPREP_DB": str(db_path)},
            check=True,
        )
        assert done.stderr.strip().splitlines()[-1] == "0 []"
