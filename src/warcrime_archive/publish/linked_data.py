"""A record as search engines read it: schema.org JSON-LD for its page."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from warcrime_archive import urls
from warcrime_archive.catalog.nodes import Entry
from warcrime_archive.i18n import gettext
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.publish.fast_json import json_text
from warcrime_archive.publish.published import permalink, record_version
from warcrime_archive.publish.wording import headline


def json_ld(config: ArchiveConfig, entry: Entry) -> Markup:
    """schema.org JSON-LD for an incident page, safe inside <script type="application/ld+json">.

    The page is a CreativeWork (a documented allegation) about an Event; it asserts no verdict. A function
    of the settings and the entry alone (`plan.incidents.incident_parts`)."""
    incident = entry.incident
    loc = incident.location
    place: dict[str, Any] = {
        "@type": "Place",
        "name": ", ".join(p for p in (loc.place, loc.admin2, loc.region.name, loc.country) if p),
        "address": {"@type": "PostalAddress", "addressCountry": loc.country, "addressRegion": loc.region.name},
    }
    if loc.coordinates:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": loc.coordinates.lat, "longitude": loc.coordinates.lon}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": headline(config, incident),
        "description": incident.summary,
        "url": permalink(config, entry.url),
        "identifier": entry.id,
        "version": record_version(entry),
        "genre": gettext("Documented allegation (not a finding of guilt)"),
        "inLanguage": config.language,
        "isPartOf": {"@type": "CreativeWork", "name": config.title, "url": permalink(config, urls.HOME)},
        "about": {
            "@type": "Event",
            "name": incident.title,
            "description": gettext("Alleged incident: %(summary)s") % {"summary": incident.summary},
            "startDate": incident.date.start.iso(),
            "endDate": incident.date.end.iso(),
            "location": place,
        },
        "citation": [s.url for s in incident.sources],
    }
    if entry.first_published:
        data["datePublished"] = entry.first_published.date.isoformat()
    if entry.last_updated:
        data["dateModified"] = entry.last_updated.date.isoformat()
    if config.license:
        data["license"] = config.license.url or config.license.name
    floats = (loc.coordinates.lat, loc.coordinates.lon) if loc.coordinates else ()
    text = json_text(data, floats, indent=1)[:-1]  # json.dumps(data, ensure_ascii=False, indent=1)
    # In a script element, '<' could end the block early: JSON allows it escaped.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
