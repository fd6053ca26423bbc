"""The synthetic face generator: reproducible by seed whatever the chunking, and calibrated."""

import numpy as np
import pytest

from limes.biometrics.synthetic_faces import BLOCK_SIZE, FaceModel, SyntheticFaces


@pytest.fixture(scope="module")
def faces() -> SyntheticFaces:
    return SyntheticFaces(FaceModel(seed=11))


def test_the_same_seed_gives_the_same_gallery_whatever_the_chunking(
    faces: SyntheticFaces,
) -> None:
    whole = faces.gallery(0, 5000)

    in_chunks = np.vstack([vectors for _, vectors in faces.chunks(5000, 777)])
    again = SyntheticFaces(FaceModel(seed=11)).gallery(1500, 3100)
    by_label = faces.templates(np.array([4999, 0, BLOCK_SIZE, 2047, 0]))

    assert np.array_equal(in_chunks, whole)
    assert np.array_equal(again, whole[1500:3100])
    assert np.array_equal(by_label, whole[[4999, 0, BLOCK_SIZE, 2047, 0]])


def test_chunks_carry_their_labels(faces: SyntheticFaces) -> None:
    labels = [chunk_labels.tolist() for chunk_labels, _ in faces.chunks(10, 4)]

    assert labels == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_another_seed_gives_another_gallery(faces: SyntheticFaces) -> None:
    other = SyntheticFaces(FaceModel(seed=12))

    assert not np.allclose(other.gallery(0, 10), faces.gallery(0, 10))


def test_templates_are_unit_float32_vectors(faces: SyntheticFaces) -> None:
    gallery = faces.gallery(100, 300)

    assert gallery.dtype == np.float32
    assert gallery.shape == (200, 128)
    assert np.allclose(np.linalg.norm(gallery, axis=1), 1.0, atol=1e-5)


def test_impostor_cosines_have_the_calibrated_spread(faces: SyntheticFaces) -> None:
    gallery = faces.gallery(0, 40_000)

    cosines = np.einsum("ij,ij->i", gallery[:20_000], gallery[20_000:])

    assert abs(float(cosines.mean())) < 0.005
    assert 0.115 <= float(cosines.std()) <= 0.133  # 0.123-0.124 measured over 100,000 pairs


def test_mated_probes_sit_at_their_drawn_cosine_mostly_between_065_and_080(
    faces: SyntheticFaces,
) -> None:
    rng = np.random.default_rng(3)
    mates = rng.choice(50_000, 2000, replace=False)

    probes = faces.mated_probes(mates, rng)

    cosines = np.einsum("ij,ij->i", probes.vectors, faces.templates(mates))
    assert np.abs(cosines - probes.target_cosines).mean() < 0.05
    assert 0.85 <= float(np.mean((cosines >= 0.6) & (cosines <= 0.85))) <= 0.95
    assert 0.03 <= float(np.mean(cosines < 0.55)) <= 0.12  # the quality tail


def test_about_one_percent_of_identities_are_look_alikes(faces: SyntheticFaces) -> None:
    block = faces.gallery(0, BLOCK_SIZE)
    cosines = block @ block.T
    np.fill_diagonal(cosines, 0.0)

    close_pairs = int((np.triu(cosines) > 0.5).sum())

    assert 4 <= close_pairs <= 25  # 1 % of 1,024 is about 10


def test_fresh_identities_are_nobody_in_the_gallery(faces: SyntheticFaces) -> None:
    gallery = faces.gallery(0, 20_000)

    fresh = faces.identities(200, np.random.default_rng(5))

    assert float((fresh @ gallery.T).max()) < 0.65
