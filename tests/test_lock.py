"""requirements.lock, the exact versions a checkout installs (Makefile, .ci/run, the
Action), against pyproject.toml's ranges: every dependency of checker and of its extras is
pinned there, each pin lies inside its range, and this environment holds those pins."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
LOCK = REPO / "requirements.lock"


def lock_pins() -> list[Requirement]:
    pins = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pins.append(Requirement(line))
    return pins


def applicable(requirement: Requirement, extra: str = "") -> bool:
    return requirement.marker is None or requirement.marker.evaluate({**default_environment(), "extra": extra})


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def project_requirements() -> list[tuple[str, Requirement]]:
    """(extra, requirement) for the dependencies and every optional group."""
    meta = project()
    found = [("", Requirement(r)) for r in meta["dependencies"]]
    for extra, items in meta.get("optional-dependencies", {}).items():
        found += [(extra, Requirement(r)) for r in items]
    return found


def test_every_lock_line_is_one_exact_version():
    pins = lock_pins()
    assert len(pins) > 50
    for pin in pins:
        (spec,) = pin.specifier  # exactly one specifier
        assert spec.operator == "==" and "*" not in spec.version, str(pin)


def test_the_lock_satisfies_every_range_in_pyproject():
    pins: dict[str, list[Requirement]] = {}
    for pin in lock_pins():
        pins.setdefault(canonicalize_name(pin.name), []).append(pin)
    problems = []
    for extra, requirement in project_requirements():
        if not applicable(requirement, extra):
            continue
        locked = [p for p in pins.get(canonicalize_name(requirement.name), []) if applicable(p)]
        if not locked:
            problems.append(f"{requirement} ({extra or 'dependencies'}) is not in requirements.lock: run make lock")
            continue
        for pin in locked:
            (version,) = [s.version for s in pin.specifier]
            if not requirement.specifier.contains(version, prereleases=True):
                problems.append(f"requirements.lock pins {pin.name}=={version}, outside {requirement}")
    assert not problems, "\n".join(problems)


def test_the_ranges_run_from_a_tested_floor_to_the_next_major():
    for extra, requirement in project_requirements():
        operators = {s.operator: s.version for s in requirement.specifier}
        assert set(operators) == {">=", "<"}, \
            f"{requirement}: write it as name>=TESTED,<NEXT_MAJOR in pyproject.toml, then run make lock"
        floor_major = int(operators[">="].split(".")[0])
        assert operators["<"] == str(floor_major + 1), f"{requirement}: the ceiling is the next major"


def test_this_environment_holds_the_locked_versions():
    wrong = []
    for pin in lock_pins():
        if not applicable(pin):
            continue
        (version,) = [s.version for s in pin.specifier]
        try:
            installed = metadata.version(pin.name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{pin.name} is not installed")
            continue
        if Version(installed) != Version(version):
            wrong.append(f"{pin.name} {installed} installed, {version} locked")
    assert not wrong, "run make install: " + "; ".join(wrong)


def test_the_makefile_installs_from_the_lock_and_can_regenerate_it():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "LOCK := requirements.lock" in makefile
    assert "-r $(LOCK)" in makefile and "--no-deps" in makefile
    assert "\nlock:" in makefile and "uv pip compile" in makefile
    assert "make test" in (REPO / ".ci/run").read_text(encoding="utf-8")  # installs through make
