"""What the EES services answer: the record written plus what the calculator found."""

from dataclasses import dataclass
from datetime import date

from limes.ees.model import EntryExitRecord, RefusalRecord, VisaRecord


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryOutcome:
    """EESR art. 11(2)(a): the maximum authorised stay and the visa entries used on entry."""

    record: EntryExitRecord
    file_created: bool
    authorised_stay_until: date
    max_stay_days: int
    days_used_on_entry: int  # 90/180 count on the entry day, the entry day included
    visa_entry_number: int | None  # which entry on the visa this is (1, 2, ...)
    visa_entries_allowed: int | None  # 1, 2, or None for MULT / no visa
    warnings: tuple[str, ...] = ()
    # The file was created, or it now holds a document it did not hold before: what the
    # multiple-identity check must see again (Reg. 2019/817 art. 27).
    identity_changed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ExitOutcome:
    """EESR art. 11(2)(c): any overstay, measured both ways (ees_rules.md §1.2)."""

    record: EntryExitRecord
    days_used: int
    overstay_days: int  # excess over 90 in the window ending on the exit day
    days_in_breach: int
    days_after_authorised_stay: int  # exit day minus the authorised stay's last day, if > 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RefusalOutcome:
    record: RefusalRecord
    file_created: bool
    identity_changed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class StayReport:
    """EESR art. 11(2)(b): remaining authorised stay or the overstay, on a given day."""

    file_id: str
    on: date
    inside: bool
    days_used: int
    days_remaining: int
    overstay_days: int
    days_in_breach: int
    latest_exit: date | None  # last day the 90/180 rule allows if staying on
    authorised_stay_until: date | None  # of the open entry, after any art. 19 decision
    visa: VisaRecord | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CarrierVerdict:
    """EESR art. 13(3): only "OK" or "NOT OK" and why, nothing about the person."""

    ok: bool
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RetentionReport:
    erased_files: int
    erased_records: int
    warnings_issued: int
