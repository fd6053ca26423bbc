"""The colour rules of the Multiple-Identity Detector (Reg. (EU) 2019/817 art. 29-33). Pure.

Automatic classification, when a record is created or updated (art. 27-28):

| biometrics    | identity data    | travel document | colour | article        |
|---------------|------------------|-----------------|--------|----------------|
| same          | same or similar  | any             | white  | 33(1)(a), (c)  |
| same          | different        | any             | yellow | 30(1)(a)       |
| not available | same or similar  | same            | white  | 33(1)(b)       |
| not available | same or similar  | not the same    | yellow | 30(1)(b)       |
| not available | different        | same            | yellow | 30(1)(c)       |
| different     | same or similar  | any             | yellow | 30(1)(d)       |
| different     | any              | same            | yellow | 30(1)(d)       |
| otherwise     |                  |                 | no link |               |

"Not available" means at least one of the two records holds no template the other can be
compared with (an ETIAS application has none; a visa holder's EES file has a face only).
A yellow link is then verified by a person (art. 29), who turns it white (the same person,
justified: art. 33(1)(d)), green (two different persons: art. 31) or red (unjustified
multiple identities or identity fraud: art. 32). A red link found to be wrong is corrected
the same way; nobody turns a link back to yellow.
"""

from collections.abc import Mapping
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Final

from limes.interop.model import (
    BiometricComparison,
    DocumentComparison,
    IdentityComparison,
    Link,
    LinkChange,
    LinkColour,
    LinkEvidence,
    System,
)

_SAME_OR_SIMILAR = frozenset({IdentityComparison.SAME, IdentityComparison.SIMILAR})
MID = "mid"  # the `by` of automatic changes in the identity confirmation file

# How long the responsible authority has to verify a yellow link. The regulation says
# "without delay" (art. 29(3)); these service levels are Limes' choice (docs/interop.md):
# at the border the traveller is waiting, an ETIAS application must be decided within 96
# hours (Reg. 2018/1240 art. 32(1)), SIRENE bureaux work to a 12-hour answer.
DEFAULT_VERIFICATION_HOURS: Final[Mapping[System, float]] = MappingProxyType(
    {System.EES: 2.0, System.VIS: 72.0, System.ETIAS: 48.0, System.SIS: 12.0}
)


class LinkTransitionError(ValueError):
    """A colour change the regulation does not provide for."""


def classify(evidence: LinkEvidence) -> LinkColour | None:
    """The automatic colour of a link with this evidence; None when there is no link."""
    identity_alike = evidence.identity in _SAME_OR_SIMILAR
    same_document = evidence.document is DocumentComparison.SAME
    match evidence.biometric:
        case BiometricComparison.SAME:
            return LinkColour.WHITE if identity_alike else LinkColour.YELLOW
        case BiometricComparison.NOT_AVAILABLE:
            if identity_alike:
                return LinkColour.WHITE if same_document else LinkColour.YELLOW
            return LinkColour.YELLOW if same_document else None
        case BiometricComparison.DIFFERENT:
            return LinkColour.YELLOW if identity_alike or same_document else None


def legal_basis(colour: LinkColour, evidence: LinkEvidence, *, manual: bool) -> str:
    """The article a colour rests on, for the identity confirmation file."""
    if colour is LinkColour.GREEN:
        return "Reg. 2019/817 art. 31"
    if colour is LinkColour.RED:
        return "Reg. 2019/817 art. 32"
    if colour is LinkColour.WHITE:
        if manual:
            return "Reg. 2019/817 art. 33(1)(d)"
        if evidence.biometric is BiometricComparison.SAME:
            return "Reg. 2019/817 art. 33(1)(a)"
        return "Reg. 2019/817 art. 33(1)(b)"
    return "Reg. 2019/817 art. 30"


def responsible_system(triggering: System, other: System) -> System:
    """Whose authority verifies the link (art. 29(1)); a SIS alert makes it SIRENE's (29(2))."""
    if System.SIS in (triggering, other):
        return System.SIS
    return triggering


def verification_deadline(
    colour: LinkColour, created_at: datetime, hours: float
) -> datetime | None:
    """When a yellow link should have been verified; other colours need no verification."""
    if colour is not LinkColour.YELLOW:
        return None
    return created_at + timedelta(hours=hours)


def change_colour(
    link: Link, colour: LinkColour, *, at: datetime, by: str, authority: str, reason: str
) -> Link:
    """The link after a person's manual verification; the history keeps every step."""
    if colour is LinkColour.YELLOW:
        raise LinkTransitionError("a link cannot be turned back to yellow")
    if colour is link.colour:
        raise LinkTransitionError(f"the link is already {colour.value}")
    if not reason.strip():
        raise LinkTransitionError("a manual verification needs a reason")
    change = LinkChange(at=at, by=by, authority=authority, colour=colour, reason=reason.strip())
    return Link(
        link_id=link.link_id,
        record_a=link.record_a,
        record_b=link.record_b,
        colour=colour,
        evidence=link.evidence,
        responsible_system=link.responsible_system,
        responsible_state=link.responsible_state,
        created_at=link.created_at,
        verify_by=None,
        verified_at=link.verified_at or at,
        history=(*link.history, change),
    )
