"""Casualty and force counts: "مقتل 2", "إصابة أربعة جنود", "أكثر من 10000 معتقل", "مسئولين اثنين".

The span is the numeral with its counted noun ("10000 معتقل"); an approximation before it ("أكثر من",
"نحو") sets attrs approximate and approximator and stays outside the span, as a title does for a name.

A count is a number (digits in any script, or Arabic number words) attached to a countable noun from
the lexicon, before it ("3 مسيرات", "4 من جنودها") or after it ("مسئولين اثنين"), or a dual noun on
its own ("جنديين", "قياديان"), or a singular casualty with آخر ("وقتل مسلح آخر"). One casualty told
by a singular noun right after the event word ("مقتل مقيم مصري") is read apart (`find_single_casualties`):
an event's figure when its report gives no number, not a COUNT mention. What it counts
(killed, wounded, detained, aircraft, soldiers, other) comes from an event word just before it
(مقتل، إصابة، اعتقال) or else from the noun; a count no casualty word governs may count an act of its own
(ACTS: missiles fired or intercepted, people abducted, bombers, people displaced, attackers;
data/reference/count_acts.csv). A number next to a month, a year word, a duration or a
percent sign is never a count; nor is a bare number with no noun unless an event word governs it
("مقتل 12"). A singular noun joined by "و" to a count under the same event word is a count of one
("إصابة 4 من جنودها وكلب بوليسي").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress
from typing import TypeVar

from tahqiq import reference
from tahqiq.extract.dates import load_lexicon
from tahqiq.extract.mention import Mention
from tahqiq.extract.tokens import clitic_variants, display_span, tokenize
from tahqiq.text.arabic import COMMAS, COMPLEMENTIZERS, ORDINALS_BY_GENDER, RELATIVE_PRONOUNS
from tahqiq.text.normalize import NormalizedText, normalize_text

T = TypeVar("T")

APPROXIMATORS = (
    ("ما", "لا", "يقل", "عن"),
    ("ما", "يزيد", "عن"),
    ("ما", "يزيد", "علي"),
    ("اكثر", "من"),
    ("اقل", "من"),
    ("نحو",),
    ("حوالي",),
    ("قرابه",),
    ("زهاء",),
    ("اكثر",),
    ("قرابه",),
)
POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")
CUE_LOOKBACK = 3
# "وقتل خلال الهجوم ... 63 من مقاتلي التنظيم": a verb of killing that opens its sentence, then the act.
OPENING_VERB_REACH = 12
RELATIVES = frozenset(normalize_text(w) for w in RELATIVE_PRONOUNS)
CIRCUMSTANCE_OPENERS = frozenset(normalize_text(w) for w in ("خلال", "في", "جراء", "إثر", "اثر", "أثناء"))
# "وقتلت قوات الأمن الحكومية 9 متظاهرين": a verb of killing before a subject of three words.
KILLING_VERBS = frozenset(normalize_text(w) for w in ("قتلت", "قتل"))
SUBJECT_BREAKS = frozenset(normalize_text(w) for w in (
    "في", "من", "على", "إلى", "عن", "منذ", "خلال", "بعد", "قبل", "حتى", "مع", "أن", "إن", "التي", "الذي", "الذين",
    "و",  # "قتل حارسان ليليان و12 مصليا": the count is joined to an object, not after a subject
))  # fmt: skip
# Marks between an event word and its count that do not part them: a hashtag's joint ("#مقتل_شخصين") and
# an opening quote ('بلغ "27 مدنيا').
TRANSPARENT = frozenset({"_", '"'})
SENTENCE_CUE_LOOKBACK = 15
# Years a news text names as bare numbers.
YEARS_OF_NEWS = (1900, 2099)
# "ثلاثة منهم": a number of people the text counted before.
PARTITIVE_PRONOUNS = frozenset({"منهم", "منهما", "منهن"})
# "أحد قادة التنظيم" counts a casualty when an event word governs it; otherwise it picks one of a group.
ONE_OF = frozenset({normalize_text("أحد"), normalize_text("إحدى")})
CASUALTY_KINDS = ("killed", "wounded", "detained")
ANOTHER = frozenset({normalize_text("آخر"), normalize_text("آخرا"), normalize_text("أخرى")})
# "أربعة جنود من القوة المهاجمة أصيبوا": the verb may follow the counted noun and a short phrase.
CUE_LOOKAHEAD = 4
# How far before a number "منذ" still makes it a running total (ومنذ بدء الاحتجاجات قتل أكثر من 50),
# when what follows it opens a period (a start, a date, a year, months) rather than the event's own hours
# ("ارتفع عدد القتلى منذ الصباح").
SINCE_LOOKBACK = 6
PERIOD_OPENERS = frozenset(normalize_text(w) for w in (
    "بدء", "بداية", "اندلاع", "انطلاق", "مطلع", "بدأ", "بدأت", "اندلعت", "انطلقت", "عام", "العام", "سنوات", "سنة", "أشهر", "شهر", "الشهر", "ذلك",
    "أسابيع", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
))  # fmt: skip
# "الحصيلة الأكبر في محافظة السويداء منذ اندلاع النزاع", "الهجوم الأعنف منذ": a superlative a few words
# before "منذ" compares the act with all since then; it counts no period.
SUPERLATIVES = frozenset(normalize_text(w) for w in (
    "الأكبر", "الأعنف", "الأكثر", "الأسوأ", "الأدمى", "الأشد", "الأعلى", "أكبر", "أعنف", "أسوأ", "أشد", "أدمى",
))  # fmt: skip
SUPERLATIVE_REACH = 5
# "ومنذ 12 يناير تشهد المدينة احتجاجات ... شهدت مقتل 31": "منذ" and a date open a period anywhere earlier in the
# sentence, within this many words.
SINCE_SENTENCE_LOOKBACK = 25
# "جاء الانفجار بعد خمسة أيام من مقتل 9 أشخاص": the dead of an act days before the one told.
EARLIER_SPANS = frozenset(normalize_text(w) for w in (
    "يوم", "يومين", "أيام", "ساعات", "ساعة", "ساعتين", "أسبوع", "أسبوعين", "أسابيع", "شهر", "شهرين", "أشهر",
    "شهور", "سنة", "سنوات", "عام", "عامين", "أعوام",
))  # fmt: skip
# "خلال عشرة أيام", "في الأسابيع الماضية" after a toll: the dead of a period, not of one event.
RUNNING_TOTAL_LOOKAHEAD = 8
PAST_MARKS = frozenset(normalize_text(w) for w in ("الماضية", "الماضي", "الماضيين", "الأخيرة", "المنصرمة"))
PERIOD_SPANS = frozenset(normalize_text(w) for w in (
    "أيام", "الأيام", "يومين", "أسبوع", "أسبوعين", "الأسبوعين", "أسابيع", "الأسابيع", "شهر", "شهرين", "الشهرين",
    "أشهر", "الأشهر", "شهور", "الشهور", "سنة", "سنوات", "السنوات", "عام", "عامين", "أعوام", "الأعوام",
))  # fmt: skip
# "أسبوع دام قتل خلاله 20": "during it" after a period named a few words before.
DURING_IT = frozenset(normalize_text(w) for w in ("خلاله", "خلالها", "خلالهما"))
DURING_IT_REACH = 4
# "المواجهات، التي تدخل الجمعة أسبوعها الثاني": a campaign's own day, week or month by its ordinal.
OWN_PERIODS = frozenset(normalize_text(f"{span}{own}") for span in ("يوم", "أسبوع", "شهر", "عام") for own in ("ها", "ه", "هم"))
# A count joined to a running total this closely in its sentence ("ومنذ ذلك التاريخ قتل 33 وأصيب 2800")
# counts the same period.
RUNNING_TOTAL_JOIN = 10
EVENT_KINDS = ("killed", "wounded", "detained", "aircraft")
# One strike or raid kills, wounds or detains tens, rarely thousands. Larger numbers in such articles
# are war-wide tolls or populations cited for context (350,000 killed since 2011), not the event's.
MAX_EVENT_SCALE_COUNT = 5000


# An assault drives out thousands, a city's siege hundreds of thousands; millions are a war's displaced
# ("شردت الحرب 12 مليون شخص"), not one assault's.
MAX_EVENT_SCALE = {"displaced": 999_999}


def is_event_scale(number: int, kind: str | None = None) -> bool:
    """Whether a count of a kind can describe one event rather than a war, a camp or a country."""
    return 0 <= number <= MAX_EVENT_SCALE.get(kind or "", MAX_EVENT_SCALE_COUNT)


def wholes_else_parts(figures: list[T], is_part: Callable[[T], bool]) -> list[T]:
    """The figures of a toll that are no part of it ("بينهم 41 طفلا" is a part); when the article gives
    only parts ("من بين القتلى القياديان"), those, as the least it says of the toll."""
    return [f for f in figures if not is_part(f)] or figures


def event_total(numbers: Iterable[int], kind: str | None = None) -> int | None:
    """What an event's report says of one kind (killed, wounded ...) among the counts stated for it:
    the largest of event scale, since a report gives the total and then parts of it ("أربع مروحيات
    ... إحدى المروحيات": four). The one rule for the event frames and the conflicts table."""
    return max((n for n in numbers if is_event_scale(n, kind)), default=None)


@dataclass
class _Number:
    first: int
    last: int  # token index after the number
    value: int
    approximate: bool
    is_word: bool


@dataclass
class _Count:
    first: int
    last: int
    value: int
    kind: str
    subject: str
    approximate: bool
    approximator: tuple[int, int] | None = None  # token range of "نحو" / "أكثر من", kept out of the span
    one_of: str | None = None  # the noun after أحد/إحدى ("أحد قادة"): a casualty or one member of a group
    by: str | None = None  # missiles: the country of the side firing or intercepting them, when the clause names it
    single: bool = False  # one casualty told by a singular noun ("مقتل مقيم مصري"), no numeral
    vague: bool = False  # a number word of no definite value ("مئات المدنيين", "عشرات القتلى")
    part: bool = False  # a part of the group counted just before ("بينهم سبعة إيرانيين")
    joined: bool = False  # joined by و to the count before, under its event word ("مقتل 22 طفلا وأربع نساء")
    range_to: int | None = None  # the lower end of a range, and its upper end ("ما بين 250 و300 مقاتل")


@lru_cache(maxsize=1)
def _lex():
    return (
        reference.number_words(),
        reference.count_nouns(),
        reference.count_cues(),
        reference.count_blockers(),
    )


@lru_cache(maxsize=65536)
def _noun_for(word: str) -> reference.CountNoun | None:
    """The count noun a word spells, through proclitics, the article and a possessive suffix."""
    if not word.isalpha():
        return None
    nouns = _lex()[1]
    for _, rest in clitic_variants(word):
        for form in (rest, rest[2:] if rest.startswith("ال") else None):
            if not form:
                continue
            if form in nouns:
                return nouns[form]
            for suffix in POSSESSIVE_SUFFIXES:
                if form.endswith(suffix) and form[: -len(suffix)] in nouns:
                    return nouns[form[: -len(suffix)]]
            if people := _nationals(form):
                return people
    return None


# Bodies are counted after their number ("31 جثة"); before one they are the bodies of those it counts.
BODIES = "جثث"


# A nationality counts people like شخص does: "مقتل 50 فلسطينيا", "ثلاثة أتراك" (broken plurals are not
# read), in the singular accusative (-ا) or the sound plural (-ين, -ون).
NATIONALS = reference.CountNoun("أشخاص", "other", None)
_NATIONAL_ENDINGS = re.compile("(?<=ي)(?:ا|ين|ون)$")


def _country_of_nationals(form: str) -> str | None:
    """The country a nationality in the accusative or the sound plural names (فلسطينيا, روسيين)."""
    singular = _NATIONAL_ENDINGS.sub("", form)
    return reference.country_of_nationality("ال" + singular) if singular != form else None


def _nationals(form: str) -> reference.CountNoun | None:
    return NATIONALS if _country_of_nationals(form) else None


def nationality_of_plural(word: str) -> str | None:
    """The country a plural nationality adjective names, definite or not, sound or broken, a broken one
    also in the accusative (الروس, روسيين, الأمريكيين, أمريكيون, "خمسة مواطنين روسا" -> its ISO code);
    None for any other word."""
    bare = word[2:] if word.startswith("ال") else word
    broken = [bare, bare[:-1]] if bare.endswith("ا") and not word.startswith("ال") else [bare]
    return _country_of_nationals(bare) or next(
        (c for b in broken if (c := reference.country_of_nationality("ال" + b + "ي"))), None
    )


def _number_word(word: str, allow_waw: bool) -> tuple[int, str] | None:
    """(value, kind) of a number word, optionally after the conjunction و. A definite cardinal from
    three to ten (الجنود الأربعة) counts too; الاثنين is Monday and الثالث an ordinal, so neither does."""
    numbers = _lex()[0]
    if allow_waw and word.startswith("و") and word[1:] in numbers:
        word = word[1:]
    if word in numbers:
        return numbers[word]
    definite = numbers.get(word[2:]) if word.startswith("ال") else None
    if definite and definite[1] == "unit" and 3 <= definite[0] <= 10:
        return definite
    return None


# "ربع مليون", "نصف مليون": a fraction of the scale word after it (its denominator here).
FRACTIONS = {normalize_text("ربع"): 4, normalize_text("نصف"): 2}


def _fraction(word: str) -> int | None:
    """The denominator of a fraction word, after the conjunction و too (وربع)."""
    return FRACTIONS.get(word) or (FRACTIONS.get(word[1:]) if word.startswith("و") else None)


@lru_cache(maxsize=65536)
def _rests(word: str) -> frozenset[str]:
    return frozenset(rest for _, rest in clitic_variants(word))


@lru_cache(maxsize=65536)
def _may_open_count(word: str) -> bool:
    """Whether a count can start at this word: digits, a number word, a fraction (of the scale word after it)
    or a dual noun (see `_count_at`)."""
    if word[:1].isdigit() or _number_word(word, allow_waw=True) is not None or _fraction(word):
        return True
    noun = _noun_for(word)
    return noun is not None and noun.number in (1, 2)


def _may_open_count_or_single(word: str) -> bool:
    """`_may_open_count`, or one person by nationality ("مقتل فلسطيني")."""
    return _may_open_count(word) or _national_singular(word)


def _national_singular(word: str) -> bool:
    """One person by nationality, indefinite: "مقتل فلسطيني"."""
    return not word.startswith("ال") and reference.country_of_nationality("ال" + word) is not None


def _is_decimal(token: str) -> bool:
    whole, dot, fraction = token.partition(".")
    return bool(dot) and whole.isdigit() and fraction.isdigit()


def _as_int(token: str) -> int | None:
    digits = token.replace(",", "").replace("٬", "")
    if "." in digits:
        whole, _, frac = digits.partition(".")
        if len(frac) != 3:
            return None  # a decimal (2.5), not a thousands separator
        digits = whole + frac
    return int(digits) if digits.isdigit() else None


class _CountScanner:
    def __init__(self, nt: NormalizedText, singles: bool = False):
        self.nt = nt
        self.singles = singles  # also read one casualty told by a singular noun (`_one_casualty`)
        self.tokens = tokenize(nt)
        self.words = [t.text for t in self.tokens]
        self.n = len(self.tokens)
        self.numbers, self.nouns, self.cues, self.blockers = _lex()

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def rests(self, i: int) -> frozenset[str]:
        """Token i less each proclitic reading ("والحرب": الحرب, حرب ...): what a word list matches it by."""
        return _rests(self.word(i))

    @cached_property
    def line_ends(self) -> frozenset[int]:
        """Tokens a line break follows: the matching form writes one as a space, so a heading or a paragraph
        ends in the display only."""
        display, origin = self.nt.display, self.nt.origin
        return frozenset(
            k for k in range(self.n - 1)
            if "\n" in display[int(origin[self.tokens[k].end - 1]) + 1 : int(origin[self.tokens[k + 1].start])]
        )  # fmt: skip

    def surface_of(self, first: int, last: int) -> str:
        return display_span(self.nt, self.tokens[first].start, self.tokens[last - 1].end)[2]

    def number_word(self, i: int, allow_waw: bool) -> tuple[int, str] | None:
        return _number_word(self.word(i), allow_waw)

    def opens_with_waw(self, i: int) -> bool:
        """Token i starts with the conjunction و: واحد is "one", but وأحد (و + أحد) reads the same
        once normalized, so the display's hamza tells them apart."""
        word = self.word(i)
        if not word.startswith("و"):
            return False
        if word not in self.numbers and word not in self.nouns:
            return True
        token = self.tokens[i]
        second = self.nt.to_display_span(token.start + 1, token.end)[0]
        return self.nt.display[second : second + 1] in ("أ", "إ")

    def noun_at(self, i: int) -> reference.CountNoun | None:
        return _noun_for(self.word(i))

    def parse_number(self, i: int) -> _Number | None:
        word = self.word(i)
        value = _as_int(word) if word[:1].isdigit() else None
        scale = self.number_word(i + 1, False)
        scaled = scale is not None and scale[1] in ("thousand", "vague") and scale[0] >= 1000
        if value is None and scaled and _is_decimal(word):
            return _Number(i, i + 2, round(float(word) * scale[0]), False, False)  # 1.7 مليون
        if value is not None:
            if scaled:
                return _Number(i, i + 2, value * scale[0], False, False)
            return _Number(i, i + 1, value, False, False)
        if scaled and scale[1] == "thousand" and (denominator := _fraction(word)):
            return _Number(i, i + 2, scale[0] // denominator, False, True)  # ربع مليون
        word = self.number_word(i, allow_waw=True)
        if word is None:
            return None
        value, kind = word
        last = i + 1
        approximate = kind == "vague"
        nxt = self.number_word(last, allow_waw=False)
        if kind == "unit" and nxt and nxt[1] == "teen":
            value, last = value + 10, last + 1
        elif kind == "unit" and self.word(last).startswith("و") and (ten := self.number_word(last, True)):
            if ten[1] == "ten":
                value, last = value + ten[0], last + 1
        elif kind == "unit" and nxt and nxt[1] in ("hundred", "thousand", "vague") and nxt[0] >= 100:
            value, last = value * nxt[0], last + 1
            approximate = False
        elif kind == "hundred" and nxt and nxt[1] in ("thousand", "vague") and nxt[0] >= 1000:
            value, last = value * nxt[0], last + 1  # مئتي ألف
        return _Number(i, last, value, approximate, True)

    def approximator_before(self, i: int) -> int:
        """Index where an approximation phrase ending just before token i starts, or i."""
        for phrase in APPROXIMATORS:
            start = i - len(phrase)
            if start >= 0 and tuple(self.words[start:i]) == phrase:
                return start
        return i

    def cue_at(self, k: int) -> str | None:
        """The event kind of token k when it is an event word (مقتل, وأصيب, باعتقال, القتلى), else None."""
        for _, rest in clitic_variants(self.words[k]):
            for form in (rest, rest[2:] if rest.startswith("ال") else None):
                if form in self.cues:
                    return self.cues[form]
        return None

    def cue_before(self, i: int) -> str | None:
        for k in range(i - 1, max(-1, i - 1 - CUE_LOOKBACK), -1):
            if cue := self.cue_at(k):
                return cue
            if not self.words[k].isalpha() and self.words[k] not in TRANSPARENT:
                return None
        return self.verb_before_its_subject(i) or self.verb_opening_the_sentence(i)

    def verb_opening_the_sentence(self, i: int) -> str | None:
        """A killing verb that opens the sentence, the act it happened in (TOLL_ACTS: خلال الهجوم, في الغارة)
        and then the count: "وقتل خلال الهجوم وما لحقه من قصف واشتباكات 63 من مقاتلي التنظيم". The words
        between are words, no number, count noun, event word or relative pronoun."""
        for k in range(i - 1 - CUE_LOOKBACK, max(-1, i - 1 - OPENING_VERB_REACH), -1):
            opens = k == 0 or _ends_sentence(self, k - 1) or any(mark in self.words[k - 1] for mark in ".!?\n")
            if k < 0 or not opens:
                continue
            verb = {rest for _, rest in clitic_variants(self.words[k])} & KILLING_VERBS
            if not verb or self.word(k + 1) not in CIRCUMSTANCE_OPENERS or self.word(k + 2) not in TOLL_ACTS:
                return None  # "قتل في الحرب الأهلية أكثر من 300": not the dead of one act
            between = self.words[k + 1 : i]
            if any(
                not w.isalpha() or w in RELATIVES or _may_open_count(w) or self.cue_at(j) is not None
                for j, w in enumerate(between, start=k + 1)
            ):
                return None  # "قتل خلال الهجوم الذي شنه 5 مسلحين": the count is the relative clause's
            return "killed"
        return None

    def verb_before_its_subject(self, i: int) -> str | None:
        """A killing verb, its subject of three words and then the count: "وقتلت قوات الأمن الحكومية 9
        متظاهرين". The words between are no preposition, number, count noun or event word."""
        k = i - 1 - CUE_LOOKBACK
        if k < 0 or not ({rest for _, rest in clitic_variants(self.words[k])} & KILLING_VERBS):
            return None
        between = self.words[k + 1 : i]
        if any(
            not w.isalpha() or w in SUBJECT_BREAKS or _may_open_count(w) or self.cue_at(j) is not None
            for j, w in enumerate(between, start=k + 1)
        ):
            return None
        return "killed"

    def cue_in_sentence_before(self, i: int) -> str | None:
        """The nearest event word earlier in the sentence: "بمقتل ماجد الخلف، ومسلح آخر", "واعتقلت
        القيادي أبو خطاب إلى جانب شخص آخر" (another casualty of that event)."""
        for k in range(i - 1, max(-1, i - 1 - SENTENCE_CUE_LOOKBACK), -1):
            if any(mark in self.nt.text[self.tokens[k].end : self.tokens[k + 1].start] for mark in ".!?\n"):
                return None
            if cue := self.cue_at(k):
                return cue
        return None

    def cue_after(self, last: int) -> str | None:
        """Kind of a cue verb that follows the counted phrase ending before token `last`, within the
        same clause: "ثلاثة جنود أمريكيين أصيبوا", "أربعة جنود تعرضوا لإصابات"."""
        cues_after = reference.count_cues_after()
        for k in range(last, min(self.n, last + CUE_LOOKAHEAD)):
            word = self.words[k]
            if not word.isalpha() or self.parse_number(k) is not None:
                return None
            for _, rest in clitic_variants(word):
                if rest in cues_after:
                    if word.startswith("و") and self.parse_number(k + 1) is not None:
                        return None  # "27 مدنيا وأصيب 40 آخرون": the next clause's verb, with its own count
                    return cues_after[rest]
        return None

    def blocked(self, number: _Number) -> bool:
        before, after = self.word(number.first - 1), self.word(number.last)
        # "شابا في 19 من عمره": an age
        of_age = after == "من" and self.word(number.last + 1).startswith(("عمر", "العمر"))
        return before in self.blockers["before"] or after in self.blockers["after"] or of_age


def _joins_other_casualty_kind(sc: _CountScanner, count: _Count) -> bool:
    """The counted noun is coordinated with the other casualty noun, no number of its own: "قتيل وجريح",
    "قتلى وجرحى", "جريح وقتيل"."""
    if count.last >= sc.n or not sc.word(count.last).startswith("و"):
        return False
    noun = _noun_for(sc.word(count.last)[1:])
    return noun is not None and {noun.kind, count.kind} == {"killed", "wounded"}


def _kind_for(noun: reference.CountNoun | None, cue: str | None, cue_after: str | None = None) -> str:
    """The noun's own event kind (جرحى), else the cue before the number, else the cue verb after
    the counted phrase, else what the noun names (soldiers, other)."""
    if noun and noun.kind in EVENT_KINDS:
        return noun.kind
    if cue:
        return cue
    if cue_after and cue_after != "aircraft":
        return cue_after
    return noun.kind if noun else "other"


def _counts(sc: _CountScanner) -> list[_Count]:
    counts: list[_Count] = []
    free_from = 0
    for i in compress(range(sc.n), map(_may_open_count_or_single if sc.singles else _may_open_count, sc.words)):
        if i < free_from:
            continue
        found = _count_at(sc, i)
        if found and _noun_for(sc.word(found.last)) == _others():
            found.last += 1  # شخصين آخرين, خمسة قتلى آخرين: "others" belongs to the counted phrase
        if found and found.kind in ("killed", "wounded") and _joins_other_casualty_kind(sc, found):
            found.last += 1  # "100 قتيل وجريح": the dead and the wounded together, neither toll
            found.kind = "casualties"
        if found:
            if counts and counts[-1].kind == found.kind and sc.word(found.last - 1) in PARTITIVE_PRONOUNS:
                # "جرح أربعة جنود، إصابة اثنين منهم بالغة": some of the toll counted before, no toll; not "قوة من
                # 500 مقاتل قتل 100 منهم", the dead of a force
                found.part = True
            _inherit_event(sc, found, counts[-1] if counts else None)
            _among_the_dead(sc, found)
            _all_of_a_group(sc, found)
            found.kind = _act_of(sc, found) or found.kind
            if found.one_of and _picks_one_of_a_group(found.one_of, found.kind):
                continue
            counts.append(found)
            free_from = found.last
            coordinated = _coordinated_singular(sc, found)
            if coordinated:
                counts.append(coordinated)
                free_from = coordinated.last
    return counts


@lru_cache(maxsize=1)
def _two_word_weapons() -> frozenset[str]:
    return frozenset(alias.alias for alias in reference.weapon_aliases() if len(alias.alias.split()) == 2)


def _names_a_weapon(noun: str, following: str) -> bool:
    """طائرات مروحية, طائرات مسيرة: the counted noun and the word after it name one platform, so the
    count covers both (5 طائرات مروحية)."""
    return f"{noun} {following}" in _two_word_weapons()


def _others() -> reference.CountNoun:
    return _lex()[1][normalize_text("آخرين")]


def _picks_one_of_a_group(word: str, kind: str) -> bool:
    """ "أحد المسؤولين", "أحد القتيلين", "أحد المصابين": one member of a group the text counts
    elsewhere, not a count; "مقتل أحد قادة التنظيم", "مقتل أحد جنوده" count one casualty."""
    noun = _noun_for(word)
    if noun is None or kind not in CASUALTY_KINDS or noun.number == 2:
        return True
    definite = any(rest.startswith("ال") for _, rest in clitic_variants(word))
    return definite and noun.kind in CASUALTY_KINDS  # the killed, the wounded: counted already


def _definite_after_an_adjective(sc: _CountScanner, number: _Number) -> bool:
    """A definite number word after a definite noun and its definite adjective: "المسلحين الأجانب الستة
    عشر", "الجنود الأمريكيين الأربعة"."""
    adjective, noun = sc.word(number.first - 1), sc.word(number.first - 2)
    return (
        number.is_word and sc.word(number.first).startswith("ال") and adjective.startswith("ال")
        and adjective.isalpha() and sc.noun_at(number.first - 1) is None and noun.startswith("ال")
    )  # fmt: skip


def _reads_as_a_year(value: int) -> bool:
    """A bare figure of a year's shape after a word of killing ("سقط قتلى في احتجاجات 2011") dates, not counts."""
    return YEARS_OF_NEWS[0] <= value <= YEARS_OF_NEWS[1]


def _count_at(sc: _CountScanner, i: int) -> _Count | None:
    number = sc.parse_number(i)
    if number is not None:
        if sc.blocked(number):
            return None
        start = sc.approximator_before(number.first)
        approximate = number.approximate or start < number.first
        approximator = (start, number.first) if start < number.first else None
        noun_index = number.last + 1 if sc.word(number.last) == "من" else number.last
        noun = sc.noun_at(noun_index)
        cue = sc.cue_before(start)
        if noun is None and _joins_a_range(sc, start, number.last) and (upper := sc.parse_number(number.last + 1)):
            noun = sc.noun_at(upper.last)  # "بين 2500 و3000 مقاتل": the lower bound counts the same noun
            if noun is not None:
                kind = _kind_for(noun, cue, sc.cue_after(upper.last + 1))
                low, high = _range_of(sc, start, number, upper) or (number.value, None)
                return _Count(
                    number.first, number.last, low, kind, noun.subject, approximate, approximator, range_to=high
                )
        if noun is None and sc.word(number.last) in PARTITIVE_PRONOUNS:
            kind = _kind_for(None, cue, sc.cue_after(number.last + 1))  # "ثلاثة منهم عادوا"
            return _Count(number.first, number.last + 1, number.value, kind, "", approximate, approximator)
        if noun is None:
            joined = sc.opens_with_waw(number.first)  # "جندي وإحدى المجندات": a new phrase
            before = sc.noun_at(number.first - 1) if number.is_word and not joined else None
            head = number.first - 1
            if before is None and _definite_after_an_adjective(sc, number) and not joined:
                head = number.first - 2  # "المسلحين الأجانب الستة عشر": the noun, its adjective, the number
                before = sc.noun_at(head)
            if before is not None and before.subject != BODIES:  # "جثث سبع فتيات": bodies of seven girls
                cue = sc.cue_before(head)
                return _Count(
                    head,
                    number.last,
                    number.value,
                    _kind_for(before, cue, sc.cue_after(number.last)),
                    before.subject,
                    approximate,
                )
            if (
                cue and not number.is_word and sc.cue_before(number.first) and number.first - start <= 1
                and not _reads_as_a_year(number.value)
            ):  # fmt: skip
                return _Count(number.first, number.last, number.value, cue, "", approximate, approximator)
            risen = _toll_risen_to(sc, start)
            if risen and not _reads_as_a_year(number.value):
                return _Count(number.first, number.last, number.value, risen, "", approximate, approximator)
            return None
        kind = _kind_for(noun, cue, sc.cue_after(noun_index + 1))
        last = (
            noun_index + 2
            if _names_a_weapon(sc.word(noun_index), sc.word(noun_index + 1))
            else noun_index + 1
        )
        first_word = sc.word(number.first)
        one_of = first_word in ONE_OF or (sc.opens_with_waw(number.first) and first_word[1:] in ONE_OF)
        return _Count(
            number.first, last, number.value, kind, noun.subject, approximate, approximator,
            one_of=sc.word(noun_index) if one_of else None, vague=number.is_word and number.approximate,
        )
    noun = sc.noun_at(i)
    if noun is not None and noun.number == 2 and not sc.parse_number(i + 1) and not sc.parse_number(i - 1):
        return _Count(
            i, i + 1, 2, _kind_for(noun, sc.cue_before(i), sc.cue_after(i + 1)), noun.subject, False
        )
    if noun is not None and noun.number == 1 and (found := _one_projectile(sc, i, noun)):
        act, at = found  # "اعترضت صاروخا": one missile
        by = _side_firing(sc, at, i) or (_fired_from(sc, i + 1) if act == "missiles_fired" else None)
        return _Count(i, i + 1, 1, act, noun.subject, False, by=by)
    if noun is not None and noun.number == 1 and sc.word(i + 1) in ANOTHER:
        kind = _kind_for(noun, sc.cue_before(i) or sc.cue_in_sentence_before(i), sc.cue_after(i + 2))
        if kind in CASUALTY_KINDS:  # "وقتل مسلح آخر": one more casualty
            return _Count(i, i + 2, 1, kind, noun.subject, False)
    return _one_casualty(sc, i, noun) if sc.singles else None


# "بين 250 و300", "ما بين 250 إلى 300": the words that join the two ends of a range; "إلى" only after "بين" ("ارتفع
# من 20 إلى 30" is a rise, not a range).
RANGE_BETWEEN = normalize_text("بين")
RANGE_TO = normalize_text("إلى")


def _joins_a_range(sc: _CountScanner, start: int, last: int) -> bool:
    """The number ending before token `last` (its approximator from `start`) is the lower end of a range."""
    joiner = sc.word(last)
    return joiner == "و" or (joiner == RANGE_TO and RANGE_BETWEEN in sc.rests(start - 1))


def _range_of(sc: _CountScanner, start: int, number: _Number, upper: _Number) -> tuple[int, int] | None:
    """The ends of a range "بين" opens: "بين 250 و300" (250, 300), "ما بين 12 و16 ألف شخص" (12,000, 16,000: the
    lower end takes the upper's scale word when it has none). Not "طفل واحد و13 سيدة", nor "7 ملايين و409 آلاف
    و843" (one number), which "بين" does not open."""
    if RANGE_BETWEEN not in sc.rests(start - 1):
        return None
    low, scale = number.value, sc.number_word(upper.last - 1, False)
    scaled = upper.last - upper.first == 2 and scale and scale[1] in ("thousand", "vague") and scale[0] >= 1000
    if scaled and number.last - number.first == 1 and low * scale[0] <= upper.value:
        low *= scale[0]
    return (low, upper.value) if low < upper.value else None


# "ارتفع عدد ضحايا الهجوم، الذي وقع الجمعة في البلدة، إلى ستة": a toll risen to a bare number
# that its words name far before it, in the same sentence.
# Not "ليرتفع عدد القتلى منذ الأحد إلى 48" after the day's three dead: a rise that follows from a new act
# tells a running total, and so does one since a day.
RISE_VERBS = frozenset(normalize_text(w) for w in (
    "ارتفع", "ارتفعت", "يرتفع", "ترتفع", "وصل", "وصلت", "يصل", "تصل", "بلغ", "بلغت", "ارتفاع",
))  # fmt: skip
TOLL_WORDS = frozenset(normalize_text(w) for w in ("عدد", "حصيلة", "تعداد"))
TOLL_OF = {normalize_text(w): kind for w, kind in (
    ("القتلى", "killed"), ("قتلى", "killed"), ("الضحايا", "killed"), ("ضحايا", "killed"), ("الوفيات", "killed"),
    ("الشهداء", "killed"), ("الجرحى", "wounded"), ("جرحى", "wounded"), ("المصابين", "wounded"), ("الإصابات", "wounded"),
)}  # fmt: skip
# "عدد ضحايا هجوم الجمعة": an indefinite toll word is the toll of the act it is put to, not of a side
# ("عدد قتلى القوات ... إلى 18" counts one side's dead).
TOLL_ACTS = frozenset(normalize_text(w) for w in (
    "هجوم", "الهجوم", "هجمات", "الهجمات", "انفجار", "الانفجار", "تفجير", "التفجير", "تفجيرات", "التفجيرات",
    "غارة", "الغارة", "غارات", "الغارات", "قصف", "القصف", "حادث", "الحادث", "اعتداء", "الاعتداء", "مجزرة",
    "المجزرة", "إطلاق", "هجومي", "عملية", "العملية",
))  # fmt: skip
TOLL_LOOKBACK = 16


def _toll_risen_to(sc: _CountScanner, start: int) -> str | None:
    """The kind of a toll that rose to the number starting at token `start` ("... إلى أربعة"), when a word of
    rising, عدد or حصيلة and whose toll it is ("القتلى", "ضحايا") open the sentence's clause before it."""
    if sc.word(start - 1) != normalize_text("إلى"):
        return None
    for k in range(start - 2, max(0, start - 2 - TOLL_LOOKBACK), -1):
        if _ends_sentence(sc, k) or "منذ" in sc.rests(k):
            return None
        if sc.word(k) in TOLL_WORDS and sc.word(k + 1) in TOLL_OF:
            if not sc.word(k + 1).startswith("ال") and sc.word(k + 2) not in TOLL_ACTS:
                return None
            rises = {sc.word(k - 1), sc.word(k - 1)[1:] if sc.word(k - 1).startswith(("و", "ف")) else ""}
            return TOLL_OF[sc.word(k + 1)] if rises & RISE_VERBS else None
    return None


def _one_casualty(sc: _CountScanner, i: int, noun: reference.CountNoun | None) -> _Count | None:
    """A singular indefinite noun right after the event word, or right before its verb, is one casualty:
    "مقتل مقيم مصري", "قتل مزارع فلسطيني", "مقتل فلسطيني", "إن شخصا قتل" (not "مقتل الجندي", who may be
    one the text counted before), a nationality between them too ("إن جنديا بريطانيا، قتل")."""
    word = sc.word(i)
    if noun is None and _national_singular(word):
        noun = NATIONALS
    elif noun is None or noun.number != 1 or word.startswith("ال"):
        return None
    cue = sc.cue_at(i - 1) if i > 0 else None
    verb = i + 1
    if verb < sc.n and _country_of_nationals(sc.word(verb)):
        verb += 1  # "إن جنديا بريطانيا، قتل": the nationality stands between the noun and its verb
    if verb < sc.n and sc.word(verb) in COMMAS:
        verb += 1
    if cue is None and verb < sc.n:
        cue = sc.cue_at(verb)  # "إن شخصا قتل وأصيب آخر"
    if cue not in CASUALTY_KINDS or sc.parse_number(i + 1) is not None:
        return None
    return _Count(i, i + 1, 1, cue, noun.subject, False, single=True)


# "مقتل 51 شخصا بينهم 41 طفلا": the words that open a part of the group counted just before.
AMONG_THEM = frozenset({"بينهم", "بينهن", "بينها", "منهم", "منهن"})


def _inherit_event(sc: _CountScanner, count: _Count, previous: _Count | None) -> None:
    """ "إصابة أربعة جنود وأحد الكلاب": a count joined by و to the one before shares its event word, and
    so does a part of it ("مقتل 51 شخصا بينهم 41 طفلا")."""
    if previous is None or previous.kind not in ("killed", "wounded", "detained"):
        return
    if count.kind in EVENT_KINDS:
        return
    gap = count.first - previous.last
    joined = gap <= 2 and (sc.words[count.first].startswith("و") or sc.word(count.first - 1) == "و")  # "و3"
    part = gap <= 3 and sc.word(count.first - 1) in AMONG_THEM  # "، من بينهم"
    if joined or part:
        count.kind = previous.kind
        # "بينهم 291 طفلا و223 سيدة": what is joined to a part is a part too
        count.part = part or previous.part
        count.joined = joined and not part


def _among_the_dead(sc: _CountScanner, count: _Count) -> None:
    """ "من بين القتلى القياديان الحوثيان", "وكان بين الجرحى ثلاثة أطفال": a count named among the dead or
    the wounded is a part of that toll, of its kind, and no toll of its own."""
    toll = sc.word(count.first - 1)
    if count.first < 2 or toll not in TOLL_OF or not toll.startswith("ال"):
        return
    if "بين" in sc.rests(count.first - 2):
        count.kind = TOLL_OF[toll]
        count.part = True


# A toll told by a word of its kind and then who they all were: "42 قتيلا كانوا من الأطفال".
TOLL_NOUNS = frozenset({"قتلى", "جرحى", "أشخاص"})
ALL_OF_THEM = frozenset(normalize_text(w) for w in ("كانوا", "كلهم", "جميعهم", "وكلهم", "وجميعهم"))


def _all_of_a_group(sc: _CountScanner, count: _Count) -> None:
    """ "ما لا يقل عن 42 قتيلا كانوا من الأطفال": the dead counted are all of a group (children), so the
    count is the group's, not the toll."""
    if count.kind not in CASUALTY_KINDS or count.subject not in TOLL_NOUNS:
        return
    k = count.last + (sc.word(count.last) in ALL_OF_THEM)
    if sc.word(k) != "من":
        return
    group = _noun_for(sc.word(k + 1))
    if group is not None and group.subject not in TOLL_NOUNS and group.kind not in EVENT_KINDS:
        count.subject = group.subject


def _coordinated_singular(sc: _CountScanner, previous: _Count) -> _Count | None:
    """ "... 4 من جنودها وكلب بوليسي": a singular noun after و shares the event word of the count before."""
    k = previous.last
    while k < sc.n and sc.words[k].isalpha() and not sc.words[k].startswith("و") and k - previous.last < 2:
        k += 1  # adjectives of the counted noun (جنود أميركيين)
    word = sc.word(k)
    if not word.startswith("و") or len(word) < 3:
        return None
    noun = sc.nouns.get(word[1:])
    if noun is None or noun.number != 1 or previous.kind not in ("killed", "wounded", "detained"):
        return None
    return _Count(k, k + 1, 1, previous.kind, noun.subject, False)


def _opens_a_period(sc: _CountScanner, k: int) -> bool:
    """Whether token k opens a period: "منذ بدء الاحتجاجات", "منذ 2011", "خلال عشرة أيام", "الأسابيع
    الماضية"."""
    rests = sc.rests(k)
    if "منذ" in rests:
        return _since_a_date(sc, k)
    if "خلال" in rests:
        # "خلال عشرة أيام", "خلال الصراع"; not "خلال حملة للجيش على احتجاجات المعارضة", which may be a day's
        return any(sc.word(j) in PERIOD_SPANS | WARS for j in range(k + 1, min(sc.n, k + 4)))
    if rests & DURING_IT:
        # "بعد أسبوع دام قتل خلاله 20": during the period named just before
        return any(sc.word(j) in PERIOD_SPANS for j in range(max(0, k - DURING_IT_REACH), k))
    if rests & OWN_PERIODS:
        return sc.word(k + 1) in ORDINALS_BY_GENDER["m"]
    return sc.word(k) in PERIOD_SPANS and sc.word(k + 1) in PAST_MARKS


def _since_a_date(sc: _CountScanner, k: int) -> bool:
    """ "منذ 30 مارس", "منذ بدء الاحتجاجات": since a date or a start, not since the morning, and not the
    term of a comparison ("الحصيلة الأكبر في المحافظة منذ اندلاع النزاع": the worst since)."""
    rests = sc.rests(k)
    opens = "منذ" in rests and (sc.word(k + 1).isdigit() or sc.word(k + 1) in PERIOD_OPENERS)
    return opens and not any(sc.word(j) in SUPERLATIVES for j in range(max(0, k - SUPERLATIVE_REACH), k))


def _after_an_earlier_act(sc: _CountScanner, k: int, first: int) -> bool:
    """ "بعد خمسة أيام من مقتل 9 أشخاص", "بعد أسابيع من مقتل أكثر من 30 طفلا": token k (بعد) dates the
    act told against an earlier killing, whose word comes right before the count."""
    if "بعد" not in sc.rests(k):
        return False
    for j in range(k + 1, min(first, k + 4)):
        if sc.word(j) in EARLIER_SPANS and sc.word(j + 1) == "من":
            return j + 2 < first and sc.cue_at(j + 2) is not None and sc.approximator_before(first) <= j + 3
    return False


def _ends_clause(sc: _CountScanner, k: int) -> bool:
    """A comma and و between token k and the next: "منذ بدء الحملة، وأشار إلى سقوط 70" starts a new
    clause; "ومنذ 2012، عندما بدأت ...، قتلت الجماعة 900" goes on with the one "منذ" opened."""
    if sc.word(k + 1) in COMMAS:
        k += 1
    between = sc.nt.text[sc.tokens[k].end : sc.tokens[k + 1].start] if k + 1 < sc.n else ""
    comma = any(c in between for c in COMMAS) or sc.word(k) in COMMAS
    return comma and sc.word(k + 1).startswith("و")


def _ends_sentence(sc: _CountScanner, k: int) -> bool:
    """Whether a sentence ends between token k and the next (or token k+1 is the stop itself)."""
    between = sc.nt.text[sc.tokens[k].end : sc.tokens[k + 1].start] + sc.word(k + 1)
    return any(mark in between for mark in ".!?\n") or k in sc.line_ends


def _over_a_period(sc: _CountScanner, first: int, last: int) -> bool:
    """A period a few words before or after the count in its sentence: "ومنذ بدء الاحتجاجات قتل أكثر
    من 50", "قتل نحو 30 فلسطينيا خلال عشرة أيام", "الغارات الأسابيع الماضية في مقتل 1450 مدنيا" are
    running totals, not one event's toll."""
    for k in range(first - 1, max(-1, first - 1 - SINCE_SENTENCE_LOOKBACK), -1):
        if _ends_sentence(sc, k) or (first - k > SINCE_LOOKBACK and _ends_clause(sc, k)):
            break
        if first - k <= SINCE_LOOKBACK and (_opens_a_period(sc, k) or _after_an_earlier_act(sc, k, first)):
            return True
        if _since_a_date(sc, k) or _weeks_of_an_act_that(sc, k, first) or _days_of_a_wave(sc, k):
            return True
    for k in range(last, min(sc.n, last + RUNNING_TOTAL_LOOKAHEAD)):
        if _ends_sentence(sc, k - 1):
            break
        if _opens_a_period(sc, k):
            return True
    return False


# Periods that a campaign, not one act, lasts ("أسابيع من القصف"; "أيام من الغارة" may follow one strike).
LONG_PERIODS = frozenset(normalize_text(w) for w in ("أسابيع", "الأسابيع", "أشهر", "الأشهر", "شهور", "الشهور", "سنوات",
                                                     "السنوات", "أعوام", "الأعوام"))  # fmt: skip


def _weeks_of_an_act_that(sc: _CountScanner, k: int, first: int) -> bool:
    """ "بعد أسابيع من القصف المكثف الذي تسبب بمقتل أكثر من 1500 شخص": weeks (months, years) of an act
    whose relative clause counts the dead is a running total, however far the count stands from them."""
    if sc.word(k) not in LONG_PERIODS or k + 1 >= sc.n or sc.word(k + 1) != "من":
        return False
    return any(sc.word(j) in RELATIVES for j in range(k + 2, first))


def _days_of_a_wave(sc: _CountScanner, k: int) -> bool:
    """ "بعد 10 أيام من الاحتجاجات ...، حيث قتلت قواتها 30": days (weeks, months) of a wave of acts before the count
    in its sentence; its dead are those of all the days."""
    return sc.word(k) in PERIOD_SPANS and sc.word(k + 1) == "من" and bool(sc.rests(k + 2) & WAVES)


# Words that name many acts over weeks or years, never one: a war's, a campaign's toll is a running total.
WARS = frozenset(normalize_text(w) for w in ("حرب", "حربا", "الحرب", "نزاع", "نزاعا", "النزاع", "صراع", "صراعا", "الصراع"))
CAMPAIGNS = WARS | {normalize_text("حملة"), normalize_text("الحملة")}
# Words that name a wave of acts: protests, clashes, raids may last a day ("أدت الاحتجاجات إلى مقتل 62 خلال 24
# ساعة") or months; their toll is a running total when the sentence tells how long they have gone on.
WAVES = frozenset(normalize_text(w) for w in (
    "احتجاجات", "الاحتجاجات", "تظاهرات", "التظاهرات", "مظاهرات", "المظاهرات", "اضطرابات", "الاضطرابات",
    "معارك", "المعارك", "اشتباكات", "الاشتباكات", "مواجهات", "المواجهات", "عنف", "العنف", "عملية", "العملية",
    "عمليات", "العمليات",
))  # fmt: skip
# "منذ اندلاع النزاع", "بمنأى عن النزاع", "قبل الحرب": a war named as a time or a thing kept from is no act of
# the count.
NOT_THE_ACT = frozenset(normalize_text(w) for w in ("منذ", "عن", "قبل", "بعد"))
# "عملية عسكرية بدأها في التاسع من شباط/فبراير الماضي وأسفرت حتى الآن عن": a wave begun in a past month or
# years back. Not "حتى الآن" alone: "معارك في وسط المدينة أوقعت حتى الآن 25 قتيلا" is a day's battle so far.
BEGUN = normalize_text("بدأ")
BEGUN_REACH = 6
LASTING = frozenset(normalize_text(w) for w in (
    "استمرت", "استمر", "دامت", "دام", "المستمرة", "المستمر", "مستمرة", "تستمر", "يستمر",
))  # fmt: skip
LASTING_REACH = 3
# The words that make an act the doer of a toll ("الحرب التي أوقعت", "وأسفرت هذه الحملة عن", "سقط خلالها"); a
# war merely named before a count ("الحرب الكلامية ... فبعد مقتل 60") did not cause it.
CAUSING = frozenset(normalize_text(w) for w in (
    "أسفر", "أسفرت", "يسفر", "تسفر", "أوقع", "أوقعت", "يوقع", "توقع", "أدى", "أدت", "يؤدي", "تؤدي", "خلف", "خلفت",
    "مخلفا", "مخلفة", "تسبب", "تسببت", "يتسبب", "تتسبب", "حصد", "حصدت", "أودى", "أودت", "فيها", "فيه", "خلالها",
    "خلاله",
))  # fmt: skip
# "وأسفرت هذه الحملة": the verb right before its doer, or a demonstrative between (not "حصدت مخلفات الحرب").
DEMONSTRATIVES = frozenset(normalize_text(w) for w in ("هذه", "هذا", "تلك", "ذلك"))


def _toll_of_a_campaign(sc: _CountScanner, first: int) -> bool:
    """The count's act, the nearest act word before it in its sentence, is a war or a campaign that caused it
    ("أوقعت الحرب في سوريا أكثر من 400 ألف قتيل", "لحملة قصف أسفرت عن مقتل 628 مدنيا"), or a wave of acts told
    as lasting: "بعد شهر من التظاهرات ضد السلطات أوقعت 63 قتيلا", "احتجاجات استمرت أربعة أشهر وأسفرت عن سقوط
    125 قتيلا", "عملية عسكرية بدأها في فبراير الماضي وأسفرت عن مقتل 100". One act's word nearer the count
    ("أسفر الهجوم عن مقتل 5") makes the toll that act's."""
    for k in range(first - 1, max(-1, first - 1 - SINCE_SENTENCE_LOOKBACK), -1):
        if _ends_sentence(sc, k) or (first - k > SINCE_LOOKBACK and _ends_clause(sc, k)):
            return False
        rests = sc.rests(k)
        if rests & (CAMPAIGNS | WAVES) and _names_a_time(sc, k):
            continue
        if rests & CAMPAIGNS or (rests & TOLL_ACTS and sc.rests(k - 1) & CAMPAIGNS):
            return _causes(sc, k, first) and not _on_a_day(sc, k, first)
        if rests & WAVES:
            return _causes(sc, k, first) and _lasting(sc, k, first) and not _on_a_day(sc, k, first)
        if rests & TOLL_ACTS:
            return False
    return False


def _causes(sc: _CountScanner, k: int, first: int) -> bool:
    """Whether the act named at token k is told as causing the count at `first`: a verb of causing, or a word
    for "in it", between them or right before the act."""
    verb = k - 2 if sc.word(k - 1) in DEMONSTRATIVES else k - 1
    return any(sc.rests(j) & CAUSING for j in [verb, *range(k + 1, first)])


RUN_ENDS = frozenset(normalize_text(w) for w in ("منذ", "حتى"))


def _on_a_day(sc: _CountScanner, k: int, first: int) -> bool:
    """A day between the campaign at token k and the count makes the toll that day's: "الحملة الأمنية أسفرت
    الأحد عن مقتل 5 مسلحين"; not a day the campaign runs from or to ("منذ الأحد", "حتى اليوم", "بدأت الأحد")."""
    for j in range(k + 1, first):
        day = sc.rests(j) & _day_words()
        before = sc.rests(j - 1)
        if day and not before & RUN_ENDS and not any(rest.startswith(BEGUN) for rest in before):
            return True
    return False


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """Weekdays and relative days of the date lexicon (الأحد، أمس، اليوم)."""
    lx = load_lexicon()
    return frozenset(lx.weekdays) | frozenset(lx.relative_days)


def _names_a_time(sc: _CountScanner, k: int) -> bool:
    """The act word at token k stands after "منذ", "قبل", "بعد" or "عن", a start word between ("منذ اندلاع
    النزاع")."""
    before = k - 1 if sc.word(k - 1) in PERIOD_OPENERS else k
    return bool(sc.rests(before - 1) & NOT_THE_ACT)


def _lasting(sc: _CountScanner, k: int, first: int) -> bool:
    """Whether the sentence tells how long the wave of acts named at token k has gone on: a period of it ("شهر
    من التظاهرات"), its lasting ("احتجاجات استمرت أربعة أشهر") or its start weeks or years back."""
    if sc.word(k - 1) == "من" and sc.word(k - 2) in PERIOD_SPANS:
        return True
    for j in range(k + 1, min(first, k + 1 + LASTING_REACH)):
        if sc.rests(j) & LASTING:
            return any(sc.word(i) in PERIOD_SPANS for i in range(j + 1, min(first, j + 4))) or _since_a_date(sc, j + 1)
    for j in range(k + 1, min(first, k + 1 + BEGUN_REACH)):
        if any(rest.startswith(BEGUN) for rest in sc.rests(j)):
            return any(_a_past_month_or_year(sc, i) for i in range(j + 1, min(first, j + 1 + BEGUN_REACH)))
    return False


def _a_past_month_or_year(sc: _CountScanner, i: int) -> bool:
    """ "فبراير الماضي", "قبل 50 عاما", "عام 2014": a time weeks or years back."""
    word = sc.word(i)
    if word in load_lexicon().months:
        return sc.word(i + 1) in PAST_MARKS
    if word == normalize_text("قبل"):
        return any(sc.word(j) in PERIOD_SPANS for j in range(i + 1, i + 4))
    return len(word) == 4 and word.isdigit() and _reads_as_a_year(int(word))


def counts_one_event(m: Mention) -> bool:
    """Whether a COUNT mention is a figure of one event (not a running total since a date): the one
    test for the event frames' figures and the conflicts' statements."""
    return not m.attrs.get("cumulative")


# ---- what a count of people or projectiles tells besides the casualties ----------------------------
# A figure of its own that sources give differently about one event (data/reference/count_acts.csv): the
# missiles fired ("إطلاق 7 صواريخ") or intercepted ("اعترضت صاروخا"), the people abducted or held hostage
# ("خطف 36 شخصا"), the bombers who blew themselves up ("4 انتحاريين فجروا أنفسهم"), the people displaced ("نزوح
# أكثر من 200 ألف مدني"), the fighters who attacked ("قوة مهاجمة من 500 مقاتل"). Each is the count's kind,
# as killed or wounded is, and only a count no casualty word governs takes one.
ACTS = ("missiles_fired", "missiles_intercepted", "abducted", "bombers", "displaced", "attackers")
# Kinds counted while they run on: people keep fleeing for days, and each report gives the count so far over
# its own area ("أكثر من 30 ألف مدني" on Thursday, "150 ألفا منذ الأربعاء" on Saturday), so a later figure
# revises nothing and only reports of one moment can disagree.
RUNNING_COUNTS = frozenset({"displaced"})
# Counted nouns (count_nouns.csv subjects, as written there).
PROJECTILES = frozenset(("صواريخ", "قذائف"))
HOSTAGES = frozenset(("رهائن", "مخطوفين"))
BOMBERS = "انتحاريين"
PEOPLE = "أشخاص"
# Counted nouns that are neither people nor projectiles: raids, strikes, operations, dogs, bodies.
NOT_PEOPLE = frozenset(("غارات", "ضربات", "عمليات", "كلب", "جثث"))
# "فجروا أنفسهم", "بتفجير أربعة انتحاريين أحزمتهم": what a bomber blows up.
BOMBER_OBJECTS = frozenset(normalize_text(w) for w in ("أنفسهم", "أنفسهما", "نفسه", "أحزمتهم", "أحزمتهما", "أحزمة"))
# A verb of firing or intercepting may stand before its subject ("اعترضت قوات الدفاع الجوي السعودي صاروخا");
# one of abducting or bombing across a short one ("خطف المسلحون 20 شخصا") or just after the counted noun.
ACT_REACH = {"projectiles": (6, 6), "people": (3, 2), "fighters": (1, 2)}
# People who flee an assault are counted in hundreds or thousands, and they are civilians: "ثلاثة أشخاص فروا
# من المكان" are suspects who got away, "مسلحون فروا" fighters who withdrew.
DISPLACED_MIN = 100
# How many words before a word of firing the side that fires is looked for, within its sentence; how many
# after one told after the count ("20 صاروخا أطلقتها إيران").
SIDE_REACH = 14
SIDE_AFTER = 3
# "من الأراضي اليمنية", "من داخل قطاع غزة": fired from a country's land, a few words on.
FIRED_FROM_REACH = 6
LANDS = frozenset(normalize_text(w) for w in ("الأراضي", "أراضي", "داخل"))
# "إن ..." opens what a speaker says, "بعد إطلاق صاروخ" an act told against the main clause: who is named
# before either (the ministry speaking, the Israelis running to shelters) fires nothing.
OPENING_A_CLAUSE = frozenset(normalize_text(w) for w in (
    *COMPLEMENTIZERS, "بعد", "قبل", "إثر", "اثر", "عقب", "حين", "عندما", "بينما",
))  # fmt: skip
PLACE_PREPOSITIONS = frozenset(normalize_text(w) for w in (
    "في", "من", "على", "إلى", "عن", "نحو", "باتجاه", "داخل", "جنوب", "شمال", "شرق", "غرب", "ضد",
))  # fmt: skip
# Fighters an attack is made with ("هاجم 500 مسلح القاعدة", "300 مقاتل هاجموا", "قوة مهاجمة من 500 مقاتل"): a word of
# attacking right before the count (one further off, "هاجم مسلحون 5 جنود", has its subject between and the count
# for its object), or just after the counted noun, or an attacking force (the words of position "force") and a
# word of its size. Soldiers and people are as often whom an attack hit, and a force's size alone ("قوة قوامها
# 500 جندي") is as often a deployment's.
ATTACKING_FIGHTERS = frozenset(("مسلحين", "مقاتلين", "عناصر"))
FORCE_SIZE = frozenset(normalize_text(w) for w in ("من", "قوامها", "تضم", "عددها"))
# "500 عنصر كانوا قد اجتازوا النهر لمهاجمة مقر", "257 شخصا قرروا عبور النهر وبدأوا قصف موقع": fighters or people
# who are the subject of a clause (a plural verb right after them) that tells an attack as their own act or
# purpose, however far on in it: a plural verb of attacking, or a word of attacking (count_acts.csv, position
# "purpose") with the lam of purpose or after a verb of starting. Who was exposed to an attack ("تعرضوا للهجوم")
# suffered it; a relative pronoun or a clause opened by "بعد", "أن" has a subject of its own.
ATTACKING_PEOPLE = ATTACKING_FIGHTERS | {PEOPLE}
CLAUSE_REACH = 15
STARTING = frozenset(normalize_text(w) for w in ("بدأوا", "بدؤوا", "شرعوا"))
SUFFERING = frozenset(normalize_text(w) for w in ("تعرضوا", "تعرض", "تعرضت", "يتعرضون", "عرضة"))
# "تم خطفه مع 35 شخصا آخرين": the others taken with someone, not all who were taken.
WITH = normalize_text("مع")


@lru_cache(maxsize=1)
def _act_words() -> dict[tuple[str, str], dict[str, str]]:
    """(word, applies_to) -> {position: act}, from data/reference/count_acts.csv, in matching form."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for row in reference.read_reference_csv("count_acts.csv"):
        positions = ("before", "after") if row["position"] == "both" else (row["position"],)
        for position in positions:
            out.setdefault((normalize_text(row["word"]), row["applies_to"]), {})[position] = row["act"]
    return out


def _act_word(word: str, applies_to: str, position: str) -> str | None:
    for _, rest in clitic_variants(word):
        act = _act_words().get((rest, applies_to), {}).get(position)
        if act:
            return act
    return None


def _act_before(sc: _CountScanner, first: int, applies_to: str) -> tuple[str, int] | None:
    """The act of a word before the count (its approximator left out) and where the word is, across a
    verb's subject for projectiles: no number, event word, preposition or punctuation between."""
    for k in range(first - 1, max(-1, first - 1 - ACT_REACH[applies_to][0]), -1):
        word = sc.word(k)
        if not word.isalpha():
            return None
        if act := _act_word(word, applies_to, "before"):
            return act, k
        if word in SUBJECT_BREAKS or _may_open_count(word) or sc.cue_at(k) is not None:
            return None
    return None


def _act_after(sc: _CountScanner, last: int, applies_to: str) -> tuple[str, int] | None:
    """The act of a word just after the counted phrase ("10 صواريخ أخرى أرض-أرض أطلقت", "36 مدنيا خطفوا")."""
    for k in range(last, min(sc.n, last + ACT_REACH[applies_to][1])):
        word = sc.word(k)
        if word == "-":
            continue
        if not word.isalpha() or sc.parse_number(k) is not None or sc.cue_at(k) is not None:
            return None
        if act := _act_word(word, applies_to, "after"):
            return act, k
    return None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """A country's one-word names (إسرائيل, السعودية) in matching form -> its code (data/reference/places.csv)."""
    return {
        normalize_text(row["alias"]): row["ref_id"].upper()
        for row in reference.load_places()
        if row["place_kind"] == "country" and " " not in row["alias"].strip()
    }


def _country_in(word: str, after: str, places: frozenset[str] = frozenset(), before_noun: str = "") -> str | None:
    """The side a word names: a nationality adjective, definite or feminine, or a plural nationality
    (الإسرائيلية, الإيراني, إيرانية, الإيرانيين: تركي alone is as often the name Turki), or a country
    (إسرائيل); none that a preposition of `places` puts as a place ("في سوريا", "لإيران", "على الجانب
    السوري": `after` is the word before it, `before_noun` the word before an adjective's noun)."""
    for _, rest in clitic_variants(word):
        definite_or_feminine = rest.startswith("ال") or rest.endswith("ه")
        adjective = definite_or_feminine and reference.country_of_nationality(
            rest if rest.startswith("ال") else "ال" + rest
        )
        if code := adjective or (rest.startswith("ال") and nationality_of_plural(rest)):
            return None if before_noun in places else code
    if after in places:
        return None
    bare = word[1:] if word.startswith("و") else word
    return _country_names().get(bare) or _country_names().get(word)


def _side_firing(sc: _CountScanner, at: int, first: int) -> str | None:
    """The country of whoever fires or intercepts: the subject between the word of firing and the count
    ("أطلقت إسرائيل 60 صاروخا"), the one right after a word told after the count ("20 صاروخا أطلقتها
    إيران"), else the nearest before the word of firing (`_side_before`)."""
    after = range(at + 1, first) if at < first else range(at + 1, min(sc.n, at + 1 + SIDE_AFTER))
    # "أطلقت من إسرائيل": fired from there, by its side
    places = PLACE_PREPOSITIONS if at < first else PLACE_PREPOSITIONS - {normalize_text("من")}
    for k in after:
        if not sc.word(k).isalpha():
            break
        if code := _country_in(sc.word(k), sc.word(k - 1), places, sc.word(k - 2)):
            return code
    return _side_before(sc, min(at, first))


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    """A place's names of one or two words in matching form -> its country code (data/reference/places.csv):
    where a salvo is fired from ("من قطاع غزة", "من اليمن")."""
    return {
        normalize_text(row["alias"]): row["country"].upper()
        for row in reference.load_places()
        if row["country"] and len(row["alias"].split()) <= 2
    }


def _fired_from(sc: _CountScanner, k: int) -> str | None:
    """The country a salvo is fired from, "من" and a place or a country's land a few words after the count or
    its word of firing: "إطلاق صاروخ من غزة" (PS), "من داخل الأراضي اليمنية" (YE)."""
    for j in range(k, min(sc.n - 1, k + FIRED_FROM_REACH)):
        if _ends_sentence(sc, j) or sc.word(j) in COMMAS:
            return None
        if sc.word(j) != normalize_text("من"):
            continue
        j += 1
        while sc.word(j) in LANDS:
            j += 1
        place, two = sc.word(j), f"{sc.word(j)} {sc.word(j + 1)}"
        return _place_countries().get(two) or _place_countries().get(place) or _country_in(place, "")
    return None


def _side_before(sc: _CountScanner, at: int) -> str | None:
    """The country of whoever fires or intercepts, named nearest before the act word in its clause: "أن
    المقاتلات الإسرائيلية أطلقت 60 صاروخا" (IL), "اتهمت إسرائيل قوات إيرانية في سوريا بإطلاق 20 صاروخا" (IR);
    not the speaker before "إن" or "أن", nor one before "بعد" that tells another act."""
    found = _side_named_before(sc, at)
    return found[0] if found else None


def _side_named_before(sc: _CountScanner, at: int) -> tuple[str, int] | None:
    """`_side_before`'s country and the token that names it."""
    words = 0
    for k in range(at - 1, -1, -1):
        if _ends_sentence(sc, k) or words >= SIDE_REACH or sc.word(k) in OPENING_A_CLAUSE:
            return None  # "قالت وزارة الدفاع الروسية إن الطائرات أطلقت": the speaker is no side (OPENING_A_CLAUSE)
        words += sc.word(k).isalpha()
        if code := _country_in(sc.word(k), sc.word(k - 1), PLACE_PREPOSITIONS, sc.word(k - 2)):
            return code, k
    return None


def _one_projectile(sc: _CountScanner, i: int, noun: reference.CountNoun) -> tuple[str, int] | None:
    """ "اعترضت صاروخا", "إطلاق صاروخ باليستي": one missile told by a singular indefinite noun after a word of
    firing or intercepting, no number beside it: the act and where its word is."""
    if noun.subject not in PROJECTILES or sc.word(i).startswith("ال"):
        return None
    if sc.parse_number(i + 1) is not None or sc.parse_number(i - 1) is not None:
        return None
    return _act_before(sc, i, "projectiles")


# "60 صاروخ جو-أرض", "10 صواريخ أرض-أرض": missiles of one kind, a part of a salvo that fired others too.
MISSILE_ENDS = {normalize_text("جو"): "air", normalize_text("أرض"): "surface"}
MISSILE_TYPE_REACH = 4


def _missile_type(sc: _CountScanner, last: int) -> str | None:
    """The kind of missile a count names just after its noun, from where to where ("جو-أرض": air_to_surface)."""
    ends = []
    for k in range(last, min(sc.n, last + MISSILE_TYPE_REACH)):
        word = sc.word(k)
        if word in MISSILE_ENDS:
            ends.append(MISSILE_ENDS[word])
            if len(ends) == 2:
                return "_to_".join(ends)
        elif word.isalpha() or ends:
            if ends and word != "-":
                return None
            if word.isalpha() and word not in ANOTHER:
                return None
    return None


def _with_another_noun(sc: _CountScanner, count: _Count) -> bool:
    """The counted noun is joined by و to another one with no number of its own: "36 سيدة وطفلا", "30 امرأة
    وطفلا" count both together."""
    word = sc.word(count.last)
    noun = _noun_for(word[1:]) if word.startswith("و") and len(word) > 2 else None
    return noun is not None and noun.subject != count.subject and sc.parse_number(count.last + 1) is None


def _act_of(sc: _CountScanner, count: _Count) -> str | None:
    """What a count no casualty word governs counts, when it is one of ACTS: missiles fired or intercepted,
    people abducted, bombers, people displaced, attackers (see data/reference/count_acts.csv)."""
    if count.kind not in ("other", "soldiers") or not count.subject or count.subject in NOT_PEOPLE:
        return None
    start = count.approximator[0] if count.approximator else count.first
    if sc.word(start - 1) == WITH or AMONG_THEM & {sc.word(start - 1), sc.word(start - 2)}:
        return None  # "مع 35 آخرين", "بينهم 4 انتحاريين": a part of a group, not all of one
    if count.subject in HOSTAGES:
        return "abducted"
    if count.subject in ATTACKING_FIGHTERS and _attacking(sc, start, count.last):
        return "attackers"
    if count.subject in ATTACKING_PEOPLE and _subject_of_an_attack(sc, count.last):
        return "attackers"
    applies_to = "projectiles" if count.subject in PROJECTILES else "people"
    found = _act_before(sc, start, applies_to) or _act_after(sc, count.last, applies_to)
    act = found[0] if found else None
    if applies_to == "projectiles":
        if act not in ("missiles_fired", "missiles_intercepted"):
            return None
        count.by = _side_firing(sc, found[1], start)  # type: ignore[index]
        if act == "missiles_fired" and count.by is None:
            count.by = _fired_from(sc, max(found[1] + 1, count.last))  # type: ignore[index]
        return act
    if _with_another_noun(sc, count):
        count.subject = PEOPLE  # "خطف 36 سيدة وطفلا": women and children, all who were taken
    blows_up = count.subject == BOMBERS or any(
        sc.word(k) in BOMBER_OBJECTS for k in range(count.last, min(sc.n, count.last + 3))
    )
    if act == "bombers":
        return act if blows_up else None
    if act == "displaced" and (count.kind != "other" or count.value < DISPLACED_MIN):
        return None
    if act is None and count.subject == BOMBERS and not count.part:
        return "bombers"  # "هاجم 4 انتحاريين"
    return act


def _attacking(sc: _CountScanner, start: int, last: int) -> bool:
    """Whether the fighters counted from token `start` to `last` made an attack (see ATTACKING_FIGHTERS)."""
    if _act_before(sc, start, "fighters") or _act_after(sc, last, "fighters"):
        return True
    return sc.word(start - 1) in FORCE_SIZE and _act_word(sc.word(start - 2), "fighters", "force") == "attackers"


def _plural_verb(word: str) -> bool:
    """A verb of a plural subject: "قرروا", "اجتازوا", "يهاجمون"."""
    bare = word[1:] if word.startswith(("و", "ف")) and len(word) > 4 else word
    return bare.isalpha() and len(bare) >= 4 and (bare.endswith("وا") or bare[0] in "يت" and bare.endswith("ون"))


def _subject_of_an_attack(sc: _CountScanner, last: int) -> bool:
    """Whether the people counted before token `last` are the subject of a clause telling their attack (see
    ATTACKING_PEOPLE)."""
    if not _plural_verb(sc.word(last)):
        return False
    for k in range(last, min(sc.n, last + CLAUSE_REACH)):
        word = sc.word(k)
        if k > last and (_ends_sentence(sc, k - 1) or not word.isalpha() or word in RELATIVES):
            return False
        if word in OPENING_A_CLAUSE or sc.parse_number(k) is not None:
            return False
        if _plural_verb(word) and _act_word(word, "fighters", "after") == "attackers":
            return True  # "وهاجموا", "اقتحموا"
        purpose = _act_word(word, "fighters", "purpose") == "attackers"
        if purpose and word[0] == "ل" and sc.word(k - 1) not in SUFFERING:
            return True  # "لمهاجمة مقر", not "تعرضوا للهجوم"
        if purpose and sc.rests(k - 1) & STARTING:
            return True  # "وبدأوا قصف موقع"
    return False


# Fighters of a jihadist group ("63 من مقاتلي التنظيم", "30 مسلحا من داعش") are one side's dead, counted apart
# from the toll and from gunmen of any side ("12 مسلحا مواليا للنظام").
FIGHTERS = frozenset(("مقاتلين", "عناصر", "مسلحين"))
JIHADIST_GROUPS = frozenset(normalize_text(w) for w in (
    "التنظيم", "داعش", "تنظيم", "الدولة", "القاعدة", "طالبان", "النصرة",
))  # fmt: skip
LOSING = frozenset(normalize_text(w) for w in ("فقد", "فقدت", "خسر", "خسرت"))
LOSING_REACH = 4
# "221 قتيلا على الأقل", "اثنان من المقاتلين الروس، على الأقل": a bound written after the count.
AT_LEAST_AFTER = (normalize_text("على"), normalize_text("الأقل"))
AT_LEAST_REACH = 4


def _fighters_of_a_jihadist_group(sc: _CountScanner, count: _Count) -> bool:
    """ "63 من مقاتلي التنظيم", "30 مسلحا من داعش"; or the dead a jihadist group lost ("فقد تنظيم داعش 22
    قتيلا", the other side's "30" told before it)."""
    if _lost_by_a_jihadist_group(sc, count.first):
        return True
    if count.subject not in FIGHTERS:
        return False
    k = count.last + 1 if sc.word(count.last) == "من" else count.last
    return bool(sc.rests(k) & JIHADIST_GROUPS)


def _lost_by_a_jihadist_group(sc: _CountScanner, first: int) -> bool:
    """A verb of losing (فقد, خسر) a few words before the count, a jihadist group its subject between."""
    for k in range(first - 1, max(-1, first - 1 - LOSING_REACH), -1):
        if sc.rests(k) & LOSING:
            return any(sc.rests(j) & JIHADIST_GROUPS for j in range(k + 1, first))
    return False


def _at_least_after(sc: _CountScanner, last: int) -> int | None:
    """Token index of "على الأقل" within a few words after the counted phrase (a nationality, a comma
    between), or None."""
    for k in range(last, min(sc.n - 1, last + AT_LEAST_REACH)):
        if (sc.word(k), sc.word(k + 1)) == AT_LEAST_AFTER:
            return k
        if _ends_sentence(sc, k) or sc.parse_number(k) is not None or sc.cue_at(k) is not None:
            return None
    return None


def _to_mention(sc: _CountScanner, count: _Count) -> Mention:
    first = sc.tokens[count.first]
    start = first.start
    if sc.opens_with_waw(count.first):
        rest = sc.words[count.first][1:]
        if rest in sc.nouns or rest in sc.numbers:
            start += 1
    d_start, d_end, surface = display_span(sc.nt, start, sc.tokens[count.last - 1].end)
    attrs = {"count_kind": count.kind, "approximate": count.approximate, "subject": count.subject}
    # "اثنان من المقاتلين الروس" among a hundred dead counts the Russians, not the toll
    if count.last < sc.n and (country := nationality_of_plural(sc.word(count.last))):
        attrs["nationality"] = country
    elif count.part and (country := nationality_of_plural(sc.word(count.last - 1))):
        attrs["nationality"] = country  # "14 عسكريا بينهم سبعة إيرانيين": the Iranians among them, not a toll
    # not the detained: a campaign of raids and arrests is often a morning's
    if _over_a_period(sc, count.first, count.last) or (count.kind != "detained" and _toll_of_a_campaign(sc, count.first)):
        attrs["cumulative"] = True
    if any(_after_an_earlier_act(sc, k, count.first) for k in range(max(0, count.first - SINCE_LOOKBACK), count.first)):
        # not the toll of the act the sentence tells, but one event's still: the earlier act's own
        attrs["earlier_act"] = True
    if count.vague:
        attrs["vague"] = True
    if count.part:
        attrs["part"] = True
    if count.joined:
        attrs["joined"] = True
    if count.approximator:
        first, last = count.approximator
        attrs["approximator"] = sc.surface_of(first, last)
    elif (at := _at_least_after(sc, count.last)) is not None:
        attrs["approximate"] = True
        attrs["approximator"] = sc.surface_of(at, at + 2)
    if count.kind in CASUALTY_KINDS and _fighters_of_a_jihadist_group(sc, count):
        attrs["side"] = "jihadists"
    if count.by:
        attrs["by"] = count.by
    if count.kind in ACTS and sc.word(count.last) in ANOTHER:
        attrs["more"] = True  # "10 صواريخ أخرى": more than the figure told before, added to it
    if count.kind in ACTS and (typed := _missile_type(sc, count.last)):
        attrs["missile_type"] = typed
    return Mention(
        "COUNT", d_start, d_end, surface, normalize_text(surface), value=str(count.value), attrs=attrs
    )


# "إن جنديا فرنسيا وشخصا آخر ... قتلا": a dual verb of killing after two singular nouns joined by و.
DUAL_KILLED = frozenset(normalize_text(w) for w in ("قتلا", "استشهدا", "توفيا"))
DUAL_SUBJECT_LOOKBACK = 14


def _two_joined_under_a_dual_verb(sc: _CountScanner, taken: list[_Count]) -> list[_Count]:
    """Two casualties told by two singular indefinite nouns joined by و, the subject of a dual killing
    verb later in the sentence: one count of two."""
    found = []
    for i in range(sc.n):
        if sc.word(i) not in DUAL_KILLED:
            continue
        for k in range(i - 1, max(0, i - 1 - DUAL_SUBJECT_LOOKBACK), -1):
            if _ends_sentence(sc, k):
                break
            second = sc.word(k)
            if not second.startswith("و") or (noun := sc.nouns.get(second[1:])) is None or noun.number != 1:
                continue
            first = k - 1
            if _country_of_nationals(sc.word(first)):
                first -= 1  # "جنديا فرنسيا وشخصا"
            other = sc.noun_at(first) if first >= 0 else None
            if other is None or other.number != 1 or sc.word(first).startswith("ال"):
                break
            last = k + 2 if sc.word(k + 1) in ANOTHER else k + 1
            if not any(c.first < last and first < c.last for c in taken):
                found.append(_Count(first, last, 2, "killed", other.subject, False))
            break
    return found


def find_counts(nt: NormalizedText) -> list[Mention]:
    """COUNT mentions: value is the integer as text; attrs count_kind, approximate, subject (and range, [lower,
    upper], on both ends of one)."""
    sc = _CountScanner(nt)
    counts = _counts(sc)
    counts = sorted(counts + _two_joined_under_a_dual_verb(sc, counts), key=lambda c: c.first)
    mentions = [_to_mention(sc, count) for count in counts]
    for k in range(1, len(counts)):
        if mentions[k - 1].attrs.get("cumulative") and (
            _joined_closely(sc, counts[k - 1], counts[k]) or _goes_on_with(sc, counts[k - 1], counts[k])
        ):
            mentions[k].attrs["cumulative"] = True
        if _paired_with_a_war_scale_toll(sc, counts[k - 1], counts[k]):
            mentions[k - 1].attrs["cumulative"] = mentions[k].attrs["cumulative"] = True
        lower, upper = counts[k - 1], counts[k]
        if lower.range_to == upper.value and upper.first - lower.last <= 1:
            # "ما بين 250 و300 مقاتل": both ends state the one range, which holds any figure between them
            mentions[k - 1].attrs["range"] = mentions[k].attrs["range"] = [lower.value, upper.value]
            # the act told before the lower end ("إطلاق ما بين 100 إلى 120 صاروخا") or after the upper is the range's
            for end, other in ((k - 1, upper), (k, lower)):
                if other.kind in ACTS and mentions[end].attrs["count_kind"] in ("other", "soldiers"):
                    mentions[end].attrs["count_kind"] = other.kind
    for count, mention in zip(counts, mentions, strict=True):
        # a running total of a side's own dead is compared as that side's (the conflicts' campaign totals)
        cumulative = mention.attrs.get("cumulative") and "nationality" not in mention.attrs
        if cumulative and (side := _own_soldiers_side(sc, count)):
            mention.attrs["nationality"] = side[0]
            if side[1]:
                mention.attrs["told_by_side"] = True  # the army's own count, not a monitor's
    return mentions


# "ووثق المرصد في المقابل مقتل أكثر من 400 عنصر", "كما أعلن الجيش حتى الآن عن مقتل 46 من جنوده": the sentence after a
# running total's goes on with its period when it gives the other side's figure ("في المقابل") or one so far
# ("حتى الآن"), and tells no day or act of its own.
IN_RETURN = normalize_text("المقابل")
SO_FAR = frozenset(normalize_text(w) for w in ("الآن", "اليوم", "الساعة"))  # "حتى الآن"
# "46 من جنوده": a side's own soldiers, whose side is the party named before them (the army of a country).
OWN_SOLDIERS = frozenset(normalize_text(f"{noun}{own}") for noun in ("جنود", "عسكريي") for own in ("ه", "ها"))


def _goes_on_with(sc: _CountScanner, previous: _Count, count: _Count) -> bool:
    """The count's sentence is the one right after the running total `previous` and goes on with its period, or
    counts a part of its dead."""
    ends = [k for k in range(previous.last - 1, count.first) if _ends_sentence(sc, k)]
    ends = [k for k in ends if k - 1 not in ends]  # the stop is a token of its own, a line break may follow it
    if len(ends) != 1 or count.kind not in CASUALTY_KINDS:
        return False
    if count.part:
        return True  # "بلغ 168 قتيلا و18006 مصابين. ومن بين القتلى 27 طفلا": some of the running total's dead
    opening, closing = ends[0] + 1, _sentence_end(sc, count.last)
    words = range(opening, closing)
    if any(sc.rests(j) & _day_words() and not sc.rests(j - 1) & RUN_ENDS or sc.rests(j) & TOLL_ACTS for j in words):
        return False  # "وفي المقابل قتل الأحد 5 جنود", "في غارة على القرية حتى الآن": that day's, that act's toll
    in_return = any(
        IN_RETURN in sc.rests(j) and (sc.word(j) != IN_RETURN or "في" in sc.rests(j - 1))
        for j in range(opening, count.first)
    )  # "في المقابل", "وبالمقابل"
    return in_return or any("حتي" in sc.rests(j) and sc.word(j + 1) in SO_FAR for j in words)


def _sentence_end(sc: _CountScanner, k: int) -> int:
    """The token after the last one of the sentence token k is in."""
    while k < sc.n - 1 and not _ends_sentence(sc, k):
        k += 1
    return min(sc.n, k + 1)


def _own_soldiers_side(sc: _CountScanner, count: _Count) -> tuple[str, bool] | None:
    """The country whose own soldiers a count counts, and whether that side tells it: "أعلن الجيش التركي مقتل 46
    من جنوده" (TR, told by the army, a verb of saying a word or two before it), "خسر الجيش التركي 46 من جنوده"
    (TR)."""
    if sc.word(count.last - 1) not in OWN_SOLDIERS or not (found := _side_named_before(sc, count.first)):
        return None
    country, k = found
    speaking = any(sc.rests(j) & reference.speech_verbs() for j in range(max(0, k - 3), k))
    return country, speaking


# "أكثر من 130 فلسطينيا قتلوا وأصيب 15 ألف": the dead told with a war's scale of wounded (or the wounded with a war's
# dead) are that period's dead, whatever word tells the period, or none.
PAIRED_TOLL_GAP = 3
PAIRED_TOLLS = frozenset({"killed", "wounded"})


def _paired_with_a_war_scale_toll(sc: _CountScanner, previous: _Count, count: _Count) -> bool:
    """The dead and the wounded told side by side ("قتل X وأصيب Y"), one of them beyond one event's scale."""
    if {previous.kind, count.kind} != PAIRED_TOLLS or count.first - previous.last > PAIRED_TOLL_GAP:
        return False
    if is_event_scale(previous.value, previous.kind) and is_event_scale(count.value, count.kind):
        return False
    gap = range(previous.last, count.first + 1)
    return any(sc.words[j].startswith("و") for j in gap) and not any(_ends_sentence(sc, k) for k in gap[:-1])


def _joined_closely(sc: _CountScanner, previous: _Count, count: _Count) -> bool:
    """The count follows the previous one within RUNNING_TOTAL_JOIN words of its sentence."""
    gap = range(previous.last - 1, count.first)
    return count.first - previous.last <= RUNNING_TOTAL_JOIN and not any(_ends_sentence(sc, k) for k in gap)


def find_single_casualties(nt: NormalizedText) -> list[Mention]:
    """One casualty each, told by a singular noun right after the event word ("مقتل مقيم مصري", "قتل
    فلسطيني"): figures of an event that states no number, not COUNT mentions of the text."""
    sc = _CountScanner(nt, singles=True)
    return [_to_mention(sc, count) for count in _counts(sc) if count.single]
