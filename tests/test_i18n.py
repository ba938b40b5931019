"""Interface messages: the committed messages.pot is current, catalogs translate every visible word,
and a language without a catalog is refused with a clear message."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner
from repo_paths import REPO

from warcrime_archive import i18n
from warcrime_archive.build import build_site
from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.cli import cli
from warcrime_archive.problems import ArchiveError
from warcrime_archive.validate.check import check

POT = REPO / "src" / "warcrime_archive" / "locales" / "messages.pot"
EXTRACT = [
    "extract",
    "-F",
    "babel.cfg",
    "--no-location",
    "--no-wrap",
    "--sort-output",
    "--project=warcrime-archive",
    "-o",
]
REGENERATE = "pybabel " + " ".join(EXTRACT) + " src/warcrime_archive/locales/messages.pot ."


def _without_header_noise(text: str) -> list[str]:
    """The template without what changes on every run: the header's comments and creation date."""
    return [
        line
        for line in text.splitlines()
        if not line.startswith(("# ", '"POT-Creation-Date:', '"Generated-By:')) and line != "#"
    ]


def test_the_committed_messages_pot_is_up_to_date(tmp_path: Path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *EXTRACT, str(fresh), "."],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    assert _without_header_noise(POT.read_text("utf-8")) == _without_header_noise(fresh.read_text("utf-8")), (
        f"src/warcrime_archive/locales/messages.pot is out of date: regenerate it with\n    {REGENERATE}"
    )


# --- A pseudo-locale: every message translated to a marked copy of itself -----------------------------

OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
PSEUDO = "qps"


def write_pseudo_catalog(root: Path, language: str = PSEUDO) -> Path:
    """locales/<language>/LC_MESSAGES/messages.po in the archive at `root`, with every msgstr marked."""
    with POT.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(f"{OPEN}{form}{CLOSE}" for form in message.id)
        else:
            message.string = f"{OPEN}{message.id}{CLOSE}"
    path = root / "locales" / language / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as f:
        write_po(f, catalog)
    return path


def set_language(root: Path, language: str) -> None:
    path = root / "archive.yaml"
    path.write_text(path.read_text("utf-8").replace("languages: [en, uk]\n", f"languages: [{language}]\n"), "utf-8")


class _Visible(HTMLParser):
    """The text a reader sees (text nodes outside script/style, joined with line breaks) and the
    attributes read aloud or shown (title, aria-label, alt, placeholder). Code (file names, commands,
    hashes) is not translated, so it is left out."""

    HIDDEN = {"script", "style", "template", "code"}  # code: identifiers, commands and hashes
    SHOWN_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attributes: list[str] = []
        self.hidden = 0
        self.closing: list[str] = []  # the hidden elements open, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # The names of a record in Latin letters are for the search, never shown (other hidden elements are shown by
        # the scripts, so their words are checked).
        if tag in self.HIDDEN or ("class", "transliterated") in attrs:
            self.hidden += 1
            self.closing.append(tag)
        self.attributes += [v for k, v in attrs if k in self.SHOWN_ATTRIBUTES and v]
        if tag == "link":  # a link element's title is not shown
            self.attributes = self.attributes[: len(self.attributes) - sum(1 for k, _ in attrs if k == "title")]

    def handle_endtag(self, tag: str) -> None:
        if self.closing and tag == self.closing[-1]:
            self.closing.pop()
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def archive_words(root: Path) -> str:
    """Everything the archive's editors wrote (and the names of its places), one item a line."""
    items: list[str] = []
    for path in [root / "archive.yaml", *sorted((root / "incidents").rglob("*.yaml"))]:
        items += _strings(yaml.safe_load(path.read_text("utf-8")))
        items.append(path.stem)
    items += [p.read_text("utf-8") for p in sorted((root / "pages").glob("*.md"))]
    catalog = build_catalog(check(root).archive)  # type: ignore[arg-type]  # a valid archive
    for country in catalog.countries:
        items += [node.name for node in _place_nodes(country)]
    # Languages are named by the CLDR (through Babel), which has no names in the pseudo-language: English ones.
    items += [i18n.language_name(s.source.language, "en") for s in catalog.sources]
    return "\n".join(" ".join(item.split()) for item in items)


def _place_nodes(node: object) -> Iterator[object]:
    yield node
    for child in getattr(node, "children", ()):
        yield from _place_nodes(child)


# Numbers, punctuation and the names of the data files need no translation.
NEUTRAL = re.compile(r"^[\W\d_]*$|^[\w-]+\.(csv|json|geojson|xml)$")
# Text the templates join from several values of the archive: each part is checked on its own.
JOINS = re.compile(r"\n| · |, ")


def unmarked(text: str, data: str) -> list[str]:
    """The parts of `text` that are neither marked as translated nor written by the archive's editors."""
    while MARKED.search(text):
        text = MARKED.sub("\n", text)
    left = []
    for part in JOINS.split(text):
        part = " ".join(part.split()).strip(" .,;:()·—–-")
        if not part or NEUTRAL.match(part):
            continue
        shortened = part.endswith("…")  # a long title cut short, as on the timeline
        part = part.removesuffix("…")
        end = "" if shortened else r"(?!\w)"
        if not re.search(rf"(?<!\w){re.escape(part)}{end}", data):
            left.append(part)
    return left


def untranslated(site: Path, data: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "pagefind":
            continue
        parser = _Visible()
        parser.feed(page.read_text("utf-8"))
        left = unmarked("\n".join(parser.text), data)
        for value in parser.attributes:
            left += unmarked(value, data)
        if left:
            found[page.relative_to(site).as_posix()] = left
    return found


@pytest.fixture(scope="module")
def pseudo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pseudo") / "archive"
    root.mkdir()
    shutil.copy(REPO / "archive.yaml", root / "archive.yaml")
    for name in ("incidents", "pages"):
        shutil.copytree(REPO / name, root / name)
    write_pseudo_catalog(root)
    set_language(root, PSEUDO)
    return root


def _build(root: Path, out: Path) -> Path:
    import os

    os.environ.setdefault("WARCRIME_ARCHIVE_TODAY", "2026-11-22")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795305600")
    build_site(root, out, history=False)
    return out


@pytest.fixture(scope="module")
def pseudo_site(pseudo_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(pseudo_archive, tmp_path_factory.mktemp("pseudo-site") / "site")


def test_every_visible_word_of_every_page_is_translated(pseudo_archive: Path, pseudo_site: Path):
    assert untranslated(pseudo_site, archive_words(pseudo_archive)) == {}


def test_the_check_catches_an_untranslated_literal_in_a_template(pseudo_archive: Path, tmp_path: Path):
    root = tmp_path / "archive"
    shutil.copytree(pseudo_archive, root)
    (root / "templates").mkdir()
    base = (REPO / "templates" / "base.html").read_text("utf-8")
    planted = base.replace(
        '<main id="main">', '<main id="main">\n<p title="Planted tooltip">Planted words <em>nobody</em> noticed</p>'
    )
    assert planted != base
    (root / "templates" / "base.html").write_text(planted, "utf-8")
    site = _build(root, tmp_path / "site")
    found = untranslated(site, archive_words(root))
    assert found["index.html"] == ["Planted words", "nobody", "noticed", "Planted tooltip"]
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts}
    assert set(found) == pages


def test_the_check_catches_an_untranslated_attribute():
    assert unmarked("⟦Search⟧", "") == []
    assert unmarked("Close the map", "") == ["Close the map"]
    assert unmarked("⟦Sources of ⟦%s⟧⟧ 12", "") == []
    assert unmarked("Russia", "label: Russia") == []
    assert unmarked("Russian", "label: Russia") == ["Russian"]


def test_a_pseudo_translated_page_keeps_the_archive_text(pseudo_site: Path):
    home = (pseudo_site / "index.html").read_text("utf-8")
    assert "⟦Skip to content⟧" in home
    assert 'lang="qps"' in home
    assert "⟦The archive holds <strong>4</strong> records of alleged incidents," in home
    assert "<rights>⟦Data licence: CC BY 4.0⟧</rights>" in (pseudo_site / "feed.xml").read_text("utf-8")
    search = (pseudo_site / "search/index.html").read_text("utf-8")
    assert 'data-many="⟦{count} records found.⟧"' in search  # the scripts' messages come from the page
    assert 'data-one="⟦1 record found.⟧"' in search
    assert "<caption>⟦Russia as alleged perpetrator⟧" in (pseudo_site / "sides/russia/index.html").read_text("utf-8")


# --- Every template, every branch: no words outside messages ---------------------------------------------

TEMPLATE_NOISE = [
    re.compile(r"\{#.*?#\}", re.S),  # comments
    re.compile(r"\{% trans.*?endtrans %\}", re.S),  # messages
    re.compile(r"\{\{.*?\}\}", re.S),  # values (and _() messages)
    re.compile(r"\{%.*?%\}", re.S),  # statements
    re.compile(r"<(script|style|code)\b[^>]*>.*?</\1>", re.S),
]
# A link's text that is a file's name, not words.
FILE_NAMES = {"feed.xml"}


def literal_words(template: str) -> list[str]:
    """Words a template writes outside any message: in text, or in a title/aria-label/alt/placeholder."""
    for noise in TEMPLATE_NOISE:
        template = noise.sub(" ", template)
    found = re.findall(r'\b(?:title|aria-label|alt|placeholder)="([^"]*[A-Za-z][^"]*)"', template)
    text = re.sub(r"<[^>]*>", " ", template)
    for name in FILE_NAMES:
        text = text.replace(name, " ")
    return found + re.findall(r"[A-Za-z][A-Za-z']*", text)


def test_no_template_writes_words_outside_a_message():
    """Also the branches the sample site does not reach (a contact address, withheld evidence...)."""
    found = {p.name: literal_words(p.read_text("utf-8")) for p in sorted((REPO / "templates").glob("*.html"))}
    assert {name: words for name, words in found.items() if words} == {}


def test_the_template_scan_finds_planted_words():
    assert literal_words('<p>{{ _("Search") }} <a href="{{ url(x) }}">{{ name }}</a>.</p>') == []
    assert literal_words("{% if a %}<p>Planted</p>{% endif %}") == ["Planted"]
    assert literal_words('<svg aria-label="Planted map"></svg>') == ["Planted map"]
    assert literal_words("<nav aria-label=\"{{ _('Main') }}\"></nav>") == []


# --- Choosing the language -----------------------------------------------------------------------------


def test_english_needs_no_catalog():
    assert i18n.is_source("en") and i18n.is_source("en-GB")
    assert i18n.load(None, "en-GB").gettext("Search") == "Search"
    assert i18n.available(None) == ["en", "ar", "uk"]


ONE_INCIDENT = "Map of %(name)s with its %(num)d incident, each shown as precisely as its record allows"
INCIDENTS = "Map of %(name)s with its %(num)d incidents, each shown as precisely as its record allows"


def test_a_catalog_for_the_primary_language_serves_its_variants(tmp_path: Path):
    write_pseudo_catalog(tmp_path, "pt")
    assert i18n.available(tmp_path) == ["en", "ar", "pt", "uk"]
    translations = i18n.load(tmp_path, "pt-BR")
    assert translations.gettext("Search") == "⟦Search⟧"
    with i18n.activated(translations):
        assert i18n.gettext("Go") == "⟦Go⟧"
        assert i18n.ngettext(ONE_INCIDENT, INCIDENTS, 1) == f"⟦{ONE_INCIDENT}⟧"
        assert i18n.ngettext(ONE_INCIDENT, INCIDENTS, 16) == f"⟦{INCIDENTS}⟧"
    assert i18n.gettext("Search") == "Search"


def test_a_language_without_a_catalog_is_refused_naming_the_available_ones(
    sample_root: Path, copy_archive: Callable[[Path], Path], tmp_path: Path
):
    root = copy_archive(sample_root)
    write_pseudo_catalog(root, "qps")
    set_language(root, "xx")
    with pytest.raises(ArchiveError):
        check(root)
    result = CliRunner().invoke(cli, ["validate", "--root", str(root)])
    assert result.exit_code == 1
    assert (
        "archive.yaml:15:13: languages[0]: there is no interface translation for 'xx'; available: en, ar, qps, uk "
        "(add locales/xx/LC_MESSAGES/messages.po; see docs/translating.md)"
    ) in result.output


def test_languages_are_named_in_the_page_language_and_directions_come_from_the_cldr():
    assert i18n.language_name("uk", "en") == "Ukrainian"
    assert i18n.language_name("en", "uk") == "англійська"
    assert i18n.language_name("ar", "ar") == "العربية"
    assert i18n.language_name("pt-BR", "en") == "Portuguese (Brazil)"
    assert i18n.language_name("und", "en") == "not recorded"
    assert i18n.language_name("qqx", "en") == "qqx"  # unknown to the CLDR: its code
    assert [i18n.direction(t) for t in ("ar", "fa", "he", "uk", "en-GB", "und", "qps")] == [
        "rtl",
        "rtl",
        "rtl",
        "ltr",
        "ltr",
        "auto",
        "auto",
    ]


# --- The shipped catalogs: Ukrainian and Arabic, complete ------------------------------------------------

SHIPPED = ("uk", "ar")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%%")


def catalog_gaps(po: Path, pot: Path = POT) -> list[str]:
    """What keeps a catalog from being complete: messages of the template left untranslated (or fuzzy, or with a
    missing plural form), messages the template no longer has, placeholders not kept, the wrong number of plural
    forms, and what Babel's own checks find."""
    with pot.open("rb") as f:
        template = read_po(f)
    with po.open("rb") as f:
        catalog = read_po(f)
    gaps = [f"{e}: {m.id!r}" for m, errors in catalog.check() for e in errors]
    if catalog.num_plurals != Catalog(locale=catalog.locale_identifier).num_plurals:
        gaps.append(f"{catalog.num_plurals} plural forms")
    wanted = {(m.context, m.id) for m in template if m.id}
    gaps += [f"not in messages.pot: {m.id!r}" for m in catalog if m.id and (m.context, m.id) not in wanted]
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        forms = found.string if found is not None and isinstance(found.string, tuple) else (found and (found.string,))
        if found is None or found.fuzzy or not forms or not all(forms):
            gaps.append(f"untranslated: {message.id!r}")
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        names = {n for text in ids for n in PLACEHOLDER.findall(text)}
        gaps += [
            f"placeholders of {message.id!r}: {form!r}" for form in forms if set(PLACEHOLDER.findall(form)) != names
        ]
    return gaps


@pytest.mark.parametrize("language", SHIPPED)
def test_a_shipped_catalog_translates_every_message(language: str):
    assert catalog_gaps(i18n.PACKAGED / language / "LC_MESSAGES" / "messages.po") == []


def test_the_completeness_check_finds_each_gap(tmp_path: Path):
    with (i18n.PACKAGED / "uk" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    catalog["Search"].string = ""
    catalog["Go"].flags.add("fuzzy")
    catalog.get("%(num)d record").string = ("%(num)d запис", "%(num)d записи", "записів")
    catalog.get("Unit: %(unit)s.").string = "Підрозділ."
    catalog.add("Planted", "Посаджене")
    po = tmp_path / "messages.po"
    with po.open("wb") as f:
        write_po(f, catalog)
    assert sorted(catalog_gaps(po)) == [
        "not in messages.pot: 'Planted'",
        "placeholders of 'Unit: %(unit)s.': 'Підрозділ.'",
        "placeholders of ('%(num)d record', '%(num)d records'): 'записів'",
        "untranslated: 'Go'",
        "untranslated: 'Search'",
    ]


def test_ukrainian_and_arabic_have_their_plural_forms():
    uk, ar = i18n.load(None, "uk"), i18n.load(None, "ar")
    assert [uk.ngettext("%(num)d record", "%(num)d records", n) % {"num": n} for n in (1, 3, 5, 11, 21, 22, 25)] == [
        "1 запис",
        "3 записи",
        "5 записів",
        "11 записів",
        "21 запис",
        "22 записи",
        "25 записів",
    ]
    assert [ar.ngettext("%(num)d record", "%(num)d records", n) % {"num": n} for n in (0, 1, 2, 3, 11, 100)] == [
        "0 سجل",
        "1 سجل",
        "2 سجلان",
        "3 سجلات",
        "11 سجلًا",
        "100 سجل",
    ]
    with i18n.activated(uk):
        from warcrime_archive.model.dates import PartialDate

        assert PartialDate.parse("2022-03-30").words() == "30 березня 2022"
        assert PartialDate.parse("2022-03").words() == "березень 2022"


# Names of formats, standards and tools, the same in every language; data files' and columns' names.
TECHNICAL = set(
    [
        "BibTeX",
        "CSL-JSON",
        "JSON",
        "CSV",
        "GeoJSON",
        "FeatureCollection",
        "Feature",
        "geometry",
        "null",
        "true",
        "Frictionless",
        "Data",
        "Schema",
        "SHA",
        "SUMS",
        "ISO",
        "UTF",
        "WGS",
        "YYYY",
        "YYYY-MM",
        "YYYY-MM-DD",
        "alpha",
        "Atom",
        "JavaScript",
        "Natural",
        "Earth",
        "id",
        "lat",
        "url",
        "csv",
        "json",
        "geojson",
        "xml",
        "datapackage",
        "withdrawals",
        "claims",
        "damage",  # damage.csv, and the column names and values the data page quotes (issue 19)
        "item",
        "none-reported",
        "not-attributed",
        "schema",
        "position",
        "killed",
        "wounded",
        "tortured",
        "ill-treated",
        "missing",
        "exact",
        "near",
        "settlement",
        "district",
        "region",
        "unknown",
    ]
)


def english_left(site: Path, data: str, language: str) -> dict[str, list[str]]:
    """The Latin words of the pages in `language` that neither the archive's editors wrote nor name a format or
    a file: English left in the interface. Addresses, hashes and codes are left out."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text("utf-8")
        if "pagefind" in page.parts or f'<html lang="{language}"' not in text:
            continue
        parser = _Visible()
        parser.feed(text)
        # Left out: addresses, hashes, region codes, a word cut short ("Dmy…", a long title on the timeline) and
        # names of properties (geometry_represents).
        visible = re.sub(
            r"https?://\S+|\b[0-9a-f]{6,}\b|\b[A-Z]{2}-[A-Z0-9]+\b|\w+…|\b\w+_\w+\b", " ", "\n".join(parser.text)
        )
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]", visible + "\n" + "\n".join(parser.attributes))
        left = sorted(
            {
                w
                for w in words
                if w not in TECHNICAL and not re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", data)
            }
        )
        left += [f"message: {m}" for m in english_messages() if m in visible and m not in data]
        if left:
            found[page.relative_to(site).as_posix()] = left
    return found


def english_messages() -> list[str]:
    """The English of every message, in pieces of two words or more between its placeholders and tags."""
    with POT.open("rb") as f:
        template = read_po(f)
    pieces = set()
    for message in template:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for piece in re.split(r"%\(\w+\)[sd]|<[^>]*>|\{\w+\}|[“”(),.:;—]", text):
                words = [w for w in piece.split() if w.isalpha() and w not in TECHNICAL]
                if len(words) >= 2:
                    pieces.add(" ".join(piece.split()))
    return sorted(pieces)


def test_every_ukrainian_page_of_the_sample_is_in_ukrainian(sample_site: Path, sample_root: Path, tmp_path: Path):
    pages = [p for p in (sample_site / "uk").rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) == len([p for p in sample_site.rglob("*.html") if "pagefind" not in p.parts]) / 2
    assert all('<html lang="uk" dir="ltr">' in p.read_text("utf-8") for p in pages)
    home = (sample_site / "uk" / "index.html").read_text("utf-8")
    assert "Перейти до змісту" in home and '<p class="site-title"><a href="./">Імовірні вбивства' in home
    data = archive_words(sample_root)
    assert english_left(sample_site / "uk", data, "uk") == {}
    # The check finds English: a page with one message left untranslated.
    copy = tmp_path / "planted"
    shutil.copytree(sample_site / "uk", copy)
    (copy / "index.html").write_text(home.replace("Перейти до змісту", "Skip to content"), "utf-8")
    assert english_left(copy, data, "uk") == {"index.html": ["Skip", "message: Skip to content"]}
