"""The biometric benchmarks, one command each (figures in docs/benchmarks.md):

    python bench/biometrics.py face          # face templates per second per core (real photos)
    python bench/biometrics.py search        # 1:N face search over 1 M and 10 M templates
    python bench/biometrics.py fingerprint   # two-stage fingerprint 1:N over 100,000 templates
    python bench/biometrics.py mid           # latency the multiple-identity check adds
    python bench/biometrics.py all           # the four above with their defaults

Options after the name go to that benchmark (`python bench/biometrics.py search --help`).
Each is also a script of its own: bench/biometrics_face.py, biometrics_search.py,
biometrics_fingerprint.py, biometrics_mid.py.
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "face": "biometrics_face.py",
    "search": "biometrics_search.py",
    "fingerprint": "biometrics_fingerprint.py",
    "mid": "biometrics_mid.py",
}


def _run(name: str, arguments: list[str]) -> None:
    script = HERE / BENCHMARKS[name]
    sys.argv = [str(script), *arguments]
    runpy.run_path(str(script), run_name="__main__")


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in {*BENCHMARKS, "all"}:
        print(__doc__)
        sys.exit(2)
    name, arguments = sys.argv[1], sys.argv[2:]
    for chosen in BENCHMARKS if name == "all" else [name]:
        _run(chosen, arguments if name != "all" else [])


if __name__ == "__main__":
    main()
