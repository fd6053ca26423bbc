"""How travel document numbers are compared across systems. Pure.

One rule for the EES, the interoperability layer, the watchlists and ETIAS: upper case,
letters and digits only, so "x 123-45<" (as typed, with MRZ fillers) and "X12345" are one
document. Doc 9303 numbers hold only A-Z and 0-9; everything else is formatting.
"""


def normalise_document_number(number: str) -> str:
    """
    >>> normalise_document_number("spe c1-2345<")
    'SPEC12345'
    """
    return "".join(ch for ch in number.upper() if ch.isalnum())
