"""Settings in one place: names, types, defaults, descriptions and NETPREP_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, default and meaning."""

    env: str
    default: str | None
    description: str

    def get(self) -> str | None:
        return os.environ.get(self.env, self.default)


DB = Setting("NETPREP_DB", None, "Path of the SQLite database (default: the user data folder).")
TODAY = Setting(
    "NETPREP_TODAY",
    None,
    "Pretend today is this ISO date (for tests, demos and reproducible output).",
)
ALLOW_PRIVATE_FETCH = Setting(
    "NETPREP_ALLOW_PRIVATE_FETCH",
    "0",
    "Set to 1 to let homework fetch from this machine's own addresses (tests only).",
)
WEB_TOKEN = Setting(
    "NETPREP_WEB_TOKEN",
    None,
    "Password the web app requires when it listens on an address other than localhost.",
)
DORMANT_MONTHS = Setting(
    "NETPREP_DORMANT_MONTHS", "6", "A tie with no contact for this many months is dormant."
)

EMBED_MODEL = Setting(
    "NETPREP_EMBED_MODEL",
    None,
    "The sentence-embedding model the ideas engine matches phrases with (default: mpnet-base).",
)

EMBED_WORKERS = Setting(
    "NETPREP_EMBED_WORKERS",
    None,
    "Processes that embed a long batch of phrases (default: one per core, at most 4).",
)
ALL: tuple[Setting, ...] = (
    DB, TODAY, ALLOW_PRIVATE_FETCH, WEB_TOKEN, DORMANT_MONTHS, EMBED_MODEL, EMBED_WORKERS,
)  # fmt: skip


def default_db_path() -> Path:
    """The database in the platform's user data folder, e.g. ~/.local/share/netprep/."""
    from platformdirs import user_data_path

    return user_data_path("netprep", appauthor=False) / "netprep.db"


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database to use: ``--db``, else ``NETPREP_DB``, else the user data folder."""
    chosen = explicit or DB.get()
    return Path(chosen).expanduser() if chosen else default_db_path()


def today() -> date:
    """Today's date, or the one NETPREP_TODAY pins for reproducible runs."""
    pinned = TODAY.get()
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            from netprep.errors import InvalidInput

            raise InvalidInput(f"NETPREP_TODAY={pinned!r} is not a date (YYYY-MM-DD)") from None
    return date.today()
