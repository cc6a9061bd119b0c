"""Follow-up figures: `next`, `due`, `next add` and the calendar export, cold processes.

Runs on its own copy of the 30,000-person network (imported fresh, so its schema is the
current one) with 10,000 more open next steps spread over the coming six months, so the
calendar export has at least 10,000 steps to write.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from bench.harness import Context, Figure, cold_seconds, run_cli

ENV = {"NETPREP_TODAY": "2026-11-26"}
EXTRA_STEPS = 10_000


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _with_many_steps(ctx: Context, target: Path) -> Path:
    from netprep.models import NextStep
    from netprep.store import open_database
    from netprep.store.history import save_next_step
    from netprep.store.search import raw_connection

    _remove(target)
    run_cli("import", "json", str(ctx.network_json(30_000)), db=target, env=ENV)
    rng = random.Random(5)
    today = date(2026, 11, 26)
    with open_database(target) as db, db.write() as session:
        conn = raw_connection(session)
        ids = [r[0] for r in conn.execute("SELECT id, key FROM person WHERE is_me = 0")]
        keys = dict(conn.execute("SELECT id, key FROM person").fetchall())
        for n in range(EXTRA_STEPS):
            pid = rng.choice(ids)
            meeting = rng.random() < 0.2
            step = NextStep(
                id=f"nb-{n}",
                person=keys[pid],
                owner=rng.choice(["me", "them"]),
                what=f"follow up on item {n}" if not meeting else "coffee",
                due=today + timedelta(days=rng.randint(0, 180)),
                kind="meeting" if meeting else "task",
            )
            save_next_step(conn, step, pid, at=f"{rng.randint(8, 17):02d}:30" if meeting else None)
    return target


def run(ctx: Context) -> list[Figure]:
    db = _with_many_steps(ctx, ctx.out / "followup-30000.db")
    ics = ctx.out / "followup.ics"
    add_db = ctx.out / "followup-add.db"
    shutil.copyfile(db, add_db)
    figures = [
        Figure("next_cold_30k_s", cold_seconds("next", "--overdue", db=db, env=ENV), "s", 0.5),
        Figure("next_json_cold_30k_s", cold_seconds("next", "--json", db=db, env=ENV), "s", 0.5),
        Figure("due_cold_30k_s", cold_seconds("due", db=db, env=ENV), "s", 0.5),
        Figure(
            "next_add_words_cold_s",
            cold_seconds(
                "next", "add", "p-7", "send the deck", "--due", "next Tuesday", db=add_db, env=ENV
            ),
            "s",
            1.0,  # a write: the foundation's SQLAlchemy write session costs ~0.25 s to import
        ),
        Figure(
            "calendar_export_10k_steps_cold_s",
            cold_seconds("calendar", "export", "-o", str(ics), "--todos", db=db, env=ENV),
            "s",
            3.0,
        ),
    ]
    for path in (db, add_db, ics):
        _remove(path)
    return figures
