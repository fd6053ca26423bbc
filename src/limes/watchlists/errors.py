"""Watchlist errors: a stable machine-readable code each, no personal data in messages.

Messages name the field and the rule, never a name, a date of birth or a document number.
In an import report a refused row carries the code without the `watchlist.` prefix
(`duplicate_alert`, `entry_in_sis`, ...), see `line_code`.
"""

from typing import TYPE_CHECKING

from limes.core.errors import LimesError

if TYPE_CHECKING:  # the report imports the model, which raises these errors
    from limes.watchlists.import_report import ImportReport

_PREFIX = "watchlist."


class WatchlistError(LimesError):
    code = "watchlist.error"

    @property
    def line_code(self) -> str:
        """The code an import report gives a row refused with this error."""
        return self.code.removeprefix(_PREFIX)


class InvalidFieldError(WatchlistError):
    """A field is missing, of the wrong type or breaks its format rule."""

    code = "watchlist.invalid_field"

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}")
        self.field = field


class NoIdentifyingItemError(WatchlistError):
    """An ETIAS watchlist entry without any of the items art. 34(4) allows to identify."""

    code = "watchlist.no_identifying_item"


class DuplicateAlertError(WatchlistError):
    """The identifier is taken by an alert or entry of any kind; nothing is overwritten."""

    code = "watchlist.duplicate_alert"


class EntryInSisError(WatchlistError):
    """Reg. 2018/1240 art. 35(1): the data correspond to an SIS alert; SIS has priority."""

    code = "watchlist.entry_in_sis"


class AlertNotFoundError(WatchlistError):
    code = "watchlist.not_found"


class AlreadyWithdrawnError(WatchlistError):
    code = "watchlist.already_withdrawn"


class NotResponsibleError(WatchlistError):
    """Only the state that issued an alert, or the party that entered an entry, may change it."""

    code = "watchlist.not_responsible"


class ImportInterruptedError(WatchlistError):
    """A batch could not be stored; the report says which rows were stored before it."""

    code = "watchlist.import_interrupted"

    def __init__(self, message: str, report: "ImportReport") -> None:
        super().__init__(message)
        self.report = report
