"""Where things are: the archive's own files and folders, and this package's. One list for every stage and command.

An archive is a folder holding `archive.yaml` and the folders below; everything a build reads from the
archive is under one of them (`INPUTS`). The validator refuses links that lead out of them, the preview and
the up-to-date check watch them, and the write stage refuses an output folder inside them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CONFIG = "archive.yaml"
"""The archive's settings and vocabularies."""
RECORDS = "incidents"
"""One YAML record per incident, in sub-folders if the editors like."""
PAGES = "pages"
"""Free pages in Markdown (about, methodology)."""
TEMPLATES = "templates"
"""The archive's own templates, overriding the defaults by file name."""
STATIC = "static"
"""The archive's own static files, overriding the defaults by file name."""
LOCALES = "locales"
"""The archive's own interface translations (`locales/<language>/LC_MESSAGES/messages.po`)."""

FOLDERS = (RECORDS, PAGES, TEMPLATES, STATIC, LOCALES)
"""Every folder of the archive that a build reads."""
INPUTS = (CONFIG, *FOLDERS)
"""Everything of the archive that a build reads: a change to any of them may change the site."""
RECORD_SUFFIXES = (".yaml", ".yml")

PACKAGE = Path(__file__).resolve().parent
"""This package's folder: its code, and its data files beside it."""
DATA = PACKAGE / "data"
"""The package's data files: the base map, the region table, the preview's reload script."""
PACKAGED_LOCALES = PACKAGE / LOCALES
"""The interface translations shipped with warcrime-archive."""


def default_dir(name: str) -> Path:
    """A folder of defaults (`templates` or `static`): in the wheel ('default_templates'), or beside src/ in a
    checkout."""
    packaged = Path(str(resources.files("warcrime_archive"))) / f"default_{name}"
    if packaged.is_dir():
        return packaged
    return PACKAGE.parents[1] / name
