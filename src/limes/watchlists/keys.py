"""The forms the watchlists index and compare: document keys, surname keys, partial dates. Pure.

Document lookups are exact after normalising, with the same semantics as the
interoperability layer's `document_key`: the country in upper case, the number in upper
case with only letters and digits ("x 123-45<" and "X12345" are one document). Surnames
are compared in ICAO 9303 MRZ letters (`core/names.py`), so "Müller" and "MUELLER" are the
same surname.
"""

from limes.core.documents import normalise_document_number
from limes.core.names import to_mrz_characters


def document_key(country: str, number: str) -> tuple[str, str]:
    """Country and number as compared.

    >>> document_key("nld", "spe c1-2345<")
    ('NLD', 'SPEC12345')
    """
    return country.strip().upper(), normalise_document_number(number)


def name_key(surname: str) -> str:
    """The surname transliterated to MRZ letters, components separated by single spaces."""
    return to_mrz_characters(surname)


def dates_agree(a: str | None, b: str | None) -> bool:
    """True when both ISO partial dates are given and agree on every component both give.

    >>> dates_agree("1975", "1975-03-02"), dates_agree("1975-04", "1975-03-02")
    (True, False)
    """
    if a is None or b is None:
        return False
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def masked_document(country: str, number: str) -> str:
    """For audit subjects and messages: the country and the last two characters only."""
    _, number_key = document_key(country, number)
    return f"{country}/…{number_key[-2:]}"
