"""Homework figures: researching a person with five URLs, and a dossier from the store, cold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.homework.sites import Sites

from bench.harness import Context, Figure, cold_seconds, median_seconds, run_cli

LOCAL = {"NETPREP_ALLOW_PRIVATE_FETCH": "1", "NETPREP_TODAY": "2026-11-26"}


def _person(path: Path, urls: list[str]) -> Path:
    person = {
        "id": "p-hannah-quill",
        "name": "Hannah Quill",
        "urls": {f"url{i}": url for i, url in enumerate(urls)},
        "expertise": ["local SEO"],
    }
    doc = {"format": "netprep/1", "me": {"name": "Rosa Delgado"}, "people": [person]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run(ctx: Context) -> list[Figure]:
    first, second = Sites().start(), Sites().start()
    try:
        urls = [
            first.url("consultant"),
            first.url("blog"),
            first.url("podcast"),
            second.url("consultant"),
            second.url("blog"),
        ]
        network = ctx.network_db(30_000)
        db = ctx.out / "homework-30k.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.copy(network, db)
        person = _person(ctx.out / "homework-person.json", urls)
        run_cli("import", "json", str(person), db=db, env=LOCAL)
        research = median_seconds(
            lambda: run_cli("homework", "p-hannah-quill", "--refresh", "--json", db=db, env=LOCAL),
            repeat=5,
        )
        pages = json.loads(run_cli("homework", "p-hannah-quill", "--json", db=db, env=LOCAL).stdout)
        assert len([p for p in pages["pages"] if not p["error"]]) >= 10, pages["pages"]
        offline_json = cold_seconds("homework", "p-hannah-quill", "--offline", "--json", db=db)
        offline_text = cold_seconds("homework", "p-hannah-quill", "--offline", db=db)
    finally:
        first.stop()
        second.stop()
    return [
        Figure("homework_five_urls_cold_s", research, "s", 3.0),
        Figure("dossier_offline_json_cold_30k_s", offline_json, "s", 0.3),
        Figure("dossier_offline_text_cold_30k_s", offline_text, "s", 0.3),
    ]
