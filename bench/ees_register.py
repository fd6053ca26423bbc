"""Benchmark: EES entry registrations per second and p95 latency, service layer and HTTP API.

    python bench/ees_register.py [--count 2000] [--clients 8] [--workers 2]
                                 [--backend sqlite|postgresql|both] [--via service|api|both]

Each registration is a new visa-exempt traveller entering at Schiphol: find the file,
create it, run the calculator, write the record, the retention plan, the idempotency key
and the audit entry, and commit (SQLite with synchronous=FULL). The service path calls
`EntryExitService.register_entry` in one thread; the API path runs uvicorn with
`--workers` processes and `--clients` concurrent HTTP clients posting to /api/v1/entries
with an Idempotency-Key. Target: >= 500 registrations/s through the API on PostgreSQL.
"""

import argparse
import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from limes.access.model import Actor, Role
from limes.access.service import SYSTEM
from limes.bootstrap import build_services
from limes.core.time import FixedClock
from limes.ees.commands import EntryRegistration, TravellerData
from limes.ees.model import (
    BorderCrossingPoint,
    BorderType,
    DocumentType,
    Identity,
    Sex,
    TravelDocument,
)
from limes.settings import Settings
from limes.store.sql.migrate import upgrade

POSTGRES_URL = os.environ.get(
    "LIMES_BENCH_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test"
)
TARGET_API_PER_SECOND = 500
SCHIPHOL = BorderCrossingPoint(
    code="NLAMS",
    name="Amsterdam Airport Schiphol",
    state="NLD",
    border_type=BorderType.AIR,
    time_zone="Europe/Amsterdam",
)
GUARD = Actor(
    user_name="bench-guard",
    roles=frozenset({Role.BORDER_GUARD}),
    authority="Koninklijke Marechaussee",
    state="NLD",
    purpose="benchmark",
)


@dataclass(frozen=True, slots=True)
class Result:
    path: str
    backend: str
    registrations: int
    seconds: float
    per_second: float
    p50_ms: float
    p95_ms: float


def traveller(index: int) -> TravellerData:
    return TravellerData(
        identity=Identity(
            surname="BENCH",
            given_names=f"TRAVELLER {index}",
            date_of_birth=date(1970, 1, 1) + timedelta(days=index % 15000),
            nationalities=("USA",),
            sex=Sex.FEMALE if index % 2 else Sex.MALE,
        ),
        document=TravelDocument(
            document_type=DocumentType.PASSPORT,
            number=f"B{index:08d}",
            issuing_state="USA",
            expiry=date(2034, 1, 1),
        ),
        facial_image_ref=f"face-{index}",
        fingerprint_ref=f"fingers-{index}",
    )


def entry_body(index: int) -> dict[str, object]:
    person = traveller(index)
    return {
        "traveller": {
            "identity": {
                "surname": person.identity.surname,
                "given_names": person.identity.given_names,
                "date_of_birth": person.identity.date_of_birth.isoformat(),
                "nationalities": list(person.identity.nationalities),
                "sex": person.identity.sex.value,
            },
            "document": {
                "document_type": person.document.document_type.value,
                "number": person.document.number,
                "issuing_state": person.document.issuing_state,
                "expiry": person.document.expiry.isoformat(),
            },
            "facial_image_ref": person.facial_image_ref,
            "fingerprint_ref": person.fingerprint_ref,
        },
        "bcp_code": SCHIPHOL.code,
    }


@contextmanager
def database(backend: str) -> Iterator[str]:
    """A fresh, migrated database URL for one run; removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            upgrade(url)
            yield url
        return
    schema = f"limes_bench_{secrets.token_hex(4)}"
    server = create_engine(make_url(POSTGRES_URL).set(drivername="postgresql+psycopg"))
    with server.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    rendered = (
        make_url(POSTGRES_URL)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    try:
        upgrade(rendered)
        yield rendered
    finally:
        with server.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        server.dispose()


def prepare(url: str) -> str:
    """Register the BCP and a border guard; the guard's API token."""
    services = build_services(Settings(database_url=url))
    services.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    _, token = services.users.add_user(
        "bench-guard", [Role.BORDER_GUARD], authority="Koninklijke Marechaussee", state="NLD"
    )
    return token


def through_service(backend: str, url: str, count: int, progress: Progress) -> Result:
    prepare(url)
    clock = FixedClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    services = build_services(Settings(database_url=url), clock)
    latencies: list[float] = []
    task = progress.add_task(f"service · {backend}", total=count)
    started = time.perf_counter()
    for index in range(count):
        command = EntryRegistration(traveller=traveller(index), bcp_code=SCHIPHOL.code)
        begin = time.perf_counter()
        services.entry_exit.register_entry(command, GUARD, idempotency_key=f"svc-{index}")
        latencies.append(time.perf_counter() - begin)
        progress.advance(task)
    return _result("service", backend, latencies, time.perf_counter() - started)


def through_api(
    backend: str, url: str, count: int, clients: int, workers: int, progress: Progress
) -> Result:
    token = prepare(url)
    port = 18000 + secrets.randbelow(1000)
    server = subprocess.Popen(
        [
            sys.executable, "-m", "uvicorn", "--factory", "limes.api.asgi:app_from_environment",
            "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
            "--log-level", "warning", "--no-access-log",
        ],
        env={**os.environ, "LIMES_DATABASE_URL": url},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_until_healthy(base)
        latencies: list[float] = []
        lock = threading.Lock()
        next_index = iter(range(count))
        # Bodies are built before the clock starts: the load generator shares the two cores.
        bodies = [json.dumps(entry_body(index)) for index in range(count)]
        task = progress.add_task(f"API · {backend}", total=count)
        failures: list[int] = []

        def client() -> None:
            # http.client over one keep-alive connection: a light load generator, so the
            # client's own CPU use (it shares the two cores) stays small next to the server's.
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                while True:
                    with lock:
                        index = next(next_index, None)
                    if index is None:
                        return
                    body = bodies[index]
                    begin = time.perf_counter()
                    connection.request(
                        "POST",
                        "/api/v1/entries",
                        body=body,
                        headers={
                            "Authorization": f"Bearer {token}",
                            "Content-Type": "application/json",
                            "Idempotency-Key": f"api-{index}",
                        },
                    )
                    response = connection.getresponse()
                    response.read()
                    elapsed = time.perf_counter() - begin
                    with lock:
                        latencies.append(elapsed)
                        if response.status != 201:
                            failures.append(response.status)
                    if index % 50 == 0:
                        progress.advance(task, 50)
            finally:
                connection.close()

        threads = [threading.Thread(target=client) for _ in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        if failures:
            raise SystemExit(f"{len(failures)} registrations failed: {sorted(set(failures))}")
        return _result("api", backend, latencies, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_healthy(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the API did not become healthy within 60 s")


def _result(path: str, backend: str, latencies: list[float], seconds: float) -> Result:
    ordered = sorted(latencies)
    return Result(
        path=path,
        backend=backend,
        registrations=len(ordered),
        seconds=round(seconds, 2),
        per_second=round(len(ordered) / seconds, 1),
        p50_ms=round(statistics.median(ordered) * 1000, 2),
        p95_ms=round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--via", choices=("service", "api", "both"), default="both")
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    backends = ("sqlite", "postgresql") if arguments.backend == "both" else (arguments.backend,)
    paths = ("service", "api") if arguments.via == "both" else (arguments.via,)
    console = Console(stderr=arguments.json)
    results: list[Result] = []
    with Progress(console=console, transient=True) as progress:
        for backend in backends:
            for path in paths:
                with database(backend) as url:
                    if path == "service":
                        results.append(through_service(backend, url, arguments.count, progress))
                    else:
                        results.append(
                            through_api(
                                backend,
                                url,
                                arguments.count,
                                arguments.clients,
                                arguments.workers,
                                progress,
                            )
                        )
    if arguments.json:
        print(json.dumps([asdict(result) for result in results], indent=2))
        return
    table = Table(title="EES entry registration (new traveller each time)")
    for column in ("path", "store", "registrations", "seconds", "per second", "p50 ms", "p95 ms"):
        table.add_column(column, justify="left" if column in ("path", "store") else "right")
    for result in results:
        table.add_row(
            result.path,
            result.backend,
            str(result.registrations),
            f"{result.seconds:.2f}",
            f"{result.per_second:.0f}",
            f"{result.p50_ms:.2f}",
            f"{result.p95_ms:.2f}",
        )
    console.print(table)
    for result in results:
        if result.path == "api" and result.backend == "postgresql":
            ratio = result.per_second / TARGET_API_PER_SECOND
            console.print(
                f"API on PostgreSQL: {result.per_second:.0f}/s = {ratio:.2f}x the "
                f"{TARGET_API_PER_SECOND}/s target"
            )


if __name__ == "__main__":
    main()
