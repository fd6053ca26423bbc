"""The European Search Portal's access profiles (Reg. 2019/817 art. 8-9). Pure.

Each role sees only the systems and the fields its tasks need: a profile maps a role to
the field groups it may see per system. The union of an actor's roles applies.

Field groups: "record" (system, record id, the state that created it, dates, the CIR
identity it belongs to), "identity" (names, date of birth, sex, nationalities),
"documents" (travel documents), "biometrics" (template references and the match score),
"links" (the colours of the record's MID links).
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from limes.access.model import Role
from limes.interop.model import System

RECORD, IDENTITY, DOCUMENTS, BIOMETRICS, LINKS = (
    "record",
    "identity",
    "documents",
    "biometrics",
    "links",
)
_ALL = frozenset({RECORD, IDENTITY, DOCUMENTS, BIOMETRICS, LINKS})
_HIT_ONLY = frozenset({RECORD, IDENTITY})

_BORDER: Final = MappingProxyType(
    {
        System.EES: _ALL,
        System.VIS: _ALL,
        # The border sees that an application exists and whose it is; the ETIAS decision
        # itself is read from ETIAS (issue 5), not from the portal.
        System.ETIAS: _HIT_ONLY,
        # A SIS hit: that there is an alert and from which state; SIRENE has the rest.
        System.SIS: _HIT_ONLY,
    }
)

PROFILES: Final[Mapping[Role, Mapping[System, frozenset[str]]]] = MappingProxyType(
    {
        Role.BORDER_GUARD: _BORDER,
        Role.SUPERVISOR: _BORDER,
        Role.VISA_AUTHORITY: MappingProxyType(
            {System.VIS: _ALL, System.EES: _ALL, System.SIS: _HIT_ONLY}
        ),
        Role.ETIAS_UNIT: MappingProxyType(
            {
                System.ETIAS: _ALL,
                System.EES: frozenset({RECORD, IDENTITY, DOCUMENTS, LINKS}),
                System.VIS: _HIT_ONLY,
                System.SIS: _HIT_ONLY,
            }
        ),
        Role.SIRENE: MappingProxyType(
            {
                System.SIS: _ALL,
                System.EES: _HIT_ONLY,
                System.VIS: _HIT_ONLY,
                System.ETIAS: _HIT_ONLY,
            }
        ),
    }
)


def visible_fields(roles: frozenset[Role]) -> dict[System, frozenset[str]]:
    """Per system, the field groups any of these roles may see; systems absent are hidden."""
    merged: dict[System, frozenset[str]] = {}
    for role in roles:
        for system, groups in PROFILES.get(role, {}).items():
            merged[system] = merged.get(system, frozenset()) | groups
    return merged
