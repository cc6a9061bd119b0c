"""Health figures: `health` and `plan` over 30,000 people, cold processes.

``plan_ranked`` runs on a copy of the network where none of my promises is open, so the
plan has to score and rank every dormant tie (the plain network's plan fills up with
overdue promises and never gets that far).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from bench.harness import Context, Figure, cold_seconds

ENV = {"NETPREP_TODAY": "2026-11-26"}


def _without_my_promises(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    with conn:
        conn.execute("UPDATE next_step SET status = 'done' WHERE owner = 'me'")
        conn.execute("INSERT OR REPLACE INTO tag_cadence (tag, days) VALUES ('bench', 30)")
    conn.close()
    return target


def run(ctx: Context) -> list[Figure]:
    db = ctx.network_db(30_000)
    ranked = _without_my_promises(db, ctx.out / "health-ranked.db")
    figures = [
        Figure("health_cold_30k_s", cold_seconds("health", db=db, env=ENV), "s", 1.0),
        Figure(
            "health_json_cold_30k_s", cold_seconds("health", "--json", db=db, env=ENV), "s", 1.0
        ),
        Figure("plan_cold_30k_s", cold_seconds("plan", db=db, env=ENV), "s", 1.0),
        Figure("plan_ranked_cold_30k_s", cold_seconds("plan", db=ranked, env=ENV), "s", 1.0),
        Figure(
            "health_chart_svg_cold_30k_s",
            cold_seconds(
                "health", "--json", "--chart", str(ctx.out / "health.svg"), db=db, env=ENV
            ),
            "s",
            2.5,
        ),
    ]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{ranked}{suffix}").unlink(missing_ok=True)
    return figures
