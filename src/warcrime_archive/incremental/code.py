"""Which code decides the output: this package's files and the libraries it builds with, as one version.

Everything the incremental build keeps (each record file's result, each incident's page parts, the rows of the
lists, the page fingerprints, the search index's shards) is keyed by `version()` among what else it depends on,
so a result made by other code, or with another version of a library, is never reused. The up-to-date stamp
(`uptodate`) watches the same package and the same `LIBRARIES` by their files' times instead of reading them.

Only the standard library is imported at the top: the up-to-date check imports this module before anything heavy.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache

from warcrime_archive import __version__, layout

LIBRARIES = (
    ("jinja2", "jinja2"),
    ("markupsafe", "markupsafe"),
    ("markdown", "markdown"),
    ("nh3", "nh3"),
    ("pydantic", "pydantic"),
    ("pydantic_core", "pydantic-core"),
    ("yaml", "PyYAML"),
    ("babel", "babel"),
    ("pycountry", "pycountry"),
    ("orjson", "orjson"),
    ("cbor2", "cbor2"),
    ("pagefind", "pagefind"),
    ("pagefind_bin", "pagefind-bin"),
)
"""The libraries whose code decides the output, as (module, distribution): the templates and their escaping,
Markdown and its sanitiser, the models and their validation, YAML, the translations and country names, the JSON
and CBOR writers, and Pagefind (with its binary)."""


@cache
def version() -> str:
    """A digest of the code that makes the output, once per process: this package's version and every file of it
    (its Python, its data: the base map, the region table, its translations), the Python that runs it, the
    versions of `LIBRARIES`, whether PyYAML uses libyaml, and zlib's (which compresses the search index)."""
    import zlib
    from importlib import metadata

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    package = layout.PACKAGE
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for _, distribution in LIBRARIES:
        try:
            found = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            found = "none"
        digest.update(f"{distribution}={found}\0".encode())
    import yaml

    digest.update(f"libyaml={getattr(yaml, '__with_libyaml__', False)}\0zlib={zlib.ZLIB_RUNTIME_VERSION}".encode())
    return digest.hexdigest()
