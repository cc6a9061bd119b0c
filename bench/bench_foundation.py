"""Foundation figures: start-up, search and exchange import at 30,000 people."""

from __future__ import annotations

from pathlib import Path

from bench.harness import Context, Figure, cold_seconds, median_seconds, run_cli


def run(ctx: Context) -> list[Figure]:
    network = ctx.network_json(30_000)
    db = ctx.network_db(30_000)
    figures = [
        Figure("help_cold_s", cold_seconds("--help", db=db), "s", 0.3),
        Figure(
            "people_search_cold_30k_s",
            cold_seconds("people", "--search", "okafor growth", db=db),
            "s",
            0.5,
        ),
    ]

    target = ctx.out / "import-json.db"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    seconds = median_seconds(
        lambda: run_cli("import", "json", str(network), db=target), repeat=3, setup=fresh
    )
    figures.append(Figure("import_json_30k_s", seconds, "s", 5.0))
    fresh()
    return figures
