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
    WATCHLIST_READ = "watchlist.read"
    WATCHLIST_ALERT_WRITE = "watchlist.alert.write"
    WATCHLIST_ENTRY_WRITE = "watchlist.entry.write"
    WATCHLIST_IMPORT = "watchlist.import"
    WATCHLIST_EXPORT = "watchlist.export"
    SCREENING_COMPARE = "screening.compare"
    ETIAS_APPLY = "etias.application.submit"
    ETIAS_APPLICATION_STATUS = "etias.application.status"
    ETIAS_CASE_READ = "etias.case.read"
    ETIAS_CENTRAL_VERIFY = "etias.central.verify"
    ETIAS_NATIONAL_DECIDE = "etias.national.decide"
    ETIAS_AUTHORISATION_MANAGE = "etias.authorisation.manage"
    ETIAS_RULES_MANAGE = "etias.rules.manage"
    ETIAS_IMPACT_ASSESS = "etias.impact.assess"
    ETIAS_CARRIER_QUERY = "etias.carrier.query"
    ETIAS_BORDER_QUERY = "etias.border.query"
    ETIAS_STATISTICS_READ = "etias.statistics.read"


_GUARDS = frozenset({Role.BORDER_GUARD, Role.SUPERVISOR})
_EVERYONE = frozenset(Role)
# The authorities of the EU systems behind the interoperability layer (Reg. 2019/817
# art. 29(1)): border, visa, ETIAS and SIRENE; each sees only what its profile allows.
_SYSTEM_AUTHORITIES = frozenset(
    {Role.BORDER_GUARD, Role.SUPERVISOR, Role.VISA_AUTHORITY, Role.ETIAS_UNIT, Role.SIRENE}
)
_ETIAS_UNITS = frozenset({Role.ETIAS_CENTRAL_UNIT, Role.ETIAS_UNIT})
# Who screens against and reads the alerts and the ETIAS watchlist.
_WATCHLIST_READERS = frozenset(
    {Role.BORDER_GUARD, Role.SUPERVISOR, Role.SIRENE, Role.EUROPOL, *_ETIAS_UNITS}
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
        Action.WATCHLIST_READ: _WATCHLIST_READERS,
        # SIS alerts are issued through the SIRENE Bureau; the ETIAS watchlist is fed by
        # Europol and the Member States (Reg. 2018/1240 art. 34(2)).
        Action.WATCHLIST_ALERT_WRITE: frozenset({Role.SIRENE}),
        Action.WATCHLIST_ENTRY_WRITE: frozenset({Role.EUROPOL, Role.ETIAS_UNIT}),
        Action.WATCHLIST_IMPORT: frozenset({Role.SIRENE, Role.EUROPOL, Role.ADMIN}),
        Action.WATCHLIST_EXPORT: frozenset({Role.SIRENE, Role.EUROPOL, Role.ADMIN}),
        Action.SCREENING_COMPARE: _WATCHLIST_READERS,
        Action.ETIAS_APPLY: frozenset({Role.APPLICANT}),
        Action.ETIAS_APPLICATION_STATUS: frozenset({Role.APPLICANT}),
        Action.ETIAS_CASE_READ: _ETIAS_UNITS,
        Action.ETIAS_CENTRAL_VERIFY: frozenset({Role.ETIAS_CENTRAL_UNIT}),
        Action.ETIAS_NATIONAL_DECIDE: frozenset({Role.ETIAS_UNIT}),
        # Annul and revoke (art. 40-41) are National Unit decisions; an applicant may
        # revoke their own authorisation (art. 41(8)), through ETIAS_APPLICATION_STATUS.
        Action.ETIAS_AUTHORISATION_MANAGE: frozenset({Role.ETIAS_UNIT}),
        Action.ETIAS_RULES_MANAGE: frozenset({Role.ETIAS_CENTRAL_UNIT}),
        Action.ETIAS_IMPACT_ASSESS: frozenset({Role.EUROPOL, *_ETIAS_UNITS}),
        Action.ETIAS_CARRIER_QUERY: frozenset({Role.CARRIER, *_GUARDS}),
        Action.ETIAS_BORDER_QUERY: _GUARDS,
        Action.ETIAS_STATISTICS_READ: frozenset(
            {Role.ETIAS_CENTRAL_UNIT, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN}
        ),
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
