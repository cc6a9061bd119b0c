"""Ideas engine figures at 30,000 people: embedding everything, one meeting cold and warm, intros."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from bench.harness import Context, Figure, cold_seconds, median_seconds, run_cli

PERSON = "p-17"


def _copy(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def run(ctx: Context) -> list[Figure]:
    db = _copy(ctx.network_db(30_000), ctx.out / "ideas-30k.db")
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM embedding")
    conn.commit()
    conn.close()

    start = time.perf_counter()
    run_cli("ideas", "--prepare", db=db)
    figures = [Figure("ideas_embed_all_30k_s", time.perf_counter() - start, "s", 60.0)]
    figures.append(
        Figure("ideas_cold_30k_s", cold_seconds("ideas", PERSON, "--json", db=db), "s", 1.0)
    )
    figures.append(Figure("ideas_warm_30k_ms", 1000 * _warm(db), "ms", 100.0))
    figures.append(
        Figure(
            "intros_30k_s",
            median_seconds(lambda: run_cli("intros", "--json", db=db), repeat=3),
            "s",
            30.0,
        )
    )
    return figures


def _warm(db: Path) -> float:
    """Median time of ``ideas_for`` in a process that has already answered once."""
    from netprep.ideas import ideas_for
    from netprep.store import open_database

    database = open_database(db)
    try:
        ideas_for(database, PERSON, 10)
        return median_seconds(lambda: ideas_for(database, PERSON, 10), repeat=10)
    finally:
        database.close()
