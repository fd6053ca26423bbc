"""Benchmark: the latency the multiple-identity check adds to each enrolment.

    python bench/biometrics_mid.py [--gallery 20000] [--checks 400] [--backend sqlite|postgresql]

A CIR of `gallery` EES records, each with one face template (synthetic 128-d templates,
`synthetic_faces.py`), is written straight to the store. Then `checks` new records are
registered through `IdentityService.register_record`, as the API does after an
enrolment: half re-enrol an existing person under a new name (a biometric match and a
yellow link), half are new people (no link). Each check runs the 1:N face search (FAISS
binary codes with exact re-ranking), the document and identity-data searches, weighs the
candidates, writes the record, its links and the audit entries, and commits.
"""

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from limes.access.model import Actor, Role
from limes.biometrics.engines import default_engines
from limes.biometrics.face_gallery import embedding_bytes
from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef, TemplateFormat
from limes.biometrics.synthetic_faces import FaceModel, SyntheticFaces
from limes.bootstrap import wire
from limes.core.time import FixedClock
from limes.interop.commands import RecordRegistration
from limes.interop.model import IdentityData, System, SystemRecord, TravelDocument
from limes.settings import Settings
from limes.store.sql.engine import create_engine_for, create_session_factory
from limes.store.sql.migrate import upgrade
from limes.store.sql.unit_of_work import SqlUnitOfWork

GUARD = Actor(
    user_name="bench-guard",
    roles=frozenset({Role.BORDER_GUARD}),
    authority="KMar",
    state="NLD",
    purpose="border_check",
)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def identity(index: int) -> IdentityData:
    """A made-up person: random letters for names, a birth date in 1940-2009."""
    rng = np.random.default_rng([7, index])
    letters = rng.integers(ord("A"), ord("Z") + 1, size=14)
    return IdentityData(
        surname="".join(map(chr, letters[:8])),
        given_names="".join(map(chr, letters[8:])),
        date_of_birth=date(
            1940 + int(rng.integers(70)), 1 + int(rng.integers(12)), 1 + int(rng.integers(28))
        ),
        sex="F" if index % 2 else "M",
        nationalities=("USA",),
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def template(record_id: str, vector: np.ndarray) -> BiometricTemplate:
    return BiometricTemplate(
        template_id=uuid.uuid4().hex,
        label=0,
        subject=SubjectRef(system="EES", record_id=record_id),
        modality=Modality.FACE,
        format=TemplateFormat.DLIB_RESNET_128,
        model_version="synthetic",
        finger_position=None,
        quality=80,
        capture_device="bench",
        captured_at=NOW,
        enrolled_at=NOW,
        data=embedding_bytes(vector),
    )


def run(console: Console, *, gallery: int, checks: int, database_url: str) -> dict[str, object]:
    upgrade(database_url)
    settings = Settings(database_url=database_url)
    sessions = create_session_factory(create_engine_for(database_url))

    def uow_factory() -> SqlUnitOfWork:
        return SqlUnitOfWork(sessions)

    services = wire(uow_factory, FixedClock(NOW), settings, default_engines(settings))
    faces = SyntheticFaces(FaceModel(seed=11))
    vectors = faces.gallery(0, gallery)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("writing the CIR and the templates", total=gallery)
        for start in range(0, gallery, 1000):
            with uow_factory() as uow:
                for index in range(start, min(gallery, start + 1000)):
                    record_id = f"g{index}"
                    stored = uow.biometric_templates.add(template(record_id, vectors[index]))
                    uow.system_records.add(
                        SystemRecord(
                            system=System.EES,
                            record_id=record_id,
                            identity_id=uuid.uuid4().hex,
                            identity=identity(index),
                            documents=(TravelDocument(number=f"D{index}", issuing_state="USA"),),
                            template_ids=(stored.template_id,),
                            member_state="NLD",
                            created_at=NOW,
                            updated_at=NOW,
                        )
                    )
                uow.commit()
            progress.advance(task, min(1000, gallery - start))
    rng = np.random.default_rng(5)
    started = time.perf_counter()
    services.biometrics.identify_face_embedding(vectors[0], 80, GUARD, 1, None)  # load index
    load_seconds = time.perf_counter() - started
    timings: list[float] = []
    links = 0
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("multiple-identity checks", total=checks)
        for number in range(checks):
            record_id = f"n{number}"
            if number % 2 == 0:  # the same person again, a new capture, another name
                mate = int(rng.integers(gallery))
                noise = rng.standard_normal(vectors.shape[1], dtype=np.float32) * 0.02
                vector = vectors[mate] + noise
            else:
                vector = faces.identities(1, rng)[0]
            subject = SubjectRef(system="EES", record_id=record_id)
            enrolled = services.biometrics.enrol_face_template(
                subject,
                vector,
                quality=80,
                model_version="synthetic",
                capture_device="bench",
                actor=GUARD,
            )
            registration = RecordRegistration(
                system=System.EES,
                record_id=record_id,
                member_state="NLD",
                identity=identity(gallery + number),
                documents=(TravelDocument(number=f"N{number}", issuing_state="USA"),),
                template_ids=(enrolled.template_id,),
            )
            started = time.perf_counter()
            outcome = services.identities.register_record(registration, GUARD)
            timings.append((time.perf_counter() - started) * 1000)
            links += len(outcome.links)
            progress.advance(task)
    return {
        "gallery": gallery,
        "checks": checks,
        "links": links,
        "index_load_s": round(load_seconds, 2),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "p99_ms": round(percentile(timings, 0.99), 2),
        "max_ms": round(max(timings), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gallery", type=int, default=20_000)
    parser.add_argument("--checks", type=int, default=400)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--postgres-url", default="postgresql+psycopg://root@127.0.0.1:5432/limes_bench_mid"
    )
    arguments = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory() as directory:
        if arguments.backend == "sqlite":
            url = f"sqlite:///{Path(directory) / 'mid.db'}"
        else:
            url = _fresh_postgres(arguments.postgres_url)
        result = run(console, gallery=arguments.gallery, checks=arguments.checks, database_url=url)
    table = Table(title=f"Multiple-identity check per enrolment ({arguments.backend})")
    for column in result:
        table.add_column(column, justify="right")
    table.add_row(*(str(value) for value in result.values()))
    console.print(table)
    expected = arguments.checks // 2
    console.print(f"links created: {result['links']} (re-enrolments planted: {expected})")


def _fresh_postgres(url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}"'))
        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()
    return url


if __name__ == "__main__":
    main()
