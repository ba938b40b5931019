"""The third-party files a built site serves itself (Leaflet and Leaflet.markercluster, for the explore view):
committed under static/vendor/ with their licences, exactly the versions package.json pins, as npm installs them
(scripts/vendor.sh copies them from node_modules)."""

from __future__ import annotations

import json
import re

from repo_paths import REPO

VENDOR = REPO / "static" / "vendor"
NODE_MODULES = REPO / "node_modules"
FILES = {
    # vendored file -> the file of its npm package it is a copy of
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet/LICENSE": "leaflet/LICENSE",
    **{f"leaflet/images/{name}": f"leaflet/dist/images/{name}" for name in (
        "layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png",
    )},
    "leaflet.markercluster/leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet.markercluster/MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "leaflet.markercluster/LICENSE": "leaflet.markercluster/MIT-LICENCE.txt",
}  # fmt: skip


def _pins() -> dict[str, str]:
    return json.loads((REPO / "package.json").read_text("utf-8"))["devDependencies"]


def test_the_vendored_libraries_are_pinned_exactly_in_package_json_and_its_lock():
    pins = _pins()
    lock = json.loads((REPO / "package-lock.json").read_text("utf-8"))["packages"]
    for name in ("leaflet", "leaflet.markercluster"):
        assert re.fullmatch(r"\d+\.\d+\.\d+", pins[name]), f"{name} is pinned to one version"
        assert lock[f"node_modules/{name}"]["version"] == pins[name]
        assert lock[""]["devDependencies"][name] == pins[name]


def test_every_vendored_file_is_there_with_its_licence_and_nothing_else():
    found = sorted(p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file())
    assert found == sorted(FILES)
    assert "BSD 2-Clause License" in (VENDOR / "leaflet" / "LICENSE").read_text("utf-8")
    assert "Permission is hereby granted" in (VENDOR / "leaflet.markercluster" / "LICENSE").read_text("utf-8")  # MIT
    leaflet = (VENDOR / "leaflet" / "leaflet.js").read_text("utf-8")
    assert f"Leaflet {_pins()['leaflet']}, " in leaflet and f't.version="{_pins()["leaflet"]}"' in leaflet


def test_every_vendored_file_is_the_pinned_packages_own_byte_for_byte():
    """Against the packages npm installed (scripts/setup.sh runs `npm ci` with the lock)."""
    for name in ("leaflet", "leaflet.markercluster"):
        installed = NODE_MODULES / name / "package.json"
        assert installed.is_file(), "run scripts/setup.sh (npm ci installs the pinned packages)"
        assert json.loads(installed.read_text("utf-8"))["version"] == _pins()[name], "run scripts/setup.sh"
    different = [
        vendored
        for vendored, source in FILES.items()
        if (VENDOR / vendored).read_bytes() != (NODE_MODULES / source).read_bytes()
    ]
    assert different == [], "run scripts/vendor.sh"
