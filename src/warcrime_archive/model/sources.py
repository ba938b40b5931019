"""What a record rests on: its published sources, and withheld material proven by its hash."""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from warcrime_archive.model import captures
from warcrime_archive.model.claims import SOURCE_ID_PATTERN
from warcrime_archive.model.config import Strict
from warcrime_archive.model.dates import PartialDate, not_future
from warcrime_archive.model.enums import SourceType
from warcrime_archive.model.vocabulary import check_key

URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"


class Source(Strict):
    """A published source. Sources with the same URL are one source across the archive."""

    id: str = Field(
        pattern=SOURCE_ID_PATTERN,
        description="A short name of the source in this record (lowercase letters, digits, hyphens; at most 40), "
        "unique in the record: claims list it in their `sources`, the narrative cites it as [@id].",
    )
    url: str = Field(pattern=URL_PATTERN, description="The http(s) URL of the source.")
    title: str = Field(min_length=1, description="Its title or headline, as published.")
    outlet: str = Field(
        min_length=1,
        description="Who published it (the outlet or author). For a post on a platform it may be left out: it is "
        "then '<platform>: <account>' (e.g. 'Telegram: @example_channel'), so that each channel is an outlet and a "
        "platform's outlets are listed together.",
    )
    platform: str | None = Field(
        None, min_length=1, description="The social-media platform the source was posted on, e.g. Telegram, X."
    )
    account: str | None = Field(
        None, min_length=1, description="The account or channel that posted it on `platform`, e.g. @example_channel."
    )
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
    party: str | None = Field(
        None,
        description="A key of `sides` when the source is an official statement of that party to the conflict: "
        "pages then say 'according to' the party wherever it is a claim's only source.",
    )

    _future = field_validator("published")(not_future)

    @model_validator(mode="before")
    @classmethod
    def _outlet_of_a_post(cls, data: Any) -> Any:  # noqa: ANN401 - the raw mapping pydantic passes
        """A post's outlet, when left out, is its platform and account."""
        if isinstance(data, dict) and data.get("account") and not data.get("platform"):
            raise PydanticCustomError(
                "account", "an `account` needs its `platform` (e.g. platform: Telegram)", {"field": "account"}
            )
        if isinstance(data, dict) and "outlet" not in data and isinstance(data.get("platform"), str):
            account = data.get("account")
            platform = data["platform"].strip()
            return {**data, "outlet": f"{platform}: {account.strip()}" if isinstance(account, str) else platform}
        return data

    @field_validator("party")
    @classmethod
    def _party(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else check_key(value, info, "sides")

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

    _future = field_validator("captured")(not_future)
