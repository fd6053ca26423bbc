"""`limes demo`: a seeded EES behind the HTTP API on localhost, ready for curl.

Everything lives in `.demo/` under the current directory: the SQLite database, the API
server's pid file and its log. Each run starts from a fresh database (stopping a server
left from an earlier run); `limes demo --stop` stops the server.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Final

import typer
from rich.console import Console

from limes.access.model import Role
from limes.access.service import SYSTEM
from limes.api import examples
from limes.bootstrap import build_services
from limes.cli.etias_demo import EtiasDemo, prepare_etias, print_etias_instructions
from limes.cli.seed import seed_with_progress
from limes.core.errors import LimesError
from limes.settings import Settings
from limes.store.sql.migrate import upgrade

DEMO_DIRECTORY: Final = Path(".demo")
DATABASE: Final = DEMO_DIRECTORY / "limes.db"
PID_FILE: Final = DEMO_DIRECTORY / "server.pid"
LOG_FILE: Final = DEMO_DIRECTORY / "server.log"
HOST: Final = "127.0.0.1"
SEED: Final = 7
STARTUP_SECONDS: Final = 30.0


class DemoError(LimesError):
    code = "demo.failed"


def run_live_demo(travellers: int, port: int) -> None:
    """Fresh database, users, seeded population, API in the background; print how to call it."""
    console = Console()
    stop_server(console)
    _require_free_port(port)
    _fresh_directory()
    settings = Settings(database_url=f"sqlite:///{DATABASE}")
    upgrade(settings.database_url)
    services = build_services(settings, sqlite_synchronous="NORMAL")
    _, guard_token = services.users.add_user(
        "demo-guard", [Role.BORDER_GUARD], authority="Koninklijke Marechaussee", state="NLD"
    )
    _, supervisor_token = services.users.add_user(
        "demo-supervisor", [Role.SUPERVISOR], authority="Koninklijke Marechaussee", state="NLD"
    )
    started = time.monotonic()
    report = seed_with_progress(
        services, SYSTEM, travellers, SEED, services.clock.now().date(), console
    )
    console.print(
        f"seeded {report.travellers} travellers ({report.entries} entries, {report.exits} "
        f"exits, {report.refusals} refusals, {report.flagged_overstayers} overstayers) "
        f"in {time.monotonic() - started:.0f} s"
    )
    etias = prepare_etias(services)
    base = f"http://{HOST}:{port}/api/v1"
    _start_server(settings, port)
    _wait_until_healthy(f"{base}/health")
    _print_instructions(console, base, guard_token, supervisor_token, etias)


def stop_server(console: Console) -> bool:
    """Stop the demo API server if one runs; whether there was one."""
    if not PID_FILE.exists():
        return False
    pid = int(PID_FILE.read_text().strip() or 0)
    PID_FILE.unlink()
    if pid <= 0 or not _is_demo_server(pid):
        return False
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    console.print(f"stopped the demo API server (pid {pid})")
    return True


def _is_demo_server(pid: int) -> bool:
    """Whether `pid` still runs `limes serve` (a stale pid file may name someone else's)."""
    command_line = Path(f"/proc/{pid}/cmdline")
    if not command_line.exists():
        return sys.platform != "linux"  # without /proc, trust the pid file
    return b"serve" in command_line.read_bytes()


def _require_free_port(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if probe.connect_ex((HOST, port)) == 0:
            raise DemoError(f"something already listens on {HOST}:{port}; choose --port")


def _fresh_directory() -> None:
    DEMO_DIRECTORY.mkdir(exist_ok=True)
    (DEMO_DIRECTORY / ".gitignore").write_text("*\n")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)


def _start_server(settings: Settings, port: int) -> None:
    environment = {**os.environ, "LIMES_DATABASE_URL": settings.database_url}
    with LOG_FILE.open("ab") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "limes", "serve", "--host", HOST, "--port", str(port)],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # keeps running after this command returns
        )
    PID_FILE.write_text(f"{server.pid}\n")


def _wait_until_healthy(url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise DemoError(f"the API did not answer within {STARTUP_SECONDS:.0f} s; see {LOG_FILE}")


def _curl(url: str, token: str, body: object) -> str:
    return (
        f"curl -s -X POST {url} \\\n"
        f'  -H "Authorization: Bearer {token}" -H "Content-Type: application/json" \\\n'
        f"  -d '{json.dumps(body)}'"
    )


def _print_instructions(
    console: Console, base: str, guard: str, supervisor: str, etias: EtiasDemo
) -> None:
    # Plain echo, not Rich: tokens, URLs and commands must never be wrapped or restyled.
    console.rule("[bold]Limes EES demo: the API is running")
    typer.echo(f"API docs:        {base}/docs")
    typer.echo(f"OpenAPI schema:  {base}/openapi.json")
    typer.echo(f"Border guard token (demo-guard):    {guard}")
    typer.echo(f"Supervisor token (demo-supervisor): {supervisor}")
    typer.echo("\nRegister an entry:\n")
    typer.echo(_curl(f"{base}/entries", guard, examples.ENTRY))
    typer.echo("\nRead the remaining stay:\n")
    typer.echo(_curl(f"{base}/stay/remaining", guard, examples.STAY_QUERY))
    typer.echo(
        f"\nThe supervisor token also reads {base}/overstayers and the multiple-identity "
        f"statistics at {base}/interop/statistics (seeding ran every new file through the "
        f"MID; the guard token lists yellow links at {base}/interop/links/queue). "
        f"Server log: {LOG_FILE}."
    )
    print_etias_instructions(base, etias)
    typer.echo("\nStop the server with `make demo-stop` (or `limes demo --stop`).")
