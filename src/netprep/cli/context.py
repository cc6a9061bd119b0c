"""What every command shares: the chosen database and today's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netprep.store import Database


@dataclass
class State:
    """Global options, set by the app's callback before a command runs."""

    db_path: Path | None = None
    _db: Database | None = None

    def db(self) -> Database:
        """The database, opened (and migrated) on first use."""
        if self._db is None:
            from netprep.settings import db_path
            from netprep.store import open_database

            self._db = open_database(db_path(self.db_path))
        return self._db

    def reset(self) -> None:
        """Forget the options and close the database (between runs in one process)."""
        if self._db is not None:
            self._db.close()
        self._db = None
        self.db_path = None

    def path(self) -> Path:
        from netprep.settings import db_path

        return db_path(self.db_path)


state = State()


def today() -> date:
    from netprep.settings import today as settings_today

    return settings_today()
