"""Files of the build cache written whole or not at all: each is written to a temporary file in its own folder,
then renamed over the old one (`os.replace`, one atomic step), so a build that fails or is killed while writing
leaves the old file, never half of a new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PREFIX = ".tmp-"
"""How the temporary files are named: a build killed while writing leaves one behind (`remove_leftovers`)."""


@contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A new file to write in place of `path`: it becomes `path` when the block ends, and is removed instead if
    the block raises. The folder is made if it is missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=PREFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` as the file `path`, whole or not at all."""
    with replacing(path) as file:
        file.write(data)


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files that builds killed while writing left in `folder`."""
    for stale in folder.glob(PREFIX + "*"):
        stale.unlink(missing_ok=True)
