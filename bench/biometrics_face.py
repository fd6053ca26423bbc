"""Benchmark: face templates per second on one core (`python bench/biometrics_face.py`).

Runs the real photos of the face tests (tests/biometrics/face_samples.py: 9 photos from
112×112 to 1434×2333 px, 16 faces) through `DlibFaceEncoder` with its defaults (HOG
upsample 1, detection on at most 1280 px, no jitter), cycling until `images` have been
processed, in this one process. Each stage is timed call by call: decoding, detection
(HOG, landmarks and aligned chip for every face), the quality gate, and the 128-d
embedding per face. Reference figures for this machine kind: detection 80-350 ms for up to
~1 MP and 1-1.2 s for ~3 MP, embedding ≈75 ms (shared/reference/biometrics.md §1.1).
CPU seconds per wall second shows whether dlib used more than one core.
"""

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from rich.console import Console
from rich.table import Table

from limes.biometrics.face_dlib import DlibFaceEncoder
from limes.biometrics.face_quality import assess_face
from limes.biometrics.images import decode_image

REPOSITORY = Path(__file__).resolve().parents[1]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Stage:
    """Time per call of one stage, in milliseconds."""

    stage: str
    per: str
    calls: int
    p50_ms: float
    p95_ms: float
    mean_ms: float


def face_samples() -> ModuleType:
    """tests/biometrics/face_samples.py, loaded by path: `tests` is not an installed package."""
    path = REPOSITORY / "tests" / "biometrics" / "face_samples.py"
    spec = importlib.util.spec_from_file_location("limes_bench_face_samples", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def timed(call: Callable[[], T], into: list[float]) -> T:
    started = time.perf_counter_ns()
    result = call()
    into.append((time.perf_counter_ns() - started) / 1e6)
    return result


def stage(name: str, per: str, figures: list[float]) -> Stage:
    percentile_95 = statistics.quantiles(figures, n=20)[-1] if len(figures) > 1 else figures[0]
    return Stage(
        stage=name,
        per=per,
        calls=len(figures),
        p50_ms=round(statistics.median(figures), 1),
        p95_ms=round(percentile_95, 1),
        mean_ms=round(statistics.fmean(figures), 1),
    )


def run(console: Console, *, images: int) -> list[dict[str, object]]:
    """Process `images` photos (the 9 real ones in turn); print and return the figures."""
    photos = [path.read_bytes() for path in face_samples().fetch_samples().values()]
    encoder = DlibFaceEncoder()
    encoder.load_models()
    for face in encoder.find_faces(decode_image(photos[0])):  # warm-up, not timed
        encoder.embed_chip(face.observation.chip)

    decoding: list[float] = []
    detection: list[float] = []
    gate: list[float] = []
    embedding: list[float] = []
    whole: list[float] = []
    faces = 0
    cpu_started = time.process_time()
    wall_started = time.perf_counter()
    for number in range(images):
        data = photos[number % len(photos)]
        started = time.perf_counter_ns()
        pixels = timed(partial(decode_image, data), decoding)
        found = timed(partial(encoder.find_faces, pixels), detection)
        for face in found:
            timed(partial(assess_face, face.observation, face_count=len(found)), gate)
            timed(partial(encoder.embed_chip, face.observation.chip), embedding)
        whole.append((time.perf_counter_ns() - started) / 1e6)
        faces += len(found)
    wall = time.perf_counter() - wall_started
    cpu = time.process_time() - cpu_started

    stages = [
        stage("decode (Pillow, EXIF)", "image", decoding),
        stage("detection (HOG + 5 landmarks + chip)", "image", detection),
        stage("quality gate", "face", gate),
        stage("embedding (ResNet, 128-d)", "face", embedding),
        stage("whole image, all its faces", "image", whole),
    ]
    throughput: dict[str, object] = {
        "stage": "throughput",
        "images": images,
        "faces": faces,
        "images_per_second": round(images / wall, 2),
        "templates_per_second": round(faces / wall, 2),
        "cpu_seconds_per_wall_second": round(cpu / wall, 2),
    }

    table = Table(title=f"Face templates on one core: {images} images, {faces} faces")
    for column in ("stage", "per", "calls", "p50 ms", "p95 ms", "mean ms"):
        table.add_column(column, justify="left" if column in ("stage", "per") else "right")
    for row in stages:
        table.add_row(
            row.stage,
            row.per,
            str(row.calls),
            f"{row.p50_ms:,.1f}",
            f"{row.p95_ms:,.1f}",
            f"{row.mean_ms:,.1f}",
        )
    console.print(table)
    console.print(
        f"{throughput['images_per_second']} images/s and "
        f"{throughput['templates_per_second']} templates/s per core; "
        f"CPU seconds per wall second {throughput['cpu_seconds_per_wall_second']}"
    )
    return [*(asdict(row) for row in stages), throughput]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--images", type=int, default=27, help="photos to process (default 27)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    arguments = parser.parse_args()
    results = run(Console(width=120), images=arguments.images)
    if arguments.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
