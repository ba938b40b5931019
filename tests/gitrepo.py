"""Helper for tests that make real git repositories: git with a fixed identity and no user or system config."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(folder: Path, *args: str, when: str | None = None) -> str:
    """Run git in `folder` and return its output, stripped; `when` dates the commits it makes."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when is not None:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    done = subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()
