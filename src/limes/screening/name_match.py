"""Two names aligned part by part, in any order, and scored. Pure.

Every part of one name is paired with at most one part of the other (or with two adjacent
parts written as one: "Xiuying" / "Xiu Ying", "Abdulaziz" / "Abdul Aziz"), greedily, best
pairs first. The score is the weighted share of the parts that found a partner:

- family names weigh 1.3 (when a side says which part is the family name), patronymics
  0.5, initials 0.5, particles (bin, al, de, van) 0.2;
- a part left over on one side while the other side has nothing left to pair it with is
  missing information (a watchlist entry without first names, a dropped middle name) and
  weighs a fifth, 0.35 at most per side, (rigour weighs an extra query part 0.8, which misses the
  ETIAS watchlist entry that holds only a surname, etias_screening.md §1.8 point 4);
  parts left over on both sides contradict each other and weigh fully (Ihab vs Rami
  Makhlouf);
- a gendered form (Putin/Putina) or different generational suffixes (Jr/Senior) veto.
"""

from dataclasses import dataclass
from functools import lru_cache

from limes.screening.part_match import PartMatch, match_parts
from limes.screening.parts import Role
from limes.screening.prepared import Part, PreparedName, make_part

FAMILY_WEIGHT = 1.3
MISSING_FACTOR = 0.2
MISSING_CAP = 0.35
_ROLE_WEIGHTS = {Role.PATRONYMIC: 0.5, Role.PARTICLE: 0.2}
INITIAL_WEIGHT = 0.5
SWAPPED_ROLES_FACTOR = 0.95


@dataclass(frozen=True, slots=True)
class Pairing:
    query: tuple[Part, ...]
    candidate: tuple[Part, ...]
    match: PartMatch
    weight: float


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    pairings: tuple[Pairing, ...]
    unmatched_query: tuple[Part, ...]
    unmatched_candidate: tuple[Part, ...]
    contradicted: bool
    veto: str | None  # "gendered_form" or "generational_suffix"


def _weight(part: Part, family_known: bool) -> float:
    if part.is_initial:
        return INITIAL_WEIGHT
    if part.role in _ROLE_WEIGHTS:
        return _ROLE_WEIGHTS[part.role]
    if part.role is Role.FAMILY and family_known:
        return FAMILY_WEIGHT
    return 1.0


@lru_cache(maxsize=65536)
def _merged(first: Part, second: Part) -> Part:
    token = "|".join(dict.fromkeys(f"{x}{y}" for x in first.forms for y in second.forms))
    return make_part(token, first.role, first.system, bool(first.skeletons), second.truncated)


# An option: (score, query indices, candidate indices, match).
_Option = tuple[float, tuple[int, ...], tuple[int, ...], PartMatch]


def _options(query: PreparedName, candidate: PreparedName) -> list[_Option]:
    options: list[_Option] = []
    q_parts, c_parts = query.parts, candidate.parts
    settled_q: set[int] = set()
    settled_c: set[int] = set()
    for i, q in enumerate(q_parts):
        for j, c in enumerate(c_parts):
            found = match_parts(q, c)
            if found.score > 0 or found.gendered:
                score = found.score
                if score >= 1.0:
                    settled_q.add(i)
                    settled_c.add(j)
                if {q.role, c.role} == _SWAPPED:
                    score *= SWAPPED_ROLES_FACTOR
                options.append((score, (i,), (j,), found))
    # One side writes as one part what the other writes as two adjacent parts; parts that
    # already have an exact partner need not be tried.
    if len(settled_q) < len(q_parts) and len(settled_c) < len(c_parts):
        options.extend(_merge_options(q_parts, c_parts, settled_q, settled_c, flip=False))
        options.extend(_merge_options(c_parts, q_parts, settled_c, settled_q, flip=True))
    return options


def _merge_options(
    one: tuple[Part, ...],
    two: tuple[Part, ...],
    settled_one: set[int],
    settled_two: set[int],
    *,
    flip: bool,
) -> list[_Option]:
    found_options: list[_Option] = []
    for i, single in enumerate(one):
        if single.is_initial or len(single.form) < 5 or i in settled_one:
            continue
        for j in range(len(two) - 1):
            first, second = two[j], two[j + 1]
            if first.is_initial or second.is_initial or j in settled_two or j + 1 in settled_two:
                continue
            if not single.skeletons and single.starts.isdisjoint(first.starts):
                continue
            found = match_parts(single, _merged(first, second))
            if found.score <= 0:
                continue
            pair = (j, j + 1)
            found_options.append(
                (found.score * 0.98, pair, (i,), found)
                if flip
                else (found.score * 0.98, (i,), pair, found)
            )
    return found_options


_SWAPPED = frozenset({Role.FAMILY, Role.GIVEN})


@lru_cache(maxsize=131072)
def score_names(query: PreparedName, candidate: PreparedName) -> NameScore:
    """The two names aligned and scored (cached: namesakes on a list cost one scoring)."""
    family_known = query.order_known or candidate.order_known
    options = _options(query, candidate)
    options.sort(key=lambda option: (-option[0], -len(option[1]) - len(option[2])))
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairings: list[Pairing] = []
    veto: str | None = None
    q_all, c_all = query.parts, candidate.parts
    for score, q_index, c_index, match in options:
        if not used_q.isdisjoint(q_index) or not used_c.isdisjoint(c_index):
            continue
        if match.gendered:
            veto = "gendered_form"
            continue
        q_parts = tuple(q_all[i] for i in q_index)
        c_parts = tuple(c_all[j] for j in c_index)
        weight = max(
            sum(_weight(part, family_known) for part in q_parts),
            sum(_weight(part, family_known) for part in c_parts),
        )
        used_q.update(q_index)
        used_c.update(c_index)
        pairings.append(Pairing(q_parts, c_parts, PartMatch(score, match.how, False), weight))
        if len(used_q) == len(q_all) or len(used_c) == len(c_all):
            break
    unmatched_q = tuple(p for i, p in enumerate(q_all) if i not in used_q)
    unmatched_c = tuple(p for j, p in enumerate(c_all) if j not in used_c)
    contradicted = (
        any(p.role is not Role.PARTICLE for p in unmatched_q)
        and any(p.role is not Role.PARTICLE for p in unmatched_c)
        and not _truncation_explains(candidate, query)
    )
    numerator = sum(p.match.score * p.weight for p in pairings)
    denominator = sum(p.weight for p in pairings)
    for unmatched in (unmatched_q, unmatched_c):
        weight = sum(_weight(p, family_known) for p in unmatched)
        denominator += weight if contradicted else min(weight * MISSING_FACTOR, MISSING_CAP)
    score = numerator / denominator if denominator else 0.0
    if not pairings or all(p.match.how == "initial" for p in pairings):
        score = min(score, 0.5)
    if query.suffix and candidate.suffix and query.suffix != candidate.suffix:
        veto = veto or "generational_suffix"
    return NameScore(
        score=score,
        pairings=tuple(pairings),
        unmatched_query=unmatched_q,
        unmatched_candidate=unmatched_c,
        contradicted=contradicted,
        veto=veto,
    )


def _truncation_explains(a: PreparedName, b: PreparedName) -> bool:
    """Parts left over after an MRZ field truncated its last name are not a contradiction."""
    return any(part.truncated for part in a.parts + b.parts)
