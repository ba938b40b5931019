"""Where an incident happened: country, region, place and point, as precisely as the sources say."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from warcrime_archive.model import regions
from warcrime_archive.model.claims import sources_field
from warcrime_archive.model.config import Strict
from warcrime_archive.model.enums import Precision


class Coordinates(Strict):
    """A point, only when a listed source publishes it."""

    lat: float = Field(ge=-90, le=90, description="Latitude in decimal degrees (WGS 84).")
    lon: float = Field(ge=-180, le=180, description="Longitude in decimal degrees (WGS 84).")
    outside_region: str = Field(
        "",
        description="Why the point lies outside the outline of the stated region or country (e.g. a place on "
        "the border that the outlines draw on the other side); accepts it. Shown with the coordinates.",
    )


def _aliases(info: ValidationInfo, country: str | None) -> regions.Aliases:
    config = (info.context or {}).get("config")
    return config.region_aliases(country) if config is not None and country else ()


class Location(Strict):
    """Where it happened, as precisely as the sources say."""

    _named_region: regions.Region | None = PrivateAttr(None)  # as archive.yaml's `regions` names it, when it does

    place: str | None = Field(None, description="The settlement or named place; null when only the region is known.")
    admin2: str | None = Field(None, description="The district (raion), as the sources name it.")
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. UA.")
    admin1: str | None = Field(
        None,
        description="The region: ISO 3166-2 code (UA-23), ISO name or conventional English name "
        "(Zaporizhzhia Oblast); shown under its conventional name. Left out only with `precision: country`.",
    )
    precision: Precision = Field(
        description="How precisely the place is known: exact | near | settlement | district | region | country | "
        "unknown (country: only the country is known, so no admin1, admin2 or place)."
    )
    detail: str = Field("", description="The place in words, e.g. 'the road just north of the village'.")
    coordinates: Coordinates | None = Field(None, description="Only when a listed source publishes them.")
    also_known_as: list[str] = Field(
        default_factory=list, description="Other spellings of the place in the sources (e.g. Rabotyne for Robotyne)."
    )
    names: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")], str] = Field(
        default_factory=dict,
        description="The place's name in the site's other languages, e.g. {uk: Соледар}: pages in that language show "
        "it; its address stays that of `place`.",
    )
    sources: list[str] = sources_field()

    def name_in(self, language: str) -> str | None:
        """The place's name on a page in `language`: its name there when the record gives one, else `place`."""
        return self.names.get(language, self.place) if self.place else None

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
    def _region(cls, value: str | None, info: ValidationInfo) -> str | None:
        country = info.data.get("country")
        aliases = _aliases(info, country)
        if value is not None and country and regions.resolve_region(country, value, aliases) is None:
            hint = regions.suggest_region(country, value, aliases)
            if hint or not value.strip():
                raise PydanticCustomError(
                    "admin1",
                    "'{value}' is not a region of {country} in ISO 3166-2 ({hint})",
                    {"value": value, "country": country, "hint": hint or "give the region"},
                )
        return value

    @model_validator(mode="after")
    def _archive_names(self, info: ValidationInfo) -> Location:
        """The region as the archive names and spells it (archive.yaml's `regions`), when it does."""
        config = (info.context or {}).get("config")
        if config is not None and self.admin1 is not None and config.regions:
            found = regions.resolve_region(self.country, self.admin1, config.region_aliases(self.country))
            setting = config.regions.get(found.code) if found else None
            if found is not None:
                self._named_region = regions.Region(
                    found.code, setting.name if setting and setting.name else found.name
                )
        return self

    @model_validator(mode="after")
    def _country_only(self) -> Location:
        if self.precision is Precision.country:
            given = [name for name in ("admin1", "admin2", "place") if getattr(self, name)]
            if given:
                raise PydanticCustomError(
                    "precision",
                    "`precision: country` means only the country is known, but {given} is given (leave it out, or "
                    "give the precision it allows)",
                    {"given": " and ".join(f"`{name}`" for name in given), "field": given[0]},
                )
        elif self.admin1 is None:
            raise PydanticCustomError(
                "region_missing",
                "the region is missing (give `admin1`; when only the country is known, write `precision: country`)",
                {"field": "admin1"},
            )
        return self

    @property
    def country_only(self) -> bool:
        """Known only to its country: shown, listed and downloaded under the country, with no region."""
        return self.admin1 is None

    @property
    def region(self) -> regions.Region:
        """The region; for a place known only to its country, the country (its code and name)."""
        if self.admin1 is None:
            return regions.Region(self.country, regions.country_name(self.country) or self.country)
        if self._named_region is not None:
            return self._named_region
        found = regions.resolve_region(self.country, self.admin1)
        return found or regions.Region(f"{self.country}-{self.admin1}", self.admin1)
