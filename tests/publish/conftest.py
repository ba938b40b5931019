"""The planted archive's site, built once for the tests of the publish stage."""

from pathlib import Path

import pytest
from planted_archive import make_archive

from warcrime_archive.build import build_site


@pytest.fixture(scope="package")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("downloads")
    out = tmp / "site"
    build_site(make_archive(tmp / "archive"), out)
    return out
