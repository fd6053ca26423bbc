"""Which writing system a piece of a name is in, from Unicode character names. Pure."""

import unicodedata
from enum import StrEnum
from functools import lru_cache


class Script(StrEnum):
    LATIN = "Latin"
    CYRILLIC = "Cyrillic"
    GREEK = "Greek"
    ARABIC = "Arabic"
    HEBREW = "Hebrew"
    HAN = "Han"
    HANGUL = "Hangul"
    KANA = "Kana"
    OTHER = "other"


# Unicode character names start with the script's name ("CYRILLIC CAPITAL LETTER A").
_PREFIXES = (
    ("LATIN", Script.LATIN),
    ("CYRILLIC", Script.CYRILLIC),
    ("GREEK", Script.GREEK),
    ("ARABIC", Script.ARABIC),
    ("HEBREW", Script.HEBREW),
    ("CJK", Script.HAN),
    ("HANGUL", Script.HANGUL),
    ("HIRAGANA", Script.KANA),
    ("KATAKANA", Script.KANA),
)


@lru_cache(maxsize=4096)
def script_of_character(character: str) -> Script | None:
    """The script of a letter; None for digits, punctuation and marks."""
    if not character.isalpha():
        return None
    if character.isascii():
        return Script.LATIN
    name = unicodedata.name(character, "")
    for prefix, script in _PREFIXES:
        if name.startswith(prefix):
            return script
    return Script.OTHER


def script_of(text: str) -> Script:
    """The script most letters of `text` are in (Latin for text without letters)."""
    counts: dict[Script, int] = {}
    for character in text:
        script = script_of_character(character)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return Script.LATIN
    return max(counts, key=lambda script: counts[script])
