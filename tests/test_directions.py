"""An archive in English, Ukrainian and Arabic, with a record written in Arabic: the Arabic pages read right to
left, the Arabic record reads right to left on the English pages too, mixed Arabic, Latin and numbers are laid out
in the right order (measured in Chromium, and screenshots kept to look at), and the Ukrainian and Arabic pages
pass the Nu Html Checker and axe."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
import yaml
from browser import NODE_MODULES, SUB, chromium, make_test_archive, one_page_per_kind, serve

from warcrime_archive.build import build_site

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
RECORD = "incidents/2023-05-02-testove/index.html"
# The witness (bold) comes first, at the right; the year, a number in Latin digits, near the end, at the left.
# A paragraph in another language is marked by the editor with an attribute list (the sanitiser keeps lang and dir).
NARRATIVE = (
    "قال **الشاهد** إن 3 أسرى قُتلوا قرب Testove في عام 2022، بحسب BBC News.\n\n"
    'A paragraph in English, ending with a full stop.\n{: lang="en" dir="ltr"}'
)
SCREENSHOTS = Path(os.environ.get("WARCRIME_SCREENSHOTS", "/tmp/warcrime-archive-screenshots"))


def arabic_archive(target: Path) -> Path:
    root = make_test_archive(target)
    config = yaml.safe_load((root / "archive.yaml").read_text("utf-8"))
    config["languages"] = ["en", "uk", "ar"]
    (root / "archive.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    path = root / "incidents" / "2023-05-02-testove.yaml"
    record = yaml.safe_load(path.read_text("utf-8"))
    record |= {
        "language": "ar",
        "title": "قصف على قرية في خاركيف: 2 من الجرحى",
        "summary": "أفاد مصدر اختباري بقصف قرية Testove في 2 مايو 2023.",
        "narrative": NARRATIVE,
    }
    record["victims"][0]["people"] = [{"name": "Олександр Мацієвський"}]
    record["location"]["names"] = {"uk": "Тестове", "ar": "تيستوفي"}
    record["sources"][0] |= {"url": "https://a.example/ar", "title": "تقرير اختباري عن القصف", "language": "ar"}
    path.write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("rtl")
    out = tmp / "site"
    build_site(arabic_archive(tmp / "archive"), out, base_url=f"https://example.org{SUB}")
    return out


def test_the_arabic_pages_are_right_to_left_and_the_arabic_record_everywhere(site: Path):
    arabic = (site / "ar" / RECORD).read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert '<h1 id="title" data-pagefind-meta="title[data-headline]"' in arabic
    assert '"quot;>قصف على قرية' not in arabic and ">قصف على قرية في خاركيف: 2 من الجرحى</h1>" in arabic
    english = (site / RECORD).read_text("utf-8")
    assert '<html lang="en" dir="ltr">' in english
    assert '<div class="narrative" lang="ar" dir="rtl">' in english
    assert 'lang="ar" dir="rtl">قصف على قرية في خاركيف: 2 من الجرحى</h1>' in english
    assert '<html lang="uk" dir="ltr">' in (site / "uk" / RECORD).read_text("utf-8")


def _layout(page) -> dict:
    """Where the parts of the mixed paragraph and the page's start edge are, in CSS pixels."""
    return page.evaluate(
        """() => {
        const p = document.querySelector('.narrative p');
        const text = p.lastChild.nodeType === 3 ? p.lastChild : p.childNodes[p.childNodes.length - 1];
        const range = document.createRange();
        const node = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('2022'));
        const at = node.textContent.indexOf('2022');
        range.setStart(node, at); range.setEnd(node, at + 4);
        const year = range.getBoundingClientRect();
        const strong = p.querySelector('strong').getBoundingClientRect();
        const block = p.getBoundingClientRect();
        const first = document.createRange();
        first.selectNodeContents(p.firstChild);
        return {
          dir: getComputedStyle(p).direction, year_left: year.left, year_right: year.right,
          strong_left: strong.left, strong_right: strong.right,
          block_left: block.left, block_right: block.right, first_right: first.getBoundingClientRect().right,
          page_dir: getComputedStyle(document.documentElement).direction,
          english_left: (() => { const r = document.createRange();
            r.selectNodeContents(document.querySelector('.narrative p[lang=en]')); return r.getBoundingClientRect().left; })(),
        };
    }"""
    )


@pytest.mark.parametrize("prefix", ["ar/", ""])
def test_mixed_arabic_latin_and_numbers_are_laid_out_right_to_left(site: Path, prefix: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 900, "height": 1400})
        page.goto(base + prefix + RECORD)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        box = _layout(page)
        page.locator(".narrative").screenshot(path=str(SCREENSHOTS / f"narrative-{prefix.strip('/') or 'en'}.png"))
        page.screenshot(path=str(SCREENSHOTS / f"page-{prefix.strip('/') or 'en'}.png"), full_page=False)
    assert box["dir"] == "rtl"
    assert box["page_dir"] == ("rtl" if prefix else "ltr")
    # The paragraph starts at its right edge: its first word touches it; the bold witness is right of the year.
    assert abs(box["first_right"] - box["block_right"]) < 2
    assert box["strong_left"] > box["year_right"]
    assert box["year_left"] > box["block_left"]
    assert abs(box["english_left"] - box["block_left"]) < 2  # the English paragraph's text starts at the left


def test_the_english_paragraph_of_the_arabic_narrative_keeps_its_direction(site: Path):
    english = (site / "ar" / RECORD).read_text("utf-8")
    assert '<p dir="ltr" lang="en">A paragraph in English, ending with a full stop.</p>' in english


def test_the_header_of_an_arabic_page_mirrors(site: Path):
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.goto(base + "ar/")
        links = page.eval_on_selector_all(
            ".site-header nav:not(.languages) a", "as => as.map(a => a.getBoundingClientRect().left)"
        )
        title = page.eval_on_selector(".site-title a", "a => a.getBoundingClientRect().right")
        page.screenshot(path=str(SCREENSHOTS / "home-ar.png"))
    assert links == sorted(links, reverse=True)  # the first link of the menu is the rightmost
    assert title > 900  # the title starts at the right


def test_nu_html_checker_finds_no_errors_on_the_ukrainian_and_arabic_pages(site: Path):
    assert VNU.is_file() and shutil.which("java"), "run scripts/setup.sh (npm vnu-jar and Java)"
    files = sorted(str(p) for lang in ("uk", "ar") for p in (site / lang).rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


def test_axe_finds_no_serious_or_critical_violations_on_the_ukrainian_and_arabic_pages(site: Path):
    axe = AXE.read_text("utf-8")
    kinds = one_page_per_kind(site.parent / "archive")
    found = {}
    with serve(site) as base, chromium() as browser:
        page = browser.new_context(bypass_csp=True).new_page()
        for language in ("uk", "ar"):
            for kind, url in sorted(kinds.items()):
                if kind == "redirect":
                    continue  # it moves on at once; its markup is the Nu checker's
                page.goto(f"{base}{language}/{url}")
                page.evaluate(axe)
                result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
                bad = [
                    f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in ("serious", "critical")
                ]
                if bad:
                    found[f"{language}/{kind}"] = bad
    assert found == {}


def _found(page, base: str, address: str) -> list[str]:
    page.goto(base + address)
    page.locator("#search-status").filter(has_text=re.compile(r"\d|No|Жод|لم")).wait_for()
    hrefs = page.locator("#search-results li .result-title a").evaluate_all("as => as.map(a => a.href)")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def test_each_language_has_its_search_and_names_are_found_in_any_script(site: Path):
    entries = {
        lang: json.loads(next((site / lang / "pagefind").rglob("pagefind-entry.json")).read_text())
        for lang in ("uk", "ar")
    }
    assert [list(e["languages"]) for e in entries.values()] == [["uk"], ["ar"]]
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        # The place's Ukrainian name, on the Ukrainian pages; a Cyrillic name typed in Latin letters, on the English.
        assert _found(page, base, "uk/search/?q=Тестове") == ["2023-05-02-testove"]
        assert _found(page, base, "search/?q=Matsiievskyi") == ["2023-05-02-testove"]
        assert _found(page, base, "search/?q=Мацієвський") == ["2023-05-02-testove"]
        assert _found(page, base, "ar/search/?q=تيستوفي") == ["2023-05-02-testove"]
    html = (site / RECORD).read_text("utf-8")
    hidden = unescape(html.split('<p class="transliterated" hidden>', 1)[1].split("</p>", 1)[0]).splitlines()
    # Both transliterations of the Ukrainian name, the place's names; and the Arabic title transliterated.
    assert {"Oleksandr Matsiievskyi", "Oleksandr Matsiievs'kiy", "Testove", "تيستوفي", "Тестове"} <= set(hidden)


def test_a_ukrainian_query_finds_the_ukrainian_page_of_the_sample(sample_site: Path):
    with serve(sample_site) as base, chromium() as browser:
        page = browser.new_page()
        assert _found(page, base, "uk/search/?q=Соледар") == ["2022-12-30-soledar-prisoner-shot"]
        link = page.locator("#search-results li .result-title a").first.get_attribute("href")
        assert f"{SUB}uk/incidents/2022-12-30-soledar-prisoner-shot/" in (link or "")
        assert _found(page, base, "uk/search/?q=Роботине") == ["2024-06-robotyne-two-prisoners-shot"]
        assert _found(page, base, "search/?q=Соледар") == ["2022-12-30-soledar-prisoner-shot"]  # on the English too
