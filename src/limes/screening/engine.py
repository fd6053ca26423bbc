"""`compare(query, candidate)`: does this person correspond to that alert or entry? Pure.

The score is the best name score over every pair of names the two sides hold (primary
name, surname at birth, aliases; etias_screening.md §1.8 point 5), then the qualifiers:
the date of birth (graded, `birth_dates.py`), nationality (disjoint: -0.1, a penalty
and not a veto, since people hold several) and sex (different: -0.15). Vetoes cap the
score below the threshold: a gendered form of the name, different generational
suffixes, years of birth three or more apart. Every step leaves a `Reason`.

The decision threshold is 0.7, as OpenSanctions' yente uses (§2.1): recall-protective,
because a missed SIS alert is worse than a Central Unit review (§1.8 point 1).
"""

from functools import lru_cache

from limes.screening.birth_dates import compare_birth_dates
from limes.screening.model import Comparison, Decision, Name, Person, Reason
from limes.screening.name_keys import name_keys
from limes.screening.name_match import NameScore, score_names
from limes.screening.prepared import Part, PreparedName, prepare_name

MATCH_THRESHOLD = 0.7
VETO_CAP = 0.45
NATIONALITY_PENALTY = -0.1
SEX_PENALTY = -0.15


@lru_cache(maxsize=200_000)
def _prepared(names: tuple[Name, ...]) -> tuple[PreparedName, ...]:
    prepared = (prepare_name(name) for name in names)
    return tuple(name for name in prepared if name.parts)


def prepared_names(person: Person) -> tuple[PreparedName, ...]:
    """The person's names taken apart for matching (cached)."""
    return _prepared(person.names)


def _best_names(
    query: tuple[PreparedName, ...], candidate: tuple[PreparedName, ...]
) -> tuple[NameScore, PreparedName, PreparedName] | None:
    best: tuple[NameScore, PreparedName, PreparedName] | None = None
    for q in query:
        for c in candidate:
            if best is not None and name_keys(q).isdisjoint(name_keys(c)):
                continue  # no part could pair: the name score would be 0
            found = score_names(q, c)
            rank = found.score if found.veto is None else found.score * 0.1
            if best is None or rank > (best[0].score if best[0].veto is None else 0):
                best = (found, q, c)
            if rank >= 1.0:
                return best
    return best


def compare(
    query: Person, candidate: Person, threshold: float = MATCH_THRESHOLD, *, explain: bool = True
) -> Comparison:
    """Score, decision and reasons; with `explain=False` only a match carries its reasons
    (candidate search compares many people and explains only the matches)."""
    best = _best_names(_prepared(query.names), _prepared(candidate.names))
    if best is None:
        reason = Reason("no_name", "one side has no name to compare", 0.0)
        return Comparison(0.0, Decision.NO_MATCH, (reason,))
    names, q_name, c_name = best
    score = names.score
    capped = min(score, VETO_CAP * 0.66) if names.veto is not None else score
    births = compare_birth_dates(
        query.birth_date,
        candidate.birth_date,
        approximate=query.birth_date_approximate or candidate.birth_date_approximate,
    )
    total = capped + births.effect
    if births.veto:
        total = min(total, VETO_CAP)
    disjoint = bool(query.nationalities and candidate.nationalities) and set(
        query.nationalities
    ).isdisjoint(candidate.nationalities)
    total += NATIONALITY_PENALTY if disjoint else 0.0
    other_sex = {query.sex, candidate.sex} == {"M", "F"}
    total += SEX_PENALTY if other_sex else 0.0
    total = round(min(1.0, max(0.0, total)), 4)
    decision = Decision.MATCH if total >= threshold else Decision.NO_MATCH
    if not explain and decision is Decision.NO_MATCH:
        return Comparison(total, decision)
    reasons = _name_reasons(names)
    if names.veto is not None:
        reasons.append(Reason(names.veto, _VETO_TEXT[names.veto], capped - score))
    if query.birth_date and candidate.birth_date:
        reasons.append(Reason("birth_date", births.relation, births.effect))
    if query.nationalities and candidate.nationalities:
        reasons.append(
            Reason("nationality", "no nationality in common", NATIONALITY_PENALTY)
            if disjoint
            else Reason("nationality", "a nationality in common", 0.0)
        )
    if other_sex:
        reasons.append(Reason("sex", "different sex", SEX_PENALTY))
    return Comparison(total, decision, tuple(reasons), q_name.display, c_name.display)


_VETO_TEXT = {
    "gendered_form": "a masculine and a feminine form of one name denote two people",
    "generational_suffix": "different generational suffixes (e.g. Jr and Sr)",
}


def _describe(parts: tuple[Part, ...]) -> str:
    return " ".join(part.text for part in parts)


def _name_reasons(names: NameScore) -> list[Reason]:
    reasons: list[Reason] = []
    for pairing in names.pairings:
        systems = {part.system for part in pairing.query + pairing.candidate if part.system}
        via = f" via {', '.join(sorted(systems))}" if systems else ""
        reasons.append(
            Reason(
                "name_parts",
                f"'{_describe(pairing.query)}' ≈ '{_describe(pairing.candidate)}': "
                f"{pairing.match.how}{via}, {pairing.match.score:.2f}"
                f" × weight {pairing.weight:.2f}",
                0.0,
            )
        )
    kind = "contradicts" if names.contradicted else "missing on the other side"
    for part in names.unmatched_query:
        reasons.append(Reason("extra_query_part", f"'{part.text}' ({part.role.value}): {kind}"))
    for part in names.unmatched_candidate:
        reasons.append(Reason("extra_candidate_part", f"'{part.text}' ({part.role.value}): {kind}"))
    reasons.append(Reason("name_score", f"name score {names.score:.3f}", names.score))
    return reasons
