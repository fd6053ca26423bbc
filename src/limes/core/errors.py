"""The root of every error Limes raises on purpose.

Each error carries a stable, machine-readable ``code``. Adapters map the code to an HTTP
status or a CLI exit code in one place. Messages never contain personal data, biometric
data or full document numbers: they name the field and the rule, not the value.
"""


class LimesError(Exception):
    """An expected, explained failure: bad input, a broken rule, a contradiction."""

    code: str = "limes_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def details(self) -> list[dict[str, object]] | None:
        """Machine-readable specifics (location, type, message), where an error has them."""
        return None
