"""The database: schema, migrations and queries. Nothing outside this package writes SQL."""

from netprep.store.db import Database, open_database

__all__ = ["Database", "open_database"]
