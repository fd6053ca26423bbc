"""`limes biometrics`: enrol an image, verify it 1:1, identify it 1:N. Audited like the API."""

from pathlib import Path
from typing import Annotated

import typer

from limes.biometrics.model import SubjectRef, TemplateFormat
from limes.cli.operator import TokenOption, acting, open_services, print_json
from limes.interop.model import System

app = typer.Typer(help="The shared Biometric Matching Service: faces and fingerprints.")

PURPOSE = "border_check"
ImageFile = Annotated[
    Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Image file.")
]
SystemOption = Annotated[System, typer.Option("--system", help="The record's system.")]
RecordOption = Annotated[str, typer.Option("--record-id", help="The record's id in it.")]
DeviceOption = Annotated[str, typer.Option("--device", help="Capture device.")]
PpiOption = Annotated[int, typer.Option("--ppi", min=250, max=1000, help="Pixels per inch.")]


@app.command("enrol-face")
def enrol_face(
    image: ImageFile,
    record_id: RecordOption,
    system: SystemOption = System.EES,
    device: DeviceOption = "cli",
    token: TokenOption = None,
) -> None:
    """Enrol a facial image for a record: quality gate, then a stored 128-d template."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    subject = SubjectRef(system=system.value, record_id=record_id)
    print_json(services.biometrics.enrol_face(subject, image.read_bytes(), device, actor))


@app.command("enrol-fingerprint")
def enrol_fingerprint(
    image: ImageFile,
    finger: Annotated[int, typer.Option("--finger", min=0, max=10, help="ISO finger position.")],
    record_id: RecordOption,
    system: SystemOption = System.EES,
    ppi: PpiOption = 500,
    device: DeviceOption = "cli",
    token: TokenOption = None,
) -> None:
    """Enrol a fingerprint image: minutiae (NIST MINDTCT) and an NFIQ 2 quality gate."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    subject = SubjectRef(system=system.value, record_id=record_id)
    print_json(
        services.biometrics.enrol_fingerprint(
            subject,
            image.read_bytes(),
            ppi=ppi,
            finger_position=finger,
            capture_device=device,
            actor=actor,
        )
    )


@app.command("import-minutiae")
def import_minutiae(
    record: ImageFile,
    template_format: Annotated[
        TemplateFormat, typer.Option("--format", help="iso-19794-2-2005, ansi-378-2004, ...")
    ],
    record_id: RecordOption,
    system: SystemOption = System.EES,
    device: DeviceOption = "cli",
    token: TokenOption = None,
) -> None:
    """Import an ISO/IEC 19794-2 or ANSI/INCITS 378 record: one template per finger view."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    subject = SubjectRef(system=system.value, record_id=record_id)
    print_json(
        services.biometrics.enrol_minutiae(
            subject, record.read_bytes(), template_format, capture_device=device, actor=actor
        )
    )


@app.command("verify-face")
def verify_face(template_id: str, image: ImageFile, token: TokenOption = None) -> None:
    """1:1: distance, threshold and decision of a face against a stored template."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(services.biometrics.verify_face(template_id, image.read_bytes(), actor))


@app.command("verify-fingerprint")
def verify_fingerprint(
    template_id: str, image: ImageFile, ppi: PpiOption = 500, token: TokenOption = None
) -> None:
    """1:1: Bozorth3 score, threshold and decision of a finger against a stored template."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(
        services.biometrics.verify_fingerprint(
            template_id, image.read_bytes(), ppi=ppi, actor=actor
        )
    )


@app.command("identify-face")
def identify_face(
    image: ImageFile,
    candidates: Annotated[int, typer.Option("--candidates", min=1, max=100)] = 10,
    token: TokenOption = None,
) -> None:
    """1:N: the closest faces in the gallery, ranked, with distances and decisions."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(
        services.biometrics.identify_face(image.read_bytes(), actor, max_candidates=candidates)
    )


@app.command("identify-fingerprint")
def identify_fingerprint(
    image: ImageFile,
    finger: Annotated[int, typer.Option("--finger", min=0, max=10, help="ISO finger position.")],
    ppi: PpiOption = 500,
    candidates: Annotated[int, typer.Option("--candidates", min=1, max=100)] = 10,
    token: TokenOption = None,
) -> None:
    """1:N in two stages (shortlist, then Bozorth3), ranked with both stages' scores."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(
        services.biometrics.identify_fingerprint(
            image.read_bytes(), actor, ppi=ppi, finger_position=finger, max_candidates=candidates
        )
    )
