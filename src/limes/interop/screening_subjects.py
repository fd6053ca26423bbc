"""The people ETIAS and the lists hold, as the screening engine reads them. Pure.

An application gives its surname and first names, the surname at birth and the other
names (art. 17(2)(a)-(b)) as separate names of one person: each is compared, the best
counts (etias_screening.md §1.8 point 5). An SIS alert gives its names and aliases; an
ETIAS watchlist entry whatever it holds, perhaps only a surname (art. 34(4)).
"""

from limes.etias.application import ApplicationForm
from limes.screening.model import Name, NameKind, Person
from limes.watchlists.model import PersonAlert, WatchlistEntry


def applicant(form: ApplicationForm) -> Person:
    names = [Name(family=form.surname, given=form.first_names)]
    if form.surname_at_birth and form.surname_at_birth != form.surname:
        names.append(
            Name(family=form.surname_at_birth, given=form.first_names, kind=NameKind.BIRTH)
        )
    names.extend(Name(text=alias, kind=NameKind.ALIAS) for alias in form.other_names if alias)
    return Person(
        names=tuple(names),
        birth_date=form.date_of_birth.isoformat(),
        nationalities=(form.nationality, *form.other_nationalities),
        sex=form.sex.value if form.sex.value in ("M", "F") else None,
    )


def guardian(form: ApplicationForm) -> Person | None:
    """A minor's parent or guardian (art. 20(2)(m)); names only."""
    if form.guardian is None:
        return None
    return Person(names=(Name(family=form.guardian.surname, given=form.guardian.first_names),))


def person_alert(alert: PersonAlert) -> Person:
    names = [Name(family=alert.surname, given=alert.given_names)]
    names.extend(Name(text=alias, kind=NameKind.ALIAS) for alias in alert.other_names if alias)
    return Person(
        names=tuple(names),
        birth_date=alert.date_of_birth,
        nationalities=alert.nationalities,
        sex=alert.sex if alert.sex in ("M", "F") else None,
    )


def watchlist_entry(entry: WatchlistEntry) -> Person | None:
    """None for an entry that names no one (only a document, an e-mail, a phone, ...)."""
    names: list[Name] = []
    if entry.surname:
        names.append(Name(family=entry.surname, given=entry.first_names or ""))
    if entry.surname_at_birth:
        names.append(
            Name(family=entry.surname_at_birth, given=entry.first_names or "", kind=NameKind.BIRTH)
        )
    names.extend(Name(text=alias, kind=NameKind.ALIAS) for alias in entry.other_names if alias)
    if not names:
        return None
    return Person(
        names=tuple(names),
        birth_date=entry.date_of_birth,
        nationalities=entry.nationalities,
        sex=entry.sex if entry.sex in ("M", "F") else None,
    )
