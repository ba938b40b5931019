"""Where an editor's secret key is given: an environment variable, a file it names, or a file in the editor's
configuration folder. Light on purpose (the up-to-date check reads it before anything heavy loads)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

KEY_VARIABLE = "WARCRIME_ARCHIVE_AGE_KEY"
"""The secret key itself (`AGE-SECRET-KEY-1...`), as a CI secret gives it."""
KEY_FILE_VARIABLE = "WARCRIME_ARCHIVE_AGE_KEY_FILE"
"""A file holding the secret key (as `age-keygen` or `warcrime-archive private keygen` write it)."""


def default_key_file() -> Path:
    """Where an editor's key is looked for when no variable names one: ~/.config/warcrime-archive/age-key.txt."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "warcrime-archive" / "age-key.txt"


def keys_given() -> str:
    """A digest of which keys this process is given (never the key: a SHA-256 of the variable's value, and the
    size, time and inode of the key files), so that a build knows when the keys changed, and with them what the
    name check of encrypted names could run."""
    digest = hashlib.sha256(os.environ.get(KEY_VARIABLE, "").strip().encode())
    for path in (os.environ.get(KEY_FILE_VARIABLE, "").strip(), str(default_key_file())):
        try:
            info = os.stat(path) if path else None
        except OSError:
            info = None
        seen = (info.st_size, info.st_mtime_ns, info.st_ino) if info is not None else ()
        digest.update(f"{path}\0{seen}\0".encode())
    return digest.hexdigest()
