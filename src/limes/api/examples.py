"""Example request bodies, shown in the OpenAPI documentation and printed by `limes demo`.

The traveller is invented and not in any seeded population: a Canadian (visa-exempt, so
four fingerprints are taken) arriving at Amsterdam Airport Schiphol.
"""

from typing import Any, Final

DOCUMENT: Final[dict[str, Any]] = {"issuing_state": "CAN", "number": "DEMO00001"}

TRAVELLER: Final[dict[str, Any]] = {
    "identity": {
        "surname": "Tremblay",
        "given_names": "Chloe",
        "date_of_birth": "1990-05-17",
        "nationalities": ["CAN"],
        "sex": "F",
    },
    "document": {
        "document_type": "passport",
        "number": DOCUMENT["number"],
        "issuing_state": DOCUMENT["issuing_state"],
        "expiry": "2031-05-16",
    },
    "facial_image_ref": "demo-face-1",
    "fingerprint_ref": "demo-fingerprints-1",
}

ENTRY: Final[dict[str, Any]] = {"traveller": TRAVELLER, "bcp_code": "NLAMS"}
EXIT: Final[dict[str, Any]] = {"document": DOCUMENT, "bcp_code": "NLAMS"}
REFUSAL: Final[dict[str, Any]] = {"traveller": TRAVELLER, "bcp_code": "NLAMS", "reasons": ["E"]}
STAY_QUERY: Final[dict[str, Any]] = {"document": DOCUMENT}
CARRIER_QUERY: Final[dict[str, Any]] = {
    "document": DOCUMENT,
    "nationality": "CAN",
    "planned_entry": "2026-12-01",
}
STAY_DECISION: Final[dict[str, Any]] = {
    "document": DOCUMENT,
    "kind": "extension",
    "decided_on": "2026-12-15",
    "place": "Amsterdam",
    "authorised_stay_until": "2027-03-31",
}
VISA: Final[dict[str, Any]] = {
    "sticker_number": "NLD001234",
    "issuing_state": "NLD",
    "valid_from": "2026-12-01",
    "valid_until": "2027-05-31",
    "entries_allowed": 2,
    "duration_of_stay_days": 30,
}
BORDER_CROSSING_POINT: Final[dict[str, Any]] = {
    "code": "NLRTM",
    "name": "Port of Rotterdam",
    "state": "NLD",
    "border_type": "sea",
    "time_zone": "Europe/Amsterdam",
}
