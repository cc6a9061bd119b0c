"""Writes are all-or-nothing: two writers both succeed; a killed import leaves no trace."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from netprep.store import open_database
from netprep.transfer import export_json

NETPREP = str(Path(sys.executable).with_name("netprep"))


def big_network(path: Path, people: int, prefix: str) -> Path:
    doc = {
        "format": "netprep/1",
        "me": {"name": "Rosa Delgado"},
        "people": [
            {
                "id": f"{prefix}-{i}",
                "name": f"Person {prefix} {i}",
                "expertise": ["baking", f"skill {i}"],
            }
            for i in range(people)
        ],
    }
    path.write_text(json.dumps(doc))
    return path


def netprep(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NETPREP_DB": str(db)}
    return subprocess.Popen(
        [NETPREP, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    open_database(db).close()
    first = big_network(tmp_path / "a.json", 3000, "a")
    writers = [netprep(db, "import", "json", str(first))]
    writers += [netprep(db, "add", f"Walk-in {n}", "--need", "coffee") for n in range(4)]
    results = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0] * 5, results
    database = open_database(db)
    names = {p["name"] for p in export_json(database)["people"]}
    assert len(names) == 3004
    assert {f"Walk-in {n}" for n in range(4)} <= names


def test_a_killed_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    database = open_database(db)
    before = export_json(database)
    database.close()
    doc = big_network(tmp_path / "big.json", 20000, "k")
    proc = netprep(db, "import", "json", str(doc))
    # Wait until the import holds the write lock, then kill it mid-transaction.
    deadline = time.monotonic() + 30
    wal = Path(f"{db}-wal")
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 200_000):
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    database = open_database(db)
    assert database.sql.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert export_json(database) == before


def test_ctrl_c_during_an_import_saves_nothing_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "int.db"
    open_database(db).close()
    doc = big_network(tmp_path / "big.json", 20000, "c")
    proc = netprep(db, "import", "json", str(doc))
    wal = Path(f"{db}-wal")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 200_000):
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "nothing was saved" in err.lower() or "interrupted" in err.lower()
    assert "Traceback" not in err
    database = open_database(db)
    assert database.sql.execute("SELECT count(*) FROM person").fetchone()[0] == 0


def test_notes_and_edits_made_at_once_are_all_kept(tmp_path: Path) -> None:
    """Each read-modify-write is one transaction: nothing acknowledged is lost."""
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date

    from netprep import people as lib
    from netprep.models import Person

    path = tmp_path / "net.db"
    db = open_database(path)
    lib.add_person(db, Person(name="Kevin Okafor"), today=date(2026, 11, 26))

    def note(n: int) -> None:
        own = open_database(path)  # one connection per writer, as two processes have
        lib.add_note(own, "Kevin Okafor", f"note {n}", today=date(2026, 11, 26))
        lib.edit_person(own, "Kevin Okafor", adds=[f"tags=t{n}"], today=date(2026, 11, 26))

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(note, range(30)))
    kevin = lib.get_person(db, "Kevin Okafor")
    assert sorted((kevin.notes or "").splitlines()) == sorted(
        f"2026-11-26: note {n}" for n in range(30)
    )
    assert sorted(kevin.tags) == sorted(f"t{n}" for n in range(30))
