"""A realistic network of 1,512 people (``bench/realnet.py``): import with learning, getting
ready for ideas, the first ideas for each of the week's meetings, and what was learned.

The network is what a fractional CMO in Lisbon exports: LinkedIn (connections with 738
titles in seven languages, 315 threads), a phone's vCards and a Google CSV, with 276
facts planted in messages and notes (``truth.json``). Figures: the imports plus the
embedding that readies the network for ideas (≤ 60 s); the first ``ideas`` of each meeting
in a cold process (median, ≤ 1.5 s); the share of planted facts learned.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import statistics
import time
from pathlib import Path

from bench.harness import Context, Figure, run_cli
from bench.realnet import generate
from netprep.normalize import fold


def _timed(*args: str, db: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run_cli(*args, db=db)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def run(ctx: Context) -> list[Figure]:
    folder = ctx.out / "realnet"
    truth = generate(folder)
    db = ctx.out / "realnet.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    wall = cpu = 0.0
    for args in (
        ("import", "linkedin", str(folder / "linkedin.zip")),
        ("import", "vcard", str(folder / "phone.vcf")),
        ("import", "csv", str(folder / "google.csv")),
    ):
        w, c = _timed(*args, db=db)
        wall, cpu = wall + w, cpu + c
    imported = wall
    w, c = _timed("ideas", "--prepare", db=db)
    firsts = []
    for meeting in truth["meetings"]:
        key = _key_of(db, meeting)
        if key:
            firsts.append(_timed("ideas", key, "--json", db=db)[0])
    return [
        Figure("realnet_import_and_learn_s", imported, "s", 60.0),
        Figure("realnet_import_learn_and_embed_s", wall + w, "s", 60.0),
        Figure("realnet_import_learn_and_embed_cpu_s", cpu + c, "s", 120.0),
        Figure("realnet_first_ideas_median_s", statistics.median(firsts), "s", 1.5),
        Figure(
            "realnet_facts_learned_pct", _learned_share(db, truth), "%", 70.0, higher_is_better=True
        ),
    ]


def _key_of(db: Path, meeting: dict[str, object]) -> str | None:
    conn = sqlite3.connect(db)
    try:
        url = meeting.get("linkedin")
        if url:
            row = conn.execute(
                "SELECT p.key FROM person p JOIN url u ON u.person_id = p.id WHERE u.url = ?",
                (url,),
            ).fetchone()
            if row:
                return str(row[0])
        row = conn.execute(
            "SELECT key FROM person WHERE name = ? ORDER BY id", (meeting["with"],)
        ).fetchone()
        return str(row[0]) if row else None
    finally:
        conn.close()


_FACETS = {
    "needs": {"needs"},
    "offers": {"offers", "expertise"},
    "expertise": {"expertise", "offers"},
    "audiences": {"audiences"},
    "channels": {"channels"},
    "knows": {"knows", "offers"},
    "next_step": {"next_step"},
    "interests": {"interests"},
}


def _learned_share(db: Path, truth: dict[str, list[dict[str, str]]]) -> float:
    """Planted facts (titles aside: the engine reads those as it goes) found as proposals
    of the right person and kind, quoting the planted sentence, sure enough to be used."""
    conn = sqlite3.connect(db)
    found: dict[str, list[tuple[str, str]]] = {}
    for name, is_me, facet, quote in conn.execute(
        "SELECT p.name, p.is_me, r.facet, coalesce(r.quote, '') FROM proposal r"
        " JOIN person p ON p.id = r.person_id WHERE r.confidence >= 0.5"
    ):
        found.setdefault("ME" if is_me else fold(name), []).append((facet, fold(quote)))
    conn.close()
    facts = [f for f in truth["facts"] if f["source"] != "title"]
    hits = 0
    for fact in facts:
        who = "ME" if fact["by"] == "me" and fact["facet"] != "next_step" else fold(fact["person"])
        sentence = fold(fact["quote"])[:40]
        hits += any(
            facet in _FACETS[fact["facet"]] and (sentence in quote or quote[:40] in sentence)
            for facet, quote in found.get(who, [])
        )
    return 100.0 * hits / len(facts)


if __name__ == "__main__":
    import sys

    ctx = Context(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench/out"))
    print(json.dumps({f.name: f.as_json() for f in run(ctx)}, indent=2))
