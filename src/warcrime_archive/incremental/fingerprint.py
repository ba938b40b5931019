"""Page fingerprints: a digest of everything a page's HTML is made from, so an unchanged page is not rendered again.

A page's HTML is a pure function of its template (with the templates it extends, includes and imports),
its `Page` (kind, URL, title and context) and the environment's globals (settings, navigation, language,
the code). `Fingerprinter.page` digests exactly those: the page object is pickled, each catalog node in it
(an incident's entry, a place, a source, an outlet, a term) is replaced by the digest of its own pickle,
worked out once per build however many lists it appears in; pydantic models are pickled as their
JSON. So the digest is the same in every process, as long as the context holds no set (pickled in hash
order, which differs between processes: the page would then be rendered again each time, never wrongly).
Anything that cannot be pickled makes the page's fingerprint None: such a page is always rendered.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Iterable
from types import FunctionType, MappingProxyType, ModuleType
from typing import Any

import jinja2
import jinja2.meta
from pydantic import BaseModel

from warcrime_archive.catalog.nodes import Entry, OutletNode, PlaceNode, SourceNode, TermNode
from warcrime_archive.incremental import code
from warcrime_archive.write.kept import Fingerprints

NODES = (Entry, PlaceNode, SourceNode, OutletNode, TermNode)
"""Objects shared by many pages: digested once each and named by their digest in the pages that show them."""


def _model(digest: str) -> None:
    """Stands for a pydantic model in a fingerprint's pickle (never unpickled)."""


def _function(name: str, cells: tuple) -> None:
    """Stands for a function in a fingerprint's pickle (never unpickled)."""


def _node(digest: str) -> None:
    """Stands for a catalog node, by its digest, in a fingerprint's pickle (never unpickled)."""


def _given(digest: str) -> None:
    """Stands for a value by a digest of what it is made from (`use_digest`) in a fingerprint's pickle (never
    unpickled)."""


def _mapping(items: tuple) -> None:
    """Stands for a read-only mapping in a fingerprint's pickle (never unpickled)."""


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, owner: Fingerprinter, root: object) -> None:
        super().__init__(file, protocol=5)
        # No memo: with it, a value seen twice is written the second time as a back-reference, so the bytes
        # would depend on which equal values happen to be the same object (a string read from the record
        # cache or parsed anew), not only on the values.
        self.fast = True
        self.owner = owner
        self.root = root

    def reducer_override(self, obj: Any) -> Any:  # noqa: ANN401 - pickle's own signature
        # Called for every object but those of the built-in types, which pickle writes itself, fast.
        given = self.owner.given.get(id(obj))
        if given is not None:
            return _given, (given,)
        if isinstance(obj, NODES) and obj is not self.root:
            return _node, (self.owner.node(obj),)
        if isinstance(obj, BaseModel):
            return _model, (self.owner.model(obj),)
        if isinstance(obj, FunctionType) and (obj.__closure__ or "<" in obj.__qualname__):
            # code (which `code.version` covers) that pickle cannot name, and the values it closes over
            cells = tuple(cell.cell_contents for cell in obj.__closure__ or ())
            return _function, (f"{obj.__module__}.{obj.__qualname__}", cells)
        if isinstance(obj, MappingProxyType):
            return _mapping, (tuple(obj.items()),)
        return NotImplemented


class Fingerprinter(Fingerprints):
    """The fingerprints of the files of one build (`write.kept.Fingerprints`): of its pages, sharing the digests of
    the catalog nodes they show, of each record's own files, of the search index's shards; and of `once`'s
    fragments (`kept_fragments`)."""

    def __init__(self, env: jinja2.Environment, salt: Iterable[object]) -> None:
        self.env = env
        self.nodes: dict[int, str] = {}
        self.models: dict[int, str] = {}
        self.given: dict[int, str] = {}  # id(value) -> the digest that stands for it (`use_digest`)
        self.keep: list[object] = []
        self.every_template: str | None = None
        self.templates: dict[str, str] = {}
        self.salt = self.digest(("salt", code.version(), tuple(salt), self._globals()))

    def _globals(self) -> tuple:
        """Every global a template can read, besides the functions (which are code)."""
        return tuple(
            sorted(
                (name, value)
                for name, value in self.env.globals.items()
                if not callable(value) and not isinstance(value, ModuleType)
            )
        )

    def digest(self, value: object) -> str:
        """The SHA-256 of `value`'s fingerprint pickle; raises when it cannot be pickled."""
        buffer = io.BytesIO()
        _Pickler(buffer, self, value).dump(value)
        return hashlib.sha256(buffer.getbuffer()).hexdigest()

    def node(self, node: object) -> str:
        known = self.nodes.get(id(node))
        if known is None:
            known = self.nodes[id(node)] = self.digest(node)
            self.keep.append(node)  # alive while its id is a key
        return known

    def use_digest(self, value: object, digest: str) -> None:
        """Let `digest` stand for `value` in every fingerprint: the digest of everything `value` is made from
        (`kept_parts` gives each incident's parts by its key), cheaper than pickling the value itself.
        `value` must not be of a built-in type (pickle writes those itself)."""
        self.given[id(value)] = digest
        self.keep.append(value)  # alive while its id is a key

    def model(self, model: BaseModel) -> str:
        """A digest of a pydantic model's JSON (pydantic's own serialiser: every field, in order)."""
        known = self.models.get(id(model))
        if known is None:
            cls = type(model)
            data = f"{cls.__module__}.{cls.__qualname__}\0".encode() + model.model_dump_json().encode()
            known = self.models[id(model)] = hashlib.sha256(data).hexdigest()
            self.keep.append(model)  # alive while its id is a key
        return known

    def template(self, name: str) -> str:
        """A digest of a template's source and of every template it extends, includes or imports."""
        known = self.templates.get(name)
        if known is not None:
            return known
        self.templates[name] = "(cycle)"
        source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]  # the environment is made with a loader
        digest = hashlib.sha256(f"{name}\0{filename}\0{source}\0".encode())
        for referenced in sorted(jinja2.meta.find_referenced_templates(self.env.parse(source)), key=str):
            if referenced is None:  # a name worked out while rendering: depend on every template
                for other in sorted(self.env.list_templates()):
                    digest.update(self._source(other))
            else:
                digest.update(self.template(referenced).encode())
        self.templates[name] = digest.hexdigest()
        return self.templates[name]

    def _source(self, name: str) -> bytes:
        source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]  # the environment is made with a loader
        return f"{name}\0{filename}\0{source}\0".encode()

    def fragment(self, parts: tuple) -> str | None:
        """The digest of a fragment rendered by `once` with these key parts, or None (it is then not kept):
        the parts' values, every template (the fragment's body may be in any of them) and the salt."""
        if self.every_template is None:
            digest = hashlib.sha256()
            for name in sorted(self.env.list_templates()):
                digest.update(self._source(name))
            self.every_template = digest.hexdigest()
        try:
            return self.digest(("fragment", self.salt, self.every_template, parts))
        except (pickle.PicklingError, TypeError, ValueError, AttributeError, RecursionError):
            return None

    def record_files(self, entry: Entry) -> str:
        """A record's own files depend on that record and the settings only."""
        return self.digest(("record files", self.salt, entry))

    def search_shard(self, pages: list[tuple[str, str]]) -> str:
        """A shard of the search index depends on its marked pages' bytes and the code (Pagefind's too) only."""
        digest = hashlib.sha256(code.version().encode() + b"\0")
        for relative, sha256 in pages:
            digest.update(f"{relative}\0{sha256}\0".encode())
        return "search:" + digest.hexdigest()

    def page(self, page: object) -> str | None:
        """The page's fingerprint, or None when it cannot be worked out (the page is then always rendered)."""
        templates = getattr(page, "templates", ())
        try:
            chosen = self.env.select_template(list(templates)).name
            assert chosen is not None
            return self.digest((self.salt, self.template(chosen), page))
        except (pickle.PicklingError, TypeError, ValueError, AttributeError, jinja2.TemplateNotFound, RecursionError):
            return None
