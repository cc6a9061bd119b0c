"""Opening databases: migrations, pragmas, and clear messages for files that aren't ours."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from netprep.errors import DatabaseError
from netprep.store import open_database
from netprep.store.db import HEAD, MIGRATIONS


def test_a_new_database_is_created_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.db"
    db = open_database(path)
    tables = {r[0] for r in db.sql.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"person", "facet", "interaction", "next_step", "people_fts"} <= tables
    assert db.sql.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.sql.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.sql.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    db.close()


def test_head_constant_matches_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_a_text_file_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n")
    with pytest.raises(DatabaseError, match="not a netprep database"):
        open_database(path)
    assert path.read_text() == "shopping list\n"


def test_someone_elses_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a netprep one"):
        open_database(path)
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert tables == ["recipes"]


def test_a_database_from_a_newer_netprep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer netprep"):
        open_database(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_database_says_so_on_write(tmp_path: Path) -> None:
    from netprep import people
    from netprep.models import Person

    path = tmp_path / "ro.db"
    open_database(path).close()
    path.chmod(0o444)
    db = open_database(path)
    with pytest.raises(DatabaseError, match="read-only"):
        people.add_person(db, Person(name="Ada"), today=__import__("datetime").date.today())


def test_the_migrations_build_exactly_the_schema_the_models_describe(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from netprep.store.schema import Base

    path = tmp_path / "schema.db"
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # The FTS5 table and its shadow tables exist only in the migration, by design.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("people_fts"))]
    assert diff == []
