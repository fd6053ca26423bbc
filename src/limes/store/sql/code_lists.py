"""Small sets and lists of codes (flags, roles, states) stored as comma-separated text."""

from collections.abc import Iterable


def sorted_text(codes: Iterable[str]) -> str:
    """A set of codes in a stable form: `{"b", "a"}` -> "a,b"."""
    return ",".join(sorted(codes))


def ordered_text(codes: Iterable[str]) -> str:
    """A list of codes in its own order: `("b", "a")` -> "b,a"."""
    return ",".join(codes)


def codes(text: str) -> tuple[str, ...]:
    """The codes in `text`, in stored order; "" -> ()."""
    return tuple(code for code in text.split(",") if code)
