"""The test suite mirrors the source: one test module per source module, at the same place in the tree."""

import pytest
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


@pytest.mark.slow  # collects four modules in a new pytest (about 2 s)
def test_the_browser_marker_is_on_every_test_that_starts_chromium_or_the_nu_checker_and_on_no_other():
    """tests/conftest.py marks them by the names they and their fixtures use; here in four kinds of test: a
    module fixture that opens Chromium (test_finding), Chromium in the test itself (test_reading), the Nu
    checker's jar (test_accessibility), and Chromium imported inside the test (test_security)."""
    import subprocess
    import sys

    modules = ["test_finding.py", "test_reading.py", "test_accessibility.py", "test_security.py"]
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", "browser"]
    done = subprocess.run([*command, *modules], cwd=TESTS, capture_output=True, text=True, check=True)
    marked = {line.split("::")[1].split("[")[0] for line in done.stdout.splitlines() if "::" in line}
    assert marked == {
        "test_the_header_box_finds_a_victim_a_place_and_an_outlet",
        "test_each_result_says_its_grade_side_place_and_date_and_a_search_without_results_helps",
        "test_only_the_records_own_words_are_indexed",
        "test_search_filters_narrow_the_results_and_survive_a_reload",
        "test_a_search_with_more_results_than_a_page_counts_them_all_and_shows_more_on_request",
        "test_without_javascript_search_points_to_the_browse_pages",
        "test_no_request_goes_to_any_other_host_on_any_page_type",
        "test_an_incident_page_with_its_css_weighs_under_50_kb",
        "test_the_content_warning_comes_first_and_the_narrative_opens_on_request",
        "test_a_record_without_a_warning_shows_its_narrative",
        "test_dark_mode_and_print",
        "test_on_a_phone_tables_are_cards_whose_values_say_what_they_are_with_a_sort_control",
        "test_on_a_phone_every_control_and_list_link_is_a_target_of_at_least_24_pixels",
        "test_scrollable_regions_take_the_keyboards_focus",
        "test_printed_to_pdf_every_link_to_another_site_shows_its_address",
        "test_nu_html_checker_finds_no_errors_on_any_page",
        "test_axe_finds_no_serious_or_critical_violations_on_any_page_type",
        "test_keyboard_reaches_the_skip_link_first_and_sees_focus",
        "test_landmarks_and_one_h1_on_every_page_type",
        "test_under_a_warning_the_victims_details_are_collapsed_and_print_opens_everything",
        "test_every_page_of_the_hostile_site_runs_no_injected_script",
    }


def test_every_type_ignore_names_its_error_code_and_says_why():
    """`# type: ignore[code]  # reason`, on one line: mypy checks the code (ignore-without-code), this the reason."""
    import re

    pragma = re.compile(r"#\s*type:\s*ignore\b(?P<rest>.*)$")
    explained = re.compile(r"\[[a-z-]+(, [a-z-]+)*\]  # \S")
    bare = []
    for folder in ("src", "tests", "bench", "scripts"):
        for path in sorted((REPO / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                found = pragma.search(line)
                if found and not explained.match(found["rest"]):
                    bare.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert bare == []
