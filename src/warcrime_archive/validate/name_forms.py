"""Names as the name check compares them: each word of a text, and each part of a person's name, folded to one
form whatever its script, case, diacritics or transliteration.

A word is transliterated to ASCII (`anyascii`: Cyrillic, Greek, Latin with diacritics and the rest) and lower-cased
(an apostrophe, as `ь` becomes, is read both as a break and as nothing), then folded so that the usual
romanisations of one Slavic name meet: `kh`/`h`, `x`/`ks`, `g`/`h`, `ts`/`c`, `y`/`i`/`j`, `w`/`v`, `ph`/`f`,
doubled letters, and `ie`/`ia`/`iu`/`io` after a consonant or starting a word (`є`, `я`, `ю`, `ё`: Yevhen, Ievgen
and Evgen meet). Олександр Мацієвський, Oleksandr Matsiievskyi and Aleksandr Matsievskiy then share their
surname's form; so do Тимофій and Tymofii.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from anyascii import anyascii

MIN_ALONE = 3
"""A name part of fewer letters (when folded) is found only within the whole name: an initial (`A.`), a particle
(`de`, `al`) or a short name (`Li`) alone would match too much other text."""

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9]+")
_FOLDS = (
    ("shch", "sc"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("ts", "c"),
    ("tz", "c"),
    ("x", "ks"),
    ("w", "v"),
    ("q", "k"),
    ("g", "h"),
    ("y", "i"),
    ("j", "i"),
)
_DOUBLE = re.compile(r"([a-z])\1+")
_SOFT_VOWEL = re.compile(r"(?<=[^aeiou])i(?=[aeou])|^i(?=[aeou][a-z]{2})")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """One word (already ASCII, lower case, letters and digits) in its folded form: 'matsiievskyi' -> 'macevski'."""
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = _DOUBLE.sub(r"\1", word)
    return _SOFT_VOWEL.sub("", word)


def words(text: str) -> list[str]:
    """The folded words of a text, in order: any script, any case; URL-encoded text decoded, and words run together in
    camel case (`IvanPetrenko`) split. An apostrophe inside a word separates it (`Testenko's`), and the word without
    it follows at the end (a soft sign, `Мацієвський` -> `Matsiievs'kiy`)."""
    if "%" in text:
        text = unquote(text)
    ascii_text = _CAMEL.sub(" ", anyascii(text)).lower()
    found = [fold(w) for w in _WORD.findall(ascii_text)]
    if _APOSTROPHES.search(ascii_text):
        found += [w for w in (fold(w) for w in _WORD.findall(_APOSTROPHES.sub("", ascii_text))) if w not in found]
    return found


def parts(name: str) -> list[str]:
    """The folded parts of a person's name, in order; an apostrophe inside a part is dropped (`O'Brien`,
    `Мацієвський`)."""
    ascii_name = _APOSTROPHES.sub("", _CAMEL.sub(" ", anyascii(unquote(name) if "%" in name else name))).lower()
    return [fold(w) for w in _WORD.findall(ascii_name)]


@dataclass(frozen=True)
class Name:
    """A name as the check looks for it: its folded parts, those found alone, and the parts run together."""

    parts: tuple[str, ...]
    alone: frozenset[str]
    joined: str

    @classmethod
    def of(cls, name_parts: list[str]) -> Name:
        return cls(tuple(name_parts), frozenset(p for p in name_parts if len(p) >= MIN_ALONE), "".join(name_parts))

    def in_words(self, text_words: list[str], word_set: frozenset[str] | set[str]) -> bool:
        """Whether a text (its folded words, and the same as a set) holds the name: any one part of at least
        `MIN_ALONE` letters as a whole word, the whole name as consecutive words, or run together in one word."""
        if not self.parts:
            return False
        if not self.alone.isdisjoint(word_set) or self.joined in word_set:
            return True
        if self.parts[0] not in word_set:
            return False
        n = len(self.parts)
        return any(tuple(text_words[i : i + n]) == self.parts for i in range(len(text_words) - n + 1))


def find(text_words: list[str], name_parts: list[str]) -> bool:
    """Whether a text (its folded words) holds the name (`Name.in_words`)."""
    return Name.of(name_parts).in_words(text_words, set(text_words))
