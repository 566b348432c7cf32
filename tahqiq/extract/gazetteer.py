"""Longest-match phrase lookup over normalized text, tolerant of Arabic proclitics and one-letter typos.

Phrases and text are compared token by token (a token is a run of letters or digits), so a phrase
never matches inside a longer word: "الشامي" (a nisba) does not contain the place "الشام".
A text token may carry the proclitics و/ف then ب/ل/ك ("وبالرقة", "للتحالف" = ل + التحالف);
the match then starts after them, so the surface begins at the name itself; only ل fused with the
article (للتحالف) stays in the span, since cutting it would leave a non-word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any, NamedTuple

from rapidfuzz.distance import Levenshtein

from tahqiq.extract.tokens import Token
from tahqiq.extract.tokens import letter_digit_runs as tokenize

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
# Only these may stand between two tokens of one phrase ("تل أبيض", "غازي-عنتاب").
PHRASE_GAP_RE = re.compile(r"[ \-]*")
# ... and a quote, for phrases that name something inside them (قناة "المسيرة": normalized quotes are all ").
QUOTED_PHRASE_GAP_RE = re.compile(r'[ \-"]*')
MIN_STEM_LETTERS = 2
WORD_CACHE_SIZE = 1 << 16


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    tokens: tuple[str, ...]
    payload: Any
    fuzzy: bool
    group: Any = None


class WordLookup(NamedTuple):
    """What one reading of a text word (proclitics cut) can open in a gazetteer."""

    cut: int
    exact: list[Entry] | None  # phrases whose first word is this reading, longest first
    fuzzy_single: tuple[Entry, ...]  # one-word phrases one typo away from it
    fuzzy_anchored: list[tuple[Entry, int]] | None  # fuzzy phrases holding it at position 0 or 1


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


@lru_cache(maxsize=65536)
def clitic_forms(word: str) -> tuple[tuple[str, int], ...]:
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
            # ل + ال is written لل: the article's alef is gone and no cut leaves the name whole, so the
            # span keeps the whole word (للتحالف), not a non-word (لتحالف).
            forms.append(("ا" + bare, cut))
    return tuple(forms)


def one_typo_apart(actual: str, expected: str) -> bool:
    """One edit inside the word. An edit on its first or last letter is morphology rather than a typo
    ("الدول" is the plural of "الدولة", "التركي" the masculine of "التركية"), so it does not count."""
    return (
        actual[0] == expected[0]
        and actual[-1] == expected[-1]
        and abs(len(actual) - len(expected)) <= 1
        and Levenshtein.distance(actual, expected, score_cutoff=1) == 1
    )


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Gazetteer:
    """Phrases (already in matching form) mapped to payloads; `find` returns leftmost-longest matches.

    `fuzzy_min_letters`: phrases with at least this many letters also match with one edit
    (insertion, deletion or substitution) in one token of at least `fuzzy_min_token_letters` letters.
    `group(payload)`: phrases of different groups do not compete; each group gets its own
    leftmost-longest matches from the one scan of the text (a word can be a trigger and a cue at once).
    """

    def __init__(
        self,
        phrases: Iterable[tuple[str, Any]],
        fuzzy_min_letters: int | None = None,
        fuzzy_min_token_letters: int = 4,
        group: Callable[[Any], Hashable] | None = None,
        gap: re.Pattern[str] = PHRASE_GAP_RE,
    ) -> None:
        self.fuzzy_min_token_letters = fuzzy_min_token_letters
        self._gap = gap
        self._by_first: dict[str, list[Entry]] = {}
        self._fuzzy_by_token: dict[str, list[tuple[Entry, int]]] = {}
        self._fuzzy_single: dict[str, list[Entry]] = {}
        seen: set[tuple[Hashable, str]] = set()
        for phrase, payload in phrases:
            tokens = tuple(t.text for t in tokenize(phrase))
            if not tokens:
                continue
            key = " ".join(tokens)
            entry_group = group(payload) if group else None
            if (entry_group, key) in seen:
                continue
            seen.add((entry_group, key))
            letters = sum(len(t) for t in tokens)
            entry = Entry(
                key,
                tokens,
                payload,
                fuzzy_min_letters is not None and letters >= fuzzy_min_letters,
                entry_group,
            )
            self._by_first.setdefault(tokens[0], []).append(entry)
            if not entry.fuzzy:
                continue
            if len(tokens) == 1:
                for variant in _deletions(tokens[0]) | {tokens[0]}:
                    self._fuzzy_single.setdefault(variant, []).append(entry)
            else:
                # One edit in all leaves the first word exact (typo further on) or the second exact
                # (typo in the first word): two anchors cover every case.
                for position in (0, 1):
                    self._fuzzy_by_token.setdefault(tokens[position], []).append((entry, position))
        single_lengths = [len(entries[0].tokens[0]) for entries in self._fuzzy_single.values()]
        # A word one edit away from a fuzzy single-word alias is at most one letter shorter than it.
        self._fuzzy_single_min_letters = max(fuzzy_min_token_letters, min(single_lengths, default=0) - 1)
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e.tokens))
        # Most words of an article open no phrase; what a word can open depends on the word alone.
        self._lookups = lru_cache(maxsize=WORD_CACHE_SIZE)(self._word_lookups)

    def _word_lookups(self, word: str) -> tuple[WordLookup, ...]:
        """Each reading of `word` that can open a phrase, in the order `clitic_forms` gives them."""
        lookups = []
        for form, cut in clitic_forms(word):
            exact, anchored = self._by_first.get(form), self._fuzzy_by_token.get(form)
            singles: tuple[Entry, ...] = ()
            if self._fuzzy_single and len(form) >= self._fuzzy_single_min_letters:
                singles = tuple(
                    entry
                    for variant in (form, *(form[:k] + form[k + 1 :] for k in range(len(form))))
                    for entry in self._fuzzy_single.get(variant, ())
                    if one_typo_apart(form, entry.tokens[0])
                )
            if exact or singles or anchored:
                lookups.append(WordLookup(cut, exact, singles, anchored))
        return tuple(lookups)

    def find(self, text: str) -> list[Match]:
        return list(self._find(text))

    @lru_cache(maxsize=64)  # noqa: B019 - gazetteers live for the process; finders share an article's matches (one cache for every instance: room for all of them)
    def _find(self, text: str) -> tuple[Match, ...]:
        tokens = tokenize(text)
        words = [token.text for token in tokens]
        best_at: dict[tuple[Hashable, int], Match] = {}
        fuzzy_tried: set[tuple[int, int]] = set()
        lookups = list(map(self._lookups, words))
        for i in compress(range(len(words)), lookups):  # the words that open a phrase
            for cut, exact, fuzzy_single, fuzzy_anchored in lookups[i]:
                if exact:
                    self._exact_at(text, tokens, words, i, cut, exact, best_at)
                for entry in fuzzy_single:
                    self._keep(best_at, Match(tokens[i].start + cut, tokens[i].end, i, i, entry, 1))
                if fuzzy_anchored:
                    self._fuzzy_phrase_at(text, tokens, words, i, cut, fuzzy_anchored, best_at, fuzzy_tried)
        by_group: dict[Hashable, dict[int, Match]] = {}
        for (entry_group, first), match in best_at.items():
            by_group.setdefault(entry_group, {})[first] = match
        chosen = [m for group_best in by_group.values() for m in self._leftmost_longest(group_best)]
        return tuple(sorted(chosen, key=lambda m: (m.start, -m.end)))

    @staticmethod
    def _keep(best_at: dict[tuple[Hashable, int], Match], match: Match) -> None:
        slot = (match.entry.group, match.first_token)
        current = best_at.get(slot)
        if current is None or (match.n_tokens, -match.distance, match.start) > (
            current.n_tokens,
            -current.distance,
            current.start,
        ):
            best_at[slot] = match

    def _joined(self, text: str, tokens: tuple[Token, ...], first: int, last: int) -> bool:
        return all(self._gap.fullmatch(text, tokens[k].end, tokens[k + 1].start) for k in range(first, last))

    def _exact_at(self, text, tokens, words, i: int, cut: int, entries: list[Entry], best_at) -> None:
        matched_groups = set()
        for entry in entries:  # longest first
            if entry.group in matched_groups:
                continue
            n = len(entry.tokens)
            last = i + n - 1
            if last >= len(words):
                continue
            if n == 1 or (
                words[i + 1] == entry.tokens[1]  # where most phrases part from the text: no slices built
                and words[i + 1 : last + 1] == list(entry.tokens[1:])
                and self._joined(text, tokens, i, last)
            ):
                self._keep(best_at, Match(tokens[i].start + cut, tokens[last].end, i, last, entry, 0))
                matched_groups.add(entry.group)

    def _fuzzy_phrase_at(self, text, tokens, words, i, cut, anchored, best_at, tried) -> None:
        """Phrases that contain this exact word and differ from the text by one edit elsewhere."""
        for entry, position in anchored:
            if cut and position != 0:
                continue  # proclitics only stand on a phrase's first word
            first = i - position
            last = first + len(entry.tokens) - 1
            if first < 0 or last >= len(words) or (id(entry), first) in tried:
                continue
            tried.add((id(entry), first))
            exact = best_at.get((entry.group, first))
            if exact is not None and exact.distance == 0 and exact.n_tokens >= len(entry.tokens):
                continue
            misses = [
                k for k in range(len(entry.tokens)) if k != position and words[first + k] != entry.tokens[k]
            ]
            if len(misses) != 1 or (position == 1 and misses[0] != 0):
                continue  # a typo past the first word is found from the first word's anchor
            if not self._joined(text, tokens, first, last):
                continue
            k = misses[0]
            expected = entry.tokens[k]
            if len(expected) < self.fuzzy_min_token_letters:
                continue
            start = tokens[first].start + (cut if position == 0 else 0)
            forms = clitic_forms(words[first]) if k == 0 else [(words[first + k], 0)]
            for form, form_cut in forms:
                if form == expected or one_typo_apart(form, expected):
                    if k == 0:
                        start = tokens[first].start + form_cut
                    self._keep(best_at, Match(start, tokens[last].end, first, last, entry, 1))
                    break

    @staticmethod
    def _leftmost_longest(best_at: dict[int, Match]) -> list[Match]:
        chosen: list[Match] = []
        free_from = 0
        for first in sorted(best_at):
            if first >= free_from:
                match = best_at[first]
                chosen.append(match)
                free_from = match.last_token + 1
        return chosen
