"""What callers ask of the interoperability layer, and what they get back."""

from dataclasses import dataclass

from limes.interop.model import IdentityData, Link, System, SystemRecord, TravelDocument


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordRegistration:
    """A record created or updated in one EU system (art. 27): its identity data, travel
    documents and the sBMS templates already enrolled for it."""

    system: System
    record_id: str
    member_state: str
    identity: IdentityData
    documents: tuple[TravelDocument, ...] = ()
    template_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordOutcome:
    record: SystemRecord
    created: bool
    links: tuple[Link, ...]  # the links this write created


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkResolution:
    link_id: str
    colour: str
    reason: str
