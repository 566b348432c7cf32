"""Organization mentions (ORG): the curated list in data/reference/organizations.csv, and names built
on a head noun (data/reference/org_heads.csv).

Aliases are matched on the normalized text, longest first, through proclitics (وبالتحالف → التحالف),
and with one typo for aliases of at least FUZZY_MIN_LETTERS letters ("التحالف الدوي"). An alias of
kind "anaphor" ("التنظيم", "المرصد") names an organization only after a non-anaphoric mention of it
earlier in the same text; when several organizations share the anaphor, the most recent one wins.
An alias of kind "sports_context" (a club named like a city or a common word: برشلونة, النصر) names
the club only with a sports word (org_heads.csv role sports_cue) in its sentence. An alias of kind
"credit" (الفرنسية for AFP) names the agency only as a credit line in parentheses.

A head noun in construct state opens a name whose genitive complement follows it: definite nouns and
nisba adjectives ("وزارة الخارجية الأمريكية", "مجلس الأمن الدولي") or a proper name ("وكالة رويترز"),
up to a boundary (a stopword, a time word, a relative pronoun, punctuation). A definite head takes
nisba adjectives only ("المجلس الوطني الكردي"). Heads that are also common nouns (حركة, لجنة) need a
nisba adjective or a proper name in the complement. The span is the head plus its complement; a
curated alias inside such a span lends it its ref_id. A class noun opening a name (صحيفة الغارديان,
شركة نوكيا: org_heads.csv role class_head) stays in the span; attrs name_start/name_end mark the
organization's own name after it, as a place's toponym is marked after مدينة.

Outlets are also named by a media head and one common word (وكالة الشرق), by a name closed by a
number after a media head or a reporter (قناة فرانس 24, مراسل الفرات 24: the reporter stays out), or
in Latin script after a media head (منصة SY24). A body of a listed organization named through it
(المكتب السياسي لحركة حماس: org_heads.csv role sub_body_head, a nisba, ل + the name) is one mention,
alias_kind "sub_body", with the organization's ref_id as parent_ref_id.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from tahqiq import reference
from tahqiq.extract.gazetteer import Gazetteer, Match, clitic_forms, tokenize
from tahqiq.extract.mention import Mention
from tahqiq.extract.tokens import clitic_variants, tokenize_text
from tahqiq.reference import load_organizations
from tahqiq.text.arabic import (
    RELATIVE_PRONOUNS,
    is_spoken_noun,
    without_proclitic_before_article,
)
from tahqiq.text.normalize import NormalizedText, normalize_text

FUZZY_MIN_LETTERS = 8
FUZZY_MIN_TOKEN_LETTERS = 5
ANAPHOR = "anaphor"
SPORTS_CONTEXT = "sports_context"
CREDIT = "credit"
SPORTS_CUE_REACH = 12  # tokens either side of a club name within which a sports word is looked for
MAX_COMPLEMENT_TOKENS = 4
MAX_PROPER_TOKENS = 2
# "المنظمة الدولية", "المجلس الاقتصادي" are mostly descriptors of an organization named elsewhere;
# two nisbas ("المجلس الوطني الكردي") make a name; one is enough for the heads of a state's own
# bodies (org_heads.csv role one_nisba_head: الحكومة السودانية, الشرطة البريطانية).
DEFINITE_HEAD_MIN_NISBAS = 2


@lru_cache(maxsize=1)
def organization_gazetteer() -> Gazetteer:
    """Each normalized alias maps to every organization row that carries it (an anaphor may be shared)."""
    rows_by_alias: dict[str, list[dict[str, str]]] = {}
    for row in load_organizations():
        rows_by_alias.setdefault(normalize_text(row["alias"]), []).append(row)
    return Gazetteer(
        rows_by_alias.items(),
        fuzzy_min_letters=FUZZY_MIN_LETTERS,
        fuzzy_min_token_letters=FUZZY_MIN_TOKEN_LETTERS,
    )


@dataclass(frozen=True)
class _HeadWords:
    heads: dict[str, dict[str, str]]
    boundary: frozenset[str]
    generic: frozenset[str]
    stop: frozenset[str]
    media_suffix: frozenset[str]
    media_head: frozenset[str]
    sports_cue: frozenset[str]
    one_nisba: frozenset[str]
    nationality_only: frozenset[str]
    class_head: dict[str, bool]  # class noun -> whether the name after it must be indefinite
    member_head: frozenset[str]
    reporter: frozenset[str]
    sub_body_head: frozenset[str]
    body_link: frozenset[str]
    control_verb: frozenset[str]
    national_mark: frozenset[str]
    name_adjective: frozenset[str]


@lru_cache(maxsize=1)
def _head_words() -> _HeadWords:
    rows = reference.load_org_heads()
    return _HeadWords(
        heads={normalize_text(r["word"]): r for r in rows if r["role"] == "head"},
        boundary=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "boundary"),
        generic=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "generic"),
        stop=reference.name_stopwords(),
        media_suffix=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "media_suffix"),
        media_head=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "media_head"),
        sports_cue=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "sports_cue"),
        one_nisba=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "one_nisba_head"),
        nationality_only=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "nationality_head"),
        class_head={normalize_text(r["word"]): r["strict"] == "1" for r in rows if r["role"] == "class_head"},
        member_head=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "member_head"),
        reporter=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "reporter"),
        sub_body_head=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "sub_body_head"),
        body_link=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "body_link"),
        control_verb=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "control_verb"),
        national_mark=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "national_mark"),
        name_adjective=frozenset(normalize_text(r["word"]) for r in rows if r["role"] == "name_adjective"),
    )


@dataclass(frozen=True)
class HeadNounSpan:
    start: int  # normalized-text offsets, proclitic left out
    end: int
    head: dict[str, str]


def _is_nisba(word: str) -> bool:
    return word.startswith("ال") and len(word) >= 5 and word.endswith(("ي", "يه", "يين", "يون"))


def _complement(words: list[str], first: int, definite: bool, lex: _HeadWords) -> tuple[int, bool]:
    """End token of the complement starting at `first`, and whether it has a nisba or proper name."""
    j, proper, distinctive = first, 0, False
    while j < len(words) and j - first < MAX_COMPLEMENT_TOKENS:
        word = words[j]
        if not word.isalpha() or word in lex.boundary or word in lex.stop or word in lex.heads:
            break
        if word.startswith("ال") and len(word) >= 3:
            if definite and not _is_nisba(word) and word not in lex.name_adjective:
                break
            distinctive = distinctive or _is_nisba(word)
        elif (
            not definite
            and j - first == proper
            and proper < MAX_PROPER_TOKENS
            and len(word) >= 3
            and not word.startswith(("و", "ف", "لل"))
            and not word.endswith(("ي", "يه"))  # an indefinite adjective (اتحاد طوعي), not a name
            and not any(rest in lex.stop or rest in lex.heads for _, rest in clitic_variants(word)[1:])
        ):
            proper += 1
            distinctive = True
        else:
            break
        j += 1
    return j, distinctive


@lru_cache(maxsize=65536)
def _head_readings(word: str) -> tuple[tuple[int, bool, dict[str, str]], ...]:
    """(proclitic length, definite, head row) for each reading of `word` as an organization head."""
    heads = _head_words().heads
    readings = []
    for prefix, core in clitic_variants(word):
        definite = core.startswith("ال") and core[2:] in heads
        head = heads.get(core[2:] if definite else core)
        if head is not None:
            readings.append((prefix, definite, head))
    return tuple(readings)


def head_noun_spans(text: str) -> list[HeadNounSpan]:
    """Organization names built on a head noun in a normalized text (see the module docstring)."""
    lex = _head_words()
    tokens = tokenize_text(text)
    words = [t.text for t in tokens]
    readings = list(map(_head_readings, words))
    spans: list[HeadNounSpan] = []
    free_from = 0
    for i in compress(range(len(words)), readings):  # the words that can be a head
        if i < free_from:
            continue
        for prefix, definite, head in readings[i]:
            end, distinctive = _complement(words, i + 1, definite, lex)
            if end == i + 1 and not definite and _outlet_named_by_a_common_word(words, i, head, lex):
                end, distinctive = i + 2, True
            if end == i + 1 or ((definite or head["strict"] == "1") and not distinctive):
                continue
            min_nisbas = 1 if normalize_text(head["word"]) in lex.one_nisba else DEFINITE_HEAD_MIN_NISBAS
            if words[i + 1] in lex.generic or (definite and end - i - 1 < min_nisbas):
                continue
            if normalize_text(head["word"]) in lex.nationality_only and not _is_nationality(words[i + 1]):
                continue
            spans.append(HeadNounSpan(tokens[i].start + prefix, tokens[end - 1].end, head))
            free_from = end
            break
    return spans


def _outlet_named_by_a_common_word(words: list[str], i: int, head: dict[str, str], lex: _HeadWords) -> bool:
    """وكالة الشرق, صحيفة الوطن: after a media head, one definite common word that no adjective
    follows is the outlet's name."""
    name = words[i + 1] if i + 1 < len(words) else ""
    following = words[i + 2] if i + 2 < len(words) else ""
    return (
        normalize_text(head["word"]) in lex.media_head
        and name.startswith("ال")
        and len(name) >= 5
        and name in lex.stop
        and name not in lex.boundary
        and not following.startswith("ال")
    )


def media_name_spans(text: str) -> list[HeadNounSpan]:
    """Outlet names shaped like "راصد برس", "دير بوست", "شبكة شمال الإخبارية".

    The word before the suffix is the name; a media head one or two words before it (شبكة, موقع,
    منصة, وكالة) opens the name and then lets a common word (شمال) be part of it."""
    lex = _head_words()
    tokens = tokenize_text(text)
    words = [t.text for t in tokens]
    spans: list[HeadNounSpan] = []
    for i, word in enumerate(words):
        name = i - 1
        if (
            word not in lex.media_suffix
            or name < 0
            or not words[name].isalpha()
            or words[name] in lex.media_head
        ):
            continue
        begin = None
        for back in (name - 1, name - 2):
            if back < 0 or not words[back].isalpha():
                break
            head = next(
                (prefix for prefix, core in clitic_variants(words[back]) if core in lex.media_head), None
            )
            if head is not None:
                begin = tokens[back].start + head
                break
        if begin is None and (words[name] in lex.stop or _common_noun_after_proclitic(words[name], word)):
            continue
        start = tokens[name].start if begin is None else begin
        spans.append(HeadNounSpan(start, tokens[i].end, {"org_kind": "media", "word": word}))
    return spans


def _common_noun_after_proclitic(word: str, suffix: str) -> bool:
    """و / ب / ل before the article of the word a media suffix follows: a phrase of the running text
    ("والمنظمات الإعلامية", "بالتغطيات الإخبارية", "للشبكة الإخبارية"), no outlet's name. Before a
    definite adjective (الإعلامية) the word is a definite noun whatever it is; before a foreign suffix
    (بوست, برس) only a common noun of speech is (والواشنطن بوست is an outlet)."""
    definite = suffix.startswith("ال")
    common = without_proclitic_before_article(word, known_definite=definite)
    return common is not None and (definite or is_spoken_noun(common))


MAX_LATIN_NAME_TOKENS = 3


def latin_outlet_spans(text: str) -> list[HeadNounSpan]:
    """Outlets named in Latin script after a media head: "لمنصة SY24", "موقع Middle East Eye"."""
    lex = _head_words()
    tokens = tokenize_text(text)
    spans: list[HeadNounSpan] = []
    # Only a word before a Latin-script one can open such a name (few are): the others are not read.
    before_ascii = map(str.isascii, [token.text for token in tokens[1:]])
    for i in compress(range(len(tokens) - 1), before_ascii):
        token = tokens[i]
        head = next((prefix for prefix, core in clitic_variants(token.text) if core in lex.media_head), None)
        if head is None:
            continue
        last = i
        while (
            last + 1 < len(tokens)
            and last - i < MAX_LATIN_NAME_TOKENS
            and _is_latin_name(tokens[last + 1].text)
        ):
            last += 1
            while (
                last + 1 < len(tokens)
                and tokens[last + 1].start == tokens[last].end
                and tokens[last + 1].text.isalnum()
            ):
                last += 1  # SY24: letters and digits written together are one name
        if last > i:
            spans.append(
                HeadNounSpan(token.start + head, tokens[last].end, {"org_kind": "media", "word": token.text})
            )
    return spans


MAX_QUOTED_NAME_TOKENS = 4
# An indefinite media or class head (قناة, صحيفة, شبكة; after a proclitic) and the quoted name after it;
# a definite head (الشركة "...") is followed by what it said, not by its name.
# The name is looked ahead at, not consumed: a closing quote of an earlier quotation ("...استهدافهم".
# ومن جهتها أوردت قناة "المسيرة") must not hide the opening quote of the name.
_QUOTED_AFTER_HEAD = re.compile(r'(?<!\w)([وفبل]?)(\w+) ?"(?=([^"\n]{1,40})")')


_QUOTED_NAME = re.compile(r'"([^"\n]+)"')


def quoted_outlet_spans(text: str) -> list[HeadNounSpan]:
    """An outlet or company named in quotes after its class noun: قناة "المسيرة", صحيفة "الوطن", شبكة
    "السويداء 24", تلفزيون "بي.إف.إم", or an outlet after its reporter (مراسل "العربية", the reporter
    left out). The quotes say the words are a name, whatever they mean."""
    lex = _head_words()
    spans: list[HeadNounSpan] = []
    for match in _QUOTED_AFTER_HEAD.finditer(text):
        head = match.group(2)
        reporter = head in lex.reporter
        if head not in lex.media_head and head not in lex.class_head and not reporter:
            continue
        name = match.group(3).split()
        if not name or len(name) > MAX_QUOTED_NAME_TOKENS or not any(ch.isalnum() for ch in match.group(3)):
            continue
        # مراسل "العربية": the reporter is no part of the outlet's name
        start, end = (match.start(3), match.end(3)) if reporter else (match.start(2), match.end(3) + 1)
        spans.append(HeadNounSpan(start, end, {"org_kind": "media", "word": head}))
    return spans


MAX_NUMBERED_NAME_TOKENS = 2
MAX_NAME_NUMBER_DIGITS = 3


def numbered_outlet_spans(text: str) -> list[HeadNounSpan]:
    """Outlets whose name ends in a number, after a media head (kept: "قناة فرانس 24") or a reporter
    (left out: "مراسل الفرات 24"). The number must close the clause or precede a small word, so
    "مراسل الوكالة 3 مرات" is no name."""
    lex = _head_words()
    tokens = tokenize_text(text)
    words = [t.text for t in tokens]
    spans: list[HeadNounSpan] = []
    openers = lex.media_head | lex.reporter
    # The name's number is the second or third word after its opener: only the words that far before
    # a number (few are) are read.
    numbers = compress(range(len(words)), map(str.isdigit, words))
    name_lengths = range(1, MAX_NUMBERED_NAME_TOKENS + 1)
    near_numbers = sorted({k - 1 - length for k in numbers for length in name_lengths if k - 1 - length >= 0})
    for i in near_numbers:
        word = words[i]
        opener = next(((prefix, core) for prefix, core in clitic_variants(word) if core in openers), None)
        if opener is None:
            continue
        j = i + 1
        while j < len(words) and j - i <= MAX_NUMBERED_NAME_TOKENS and _may_name_an_outlet(words[j], lex):
            j += 1
        if j == i + 1 or j >= len(words) or not (words[j].isdigit() and len(words[j]) <= MAX_NAME_NUMBER_DIGITS):
            continue
        after = words[j + 1] if j + 1 < len(words) else ""
        if after.isalpha() and after not in lex.stop and after not in lex.media_suffix:
            continue
        if any(text[tokens[k].end : tokens[k + 1].start].strip() for k in range(i, j)):
            continue  # punctuation inside: not one name
        prefix, core = opener
        start = tokens[i].start + prefix if core in lex.media_head else tokens[i + 1].start
        spans.append(HeadNounSpan(start, tokens[j].end, {"org_kind": "media", "word": word}))
    return spans


def _may_name_an_outlet(word: str, lex: _HeadWords) -> bool:
    """An Arabic-script word of an outlet's name (Latin names are latin_outlet_spans')."""
    return word.isalpha() and not word.isascii() and word not in lex.stop and word not in lex.boundary


# An object pronoun closing a control verb's clause: التي يسيطر عليها الحوثيون.
_CONTROL_OBJECTS = frozenset({"عليها", "عليه"})
# Kinds of a listed organization that is not a state: a government body named through it (حكومة
# الحوثيين, حكومة حماس) is that group's body, not the group.
NON_STATE_KINDS = frozenset({"armed_group", "political_party", "party"})

Span = tuple[int, int, dict]


def bodies_of_organizations(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (normalized offsets, non-overlapping) with each body named through another organization
    made one mention with the organization it belongs to:
    - a sub_body_head and a nisba before ل + the organization (المكتب السياسي لحركة حماس);
    - an organization, a body_link word and ل + the other (وزارة الصحة التابعة لحماس, وكالة سبأ،
      التابعة لحركة أنصار الله);
    - an organization, التي / الذي, a control verb (with عليها / عليه when it takes it) and the other
      (وزارة الدفاع التي يسيطر عليها الحوثيون);
    - a strict head and a plain noun before ب / ل + the organization (لجنة خبراء بالأمم المتحدة).
    The body keeps its own ref_id when the list knows it, else it is alias_kind "sub_body"; either way
    parent_ref_id names the organization and attrs "body" the body's own words."""
    lex = _head_words()
    tokens = tokenize_text(text)
    words = [t.text for t in tokens]
    token_starts = [t.start for t in tokens]
    ordered = sorted(spans, key=lambda s: s[0])
    by_last_token: dict[int, int] = {}
    for n, (_, end, _) in enumerate(ordered):
        last = bisect_left(token_starts, end) - 1
        if last >= 0 and tokens[last].end == end:
            by_last_token[last] = n

    def owner_before(k: int) -> int | None:
        """The span ending with token k, or with the token before a comma at k."""
        if k >= 1 and words[k] in (",", "،"):
            k -= 1
        return by_last_token.get(k) if k >= 0 else None

    absorbed: set[int] = set()
    bodies: dict[int, Span] = {}  # parent index -> the body span replacing it
    for p, (start, end, attrs) in enumerate(ordered):
        k = bisect_left(token_starts, start + 1) - 1  # the token the span starts in
        if k < 2 or p in absorbed:
            continue
        # a listed name after لل keeps the whole word in its span (للحوثيين), after ل only the name (لحماس)
        prefixed = start != tokens[k].start or words[k].startswith("لل")
        link = _link_token(words, k, prefixed, lex)
        owner = body_start = None
        if link is not None and words[link - 1] in lex.body_link:
            owner = owner_before(link - 2)
        elif link is not None and _is_nisba(words[link - 1]) and not _is_nationality(words[link - 1]):
            # "القيادة الأمريكية لتنظيم داعش" (a nationality): another country's body acting on it
            head = next((pre for pre, core in clitic_variants(words[link - 2]) if core in lex.sub_body_head), None)
            if head is not None and link >= 2:
                body_start = tokens[link - 2].start + head
        elif (
            (prefixed or words[k].startswith(("بال", "لل")))
            and words[k][0] in "بل"
            and _panel_before(words, k, lex)
            and not any(s < tokens[k - 1].end and tokens[k - 2].start < e for s, e, _ in ordered)
        ):
            # لجنة خبراء بالأمم المتحدة: a strict head and a plain noun, at or of the organization
            head = next(pre for pre, core in clitic_variants(words[k - 2]) if _is_strict_head(core, lex))
            body_start, link = tokens[k - 2].start + head, k
        elif link is None:
            verb = k - 2 if words[k - 1] in _CONTROL_OBJECTS else k - 1
            if verb >= 2 and words[verb] in lex.control_verb and words[verb - 1] in RELATIVE_PRONOUNS:
                owner = owner_before(verb - 2)
        if owner is not None:
            body_start = ordered[owner][0]
        if body_start is None:
            continue
        own = ordered[owner][2] if owner is not None else None
        body_end = ordered[owner][1] if owner is not None else tokens[link - 1].end
        if own is not None and own.get("ref_id") and own.get("alias_kind") != "sub_body":
            body_attrs = {**own, "parent_ref_id": attrs.get("ref_id")}
        else:
            body_attrs = {**_unlisted_attrs(text[body_start:end], (own or attrs)["org_kind"]),
                          "alias_kind": "sub_body", "parent_ref_id": attrs.get("ref_id")}
        body_attrs["body"] = text[body_start:body_end]
        if owner is not None:
            absorbed.add(owner)
        bodies[p] = (body_start, end, body_attrs)
    return [bodies.get(n, span) for n, span in enumerate(ordered) if n not in absorbed]


def _is_strict_head(word: str, lex: _HeadWords) -> bool:
    return word in lex.heads and lex.heads[word]["strict"] == "1"


def _panel_before(words: list[str], k: int, lex: _HeadWords) -> bool:
    """Token k-2 a strict head noun (لجنة, هيئة) and k-1 a plain indefinite word (خبراء, تحقيق): a body
    named by what it is, not by a name of its own."""
    if k < 2:
        return False
    noun = words[k - 1]
    return (
        noun.isalpha()
        and len(noun) >= 3
        and not noun.startswith(("ال", "لل"))
        and noun not in lex.boundary
        and noun not in lex.heads
        and any(_is_strict_head(core, lex) for _, core in clitic_variants(words[k - 2]))
    )


def _link_token(words: list[str], k: int, prefixed: bool, lex: _HeadWords) -> int | None:
    """The token carrying the ل that ties an organization starting at token k to a body before it: token
    k itself (لحماس, للحوثيين), or the one before when it is ل + the organization's class word (لحركة
    أنصار الله); None when no ل does."""
    if prefixed and words[k].startswith("ل"):
        return k
    before = words[k - 1]
    if before.startswith("ل") and any(core in lex.heads or core in lex.class_head for _, core in clitic_variants(before)[1:]):
        return k - 1
    return None


def national_extension(text: str, span: Span) -> Span:
    """A listed international name right before a national_mark (مجلس الأمن القومي, التحالف الوطني) or
    another country's nationality adjective (الهلال الأحمر التركي) names a state's own body: the span
    takes the adjective in and names no listed organization. The adjective must agree with the name's
    last word (طائرات التحالف الأمريكية: الأمريكية describes the planes)."""
    start, end, attrs = span
    if attrs.get("fuzzy"):
        return span
    match = re.match(r"\s+(\w+)", text[end:])
    if not match:
        return span
    adjective = match.group(1)
    country = reference.country_of_nationality(adjective)
    marked = adjective in _head_words().national_mark or (
        adjective[:-1] in _head_words().national_mark and adjective.endswith("ه")
    )
    if not marked and (country is None or country.lower() == (attrs.get("country") or "").lower()):
        return span
    feminine_name = text[start:end].endswith("ه")
    if adjective.endswith("ه") != feminine_name:
        return span
    new_end = end + match.end()
    while (following := re.match(r"\s+(\w+)", text[new_end:])) and _is_nisba(following.group(1)) and (
        following.group(1) not in _head_words().boundary
    ):  # التحالف الوطني السوري: the adjectives after the mark are the same name's
        country = country or reference.country_of_nationality(following.group(1))
        new_end += following.end()
    extended = {**_unlisted_attrs(text[start:new_end], attrs["org_kind"]), "country": country.lower() if country else None}
    return (start, new_end, extended)


def _is_nationality(word: str) -> bool:
    return reference.country_of_nationality(word) is not None


def _is_latin_name(word: str) -> bool:
    return word.isascii() and word.isalnum() and any(c.isalpha() for c in word)


def _in_sports_sentence(text: str, match: Match) -> bool:
    """A sports word (مباراة, الدوري, المدرب ...) in the sentence around the match."""
    cues = _head_words().sports_cue
    tokens = tokenize(text)
    for step, stop in ((-1, -1), (1, len(tokens))):
        edge = match.first_token if step < 0 else match.last_token
        for k in range(edge + step, stop, step)[:SPORTS_CUE_REACH]:
            between = (
                text[tokens[k].end : tokens[k + 1].start]
                if step < 0
                else text[tokens[k - 1].end : tokens[k].start]
            )
            if any(mark in between for mark in ".!?\n"):
                break
            if any(form in cues for form, _ in clitic_forms(tokens[k].text)):
                return True
    return False


@lru_cache(maxsize=1)
def _person_title_words() -> frozenset[str]:
    return frozenset(word for title in reference.person_titles() for word in title.tokens)


def _names_a_person_title(text: str) -> bool:
    return any(token.text in _person_title_words() for token in tokenize_text(text))


def _is_credit_line(text: str, match: Match) -> bool:
    """The match alone inside parentheses: "(الفرنسية)", "( أ ف ب )"."""
    return text[: match.start].rstrip().endswith("(") and text[match.end :].lstrip().startswith(")")


def _resolve(match: Match, last_seen: dict[str, int], text: str) -> dict[str, str] | None:
    rows = match.entry.payload
    if any(row["alias_kind"] == CREDIT for row in rows) and not _is_credit_line(text, match):
        rows = [row for row in rows if row["alias_kind"] != CREDIT]
    if any(row["alias_kind"] == SPORTS_CONTEXT for row in rows) and not _in_sports_sentence(text, match):
        rows = [row for row in rows if row["alias_kind"] != SPORTS_CONTEXT]
    named = [row for row in rows if row["alias_kind"] != ANAPHOR]
    if named:
        return named[0]
    if match.distance:
        return None  # a typo of a bare anaphor is just another word
    antecedents = [row for row in rows if row["ref_id"] in last_seen]
    if not antecedents:
        return None
    return max(antecedents, key=lambda row: last_seen[row["ref_id"]])


@lru_cache(maxsize=1)
def _aliases_by_ref() -> dict[str, frozenset[str]]:
    aliases: dict[str, set[str]] = {}
    for row in load_organizations():
        aliases.setdefault(row["ref_id"], set()).add(normalize_text(row["alias"]))
    return {ref: frozenset(names) for ref, names in aliases.items()}


def _own_name(text: str, start: int, end: int, ref_id: str | None) -> tuple[int, int] | None:
    """Normalized offsets of the organization's own name after a class noun opening the span
    (صحيفة الغارديان -> الغارديان, شركة نوكيا -> نوكيا), or after a word for its members when the
    rest is that organization's name too (قوات التحالف الدولي -> التحالف الدولي), or the quoted name
    after a class noun (قناة "المسيرة" -> المسيرة), or None."""
    quoted = _QUOTED_NAME.search(text, start, end)
    if quoted and quoted.end() == end:
        return quoted.start(1), quoted.end(1)
    tokens = tokenize_text(text[start:end])
    if len(tokens) < 2:
        return None
    rest = text[start + tokens[1].start : end]
    if tokens[0].text in _head_words().member_head and rest in _aliases_by_ref().get(ref_id or "", ()):
        return start + tokens[1].start, end
    class_heads = _head_words().class_head
    for _, core in clitic_variants(tokens[0].text):
        if core in class_heads:
            name = tokens[1]
            if class_heads[core] and name.text.startswith("ال"):
                return None
            if name.text in _head_words().stop:
                return None  # شبكة شمال, وكالة الشرق: a common word is a name only with its head
            return start + name.start, end
    return None


def _unlisted_attrs(surface: str, org_kind: str) -> dict:
    """Attrs of an organization the curated list lacks: its own surface is its canonical name."""
    return {
        "ref_id": None,
        "canonical": surface,
        "alias_kind": "head_noun",
        "org_kind": org_kind,
        "country": None,
        "fuzzy": False,
    }


def _mention(nt: NormalizedText, start: int, end: int, attrs: dict) -> Mention:
    d_start, d_end = nt.to_display_span(start, end)
    own_name = _own_name(nt.text, start, end, attrs.get("ref_id"))
    attrs = dict(attrs)  # curated attrs are shared with the cache of the article's names
    if own_name:
        attrs.update(zip(("name_start", "name_end"), nt.to_display_span(*own_name), strict=True))
    return Mention("ORG", d_start, d_end, nt.display[d_start:d_end], nt.text[start:end], attrs=attrs)


def curated_spans(nt: NormalizedText) -> list[tuple[int, int, dict]]:
    """(start, end, attrs) of the curated aliases that name an organization here (normalized offsets).
    Read-only: the place finder asks for the same article's spans."""
    return list(_curated_spans(nt.text))


@lru_cache(maxsize=8)  # the organization and place finders both need an article's curated names
def _curated_spans(text: str) -> tuple[tuple[int, int, dict], ...]:
    found: list[tuple[int, int, dict]] = []
    last_seen: dict[str, int] = {}
    for match in organization_gazetteer().find(text):
        if match.distance and _names_a_person_title(text[match.start : match.end]):
            continue  # وزيرة الخارجية is the minister, one letter away from وزارة الخارجية
        row = _resolve(match, last_seen, text)
        if row is None:
            continue
        if row["alias_kind"] != ANAPHOR:
            last_seen[row["ref_id"]] = match.start
        attrs = {
            "ref_id": row["ref_id"],
            "canonical": row["canonical"],
            "alias_kind": row["alias_kind"],
            "org_kind": row["org_kind"],
            "country": row["country"] or None,
            "fuzzy": bool(match.distance),
        }
        found.append((match.start, match.end, attrs))
    return tuple(found)


def find_organizations(nt: NormalizedText) -> list[Mention]:
    """ORG mentions with attrs ref_id, canonical, alias_kind, org_kind, country and fuzzy; a name found
    by its head noun has alias_kind "head_noun" and, unless a curated alias inside it gives them,
    ref_id/country None and canonical its own surface; a body of another organization has
    parent_ref_id (`bodies_of_organizations`)."""
    curated = [national_extension(nt.text, span) for span in curated_spans(nt)]
    spans: list[Span] = []
    named_by_head = (
        head_noun_spans(nt.text) + media_name_spans(nt.text) + latin_outlet_spans(nt.text) + quoted_outlet_spans(nt.text)
    )
    # Curated names by start, so each head-noun span looks only at those near it (long articles).
    curated.sort(key=lambda c: c[0])
    starts = [c[0] for c in curated]
    longest = max((c[1] - c[0] for c in curated), default=0)
    replaced: set[int] = set()
    for head in named_by_head + numbered_outlet_spans(nt.text):
        near = range(bisect_left(starts, head.start - longest), bisect_left(starts, head.end))
        touching = [k for k in near if k not in replaced and head.start < curated[k][1]]
        inside = [k for k in touching if head.start <= curated[k][0] and curated[k][1] <= head.end]
        if len(touching) > len(inside) or len(inside) > 1 or any(
            curated[k][0] == head.start and curated[k][2]["ref_id"] for k in inside
        ):
            continue  # a listed name opening the span, or two curated names, are the names to keep
        if any(s < head.end and head.start < e for s, e, _ in spans):
            continue
        if len(inside) == 1 and not curated[inside[0]][2]["fuzzy"]:
            attrs = _head_over_listed(nt.text, head, curated[inside[0]])
        else:
            attrs = _unlisted_attrs(nt.text[head.start : head.end], head.head["org_kind"])
        replaced.update(inside)
        spans.append((head.start, head.end, attrs))
    kept = [c for k, c in enumerate(curated) if k not in replaced]
    return sorted(
        (_mention(nt, start, end, attrs) for start, end, attrs in bodies_of_organizations(nt.text, kept + spans)),
        key=lambda m: m.start,
    )


def _head_over_listed(text: str, head: HeadNounSpan, listed: Span) -> dict:
    """Attrs of a head-noun name holding one listed name: the listed organization's (حركة حماس, قوات
    الجيش اليمني), unless a government head names a non-state group's body (حكومة الحوثيين: the
    group's government, parent_ref_id the group)."""
    attrs = listed[2]
    if head.head.get("org_kind") == "government" and attrs["org_kind"] in NON_STATE_KINDS:
        return {
            **_unlisted_attrs(text[head.start : head.end], "government"),
            "alias_kind": "sub_body",
            "parent_ref_id": attrs["ref_id"],
            "body": text[head.start : listed[0]].strip(),
        }
    return {**attrs, "alias_kind": "head_noun"}
