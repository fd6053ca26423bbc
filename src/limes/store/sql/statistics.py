"""Statistics in SQL: one GROUP BY query; only counts leave the database."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    extract,
    func,
    literal_column,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from limes.ees.ports import StatisticsRow
from limes.store.sql.tables import (
    BorderCrossingPointRow,
    EntryExitRecordRow,
    RefusalReasonRow,
    RefusalRecordRow,
    TravelDocumentRow,
    TravellerFileRow,
    VisaRow,
)
from limes.store.statistics import NO_VISA, UNKNOWN, check_request

_Entry = EntryExitRecordRow
_Refusal = RefusalRecordRow
_File = TravellerFileRow
_FILE_DIMENSIONS = {"nationality", "sex", "year_of_birth", "fingerprint_status"}
# Written into the SQL text rather than bound: PostgreSQL matches GROUP BY expressions to
# the select list only when they are identical, and two bound parameters never are.
_UNKNOWN: ColumnClause[str] = literal_column(f"'{UNKNOWN}'")


@dataclass(frozen=True, slots=True)
class _Source:
    """The table one kind of statistics counts, and the columns the dimensions read."""

    table: type[EntryExitRecordRow] | type[RefusalRecordRow]
    day: Any
    bcp_code: Any
    criteria: tuple[ColumnElement[bool], ...] = ()


_SOURCES = {
    "entry": _Source(_Entry, _Entry.entry_day, _Entry.entry_bcp_code),
    "exit": _Source(_Entry, _Entry.exit_day, _Entry.exit_bcp_code),
    "overstayer": _Source(
        _Entry,
        _Entry.authorised_stay_until,
        _Entry.entry_bcp_code,
        (_Entry.exit_at.is_(None), _Entry.overstay_flagged_at.is_not(None)),
    ),
    "refusal": _Source(_Refusal, _Refusal.day, _Refusal.bcp_code),
}


def statistics(
    session: Session, *, dimensions: Sequence[str], from_day: date, to_day: date, kind: str
) -> list[StatisticsRow]:
    """Counts of `kind` in the day range, grouped by `dimensions`; see store/statistics.py."""
    check_request(dimensions, kind)
    source = _SOURCES[kind]
    record = source.table
    statement: Select[Any] = select(func.count()).select_from(record)
    columns: dict[str, Any] = {}  # group-by expressions and plain columns
    fixed: dict[str, str] = {}  # dimensions with one value for every record of this kind

    if _FILE_DIMENSIONS.intersection(dimensions):
        statement = statement.join(_File, _File.file_id == record.file_id)
    for dimension in dimensions:
        if dimension == "sex":
            columns[dimension] = _File.sex
        elif dimension == "year_of_birth":
            columns[dimension] = cast(extract("year", _File.date_of_birth), Integer)
        elif dimension == "fingerprint_status":
            columns[dimension] = _File.fingerprint_status
        elif dimension == "nationality":
            columns[dimension] = func.coalesce(_File.nationality, _UNKNOWN)
        elif dimension == "bcp":
            columns[dimension] = source.bcp_code
        elif dimension == "border_type":
            bcp = BorderCrossingPointRow
            statement = statement.outerjoin(bcp, bcp.code == source.bcp_code)
            columns[dimension] = func.coalesce(bcp.border_type, _UNKNOWN)
        elif dimension == "document_type":
            document = TravelDocumentRow
            same = and_(
                document.issuing_state == record.document_issuing_state,
                document.number == record.document_number,
            )
            statement = statement.outerjoin(document, same)
            columns[dimension] = func.coalesce(document.document_type, _UNKNOWN)
        elif dimension == "document_issuing_state":
            columns[dimension] = record.document_issuing_state
        elif dimension == "visa_issuing_state" and record is _Refusal:
            fixed[dimension] = NO_VISA
        elif dimension == "visa_issuing_state":
            statement, columns[dimension] = _join_visa(statement)
        else:  # refusal_reason: a refusal counts once under each of its reasons
            statement = statement.join(
                RefusalReasonRow, RefusalReasonRow.record_id == _Refusal.record_id
            )
            columns[dimension] = RefusalReasonRow.reason

    labelled = [column.label(dimension) for dimension, column in columns.items()]
    statement = statement.add_columns(*labelled).where(
        source.day.between(from_day, to_day), *source.criteria
    )
    if labelled:
        statement = statement.group_by(*labelled)
    rows = []
    for count, *values in session.execute(statement):
        if dimensions and not count:  # no group: only an ungrouped count can be zero
            continue
        found = dict(zip(columns, values, strict=True)) | fixed
        cells = tuple((dimension, str(found[dimension])) for dimension in dimensions)
        rows.append(StatisticsRow(dimensions=cells, count=count))
    return sorted(rows, key=lambda row: row.dimensions)


def _join_visa(statement: Select[Any]) -> tuple[Select[Any], ColumnElement[Any]]:
    # A sticker number names one visa; the smallest state breaks a (theoretical) tie.
    visa = (
        select(VisaRow.sticker_number, func.min(VisaRow.issuing_state).label("issuing_state"))
        .group_by(VisaRow.sticker_number)
        .subquery()
    )
    column = case(
        (_Entry.visa_sticker.is_(None), literal_column(f"'{NO_VISA}'")),
        else_=func.coalesce(visa.c.issuing_state, _UNKNOWN),
    )
    return statement.outerjoin(visa, visa.c.sticker_number == _Entry.visa_sticker), column
