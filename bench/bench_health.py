"""Health figures: `health` and `plan` over 30,000 people, cold processes.

``plan_ranked`` runs on a copy of the network where none of my promises is open, so the
plan has to score and rank every dormant tie (the plain network's plan fills up with
overdue promises and never gets that far). Each wall figure has a CPU twin (user + system
time of the child process), which other load on a shared machine distorts much less.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from bench.harness import Context, Figure, cold_cpu_seconds, cold_seconds

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
    chart = ("health", "--json", "--chart", str(ctx.out / "health.svg"))
    runs = {
        "health": (("health",), db, 1.0),
        "health_json": (("health", "--json"), db, 1.0),
        "plan": (("plan",), db, 1.0),
        "plan_ranked": (("plan",), ranked, 1.0),
        "health_chart_svg": (chart, db, 2.5),
    }
    figures = []
    for name, (args, path, target) in runs.items():
        figures.append(
            Figure(f"{name}_cold_30k_s", cold_seconds(*args, db=path, env=ENV), "s", target)
        )
        figures.append(
            Figure(f"{name}_cold_30k_cpu_s", cold_cpu_seconds(*args, db=path, env=ENV), "s", target)
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{ranked}{suffix}").unlink(missing_ok=True)
    return figures
