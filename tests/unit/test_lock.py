"""Supply chain (RELIABILITY C8): every locked package is pinned with a hash, and the
packages with known advisories below a version are locked at or above it."""

from pathlib import Path

import pytest
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
FLOORS = {"jinja2": "3.1.6", "markdown": "3.8.1", "pyyaml": "6.0", "dateparser": "1.5.0", "nh3": "0.2.17"}


def locked(path: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) from a `uv pip compile --generate-hashes` file."""
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "==" in stripped and not stripped.startswith("--hash"):
            name, version = stripped.split(" ")[0].split("==")
            name = name.split("[")[0].lower()
            pins[name] = (version, 0)
        elif stripped.startswith("--hash=sha256:") and name:
            version, count = pins[name]
            pins[name] = (version, count + 1)
    return pins


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock"])
def test_lock_pins_every_package_with_hashes_above_the_floors(lock):
    pins = locked(ROOT / lock)
    assert pins, f"{lock} pins nothing"
    for name, (version, hashes) in pins.items():
        assert hashes >= 1, f"{lock}: {name}=={version} has no --hash"
    for name, floor in FLOORS.items():
        assert name in pins, f"{lock}: {name} is not locked"
        assert Version(pins[name][0]) >= Version(floor), f"{lock}: {name} {pins[name][0]} < {floor}"


def test_lock_covers_every_declared_dependency():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = locked(ROOT / "requirements-test.lock")
    declared = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in declared:
        name = requirement.split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower()
        assert name in pins, f"{name} is declared in pyproject.toml but not locked: rerun uv pip compile"
