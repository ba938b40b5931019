"""The test suite mirrors the source: one test module per source module, at the same place in the tree."""

from repo_paths import REPO, TESTS

PACKAGE = REPO / "src" / "warcrime_archive"


def test_every_source_module_has_a_test_module():
    missing = []
    for module in sorted(PACKAGE.rglob("*.py")):
        relative = module.relative_to(PACKAGE)
        if module.name == "__init__.py":
            continue
        expected = TESTS / relative.parent / f"test_{module.stem.strip('_')}.py"
        if not expected.is_file():
            missing.append(f"{relative} -> {expected.relative_to(REPO)}")
    assert missing == []


def test_every_test_package_mirrors_a_source_package():
    packages = sorted(p.parent.relative_to(TESTS) for p in TESTS.rglob("__init__.py") if "data" not in p.parts)
    assert packages, "the tests of the stage packages are in packages of their own"
    assert [str(p) for p in packages if not (PACKAGE / p / "__init__.py").is_file()] == []
