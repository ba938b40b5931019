"""The one privacy gate: what may be published of a record, and nothing more."""

import shutil

from repo_paths import MINIMAL

from warcrime_archive.catalog.indexes import build_catalog
from warcrime_archive.catalog.privacy import public_incident
from warcrime_archive.validate.load import load_archive

RECORD = "incidents/2022-03-29-dmytrivka-x.yaml"


def test_private_parts_never_reach_the_catalog(tmp_path):
    root = tmp_path / "a"
    shutil.copytree(MINIMAL, root)
    with (root / "archive.yaml").open("a") as config:
        config.write("encryption: {repository_is_private: true}\n")  # the private values in plaintext
    path = root / RECORD
    text = path.read_text().replace("precision: near,", "precision: exact, coordinates: {lat: 50.41, lon: 30.12},")
    text += (
        "private: {notes: SECRET-NOTE}\nsensitivity: [personal-information]\n"
        "evidence:\n  - {description: Video, file: /vault/SECRET-FILE.mp4, custodian: team}\n"
    )
    path.write_text(text)
    loaded = load_archive(root)
    raw = loaded.archive.records[0].incident
    assert raw.private == {"notes": "SECRET-NOTE"} and raw.victims[0].people
    public = build_catalog(loaded.archive).entries[0].incident
    assert public.private is None
    assert public.victims[0].people == []
    assert public.location.coordinates is None and public.location.precision.value == "settlement"
    assert public.evidence[0].file is None and public.evidence[0].description == "Video"
    assert public_incident(raw) == public


def test_a_record_without_personal_information_keeps_its_people_and_point(sample_root):
    records = load_archive(sample_root).archive.records
    raw = next(r.incident for r in records if any(g.people for g in r.incident.victims) and not r.incident.personal)
    public = public_incident(raw)
    assert public.victims == raw.victims and public.location == raw.location
