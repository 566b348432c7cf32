"""Tokens of a normalized text with their offsets: the word tokens the people, count, weapon and
head-noun rules read, and the letter-and-digit runs the gazetteers compare phrases on."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from tahqiq.text.normalize import NormalizedText

# Numbers keep their thousands separators (10,000); words are letter runs; anything else is one char.
_TOKEN = re.compile(r"\d+(?:[.,٬]\d{3})*(?:\.\d+)?|[^\W\d_]+|\S")
# A gazetteer phrase never matches inside a longer word: it is compared on whole letter/digit runs.
_LETTER_DIGIT_RUN = re.compile(r"[^\W_]+")
CLITIC_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
SENTENCE_END = frozenset({".", "!", "?", ";", "\n"})


class Token(NamedTuple):
    text: str  # matching form
    start: int  # offsets into NormalizedText.text
    end: int


_TOKEN_OR_NEWLINE = re.compile(r"\n|" + _TOKEN.pattern)
# With the whole pattern as its one group, split() alternates gaps and tokens: [gap, token, gap, ...].
_SPLIT_WORD_TOKENS = re.compile(f"({_TOKEN_OR_NEWLINE.pattern})")
_SPLIT_LETTER_DIGIT_RUNS = re.compile(f"({_LETTER_DIGIT_RUN.pattern})")


def _split_tokens(splitter: re.Pattern[str], text: str) -> tuple[Token, ...]:
    """The tokens `splitter` separates, offsets summed from the part lengths (no match object each)."""
    parts = splitter.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return tuple(map(Token, parts[1::2], offsets[1:-1:2], offsets[2::2]))


def tokenize(nt: NormalizedText) -> tuple[Token, ...]:
    """Tokens of `nt.text`; a newline is kept as its own token because it ends a sentence."""
    return _tokenize_text(nt.text)


def tokenize_text(text: str) -> tuple[Token, ...]:
    """Tokens of an already normalized string."""
    return _tokenize_text(text)


@lru_cache(maxsize=8)  # the people, count, weapon and head-noun finders tokenize the same article in turn
def _tokenize_text(text: str) -> tuple[Token, ...]:
    return _split_tokens(_SPLIT_WORD_TOKENS, text)


@lru_cache(maxsize=8)  # every gazetteer (organizations, places, event cues) reads the same article
def letter_digit_runs(text: str) -> tuple[Token, ...]:
    """Maximal runs of letters and digits: what gazetteer phrases and texts are compared on."""
    return _split_tokens(_SPLIT_LETTER_DIGIT_RUNS, text)


@lru_cache(maxsize=65536)
def clitic_variants(word: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, rest) for the word itself and for each proclitic reading of it.

    `لل` + noun is ل + the article with its alef dropped, so it is read back as `ال` + noun.
    """
    variants = [(0, word)]
    if word.startswith("لل") and len(word) > 4:
        variants.append((1, "ا" + word[1:]))
    for prefix in CLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            variants.append((len(prefix), word[len(prefix) :]))
    return tuple(variants)


def written_last(nt: NormalizedText, token: Token) -> str:
    """A token's last letter as written: the matching form writes ة as ه and ى as ي, the text does not
    (بلده is بلد + "his", بلدة a town)."""
    return nt.display[nt.origin[token.end - 1]]


def display_span(nt: NormalizedText, start: int, end: int) -> tuple[int, int, str]:
    """Display offsets and surface for a span of the normalized text."""
    d_start, d_end = nt.to_display_span(start, end)
    return d_start, d_end, nt.display[d_start:d_end]
