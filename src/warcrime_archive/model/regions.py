"""Countries and first-level regions: ISO 3166 codes, names, and 'did you mean' for misspellings.

A region may be written as its ISO 3166-2 code (UA-23), its ISO name (Zaporizka oblast) or its
conventional English name (Zaporizhzhia Oblast); all three resolve to one region, shown under the
conventional name where we know it (data/regions.yaml), else under the ISO name.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pycountry
import yaml


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@cache
def _conventional() -> dict[str, list[str]]:
    text = resources.files("warcrime_archive").joinpath("data/regions.yaml").read_text("utf-8")
    regions: dict[str, list[str]] = yaml.safe_load(text)
    return regions


@cache
def country_name(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def suggest_country(text: str) -> str:
    """A hint for a country that is not an ISO alpha-2 code."""
    wanted = text.strip().lower()
    names = {c.name.lower(): c.alpha_2 for c in pycountry.countries}
    names.update({getattr(c, "common_name", c.name).lower(): c.alpha_2 for c in pycountry.countries})
    if wanted in names:
        return f"did you mean {names[wanted]}?"
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.75)
    if close:
        return f"did you mean {names[close[0]]} ({close[0].title()})?"
    return "use the ISO 3166-1 alpha-2 code, e.g. UA"


@cache
def _regions(alpha2: str) -> tuple[dict[str, Region], dict[str, Region]]:
    """(every accepted spelling in lower case -> region, display name -> region) for a country."""
    conventional = _conventional()
    lookup: dict[str, Region] = {}
    for sub in pycountry.subdivisions.get(country_code=alpha2) or []:
        if sub.parent_code:  # second-level subdivisions are not regions here
            continue
        names = conventional.get(sub.code) or [sub.name]
        region = Region(sub.code, names[0])
        for spelling in (sub.code, sub.name, *names):
            lookup[spelling.lower()] = region
    return lookup, {r.name: r for r in lookup.values()}


@lru_cache(maxsize=4096)
def resolve_region(alpha2: str, text: str) -> Region | None:
    lookup, _ = _regions(alpha2.upper())
    return lookup.get(text.strip().lower())


def suggest_region(alpha2: str, text: str) -> str:
    lookup, shown = _regions(alpha2.upper())
    if not lookup:
        return ""
    wanted = text.strip().lower()
    candidates: dict[str, Region] = {}
    for spelling, region in lookup.items():
        candidates[spelling] = region
        for suffix in (" oblast", " oblast'", " region", " province"):
            if spelling.endswith(suffix):
                candidates[spelling[: -len(suffix)]] = region
    close = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.7)
    if close:
        return f"did you mean '{candidates[close[0]].name}'?"
    return f"{len(shown)} regions of {alpha2.upper()}: " + ", ".join(sorted(shown)[:6]) + ", ..."
