"""Alembic environment: runs netprep's migrations on the database named in the config."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from netprep.store.schema import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url, "netprep sets sqlalchemy.url before running migrations"

engine = create_engine(url)
with engine.begin() as connection:
    connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
