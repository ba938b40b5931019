"""The new record's scaffold: every field present and commented, and valid once filled."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from record_models import record_models
from repo_paths import MINIMAL, REPO

from warcrime_archive.commands.scaffold import propose_id, scaffold
from warcrime_archive.validate.config import read_config
from warcrime_archive.validate.load import load_archive

ID = "2024-06-01-robotyne-two-prisoners-shot"


def new(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "new", "--root", str(root), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(MINIMAL, root)
    return root


def test_the_id_is_date_place_and_title():
    assert propose_id("2024-06-01", "Robotyne", "Two prisoners shot") == ID
    assert (
        propose_id("2024-06", "Zaporizhzhia Oblast", "Ill-treatment, alleged")
        == "2024-06-zaporizhzhia-oblast-ill-treatment-alleged"
    )
    long = propose_id("2022", "Place", "word " * 40)
    assert len(long) <= 80 and not long.endswith("-")


def test_a_title_in_cyrillic_gives_a_readable_id(archive):
    made = new(archive, "--date", "2022-12-30", "--place", "Соледар", "--title", "Розстріл полоненого")
    assert made.returncode == 0, made.stderr
    assert "(id 2022-12-30-soledar-rozstril-polonenogo)" in made.stdout
    assert (archive / "incidents" / "2022-12-30-soledar-rozstril-polonenogo.yaml").is_file()


def test_every_field_of_every_model_is_in_the_scaffold():
    config, _ = read_config(REPO)
    assert config is not None
    text = scaffold(ID, "2024-06-01", "Robotyne", "Two prisoners shot", "UA", config)
    keys = {line.lstrip("#- ").split(":")[0] for line in text.splitlines()}
    models = record_models()
    missing = [
        f"{m.__name__}.{f.alias or n}" for m in models for n, f in m.model_fields.items() if (f.alias or n) not in keys
    ]
    assert missing == []
    assert text.startswith("# yaml-language-server: $schema=../schema/incident.schema.json\n")
    assert "# A short neutral headline.\ntitle: Two prisoners shot\n" in text
    assert (
        "Allowed: killing-of-captured-or-wounded-combatants | torture-or-ill-treatment | attack-on-civilians." in text
    )
    assert (
        "# How precisely the place is known: exact | near | settlement | district | region | country | unknown (country: only the country is known, so no admin1, admin2 or place).\n"
        in text
    )


def test_a_fresh_scaffold_asks_to_be_filled(archive):
    result = new(
        archive, "--date", "2024-06-01", "--place", "Robotyne", "--title", "Two prisoners shot", "--country", "ua"
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout
        == f"Wrote {archive}/incidents/{ID}.yaml (id {ID}). Fill it in, then run: warcrime-archive validate\n"
        "Tip: run `warcrime-archive schema` to write schema/, so editors can check records as you type.\n"
    )
    problems = [p.text() for p in load_archive(archive).errors]
    assert problems == [
        f"incidents/{ID}.yaml:10:10: summary: must not be empty",
        f"incidents/{ID}.yaml:12:11: category: '' is not one of the categories in archive.yaml (allowed: killing)",
        f"incidents/{ID}.yaml:38:11: location.admin1: '' is not a region of UA in ISO 3166-2 (27 regions of UA: Autonomous Republic of Crimea, Cherkasy Oblast, Chernihiv Oblast, Chernivtsi Oblast, Dnipropetrovsk Oblast, Donetsk Oblast, ...)",
        f"incidents/{ID}.yaml:40:14: location.precision: '' is not allowed: input should be 'exact', 'near', 'settlement', 'district', 'region', 'country' or 'unknown'",
        f"incidents/{ID}.yaml:60:11: alleged_perpetrators[0].side: '' is not one of the sides in archive.yaml (allowed: russia, ukraine)",
        f"incidents/{ID}.yaml:74:13: victims[0].status: '' is not one of the victim statuses in archive.yaml (allowed: prisoner-of-war, unknown)",
        f"incidents/{ID}.yaml:76:11: victims[0].harm: '' is not allowed: input should be 'killed', 'wounded', 'tortured', 'ill-treated' or 'missing'",
        f"incidents/{ID}.yaml:116:11: verification.status: '' is not one of the grades of `verification` in archive.yaml (allowed: verified, corroborated, claimed)",
        f"incidents/{ID}.yaml:160:9: sources[0].id: '' is not a source id (lowercase letters, digits and hyphens, at most 40 characters, e.g. 'itv' or 'al-jazeera')",
        f"incidents/{ID}.yaml:162:10: sources[0].url: '' is not an http(s) URL",
        f"incidents/{ID}.yaml:164:12: sources[0].title: must not be empty",
        f"incidents/{ID}.yaml:166:13: sources[0].outlet: must not be empty",
        f"incidents/{ID}.yaml:174:11: sources[0].type: '' is not allowed: input should be 'news-article', 'video', 'social-media-post', 'official-statement', 'report', 'court-document' or 'other'",
    ]


FILLED = {
    "summary: ''": "summary: A test summary.",
    "category: ''": "category: killing",
    "admin1: ''": "admin1: Zaporizhzhia Oblast",
    "precision: ''": "precision: settlement",
    "    side: ''": "    side: russia",
    "status: ''\n    # killed": "status: unknown\n    # killed",
    "harm: ''": "harm: killed",
    "\n  status: ''": "\n  status: claimed",
    "what was not.\n  note: ''": "what was not.\n  note: Claimed by one outlet.",
    "url: ''": "url: https://a.example/2",
    "    title: ''": "    title: A title",
    "outlet: ''": "outlet: An outlet",
    "type: ''": "type: news-article",
    "    id: ''": "    id: a",
}


def test_a_filled_scaffold_validates_and_builds(archive):
    assert (
        new(
            archive, "--date", "2024-06-01", "--place", "Robotyne", "--title", "Two prisoners shot", "--country", "UA"
        ).returncode
        == 0
    )
    path = archive / "incidents" / f"{ID}.yaml"
    text = path.read_text()
    for placeholder, value in FILLED.items():
        assert text.count(placeholder) == 1, placeholder
        text = text.replace(placeholder, value)
    # every claim the scaffold holds cites the one source
    text, claims = re.subn(r"^( *)sources: \[\]$", r"\1sources: [a]", text, flags=re.M)
    assert claims == 5  # date, location, alleged perpetrator, victims, verification
    path.write_text(text)
    loaded = load_archive(archive)
    assert loaded.errors == []
    assert loaded.archive is not None and ID in {r.id for r in loaded.archive.records}
    built = subprocess.run(
        [sys.executable, "-m", "warcrime_archive", "build", "--root", str(archive)], capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    assert "Two prisoners shot" in (archive / "build" / "incidents" / ID / "index.html").read_text()
