"""The incident record (one YAML file in incidents/) as validated models.

Every field has a description: the JSON Schema, the editors' reference and the scaffold come from
them. Vocabulary keys (sides, categories, statuses, grades) are checked against archive.yaml through
the validation context; cross-record rules live in `validate` and the grade rules in `grading`.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, StrictBool, StrictInt, Tag, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from warcrime_archive.i18n import N_, gettext
from warcrime_archive.model import captures, regions
from warcrime_archive.model.config import Strict
from warcrime_archive.model.dates import PartialDate, window_words
from warcrime_archive.model.vocabulary import check_key
from warcrime_archive.richtext import markdown_too_complex

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"


def _not_future(value: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
    today: dt.date | None = (info.context or {}).get("today")
    if value is not None and today is not None and value.start > today:
        raise PydanticCustomError("date_future", "{value} is in the future", {"value": value.iso()})
    return value


# The fixed values of the record format, as readers see them (translated through the catalog).
WORDS = {
    "exact": N_("exact"),
    "near": N_("near"),
    "settlement": N_("settlement"),
    "district": N_("district"),
    "region": N_("region"),
    "unknown": N_("unknown"),
    "killed": N_("killed"),
    "wounded": N_("wounded"),
    "tortured": N_("tortured"),
    "ill-treated": N_("ill-treated"),
    "missing": N_("missing"),
    "denies": N_("denies"),
    "acknowledges": N_("acknowledges"),
    "blames-other-side": N_("blames other side"),
    "promised-investigation": N_("promised investigation"),
    "no-comment": N_("no comment"),
    "requested": N_("requested"),
    "opened": N_("opened"),
    "ongoing": N_("ongoing"),
    "charges-filed": N_("charges filed"),
    "trial": N_("trial"),
    "verdict": N_("verdict"),
    "closed": N_("closed"),
    "news-article": N_("news article"),
    "video": N_("video"),
    "social-media-post": N_("social media post"),
    "official-statement": N_("official statement"),
    "report": N_("report"),
    "court-document": N_("court document"),
    "other": N_("other"),
}


class Worded(StrEnum):
    """A fixed value of the record format that readers see: `words()` is it in the site's language."""

    def words(self) -> str:
        return gettext(WORDS[self.value])


class Precision(Worded):
    exact = "exact"
    near = "near"
    settlement = "settlement"
    district = "district"
    region = "region"
    unknown = "unknown"


class Harm(Worded):
    killed = "killed"
    wounded = "wounded"
    tortured = "tortured"
    ill_treated = "ill-treated"
    missing = "missing"


class Stance(Worded):
    denies = "denies"
    acknowledges = "acknowledges"
    blames_other_side = "blames-other-side"
    promised_investigation = "promised-investigation"
    no_comment = "no-comment"


class InvestigationStatus(Worded):
    requested = "requested"
    opened = "opened"
    ongoing = "ongoing"
    charges_filed = "charges-filed"
    trial = "trial"
    verdict = "verdict"
    closed = "closed"


class SourceType(Worded):
    news_article = "news-article"
    video = "video"
    social_media_post = "social-media-post"
    official_statement = "official-statement"
    report = "report"
    court_document = "court-document"
    other = "other"


class Sensitivity(StrEnum):
    personal_information = "personal-information"


class IncidentDate(Strict):
    """When it happened: a known day, month or year (`at`), or a window (`from` .. `to`)."""

    at: PartialDate | None = Field(None, description="The date, as precisely as known (day, month or year).")
    from_: PartialDate | None = Field(None, alias="from", description="The earliest it can have happened.")
    to: PartialDate | None = Field(None, description="The latest it can have happened.")
    approximate: StrictBool = Field(False, description="True when even the window is an estimate.")
    note: str = Field("", description="Where the date comes from, or why it is uncertain.")

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        return {"at": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value

    _future_at = field_validator("at", "from_", "to")(_not_future)

    @model_validator(mode="after")
    def _one_form(self) -> IncidentDate:
        if self.at is not None and (self.from_ is not None or self.to is not None):
            raise PydanticCustomError("date_form", "give either `at` or `from` and `to`, not both")
        if self.at is None and (self.from_ is None or self.to is None):
            raise PydanticCustomError("date_form", "a window needs both `from` and `to` (or give `at`)")
        if self.from_ is not None and self.to is not None and self.to.end < self.from_.start:
            raise PydanticCustomError(
                "date_order",
                "`to` ({to}) is before `from` ({start})",
                {"to": self.to.iso(), "start": self.from_.iso(), "field": "to"},
            )
        return self

    @property
    def start(self) -> PartialDate:
        return self.at or self.from_  # type: ignore[return-value]  # `_one_form`: `at`, or `from` and `to`

    @property
    def end(self) -> PartialDate:
        return self.at or self.to  # type: ignore[return-value]  # `_one_form`: `at`, or `from` and `to`

    @property
    def is_window(self) -> bool:
        return self.at is None

    def words(self) -> str:
        text = window_words(self.start, None if self.at else self.end)
        return gettext("%(date)s (approximate)") % {"date": text} if self.approximate else text

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start.start, self.end.end)


class Coordinates(Strict):
    """A point, only when a listed source publishes it."""

    lat: float = Field(ge=-90, le=90, description="Latitude in decimal degrees (WGS 84).")
    lon: float = Field(ge=-180, le=180, description="Longitude in decimal degrees (WGS 84).")


class Location(Strict):
    """Where it happened, as precisely as the sources say."""

    place: str | None = Field(None, description="The settlement or named place; null when only the region is known.")
    admin2: str | None = Field(None, description="The district (raion), as the sources name it.")
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. UA.")
    admin1: str = Field(
        description="The region: ISO 3166-2 code (UA-23), ISO name or conventional English name "
        "(Zaporizhzhia Oblast); shown under its conventional name."
    )
    precision: Precision = Field(
        description="How precisely the place is known: exact | near | settlement | district | region | unknown."
    )
    detail: str = Field("", description="The place in words, e.g. 'the road just north of the village'.")
    coordinates: Coordinates | None = Field(None, description="Only when a listed source publishes them.")
    also_known_as: list[str] = Field(
        default_factory=list, description="Other spellings of the place in the sources (e.g. Rabotyne for Robotyne)."
    )

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: Any) -> Any:
        if isinstance(value, str) and len(value.strip()) == 2 and regions.country_name(value.strip()):
            return value.strip().upper()
        if isinstance(value, str):
            raise PydanticCustomError(
                "country",
                "'{value}' is not an ISO 3166-1 alpha-2 country code ({hint})",
                {"value": value, "hint": regions.suggest_country(value)},
            )
        return value

    @field_validator("admin1")
    @classmethod
    def _region(cls, value: str, info: ValidationInfo) -> str:
        country = info.data.get("country")
        if country and regions.resolve_region(country, value) is None:
            hint = regions.suggest_region(country, value)
            if hint or not value.strip():
                raise PydanticCustomError(
                    "admin1",
                    "'{value}' is not a region of {country} in ISO 3166-2 ({hint})",
                    {"value": value, "country": country, "hint": hint or "give the region"},
                )
        return value

    @property
    def region(self) -> regions.Region:
        found = regions.resolve_region(self.country, self.admin1)
        return found or regions.Region(f"{self.country}-{self.admin1}", self.admin1)


class AllegedPerpetrator(Strict):
    """A party alleged to be responsible. Never stated as fact unless `attribution` is known."""

    side: str = Field(description="A key of `sides` in archive.yaml.")
    unit: str | None = Field(None, description="The unit, as the sources name it; null when unknown.")
    attribution: Literal["suspected", "known"] = Field(
        "suspected", description="suspected | known (known = the party accepted responsibility)."
    )
    basis: str = Field("", description="On what the allegation rests, and who makes it.")

    @field_validator("side")
    @classmethod
    def _side(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "sides")


class CountRange(Strict):
    """A count known only within bounds."""

    min: StrictInt = Field(ge=1, description="The lowest count a source gives.")
    max: StrictInt = Field(ge=1, description="The highest count a source gives.")

    @model_validator(mode="after")
    def _order(self) -> CountRange:
        if self.min > self.max:
            raise PydanticCustomError(
                "range", "min ({min}) is greater than max ({max})", {"min": self.min, "max": self.max, "field": "min"}
            )
        return self


class Person(Strict):
    """A named victim. Never published for records marked `personal-information`."""

    name: str = Field(min_length=1, description="The name as the latest reliable source gives it.")
    also_reported_as: list[str] = Field(
        default_factory=list, description="Other names under which the person was reported."
    )
    unit: str | None = Field(None, description="Military unit, if any.")
    rank: str | None = Field(None, description="Rank, if any.")
    note: str = Field("", description="How the identification was made or changed.")


class VictimGroup(Strict):
    """People harmed alike: same side, status and harm."""

    side: str | None = Field(None, description="A key of `sides` in archive.yaml, or null when unknown.")
    status: str = Field(description="A key of `victim_statuses` in archive.yaml.")
    harm: Harm = Field(description="killed | wounded | tortured | ill-treated | missing.")
    count: (
        Annotated[
            Annotated[StrictInt, Tag("number")] | Annotated[CountRange, Tag("range")],
            Discriminator(lambda v: "range" if isinstance(v, (dict, CountRange)) else "number"),
        ]
        | None
    ) = Field(description="How many: a number, {min, max}, or null when unknown.")
    description: str = Field("", description="Who they were and what happened to them, as the sources say.")
    people: list[Person] = Field(default_factory=list, description="Named people in the group.")

    @field_validator("count", mode="before")
    @classmethod
    def _count(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and value < 1:
            raise PydanticCustomError("count", "a count must be at least 1 (write null when unknown)")
        return value

    @field_validator("side")
    @classmethod
    def _side(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else check_key(value, info, "sides")

    @field_validator("status")
    @classmethod
    def _status(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "victim_statuses")

    def count_words(self) -> str:
        if self.count is None:
            return gettext("unknown number")
        if isinstance(self.count, CountRange):
            if self.count.min == self.count.max:
                return f"{self.count.min}"
            return gettext("%(min)d to %(max)d") % {"min": self.count.min, "max": self.count.max}
        return str(self.count)


class Verification(Strict):
    """The record's grade on the archive's verification scale, and why."""

    status: str = Field(description="A key of `verification` in archive.yaml (the grade).")
    by: list[str] = Field(default_factory=list, description="Organisations that independently verified the evidence.")
    note: str = Field("", description="Why this grade: what was verified, by whom, and what was not.")

    @field_validator("status")
    @classmethod
    def _status(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "verification")


class Response(Strict):
    """What a party or official said about the incident."""

    by: str = Field(min_length=1, description="Who responded (a person, office or body).")
    side: str | None = Field(None, description="The side they speak for: a key of `sides`, or null.")
    stance: Stance = Field(
        description="denies | acknowledges | blames-other-side | promised-investigation | no-comment."
    )
    date: PartialDate | None = Field(None, description="When, as precisely as known.")
    quote: str = Field("", description="Their words, verbatim from a listed source.")
    source: str | None = Field(
        None, pattern=URL_PATTERN, description="URL of the listed source (in `sources`) that reports the response."
    )

    @field_validator("side")
    @classmethod
    def _side(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else check_key(value, info, "sides")

    _future = field_validator("date")(_not_future)


class Investigation(Strict):
    """An official investigation or proceeding."""

    authority: str = Field(min_length=1, description="Who investigates (a prosecutor, court, commission).")
    status: InvestigationStatus = Field(
        description="requested | opened | ongoing | charges-filed | trial | verdict | closed."
    )
    date: PartialDate | None = Field(None, description="When it reached that status.")
    reference: str | None = Field(None, description="Case number, or null when not published.")
    url: str | None = Field(None, pattern=URL_PATTERN, description="A public http(s) source for it.")
    note: str = Field("", description="What is known about it.")

    _future = field_validator("date")(_not_future)


class Source(Strict):
    """A published source. Sources with the same URL are one source across the archive."""

    url: str = Field(pattern=URL_PATTERN, description="The http(s) URL of the source.")
    title: str = Field(min_length=1, description="Its title or headline, as published.")
    outlet: str = Field(min_length=1, description="Who published it (the outlet or author).")
    published: PartialDate | None = Field(None, description="When it was published, as precisely as known.")
    type: SourceType = Field(
        description="news-article | video | social-media-post | official-statement | report | court-document | other."
    )
    language: str = Field("en", pattern=r"^[a-z]{2,3}$", description="ISO 639 language code of the source.")
    archived_url: str | None = Field(
        None,
        pattern=URL_PATTERN,
        description="A capture of it in the Wayback Machine, archive.today, perma.cc or one of the archive's "
        "`own_archives`; missing = a warning.",
    )
    quote: str = Field("", description="A short passage, verbatim.")
    note: str = Field("", description="Anything a reader should know about the source (e.g. an uncertain date).")

    _future = field_validator("published")(_not_future)

    @field_validator("archived_url")
    @classmethod
    def _capture(cls, value: str | None, info: ValidationInfo) -> str | None:
        config = (info.context or {}).get("config")
        own = config.own_archives if config is not None else []
        if value is not None and captures.service(value, own) is None:
            raise PydanticCustomError(
                "capture",
                "'{url}' is not a capture in a recognised web archive ({hint})",
                {"url": value, "hint": captures.HINT},
            )
        return value


class Evidence(Strict):
    """Material held but not published, proven by its hash: only the hash, date and custodian are shown."""

    description: str = Field(min_length=1, description="What the material is, in general terms.")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file, lowercase hex.")
    captured: PartialDate | None = Field(None, description="When the copy was made.")
    custodian: str = Field("", description="Who holds the material.")
    file: str | None = Field(None, description="Where the file is kept (never published).")

    _future = field_validator("captured")(_not_future)


class Correction(Strict):
    """An entry in the record's public correction log."""

    date: PartialDate = Field(description="When the correction was made.")
    note: str = Field(min_length=1, description="What changed and why.")

    _future = field_validator("date")(_not_future)


class Incident(Strict):
    """One incident: a file incidents/**/<id>.yaml."""

    title: str = Field(min_length=1, max_length=200, description="A short neutral headline.")
    summary: str = Field(min_length=1, description="One to three neutral sentences: what is alleged, by whom.")
    category: str = Field(description="A key of `categories` in archive.yaml.")
    date: IncidentDate = Field(
        description="When it happened: a date, {at, note} or a window {from, to, approximate, note}."
    )
    first_reported: PartialDate | None = Field(None, description="When it was first reported publicly.")
    location: Location = Field(description="Where it happened.")
    alleged_perpetrators: list[AllegedPerpetrator] = Field(
        min_length=1, description="Parties alleged to be responsible."
    )
    victims: list[VictimGroup] = Field(min_length=1, description="Groups of people harmed.")
    verification: Verification = Field(description="The grade and why.")
    responses: list[Response] = Field(default_factory=list, description="What parties said.")
    investigations: list[Investigation] = Field(default_factory=list, description="Official investigations.")
    sources: list[Source] = Field(min_length=1, description="Every statement in the record rests on one of these.")
    evidence: list[Evidence] = Field(default_factory=list, description="Withheld material proven by its hash.")
    content_warning: str = Field("", description="Shown before the narrative when it describes graphic violence.")
    tags: list[str] = Field(default_factory=list, description="Free keywords, lowercase with hyphens.")
    related: list[str] = Field(default_factory=list, description="Ids of related incidents; each must exist.")
    narrative: str = Field("", description="The account in Markdown; rendered, then sanitised.")
    corrections: list[Correction] = Field(
        default_factory=list, description="The public correction log; required when the grade, side or a count changes."
    )
    aliases: list[str] = Field(default_factory=list, description="Former ids of this record; their URLs redirect here.")
    sensitivity: list[Sensitivity] = Field(
        default_factory=list,
        description="personal-information: names of people and coordinates finer than the settlement "
        "are not published.",
    )
    private: Any = Field(None, description="Anything at all for the editors; never published anywhere.")

    @field_validator("category")
    @classmethod
    def _category(cls, value: str, info: ValidationInfo) -> str:
        return check_key(value, info, "categories")

    _future = field_validator("first_reported")(_not_future)

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not re.match(r"^[a-z0-9][a-z0-9-]*$", tag):
                raise PydanticCustomError(
                    "tag", "tag '{tag}' must be lowercase letters, digits and hyphens", {"tag": tag}
                )
        return value

    @field_validator("narrative")
    @classmethod
    def _narrative(cls, value: str) -> str:
        found = markdown_too_complex(value)
        if found:
            raise PydanticCustomError(
                "markdown",
                "{what} (at line {line} of the narrative) is more complex Markdown than the build renders safely",
                {"line": found[0], "what": found[1]},
            )
        return value

    @field_validator("related", "aliases")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        for item in value:
            if not re.match(ID_PATTERN, item):
                raise PydanticCustomError(
                    "id", "'{id}' is not a record id (lowercase letters, digits, hyphens)", {"id": item}
                )
        return value

    @model_validator(mode="after")
    def _not_before_incident(self) -> Incident:
        """A report or a correction cannot precede the incident (compared conservatively for partial dates)."""
        earliest = self.date.start.start
        if self.first_reported is not None and self.first_reported.end < earliest:
            raise PydanticCustomError(
                "before_incident",
                "{reported} is before the earliest date of the incident ({incident}) "
                "(a report cannot precede the incident)",
                {"reported": self.first_reported.iso(), "incident": self.date.start.iso(), "field": "first_reported"},
            )
        for i, correction in enumerate(self.corrections):
            if correction.date.end < earliest:
                raise PydanticCustomError(
                    "before_incident",
                    "{corrected} is before the earliest date of the incident ({incident}) "
                    "(a correction cannot precede the incident)",
                    {
                        "corrected": correction.date.iso(),
                        "incident": self.date.start.iso(),
                        "field": f"corrections.{i}.date",
                    },
                )
        return self

    @property
    def personal(self) -> bool:
        return Sensitivity.personal_information in self.sensitivity
