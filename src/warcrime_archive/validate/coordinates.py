"""Coordinates inside their place: a record's point must lie in the outline of its country and, where the bundled
outlines have them (UA, RU, BY, MD), of its region, give or take `TOLERANCE_KM` for points on a border. Swapped
latitude and longitude get a "did you mean". `location.coordinates.outside_region` accepts a point that is
rightly outside (it says why, and the page shows it)."""

from __future__ import annotations

from warcrime_archive.model import regions
from warcrime_archive.model.outlines import basemap
from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Problem
from warcrime_archive.read.yaml_reader import Document

TOLERANCE_KM = 10.0
"""How far outside an outline a point may be: the outlines are simplified (to about a kilometre) and a place on a
border may be drawn on the other side of it."""

EXCEPTION_HINT = "if the point is right, say why in `location.coordinates.outside_region`"


def _country(code: str) -> str:
    return regions.country_name(code) or code


def _region(country: str, code: str) -> str:
    found = regions.resolve_region(country, code)
    return found.name if found else code


def coordinate_problems(incident: Incident, doc: Document) -> list[Problem]:
    """The problem of a point outside its stated country or region, if it has one."""
    loc = incident.location
    point = loc.coordinates
    if point is None or point.outside_region.strip():
        return []
    atlas = basemap()
    country = atlas.countries.get(loc.country)
    region = atlas.regions.get(loc.region.code)
    where = ("location", "coordinates")
    shown = f"lat {point.lat:g}, lon {point.lon:g}"
    outlines = [o for o in (country, region) if o is not None]
    if all(o.distance_km(point.lon, point.lat) <= TOLERANCE_KM for o in outlines):
        return []
    swapped_fits = outlines and all(
        -90 <= point.lon <= 90 and o.distance_km(point.lat, point.lon) <= TOLERANCE_KM for o in outlines
    )
    if swapped_fits:
        return [
            doc.problem(
                where,
                f"the point ({shown}) is not in {loc.region.name}, {_country(loc.country)}: latitude and longitude "
                "look swapped",
                f"did you mean lat: {point.lon:g}, lon: {point.lat:g}?",
            )
        ]
    if country is not None and country.distance_km(point.lon, point.lat) > TOLERANCE_KM:
        found = atlas.country_at(point.lon, point.lat)
        there = f"; it is in {_country(found)}" if found else ""
        return [
            doc.problem(
                where,
                f"the point ({shown}) is not in {_country(loc.country)}, the record's country{there}",
                "check the coordinates and `location.country`; " + EXCEPTION_HINT,
            )
        ]
    if region is not None:
        found = atlas.region_at(loc.country, point.lon, point.lat)
        there = f"; it is in {_region(loc.country, found)}" if found else ""
        return [
            doc.problem(
                where,
                f"the point ({shown}) is not in {loc.region.name}, the record's region{there}",
                "check the coordinates and `location.admin1`; " + EXCEPTION_HINT,
            )
        ]
    return []
