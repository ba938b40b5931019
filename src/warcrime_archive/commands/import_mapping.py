"""The mapping file of `warcrime-archive import`: how the columns of a CSV (or the keys of a JSON) export become the
fields of a record, and the transforms a real export needs (dates such as MM/DD/YYYY, numbers written as text,
lists in one cell, constants, lookups to the archive's vocabularies). Documented in docs/editing.md."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

DATE_FORMATS = {"YYYY-MM-DD": "%Y-%m-%d", "MM/DD/YYYY": "%m/%d/%Y", "DD/MM/YYYY": "%d/%m/%Y", "DD.MM.YYYY": "%d.%m.%Y"}


class Spec(BaseModel):
    """Where one value comes from: a column (or JSON key), or a constant, and how it is transformed."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    column: str | None = Field(None, description="The column (CSV) or key (JSON) holding the value.")
    value: str | int | float | bool | None = Field(None, description="A constant, the same for every row.")
    date_format: str | None = Field(None, description="The column's date format: " + ", ".join(DATE_FORMATS) + ".")
    number: bool = Field(False, description="The cell is a number written as text (e.g. coordinates, counts).")
    split: str | None = Field(None, description="The cell is a list, its items separated by this text (e.g. ';').")
    lookup: dict[str, str] | None = Field(
        None, description="Cell text -> value (e.g. a vocabulary key); a cell not in it is a problem of its row."
    )
    default: str | None = Field(None, description="The value when the cell is empty.")
    derived: Literal["url", "host"] | None = Field(
        None, alias="from", description="For a source: its title or outlet made from its own URL (url, host)."
    )


class Group(BaseModel):
    """One group of victims of each row: fixed harm and status, the count from a column."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    harm: str = Field(description="killed | wounded | tortured | ill-treated | missing.")
    status: str = Field(description="A key of `victim_statuses` in archive.yaml.")
    side: str | None = Field(None, description="A key of `sides`, or none when unknown.")
    count: Spec = Field(description="The count: empty is unknown (null); 0 means this group is not in the row.")


class SourceSpec(BaseModel):
    """The row's sources: one for each URL of its URL cell."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: Spec = Field(description="The source URLs (usually with `split`).")
    title: Spec = Field(description="The title (or `from: url`).")
    outlet: Spec = Field(description="The outlet (or `from: host`).")
    type: Spec = Field(description="news-article | video | social-media-post | official-statement | report | ...")
    published: Spec | None = Field(None, description="When it was published.")
    platform: Spec | None = Field(None, description="The platform of a post.")
    account: Spec | None = Field(None, description="The account or channel of a post.")


class Mapping(BaseModel):
    """A mapping file (YAML)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["csv", "json"] | None = Field(None, description="csv or json; default: from the file's suffix.")
    delimiter: str = Field(",", description="The CSV's delimiter.")
    id: Spec = Field(description="The record id's column; it is made lowercase with hyphens.")
    id_prefix: str = Field("", description="Put before every id, e.g. the data set's short name.")
    record: dict[str, Spec] = Field(
        description="A record field, as a dotted path (title, date, location.admin1, verification.status...) -> where "
        "its value comes from. Every claim the row makes gets the row's sources."
    )
    alleged_perpetrators: Spec | None = Field(
        None, description="The sides alleged responsible (keys of `sides`, usually with `lookup` and `split`)."
    )
    not_attributed: bool = Field(
        False,
        description="The data set does not attribute incidents: a row with no side is 'not attributed' "
        "(`alleged_perpetrators: []`). Without it, such a row is a problem.",
    )
    victims: list[Group] = Field(default_factory=list, description="The groups of victims of each row.")
    no_casualties: Spec | None = Field(
        None, description="A cell that, when true ('true', 'yes', '1'), says the sources report no casualties."
    )
    damage: Spec | None = Field(None, description="The kinds of damaged object (keys of `object_kinds`).")
    sources: SourceSpec = Field(description="The row's sources.")
    withheld: list[str] = Field(
        default_factory=list, description="URL cells that stand for a withheld source (e.g. HIDDEN): left out."
    )
    add_scheme: Literal["https", "http"] | None = Field(
        None, description="Put this scheme before a source URL without one (www.example.org/a)."
    )


def read_mapping(path: Path) -> Mapping:
    """The mapping file, or a ValueError saying what is wrong with it."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
        return Mapping.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{path}: {where}: {first['msg']} ({exc.error_count()} problem(s))") from None
