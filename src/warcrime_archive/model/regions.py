"""Countries and first-level regions: ISO 3166 codes, names in English, and 'did you mean' for misspellings.

A region may be written as its ISO 3166-2 code (UA-23), its ISO name (Zaporizka oblast, Ḩalab), a conventional
English name (Zaporizhzhia Oblast: data/regions.yaml, curated), an English name or other spelling from Natural
Earth (Aleppo: data/region_names.json, made by scripts/make_region_names.py), or an alias the archive gives in
archive.yaml. Matching ignores case, diacritics, punctuation and words such as "region", "oblast", "governorate"
and "province" (`normalise`), as long as that leaves one region; it never picks one of two regions. A region is
shown under the archive's name for it, else its conventional name, else Natural Earth's English name, else its
ISO name.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pycountry
import yaml
from anyascii import anyascii

GENERIC = frozenset(
    [
        "region",
        "regions",
        "oblast",
        "oblasts",
        "oblasti",
        "governorate",
        "province",
        "provinces",
        "muhafazat",
        "muhafazah",
        "state",
        "prefecture",
        "department",
        "county",
        "the",
        "of",
    ]  # noqa: SIM905 - a line of words reads better than a list of sixteen strings
)
"""Words that say what kind of region a name is, not which: left out when names are compared."""

Aliases = tuple[tuple[str, str], ...]
"""An archive's own spellings: (spelling, ISO 3166-2 code), from archive.yaml's `regions`."""


@dataclass(frozen=True)
class Region:
    code: str
    name: str


def plain(text: str) -> str:
    """A name without case, diacritics and punctuation: 'Moscow oblast'' -> 'moscow oblast', 'Ḩalab' -> 'halab'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’ʼ`ʹ]", "", anyascii(text).casefold())).split())


def normalise(text: str) -> str:
    """A name as compared loosely: `plain`, and the words of `GENERIC` left out unless nothing else is left:
    'Moskovskaya oblast'' -> 'moskovskaya', 'Kharkiv region' -> 'kharkiv'."""
    words = plain(text).split()
    return " ".join(w for w in words if w not in GENERIC) or " ".join(words)


@cache
def _conventional() -> dict[str, list[str]]:
    text = resources.files("warcrime_archive").joinpath("data/regions.yaml").read_text("utf-8")
    regions: dict[str, list[str]] = yaml.safe_load(text)
    return regions


@cache
def _natural_earth() -> dict[str, list[str]]:
    text = resources.files("warcrime_archive").joinpath("data/region_names.json").read_text("utf-8")
    names: dict[str, list[str]] = json.loads(text)
    return names


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


def is_region_code(code: str) -> bool:
    """Whether a code is the ISO 3166-2 code of a first-level region."""
    sub = pycountry.subdivisions.get(code=code)
    return sub is not None and not sub.parent_code


@dataclass(frozen=True)
class Names:
    """A country's regions and every spelling of them."""

    regions: dict[str, Region]  # code -> region (with its name as shown)
    exact: dict[str, str | None]  # a spelling in lower case -> its code (None: two regions share it)
    plain: dict[str, frozenset[str]]  # a spelling without case, diacritics, punctuation -> the codes it may mean
    loose: dict[str, frozenset[str]]  # the same without the words of GENERIC


@lru_cache(maxsize=512)
def names(alpha2: str, aliases: Aliases = ()) -> Names:
    """Every spelling of a country's first-level regions, the archive's `aliases` first, then the conventional
    names, the codes and ISO names, then Natural Earth's; at each level a spelling of two regions means neither."""
    conventional, natural = _conventional(), _natural_earth()
    subs = [s for s in pycountry.subdivisions.get(country_code=alpha2) or [] if not s.parent_code]
    english = {code: spellings[0] for code, spellings in natural.items() if spellings and spellings[0]}
    regions = {s.code: Region(s.code, (conventional.get(s.code) or [english.get(s.code, s.name)])[0]) for s in subs}
    levels = [
        [(text, code) for text, code in aliases if code in regions],
        [(text, s.code) for s in subs for text in (s.code, s.name, *conventional.get(s.code, []))],
        [(text, s.code) for s in subs for text in natural.get(s.code, []) if text],
    ]
    exact: dict[str, str | None] = {}
    plains: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    for level in levels:
        mine: dict[str, str | None] = {}
        for text, code in level:
            key = text.strip().lower()
            mine[key] = code if mine.get(key, code) == code else None
            plains.setdefault(plain(text), set()).add(code)
            loose.setdefault(normalise(text), set()).add(code)
        exact.update({k: v for k, v in mine.items() if k not in exact})
    return Names(
        regions, exact, {k: frozenset(v) for k, v in plains.items()}, {k: frozenset(v) for k, v in loose.items()}
    )


@lru_cache(maxsize=4096)
def resolve_region(alpha2: str, text: str, aliases: Aliases = ()) -> Region | None:
    """The region a spelling means, or None when it is no region of the country or could be either of two."""
    found = names(alpha2.upper(), aliases)
    code = found.exact.get(text.strip().lower())
    for codes in (found.plain.get(plain(text), frozenset()), found.loose.get(normalise(text), frozenset())):
        if code is None and len(codes) == 1:
            code = next(iter(codes))
    return found.regions.get(code) if code else None


def _either(found: Names, codes: frozenset[str] | set[str]) -> str:
    shown = sorted(f"'{found.regions[c].name}' ({c})" for c in codes)
    return ", ".join(shown[:-1]) + " or " + shown[-1]


def _closest(wanted: str, spellings: dict[str, frozenset[str]]) -> set[str]:
    """The regions of the spellings closest to `wanted` (all of those equally close), if any is close enough."""
    ratios = {s: difflib.SequenceMatcher(None, wanted, s).ratio() for s in spellings}
    best = max(ratios.values(), default=0.0)
    return {code for s, r in ratios.items() if r == best for code in spellings[s]} if best >= 0.8 else set()


def suggest_region(alpha2: str, text: str, aliases: Aliases = ()) -> str:
    """A hint for a spelling that is no region of the country: the regions it could mean when it is ambiguous,
    the one region a close spelling names, else the first regions of the country."""
    found = names(alpha2.upper(), aliases)
    if not found.regions:
        return ""
    if len(found.plain.get(plain(text), ())) > 1 or len(found.loose.get(normalise(text), ())) > 1:
        codes = found.plain.get(plain(text)) or found.loose[normalise(text)]
        return f"it could be {_either(found, codes)}: write one of them"
    for wanted, spellings in ((plain(text), found.plain), (normalise(text), found.loose)):
        near = _closest(wanted, spellings)
        if len(near) == 1:
            return f"did you mean '{found.regions[near.pop()].name}'?"
        if near:
            return f"did you mean {_either(found, near)}?"
    shown = sorted(r.name for r in found.regions.values())
    return f"{len(shown)} regions of {alpha2.upper()}: " + ", ".join(shown[:6]) + ", ..."
