"""What a name token is: a given or family name, a particle, a title, a suffix. Pure.

Titles and honorifics are dropped before matching ("Shaikh Isa Bin Tarif"); particles
(bin, ibn, al, de, van, ...) count little; the name after bin/ibn/bint is a patronymic
(nasab), as are Slavic -ovich/-ovna names; generational suffixes (Jr, Sr, III) must agree
(etias_screening.md §3 point 7 and §4.5). Tokens arrive folded to lower-case ASCII.
"""

import re
from enum import StrEnum


class Role(StrEnum):
    FAMILY = "family"
    GIVEN = "given"
    UNKNOWN = "unknown"  # free text in unknown order
    PATRONYMIC = "patronymic"
    PARTICLE = "particle"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


TITLES = _set(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father shaikh "
    "sheikh sheik shaykh haji hajji hadji sayyid sayed syed mullah mulla maulvi maulana "
    "imam emir amir president gen general col colonel maj major capt captain lt sgt "
    "hon honourable excellency his her engr eng herr frau monsieur madame mme mlle don "
    "dona senor senora"
)
PARTICLES = _set(
    "bin ibn ben bint binti binte bte bn al el ul ad ar as at az an ash ud de da del della "
    "der den di do dos das du la le les los las van von vom zu ter te y e"
)
# Particles after which the next name is the father's (or grandfather's) name.
NASAB = _set("bin ibn ben bint binti binte bte bn")
SUFFIXES = {
    "jr": "junior", "junior": "junior", "jnr": "junior", "sr": "senior", "senior": "senior",
    "snr": "senior", "ii": "ii", "iii": "iii", "iv": "iv", "2nd": "ii", "3rd": "iii",
}  # fmt: skip
_PATRONYMIC = re.compile(
    r".{3,}(ovich|evich|ovych|evych|ich|ovna|evna|ivna|ichna|owitsch|ewitsch|ovic|evic|oglu|ogly|kyzy)$"
)


def is_patronymic(token: str) -> bool:
    return bool(_PATRONYMIC.fullmatch(token))
