#!/usr/bin/env python3
"""Benchmark corpus: a seeded, valid synthetic archive in our record format, and the same corpus as a Hugo site.

All content is synthetic: pseudo-words for places, people, outlets and text, example.org addresses, sides
named "Side A".. so that no real party is accused of anything. Regions are the real Ukrainian regions of
src/warcrime_archive/data/regions.yaml, so places validate and maps draw them. The shape follows the
sample archive: date windows, 1-6 sources each from a pool of 6 N (about 2.65 N cited), victim groups with counts and
ranges, 150-400-word Markdown narratives, some corrections, some personal-information records.

    python bench/make_archive.py --n 1000 --seed 42 --out /tmp/corpus   # writes archive/ and hugo/
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from warcrime_archive.validate import name_forms

HERE = Path(__file__).resolve().parent
REGIONS_FILE = HERE.parent / "src" / "warcrime_archive" / "data" / "regions.yaml"
BASEMAP_FILE = HERE.parent / "src" / "warcrime_archive" / "data" / "basemap" / "basemap.json"

SIDES = [(f"side-{c}", f"Side {c.upper()}") for c in "abcde"]
CATEGORIES = [
    ("attack-on-civilians", "Attack on civilians", "Killing or wounding of civilians."),
    ("killing-of-captured-or-wounded-combatants", "Killing of captured or wounded combatants", "Hors de combat."),
    ("torture-or-ill-treatment", "Torture or ill-treatment", "Torture or beating of people in custody."),
    ("enforced-disappearance", "Enforced disappearance", "People detained and not seen again."),
]
STATUSES = [
    ("prisoner-of-war", "Prisoner of war"),
    ("wounded-combatant", "Wounded combatant"),
    ("detained-civilian", "Detained civilian"),
    ("civilian", "Civilian"),
    ("unknown", "Unknown"),
]
GRADES = [
    ("confirmed", "Confirmed", "A party to the conflict accepted responsibility."),
    ("verified", "Verified", "The primary evidence was independently verified."),
    ("corroborated", "Corroborated", "Reported by two or more independent sources."),
    ("single-source", "Single source", "Reported by one credible source."),
    ("claimed", "Claimed", "A claim by a party to the conflict."),
    ("contested", "Contested", "Credible sources disagree."),
    ("discounted", "Discounted", "The evidence shows it did not happen as alleged."),
]
GRADE_WEIGHTS = [2, 10, 30, 35, 12, 8, 3]
KINDS = [
    "Shelling of residential block",
    "Strike on market",
    "Detention of civilians",
    "Attack on hospital",
    "Shooting of prisoners",
    "Looting of village",
    "Strike on school",
    "Attack on evacuation convoy",
    "Enforced disappearance",
    "Beating of detainees",
]
HEADINGS = ["Sequence of events", "Witness accounts", "Casualties", "Context", "Verification notes", "Aftermath"]
OUTLET_SUFFIX = ["Herald", "Observer", "Monitor", "Dispatch", "Review", "Courier", "Tribune", "Gazette", "Post"]
SOURCE_TYPES = ["news-article"] * 6 + ["video", "social-media-post", "official-statement", "report"]
TAGS = ["video", "witness", "satellite", "hors-de-combat", "detention", "shelling", "children", "hospital"]
CONS, VOWS = "bcdfghjklmnprstvz", "aeiou"
# The sources' shape of a real archive (issue 22: about 1,800 incidents citing 4,800 distinct sources, 2.7 a record,
# few shared): 1-6 sources a record (3.5 on average) drawn from a pool of 6 N, so about 2.65 N distinct sources
# are cited, each by 1.3 records on average.
SOURCES_MOST, SOURCE_POOL = 6, 6
FIRST_DAY, LAST_DAY = date(2022, 2, 24), date(2025, 12, 31)
# Rough bounds of the regions' centres, for synthetic coordinates near the right part of Ukraine.
UA_BOX = (45.5, 51.5, 23.5, 39.5)


def _words(rng: random.Random, count: int, lo: int = 1, hi: int = 3) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        word = "".join(
            rng.choice(CONS) + rng.choice(VOWS) + (rng.choice(CONS) if rng.random() < 0.35 else "")
            for _ in range(rng.randint(lo, hi))
        )
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def ukrainian_regions() -> list[str]:
    data = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    return [names[0] for code, names in data.items() if code.startswith("UA-")]


def region_centres() -> dict[str, tuple[float, float]]:
    """Each Ukrainian region's name -> the (lat, lon) of the centre the base map gives it (inside its outline)."""
    names = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    outlines = json.loads(BASEMAP_FILE.read_text(encoding="utf-8"))["regions"]
    return {
        names[code][0]: (outlines[code]["centre"][1], outlines[code]["centre"][0])
        for code in names
        if code.startswith("UA-") and code in outlines
    }


class Corpus:
    """N incidents and their pools of places and sources, all drawn from one seeded generator."""

    def __init__(self, n: int, seed: int):
        self.n = n
        rng = self.rng = random.Random(seed)
        self.vocab = _words(rng, 4000)
        acc, self.cum = 0.0, []
        for i in range(len(self.vocab)):  # Zipf-like word frequencies, as in natural text
            acc += 1.0 / (i + 1) ** 0.9
            self.cum.append(acc)
        self.given = [w.capitalize() for w in _words(rng, 600, 2, 3)]
        self.family = [w.capitalize() for w in _words(rng, 900, 2, 4)]
        self.outlets = [
            (f"The {w.capitalize()} {suffix}", f"{w}-{suffix.lower()}.example.org")
            for w in _words(rng, 60, 2, 3)
            for suffix in [rng.choice(OUTLET_SUFFIX)]
        ]
        regions = ukrainian_regions()
        centres = region_centres()
        self.places: list[dict[str, Any]] = []
        for i, name in enumerate(_words(rng, max(1, n // 10), 2, 4)):
            region = rng.choice(regions)
            lat, lon = rng.uniform(UA_BOX[0], UA_BOX[1]), rng.uniform(UA_BOX[2], UA_BOX[3])
            # a point near the region's centre (records' coordinates must lie in their region), spread by the
            # same draws as before
            centre_lat, centre_lon = centres.get(region, ((UA_BOX[0] + UA_BOX[1]) / 2, (UA_BOX[2] + UA_BOX[3]) / 2))
            self.places.append(
                {
                    "id": f"loc-{i + 1:05d}",
                    "name": name.capitalize(),
                    "region": region,
                    "lat": round(centre_lat + (lat - (UA_BOX[0] + UA_BOX[1]) / 2) * 0.01, 4),
                    "lon": round(centre_lon + (lon - (UA_BOX[2] + UA_BOX[3]) / 2) * 0.01, 4),
                }
            )
        self.sources = [self._source(i) for i in range(max(2, SOURCE_POOL * n))]
        self.incidents = [self._incident(i) for i in range(n)]

    # -- text ------------------------------------------------------------------------------------
    def words(self, k: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cum, k=k)

    def sentence(self, lo: int = 6, hi: int = 16) -> str:
        w = self.words(self.rng.randint(lo, hi))
        w[0] = w[0].capitalize()
        return " ".join(w) + "."

    def person(self) -> str:
        return f"{self.rng.choice(self.given)} {self.rng.choice(self.family)}"

    def day(self, start: date = FIRST_DAY, end: date = LAST_DAY) -> date:
        return start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def paragraph(self, size: int) -> tuple[str, int]:
        rng = self.rng
        w = self.words(max(size, 6))
        w[0] = w[0].capitalize()
        for j in range(8, len(w) - 1, rng.randint(9, 15)):
            w[j] += "."
            w[j + 1] = w[j + 1].capitalize()
        if len(w) > 10:
            j = rng.randrange(1, len(w) - 2)
            w[j] = f"**{w[j]}**"
        if len(w) > 20 and rng.random() < 0.5:
            j = rng.randrange(1, len(w) - 3)
            w[j] = f"[{w[j]} {w[j + 1]}](https://docs.example.org/{w[j].strip('.*').lower()}/{rng.randint(1, 9999)})"
            del w[j + 1]
        if len(w) > 15 and rng.random() < 0.4:
            j = rng.randrange(1, len(w) - 2)
            w[j] = f"_{w[j]}_"
        return " ".join(w) + ".", len(w)

    def narrative(self) -> str:
        rng = self.rng
        parts: list[str]
        target, count, parts = rng.randint(150, 400), 0, []
        headings = rng.sample(HEADINGS, 3)
        while count < target:
            if parts and headings:
                parts.append(f"## {headings.pop()}")
            roll = rng.random()
            if roll < 0.25:
                items = [self.sentence(4, 12) for _ in range(rng.randint(2, 4))]
                count += sum(s.count(" ") + 1 for s in items)
                parts.append("\n".join(f"- {s}" for s in items))
            elif roll < 0.35:
                quote = self.sentence(8, 20)
                count += quote.count(" ") + 1
                parts.append(f"> {quote}")
            text, size = self.paragraph(min(max(6, target - count), rng.randint(35, 80)))
            parts.append(text)
            count += size
        return "\n\n".join(parts) + "\n"

    # -- pools and records -----------------------------------------------------------------------
    def _source(self, i: int) -> dict:
        rng = self.rng
        outlet, host = rng.choice(self.outlets)
        published = self.day()
        title = self.words(rng.randint(4, 10))
        source = {
            "id": f"src-{i + 1:06d}",
            "url": f"https://{host}/{published.year}/{published.month:02d}/{'-'.join(title[:6])}-{i + 1}",
            "title": " ".join(title).capitalize(),
            "outlet": outlet,
            "published": published.isoformat() if rng.random() < 0.85 else published.isoformat()[:7],
            "type": rng.choice(SOURCE_TYPES),
            "language": rng.choice(["en", "en", "en", "uk", "ru"]),
            "archived_url": None,
        }
        if rng.random() < 0.6:
            source["archived_url"] = f"https://web.archive.example.org/{published:%Y%m%d}/{source['url']}"
        return source

    def _incident(self, i: int) -> dict:
        rng = self.rng
        place = rng.choice(self.places)
        kind = rng.choice(KINDS)
        start = self.day()
        roll = rng.random()
        when: dict = {}
        if roll < 0.6:
            when["at"] = start.isoformat()
        elif roll < 0.7:
            when["at"] = start.isoformat()[:7]
        else:
            when["from"] = start.isoformat()
            when["to"] = (start + timedelta(days=rng.randint(1, 20))).isoformat()
            when["approximate"] = rng.random() < 0.5
        if rng.random() < 0.3:
            when["note"] = self.sentence()
        perpetrator = rng.choice(SIDES)[0]
        sources = rng.sample(self.sources, min(len(self.sources), rng.randint(1, SOURCES_MOST)))
        ids = [s["id"] for s in sources]  # every claim cites all of the record's sources
        when["sources"] = ids
        grade = rng.choices([g[0] for g in GRADES], weights=GRADE_WEIGHTS)[0]
        if grade == "corroborated" and len({s["outlet"] for s in sources}) < 2:
            grade = "single-source"
        personal = rng.random() < 0.1
        victims = []
        for _ in range(rng.randint(1, 3)):
            count_roll = rng.random()
            count: object = rng.randint(1, 12)
            if count_roll < 0.2:
                low = rng.randint(1, 20)
                count = {"min": low, "max": low + rng.randint(1, 15)}
            elif count_roll < 0.3:
                count = None
            group = {
                "side": rng.choice([s[0] for s in SIDES if s[0] != perpetrator] + [None]),
                "status": rng.choice(STATUSES)[0],
                "harm": rng.choice(["killed", "wounded", "tortured", "ill-treated", "missing"]),
                "count": count,
                "description": self.sentence(),
                "people": [],
                "sources": ids,
            }
            if rng.random() < (0.8 if personal else 0.2):
                group["people"] = [{"name": self.person()} for _ in range(rng.randint(1, 3))]
            victims.append(group)
        responses = []
        if grade == "confirmed" or rng.random() < 0.15:
            responses.append(
                {
                    "by": f"Spokesperson of {dict(SIDES)[perpetrator]}",
                    "side": perpetrator,
                    "stance": "acknowledges" if grade == "confirmed" else rng.choice(["denies", "no-comment"]),
                    "date": self.day(start).isoformat(),
                    "sources": ids[:1],
                }
            )
        location = {
            "place": place["name"],
            "admin1": place["region"],
            "country": "UA",
            "precision": rng.choice(["exact", "near", "settlement", "settlement", "district", "region"]),
            "detail": self.sentence(4, 10) if rng.random() < 0.5 else "",
        }
        if location["precision"] in ("exact", "near") and rng.random() < 0.5:
            location["coordinates"] = {"lat": place["lat"], "lon": place["lon"]}
        location["sources"] = ids
        attribution = rng.choice(["suspected", "known"])
        if grade != "confirmed":  # known only with the side's acknowledgement, which only confirmed records have
            attribution = "suspected"
        record = {
            "id": f"inc-{i + 1:06d}",
            "title": f"{kind} in {place['name']}",
            "summary": self.sentence(12, 30),
            "category": rng.choice(CATEGORIES)[0],
            "date": when,
            "first_reported": self.day(start, min(LAST_DAY, start + timedelta(days=30))).isoformat(),
            "location": location,
            "alleged_perpetrators": [
                {"side": perpetrator, "attribution": attribution, "basis": self.sentence(), "sources": ids}
            ],
            "victims": victims,
            "verification": {
                "status": grade,
                "by": [{"who": rng.choice(self.outlets)[0], "checked": ["authenticity", "place"], "sources": ids}]
                if grade == "verified"
                else [],
                "note": self.sentence()
                if grade in ("claimed", "contested", "discounted") or rng.random() < 0.3
                else "",
                "sources": ids,
            },
            "responses": responses,
            "sources": sources,
            "content_warning": "Describes violence against people." if rng.random() < 0.4 else "",
            "tags": sorted(rng.sample(TAGS, rng.randint(0, 3))),
            "related": [f"inc-{rng.randint(1, i):06d}"] if i > 0 and rng.random() < 0.1 else [],
            "narrative": self.narrative(),
            "corrections": [],
            "sensitivity": ["personal-information"] if personal else [],
        }
        if rng.random() < 0.05:
            record["corrections"] = [{"date": self.day(start).isoformat(), "note": self.sentence(), "sources": ids}]
        if personal:
            record["private"] = {"contact": self.person(), "note": self.sentence()}
            self._unpublished_names(record)
        # Kept for the Hugo copy only (not fields of the record).
        record["_place"], record["_sources"] = place, sources
        return record

    def _unpublished_names(self, record: dict) -> None:
        """In a personal-information record no published text may hold a victim's name or a part of it (the
        build's name check, validate/names.py): a name that a synthetic word of the text happens to match is
        drawn again (only such names: the rest of the corpus stays as the seed makes it)."""
        words = name_forms.words(" ".join(_published_texts(record)))
        word_set = set(words)
        for group in record["victims"]:
            for person in group.get("people", []):
                while name_forms.Name.of(name_forms.parts(person["name"])).in_words(words, word_set):
                    person["name"] = self.person()


def _published_texts(value: object, key: str = "") -> list[str]:
    """Every string of a record that its pages publish: all but the private notes and the people named."""
    if key in ("private", "people"):
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for k, item in value.items() for text in _published_texts(item, k)]
    if isinstance(value, list):
        return [text for item in value for text in _published_texts(item)]
    return []


# -- our format -------------------------------------------------------------------------------------
def archive_yaml() -> str:
    def vocabulary(items: Sequence[tuple[str, ...]]) -> dict:
        out = {}
        for key, label, *rest in items:
            out[key] = {"label": label, "description": rest[0] if rest else f"{label}."}
            if key in dict((g[0], 1) for g in GRADES):
                out[key]["rule"] = f"The build's rule for {label.lower()}."
        return out

    data = {
        "record_format": 2,
        "title": "Synthetic benchmark archive",
        "description": "A generated archive of synthetic records for measuring build time. Nothing in it is real.",
        "base_url": "https://archive.example.org/",
        "language": "en",
        "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "contact": "",
        "own_archives": ["https://web.archive.example.org/"],  # the synthetic sources' captures
        # The synthetic private notes stay in plaintext: the benchmark measures building, not encrypting.
        "encryption": {"repository_is_private": True},
        "sides": vocabulary([(k, label, f"Synthetic party {label}.") for k, label in SIDES]),
        "categories": vocabulary(CATEGORIES),
        "victim_statuses": vocabulary(STATUSES),
        "verification": vocabulary(GRADES),
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def _q(value: object) -> str:
    """A YAML scalar: JSON is valid YAML for strings, numbers and null."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _emit(value: object, indent: str, out: list[str], key: str = "") -> None:
    """Block-style YAML with dates written plain (YYYY-MM-DD) and every other string quoted."""
    prefix = f"{indent}{key}: " if key else ""
    if isinstance(value, dict) and value:
        if key:
            out.append(f"{indent}{key}:")
            indent += "  "
        for k, v in value.items():
            _emit(v, indent, out, k)
    elif isinstance(value, list) and value:
        out.append(f"{indent}{key}:")
        for item in value:
            lines: list[str] = []
            _emit(item, indent + "  ", lines) if isinstance(item, dict) else lines.append(f"{indent}  {_q(item)}")
            first = lines[0]
            lines[0] = f"{indent}- " + first[len(indent) + 2 :]
            out.extend(lines)
    elif isinstance(value, (dict, list)):
        out.append(prefix + ("{}" if isinstance(value, dict) else "[]"))
    elif key == "narrative":
        out.append(f"{indent}{key}: |")
        out.extend(f"{indent}  {line}" if line else "" for line in str(value).rstrip("\n").split("\n"))
    elif isinstance(value, str) and key in ("at", "from", "to", "date", "published", "first_reported"):
        out.append(prefix + value)
    else:
        out.append(prefix + (str(value).lower() if isinstance(value, bool) else _q(value)))


def record_yaml(record: dict) -> str:
    lines: list[str] = []
    _emit({k: v for k, v in record.items() if k != "id" and not k.startswith("_")}, "", lines)
    return "\n".join(lines) + "\n"


def write_archive(corpus: Corpus, root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
    (root / "incidents").mkdir(parents=True)
    (root / "pages").mkdir()
    (root / "archive.yaml").write_text(archive_yaml(), encoding="utf-8")
    (root / "pages" / "about.md").write_text(
        "---\ntitle: About\n---\n\nA synthetic archive generated for benchmarks.\n", encoding="utf-8"
    )
    for record in corpus.incidents:
        (root / "incidents" / f"{record['id']}.yaml").write_text(record_yaml(record), encoding="utf-8")


# -- Hugo --------------------------------------------------------------------------------------------
def write_hugo(corpus: Corpus, root: Path) -> None:
    """The same incidents as a Hugo site: locations, sources, sides and statuses (grades) as taxonomies."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(HERE / "hugo_site", root)
    content = root / "content"
    (content / "incidents").mkdir(parents=True)
    (content / "incidents" / "_index.md").write_text('---\ntitle: "All incidents"\n---\n', encoding="utf-8")
    for record in corpus.incidents:
        when = record["date"].get("at") or record["date"]["from"]
        fm = [
            "---",
            f"title: {_q(record['title'])}",
            f"date: {when if len(when) == 10 else when + '-01'}",
            f"incident_id: {record['id']}",
            f"locations: [{record['_place']['id']}]",
            "sources: [" + ", ".join(s["id"] for s in record["_sources"]) + "]",
            f"sides: [{record['alleged_perpetrators'][0]['side']}]",
            f"statuses: [{record['verification']['status']}]",
            "victims:",
        ]
        for group in record["victims"]:
            named = ", ".join(p["name"] for p in group["people"]) if not record["sensitivity"] else ""
            fm += [f"  - name: {_q(named or None)}", f"    age: {_q(None)}", f"    gender: {group['status']}"]
        fm.append("---")
        text = "\n".join(fm) + "\n\n" + record["narrative"]
        (content / "incidents" / f"{record['id']}.md").write_text(text, encoding="utf-8")
    titles = {"locations": "Locations", "sources": "Sources", "sides": "Alleged perpetrators", "statuses": "Grades"}
    for taxonomy, title in titles.items():
        (content / taxonomy).mkdir()
        (content / taxonomy / "_index.md").write_text(f'---\ntitle: "{title}"\n---\n', encoding="utf-8")

    def term(taxonomy: str, key: str, **params: object) -> None:
        folder = content / taxonomy / key
        folder.mkdir()
        body = "".join(f"{k}: {_q(v) if k != 'lat' and k != 'lon' else v}\n" for k, v in params.items())
        (folder / "_index.md").write_text(f"---\n{body}---\n", encoding="utf-8")

    used_places = {r["_place"]["id"] for r in corpus.incidents}
    used_sources = {s["id"] for r in corpus.incidents for s in r["_sources"]}
    for place in corpus.places:
        if place["id"] in used_places:
            term("locations", place["id"], title=place["name"], region=place["region"], country="UA", **_ll(place))
    for source in corpus.sources:
        if source["id"] in used_sources:
            term(
                "sources",
                source["id"],
                title=source["title"],
                outlet=source["outlet"],
                source_url=source["url"],
                published_on=source["published"],
            )
    for key, label in SIDES:
        term("sides", key, title=label)
    for key, label, description in GRADES:
        term("statuses", key, title=label, description=description)


def _ll(place: dict) -> dict:
    return {"lat": place["lat"], "lon": place["lon"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, required=True, help="number of incidents")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, required=True, help="writes OUT/archive and OUT/hugo")
    parser.add_argument("--no-hugo", action="store_true", help="write our archive only")
    args = parser.parse_args()
    corpus = Corpus(args.n, args.seed)
    write_archive(corpus, args.out / "archive")
    if not args.no_hugo:
        write_hugo(corpus, args.out / "hugo")
    words = sum(len(r["narrative"].split()) for r in corpus.incidents) / max(1, args.n)
    print(
        json.dumps({"incidents": args.n, "places": len(corpus.places), "sources": len(corpus.sources), "words": words})
    )


if __name__ == "__main__":
    main()
