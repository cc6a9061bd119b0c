"""What benchmarks share: figures, timing helpers, and the generated data sets."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NETPREP = str(Path(sys.executable).with_name("netprep"))
REPEAT = int(os.environ.get("NETPREP_BENCH_REPEAT", "5"))


@dataclass
class Figure:
    """One measured figure and the target it must meet (``<=`` unless ``higher_is_better``)."""

    name: str
    value: float
    unit: str
    target: float
    higher_is_better: bool = False

    @property
    def ok(self) -> bool:
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def as_json(self) -> dict[str, object]:
        return {
            "value": round(self.value, 4),
            "unit": self.unit,
            "target": (">= " if self.higher_is_better else "<= ") + f"{self.target}",
            "ok": self.ok,
        }


def median_seconds(
    fn: Callable[[], object], repeat: int = REPEAT, setup: Callable[[], object] | None = None
) -> float:
    """The median wall time of ``fn`` over ``repeat`` runs (``setup`` runs untimed before each)."""
    times = []
    for _ in range(repeat):
        if setup:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_cli(
    *args: str, db: Path, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """One cold `netprep` process on ``db``."""
    full_env = {**os.environ, "NETPREP_DB": str(db), **(env or {})}
    return subprocess.run(
        [NETPREP, *args], capture_output=True, text=True, env=full_env, check=check
    )


def cold_seconds(
    *args: str, db: Path, repeat: int = REPEAT, env: dict[str, str] | None = None
) -> float:
    """Median wall time of a cold `netprep` process (after one untimed warm-up run)."""
    run_cli(*args, db=db, env=env)
    return median_seconds(lambda: run_cli(*args, db=db, env=env), repeat)


def cold_cpu_seconds(
    *args: str, db: Path, repeat: int = REPEAT, env: dict[str, str] | None = None
) -> float:
    """Median CPU time (user + system) of a cold `netprep` process, after one warm-up: on a
    shared, loaded machine the wall time mostly measures the neighbours; this does not."""
    import resource

    run_cli(*args, db=db, env=env)
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run_cli(*args, db=db, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def schema_fingerprint() -> str:
    """A short hash of the migrations, so a cached database never outlives its schema."""
    import hashlib

    versions = Path(__file__).resolve().parent.parent / "src/netprep/store/migrations/versions"
    digest = hashlib.sha256()
    for path in sorted(versions.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


class Context:
    """Generated data shared by all benchmarks, made once per `make bench` run."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self._cache: dict[str, Path] = {}

    def network_json(self, people: int = 30_000) -> Path:
        """An exchange-format file with ``people`` generated people."""
        key = f"network-{people}"
        if key not in self._cache:
            from bench.generate import write_network

            path = self.out / f"{key}.json"
            if not path.exists():
                write_network(path, people=people)
            self._cache[key] = path
        return self._cache[key]

    def network_db(self, people: int = 30_000) -> Path:
        """A database holding the generated network (built once per schema, then reused)."""
        key = f"db-{people}-{schema_fingerprint()}"
        if key not in self._cache:
            path = self.out / f"{key}.db"
            if not path.exists():
                tmp = path.with_suffix(".tmp.db")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{tmp}{suffix}").unlink(missing_ok=True)
                run_cli("import", "json", str(self.network_json(people)), db=tmp)
                tmp.rename(path)
                for suffix in ("-wal", "-shm"):
                    Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            self._cache[key] = path
        return self._cache[key]

    def linkedin_export(self, connections: int = 30_000, messages: int = 50_000) -> Path:
        """A folder shaped like a LinkedIn data export (Connections.csv, messages.csv)."""
        key = f"linkedin-{connections}-{messages}"
        if key not in self._cache:
            from bench.generate import write_linkedin_export

            path = self.out / key
            if not path.exists():
                write_linkedin_export(path, connections=connections, messages=messages)
            self._cache[key] = path
        return self._cache[key]
