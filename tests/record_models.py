"""The models of the record format, wherever in model/ they are defined: for the tests that every field is
described, documented and in the scaffold."""

import typing

from pydantic import BaseModel

from warcrime_archive.model.record import Incident


def _inner(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _inner(arg)]


def record_models() -> list[type[BaseModel]]:
    """Incident and every model its fields hold, at any depth, each once, in the order they are first reached."""
    found: list[type[BaseModel]] = [Incident]
    for model in found:  # grows as it goes
        for field in model.model_fields.values():
            found += [inner for inner in _inner(field.annotation) if inner not in found]
    return found
