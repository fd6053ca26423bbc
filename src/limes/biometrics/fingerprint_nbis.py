"""NIST NBIS through nbis-py 0.1.3: MINDTCT minutiae, NFIQ 2, and Bozorth3 comparison.

The only module that imports `nbis`. nbis-py objects are native handles that cannot be
pickled, so each process builds its own extractor (`_extractor`) and every object made
from it stays in that process.

nbis-py's conventions, measured (tests/biometrics/test_fingerprint_nbis.py pins them):

* Positions are pixels from the image's top-left corner, y downwards: the same as our model
  (a minutia drawn at (200, 180) in a synthetic image came back within 4 px of it).
* Angles are degrees, counter-clockwise as seen on the image, in MINDTCT's 32 directions
  (steps of 11.25°). A ridge ending points from the end into its ridge; a bifurcation points
  from the fork into the valley between its two branches. That is the "three rays, bisect
  the smallest angle" rule of ANSI/NIST-ITL 1-2011 §8.9 (Type-9 EFS minutiae), and
  the same direction our model stores, so angles pass through unchanged.
* Reliability is in [0, 1]; we store `round(100 × reliability)`, at least 1, because
  ISO/IEC 19794-2 keeps 0 for "no quality reported".
* The image's resolution setting (`ppi`) changes nothing in the output, and MINDTCT and
  Bozorth3 are tuned for 500 ppi (NISTIR 7392, NBIS user's guide). Images at another
  resolution are therefore resampled to 500 ppi before extraction, and records at another
  resolution are scaled to 500 ppi before comparison.

nbis-py's template I/O is a private dialect of ISO/IEC 19794-2:2005 (reference
`biometrics.md` §2.1), and `load_iso_19794_2_2005` is the only way to build an nbis object
from data, so `nbis_dialect` writes that dialect, worked out from nbis-py's own output:

    "FMR\\0" " 20\\0" | total length u32 | 0 u16 | width u16 | height u16
    | 0 u16 | 0 u16 | 0 u8 | 0 u8                                      24-byte header
    | 0 u8 | minutiae count u8                                          2-byte view header
    | per minutia: type 2 bits + x 14 bits | y u16 | angle u8 (360/256°) | quality u8

No extended-data length follows. The loader reads a quality byte q as reliability q / 63,
reads type 00 ("other") as a ridge ending, and rounds angles to MINDTCT's 11.25° steps
(ties downwards), so angles off those steps move by up to 5.6°. Standard records come from
`minutiae_codecs/`; this dialect never leaves the process.
"""

import io
import os
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

import nbis
import numpy as np
from PIL import Image, UnidentifiedImageError

from limes.biometrics.errors import TemplateFormatError, UnreadableImageError
from limes.biometrics.minutiae import (
    FingerView,
    Minutia,
    MinutiaeRecord,
    MinutiaKind,
    pixels_per_cm,
)
from limes.biometrics.model import FingerprintQuality, QualityIssue
from limes.biometrics.ports import FingerprintCapture

NATIVE_PPI = 500  # MINDTCT and Bozorth3 distances and tolerances assume 500 ppi
NATIVE_PX_PER_CM = pixels_per_cm(NATIVE_PPI)  # 197
MIN_PPI, MAX_PPI = 250, 1200
MAX_IMAGE_PIXELS = 16_000_000  # a 1000 ppi rolled print is about 2.5 M
MIN_IMAGE_SIDE_PX = 64

# EES requires NFIQ 2 at enrolment (Commission Implementing Decision (EU) 2019/329, Annex
# §1.1), but the minimum score was not retrievable here: 30 is our choice, a parameter.
DEFAULT_MIN_NFIQ2 = 30
# Fewer than 12 minutiae leaves Bozorth3 little to match on; 12 is the customary minimum
# of forensic comparison, our choice, also a parameter.
DEFAULT_MIN_MINUTIAE = 12

# Bozorth3 keeps the 150 minutiae of highest quality (NBIS bozorth.h,
# DEFAULT_BOZORTH_MINUTIAE; bz_io.c bz_prune); the dialect's count byte holds at most 255.
MAX_DIALECT_MINUTIAE = 255
DIALECT_QUALITY_LEVELS = 63
_ANGLE_UNIT_DEGREES = 360 / 256
_TYPE_BITS = {MinutiaKind.OTHER: 0, MinutiaKind.RIDGE_ENDING: 1, MinutiaKind.BIFURCATION: 2}
_DIALECT_MINUTIA = np.dtype([("type_x", ">u2"), ("y", ">u2"), ("angle", "u1"), ("quality", "u1")])
_MAX_COORDINATE = 2**14 - 1

MODEL_VERSION = f"nbis-mindtct+bozorth3 (nbis-py {version('nbis-py')})"


_extractors: dict[tuple[int, bool], Any] = {}


def _extractor(*, nfiq2: bool) -> Any:
    """This process's nbis extractor; a forked child builds its own instead of reusing ours."""
    key = (os.getpid(), nfiq2)
    found = _extractors.get(key)
    if found is None:
        settings = nbis.NbisExtractorSettings(
            min_quality=0.0,
            get_center=False,
            check_fingerprint=False,
            compute_nfiq2=nfiq2,
            ppi=float(NATIVE_PPI),
        )
        found = _extractors[key] = nbis.new_nbis_extractor(settings)
    return found


def _minutia(found: Any) -> Minutia:
    kind = (
        MinutiaKind.BIFURCATION
        if found.kind() == nbis.MinutiaKind.BIFURCATION
        else MinutiaKind.RIDGE_ENDING
    )
    quality = min(100, max(1, round(100 * float(found.reliability()))))
    return Minutia(
        x=int(found.x()),
        y=int(found.y()),
        angle=float(found.angle()) % 360.0,
        kind=kind,
        quality=quality,
    )


def minutiae_of(nbis_minutiae: Any) -> tuple[Minutia, ...]:
    """Our minutiae from an nbis `Minutiae` object, in nbis's order."""
    return tuple(_minutia(found) for found in nbis_minutiae.get())


@dataclass(frozen=True, slots=True)
class _Prepared:
    image: bytes
    width: int
    height: int


def _prepare_image(image: bytes, ppi: int) -> _Prepared:
    """Check the image's size and bring it to 500 ppi; nbis gets the original bytes if it is."""
    if not MIN_PPI <= ppi <= MAX_PPI:
        raise UnreadableImageError(f"resolution must be {MIN_PPI}-{MAX_PPI} ppi")
    try:
        with Image.open(io.BytesIO(image)) as opened:
            width, height = opened.size
            if width * height > MAX_IMAGE_PIXELS or min(width, height) < MIN_IMAGE_SIDE_PX:
                raise UnreadableImageError("image too large or too small")
            if abs(ppi - NATIVE_PPI) <= NATIVE_PPI * 0.01:
                return _Prepared(image, width, height)
            scale = NATIVE_PPI / ppi
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            resampled = opened.convert("L").resize(size, Image.Resampling.LANCZOS)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise UnreadableImageError("not a decodable image") from error
    encoded = io.BytesIO()
    resampled.save(encoded, format="PNG")
    return _Prepared(encoded.getvalue(), *size)


class NbisFingerprintEncoder:
    """MINDTCT minutiae and NFIQ 2 for one finger image, with the enrolment quality gate.

    The gate flags fewer than `min_minutiae` minutiae or an NFIQ 2 score below `min_nfiq2`;
    the capture is returned either way and the caller decides (`FingerprintEncoder`).
    Example: `NbisFingerprintEncoder(min_nfiq2=20).capture(png, ppi=500, finger_position=2)`.
    """

    def __init__(
        self, *, min_nfiq2: int = DEFAULT_MIN_NFIQ2, min_minutiae: int = DEFAULT_MIN_MINUTIAE
    ) -> None:
        self.min_nfiq2 = min_nfiq2
        self.min_minutiae = min_minutiae

    @property
    def model_version(self) -> str:
        return MODEL_VERSION

    def capture(self, image: bytes, *, ppi: int, finger_position: int) -> FingerprintCapture:
        """Minutiae (at 500 ppi) and quality of the finger in `image`.

        Raises UnreadableImageError for bytes that are not a decodable image of a usable
        size or resolution, and TemplateFormatError for a finger position outside 0-10.
        """
        if not 0 <= finger_position <= 10:
            raise TemplateFormatError("finger position must be 0-10 (ISO/IEC 19794-2)")
        prepared = _prepare_image(image, ppi)
        try:
            try:
                found = _extractor(nfiq2=True).extract_minutiae(prepared.image)
                nfiq2 = int(found.quality().score)
            except nbis.NbisError.Nfiq2ComputeFailed:
                # NFIQ 2 gives no score for some images (e.g. too little finger area); the
                # minutiae are still there, and a missing score fails the gate as 0.
                found = _extractor(nfiq2=False).extract_minutiae(prepared.image)
                nfiq2 = 0
        except nbis.NbisError as error:
            raise UnreadableImageError("the minutiae extractor could not read the image") from error
        minutiae = minutiae_of(found)
        issues = []
        if len(minutiae) < self.min_minutiae:
            issues.append(QualityIssue.TOO_FEW_MINUTIAE)
        if nfiq2 < self.min_nfiq2:
            issues.append(QualityIssue.LOW_NFIQ2)
        view = FingerView(finger_position=finger_position, quality=nfiq2, minutiae=minutiae)
        record = MinutiaeRecord(
            width=prepared.width,
            height=prepared.height,
            x_resolution=NATIVE_PX_PER_CM,
            y_resolution=NATIVE_PX_PER_CM,
            views=(view,),
        )
        quality = FingerprintQuality(nfiq2=nfiq2, minutiae=len(minutiae), issues=tuple(issues))
        return FingerprintCapture(record=record, quality=quality)


def _single_view(record: MinutiaeRecord) -> FingerView:
    if len(record.views) != 1:
        raise TemplateFormatError("Bozorth3 compares records of exactly one finger view")
    return record.views[0]


def nbis_dialect(record: MinutiaeRecord) -> bytes:
    """The record's one view in nbis-py's template dialect (module docstring), at 500 ppi.

    Keeps the 255 minutiae of highest quality when there are more (Bozorth3 uses 150).
    Raises TemplateFormatError for several views or coordinates beyond 14 bits.
    """
    view = _single_view(record)
    minutiae = view.minutiae
    if len(minutiae) > MAX_DIALECT_MINUTIAE:
        minutiae = tuple(sorted(minutiae, key=lambda m: -m.quality)[:MAX_DIALECT_MINUTIAE])
    scale_x = NATIVE_PX_PER_CM / record.x_resolution if record.x_resolution else 1.0
    scale_y = NATIVE_PX_PER_CM / record.y_resolution if record.y_resolution else 1.0
    rows = np.zeros(len(minutiae), dtype=_DIALECT_MINUTIA)
    if minutiae:
        x = np.rint(np.array([m.x for m in minutiae]) * scale_x).astype(np.int64)
        y = np.rint(np.array([m.y for m in minutiae]) * scale_y).astype(np.int64)
        if x.min() < 0 or y.min() < 0 or max(x.max(), y.max()) > _MAX_COORDINATE:
            raise TemplateFormatError("minutia coordinates must be 0-16383 pixels")
        types = np.array([_TYPE_BITS[m.kind] for m in minutiae], dtype=np.int64)
        angles = np.array([m.angle for m in minutiae])
        quality = np.array([m.quality for m in minutiae])
        rows["type_x"] = (types << 14) | x
        rows["y"] = y
        rows["angle"] = np.rint(angles / _ANGLE_UNIT_DEGREES).astype(np.int64) % 256
        rows["quality"] = np.rint(np.clip(quality, 0, 100) * DIALECT_QUALITY_LEVELS / 100)
    width = min(round(record.width * scale_x), 0xFFFF)
    height = min(round(record.height * scale_y), 0xFFFF)
    body = bytes((0, len(minutiae))) + rows.tobytes()
    length = 24 + len(body)
    header = (
        b"FMR\x00 20\x00"
        + length.to_bytes(4, "big")
        + bytes(2)
        + width.to_bytes(2, "big")
        + height.to_bytes(2, "big")
        + bytes(6)
    )
    return header + body


def _load(dialect: bytes) -> Any:
    """An nbis `Minutiae` built from dialect bytes, or None when there are no minutiae."""
    if dialect[25] == 0:
        return None  # nbis refuses an empty view ("ISO template too short"); it scores 0
    try:
        return _extractor(nfiq2=False).load_iso_19794_2_2005(dialect)
    except nbis.NbisError as error:
        raise TemplateFormatError("nbis could not load the converted template") from error


def _score(probe: Any, reference: Any) -> int:
    if probe is None or reference is None:
        return 0
    return int(probe.compare(reference))


class Bozorth3Comparator:
    """Bozorth3 scores between one-view records, through nbis-py.

    Converted nbis objects are kept in a least-recently-used cache keyed by the record
    (records are frozen and hashable), so a probe compared against many references, or a
    reference compared often, is converted once. The cache lives in this process only.
    """

    def __init__(self, *, cache_size: int = 4096) -> None:
        self.cache_size = cache_size
        self._cache: OrderedDict[MinutiaeRecord, Any] = OrderedDict()

    def __getstate__(self) -> dict[str, int]:
        return {"cache_size": self.cache_size}  # nbis objects cannot cross processes

    def __setstate__(self, state: dict[str, int]) -> None:
        self.__init__(cache_size=state["cache_size"])  # type: ignore[misc]

    def _converted(self, record: MinutiaeRecord) -> Any:
        if record in self._cache:
            self._cache.move_to_end(record)
            return self._cache[record]
        converted = _load(nbis_dialect(record))
        if self.cache_size > 0:
            self._cache[record] = converted
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return converted

    def compare(self, probe: MinutiaeRecord, reference: MinutiaeRecord) -> int:
        """Bozorth3 score: higher is more similar; about 40 is the customary threshold."""
        return _score(self._converted(probe), self._converted(reference))

    def compare_many(
        self, probe: MinutiaeRecord, references: Sequence[MinutiaeRecord]
    ) -> list[int]:
        converted = self._converted(probe)
        return [_score(converted, self._converted(reference)) for reference in references]


class Bozorth3Gallery:
    """A gallery's nbis objects by label, built from dialect bytes in this process.

    For 1:N re-ranking workers (`fingerprint_search`): each worker builds one at start-up
    and then scores shortlists against it. Building costs about 0.25 ms per template.
    """

    def __init__(self, templates: Mapping[int, bytes]) -> None:
        self._templates = {label: _load(dialect) for label, dialect in templates.items()}

    def __len__(self) -> int:
        return len(self._templates)

    def scores(self, probe: bytes, labels: Sequence[int]) -> list[int]:
        """Bozorth3 scores of the probe (dialect bytes) against these labels, in order."""
        converted = _load(probe)
        return [_score(converted, self._templates[label]) for label in labels]
