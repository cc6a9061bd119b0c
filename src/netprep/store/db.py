"""Opening the database: checks, migrations on open, pragmas, and one transaction per write.

SQLAlchemy describes the schema (``schema.py``) and Alembic migrates it on open. Queries
and writes then run on plain ``sqlite3`` connections: importing SQLAlchemy's ORM alone
costs ~0.2 s, most of a cold command's budget, and every query here is hand-written SQL
anyway. Each write is one ``BEGIN IMMEDIATE`` transaction (``Database.write``), so two
writers queue on the busy timeout instead of failing on a stale snapshot.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from netprep.errors import DatabaseError, Interrupted

HEAD = "0005"
"""The newest migration; a test keeps it equal to Alembic's head."""

BUSY_TIMEOUT_S = 15.0
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).parent / "migrations"


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA synchronous = NORMAL")


def _explain(exc: sqlite3.Error, path: Path) -> DatabaseError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(
            f"The database {path} is busy: another netprep process is writing to it.",
            hint="Wait for it to finish, then try again.",
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseError(f"The database {path} is read-only; netprep cannot write to it.")
    if "not a database" in text or "malformed" in text:
        return DatabaseError(f"{path} is not a readable SQLite database ({exc}).")
    if "unable to open" in text:
        return DatabaseError(f"Cannot open the database {path}: {exc}.")
    return DatabaseError(f"Database error in {path}: {exc}")


class Transaction:
    """An open write transaction: its sqlite3 connection, and notes kept until commit."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.info: dict[str, Any] = {}


def _rollback(conn: sqlite3.Connection) -> None:
    # If even the rollback fails, the connection closes next and SQLite discards the rest.
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


class Database:
    """One netprep database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sql: sqlite3.Connection | None = None

    # -- plain sqlite3, for fast reads -------------------------------------------------
    @property
    def sql(self) -> sqlite3.Connection:
        """A plain sqlite3 connection (rows as ``sqlite3.Row``) for read queries."""
        if self._sql is None:
            try:
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
                _configure(conn)
            except sqlite3.Error as exc:
                raise _explain(exc, self.path) from exc
            conn.row_factory = sqlite3.Row
            self._sql = conn
        return self._sql

    # -- writes ----------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Transaction]:
        """One write transaction: everything in the block commits together or not at all."""
        from netprep.store import search

        try:
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            _configure(conn)
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from exc
        tx = Transaction(conn)
        try:
            yield tx
            search.refresh_tracked(tx)
            conn.execute("COMMIT")
        except KeyboardInterrupt:
            _rollback(conn)
            raise Interrupted("Interrupted: nothing was saved.") from None
        except sqlite3.Error as exc:
            _rollback(conn)
            raise _explain(exc, self.path) from exc
        except BaseException:
            _rollback(conn)
            raise
        finally:
            conn.close()

    def close(self) -> None:
        if self._sql is not None:
            self._sql.close()
            self._sql = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _current_revision(conn: sqlite3.Connection, path: Path) -> str | None:
    """The Alembic revision stamped in the file, None for an empty database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return None
    if "alembic_version" not in tables or "person" not in tables:
        raise DatabaseError(
            f"{path} is an SQLite database, but not a netprep one.",
            hint="Choose another file with --db or NETPREP_DB.",
        )
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open (and create or migrate) the netprep database at ``path``."""
    if path.exists():
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file.")
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != SQLITE_MAGIC:
            raise DatabaseError(
                f"{path} is not a netprep database (not an SQLite file).",
                hint="Choose another file with --db or NETPREP_DB.",
            )
    elif not create:
        raise DatabaseError(f"No database at {path}.")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Cannot create the folder for {path}: {exc.strerror}.") from exc

    db = Database(path)
    try:
        revision = _current_revision(db.sql, path)
        if revision != HEAD:
            db.close()
            _migrate(path, revision)
        elif db.sql.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.sql.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as exc:
        db.close()
        raise _explain(exc, path) from exc
    return db


def _migrate(path: Path, revision: str | None) -> None:
    """Bring the file up to HEAD with Alembic (imported only when there is work to do)."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    if revision is not None:
        known = {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}
        if revision not in known:
            raise DatabaseError(
                f"{path} was written by a newer netprep (schema {revision}); upgrade netprep."
            )
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        command.upgrade(config, "head")
    except sqlite3.Error as exc:
        raise _explain(exc, path) from exc
    except Exception as exc:  # SQLAlchemy wraps sqlite3 errors
        orig = getattr(exc, "orig", None)
        if isinstance(orig, sqlite3.Error):
            raise _explain(orig, path) from exc
        raise


def named_rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[sqlite3.Row]:
    """Rows addressable by column name, on any sqlite3 connection (a session's included)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()
