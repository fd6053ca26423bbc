"""How similar two name parts are, and why. Pure.

In order: initials (a letter matches a name that starts with it), gendered forms
(Putin/Putina, Baranov/Baranova: a different person, never a match), exact forms, the
table of nicknames and cognates, prefix matches for a part the MRZ truncated, the
weighted edit distance, and, for scripts without written vowels, consonant skeletons.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from limes.screening.distance import similarity
from limes.screening.latin import abjad_skeletons
from limes.screening.prepared import Part

INITIAL_SCORE = 0.9
VARIANT_SCORE = 0.85
# Juan and John are the same name in two languages, but a passport holds one of them:
# alone a cognate is too weak for a hit (nomenklatura's tests: Juan Doe is not John Doe);
# with a matching date of birth it becomes one.
COGNATE_SCORE = 0.3
TRUNCATED_SCORE = 0.95
SKELETON_FACTOR = 0.9
NOMINATIVE_SCORE = 0.9
# Latvian, Lithuanian and Greek add a nominative ending to foreign names (Putins, Putinas).
# Georgian adds -i (პუტინი, Putini).
_NOMINATIVE_ENDINGS = ("s", "as", "is", "us", "ys", "es", "os", "i")

# Masculine and feminine endings of one name (Slavic surnames, Romance and Germanic
# given names): stems that agree with endings from one pair are two different people.
_GENDER_ENDINGS = (
    ("", "a"), ("o", "a"), ("us", "a"), ("er", "ra"), ("i", "a"), ("iy", "aya"),
    ("i", "aya"), ("y", "aya"), ("ii", "aia"), ("el", "ele"), ("an", "ana"),
)  # fmt: skip
_VOWEL_END = re.compile(r"[aeiouy]$")


@dataclass(frozen=True, slots=True)
class PartMatch:
    score: float
    how: str  # "exact", "initial", "variant", "truncated", "spelling", "skeleton", ...
    gendered: bool = False


NO_MATCH = PartMatch(0.0, "different")
EXACT = PartMatch(1.0, "exact")
SAME_NAME = PartMatch(VARIANT_SCORE, "nickname or spelling of one name")
COGNATE = PartMatch(COGNATE_SCORE, "cognate in another language (weak)")


def _gendered(a: str, b: str) -> bool:
    if a == b or min(len(a), len(b)) < 3 or a[:2] != b[:2] or abs(len(a) - len(b)) > 3:
        return False
    for masculine, feminine in _GENDER_ENDINGS:
        for left, right in ((a, b), (b, a)):
            if not (left.endswith(masculine) and right.endswith(feminine)):
                continue
            stem_left = left[: len(left) - len(masculine)]
            stem_right = right[: len(right) - len(feminine)]
            if len(stem_left) < 3 or (stem_left[-1:] in "aeiouy" and masculine == ""):
                continue
            if masculine == "o" and stem_left.endswith("k"):
                continue  # Lukashenko/Lukashenka: Ukrainian and Belarusian, not gender
            if stem_left == stem_right or _one_vowel_apart(stem_left, stem_right):
                return True
    return False


@lru_cache(maxsize=262144)
def match_parts(a: Part, b: Part) -> PartMatch:
    if a.is_initial or b.is_initial:
        if a.initial and a.initial == b.initial:
            return PartMatch(INITIAL_SCORE if a.is_initial != b.is_initial else 1.0, "initial")
        return NO_MATCH
    if not set(a.forms).isdisjoint(b.forms):
        return EXACT
    truncated = a.truncated or b.truncated
    best = SAME_NAME if a.same_name & b.same_name else NO_MATCH
    if not best.score and a.cognates & b.cognates:
        best = COGNATE
    # Scripts that write no short vowels cannot tell Putin from Putina.
    gender_visible = not (a.skeletons or b.skeletons)
    for form_a in a.forms:
        for form_b in b.forms:
            if abs(len(form_a) - len(form_b)) > 3 and not truncated:
                continue
            found = _match_forms(form_a, form_b, truncated, gender_visible)
            if found.gendered:
                return found
            if found.score > best.score:
                best = found
    if (a.skeletons or b.skeletons) and best.score < SKELETON_FACTOR:
        found = _match_skeletons(a, b)
        if found.score > best.score:
            best = found
    return best


def _match_forms(a: str, b: str, truncated: bool, gender_visible: bool) -> PartMatch:
    if a == b:
        return PartMatch(1.0, "exact")
    if gender_visible and _gendered(a, b):
        return PartMatch(0.0, "gendered form", gendered=True)
    if _nominative_ending(a, b) or _nominative_ending(b, a):
        return PartMatch(NOMINATIVE_SCORE, "nominative ending (-s, -as, -is)")
    if truncated and min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return PartMatch(TRUNCATED_SCORE, "truncated in the MRZ")
    score = similarity(a, b)
    return PartMatch(score, "spelling variant") if score else NO_MATCH


def _one_vowel_apart(a: str, b: str) -> bool:
    """Barynov/Baranov: one vowel differs, nothing else (a typo is not a gendered form)."""
    if len(a) != len(b) or len(a) < 4:
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differing) == 1 and all(ch in "aeiouy" for ch in differing[0])


def _nominative_ending(short: str, long: str) -> bool:
    if not (len(short) >= 4 and 0 < len(long) - len(short) <= 2 and long.startswith(short)):
        return False
    return any(long == short + ending for ending in _NOMINATIVE_ENDINGS)


def _skeletons_of(part: Part) -> tuple[str, ...]:
    if part.skeletons:
        return part.skeletons
    return tuple(dict.fromkeys(s for spelling in part.raw for s in abjad_skeletons(spelling)))


def _match_skeletons(a: Part, b: Part) -> PartMatch:
    best = NO_MATCH
    for left in _skeletons_of(a):
        for right in _skeletons_of(b):
            if len(left) < 2 or len(right) < 2:
                continue
            if left == right:
                score = SKELETON_FACTOR
            elif min(len(left), len(right)) >= 4:
                score = SKELETON_FACTOR * similarity(left, right)
            else:
                continue
            if score > best.score:
                best = PartMatch(score, "consonant skeleton")
    return best
