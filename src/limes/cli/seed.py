"""`limes seed`: a synthetic, reproducible traveller population, fed through the EES services.

Every file and record is written the way a border crossing point writes it, through
`register_entry`, `register_exit` and `register_refusal` with the crossing's own time, so
the seeded data passes the same rules, calculator and audit log as real traffic.
"""

import random
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from limes.access.model import Actor
from limes.bootstrap import Services, build_services
from limes.cli.operator import TokenOption, acting, day
from limes.core.errors import LimesError
from limes.ees.commands import (
    EntryRegistration,
    ExitRegistration,
    RefusalRegistration,
    TravellerData,
    VisaReference,
)
from limes.ees.model import FingerprintStatus
from limes.seed.crossing_points import SEED_BORDER_CROSSING_POINTS
from limes.seed.itinerary import SyntheticTrip
from limes.seed.population import SyntheticTraveller, generate_population
from limes.settings import Settings


@dataclass(slots=True)
class SeedReport:
    """What was written, and why any synthetic crossing was rejected (by error code)."""

    travellers: int = 0
    entries: int = 0
    exits: int = 0
    refusals: int = 0
    visas: int = 0
    flagged_overstayers: int = 0
    rejected: Counter[str] = field(default_factory=Counter)


def seed(
    travellers: Annotated[int, typer.Option(min=0, help="How many travellers.")] = 10_000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed, the same people.")] = 7,
    until: Annotated[
        str | None, typer.Option(help="Last day of the trips (YYYY-MM-DD); default today.")
    ] = None,
    token: TokenOption = None,
) -> None:
    """Seed the database LIMES_DATABASE_URL names with a synthetic population."""
    # Seeding can be redone from the seed, so it need not wait for every commit to reach
    # the disk (SQLite synchronous=NORMAL); the API keeps FULL.
    services = build_services(Settings(), sqlite_synchronous="NORMAL")
    actor = acting(services, token, "seeding")
    last_day = day(until, "--until") if until else services.clock.now().date()
    report = seed_with_progress(services, actor, travellers, seed, last_day, Console(stderr=True))
    typer.echo(
        f"seeded {report.travellers} travellers: {report.entries} entries, {report.exits} "
        f"exits, {report.refusals} refusals, {report.visas} visas; "
        f"{report.flagged_overstayers} overstayers flagged"
    )
    for code, count in sorted(report.rejected.items()):
        typer.echo(f"rejected by the EES: {count} × {code}")


def seed_with_progress(
    services: Services,
    actor: Actor,
    travellers: int,
    seed: int,
    until: date,
    console: Console,
) -> SeedReport:
    """Generate `travellers` people from `seed` and feed them through the services,
    with a progress bar on `console`."""
    population = generate_population(random.Random(seed), travellers, until=until)
    with Progress(
        TextColumn("seeding travellers"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("seed", total=travellers)
        return seed_population(services, actor, population, lambda: progress.advance(task))


def seed_population(
    services: Services,
    actor: Actor,
    population: Iterable[SyntheticTraveller],
    advance: Callable[[], None],
) -> SeedReport:
    """Register the border crossing points, then every traveller's visas and trips."""
    report = SeedReport()
    known = {bcp.code for bcp in services.registry.border_crossing_points(actor)}
    for bcp in SEED_BORDER_CROSSING_POINTS:
        if bcp.code not in known:
            services.registry.add_border_crossing_point(bcp, actor)
    for traveller in population:
        _seed_traveller(services, actor, traveller, report)
        report.travellers += 1
        advance()
    report.flagged_overstayers = services.monitoring.flag_overstayers(actor)
    return report


def _seed_traveller(
    services: Services, actor: Actor, traveller: SyntheticTraveller, report: SeedReport
) -> None:
    for visa in traveller.visas:
        try:
            services.registry.register_visa(visa, actor)
        except LimesError as error:
            report.rejected[error.code] += 1
        else:
            report.visas += 1
    data = _traveller_data(traveller, report.travellers)
    visa_states = {visa.sticker_number: visa.issuing_state for visa in traveller.visas}
    for trip in traveller.trips:
        try:
            _seed_trip(services, actor, data, trip, visa_states, report)
        except LimesError as error:
            report.rejected[error.code] += 1


def _traveller_data(traveller: SyntheticTraveller, index: int) -> TravellerData:
    """The traveller as the border captures them; biometric references are synthetic."""
    captured = traveller.fingerprints is FingerprintStatus.CAPTURED
    return TravellerData(
        identity=traveller.identity,
        document=traveller.document,
        facial_image_ref=f"synthetic-face-{index}",
        fingerprint_ref=f"synthetic-fingerprints-{index}" if captured else None,
        family_member_of_eu_citizen=traveller.family_member_of_eu_citizen,
        visa_required=traveller.visa_required,
    )


def _seed_trip(
    services: Services,
    actor: Actor,
    data: TravellerData,
    trip: SyntheticTrip,
    visa_states: dict[str, str],
    report: SeedReport,
) -> None:
    if trip.refused:
        refusal = RefusalRegistration(
            traveller=data, bcp_code=trip.entry_bcp, reasons=trip.refused, at=trip.entry_at
        )
        services.entry_exit.register_refusal(refusal, actor)
        report.refusals += 1
        return
    visa = (
        VisaReference(
            issuing_state=visa_states[trip.visa_sticker], sticker_number=trip.visa_sticker
        )
        if trip.visa_sticker
        else None
    )
    entry = EntryRegistration(
        traveller=data,
        bcp_code=trip.entry_bcp,
        at=trip.entry_at,
        visa=visa,
        self_service=trip.self_service,
    )
    services.entry_exit.register_entry(entry, actor)
    report.entries += 1
    if trip.exit_at is not None and trip.exit_bcp is not None:
        leaving = ExitRegistration(
            document=data.document.key, bcp_code=trip.exit_bcp, at=trip.exit_at
        )
        services.entry_exit.register_exit(leaving, actor)
        report.exits += 1
