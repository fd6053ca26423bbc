"""Candidate lists from raw search results: ranks, decisions and every score. Pure."""

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from limes.biometrics.face_distance import euclidean_distance
from limes.biometrics.face_gallery import embedding_of
from limes.biometrics.fingerprint_search import FingerprintSearchResult
from limes.biometrics.matching import Decision, Thresholds, face_decision, finger_decision, fuse
from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef, TemplateFormat
from limes.biometrics.ports import SearchResult
from limes.biometrics.results import Candidate

NO_EVIDENCE_LLR = -20.0


def face_candidates(
    found: SearchResult,
    templates: Mapping[int, BiometricTemplate],
    thresholds: Thresholds,
    *,
    max_candidates: int,
    exclude: SubjectRef | None,
) -> tuple[Candidate, ...]:
    """The first row of a face search as candidates, best first, without `exclude`."""
    candidates: list[Candidate] = []
    for label, squared in zip(found.labels[0], found.distances[0], strict=True):
        template = templates.get(int(label))
        if label < 0 or template is None or template.subject == exclude:
            continue
        distance = math.sqrt(max(float(squared), 0.0))
        candidates.append(
            Candidate(
                rank=len(candidates) + 1,
                subject=template.subject,
                template_ids=(template.template_id,),
                decision=face_decision(distance, thresholds),
                face_distance=round(distance, 4),
            )
        )
        if len(candidates) == max_candidates:
            break
    return tuple(candidates)


def fingerprint_candidates(
    found: FingerprintSearchResult,
    templates: Mapping[int, BiometricTemplate],
    thresholds: Thresholds,
) -> tuple[Candidate, ...]:
    candidates: list[Candidate] = []
    for hit in found.candidates:
        template = templates.get(hit.label)
        if template is None:
            continue
        candidates.append(
            Candidate(
                rank=len(candidates) + 1,
                subject=template.subject,
                template_ids=(template.template_id,),
                decision=finger_decision(hit.bozorth3_score, thresholds),
                finger_scores=(hit.bozorth3_score,),
                shortlist_rank=hit.shortlist_rank,
            )
        )
    return tuple(candidates)


def fused_candidate(
    subject: SubjectRef,
    templates: Sequence[BiometricTemplate],
    embedding: np.ndarray | None,
    probes: Sequence[tuple[int, MinutiaeRecord]],
    compare_many: Callable[[MinutiaeRecord, Sequence[MinutiaeRecord]], list[int]],
    decode: Callable[[BiometricTemplate], MinutiaeRecord],
    thresholds: Thresholds,
) -> Candidate:
    """One subject scored on every modality both the probe and the subject have: the face
    distance to its closest face template, and per probe finger the best Bozorth3 score
    against the subject's templates of the same finger position."""
    distances = [
        euclidean_distance(embedding, embedding_of(t))
        for t in templates
        if embedding is not None and t.format is TemplateFormat.DLIB_RESNET_128
    ]
    face_distance = min(distances) if distances else None
    scores: list[int] = []
    for position, record in probes:
        references = [
            decode(t)
            for t in templates
            if t.modality is Modality.FINGERPRINT and t.finger_position == position
        ]
        if references:
            scores.append(max(compare_many(record, references)))
    if face_distance is None and not scores:
        decision, llr = Decision.NO_MATCH, NO_EVIDENCE_LLR
    else:
        fused = fuse(face_distance, scores, thresholds)
        decision, llr = fused.decision, fused.llr
    return Candidate(
        rank=0,
        subject=subject,
        template_ids=tuple(t.template_id for t in templates),
        decision=decision,
        face_distance=None if face_distance is None else round(face_distance, 4),
        finger_scores=tuple(scores),
        fused_llr=llr,
    )
