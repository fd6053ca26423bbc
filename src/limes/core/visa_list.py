"""Who needs a short-stay visa: Regulation (EU) 2018/1806, Annex II (visa-exempt countries).

Nationals of third countries not in Annex II need a visa (Annex I). The list below is the
Annex II state as consolidated on 2024-2025 [verify against the latest consolidated text on
EUR-Lex, CELEX 02018R1806]; Vanuatu's exemption is suspended (Implementing Reg. 2023/... and
2024/...) and it is treated as visa-required. Special codes: GBN (British National
(Overseas)), HKG and MAC (SAR passports), TWN (passports issued by Taiwan with an ID number),
RKS (Kosovo, exempt since 1 January 2024); the British nationals of Annex II Part 3 are
GBD, GBN, GBO, GBP and GBS (ICAO 9303).
"""

from typing import Final

VISA_EXEMPT_NATIONALITIES: Final = frozenset(
    {
        "ALB", "AND", "ARE", "ARG", "ATG", "AUS", "BHS", "BIH", "BRA", "BRB", "BRN", "CAN",
        "CHL", "COL", "CRI", "DMA", "FSM", "GBD", "GBN", "GBO", "GBP", "GBR", "GBS", "GEO",
        "GRD", "GTM", "HKG", "HND", "ISR", "JPN", "KIR", "KNA", "KOR", "LCA", "MAC", "MCO",
        "MDA", "MEX", "MHL", "MKD", "MNE", "MUS", "MYS", "NIC", "NRU", "NZL", "PAN", "PER",
        "PLW", "PRY", "RKS", "SGP", "SLB", "SLV", "SMR", "SRB", "SYC", "TLS", "TON", "TTO",
        "TUV", "TWN", "UKR", "URY", "USA", "VAT", "VCT", "VEN", "WSM",
    }
)  # fmt: skip


def requires_short_stay_visa(document_nationality: str) -> bool:
    """Whether a holder of this nationality's travel document needs a visa (Annex I)."""
    return document_nationality not in VISA_EXEMPT_NATIONALITIES
