"""Names as ICAO Doc 9303 Part 3 writes them in a machine-readable zone.

`to_mrz_characters` turns a name in Latin, Cyrillic, Greek or Arabic script into the MRZ
alphabet. Tables: Doc 9303 Part 3 §6 (transliteration of national characters), as digested
in ../shared/reference/etias_screening.md §4.2-4.4. Shared by the MRZ writer and, later, by
name screening.
"""

import unicodedata

# Latin letters that Doc 9303 expands instead of dropping the diacritic (§4.2).
# Ø follows the 8th-edition table (OE); older reproductions give O.
_LATIN_EXPANSIONS = {
    "Ä": "AE", "Å": "AA", "Æ": "AE", "Ö": "OE", "Ø": "OE", "Œ": "OE", "Ü": "UE",
    "ß": "SS", "Ĳ": "IJ", "Þ": "TH", "Ð": "D", "Đ": "D", "Ł": "L", "Ħ": "H", "Ŧ": "T",
    "ı": "I", "ĸ": "K", "Ŋ": "N",
}  # fmt: skip

# Doc 9303 Part 3 Cyrillic table (Russian rows; Ukrainian, Belarusian, Serbian and
# Macedonian letters in their ICAO rows).
_CYRILLIC = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH",
    "З": "Z", "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS",
    "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU",
    "Я": "IA", "І": "I", "Ї": "I", "Є": "IE", "Ґ": "G", "Ў": "U", "Ј": "J", "Љ": "LJ",
    "Њ": "NJ", "Џ": "DZ", "Ђ": "D", "Ћ": "C", "Ѓ": "G", "Ќ": "K", "Ѕ": "DZ",
}  # fmt: skip

# Doc 9303 Part 3 Greek table.
_GREEK = {
    "Α": "A", "Β": "V", "Γ": "G", "Δ": "D", "Ε": "E", "Ζ": "Z", "Η": "I", "Θ": "TH",
    "Ι": "I", "Κ": "K", "Λ": "L", "Μ": "M", "Ν": "N", "Ξ": "X", "Ο": "O", "Π": "P",
    "Ρ": "R", "Σ": "S", "Τ": "T", "Υ": "Y", "Φ": "F", "Χ": "CH", "Ψ": "PS", "Ω": "O",
}  # fmt: skip

# Doc 9303 Part 3 reversible Arabic table for the MRZ (etias_screening.md §4.4).
_ARABIC = {
    "ا": "A", "ب": "B", "ت": "T", "ث": "XTH", "ج": "J", "ح": "XH", "خ": "XKH", "د": "D",
    "ذ": "XDH", "ر": "R", "ز": "Z", "س": "S", "ش": "XSH", "ص": "XSS", "ض": "XDZ",
    "ط": "XTT", "ظ": "XZZ", "ع": "E", "غ": "G", "ف": "F", "ق": "Q", "ك": "K", "ل": "L",
    "م": "M", "ن": "N", "ه": "H", "و": "W", "ي": "Y", "ة": "P", "ء": "XE", "آ": "XAA",
    "أ": "XAE", "إ": "XAI", "ى": "XAY", "ؤ": "XWE", "ئ": "XYE",
}  # fmt: skip

# Characters that separate name components; apostrophes join (O'CONNOR -> OCONNOR).
_SEPARATORS = frozenset(" -‐‑–—,.")
_DROPPED = frozenset("'’`ʼ‘")


_TABLES = (_LATIN_EXPANSIONS, _CYRILLIC, _GREEK, _ARABIC)


def _look_up(character: str) -> str | None:
    for table in _TABLES:
        if character in table:
            return table[character]
    return None


def _transliterate_character(character: str) -> str:
    upper = character if character == "ß" else character.upper()
    found = _look_up(upper)
    if found is not None:
        return found
    # Drop diacritics (É -> E, Ά -> Α -> A) and look the base letter up again.
    base = unicodedata.normalize("NFKD", upper)[:1]
    found = _look_up(base)
    if found is not None:
        return found
    return base if "A" <= base <= "Z" else ""


def to_mrz_characters(name: str) -> str:
    """The name in MRZ letters, components separated by single spaces.

    >>> to_mrz_characters("Müller-Lüdenscheidt")
    'MUELLER LUEDENSCHEIDT'
    >>> to_mrz_characters("Юлия Щеглова")
    'IULIIA SHCHEGLOVA'
    """
    words: list[str] = []
    current: list[str] = []
    for character in name:
        if character in _DROPPED:
            continue
        if character in _SEPARATORS or character.isspace():
            words.append("".join(current))
            current = []
            continue
        current.append(_transliterate_character(character))
    words.append("".join(current))
    return " ".join(word for word in words if word)
