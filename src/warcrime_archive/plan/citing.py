"""Claim-level sourcing on an incident page: beside each claim, numbered links to its sources in the page's list of
sources (readable without JavaScript and in print), "according to" a party where the claim rests only on that
party's statements, and the narrative's citations ([@id]) as the same links."""

from __future__ import annotations

from markupsafe import Markup

from warcrime_archive.i18n import gettext
from warcrime_archive.model.claims import citations, claims
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.record import Incident
from warcrime_archive.richtext import render_markdown

# Stand-ins for the narrative's citations while it goes through Markdown and the sanitiser (private-use
# characters: neither touches them, and no text holds them).
_OPEN, _CLOSE = "\ue000", "\ue001"


def _links(incident: Incident, ids: list[str]) -> Markup:
    number = {s.id: n for n, s in enumerate(incident.sources, 1)}
    found = sorted({(number[i], i) for i in ids if i in number})
    links = Markup(", ").join(
        Markup('<a href="#source-{id}" title="{title}">{n}</a>').format(
            id=i, n=n, title=gettext("Source %(number)d") % {"number": n}
        )
        for n, i in found
    )
    return Markup('<sup class="cite" data-pagefind-ignore>[{}]</sup>').format(links)


def cite(config: ArchiveConfig, incident: Incident, ids: list[str]) -> Markup:
    """The mark beside a claim: its sources as links, 'according to <party>' when every one of them is that
    party's own statement, and 'no source given' when it has none (only in an archive that allows it)."""
    if not ids:
        return Markup(' <span class="no-source">({})</span>').format(gettext("no source given"))
    by_id = {s.id: s for s in incident.sources}
    parties = {by_id[i].party for i in ids if i in by_id}
    according = Markup("")
    if len(parties) == 1 and None not in parties:
        party = parties.pop()
        label = config.sides[party].label if party in config.sides else party
        according = Markup(' <span class="according">({})</span>').format(
            gettext("according to %(party)s") % {"party": label}
        )
    return according + _links(incident, ids)


def claim_marks(config: ArchiveConfig, incident: Incident) -> dict[str, Markup]:
    """The mark of every claim of the record, by its place in the record: 'date', 'victims.0', 'verification.by.1'."""
    return {".".join(str(p) for p in loc): cite(config, incident, ids) for loc, ids in claims(incident)}


def narrative_html(incident: Incident) -> Markup:
    """The narrative rendered and sanitised (`richtext`), each citation a mark of links to the sources."""
    text = incident.narrative
    found = [c for c in citations(text) if not c.malformed]
    for k, citation in reversed(list(enumerate(found))):
        before = text[: citation.start].rstrip(" \t")  # a footnote mark follows the word it is put after
        if before.endswith("\n") and not before.endswith("\n\n"):
            before = before[:-1].rstrip(" \t")
        text = before + f"{_OPEN}{k}{_CLOSE}" + text[citation.end :]
    html = render_markdown(text)
    for k, citation in enumerate(found):
        html = html.replace(f"{_OPEN}{k}{_CLOSE}", str(_links(incident, list(citation.ids))))
    return Markup(html)
