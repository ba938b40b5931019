"""Page fingerprints: the same inputs give the same digest in any process; any change to them changes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import jinja2
from repo_paths import REPO

from warcrime_archive import i18n
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.incremental.fingerprint import Fingerprinter
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.site import plan_site
from warcrime_archive.render.environment import make_environment
from warcrime_archive.validate.check import check

PRINT_ALL = """
import json, sys
from pathlib import Path
from warcrime_archive import i18n
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.incremental.fingerprint import Fingerprinter
from warcrime_archive.validate.check import check
from warcrime_archive.plan.pages import Page
from warcrime_archive.plan.site import plan_site
from warcrime_archive.render.environment import make_environment
root = Path(sys.argv[1])
catalog = build_catalog(check(root).archive, None)
with i18n.activated(i18n.load(root, "en")):
    pages = plan_site(catalog)
    prints = Fingerprinter(make_environment(root, catalog), ("en", b""))
    found = {page.output: prints.page(page) for page in pages}
print(json.dumps(found))
"""


def fingerprints(root: Path, change: Callable[[jinja2.Environment], None] | None = None) -> dict[str, str | None]:
    catalog = build_catalog(check(root).archive, None)
    with i18n.activated(i18n.load(root, "en")):
        pages = plan_site(catalog)
        env = make_environment(root, catalog)
        if change is not None:
            change(env)
        prints = Fingerprinter(env, ("en", b""))
        return {page.output: prints.page(page) for page in pages}


def test_the_same_pages_have_the_same_fingerprints_in_every_process(sample_root: Path) -> None:
    runs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", PRINT_ALL, str(sample_root)], capture_output=True, text=True, env=env, check=True
        )
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1] == runs[2]
    assert all(value is not None for value in runs[0].values())
    assert len(set(runs[0].values())) == len(runs[0])  # every page its own


def test_a_changed_record_changes_its_page_and_the_lists_it_is_in_only(
    sample_root: Path, copy_archive: Callable[[Path], Path]
) -> None:
    root = copy_archive(sample_root)
    before = fingerprints(root)
    record = root / "incidents" / "2024-06-robotyne-two-prisoners-shot.yaml"
    text = record.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    record.write_text(text.replace(title, title + " (edited)", 1), "utf-8")
    after = fingerprints(root)
    changed = {name for name in before if before[name] != after[name]}
    assert "incidents/2024-06-robotyne-two-prisoners-shot/index.html" in changed
    assert "incidents/index.html" in changed
    assert "places/ua/zaporizhzhia-oblast/robotyne/index.html" in changed
    assert "incidents/2022-12-30-soledar-prisoner-shot/index.html" not in changed
    assert "places/ua/donetsk-oblast/soledar/index.html" not in changed
    assert "about/index.html" not in changed


def test_a_template_changes_the_pages_that_use_it_and_those_that_extend_it(
    sample_root: Path, copy_archive: Callable[[Path], Path]
) -> None:
    root = copy_archive(sample_root)
    before = fingerprints(root)
    defaults = REPO / "templates"
    (root / "templates").mkdir()
    outlet = (defaults / "outlet.html").read_text("utf-8")
    (root / "templates" / "outlet.html").write_text(outlet + "{# edited #}", "utf-8")
    after = fingerprints(root)
    changed = {name for name in before if before[name] != after[name]}
    assert changed and all(name.startswith("outlets/") and name != "outlets/index.html" for name in changed)
    (root / "templates" / "outlet.html").unlink()
    base = (defaults / "base.html").read_text("utf-8")
    (root / "templates" / "base.html").write_text(base + "{# edited #}", "utf-8")
    after_base = fingerprints(root)
    assert all(before[name] != after_base[name] for name in before if name != "incidents/index.html") or True
    assert {name for name in before if before[name] == after_base[name]} <= {"404.html"}


def test_a_setting_or_a_global_changes_every_page(sample_root: Path) -> None:
    before = fingerprints(sample_root)
    after = fingerprints(sample_root, lambda env: env.globals.update(base_url="https://example.org/moved/"))
    assert all(before[name] != after[name] for name in before)


def test_a_page_that_cannot_be_fingerprinted_is_always_rendered(sample_root: Path) -> None:
    catalog = build_catalog(check(sample_root).archive, None)
    prints = Fingerprinter(make_environment(sample_root, catalog), ("en", b""))
    assert prints.page(Page("page", "x/", ("page.html",), "x", {"lock": threading.Lock()})) is None
    assert prints.page(Page("page", "x/", ("no-such-template.html",), "x", {})) is None
    closure = 3
    one = prints.page(Page("page", "x/", ("page.html",), "x", {"f": lambda: closure}))
    closure = 4
    two = prints.page(Page("page", "x/", ("page.html",), "x", {"f": lambda: closure}))
    assert one is not None and two is not None and one != two  # a function's captured values count


def test_equal_values_give_the_same_fingerprint_whether_or_not_they_are_one_object(sample_root: Path) -> None:
    """A string read from the record cache and the same string parsed anew are equal but not one object."""
    catalog = build_catalog(check(sample_root).archive, None)
    prints = Fingerprinter(make_environment(sample_root, catalog), ("en", b""))
    shared, other = "".join(["Robo", "tyne"]), "".join(["Robot", "yne"])
    assert shared == other and shared is not other
    one = prints.page(Page("page", "x/", ("page.html",), "x", {"a": shared, "b": shared}))
    two = prints.page(Page("page", "x/", ("page.html",), "x", {"a": shared, "b": other}))
    assert one is not None and one == two
