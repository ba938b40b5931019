"""A record as others cite it: the suggested citation in words, BibTeX and CSL-JSON."""

from __future__ import annotations

from typing import Any

from warcrime_archive.catalog.nodes import Entry
from warcrime_archive.i18n import gettext
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.publish.published import permalink, record_version


def citation_text(config: ArchiveConfig, entry: Entry) -> str:
    """The suggested citation, in words."""
    version = record_version(entry)
    words = {
        "archive": config.title,
        "title": entry.incident.title,
        "id": entry.id,
        "version": version,
        "url": permalink(config, entry.url),
    }
    if entry.last_updated:
        return gettext(
            "%(archive)s. \u201c%(title)s.\u201d Record %(id)s, version %(version)s, last updated %(updated)s. "
            "%(url)s (accessed on the date you read it)."
        ) % {**words, "updated": entry.last_updated.date.isoformat()}
    return (
        gettext(
            "%(archive)s. \u201c%(title)s.\u201d Record %(id)s, version %(version)s. "
            "%(url)s (accessed on the date you read it)."
        )
        % words
    )


_BIBTEX_ESCAPES = str.maketrans(
    {
        "{": "\\{",
        "}": "\\}",
        "\\": "\\textbackslash{}",
        **{char: "\\" + char for char in "&%$#_"},
        "~": "\\textasciitilde{}",
        "^": "\\textasciicircum{}",
    }
)


def _bibtex_escape(text: str) -> str:
    """The text with braces, backslashes and TeX's special characters escaped for a BibTeX field."""
    return text.translate(_BIBTEX_ESCAPES)


def bibtex(config: ArchiveConfig, entry: Entry) -> str:
    """A BibTeX @misc entry for the record."""
    fields = [
        ("title", entry.incident.title),
        ("author", "{" + _bibtex_escape(config.title) + "}"),
        ("howpublished", config.title),
        ("url", permalink(config, entry.url)),
        ("version", record_version(entry)),
        ("note", f"Record {entry.id}. An alleged incident, not a finding of guilt"),
    ]
    if entry.last_updated:
        fields.insert(4, ("year", str(entry.last_updated.date.year)))
        fields.insert(5, ("date", entry.last_updated.date.isoformat()))
    lines = [f"@misc{{{entry.id},"]
    for name, value in fields:
        text = value if name in ("author", "url") else _bibtex_escape(value)
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def csl_json(config: ArchiveConfig, entry: Entry) -> list[dict[str, Any]]:
    """A CSL-JSON item (in a one-item array) for the record."""
    item: dict[str, Any] = {
        "id": entry.id,
        "type": "webpage",
        "title": entry.incident.title,
        "author": [{"literal": config.title}],
        "container-title": config.title,
        "URL": permalink(config, entry.url),
        "version": record_version(entry),
        "note": f"Record {entry.id}. An alleged incident, not a finding of guilt.",
    }
    if entry.last_updated:
        d = entry.last_updated.date
        item["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    return [item]
