"""`limes ees ...`: the EES operations of the API, from the command line, printing JSON."""

import json
from typing import Annotated

import typer

from limes.access.model import Actor
from limes.bootstrap import Services, build_fallback_registrar
from limes.cli.operator import (
    TokenOption,
    acting,
    day,
    instant_option,
    open_services,
    print_json,
)
from limes.ees.commands import (
    EntryRegistration,
    ExitRegistration,
    RefusalRegistration,
    TravellerData,
    VisaReference,
)
from limes.ees.fallback import replay as replay_queue
from limes.ees.model import DocumentKey, DocumentType, Identity, RefusalReason, Sex, TravelDocument
from limes.ees.statistics import Dimension, StatisticsKind
from limes.settings import Settings
from limes.store.local_queue import SqliteFallbackQueue

app = typer.Typer(
    help="The Entry/Exit System: look up travellers, register crossings, read stays and lists.",
    no_args_is_help=True,
)

IssuingState = Annotated[str, typer.Argument(help="Issuing state of the document (ICAO code).")]
Number = Annotated[str, typer.Argument(help="Document number.")]
Bcp = Annotated[str, typer.Option("--bcp", help="Border crossing point code, e.g. NLAMS.")]
At = Annotated[
    str | None, typer.Option("--at", help="When it happened (ISO 8601 with offset); default now.")
]
Key = Annotated[
    str | None, typer.Option("--idempotency-key", help="Repeat safely: the first outcome wins.")
]
Surname = Annotated[str, typer.Option(help="Surname as in the document.")]
GivenNames = Annotated[str, typer.Option(help="Given names as in the document.")]
Born = Annotated[str, typer.Option(help="Date of birth, YYYY-MM-DD.")]
Nationality = Annotated[list[str], typer.Option(help="Nationality (ICAO code); repeatable.")]
SexOption = Annotated[Sex, typer.Option(help="F, M or X.")]
DocumentTypeOption = Annotated[DocumentType, typer.Option(help="Travel document type.")]
Expiry = Annotated[str, typer.Option(help="Document expiry date, YYYY-MM-DD.")]
FacialImage = Annotated[str | None, typer.Option(help="Reference to the facial image taken.")]
Fingerprints = Annotated[str | None, typer.Option(help="Reference to the fingerprints taken.")]


def _traveller(
    surname: str,
    given_names: str,
    born: str,
    nationality: list[str],
    sex: Sex,
    document_type: DocumentType,
    issuing_state: str,
    number: str,
    expiry: str,
    facial_image: str | None,
    fingerprints: str | None,
) -> TravellerData:
    return TravellerData(
        identity=Identity(
            surname=surname,
            given_names=given_names,
            date_of_birth=day(born, "--born"),
            nationalities=tuple(nationality),
            sex=sex,
        ),
        document=TravelDocument(
            document_type=document_type,
            number=number,
            issuing_state=issuing_state,
            expiry=day(expiry, "--expiry"),
        ),
        facial_image_ref=facial_image,
        fingerprint_ref=fingerprints,
    )


@app.command()
def lookup(issuing_state: IssuingState, number: Number, token: TokenOption = None) -> None:
    """The individual file holding a document, with all its records."""
    services = open_services()
    actor = acting(services, token, "border_check")
    print_json(services.stays.find_traveller(DocumentKey(issuing_state, number), actor))


@app.command()
def enter(
    issuing_state: IssuingState,
    number: Number,
    bcp: Bcp,
    surname: Surname,
    born: Born,
    nationality: Nationality,
    sex: SexOption,
    expiry: Expiry,
    given_names: GivenNames = "",
    document_type: DocumentTypeOption = DocumentType.PASSPORT,
    facial_image: FacialImage = None,
    fingerprints: Fingerprints = None,
    visa: Annotated[
        str | None, typer.Option(help="Visa used, as ISSUING_STATE:STICKER_NUMBER.")
    ] = None,
    at: At = None,
    idempotency_key: Key = None,
    token: TokenOption = None,
) -> None:
    """Register an entry; prints the record and the maximum authorised stay."""
    traveller = _traveller(
        surname, given_names, born, nationality, sex, document_type,
        issuing_state, number, expiry, facial_image, fingerprints,
    )  # fmt: skip
    command = EntryRegistration(
        traveller=traveller,
        bcp_code=bcp,
        at=instant_option(at, "--at"),
        visa=_visa_reference(visa),
    )
    services = open_services()
    actor = acting(services, token, "border_check")
    print_json(_register_at_the_border(services, command, actor, idempotency_key))


@app.command(name="exit")
def exit_(
    issuing_state: IssuingState,
    number: Number,
    bcp: Bcp,
    at: At = None,
    idempotency_key: Key = None,
    token: TokenOption = None,
) -> None:
    """Register an exit; prints the record and any overstay."""
    command = ExitRegistration(
        document=DocumentKey(issuing_state, number), bcp_code=bcp, at=instant_option(at, "--at")
    )
    services = open_services()
    actor = acting(services, token, "border_check")
    print_json(_register_at_the_border(services, command, actor, idempotency_key))


@app.command()
def refuse(
    issuing_state: IssuingState,
    number: Number,
    bcp: Bcp,
    reason: Annotated[list[RefusalReason], typer.Option(help="Annex V Part B code A-J.")],
    surname: Surname,
    born: Born,
    nationality: Nationality,
    sex: SexOption,
    expiry: Expiry,
    given_names: GivenNames = "",
    document_type: DocumentTypeOption = DocumentType.PASSPORT,
    facial_image: FacialImage = None,
    fingerprints: Fingerprints = None,
    at: At = None,
    idempotency_key: Key = None,
    token: TokenOption = None,
) -> None:
    """Register a refusal of entry with its reasons."""
    traveller = _traveller(
        surname, given_names, born, nationality, sex, document_type,
        issuing_state, number, expiry, facial_image, fingerprints,
    )  # fmt: skip
    command = RefusalRegistration(
        traveller=traveller,
        bcp_code=bcp,
        reasons=frozenset(reason),
        at=instant_option(at, "--at"),
    )
    services = open_services()
    actor = acting(services, token, "border_check")
    print_json(_register_at_the_border(services, command, actor, idempotency_key))


@app.command()
def remaining(
    issuing_state: IssuingState,
    number: Number,
    on: Annotated[str | None, typer.Option(help="Day to compute for; default today.")] = None,
    token: TokenOption = None,
) -> None:
    """Days used and remaining, or the overstay, on a day."""
    on_day = day(on, "--on") if on else None
    services = open_services()
    actor = acting(services, token, "border_check")
    print_json(services.stays.remaining_stay(DocumentKey(issuing_state, number), actor, on_day))


@app.command()
def overstayers(
    nationality: Annotated[str | None, typer.Option(help="Only this nationality.")] = None,
    bcp: Annotated[str | None, typer.Option(help="Only entries at this BCP.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    token: TokenOption = None,
) -> None:
    """Identified overstayers, oldest authorised-stay end first."""
    services = open_services()
    actor = acting(services, token, "overstayer_follow_up")
    rows = services.monitoring.overstayers(
        actor, nationality=nationality, bcp_code=bcp, limit=limit, offset=offset
    )
    print_json(list(rows))


@app.command(name="flag-overstayers")
def flag_overstayers(token: TokenOption = None) -> None:
    """Flag every open entry whose authorised stay has ended; prints how many."""
    services = open_services()
    actor = acting(services, token, "overstayer_follow_up")
    typer.echo(json.dumps({"flagged": services.monitoring.flag_overstayers(actor)}))


@app.command()
def stats(
    kind: Annotated[StatisticsKind, typer.Option(help="What to count.")],
    dimension: Annotated[list[Dimension], typer.Option(help="Group by; up to three.")],
    from_day: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    to_day: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
    token: TokenOption = None,
) -> None:
    """Counts by up to three dimensions; counts below the minimum are suppressed (null)."""
    services = open_services()
    actor = acting(services, token, "statistics")
    table = services.monitoring.statistics(
        actor,
        kind=kind,
        dimensions=dimension,
        from_day=day(from_day, "--from"),
        to_day=day(to_day, "--to"),
    )
    print_json(table)


@app.command()
def retention(token: TokenOption = None) -> None:
    """Erase every record and file due today and issue the overstayer warnings."""
    services = open_services()
    actor = acting(services, token, "data_protection")
    print_json(services.retention.apply_retention(actor))


@app.command()
def replay(token: TokenOption = None) -> None:
    """Upload the registrations queued while the central store was down (EESR art. 21).

    Each is uploaded once, with its original time and the fallback mark; those the EES
    rejects stay in the queue as failed, with their error code. Exit 1 if the store is still
    unreachable or anything failed.
    """
    settings = Settings()
    services = open_services()
    acting(services, token, "fallback_replay")
    queue = SqliteFallbackQueue(settings.fallback_queue_path)
    report = replay_queue(queue, services.entry_exit)
    print_json(report)
    if report.still_unreachable or report.failed:
        raise typer.Exit(1)


def _register_at_the_border(
    services: Services,
    command: EntryRegistration | ExitRegistration | RefusalRegistration,
    actor: Actor,
    idempotency_key: str | None,
) -> object:
    """Register through the central store, or queue locally while it cannot be reached."""
    registrar = build_fallback_registrar(Settings(), services)
    return registrar.register(command, actor, idempotency_key)


def _visa_reference(value: str | None) -> VisaReference | None:
    if value is None:
        return None
    issuing_state, separator, sticker = value.partition(":")
    if not separator or not issuing_state or not sticker:
        raise typer.BadParameter("expected ISSUING_STATE:STICKER_NUMBER", param_hint="--visa")
    return VisaReference(issuing_state=issuing_state, sticker_number=sticker)
