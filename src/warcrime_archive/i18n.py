"""Interface text in the site's language: gettext catalogs (.po, compiled in memory) for templates and code.

English is the source language: its messages are the msgids, so it needs no catalog. Any other language
needs `locales/<language>/LC_MESSAGES/messages.po`, in the archive's own folder (tried first) or shipped
with warcrime-archive. Every message is listed in the committed `locales/messages.pot`; see
docs/translating.md.
"""

from __future__ import annotations

import gettext as gettext_module
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from warcrime_archive import layout

SOURCE_LANGUAGE = "en"
DOMAIN = "messages"
PACKAGED = layout.PACKAGED_LOCALES

_ENGLISH = gettext_module.NullTranslations()
_active: ContextVar[gettext_module.NullTranslations | None] = ContextVar("translations", default=None)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (for module-level constants)."""
    return message


def gettext(message: str) -> str:
    """`message` in the active language."""
    return (_active.get() or _ENGLISH).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the active language."""
    return (_active.get() or _ENGLISH).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the active language, where the same English words need another translation in `context`."""
    return (_active.get() or _ENGLISH).pgettext(context, message)


def locale_dirs(root: Path | None) -> list[Path]:
    """Where catalogs are looked for: the archive's own `locales/`, then the shipped one."""
    own = [root / "locales"] if root is not None and (root / "locales").is_dir() else []
    return [*own, PACKAGED]


def is_source(language: str) -> bool:
    """English, in any variant ('en', 'en-GB'), is the source language."""
    return language.split("-")[0] == SOURCE_LANGUAGE


def catalog_path(root: Path | None, language: str) -> Path | None:
    """The .po file for `language` (or for its primary subtag, e.g. 'pt' for 'pt-BR'), or None."""
    for name in dict.fromkeys([language, language.split("-")[0]]):
        for folder in locale_dirs(root):
            path = folder / name / "LC_MESSAGES" / f"{DOMAIN}.po"
            if path.is_file():
                return path
    return None


def available(root: Path | None) -> list[str]:
    """Every language the site can be built in: English and each language with a catalog."""
    found = {po.parent.parent.name for folder in locale_dirs(root) for po in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return [SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE})]


def load(root: Path | None, language: str) -> gettext_module.NullTranslations:
    """The translations for `language`: its .po file compiled in memory, or none for English.

    Raises LookupError when there is no catalog (validation reports that before any build)."""
    if is_source(language):
        return gettext_module.NullTranslations()
    path = catalog_path(root, language)
    if path is None:
        raise LookupError(language)
    with path.open("rb") as po:
        catalog = read_po(po, locale=None, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext_module.GNUTranslations(compiled)


@contextmanager
def activated(translations: gettext_module.NullTranslations) -> Iterator[None]:
    """Make `translations` the active language for gettext/ngettext (and the templates) inside the block."""
    token = _active.set(translations)
    try:
        yield
    finally:
        _active.reset(token)


UNKNOWN_LANGUAGE = "und"
"""ISO 639's code for a language not recorded."""


@lru_cache(maxsize=256)
def _locale(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return None


def direction(tag: str) -> str:
    """'rtl' or 'ltr' for a language's usual script ('ar' -> 'rtl'); 'auto' (the browser decides by the text)
    for a language not recorded or not known to the CLDR."""
    locale = None if tag == UNKNOWN_LANGUAGE else _locale(tag)
    return "auto" if locale is None else locale.text_direction


def language_name(tag: str, in_language: str) -> str:
    """The name of a language in the language `in_language` ('uk' in English: 'Ukrainian'; 'en' in Ukrainian:
    'англійська'); 'not recorded' for 'und', the code itself for a language the CLDR does not know."""
    if tag == UNKNOWN_LANGUAGE:
        return gettext("not recorded")
    locale, words = _locale(tag), _locale(in_language) or _locale(SOURCE_LANGUAGE)
    if locale is None or words is None:
        return tag
    return locale.get_display_name(words) or tag
