"""A length-aware, cost-weighted edit distance for name tokens. Pure.

After `latin.canonical`, the spellings that still differ differ by sounds that are close
(e/i, o/u, k/g, s/z, g/h for the Ukrainian Г) or by a typo. Substitutions between close
sounds cost less than 1; a dropped vowel or h costs less than a dropped consonant.

A token may differ only within a budget that grows with its length, as in OpenSanctions'
rigour (etias_screening.md §2.3 step 8): log base 2.35 of (length - 2), so a 4-letter
name allows one close substitution and a 10-letter name two full edits; beyond the
budget the similarity falls off a cliff to 0. However cheap, names of up to 6 letters
may differ by one edit and of up to 10 letters by two (Scholz/Schulze and Bashar/Bushra
are different names).
"""

import math
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

_VOWELS = frozenset("aeiouy")
_CLOSE_VOWELS = frozenset({frozenset("ei"), frozenset("ou"), frozenset("iy"), frozenset("ey")})
_CLOSE_CONSONANTS = {
    frozenset("kg"): 0.6, frozenset("gh"): 0.5, frozenset("sz"): 0.5, frozenset("cs"): 0.5,
    frozenset("ck"): 0.5, frozenset("vu"): 0.6, frozenset("vf"): 0.6, frozenset("bp"): 0.7,
    frozenset("dt"): 0.7, frozenset("ij"): 0.5, frozenset("yj"): 0.5, frozenset("jg"): 0.7,
    frozenset("ʒj"): 0.3, frozenset("ʒy"): 0.4, frozenset("ʒz"): 0.6, frozenset("ʒs"): 0.7,
}  # fmt: skip
TRANSPOSITION = 1.0
_LOG_BASE = math.log(2.35)


def substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    pair = frozenset((a, b))
    if a in _VOWELS and b in _VOWELS:
        return 0.5 if pair in _CLOSE_VOWELS else 0.9
    return _CLOSE_CONSONANTS.get(pair, 1.0)


def indel_cost(character: str) -> float:
    if character in _VOWELS:
        return 0.7
    return 0.5 if character == "h" else 1.0


def budget(length: int) -> float:
    """How much editing a token of this length tolerates."""
    if length <= 2:
        return 0.0
    if length in (3, 4):
        return 0.6
    return math.log(length - 2) / _LOG_BASE


def max_edits(length: int) -> int:
    """How many edits a token of this length tolerates, whatever they cost."""
    if length <= 6:
        return 1
    return 2 if length <= 10 else 3


@lru_cache(maxsize=262144)
def weighted_distance(a: str, b: str, ceiling: float = math.inf) -> float:
    """Optimal-string-alignment distance with the costs above; stops early (returning a
    value above `ceiling`) once every alignment must cost more than `ceiling`."""
    if a == b:
        return 0.0
    previous_previous: list[float] = []
    previous = [0.0]
    for character in b:
        previous.append(previous[-1] + indel_cost(character))
    for i, char_a in enumerate(a, start=1):
        deletion = indel_cost(char_a)
        current = [previous[0] + deletion]
        for j, char_b in enumerate(b, start=1):
            best = previous[j] + deletion
            insertion = current[j - 1] + indel_cost(char_b)
            if insertion < best:
                best = insertion
            substitution = previous[j - 1] + (
                0.0 if char_a == char_b else substitution_cost(char_a, char_b)
            )
            if substitution < best:
                best = substitution
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b and char_a != char_b:
                swap = previous_previous[j - 2] + TRANSPOSITION
                if swap < best:
                    best = swap
            current.append(best)
        if min(current) > ceiling:
            return min(current)
        previous_previous, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=262144)
def priced_edits(a: str, b: str) -> float:
    """The cost of one edit script of minimal length, priced with the costs above.

    The script comes from rapidfuzz's Levenshtein (C speed); two adjacent substitutions
    that swap letters are priced as one transposition. It equals `weighted_distance`
    whenever the cheapest weighted alignment is also a shortest one, which is the rule
    for names that differ by the one or two edits the budget allows.
    """
    operations = [(op.tag, op.src_pos, op.dest_pos) for op in Levenshtein.editops(a, b)]
    cost = 0.0
    index = 0
    while index < len(operations):
        tag, i, j = operations[index]
        if tag == "replace":
            following = operations[index + 1] if index + 1 < len(operations) else None
            if (
                following is not None
                and following[0] == "replace"
                and following[1] == i + 1
                and following[2] == j + 1
                and a[i] == b[j + 1]
                and a[i + 1] == b[j]
            ):
                cost += TRANSPOSITION
                index += 2
                continue
            cost += substitution_cost(a[i], b[j])
        elif tag == "delete":
            cost += indel_cost(a[i])
        else:
            cost += indel_cost(b[j])
        index += 1
    return cost


def similarity(a: str, b: str) -> float:
    """1 for equal tokens, 1 - cost/length within the budget, 0 beyond it."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    allowed = budget((len(a) + len(b)) // 2)
    limit = max_edits(min(len(a), len(b)))
    if allowed <= 0 or abs(len(a) - len(b)) * 0.5 > allowed:
        return 0.0
    # The plain OSA distance counts the edits; it also rejects most pairs quickly.
    if OSA.distance(a, b, score_cutoff=limit + 1) > limit:
        return 0.0
    # A priced shortest script is an upper bound; only when it is over the budget does the
    # exact (slower) alignment decide.
    cost = priced_edits(a, b)
    if cost > allowed:
        cost = weighted_distance(a, b, allowed)
        if cost > allowed:
            return 0.0
    return max(0.0, 1.0 - cost / longest)
