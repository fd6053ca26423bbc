"""The shape every unit of work shares: a context manager that commits once or rolls back."""

from types import TracebackType
from typing import Protocol, Self


class Transaction(Protocol):
    """Entered with `with`; leaving without `commit()` rolls everything back."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
