"""Latin name tokens folded to one spelling per sound. Pure.

`fold` turns any Latin spelling into lower-case ASCII (Doc 9303 Part 3 drops most
diacritics, etias_screening.md §4.2). `canonical` then rewrites what the romanisation
systems and national spellings write differently for the same sound, so that ICAO 9303,
BGN/PCGN, GOST 7.79 B, French and German renderings of one Cyrillic name meet (§4.3):
SHCH/SHH/CHTCH/SCHTSCH, ZH/DZH/DJ (as ʒ, close to J), KH/H, IU/YU/JU, IA/YA/JA, a final
-IY/-II/-Y, W/V, OU/U, doubled letters, and the ICAO umlaut expansions (MUELLER/MULLER).
`skeleton` keeps only the consonants, for scripts that do not write vowels.
"""

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not take apart, and the carons and circumflexes of ISO 9 / Czech /
# Croatian that stand for a digraph elsewhere (Ščeglova = Shcheglova, Đorđe = Djordje).
_SPECIAL = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "dj", "ð": "d", "ł": "l",
            "ı": "i", "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "š": "sh", "č": "ch",
            "ž": "zh", "ŝ": "shch", "ĉ": "ch", "ǆ": "dzh", "ǳ": "dz"}  # fmt: skip

_REWRITES = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[^aeiou])[ae]h$", "a"),  # ة as -eh, -ah or -a: Haniyeh, Haniya
        (r"schtsch|chtch|shtch|shh", "shch"),
        (r"tsch|tch", "ch"),
        (r"sch", "sh"),
        (r"cz", "ch"),
        (r"sz", "sh"),
        (r"dzh|dj|zh", "ʒ"),
        (r"kh", "h"),
        (r"gh", "g"),
        (r"dh", "d"),
        (r"th", "t"),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"^x(?=[^aeiouy])", "h"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"c(?![eiy]|h)", "k"),
        (r"w", "v"),
        (r"iou", "yu"),
        (r"ou|oo", "u"),
        (r"[ij]u", "yu"),
        (r"[ij]a", "ya"),
        (r"^[yi]e", "e"),
        (r"eo", "o"),
        (r"eu(?=ng?$)", "u"),
        (r"(?<=[aou])e(?=[^aeiouy]|$)", ""),
        (r"(?<=[aeiou])[yj]$", "i"),
        (r"(ii|iy|yy|ij|yi)$", "i"),
        (r"(?<=[^aeiouy])y$", "i"),
        (r"(?<=[^aeiouy])y(?=[^aeiouy])", "i"),
        (r"(.)\1+", r"\1"),
    )
)
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and spaces; apostrophes vanish, other marks separate."""
    out: list[str] = []
    for character in text.lower():
        if character in _SPECIAL:
            out.append(_SPECIAL[character])
            continue
        for part in unicodedata.normalize("NFKD", character):
            if "a" <= part <= "z":
                out.append(part)
            elif part in "'’ʼ`‘" or unicodedata.combining(part) or not part.isascii():
                continue
            else:
                out.append(" ")
    return " ".join("".join(out).split())


@lru_cache(maxsize=131072)
def canonical(token: str) -> str:
    """One spelling per sound for a folded token: 'Chtcherbakov' and 'Shcherbakov' meet."""
    for pattern, replacement in _REWRITES:
        token = pattern.sub(replacement, token)
    return token


# Consonants the romanisations of one sound disagree on, merged into one class.
_CLASSES = str.maketrans("gcqzʒpdrfwj", "kkkssbtlvvy")


def consonant_classes(text: str) -> str:
    """k/g/c/q, s/z/ʒ, b/p, d/t, l/r, v/f/w, y/j as one letter each."""
    return text.translate(_CLASSES)


# For comparing with scripts that write no vowels: ج is j or g, و and ي are w/y or vowels.
_ABJAD_CLASSES = str.maketrans("gcqzpdrx", "kkksbtlk")
_ABJAD_DROPPED = frozenset("aeiouywv")


def abjad_skeletons(text: str) -> tuple[str, ...]:
    """The skeleton with j as a consonant (ج: Jamal, Gamal) and as a semivowel (Benjamin,
    בנימין)."""
    return tuple(dict.fromkeys((abjad_skeleton(text), abjad_skeleton(text.replace("j", "y")))))


@lru_cache(maxsize=131072)
def abjad_skeleton(text: str) -> str:
    """Consonant classes of a spelling as written, for Arabic, Hebrew or transcribed names.

    'Zahrani' and the reading of الزهراني ('zhrani') both give 'shln'; 'Faisal' and فيصل
    ('fisl') give 'fsl'. Computed on the spelling before `canonical`, whose digraph rules
    would read Arabic ز+ه as one letter.
    """
    spelled = text.replace(" ", "").translate(_ABJAD_CLASSES).replace("j", "k")
    if len(spelled) > 3 and spelled.endswith("h") and spelled[-2] in "aeiou":
        spelled = spelled[:-1]  # ة written -ah (Aminah) or -a
    out: list[str] = []
    previous = ""
    for character in spelled:
        if character != previous and character not in _ABJAD_DROPPED:
            out.append(character)
        previous = character
    return "".join(out)


@lru_cache(maxsize=131072)
def skeleton(token: str) -> str:
    """The consonants of a canonical token, a final h dropped: 'muhamad' -> 'mhmd'."""
    consonants = "".join(ch for ch in token if ch not in _VOWELS)
    return re.sub(r"(.)\1+", r"\1", consonants.removesuffix("h"))
