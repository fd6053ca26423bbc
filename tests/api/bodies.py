"""JSON bodies for API tests, with keyword defaults (a visa-exempt adult at Schiphol)."""

from typing import Any


def traveller_body(
    *,
    surname: str = "ERIKSSON",
    date_of_birth: str = "1980-08-12",
    nationalities: tuple[str, ...] = ("USA",),
    number: str = "L898902C3",
    issuing_state: str = "USA",
    expiry: str = "2031-04-15",
) -> dict[str, Any]:
    return {
        "identity": {
            "surname": surname,
            "given_names": "ANNA MARIA",
            "date_of_birth": date_of_birth,
            "nationalities": list(nationalities),
            "sex": "F",
        },
        "document": {
            "document_type": "passport",
            "number": number,
            "issuing_state": issuing_state,
            "expiry": expiry,
        },
        "facial_image_ref": "face-1",
        "fingerprint_ref": "fingers-1",
    }


def entry_body(*, bcp_code: str = "NLAMS", **traveller: Any) -> dict[str, Any]:
    return {"traveller": traveller_body(**traveller), "bcp_code": bcp_code}


def document_body(*, number: str = "L898902C3", issuing_state: str = "USA") -> dict[str, str]:
    return {"issuing_state": issuing_state, "number": number}
