"""The vectorized and indexed paths of reconciliation agree with the rules they implement."""

from __future__ import annotations

import re
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from tahqiq.reconcile.entities import (
    MIN_FUZZY_TOKEN_LETTERS,
    SIMILAR_TOKEN_RATIO,
    _similar_pairs,
    parse_person,
    title_words,
)
from tahqiq.text.normalize import normalize_text

# Few letters, so that random tokens are often equal or one letter apart.
TOKENS = st.text(alphabet="ابتسمن", min_size=2, max_size=7)


def _similar_by_rule(a: tuple[str, ...], b: tuple[str, ...], fixed: int) -> bool:
    return all(
        x == y or (min(len(x), len(y)) >= MIN_FUZZY_TOKEN_LETTERS and fuzz.ratio(x, y) >= SIMILAR_TOKEN_RATIO)
        for k, (x, y) in enumerate(zip(a, b, strict=True))
        if k != fixed
    )


@settings(max_examples=200, deadline=None)
@given(
    n_tokens=st.integers(min_value=2, max_value=4),
    data=st.data(),
)
def test_similar_pairs_are_exactly_the_pairs_the_rule_accepts(n_tokens, data):
    names = data.draw(
        st.lists(st.tuples(*[TOKENS] * n_tokens), min_size=2, max_size=12, unique=True), label="names"
    )
    fixed = data.draw(st.sampled_from([0, n_tokens - 1]), label="fixed")
    expected = {
        (i, j) for i, j in combinations(range(len(names)), 2) if _similar_by_rule(names[i], names[j], fixed)
    }
    assert set(_similar_pairs(names, fixed)) == expected


def test_similar_pairs_accepts_a_one_letter_variant_and_rejects_short_tokens():
    names = [("عبدالرحمن", "الحمصي"), ("عبدالرحمان", "الحمصي"), ("خالد", "الحمصي"), ("خالده", "الحمصي")]
    assert _similar_pairs(names, 1) == [(0, 1)]


def test_every_title_is_stripped_whole_before_a_name():
    name = normalize_text("سعيد الحمصي")
    # Punctuation ("د.") is dropped before titles are matched, so such a phrase never matches whole.
    for phrase in (t for t in title_words()[0] if re.fullmatch(r"[\w ]+", t)):
        parsed = parse_person(f"{phrase} {name}")
        assert parsed.title == phrase
        assert parsed.tokens == tuple(name.split())


