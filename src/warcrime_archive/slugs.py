"""Turn names into URL path segments that are stable, readable and safe.

Text in any script is transliterated to ASCII (`anyascii`: 'Соледар' -> 'soledar', 'الجغرافي' ->
'ljghrfy'), so an address is readable and never a hash of the name. `former_slug` is how addresses were made
before (non-Latin text gave a hash): the site keeps a redirect from each such address that changed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii

_NON_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile("[’ʼ]")  # dropped, as before (an ASCII ' still separates words, as it always did)


def slugify(text: str, *, max_length: int = 60) -> str:
    """'Zaporizhzhia Oblast' -> 'zaporizhzhia-oblast', 'Соледар' -> 'soledar'; a short hash only for text with
    nothing to transliterate (emoji alone, say)."""
    ascii_text = "".join(
        ch if ch.isascii() else anyascii(ch).replace("'", "")  # a soft sign is "'" in anyascii: no separator
        for ch in unicodedata.normalize("NFC", _APOSTROPHES.sub("", text))
    )
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")[:max_length].strip("-")
    return slug or short_hash(text)


def former_slug(text: str, *, max_length: int = 60) -> str:
    """The slug this text had before transliteration (diacritics dropped, anything else non-Latin hashed)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")[:max_length].strip("-")
    return slug or short_hash(text)


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]
