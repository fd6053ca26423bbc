"""Latin readings of a name token written in another script, one per romanisation system.

A person's name reaches Limes in the script of their passport's visual zone, in the MRZ
transliteration of ICAO Doc 9303, or in whatever romanisation a police database, an
airline or an older passport used (etias_screening.md §4). Each function here gives the
readings a matcher should try; `latin.canonical` then folds the romanisation systems'
spelling habits (KH/H, SHCH/SHH/CHTCH, IU/YU/JU, ...) onto one form.

`Reading.abjad` marks readings of scripts that do not write short vowels (Arabic, Hebrew)
or that transcribe foreign names syllable by syllable (Han with a middle dot): those are
compared on their consonant skeletons as well (§3 remedy 1).
"""

import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii
from pypinyin import Style, lazy_pinyin

from limes.screening.scripts import Script


@dataclass(frozen=True, slots=True)
class Reading:
    text: str  # lower-case Latin letters, words separated by spaces
    system: str  # which romanisation produced it, for the explanation
    abjad: bool = False


# ICAO Doc 9303 Part 3 Cyrillic table, Russian rows (etias_screening.md §4.3) and the
# ICAO rows of Ukrainian, Belarusian, Serbian and Macedonian letters.
_CYRILLIC_ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "џ": "dz", "ђ": "d", "ћ": "c", "ѓ": "g", "ќ": "k", "ѕ": "dz",
}  # fmt: skip

# National passport systems that differ from ICAO (§4.3): Ukraine (Resolution 55/2010,
# Г -> H, И -> Y, Ї -> I) and Belarus (Г -> H, Ў -> U). One reading covers both.
_CYRILLIC_NATIONAL = _CYRILLIC_ICAO | {"г": "h", "и": "y", "ї": "i", "ў": "u", "ґ": "g"}

# ICAO Doc 9303 Part 3 Greek table (ELOT 743), with the digraphs of modern Greek.
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}  # fmt: skip
_GREEK_DIGRAPHS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": "b", "ντ": "d",
                   "γγ": "ng", "γκ": "g", "αυ": "av", "ευ": "ev"}  # fmt: skip

# A phonetic reading of Arabic letters; long vowels are written (ا و ي), short ones are not.
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ى": "a",
    "ة": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "u", "ي": "i", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g",
    "ک": "k", "ی": "i", "ـ": "", "\u064e": "a", "\u064f": "u", "\u0650": "i",
}  # fmt: skip
# Word-initially و and ي are consonants, and ع begins a vowel (Ali, Omar, Abd).
_ARABIC_WORD_INITIAL = {"و": "w", "ي": "y", "ی": "y", "ع": "a"}

# Hebrew consonants; ו and י are read as vowels inside a word (matres lectionis).
_HEBREW = {
    "א": "", "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ו": "o", "ז": "z", "ח": "kh",
    "ט": "t", "י": "i", "כ": "k", "ך": "kh", "ל": "l", "מ": "m", "ם": "m", "נ": "n",
    "ן": "n", "ס": "s", "ע": "", "פ": "f", "ף": "f", "צ": "ts", "ץ": "ts", "ק": "k",
    "ר": "r", "ש": "sh", "ת": "t",
}  # fmt: skip
_HEBREW_WORD_INITIAL = {"ו": "v", "י": "y", "פ": "p", "ב": "b"}

# Doc 9303 Part 3's reversible Arabic table for the MRZ (§4.4), read back to letters.
_ARABIC_MRZ = {
    "XTH": "ث", "XKH": "خ", "XDH": "ذ", "XSH": "ش", "XSS": "ص", "XDZ": "ض", "XTT": "ط",
    "XZZ": "ظ", "XAA": "آ", "XAE": "أ", "XAI": "إ", "XAY": "ى", "XWE": "ؤ", "XYE": "ئ",
    "XH": "ح", "XE": "ء", "A": "ا", "B": "ب", "T": "ت", "J": "ج", "D": "د", "R": "ر",
    "Z": "ز", "S": "س", "E": "ع", "G": "غ", "F": "ف", "Q": "ق", "K": "ك", "L": "ل",
    "M": "م", "N": "ن", "H": "ه", "W": "و", "Y": "ي", "P": "ة",
}  # fmt: skip
_ARABIC_MRZ_KEYS = sorted(_ARABIC_MRZ, key=len, reverse=True)
# Particles issuers write in Latin letters even inside an Arabic-scheme MRZ name.
_LATIN_PARTICLES = frozenset({"BIN", "IBN", "BINT", "BEN", "ABU", "AL", "EL"})

# Chinese surnames of two characters (Hundred Family Surnames); all others take one.
_HAN_COMPOUND_SURNAMES = frozenset(
    ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒",
     "夏侯", "宇文", "长孙", "歐陽", "諸葛", "端木", "轩辕")
)  # fmt: skip
_HAN_NAME_DOTS = "·・•‧"

# Pinyin initials as Wade-Giles writes them (apostrophes dropped, as most lists do).
_WADE_GILES_INITIALS = (
    ("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("j", "ch"), ("q", "ch"), ("x", "hs"),
    ("z", "ts"), ("c", "ts"), ("r", "j"), ("b", "p"), ("d", "t"), ("g", "k"),
)  # fmt: skip
_WADE_GILES_FINALS = (("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("e", "e"))


def _map_word(word: str, table: dict[str, str], initial: dict[str, str]) -> str:
    out: list[str] = []
    for index, character in enumerate(word):
        if index == 0 and character in initial:
            out.append(initial[character])
        else:
            out.append(table.get(character, ""))
    return "".join(out)


def _cyrillic(text: str) -> list[Reading]:
    lower = text.lower()
    icao = "".join(_CYRILLIC_ICAO.get(ch, ch if ch == " " else "") for ch in lower)
    national = "".join(_CYRILLIC_NATIONAL.get(ch, ch if ch == " " else "") for ch in lower)
    readings = [Reading(icao, "Cyrillic, ICAO 9303")]
    if national != icao:
        readings.append(Reading(national, "Cyrillic, Ukrainian/Belarusian national"))
    return readings


def _greek(text: str) -> list[Reading]:
    lower = "".join(
        ch for ch in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(ch)
    )
    out: list[str] = []
    index = 0
    while index < len(lower):
        pair = lower[index : index + 2]
        if pair in _GREEK_DIGRAPHS:
            out.append(_GREEK_DIGRAPHS[pair])
            index += 2
            continue
        character = lower[index]
        out.append(_GREEK.get(character, character if character == " " else ""))
        index += 1
    icao = "".join(out)
    readings = [Reading(icao, "Greek, ICAO 9303 (ELOT 743)")]
    # Γ before a front vowel sounds like y; phonetic renderings write Yeoryia for Γεωργία.
    phonetic = re.sub(r"g(?=[eiy])", "y", icao)
    if phonetic != icao:
        readings.append(Reading(phonetic, "Greek, phonetic"))
    return readings


def _arabic(text: str) -> list[Reading]:
    words = [_map_word(word, _ARABIC, _ARABIC_WORD_INITIAL) for word in text.split()]
    return [Reading(" ".join(word for word in words if word), "Arabic, phonetic", abjad=True)]


def _hebrew(text: str) -> list[Reading]:
    words = [_map_word(word, _HEBREW, _HEBREW_WORD_INITIAL) for word in text.split()]
    return [Reading(" ".join(word for word in words if word), "Hebrew, phonetic", abjad=True)]


def _wade_giles(syllable: str) -> str:
    for pinyin, wade in _WADE_GILES_INITIALS:
        if syllable.startswith(pinyin):
            syllable = wade + syllable[len(pinyin) :]
            break
    for pinyin, wade in _WADE_GILES_FINALS:
        if syllable.endswith(pinyin):
            return syllable[: -len(pinyin)] + wade
    return syllable


def _han(text: str) -> list[Reading]:
    """Pinyin (and Wade-Giles) of a Chinese name, family name first and given name joined.

    A name with a middle dot is a foreign name transcribed syllable by syllable ("贝拉克·
    奥巴马", Barack Obama): each dotted part becomes one word, read as a skeleton.
    """
    compact = "".join(text.split())
    if any(dot in compact for dot in _HAN_NAME_DOTS):
        parts = [compact]
        for dot in _HAN_NAME_DOTS:
            parts = [piece for part in parts for piece in part.split(dot)]
        words = ["".join(lazy_pinyin(part, style=Style.NORMAL)) for part in parts if part]
        return [Reading(" ".join(words), "Han, pinyin transcription", abjad=True)]
    words = text.split()
    if len(words) == 1 and len(compact) >= 2:
        cut = 2 if compact[:2] in _HAN_COMPOUND_SURNAMES and len(compact) > 2 else 1
        words = [compact[:cut], compact[cut:]]
    syllables = [lazy_pinyin(word, style=Style.NORMAL) for word in words]
    pinyin = " ".join("".join(word) for word in syllables)
    wade = " ".join("".join(_wade_giles(s) for s in word) for word in syllables)
    readings = [Reading(pinyin, "Han, pinyin")]
    if wade != pinyin:
        readings.append(Reading(wade, "Han, Wade-Giles"))
    return readings


# Hangul syllables decompose arithmetically (Unicode §3.12); Revised Romanization tables.
_HANGUL_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
                    "ch", "k", "t", "p", "h")  # fmt: skip
_HANGUL_MEDIALS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
                   "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
_HANGUL_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
                  "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip
# Common Korean family names as passports spell them (not as RR would).
_KOREAN_FAMILY = {
    "김": "kim", "이": "lee", "리": "ri", "박": "park", "최": "choi", "정": "jung",
    "강": "kang", "조": "cho", "윤": "yoon", "장": "jang", "임": "lim", "한": "han",
    "오": "oh", "서": "seo", "신": "shin", "권": "kwon", "황": "hwang", "안": "ahn",
    "송": "song", "류": "ryu", "홍": "hong", "전": "jeon", "고": "ko", "문": "moon",
    "손": "son", "양": "yang", "배": "bae", "백": "baek", "허": "heo", "남": "nam",
}  # fmt: skip


def _hangul_syllable(character: str) -> str:
    index = ord(character) - 0xAC00
    if not 0 <= index < 11172:
        return ""
    initial, rest = divmod(index, 588)
    medial, final = divmod(rest, 28)
    start = _HANGUL_INITIALS[initial]
    return start + _HANGUL_MEDIALS[medial] + _HANGUL_FINALS[final]


def _hangul(text: str) -> list[Reading]:
    words = text.split()
    if len(words) == 1 and len(words[0]) >= 2:
        words = [words[0][0], words[0][1:]]
    out: list[str] = []
    for index, word in enumerate(words):
        if index == 0 and word in _KOREAN_FAMILY:
            out.append(_KOREAN_FAMILY[word])
        else:
            out.append("".join(_hangul_syllable(ch) for ch in word))
    return [Reading(" ".join(out), "Hangul, Revised Romanization")]


def _fallback(text: str, script: Script) -> list[Reading]:
    # anyascii marks ejectives and aspiration with apostrophes (Georgian p'ut'ini) and
    # writes the Armenian digraph ու as "ow": both are read as plain letters.
    latin = anyascii(text).lower().replace("'", "").replace("ow", "u")
    latin = "".join(ch if ch.isalpha() or ch == " " else " " for ch in latin)
    return [Reading(" ".join(latin.split()), f"{script.value}, anyascii", abjad=True)]


def readings(text: str, script: Script) -> list[Reading]:
    """Latin readings of `text` (written in `script`), best first; [] for Latin text."""
    if script is Script.CYRILLIC:
        return _cyrillic(text)
    if script is Script.GREEK:
        return _greek(text)
    if script is Script.ARABIC:
        return _arabic(text)
    if script is Script.HEBREW:
        return _hebrew(text)
    if script is Script.HAN:
        return _han(text)
    if script is Script.HANGUL:
        return _hangul(text)
    if script is Script.LATIN:
        return []
    return _fallback(text, script)


def arabic_from_mrz(words: list[str]) -> str | None:
    """The Arabic letters behind MRZ words in Doc 9303's Arabic scheme, or None.

    MRZ names in that scheme use X-digraphs (`MXHMWD<EBDALRXHYM`); a name counts as one
    only when every word decodes and at least one X-digraph occurs.
    """
    decoded: list[str] = []
    digraphs = 0
    for word in words:
        if word in _LATIN_PARTICLES:
            decoded.append(word)
            continue
        letters: list[str] = []
        index = 0
        while index < len(word):
            for key in _ARABIC_MRZ_KEYS:
                if word.startswith(key, index):
                    letters.append(_ARABIC_MRZ[key])
                    digraphs += key.startswith("X")
                    index += len(key)
                    break
            else:
                return None
        decoded.append("".join(letters))
    return " ".join(decoded) if digraphs else None
