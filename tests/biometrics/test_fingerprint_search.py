"""Two-stage fingerprint 1:N: the stage-1 features, the shortlist, and the whole search.

The recall figures are measured on the synthetic noise model (synthetic_minutiae.py) and on
FVC2002 DB1_B; the bounds sit below the measurements with a margin. They describe the
search on this data, not an accuracy anyone could quote (reference biometrics.md §6).
"""

import itertools
import math
from functools import cache

import numpy as np
import pytest

from limes.biometrics.errors import TemplateFormatError
from limes.biometrics.fingerprint_features import (
    PairHistogramLayout,
    Whitening,
    pair_histograms,
    shortlist,
)
from limes.biometrics.fingerprint_search import (
    FingerprintGallery,
    FingerprintGalleryBuilder,
    FingerprintSearch,
    fit_whitening,
)
from limes.biometrics.minutiae import FingerView, Minutia, MinutiaeRecord, MinutiaKind
from limes.biometrics.synthetic_minutiae import impressions, master_fingers
from tests.biometrics.fingerprint_fixtures import DB1_B_FINGERS, db1_b_captures

LAYOUT = PairHistogramLayout()


def record_of(
    minutiae: list[tuple[int, int, float]], *, resolution: int = 197, views: int = 1
) -> MinutiaeRecord:
    view = FingerView(
        finger_position=0,
        minutiae=tuple(
            Minutia(x=x, y=y, angle=angle % 360.0, kind=MinutiaKind.RIDGE_ENDING)
            for x, y, angle in minutiae
        ),
    )
    return MinutiaeRecord(
        width=600,
        height=600,
        x_resolution=resolution,
        y_resolution=resolution,
        views=(view,) * views,
    )


def random_points(seed: int, count: int = 25) -> list[tuple[int, int, float]]:
    rng = np.random.default_rng(seed)
    return [
        (int(x), int(y), float(a))
        for x, y, a in zip(
            rng.integers(150, 450, count),
            rng.integers(150, 450, count),
            rng.uniform(0, 360, count),
            strict=True,
        )
    ]


def reference_histogram(record: MinutiaeRecord, layout: PairHistogramLayout) -> np.ndarray:
    """The pair histogram the slow way: every ordered pair, every neighbouring bin."""
    minutiae = record.views[0].minutiae
    bins, histogram = layout.angle_bins, np.zeros(layout.dimension)
    span = layout.max_distance_px - layout.min_distance_px

    def neighbours(position: float, count: int, circular: bool) -> list[tuple[int, float]]:
        centred = position - 0.5
        if not circular:
            centred = min(max(centred, 0.0), count - 1)
        low = math.floor(centred)
        weight = centred - low
        high = (low + 1) % count if circular else min(low + 1, count - 1)
        return [(low % count, 1 - weight), (high, weight)]

    for i, first in enumerate(minutiae):
        for j, second in enumerate(minutiae):
            distance = math.dist((first.x, first.y), (second.x, second.y))
            if i == j or not layout.min_distance_px <= distance < layout.max_distance_px:
                continue
            line = math.degrees(math.atan2(first.y - second.y, second.x - first.x))
            d_position = (distance - layout.min_distance_px) / span * layout.distance_bins
            for d, dw in neighbours(d_position, layout.distance_bins, False):
                for a, aw in neighbours((first.angle - line) % 360 / 360 * bins, bins, True):
                    for b, bw in neighbours((second.angle - line) % 360 / 360 * bins, bins, True):
                        histogram[(d * bins + a) * bins + b] += dw * aw * bw
    return np.sqrt(histogram)


# --- Stage 1: pair histograms ------------------------------------------------------------


def test_the_vectorised_histogram_equals_the_pair_by_pair_reference() -> None:
    record = record_of(random_points(1))

    assert pair_histograms([record])[0] == pytest.approx(
        reference_histogram(record, LAYOUT), abs=1e-4
    )


def test_histograms_do_not_change_when_the_finger_is_shifted_turned_or_listed_anew() -> None:
    points = random_points(2)
    shifted = [(x + 37, y - 21, a) for x, y, a in points]
    # A quarter turn counter-clockwise about (300, 300), exact on integer pixels (y down).
    turned = [(300 + (y - 300), 300 - (x - 300), a + 90.0) for x, y, a in points]
    shuffled = points[::-1]

    histograms = pair_histograms([record_of(p) for p in (points, shifted, turned, shuffled)])

    for other in histograms[1:]:
        assert other == pytest.approx(histograms[0], abs=1e-4)


def test_records_at_another_resolution_are_compared_at_500_ppi() -> None:
    points = random_points(3)
    doubled = [(2 * x, 2 * y, a) for x, y, a in points]

    at_500, at_1000 = pair_histograms([record_of(points), record_of(doubled, resolution=394)])

    assert at_1000 == pytest.approx(at_500, abs=1e-4)


def test_a_record_without_pairs_has_an_empty_histogram() -> None:
    empty, single = pair_histograms([record_of([]), record_of([(10, 10, 0.0)])])

    assert not empty.any()
    assert not single.any()


def test_a_record_of_several_views_is_refused() -> None:
    with pytest.raises(TemplateFormatError):
        pair_histograms([record_of(random_points(4), views=2)])


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({"angle_bins": 11}, id="odd-angle-bins"),
        pytest.param({"distance_bins": 0}, id="no-distance-bins"),
        pytest.param({"min_distance_px": 50.0, "max_distance_px": 40.0}, id="empty-range"),
    ],
)
def test_layouts_the_symmetry_trick_cannot_serve_are_refused(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"bins|range"):
        PairHistogramLayout(**settings)  # type: ignore[arg-type]


def test_whitening_gives_unit_vectors_and_is_reproducible() -> None:
    rng = np.random.default_rng(5)
    histograms = pair_histograms(impressions(master_fingers(rng, 300), rng))

    whitening = Whitening.fit(histograms, dimension=64)
    vectors = whitening.apply(histograms)

    assert vectors.shape == (300, 64)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx(np.ones(300), abs=1e-5)
    assert np.array_equal(Whitening.fit(histograms, dimension=64).projection, whitening.projection)
    assert np.all(np.isfinite(whitening.apply(np.zeros((1, LAYOUT.dimension), np.float32))))


def test_whitening_keeps_at_most_one_direction_fewer_than_its_samples() -> None:
    rng = np.random.default_rng(6)
    histograms = pair_histograms(impressions(master_fingers(rng, 20), rng))

    assert Whitening.fit(histograms).dimension == 19


def test_shortlist_orders_by_score_then_row_and_stops_at_the_gallery_size() -> None:
    gallery = np.array([[0.0, 1.0], [1.0, 0.0], [0.6, 0.8], [0.0, 1.0]], np.float32)
    probe = np.array([0.0, 1.0], np.float32)

    top = shortlist(probe, gallery, 3)
    everything = shortlist(probe, gallery, 10)

    assert top.rows.tolist() == [0, 3, 2]
    assert top.scores.tolist() == pytest.approx([1.0, 1.0, 0.8])
    assert everything.rows.tolist() == [0, 3, 2, 1]


# --- The search ---------------------------------------------------------------------------


@cache
def small_population() -> tuple[list[int], list[MinutiaeRecord], list[MinutiaeRecord]]:
    """300 synthetic fingers under scattered labels, and a second impression of 20 of them."""
    rng = np.random.default_rng(7)
    masters = master_fingers(rng, 300)
    labels = [7_000 + 13 * row for row in range(300)]
    return labels, impressions(masters, rng), impressions(masters, rng, rows=np.arange(20))


@cache
def small_gallery() -> FingerprintGallery:
    labels, gallery_records, _ = small_population()
    return FingerprintGallery.from_records(labels, gallery_records)


def test_worker_processes_and_the_in_process_path_give_the_same_candidates() -> None:
    _, _, probes = small_population()
    gallery = small_gallery()

    with FingerprintSearch(gallery, shortlist_size=30, workers=0) as local:
        expected = [local.identify(probe).candidates for probe in probes[:5]]
    with FingerprintSearch(gallery, shortlist_size=30, workers=2) as pooled:
        pooled.warm_up()
        found = [pooled.identify(probe).candidates for probe in probes[:5]]

    assert found == expected


def test_candidates_carry_both_stages_and_come_best_first() -> None:
    labels, _, probes = small_population()
    gallery = small_gallery()

    with FingerprintSearch(gallery, shortlist_size=25, workers=0) as search:
        result = search.identify(probes[0])
        top_three = search.identify(probes[0], max_candidates=3)

    candidates = result.candidates
    assert [c.rank for c in candidates] == list(range(1, 26))
    assert sorted(c.shortlist_rank for c in candidates) == list(range(1, 26))
    assert all(
        (a.bozorth3_score, -a.shortlist_rank) >= (b.bozorth3_score, -b.shortlist_rank)
        for a, b in itertools.pairwise(candidates)
    )
    by_stage_one = sorted(candidates, key=lambda c: c.shortlist_rank)
    assert all(a.shortlist_score >= b.shortlist_score for a, b in itertools.pairwise(by_stage_one))
    assert candidates[0].label == labels[0]  # the mate
    assert top_three.candidates == candidates[:3]
    assert result.shortlist_seconds > 0
    assert result.rerank_seconds > 0


def test_a_gallery_built_in_chunks_equals_one_built_at_once() -> None:
    labels, gallery_records, _ = small_population()
    whitening = fit_whitening(gallery_records)
    builder = FingerprintGalleryBuilder(whitening)
    builder.add(labels[:100], gallery_records[:100])
    builder.add(labels[100:], gallery_records[100:])

    chunked = builder.build()
    whole = FingerprintGallery.from_records(labels, gallery_records, whitening=whitening)

    assert np.array_equal(chunked.labels, whole.labels)
    assert np.allclose(chunked.vectors, whole.vectors, atol=1e-6)  # BLAS blocks differ
    assert chunked.dialects == whole.dialects


def test_labels_must_be_unique() -> None:
    _, gallery_records, _ = small_population()

    with pytest.raises(ValueError, match="unique"):
        FingerprintGallery.from_records([1, 2, 1], gallery_records[:3])


def test_a_probe_of_several_views_is_refused() -> None:
    with (
        FingerprintSearch(small_gallery(), workers=0) as search,
        pytest.raises(TemplateFormatError),
    ):
        search.identify(record_of(random_points(8), views=2))


@cache
def two_thousand_fingers() -> tuple[FingerprintGallery, list[MinutiaeRecord], list[int]]:
    """2,000 enrolled synthetic fingers and one other impression of 100 of them."""
    rng = np.random.default_rng(0)
    masters = master_fingers(rng, 2000)
    enrolled = impressions(masters, rng)
    mates = rng.choice(2000, 100, replace=False)
    probes = impressions(masters, rng, rows=mates)
    return FingerprintGallery.from_records(range(2000), enrolled), probes, mates.tolist()


def test_stage_one_puts_the_mate_in_the_top_1_percent_of_2000() -> None:
    gallery, probes, mates = two_thousand_fingers()
    vectors = gallery.whitening.apply(pair_histograms(probes))

    ranks = [
        int(np.flatnonzero(shortlist(vector, gallery.vectors, 2000).rows == mate)[0]) + 1
        for vector, mate in zip(vectors, mates, strict=True)
    ]

    # Measured over seeds 0-3: top 20 for 96-100 %, rank 1 for 85-92 %.
    assert np.mean(np.array(ranks) <= 20) >= 0.93
    assert np.mean(np.array(ranks) == 1) >= 0.78


def test_two_stage_search_ranks_the_mate_first_for_most_synthetic_probes() -> None:
    gallery, probes, mates = two_thousand_fingers()

    with FingerprintSearch(gallery, shortlist_size=50, workers=2) as search:
        results = [search.identify(probe) for probe in probes]

    found = [
        next((c for c in result.candidates if c.label == mate), None)
        for result, mate in zip(results, mates, strict=True)
    ]
    in_shortlist = np.mean([c is not None for c in found])
    rank_one = np.mean([c is not None and c.rank == 1 for c in found])
    # Measured (shortlist of 200, seeds 0-3): shortlist 100 %, rank 1 after Bozorth3 72-83 %.
    # Bozorth3 ranks below stage 1 here because the noise model leaves many mated pairs
    # under 10 points (test_synthetic_minutiae.py).
    assert in_shortlist >= 0.95
    assert rank_one >= 0.62


def test_real_prints_among_synthetic_fillers_are_found_by_their_other_impressions() -> None:
    # Enrol impression 1 of the 10 DB1_B fingers among 990 synthetic fingers, search with
    # impressions 2-4. Measured: 29 of 30 at rank 1; the miss (106_4) scores 12 against
    # 106_1 and is not shortlisted. Real prints differ from the fillers as a population,
    # which helps stage 1; Bozorth3's rank 1 is the figure that means something here.
    captures = db1_b_captures()
    rng = np.random.default_rng(11)
    fillers = impressions(master_fingers(rng, 990), rng)
    labels = [*DB1_B_FINGERS, *range(1_000, 1_990)]
    records = [captures[finger, 1].record for finger in DB1_B_FINGERS] + fillers
    gallery = FingerprintGallery.from_records(labels, records)

    with FingerprintSearch(gallery, workers=2) as search:
        first = {
            (finger, impression): search.identify(captures[finger, impression].record)
            .candidates[0]
            .label
            for finger in DB1_B_FINGERS
            for impression in (2, 3, 4)
        }

    rank_one = sum(label == finger for (finger, _), label in first.items())
    assert rank_one >= 27
