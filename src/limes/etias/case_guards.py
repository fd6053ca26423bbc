"""Checks every case step makes first: is the case in a state that allows the step, and is
the acting National Unit the one responsible for it (art. 25)."""

from limes.etias.errors import InvalidTransitionError, NotResponsibleStateError
from limes.etias.model import ApplicationFile, ApplicationStatus


def require_status(file: ApplicationFile, step: str, *allowed: ApplicationStatus) -> None:
    if file.status not in allowed:
        raise InvalidTransitionError(f"cannot {step} while the case is {file.status.value}")


def require_responsible_state(file: ApplicationFile, state: str) -> None:
    if file.responsible_state != state:
        raise NotResponsibleStateError(
            "only the National Unit of the Member State responsible acts on this case (art. 25)"
        )
