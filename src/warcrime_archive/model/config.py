"""The archive's settings and vocabularies (archive.yaml) as a validated model."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from warcrime_archive.model import regions as region_names

KEY = r"^[a-z0-9][a-z0-9-]*$"
Key = Annotated[str, Field(pattern=KEY, max_length=60)]


LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
"""A BCP 47 language tag: 'en', 'uk', 'pt-BR'."""


class Strict(BaseModel):
    """Base of every input model: frozen, and unknown fields are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class TermText(Strict):
    """A term's label and description in another language."""

    label: str = Field(min_length=1, description="The name shown to readers of that language.")
    description: str = Field("", description="What the term means, in that language.")


class Term(Strict):
    """One entry of a vocabulary: what editors write is the key, what readers see is the label."""

    label: str = Field(min_length=1, description="The name shown to readers.")
    description: str = Field("", description="What the term means; shown on its page.")
    translations: dict[Annotated[str, Field(pattern=LANGUAGE_TAG)], TermText] = Field(
        default_factory=dict,
        description="Its label and description in the site's other `languages`: language -> {label, description}.",
    )


class SiteText(Strict):
    """The archive's title and description in another language."""

    title: str = Field(min_length=1, description="The archive's name in that language.")
    description: str = Field("", description="What the archive documents, in that language.")


class Grade(Term):
    """One grade of the verification scale."""

    rule: str = Field(
        "", description="The rule a record must meet to get this grade, in words (shown on the methodology page)."
    )


class License(Strict):
    """The licence of the archive's data."""

    name: str = Field(description="Its name, e.g. 'CC BY 4.0'.")
    url: str | None = Field(None, pattern=r"^https?://", description="Where its text is published.")


def _own_archive(address: str) -> str:
    if not re.match(r"^https?://[^/\s]+(/\S*)?$", address):
        raise ValueError(
            f"'{address}' is not an http(s) address (list where your own captures live, e.g. https://archive.example.org/)"
        )
    return address if address.endswith("/") else address + "/"


OwnArchive = Annotated[str, AfterValidator(_own_archive)]

RECORD_FORMAT = 2
"""The version of the record format this version of warcrime-archive reads."""


def _recipient(text: str) -> str:
    from pyrage import RecipientError, x25519  # only for an archive that lists keys

    try:
        x25519.Recipient.from_str(text.strip())
    except RecipientError:
        raise ValueError(
            f"'{text}' is not an age public key (age1..., as `warcrime-archive private keygen` prints it)"
        ) from None
    return text.strip()


class Encryption(Strict):
    """Who can read the records' private values, which the repository keeps encrypted."""

    recipients: list[Annotated[str, AfterValidator(_recipient)]] = Field(
        default_factory=list,
        description="The age public keys (age1...) that private values are encrypted for: one per editor or "
        "machine holding a key (`warcrime-archive private keygen` makes one). After a change, run "
        "`warcrime-archive private rekey`.",
    )
    repository_is_private: bool = Field(
        False,
        description="true only when the repository itself is private (nobody but the editors can read it): private "
        "values may then be kept in plaintext. Otherwise a plaintext private value is an error.",
    )


BUILTIN_GRADES = ("confirmed", "verified", "corroborated", "single-source", "claimed", "contested", "discounted")


class RegionSetting(Strict):
    """The archive's own name and spellings of a region."""

    name: str = Field("", description="The name shown for the region on the archive's pages and in its downloads.")
    aliases: list[str] = Field(
        default_factory=list, description="Other spellings the records may use for the region in `admin1`."
    )


OBJECT_KINDS = {
    "home": "Home",
    "residential-building": "Residential building",
    "hospital": "Hospital or clinic",
    "school": "School",
    "infrastructure": "Infrastructure",
    "religious-site": "Religious site",
    "cultural-site": "Cultural site",
    "vehicle": "Vehicle",
    "other": "Other",
}
"""The kinds of damaged object when archive.yaml gives no `object_kinds`."""


class ArchiveConfig(Strict):
    """archive.yaml: the archive's settings and the vocabularies its records use."""

    record_format: int = Field(
        1,
        ge=1,
        description="The version of the record format the records are written in; this version of "
        "warcrime-archive reads format 2 (`warcrime-archive upgrade` converts format 1). Missing means 1.",
    )
    unsourced_claims: Literal["error", "warn"] = Field(
        "error",
        description="error (the default): a claim with no source is an error. warn, during a migration: a "
        "warning, and the page marks the claim 'no source given'.",
    )
    title: str = Field(min_length=1, description="The archive's name, shown in every page's header.")
    description: str = Field("", description="One or two sentences on what the archive documents.")
    base_url: str = Field(
        "/",
        description="Where the site is published, e.g. 'https://example.org/archive/'. Used for permalinks, "
        "canonical links and feeds; internal links are relative, so the site works under any sub-path.",
    )
    language: str = Field(
        "en",
        pattern=LANGUAGE_TAG,
        description="BCP 47 language of the site. With `languages`, the language of the pages being built (set by "
        "the build, one language after the other; leave it out).",
    )
    translations: dict[Annotated[str, Field(pattern=LANGUAGE_TAG)], SiteText] = Field(
        default_factory=dict,
        description="The archive's title and description in its other `languages`: language -> {title, description}.",
    )
    languages: list[Annotated[str, Field(pattern=LANGUAGE_TAG)]] = Field(
        default_factory=list,
        description="The languages the site is published in, e.g. [en, uk]: the first at the site's root, each other "
        "under /<language>/ (/uk/), every page in each with a switcher between them. Without it, the one `language`.",
    )
    license: License | None = Field(None, description="The licence of the data.")
    contact: str = Field("", description="How to reach the editors (an e-mail address or a URL).")
    repository: str | None = Field(
        None, pattern=r"^https?://", description="The archive's source repository, for 'edit' and history links."
    )
    commit_links: bool = Field(
        False,
        description="Link each change in a record's public history to its commit in `repository`. Only for a "
        "public repository; off by default (commit messages are never shown either way).",
    )
    encryption: Encryption = Field(
        default_factory=Encryption,
        description="How private values are kept in the repository: encrypted for `recipients`, or in plaintext "
        "when `repository_is_private`.",
    )
    own_archives: list[OwnArchive] = Field(
        default_factory=list,
        description="Addresses of the archive's own capture service (e.g. https://archive.example.org/), "
        "accepted for `archived_url` besides the Wayback Machine, archive.today and perma.cc.",
    )
    sides: dict[Key, Term] = Field(min_length=1, description="Parties to the conflict: key -> {label, description}.")
    categories: dict[Key, Term] = Field(min_length=1, description="Kinds of incident: key -> {label, description}.")
    victim_statuses: dict[Key, Term] = Field(
        min_length=1, description="Who the victims were at the time (prisoner of war, civilian...): key -> term."
    )
    verification: dict[Key, Grade] = Field(
        min_length=1,
        description="The grading scale, in order from strongest to weakest: key -> {label, description, rule}.",
    )
    regions: dict[str, RegionSetting] = Field(
        default_factory=dict,
        description="The archive's names and spellings of regions, by ISO 3166-2 code (e.g. SY-HL: {name: Aleppo "
        "Governorate, aliases: [Halab province]}).",
    )
    object_kinds: dict[Key, Term] = Field(
        default_factory=lambda: {key: Term(label=label) for key, label in OBJECT_KINDS.items()},
        min_length=1,
        description="Kinds of damaged object for `damage[].kind`: key -> {label, description}. Default: home, "
        "residential-building, hospital, school, infrastructure, religious-site, cultural-site, vehicle, other.",
    )

    @field_validator("sides")
    @classmethod
    def _sides(cls, value: dict[str, Term]) -> dict[str, Term]:
        if "not-attributed" in value:  # model.people.NOT_ATTRIBUTED: the state of `alleged_perpetrators: []`
            raise ValueError(
                "'not-attributed' is not a side: it is how a record with `alleged_perpetrators: []` is "
                "filtered and downloaded; give the side another key"
            )
        return value

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: dict[str, RegionSetting]) -> dict[str, RegionSetting]:
        for code in value:
            if not region_names.is_region_code(code):
                raise ValueError(f"'{code}' is not the ISO 3166-2 code of a first-level region, e.g. SY-HL")
        return value

    def region_aliases(self, alpha2: str) -> region_names.Aliases:
        """The archive's spellings of a country's regions (its names for them, then its aliases)."""
        prefix = alpha2.upper() + "-"
        return tuple(
            (text, code)
            for code, setting in self.regions.items()
            if code.startswith(prefix)
            for text in ([setting.name] if setting.name else []) + setting.aliases
        )

    @model_validator(mode="after")
    def _languages(self) -> ArchiveConfig:
        if not self.languages:
            object.__setattr__(self, "languages", [self.language])
        elif "language" not in self.model_fields_set:
            object.__setattr__(self, "language", self.languages[0])
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("languages: each language once")
        if self.language not in self.languages:
            raise ValueError(f"language '{self.language}' is not one of `languages`")
        return self

    @property
    def language_prefix(self) -> str:
        """Where the pages of `language` are, from the site's root: '' for the first language, 'uk/' for another."""
        return "" if self.language == self.languages[0] else f"{self.language}/"

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        local = re.fullmatch(r"/(?!/)[^\s\\]*", value)  # a path; '//host/' would be another site
        if not (local or re.fullmatch(r"https?://[^/\s\\]+(/[^\s]*)?", value)):
            raise ValueError("base_url must be an http(s) URL or a path starting with '/'")
        return value if value.endswith("/") else value + "/"
