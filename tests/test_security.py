"""The guarantees of docs/security.md, each proven on a real build: hostile input stays inert, private
data never reaches a built byte, and the same input always gives the same bytes."""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import types
import typing
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from pydantic import BaseModel
from repo_paths import DATA, REPO
from sitecheck import live_in_file, live_markup

from warcrime_archive.build import build_site
from warcrime_archive.catalog import indexes as catalog
from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.people import Person
from warcrime_archive.model.record import Incident
from warcrime_archive.problems import ArchiveError

HOSTILE = DATA / "hostile"
PRIVATE = DATA / "private"


def every_file(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "site"
    build_site(HOSTILE, out, base_url="https://example.org/sub/")  # served under /sub/ below
    return out


# --- Hostile content -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>x()</script>",
        '<img src=x onerror="x()">',
        "<svg onload=x()></svg>",
        '<a href=" JaVa&#x09;script:x()">a</a>',
        '<a href="data:text/html,x">a</a>',
        "<style>body{}</style>",
        '<p style="color:red">',
        '<iframe srcdoc="x"></iframe>',
        '<script src="https://cdn.example/x.js"></script>',
        '<script type="application/ld+json">{"a": "</script><script>x()</script>"}</script>',
        '<meta http-equiv="refresh" content="0; url=javascript:x()">',
    ],
)
def test_the_checker_finds_live_markup(snippet):
    assert live_markup(snippet) != []


def test_the_checker_accepts_our_own_markup():
    ours = (
        '<script src="../static/search.js" defer></script><a href="https://example.org/">a</a><img src="x.png" alt="">'
    )
    assert live_markup(ours) == []


# Text fields whose values are constrained (vocabulary keys, codes, ids, hashes) or never published.
NOT_FREE_TEXT = {
    "category",
    "location.country",
    "location.admin1",
    "alleged_perpetrators[].side",
    "victims[].side",
    "victims[].status",
    "verification.status",
    "responses[].side",
    "sources[].language",
    "evidence[].sha256",
    "evidence[].file",
    "tags[]",
    "related[]",
    "same_as[]",
    "not_same_as[]",
    "aliases[]",
    "base_url",
    "language",
    "languages[]",
    "own_archives[]",
    # claim-level sourcing: ids of the record's sources (`sources[].id`, lowercase letters, digits and hyphens)
    "sources[].id",
    "sources[].party",
    "damage[].kind",
    *(
        f"{claim}.sources[]"
        for claim in (
            "date",
            "location",
            "alleged_perpetrators[]",
            "victims[]",
            "casualties",
            "damage[]",
            "verification.by[]",
            "verification",
            "responses[]",
            "investigations[]",
            "corrections[]",
        )
    ),
    "encryption.recipients[]",
}


def text_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every string field of a model, as 'victims[].people[].name'."""

    def walk(annotation: object, path: str) -> list[str]:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            return walk(args[0], path)
        if origin in (typing.Union, types.UnionType):
            return sorted({leaf for arg in args for leaf in walk(arg, path)})
        if origin is list:
            return walk(args[0], path + "[]")
        if origin is dict:
            return walk(args[1], path + "{}")
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return text_fields(annotation, path + ".")
        return [path] if annotation is str else []

    return [leaf for name, f in model.model_fields.items() for leaf in walk(f.annotation, prefix + (f.alias or name))]


def values_at(data: object, path: str) -> list[object]:
    """The values at 'victims[].people[].name' in plain data."""
    found = [data]
    for part in re.findall(r"[^.\[\]{}]+|\[\]|\{\}", path):
        if part == "[]":
            found = [item for value in found if isinstance(value, list) for item in value]
        elif part == "{}":
            found = [item for value in found if isinstance(value, dict) for item in value.values()]
        else:
            found = [value[part] for value in found if isinstance(value, dict) and part in value]
    return found


@pytest.mark.parametrize(
    ("model", "files"),
    [
        (Incident, ["incidents/2024-01-01-hostile.yaml", "incidents/2024-01-02-hostile-withdrawn.yaml"]),
        (ArchiveConfig, ["archive.yaml"]),
    ],
)
def test_the_hostile_fixture_has_a_payload_in_every_free_text_field(model, files):
    """A new field fails here until the fixture gets a payload for it (or it is listed as not free text). The withdrawn
    record holds the fields only a withdrawn record has."""
    data = [yaml.safe_load((HOSTILE / file).read_text("utf-8")) for file in files]
    missing = [
        path
        for path in text_fields(model)
        if path not in NOT_FREE_TEXT
        and not any(
            isinstance(v, str) and ("<script>" in v or '"onmouseover=' in v or '"onclick=' in v)
            for record in data
            for v in values_at(record, path)
        )
    ]
    assert missing == []


def test_a_hostile_archive_builds_with_every_payload_inert(hostile_site: Path):
    files = every_file(hostile_site)
    assert len(files) > 20
    live = {f.relative_to(hostile_site).as_posix(): found for f in files if (found := live_in_file(f))}
    assert live == {}
    incident = (hostile_site / "incidents" / "2024-01-01-hostile" / "index.html").read_text("utf-8")
    # The payloads are published as text a reader can see, not dropped silently.
    for shown in ("summary &lt;script&gt;window.__pwned", "people.note &lt;script&gt;", "sources.quote &lt;script&gt;"):
        assert shown in incident
    # Markdown links to script URLs keep their text and lose their target.
    for text in ("js", "data", "obf", "vb", "ref link"):
        assert f'<a rel="nofollow noopener noreferrer">{text}</a>' in incident


# The free-text columns of the CSV downloads and the record fields they come from.
CSV_TEXT = {
    "incidents.csv": {
        "title": ("title",),
        "summary": ("summary",),
        "place": ("location", "place"),
        "admin2": ("location", "admin2"),
    },
    "victims.csv": {"description": ("victims", 0, "description")},
    "sources.csv": {"title": ("sources", 0, "title"), "outlet": ("sources", 0, "outlet")},
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_no_csv_cell_of_a_hostile_archive_starts_like_a_spreadsheet_formula(tmp_path: Path):
    """Each free-text column of each CSV gets a formula (OWASP "CSV injection"); the CSV files quote
    them all, and incidents.json keeps them exactly as written."""
    root = shutil.copytree(HOSTILE, tmp_path / "archive")
    path = root / "incidents" / "2024-01-01-hostile.yaml"
    record = yaml.safe_load(path.read_text("utf-8"))
    planted: dict[tuple[str, str], str] = {}
    for n, (file, columns) in enumerate((f, c) for f, cs in CSV_TEXT.items() for c in cs.items()):
        column, (*parents, field) = columns
        holder = record
        for key in parents:
            holder = holder[key]
        holder[field] = FORMULA_STARTS[n % len(FORMULA_STARTS)] + 'HYPERLINK("https://evil.example/")'
        planted[(file, column)] = holder[field]
    path.write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    site = tmp_path / "site"
    build_site(root, site)
    for file in CSV_TEXT:
        text = (site / "data" / file).read_bytes().decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert rows
        for row in rows:
            for column, cell in row.items():
                if (file, column) in planted:
                    assert cell == "'" + planted[(file, column)]
                else:
                    assert not cell.startswith(FORMULA_STARTS) or float(cell) < 0, (file, column, cell)
    (published,) = json.loads((site / "data" / "incidents.json").read_text("utf-8"))
    assert published["title"] == planted[("incidents.csv", "title")]
    assert published["sources"][0]["outlet"] == planted[("sources.csv", "outlet")]


def test_every_page_of_the_hostile_site_runs_no_injected_script(hostile_site: Path):
    """Open every page in chromium with the Content-Security-Policy bypassed, so that only escaping and
    sanitising stand between the payloads and the reader; hover and focus everything."""
    from browser import chromium, serve

    pages = [p.relative_to(hostile_site).as_posix() for p in sorted(hostile_site.rglob("*.html"))]
    fired: list[str] = []
    with serve(hostile_site) as base, chromium() as browser:
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        page.on("dialog", lambda d: (fired.append(f"dialog {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: fired.append(f"error {e}"))
        page.on(
            "console",
            lambda m: (
                fired.append(f"console {m.text} {m.location}")
                if m.type == "error" and not m.location["url"].endswith("/favicon.ico")  # the browser's own request
                else None
            ),
        )
        for path in pages:
            page.goto(base + path)
            page.evaluate(
                """() => { for (const el of document.querySelectorAll('*')) {
                    for (const t of ['mouseover', 'focus', 'toggle', 'load', 'error']) el.dispatchEvent(new Event(t));
                } }"""
            )
            if page.evaluate("() => window.__pwned !== undefined || parent.__pwned !== undefined"):
                fired.append(f"marker global set on {path}")
        context.close()
    assert len(pages) > 20
    assert fired == []


def _hostile_copy(tmp_path: Path, old: str, new: str, name: str = "incidents/2024-01-01-hostile.yaml") -> Path:
    root = tmp_path / "archive"
    shutil.copytree(HOSTILE, root)
    text = (root / name).read_text("utf-8")
    assert old in text, old
    (root / name).write_text(text.replace(old, new, 1), "utf-8")
    return root


def _refusal(root: Path, tmp_path: Path) -> list[str]:
    with pytest.raises(ArchiveError) as caught:
        build_site(root, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    return [p.text() for p in caught.value.problems if p.severity.value == "error"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  url: https://example.org/a",
            "  url: data:text/html,x//a",
            "incidents/2024-01-01-hostile.yaml:145:8: sources[0].url: "
            '\'data:text/html,x//a"onmouseover="window.__pwned=1"/<scri... is not an http(s) URL',
        ),
        (
            "  archived_url: https://web.archive.org/web/2024/",
            "  archived_url: JaVaScRiPt:alert(1)//",
            "incidents/2024-01-01-hostile.yaml:151:17: sources[0].archived_url: "
            '\'JaVaScRiPt:alert(1)//https://example.org/"onmouseover="w... is not an http(s) URL',
        ),
    ],
)
def test_urls_in_records_are_http_or_https_only(tmp_path, old, new, expected):
    root = _hostile_copy(tmp_path, old, new)
    assert _refusal(root, tmp_path) == [expected]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'url: https://example.org/"onmouseover',
            'url: javascript:alert(1)//"onmouseover',
            "archive.yaml:12:8: license.url: 'javascript:alert(1)//\"onmouseover=\"window.__pwned=1' is not an http(s) URL",
        ),
        (
            "repository: https://example.org/repo",
            "repository: data:text/html,x",
            "archive.yaml:14:13: repository: 'data:text/html,x\"><script>window.__pwned=1</script>' is not an http(s) URL",
        ),
    ],
)
def test_urls_in_archive_yaml_are_http_or_https_only(tmp_path, old, new, expected):
    root = _hostile_copy(tmp_path, old, new, "archive.yaml")
    assert _refusal(root, tmp_path) == [expected]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "2024-01-01-hostile\u202egpj.yaml",
            "incidents/2024-01-01-hostile\u202egpj.yaml:1:1: the file name '2024-01-01-hostile\u202egpj' is not a "
            "valid id (use lowercase letters, digits and hyphens, at most 80 characters)",
        ),
        (
            "2024-01-01-host\u200bile.yaml",
            "incidents/2024-01-01-host\u200bile.yaml:1:1: the file name '2024-01-01-host\u200bile' is not a "
            "valid id (use lowercase letters, digits and hyphens, at most 80 characters)",
        ),
    ],
)
def test_ids_with_unicode_tricks_are_refused(tmp_path, name, expected):
    root = tmp_path / "archive"
    shutil.copytree(HOSTILE, root)
    (root / "incidents" / "2024-01-01-hostile.yaml").rename(root / "incidents" / name)
    assert _refusal(root, tmp_path) == [expected]


def test_a_title_with_a_bidirectional_override_is_refused(tmp_path):
    root = _hostile_copy(tmp_path, "title: title <script>", "title: title \u202e<script>")
    assert _refusal(root, tmp_path) == [
        "incidents/2024-01-01-hostile.yaml:2:14: an invisible bidirectional control character (U+202E) can make "
        "text read differently from what it is (delete it; right-to-left text needs no control characters)"
    ]


# --- Private stays private -------------------------------------------------------------------------

MARKER = re.compile(rb"zq[a-z]+zq", re.IGNORECASE)
COORDINATE_DIGITS = ("48.9182", "37.5647", "489182", "375647")


def private_markers() -> set[str]:
    """Every marker planted in the private fixture's private places (zq...zq), and the coordinates."""
    found: set[str] = set()
    for path in (PRIVATE / "incidents").glob("*.yaml"):
        found |= {m.decode().lower() for m in MARKER.findall(path.read_bytes())}
    return found | set(COORDINATE_DIGITS)


def readings(data: bytes) -> list[str]:
    """The bytes of a file as text in every form a marker could hide in: decompressed when gzip (again
    and again), and also URL-decoded, HTML-unescaped and JSON-unescaped."""
    while data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = data.decode("utf-8", "replace").lower()
    json_unescaped = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), text).replace("\\/", "/")
    return [text, unquote(text), html.unescape(text), json_unescaped, text.replace("-", "")]


def leaks(site: Path) -> list[str]:
    markers = private_markers()
    found = []
    for path in every_file(site):
        forms = readings(path.read_bytes())
        for marker in sorted(markers):
            if any(marker in form for form in forms):
                found.append(f"{path.relative_to(site).as_posix()}: {marker}")
    return found


def test_the_private_fixture_plants_a_marker_in_every_private_place():
    """Every text field of a named person, the place's detail and every evidence file hold a marker, so a
    new field of Person fails here until the fixture gets a marker for it."""
    data = yaml.safe_load((PRIVATE / "incidents" / "2022-03-29-personal.yaml").read_text("utf-8"))
    assert "personal-information" in data["sensitivity"]
    places = [f"victims[].people[].{leaf}" for leaf in text_fields(Person)] + ["location.detail", "evidence[].file"]
    unmarked = [path for path in places if not any(MARKER.search(str(v).encode()) for v in values_at(data, path))]
    assert unmarked == []
    assert data["location"]["coordinates"] == {"lat": 48.918273, "lon": 37.564738}
    assert len(private_markers()) == 17 + len(COORDINATE_DIGITS)


def test_no_private_marker_reaches_any_built_byte(tmp_path):
    out = tmp_path / "site"
    build_site(PRIVATE, out)
    site_text = (out / "incidents" / "2022-03-29-personal" / "index.html").read_text("utf-8")
    assert "Personal record" in site_text and "a" * 64 in site_text, "the public parts are published"
    assert leaks(out) == []


def test_the_scan_finds_markers_when_the_catalog_stops_stripping(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog, "public_incident", lambda incident: incident)
    out = tmp_path / "site"
    build_site(PRIVATE, out)
    found = leaks(out)
    assert "incidents/2022-03-29-personal/index.html: zqpeoplenamezq" in found
    assert "incidents/2022-03-29-personal/index.html: zqlocationdetailzq" in found


def test_the_scan_reads_compressed_and_escaped_files(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.pf_fragment").write_bytes(gzip.compress(gzip.compress(b'{"t": "zqPeopleNameZQ"}')))
    (site / "data.json").write_text(
        json.dumps({"x": "\u200czqpeoplerankzq"}, ensure_ascii=True).replace("z", "\\u007a")
    )
    (site / "link.html").write_text('<a href="/x?q=%7Aqprivatenoteszq">')
    assert leaks(site) == [
        "data.json: zqpeoplerankzq",
        "index.pf_fragment: zqpeoplenamezq",
        "link.html: zqprivatenoteszq",
    ]


# --- Reproducible builds ---------------------------------------------------------------------------


def tree(folder: Path) -> dict[str, tuple[bytes, float]]:
    """Every file's bytes and modification time, by relative path."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime) for p in every_file(folder)}


@pytest.mark.slow
def test_two_builds_in_different_places_are_byte_identical(tmp_path):
    """The sample archive copied to two folders, built from two working directories into two differently
    named output folders, with different hash seeds: every byte is the same."""
    sites = []
    for n, seed in ((1, "1"), (2, "2")):
        root = tmp_path / f"copy-{n}" / "archive"
        root.mkdir(parents=True)
        shutil.copy(REPO / "archive.yaml", root)
        for name in ("incidents", "pages"):
            shutil.copytree(REPO / name, root / name)
        out = tmp_path / f"out-{n}" / ("build" if n == 1 else "site")
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1795305600", "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "warcrime_archive", "build", "--root", str(root), "--out", str(out)]
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=tmp_path / f"copy-{n}")
        sites.append(tree(out))
    assert len(sites[0]) > 50
    assert sorted(sites[0]) == sorted(sites[1])
    assert [name for name in sites[0] if sites[0][name] != sites[1][name]] == []


def test_no_build_path_or_clock_reaches_the_output(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")
    out = tmp_path / "unusual-output-folder"
    build_site(HOSTILE, out)
    for path in every_file(out):
        text = path.read_bytes().decode("utf-8", "replace")
        assert str(tmp_path) not in text and "unusual-output-folder" not in text, path


# --- Private stays private: commit messages, encrypted values, names in every form ----------------------------------

COMMIT_MARKERS = ("zqcommitsubjectzq", "zqcommitbodyzq", "zqauthornamezq", "zqauthoremailzq", "zqcommitternamezq")


def commit_planted(root: Path, message: str, when: str) -> None:
    """A commit whose subject, body, author and committer each hold a marker."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Zqauthornamezq Witness",
        "GIT_AUTHOR_EMAIL": "zqauthoremailzq@example.org",
        "GIT_COMMITTER_NAME": "Zqcommitternamezq",
        "GIT_COMMITTER_EMAIL": "zqauthoremailzq@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def markers_in(site: Path, markers: set[str]) -> list[str]:
    found = []
    for path in every_file(site):
        forms = readings(path.read_bytes())
        found += [f"{path.relative_to(site).as_posix()}: {m}" for m in sorted(markers) if any(m in f for f in forms)]
    return found


@pytest.mark.parametrize("commit_links", [False, True])
def test_no_commit_message_author_or_e_mail_reaches_any_built_byte(tmp_path, commit_links):
    root = shutil.copytree(PRIVATE, tmp_path / "archive")
    config = root / "archive.yaml"
    config.write_text(
        config.read_text() + f"repository: https://git.example/o/a\ncommit_links: {str(commit_links).lower()}\n"
    )
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    commit_planted(
        root, "Add records zqcommitsubjectzq\n\nPer call with zqcommitbodyzq (+380...)", "2024-01-02T10:00:00Z"
    )
    record = root / "incidents" / "2022-05-01-public.yaml"
    record.write_text(record.read_text().replace("summary: A video appears to show ...", "summary: A video shows it."))
    commit_planted(root, "Identify victim as zqcommitsubjectzq", "2024-02-03T10:00:00Z")
    out = tmp_path / "site"
    build_site(root, out)
    page = (out / "incidents" / "2022-05-01-public" / "index.html").read_text("utf-8")
    assert "First published." in page and "Updated." in page, "the history is there"
    assert ("/commit/" in page) is commit_links
    assert markers_in(out, set(COMMIT_MARKERS) | private_markers()) == []


def test_no_encrypted_or_decrypted_private_value_reaches_any_built_byte(tmp_path, monkeypatch):
    """The private fixture encrypted by the editors' command: built without the key and with it, no marker and no
    ciphertext is in any built byte."""
    from pyrage import x25519

    from warcrime_archive.commands.private import encrypt_records

    root = shutil.copytree(PRIVATE, tmp_path / "archive")
    key = x25519.Identity.generate()
    config = root / "archive.yaml"
    config.write_text(
        config.read_text().replace(
            "encryption: {repository_is_private: true}", f"encryption: {{recipients: [{key.to_public()}]}}"
        )
    )
    assert sum(count for _, count in encrypt_records(root)) == 15
    texts = "".join(p.read_text() for p in (root / "incidents").glob("*.yaml")).lower()
    assert [m for m in private_markers() if m in texts and m.startswith("zq")] == [
        "zqprivatekeyzq"
    ]  # keys stay readable
    without = build_site(root, tmp_path / "without")
    assert [p.severity.value for p in without.warnings].count("notice") == 1  # the name check did not run
    monkeypatch.setenv("WARCRIME_ARCHIVE_AGE_KEY", str(key))
    with_key = build_site(root, tmp_path / "with")
    assert "notice" not in [p.severity.value for p in with_key.warnings]
    for site in (tmp_path / "without", tmp_path / "with"):
        assert markers_in(site, private_markers() | {"enc[age,"}) == []


NAME_FORMS = {
    "the surname alone": ("summary", "A video appears to show Zqsurnamezq."),
    "the given name alone": ("summary", "A video appears to show ZQPEOPLENAMEZQ."),
    "the surname in Cyrillic": ("summary", "Відео: Зксурнамезк."),
    "the name in a URL slug": ("sources.0.url", "https://a.example/2022/zqpeoplenamezq-zqsurnamezq-shot"),
    "the surname percent-encoded in Cyrillic": (
        "sources.0.url",
        "https://a.example/%D0%97%D0%BA%D1%81%D1%83%D1%80%D0%BD%D0%B0%D0%BC%D0%B5%D0%B7%D0%BA",
    ),
    "the other reported name": ("narrative", "Also known as zqalsoreportedaszq."),
    "the name run together": ("content_warning", "ZqpeoplenamezqZqsurnamezq is shot."),
}


@pytest.mark.parametrize("form", sorted(NAME_FORMS))
def test_a_protected_name_in_any_form_stops_the_build_before_anything_is_written(tmp_path, form):
    root = shutil.copytree(PRIVATE, tmp_path / "archive")
    path = root / "incidents" / "2022-03-29-personal.yaml"
    record = yaml.safe_load(path.read_text("utf-8"))
    where, text = NAME_FORMS[form]
    holder = record
    *parents, field = [int(p) if p.isdigit() else p for p in where.split(".")]
    for part in parents:
        holder = holder[part]
    holder[field] = text
    path.write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    errors = _refusal(root, tmp_path)
    assert len(errors) == 1 and "holds the name of victims[0].people[0] or a part of it" in errors[0]
    assert f" {where.replace('.0.', '[0].')}: " in errors[0]
    for marker in ("zqsurnamezq", "zqpeoplenamezq", "зксурнамезк", "zqalsoreportedaszq"):
        assert marker not in errors[0].lower()  # the message never repeats the name
