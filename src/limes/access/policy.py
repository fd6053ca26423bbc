"""Which roles may take which action: the one table both the API and the services read."""

from enum import StrEnum
from types import MappingProxyType
from typing import Final

from limes.access.errors import ForbiddenError
from limes.access.model import Actor, Role


class Action(StrEnum):
    TRAVELLER_READ = "ees.traveller.read"
    ENTRY_REGISTER = "ees.entry.register"
    EXIT_REGISTER = "ees.exit.register"
    REFUSAL_REGISTER = "ees.refusal.register"
    STAY_READ = "ees.stay.read"
    STAY_DECISION_REGISTER = "ees.stay_decision.register"
    CARRIER_VERIFY = "ees.carrier.verify"
    VISA_REGISTER = "ees.visa.register"
    OVERSTAYERS_READ = "ees.overstayers.read"
    OVERSTAYERS_FLAG = "ees.overstayers.flag"
    STATISTICS_READ = "ees.statistics.read"
    BCP_READ = "ees.bcp.read"
    BCP_MANAGE = "ees.bcp.manage"
    RETENTION_RUN = "ees.retention.run"
    FILE_ERASE = "ees.file.erase"
    DATA_SUBJECT_MANAGE = "ees.data_subject.manage"
    FALLBACK_REPLAY = "ees.fallback.replay"
    AUDIT_VERIFY = "audit.verify"
    USERS_MANAGE = "users.manage"
    SEED = "ees.seed"
    BIOMETRIC_ENROL = "biometrics.enrol"
    BIOMETRIC_VERIFY = "biometrics.verify"
    BIOMETRIC_IDENTIFY = "biometrics.identify"
    BIOMETRIC_ERASE = "biometrics.erase"
    INTEROP_RECORD_WRITE = "interop.record.write"
    INTEROP_RECORD_READ = "interop.record.read"
    MID_QUEUE_READ = "mid.queue.read"
    MID_LINK_RESOLVE = "mid.link.resolve"
    MID_STATISTICS_READ = "mid.statistics.read"
    ESP_SEARCH = "esp.search"


_GUARDS = frozenset({Role.BORDER_GUARD, Role.SUPERVISOR})
_EVERYONE = frozenset(Role)
# The authorities of the EU systems behind the interoperability layer (Reg. 2019/817
# art. 29(1)): border, visa, ETIAS and SIRENE; each sees only what its profile allows.
_SYSTEM_AUTHORITIES = frozenset(
    {Role.BORDER_GUARD, Role.SUPERVISOR, Role.VISA_AUTHORITY, Role.ETIAS_UNIT, Role.SIRENE}
)
_BIOMETRIC_AUTHORITIES = frozenset(
    {Role.BORDER_GUARD, Role.SUPERVISOR, Role.VISA_AUTHORITY, Role.SIRENE}
)

# Least privilege: carriers see only the carrier check (EESR art. 13(3)); the data
# protection officer handles data-subject requests and erasure; auditors read the log.
PERMISSIONS: Final = MappingProxyType(
    {
        Action.TRAVELLER_READ: _GUARDS,
        Action.ENTRY_REGISTER: _GUARDS,
        Action.EXIT_REGISTER: _GUARDS,
        Action.REFUSAL_REGISTER: _GUARDS,
        Action.STAY_READ: _GUARDS,
        Action.STAY_DECISION_REGISTER: frozenset({Role.SUPERVISOR}),
        Action.CARRIER_VERIFY: frozenset({Role.CARRIER, *_GUARDS}),
        Action.VISA_REGISTER: frozenset({Role.SUPERVISOR, Role.ADMIN}),
        Action.OVERSTAYERS_READ: frozenset({Role.SUPERVISOR}),
        Action.OVERSTAYERS_FLAG: frozenset({Role.SUPERVISOR, Role.ADMIN}),
        Action.STATISTICS_READ: frozenset({Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN}),
        Action.BCP_READ: _EVERYONE,
        Action.BCP_MANAGE: frozenset({Role.ADMIN}),
        Action.RETENTION_RUN: frozenset({Role.ADMIN, Role.DATA_PROTECTION_OFFICER}),
        Action.FILE_ERASE: frozenset({Role.SUPERVISOR, Role.DATA_PROTECTION_OFFICER}),
        Action.DATA_SUBJECT_MANAGE: frozenset({Role.DATA_PROTECTION_OFFICER}),
        Action.FALLBACK_REPLAY: frozenset({Role.SUPERVISOR, Role.ADMIN}),
        Action.AUDIT_VERIFY: frozenset({Role.AUDITOR, Role.DATA_PROTECTION_OFFICER}),
        Action.USERS_MANAGE: frozenset({Role.ADMIN}),
        Action.SEED: frozenset({Role.ADMIN}),
        # ETIAS holds no biometrics (Reg. 2018/1240 art. 17), so the ETIAS units do not enrol.
        Action.BIOMETRIC_ENROL: _BIOMETRIC_AUTHORITIES,
        Action.BIOMETRIC_VERIFY: _BIOMETRIC_AUTHORITIES,
        Action.BIOMETRIC_IDENTIFY: _BIOMETRIC_AUTHORITIES,
        Action.BIOMETRIC_ERASE: frozenset({Role.SUPERVISOR, Role.DATA_PROTECTION_OFFICER}),
        Action.INTEROP_RECORD_WRITE: _SYSTEM_AUTHORITIES,
        Action.INTEROP_RECORD_READ: _SYSTEM_AUTHORITIES,
        Action.MID_QUEUE_READ: _SYSTEM_AUTHORITIES,
        Action.MID_LINK_RESOLVE: _SYSTEM_AUTHORITIES,
        Action.MID_STATISTICS_READ: frozenset({Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN}),
        Action.ESP_SEARCH: _SYSTEM_AUTHORITIES,
    }
)


def allowed_roles(action: Action) -> frozenset[Role]:
    return PERMISSIONS[action]


def require(actor: Actor, action: Action) -> None:
    """Raise ForbiddenError unless one of the actor's roles may take `action`."""
    if not actor.roles & PERMISSIONS[action]:
        raise ForbiddenError(
            f"this action ({action.value}) needs one of the roles: "
            + ", ".join(sorted(PERMISSIONS[action]))
        )
