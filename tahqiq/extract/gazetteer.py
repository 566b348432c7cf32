"""Longest-match phrase lookup over normalized text, tolerant of Arabic proclitics and one-letter typos.

Phrases and text are compared token by token (a token is a run of letters or digits), so a phrase
never matches inside a longer word: "الشامي" (a nisba) does not contain the place "الشام".
A text token may carry the proclitics و/ف then ب/ل/ك ("وبالرقة", "للتحالف" = ل + التحالف);
the match then starts after them, so the surface begins at the name itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

TOKEN_RE = re.compile(r"[^\W_]+")
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
# Only these may stand between two tokens of one phrase ("تل أبيض", "غازي-عنتاب").
PHRASE_GAP_RE = re.compile(r"[ \-]*")
MIN_STEM_LETTERS = 2


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    tokens: tuple[str, ...]
    payload: Any
    fuzzy: bool


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in the text: [start, end) in the normalized text, clitics excluded."""

    start: int
    end: int
    first_token: int
    last_token: int
    entry: Entry
    distance: int

    @property
    def n_tokens(self) -> int:
        return self.last_token - self.first_token + 1


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def clitic_forms(word: str) -> list[tuple[str, int]]:
    """The word and its readings without proclitics, each with how many letters were cut."""
    forms = [(word, 0)]
    stem, cut = word, 0
    if stem[0] in CONJUNCTIONS and len(stem) > MIN_STEM_LETTERS:
        stem, cut = stem[1:], 1
        forms.append((stem, cut))
    if stem[0] in PREPOSITIONS and len(stem) > MIN_STEM_LETTERS:
        bare = stem[1:]
        forms.append((bare, cut + 1))
        if stem.startswith("لل"):
            # ل + ال is written لل: the article's alef is gone, the name starts at the second lam.
            forms.append(("ا" + bare, cut + 1))
    return forms


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Gazetteer:
    """Phrases (already in matching form) mapped to payloads; `find` returns leftmost-longest matches.

    `fuzzy_min_letters`: phrases with at least this many letters also match with one edit
    (insertion, deletion or substitution) in one token of at least `fuzzy_min_token_letters` letters.
    """

    def __init__(
        self,
        phrases: Iterable[tuple[str, Any]],
        fuzzy_min_letters: int | None = None,
        fuzzy_min_token_letters: int = 4,
    ) -> None:
        self.fuzzy_min_token_letters = fuzzy_min_token_letters
        self._by_first: dict[str, list[Entry]] = {}
        self._fuzzy_by_token: dict[str, list[tuple[Entry, int]]] = {}
        self._fuzzy_single: dict[str, list[Entry]] = {}
        seen: set[str] = set()
        for phrase, payload in phrases:
            tokens = tuple(t.text for t in tokenize(phrase))
            if not tokens:
                continue
            key = " ".join(tokens)
            if key in seen:
                continue
            seen.add(key)
            letters = sum(len(t) for t in tokens)
            entry = Entry(
                key, tokens, payload, fuzzy_min_letters is not None and letters >= fuzzy_min_letters
            )
            self._by_first.setdefault(tokens[0], []).append(entry)
            if not entry.fuzzy:
                continue
            if len(tokens) == 1:
                for variant in _deletions(tokens[0]) | {tokens[0]}:
                    self._fuzzy_single.setdefault(variant, []).append(entry)
            else:
                # With one edit in all, at least one token matches exactly: index by every token.
                for position, token in enumerate(tokens):
                    self._fuzzy_by_token.setdefault(token, []).append((entry, position))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e.tokens))

    def find(self, text: str) -> list[Match]:
        tokens = tokenize(text)
        best_at: dict[int, Match] = {}
        for i, token in enumerate(tokens):
            for form, cut in clitic_forms(token.text):
                self._exact_at(text, tokens, i, form, cut, best_at)
                if self._fuzzy_by_token or self._fuzzy_single:
                    self._fuzzy_at(text, tokens, i, form, cut, best_at)
        return self._leftmost_longest(best_at, len(tokens))

    @staticmethod
    def _keep(best_at: dict[int, Match], match: Match) -> None:
        current = best_at.get(match.first_token)
        if current is None or (match.n_tokens, -match.distance, match.start) > (
            current.n_tokens,
            -current.distance,
            current.start,
        ):
            best_at[match.first_token] = match

    @staticmethod
    def _joined(text: str, tokens: list[Token], first: int, last: int) -> bool:
        return all(
            PHRASE_GAP_RE.fullmatch(text, tokens[k].end, tokens[k + 1].start) for k in range(first, last)
        )

    def _exact_at(self, text: str, tokens: list[Token], i: int, form: str, cut: int, best_at) -> None:
        for entry in self._by_first.get(form, ()):
            last = i + len(entry.tokens) - 1
            if last >= len(tokens):
                continue
            if all(
                tokens[i + k].text == entry.tokens[k] for k in range(1, len(entry.tokens))
            ) and self._joined(text, tokens, i, last):
                self._keep(best_at, Match(tokens[i].start + cut, tokens[last].end, i, last, entry, 0))
                return  # entries are longest first

    def _fuzzy_at(self, text: str, tokens: list[Token], i: int, form: str, cut: int, best_at) -> None:
        if len(form) >= self.fuzzy_min_token_letters:
            for variant in _deletions(form) | {form}:
                for entry in self._fuzzy_single.get(variant, ()):
                    distance = Levenshtein.distance(form, entry.tokens[0], score_cutoff=1)
                    if distance == 1:
                        self._keep(best_at, Match(tokens[i].start + cut, tokens[i].end, i, i, entry, 1))
        for entry, position in self._fuzzy_by_token.get(form, ()):
            if cut and position != 0:
                continue  # proclitics only stand on a phrase's first word
            first = i - position
            last = first + len(entry.tokens) - 1
            if first < 0 or last >= len(tokens) or not self._joined(text, tokens, first, last):
                continue
            distance, start = self._phrase_distance(tokens, first, entry, position, cut)
            if distance == 1:
                self._keep(best_at, Match(start, tokens[last].end, first, last, entry, 1))

    def _phrase_distance(self, tokens: list[Token], first: int, entry: Entry, anchor: int, anchor_cut: int):
        total = 0
        start = tokens[first].start + (anchor_cut if anchor == 0 else 0)
        for k, expected in enumerate(entry.tokens):
            if k == anchor:
                continue
            if k == 0:
                best = 2
                for form, cut in clitic_forms(tokens[first].text):
                    d = self._token_distance(form, expected)
                    if d < best:
                        best, start = d, tokens[first].start + cut
                total += best
            else:
                total += self._token_distance(tokens[first + k].text, expected)
            if total > 1:
                return 2, start
        return total, start

    def _token_distance(self, actual: str, expected: str) -> int:
        if actual == expected:
            return 0
        if len(expected) < self.fuzzy_min_token_letters:
            return 2
        return (
            Levenshtein.distance(actual, expected, score_cutoff=1)
            if abs(len(actual) - len(expected)) <= 1
            else 2
        )

    @staticmethod
    def _leftmost_longest(best_at: dict[int, Match], n_tokens: int) -> list[Match]:
        chosen: list[Match] = []
        i = 0
        while i < n_tokens:
            match = best_at.get(i)
            if match is None:
                i += 1
                continue
            chosen.append(match)
            i = match.last_token + 1
        return chosen
