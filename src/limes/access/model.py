"""Who may do what: named users, their roles, and the actor behind each request."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    BORDER_GUARD = "border_guard"
    SUPERVISOR = "supervisor"
    CARRIER = "carrier"
    DATA_PROTECTION_OFFICER = "data_protection_officer"
    AUDITOR = "auditor"
    ADMIN = "admin"
    # Authorities of the other EU systems, for the interoperability layer (Reg. 2019/817
    # art. 29(1)): who verifies a multiple-identity link and what the search portal shows.
    VISA_AUTHORITY = "visa_authority"
    ETIAS_UNIT = "etias_unit"  # an ETIAS National Unit (Reg. 2018/1240 art. 8)
    SIRENE = "sirene"  # the SIRENE Bureau of a Member State (SIS)
    # ETIAS (Reg. 2018/1240): the Central Unit at Frontex (art. 7) verifies hits and keeps
    # the screening rules; Europol enters data in the ETIAS watchlist (art. 34-35).
    ETIAS_CENTRAL_UNIT = "etias_central_unit"
    EUROPOL = "europol"
    # An ETIAS applicant, who has no account: the API acts for them on the public routes.
    APPLICANT = "applicant"


@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    """A named user; `authority` is the border or data-protection authority they act for."""

    name: str
    roles: frozenset[Role]
    authority: str
    state: str  # ISO 3166 alpha-3 code of the Member State the user works for
    active: bool = True
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiToken:
    """A stored API token: only its SHA-256 digest is kept, never the token itself."""

    token_id: str
    user_name: str
    digest: str
    created_at: datetime
    revoked: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """Who is acting, for which purpose: what every audit entry records as who and why."""

    user_name: str
    roles: frozenset[Role]
    authority: str
    state: str
    purpose: str
