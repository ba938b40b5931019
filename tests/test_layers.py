"""The layering, as the imports show it: each stage of the pipeline imports only the stages before it and the shared
leaves, the leaves import only leaves, and no module imports itself through others.

The stages, in order: model -> read -> validate -> catalog -> publish -> plan -> render -> write (publish comes
before plan: a page shows a record's published forms and describes the downloads). incremental/, commands/,
cli/ and build.py are outside the stages: they may import anything, and what the stages may import of
incremental/ is tested with it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from repo_paths import REPO

PACKAGE = REPO / "src" / "warcrime_archive"
STAGES = ("model", "read", "validate", "catalog", "publish", "plan", "render", "write")
LEAVES = ("problems", "urls", "i18n", "richtext", "slugs", "layout", "memory", "__init__")
"""Shared by every stage: what a problem is, the site's URLs, translation, Markdown, slugs, the archive's folders,
memory for long-lived objects, and the package's version."""
OUTSIDE = ("incremental", "commands", "cli", "build", "__main__")


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def imported(path: Path, package: Path) -> set[str]:
    """The modules of the package that a module imports, anywhere in it (in functions too), named from the
    package: 'plan.pages', 'urls', and '__init__' for the package itself."""
    modules = {module_name(p, package) for p in package.rglob("*.py")} | {"__init__"}

    def local(name: str) -> str | None:
        inner = "__init__" if name == "warcrime_archive" else name.removeprefix("warcrime_archive.")
        return inner if name.startswith("warcrime_archive") and inner in modules else None

    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        assert not (isinstance(node, ast.ImportFrom) and node.level), f"{path}: a relative import"
        if isinstance(node, ast.Import):
            found |= {local(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from warcrime_archive.plan import maps` imports the module maps; `from ...plan.maps import X`, maps
            found |= {local(f"{node.module}.{alias.name}") or local(node.module) for alias in node.names}
    return {name for name in found if name is not None}


def graph(package: Path) -> dict[str, set[str]]:
    return {module_name(p, package): imported(p, package) for p in sorted(package.rglob("*.py"))}


def top(module: str) -> str:
    return module.split(".")[0]


def broken_rules(package: Path) -> list[str]:
    """Every import that breaks the layering, as 'importer -> imported (why)'."""
    broken = []
    for module, targets in graph(package).items():
        layer = top(module)
        for target in sorted(targets):
            other = top(target)
            if layer in OUTSIDE or other == "incremental":
                continue  # outside the stages; the stages' use of incremental/ is tested with it
            if layer in LEAVES:
                if other not in LEAVES:
                    broken.append(f"{module} -> {target} (a shared leaf imports only leaves)")
            elif other in OUTSIDE:
                broken.append(f"{module} -> {target} (a stage never imports what strings the stages)")
            elif other in STAGES and STAGES.index(other) > STAGES.index(layer):
                broken.append(f"{module} -> {target} (a stage imports only the stages before it)")
    return broken


def cycles(package: Path) -> list[list[str]]:
    """Import cycles among the modules of the stages and leaves, each as the modules on it."""
    edges = {m: {t for t in ts if top(t) not in OUTSIDE} for m, ts in graph(package).items() if top(m) not in OUTSIDE}
    found, done = [], set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            found.append(path[path.index(module) :])
            return
        if module in done:
            return
        for target in sorted(edges.get(module, ())):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    return found


def test_every_top_level_module_is_a_stage_a_leaf_or_outside_the_stages():
    names = {top(module_name(p, PACKAGE)) for p in PACKAGE.rglob("*.py")}
    assert sorted(names - set(STAGES) - set(LEAVES) - set(OUTSIDE)) == []


def test_each_stage_imports_only_the_stages_before_it_and_the_shared_leaves():
    assert broken_rules(PACKAGE) == []


def test_no_module_imports_itself_through_others():
    assert cycles(PACKAGE) == []


def test_the_checks_find_an_import_against_the_order_and_a_cycle(tmp_path: Path):
    package = tmp_path / "warcrime_archive"
    files = {
        "__init__.py": "",
        "urls.py": "from warcrime_archive.plan.pages import Page\n",
        "read/__init__.py": "",
        "read/reader.py": "from warcrime_archive.validate import checks\n",
        "validate/__init__.py": "",
        "validate/checks.py": "from warcrime_archive.read.reader import x\nfrom warcrime_archive import build\n",
        "plan/__init__.py": "",
        "plan/pages.py": "def f():\n    from warcrime_archive.incremental import cache\n",
        "incremental/__init__.py": "",
        "incremental/cache.py": "from warcrime_archive.plan import pages\n",
        "build.py": "from warcrime_archive.read import reader\n",
    }
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text)
    assert broken_rules(package) == [
        "read.reader -> validate.checks (a stage imports only the stages before it)",
        "urls -> plan.pages (a shared leaf imports only leaves)",
        "validate.checks -> build (a stage never imports what strings the stages)",
    ]
    assert cycles(package) == [["read.reader", "validate.checks"]]
