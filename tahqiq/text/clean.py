"""Display text of an article: the words as written, without the page around them.

Cleaning only removes things (encoding junk, page furniture, extra blank lines); it never rewrites
Arabic, so every character of the body is a character the outlet published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tahqiq.reference import REFERENCE_DIR
from tahqiq.text.normalize import normalize_text

PAGE_FURNITURE_FILE = REFERENCE_DIR / "page_furniture.txt"

# BOM, zero-width and bidi controls: invisible, and they break matching and offsets downstream.
_INVISIBLE_JUNK = re.compile("[\ufeff\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\u00ad]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PUNCTUATION_OR_SYMBOL = re.compile(r"[^\w\s]|_")
_TITLE_MAX_CHARS = 150
# Furniture lines are short; longer lines are checked for a furniture prefix only.
_LONG_LINE_CHARS = 120
_PREFIX_WINDOW_CHARS = 40
_TITLE_FINAL_STOPS = (".", ":", "،", ",", "…")


@dataclass(frozen=True)
class PageFurniture:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    single_words: frozenset[str]

    def matches(self, line: str) -> bool:
        if len(line) > _LONG_LINE_CHARS:
            # Only a "read also: <title>" prefix can make a long line furniture; skip normalizing it all.
            return furniture_key(line[:_PREFIX_WINDOW_CHARS]).startswith(self.prefixes)
        key = furniture_key(line)
        if not key:
            return False
        if key in self.exact or key.startswith(self.prefixes):
            return True
        words = key.split()
        return len(words) > 1 and all(word in self.single_words for word in words)


def furniture_key(line: str) -> str:
    """Matching form of a line for furniture lookup: normalized, punctuation and symbols removed."""
    return " ".join(_PUNCTUATION_OR_SYMBOL.sub(" ", normalize_text(line)).split())


@lru_cache(maxsize=4)
def load_page_furniture(path: Path = PAGE_FURNITURE_FILE) -> PageFurniture:
    exact: set[str] = set()
    prefixes: list[str] = []
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        phrase = raw_line.strip()
        if not phrase or phrase.startswith("#"):
            continue
        if phrase.endswith("*"):
            prefixes.append(furniture_key(phrase[:-1]))
        else:
            exact.add(furniture_key(phrase))
    single_words = frozenset(p for p in exact if " " not in p)
    return PageFurniture(frozenset(exact), tuple(p for p in prefixes if p), single_words)


def normalize_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_invisible_junk(text: str) -> str:
    return _CONTROL_CHARS.sub("", _INVISIBLE_JUNK.sub("", text))


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _looks_like_title(line: str) -> bool:
    return len(line) < _TITLE_MAX_CHARS and not line.endswith(_TITLE_FINAL_STOPS)


def clean_body(
    text: str, title_from_first_line: bool = True, known_title: str | None = None
) -> tuple[str | None, str]:
    """(title or None, body display text) of raw article text.

    With `title_from_first_line` (plain-text files), a short first line without a final stop is the
    title and the body excludes it. A first body line that repeats `known_title` is dropped too.
    """
    furniture = load_page_furniture()
    lines = [line.strip() for line in strip_invisible_junk(normalize_line_endings(text)).split("\n")]
    kept = _collapse_blank_lines([line for line in lines if not line or not furniture.matches(line)])

    title: str | None = None
    first_content = [i for i, line in enumerate(kept) if line]
    if title_from_first_line and len(first_content) > 1 and _looks_like_title(kept[first_content[0]]):
        title = kept[first_content[0]]
        kept = kept[first_content[0] + 1 :]
    elif known_title and first_content and _same_text(kept[first_content[0]], known_title):
        kept = kept[first_content[0] + 1 :]
    kept = _collapse_blank_lines(kept)
    while kept and not kept[0]:
        kept.pop(0)
    return title, "\n".join(kept)


def _same_text(a: str, b: str) -> bool:
    return furniture_key(a) == furniture_key(b)
