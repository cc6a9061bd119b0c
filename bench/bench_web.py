"""Web figures: the people page and search under 20 concurrent clients, at 30,000 people.

The server is `netprep serve --workers 2` (one worker per core of a 2-core laptop, uvloop
and httptools) on a copy of the shared 30,000-person database, on a free loopback port.
The load comes from wrk when Debian's wrk is installed (`make bench` installs it), else
from a bounded asyncio client. Each scenario cycles through many different URLs (pages
1 to 600; names, skills, companies and half-typed words), runs three times, and the
figures are the medians of the three runs' p95 latency and throughput, plus the server's
CPU time per request (which other work on a shared machine does not inflate).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from bench.harness import NETPREP, Context, Figure

CLIENTS = 20
SECONDS = 8
RUNS = 3
WRK = shutil.which("wrk")

PAGES = [f"/people?page={n}" for n in range(1, 601, 12)]
WORDS = [
    "okafor",
    "müller",
    "zoe",
    "nguyen",
    "ok",
    "oka",
    "okaf",
    "lindq",
    "search engine",
    "bookkeeping",
    "copywriting",
    "brand strategy",
    "podcast",
    "contoso",
    "fabrikam",
    "tailspin toys",
    "harbor health",
    "ana garcia",
    "kwame",
    "python development",
    "grant writing",
    "ux research",
    "video",
    "haddad",
    "tanaka",
    "rossi bookkeeping",
    "silva",
    "novak",
    "reyes",
    "bell",
]
SEARCHES = [f"/people/results?q={quote(w)}" for w in WORDS]

LUA = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"p95_us": %%d, "requests": %%d, "errors": %%d, "seconds": %%f}\\n',
    latency:percentile(95.0), summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout, summary.duration / 1e6))
end
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _copy_database(ctx: Context) -> Path:
    """A private copy of the shared database (the app stores its session secret in it)."""
    target = ctx.out / "web-30k.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    source = sqlite3.connect(ctx.network_db(30_000))
    copy = sqlite3.connect(target)
    source.backup(copy)
    copy.close()
    source.close()
    return target


def _start(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NETPREP_DB": str(db), "NETPREP_TODAY": "2026-11-26"}
    process = subprocess.Popen(
        [NETPREP, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/app.css", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("netprep serve did not start")


def _warm(base: str, paths: list[str]) -> None:
    import httpx

    with httpx.Client(base_url=base) as client:
        for _ in range(3):
            for path in paths:
                response = client.get(path)
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}")


def _wrk(base: str, paths: list[str]) -> dict[str, float]:
    assert WRK is not None
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(json.dumps(p) for p in paths))
    try:
        out = subprocess.run(
            [WRK, "-t2", f"-c{CLIENTS}", f"-d{SECONDS}s", "-s", script.name, base],
            capture_output=True,
            text=True,
            check=True,
            timeout=SECONDS + 30,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    return {
        "p95_ms": result["p95_us"] / 1000,
        "rps": result["requests"] / result["seconds"],
        "errors": result["errors"],
    }


def _python_load(base: str, paths: list[str]) -> dict[str, float]:
    """20 clients, each sending its next request when the last one is answered; bounded
    in time and in count."""
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + SECONDS
    budget = iter(range(100_000))

    async def client(offset: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            n = offset
            while time.monotonic() < deadline and next(budget, None) is not None:
                start = time.perf_counter()
                try:
                    response = await http.get(paths[n % len(paths)])
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - start)
                n += 1

    async def main() -> float:
        start = time.monotonic()
        await asyncio.gather(*(client(i * 7) for i in range(CLIENTS)))
        return time.monotonic() - start

    seconds = asyncio.run(main())
    latencies.sort()
    return {
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "rps": len(latencies) / seconds,
        "errors": errors,
    }


def _cpu_seconds(root: int) -> float:
    """User and system CPU of a process and all its descendants so far (Linux /proc)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        ticks[pid] = int(fields[11]) + int(fields[12])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def _scenario(base: str, paths: list[str], server: int) -> dict[str, float]:
    """p95 and throughput (medians of the runs), errors, and the server's CPU per request:
    a figure the other processes on a shared machine cannot inflate."""
    _warm(base, paths)
    load = _wrk if WRK else _python_load
    runs = []
    for _ in range(RUNS):
        cpu = _cpu_seconds(server)
        result = load(base, paths)
        result["cpu_ms"] = (_cpu_seconds(server) - cpu) * 1000 / max(1, result["rps"] * SECONDS)
        runs.append(result)
    return {
        "p95_ms": statistics.median(r["p95_ms"] for r in runs),
        "rps": statistics.median(r["rps"] for r in runs),
        "cpu_ms": statistics.median(r["cpu_ms"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
    }


def run(ctx: Context) -> list[Figure]:
    db = _copy_database(ctx)
    port = _free_port()
    server = _start(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        people = _scenario(base, PAGES, server.pid)
        search = _scenario(base, SEARCHES, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    client = "wrk" if WRK else "python"
    print(f"  web load client: {client}, {CLIENTS} clients, {RUNS} x {SECONDS} s", file=sys.stderr)
    return [
        Figure("web_people_page_p95_ms", people["p95_ms"], "ms", 50),
        Figure("web_search_p95_ms", search["p95_ms"], "ms", 50),
        Figure("web_people_page_rps", people["rps"], "req/s", 400, higher_is_better=True),
        Figure("web_search_rps", search["rps"], "req/s", 400, higher_is_better=True),
        # 2 cores x 50 ms / 20 clients = 5 ms of CPU per request at most; the load client
        # takes its share, so the server should need no more than 4.
        Figure("web_people_page_cpu_ms", people["cpu_ms"], "ms/request", 4),
        Figure("web_search_cpu_ms", search["cpu_ms"], "ms/request", 4),
        Figure("web_errors", people["errors"] + search["errors"], "requests", 0),
    ]
