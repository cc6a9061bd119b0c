"""Moving a whole network in and out: the exchange file, and backups of the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from netprep import exchange
from netprep.errors import Conflict, DatabaseError, InvalidInput
from netprep.models import Network
from netprep.store import Database
from netprep.store import network as stored
from netprep.store import people as rows
from netprep.store.search import raw_connection

MAX_JSON_BYTES = 512 * 1024 * 1024


def read_file(path: Path, *, limit: int = MAX_JSON_BYTES) -> bytes:
    """The bytes of a file the user named, or a clear message why they can't be read."""
    from netprep.importers.files import checked_size

    checked_size(path, limit)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None


def import_json(db: Database, data: bytes, *, today: Any) -> stored.LoadReport:
    """Load an exchange document: validated in full first, then written in one transaction."""
    network = exchange.parse(data, known_ids=set(rows.all_keys(db.sql)))
    return load(db, network, today=today)


def load(db: Database, network: Network, *, today: Any) -> stored.LoadReport:
    with db.write() as session:
        return stored.load_network(raw_connection(session), network, today=today)


def export_json(db: Database) -> dict[str, Any]:
    """Everything as one exchange document."""
    return exchange.network_dict(stored.dump_network(db.sql))


def is_empty(db: Database) -> bool:
    return db.sql.execute("SELECT 1 FROM person LIMIT 1").fetchone() is None


def clear(conn: sqlite3.Connection) -> None:
    """Remove every person and everything attached to them, inside the caller's transaction."""
    for table in ("next_step", "interaction", "person", "company", "people_fts"):
        conn.execute(f"DELETE FROM {table}")


def backup(db: Database, target: Path, *, force: bool = False) -> int:
    """A consistent copy of the database through SQLite's online backup; returns its size."""
    if target.exists() and not force:
        raise Conflict(f"{target} exists; add --force to overwrite it.")
    if target.resolve() == db.path.resolve():
        raise InvalidInput("The backup cannot overwrite the database itself.")
    tmp = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(tmp)
        with dest:
            db.sql.backup(dest)
        dest.close()
        tmp.replace(target)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"Backup failed: {exc}") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write {target}: {exc.strerror}.") from exc
    return target.stat().st_size


def ensure_empty(db: Database, *, force: bool) -> None:
    if not is_empty(db) and not force:
        raise Conflict(
            f"{db.path} already holds a network.",
            hint="Use another file (--db demo.db) or add --force to replace it.",
        )
