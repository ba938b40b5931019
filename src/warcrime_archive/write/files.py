"""Publish stage: every file of the site besides the pages and the search index, put in the staging folder.

The static files, the downloads over every record, each record's JSON and citations, the JSON Schemas, the feed,
the sitemap, the explore view's data, robots.txt, and SHA256SUMS over the data files. They are made from the catalog
only, never the YAML, so nothing private reaches them.
"""

from __future__ import annotations

from pathlib import Path

from warcrime_archive import layout, urls
from warcrime_archive.catalog.nodes import Catalog
from warcrime_archive.model.schema import schemas
from warcrime_archive.plan.pages import Page
from warcrime_archive.publish import downloads, explore, feeds, record_files
from warcrime_archive.publish.explore_basemap import explore_basemap
from warcrime_archive.write.kept import Fingerprints
from warcrime_archive.write.staging import Staging


def put_files(
    site: Staging, root: Path, catalog: Catalog, pages: list[Page], fingerprints: Fingerprints, rows: downloads.Rows
) -> None:
    """Put every file besides the pages and the search index in `site`.

    A record's own files depend on that record and the settings only: those whose fingerprint is unchanged
    (`fingerprints.record_files`) stay as they are, without being made again; SHA256SUMS takes the digests of
    every file from the site. Each record's rows of the downloads over every record come from `rows`."""
    site.copy_static([root / layout.STATIC, layout.default_dir(layout.STATIC)])
    summed = []
    for relative, parts in downloads.archive_parts(catalog, rows):
        site.put_parts(relative, parts)  # one at a time, part by part: tens of megabytes each
        summed.append(relative)
    data = {urls.schema_file(name): text for name, text in schemas().items()}
    data[urls.FEED] = feeds.feed(catalog)
    site_map = feeds.sitemap(catalog, [p.url for p in pages if p.kind.in_sitemap])
    if site_map is not None:
        data[urls.SITEMAP] = site_map
    for relative, content in data.items():
        site.put(relative, content)
    summed += data
    for entry in catalog.entries:
        fingerprint = fingerprints.record_files(entry)
        paths = [urls.record_file(entry.id, name) for name in record_files.RECORD_FILES]
        if fingerprint is None or not all([site.unchanged(path, fingerprint) for path in paths]):
            for relative, content in record_files.record_files(catalog.config, entry).items():
                site.put(relative, content, fingerprint)
        summed += paths
    # The explore view's data: what the view reads, not a download (SHA256SUMS leaves it out).
    for relative, content in explore.explore_files(catalog).items():
        site.put(relative, content)
    site.put(urls.explore_data(explore.BASEMAP), explore.compact(explore_basemap(catalog)))
    site.put(urls.ROBOTS, feeds.robots(catalog))
    site.put(urls.SUMS, site.sums(summed))
