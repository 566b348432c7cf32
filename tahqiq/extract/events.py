"""Event frames: what each article says happened, before clustering across articles.

Words from data/reference/event_lexicon.csv mark triggers (event types), outcomes, background cues,
announcement verbs, claim sources, partner cues, role words and region phrases. The article is read
sentence by sentence: the first sentence with a trigger opens the main event; a sentence dated more
than three days away from it (or months before publication) with a trigger or a word of killing opens
a background event (one per date when a sentence cites several); other sentences continue the frame
being told. An act a clause says another act answers ("ردا على إطلاق صواريخ", "انتقاما لمقتل") is a
background frame of its own (answered), with its clause's words, places and figures; so is an act told as a
few days older than the sentence's ("تأتي التفجيرات بعد أيام من مقتل خمسة عناصر ...", dated two to ten days
before it) or a counted span older ("بعد يوم من", "بعد ثلاثة أيام من هجوم", that span before it, counted
loosely), unless its clause dates it; an opening act so told with no other act beside it is the news ("بعد 18
يوما من اختفائه، أقرت المملكة بموته") and takes the same date. A later sentence that tells such an act again
with its day adds to that frame; a date said twice in a cited act's sentence is one date. The launch of a
military operation a sentence dates ("عملية غصن الزيتون التي أطلقتها أنقرة في 20 يناير", military_operation)
is a background frame too. An act the article tells twice is one frame: two cited acts (or two acts an answer
answers) of one type (a generic "استهداف" answered is the missile another clause names; a person's killing the
shooting another sentence says killed him), on one day, at one place or one inside the other, with no two
tolls (when one names no place, the same toll or person); a main act and a cited one stay two, as do an answer
and what it answered. A date right after an announcement verb ("أعلنت ... أمس الأحد") dates the
announcement, not the event (which a denial answers up to a week later). An act the article recalls as
older than its news (the pluperfect "وكانت السلطات قد اعتقلت", "سبق أن", "في السابق", or told after the words
that open a chronicle of the day in past years, "في مثل هذا اليوم") takes no date from the publication or the
lead: only its own, or its announcement's day. Only acts the article asserts
happened open frames: not those threatened, planned, plotted, ordered, warned against, awaited, judged,
rehearsed in a drill or a test, nor a period's tally or state ("منذ بدء ...", "خلال الأشهر الماضية").
Targets are PERSON mentions near a word of killing or targeting or a role word, and not introduced as a
speaker.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from tahqiq.dates.inference import (
    ANNOUNCEMENT_LAG_DAYS,
    NEWS_LAG_DAYS,
    SPAN_SLACK_DAYS,
    announcement_window,
    date_of_weekday_and_month_day,
    day_before,
    later_than_publication,
    publication_window,
    revision_window,
    span_before,
)
from tahqiq.dates.values import date_bounds, gap_days, month_day_bounds, precision_of
from tahqiq.extract.counts import counts_one_event, event_total, find_single_casualties, wholes_else_parts
from tahqiq.extract.dates import counted_span
from tahqiq.extract.gazetteer import QUOTED_PHRASE_GAP_RE, Gazetteer
from tahqiq.extract.mention import ByStart, Mention, mention_id
from tahqiq.extract.places import named_as_elsewhere, named_as_where, place_within, seat_governorates
from tahqiq.extract.statements import frame_statements
from tahqiq.extract.tokens import clitic_variants
from tahqiq.reference import casualty_groups, load_event_lexicon
from tahqiq.text.arabic import COMPLEMENTIZERS, RELATIVE_PRONOUNS, is_future_verb, story_terms
from tahqiq.text.normalize import NormalizedText, normalize, normalize_text

# Our types, each with the ACLED sub-event type it falls under (finer ones, a helicopter raid or an
# airdrop, keep their own name here and take ACLED's on the events table).
ACLED_SUB_EVENT_TYPE = {
    "drone_strike": "Air/drone strike",
    "air_strike": "Air/drone strike",
    "helicopter_raid": "Armed clash",
    "ground_raid": "Armed clash",
    "airdrop": "Armed clash",
    "armed_clash": "Armed clash",
    "shelling": "Shelling/artillery/missile attack",
    "missile_attack": "Shelling/artillery/missile attack",
    "suicide_bomb": "Suicide bomb",
    "remote_explosive": "Remote explosive/landmine/IED",
    "shooting": "Attack",
    "attack": "Attack",
    "abduction": "Abduction/forced disappearance",
    "arrest": "Arrests",
    "territory_capture": "Non-state actor overtakes territory",
    # the launch of a named or military operation, told as the start of a campaign ("عملية غصن الزيتون
    # التي أطلقتها أنقرة في 20 يناير"): ACLED codes the campaign's acts, not its launch
    "military_operation": "Armed clash",
}
EVENT_TYPES = tuple(ACLED_SUB_EVENT_TYPE)


# Most specific first: a frame whose sentences name a helicopter and a strike is a helicopter raid.
TYPE_PRECEDENCE = (
    "airdrop",
    "helicopter_raid",
    "drone_strike",
    "suicide_bomb",
    "ground_raid",
    "air_strike",
    "missile_attack",
    "shelling",
    "remote_explosive",
    "shooting",
    "abduction",
    "armed_clash",
    "territory_capture",
    "arrest",
    "attack",
    "military_operation",
)
# Everyday words (خطف a contestant, سيطرت على a mood, a shell in a gallery); they open a frame only
# beside a word of killing, wounding, targeting, arrest or abduction.
WEAK_TYPES = ("attack", "arrest", "armed_clash", "missile_attack", "shooting", "remote_explosive", "abduction",
              "territory_capture", "shelling", "suicide_bomb")  # fmt: skip
# A cited killing whose sentence names no kind of operation.
DEFAULT_TYPE = "attack"
SAME_EVENT_MAX_GAP_DAYS = 3
TARGET_CUE_WINDOW = 60
ROLE_BEFORE_WINDOW = 40
ROLE_AFTER_WINDOW = 25
SPEAKER_WINDOW = 30
RELATIVE_CLAUSE_DATE_GAP = 2
# Words of title that may stand between a verb of saying and the person who says ("وأكد الرئيس الفرنسي
# ماكرون"); a clause opened after the verb ("قالت الشرطة إن ...") names others than its subject.
SUBJECT_TITLE_WORDS = 2
SPEAKER_TITLE_WORDS = 6
SPEAKER_TITLE_WINDOW = 70
CLAUSE_OPENERS = frozenset(normalize_text(w) for w in COMPLEMENTIZERS | {"عن"})
PARTNER_WINDOW = 60
TARGET_ORG_WINDOW = 25
FRONTED_DATE_CHARS = 12
# A place or person this close after an act names what it was done to (its object); a person this close
# before a passive killing names who was killed ("خاشقجي قتل").
OBJECT_WINDOW = 30
NAMED_BEFORE_WINDOW = 12
# "منذ" this close before a date makes the date a period's start (one space, or a word-joining mark).
PERIOD_START_GAP = 2
# "وفي هجوم منفصل": the word that says the act is another follows its sentence's first event word this closely.
SEPARATE_WINDOW = 12
# The act told before, named again: "الهجوم ذاته", "الحادث نفسه", "نفس المعركة".
SAME_ACT_RE = re.compile(r"(?<![\w])(?:ال\w+\s+(?:ذاته|ذاتها|نفسه|نفسها)|نفس\s+ال\w+)(?![\w])")
SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")
# Operation words this close to the word of killing name how the target was killed.
KILLING_WINDOW = 60
# A later sentence may only make the opening sentence's type more specific ("a strike" -> "by drone").
REFINEMENTS = {
    "air_strike": ("helicopter_raid", "drone_strike"),
    "ground_raid": ("airdrop", "helicopter_raid"),
    "helicopter_raid": ("airdrop",),
    "attack": ("airdrop", "helicopter_raid", "drone_strike", "suicide_bomb", "ground_raid", "air_strike",
               "shelling", "remote_explosive", "shooting"),  # fmt: skip
    "arrest": ("airdrop", "helicopter_raid", "ground_raid"),
    "remote_explosive": ("suicide_bomb",),
    "missile_attack": ("drone_strike", "air_strike"),
}
TYPE_OF_WEAPON_KIND = {"drone": "drone_strike", "helicopter": "helicopter_raid", "aircraft": "air_strike"}


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    value: str
    start: int  # display offsets
    end: int
    text: str
    modality: str = "asserted"


@lru_cache(maxsize=1)
def _lexicon() -> Gazetteer:
    """Every cue phrase, grouped by kind so that a phrase may be a trigger and a claim cue at once."""
    phrases = [
        (normalize_text(row["phrase"]), (row["kind"], row["value"]))
        for row in load_event_lexicon()
        if row["kind"] not in ("region_box", "actor_org_kind")
    ]
    # A word that names an event names it with the article too (غارة, الغارة; هجمات, الهجمات).
    definite = [
        (f"ال{phrase}", payload)
        for phrase, payload in phrases
        if payload[0] in DEFINITE_FORM_KINDS and not phrase.startswith("ال")
    ]
    known = {phrase for phrase, _ in phrases}
    return Gazetteer(
        phrases + [(p, payload) for p, payload in definite if p not in known],
        group=lambda payload: payload[0],
        gap=QUOTED_PHRASE_GAP_RE,
    )


DEFINITE_FORM_KINDS = ("trigger", "ambiguous_trigger", "strike_word")


def _cues(nt: NormalizedText) -> list[Cue]:
    out = []
    for match in _lexicon().find(nt.text):
        start, end = nt.to_display_span(match.start, match.end)
        kind, value = match.entry.payload
        out.append(Cue(kind, value, start, end, nt.display[start:end]))
    cues = sorted(out, key=lambda c: (c.start, c.kind))
    cues = _drop_period_tallies(nt.display, _drop_period_openings(nt.display, _drop_false_triggers(nt.display, cues)))
    return _with_modality(nt.display, _resolve_ambiguous_triggers(nt.display, cues))


# What the article says of an act: only asserted, alleged, denied and claimed acts are events (an
# exercise or a test, "تدريبات لمحاكاة التصدي لهجوم جوي", "اختبار صاروخ باليستي", acts out none).
NON_EVENT_MODALITIES = ("threatened", "planned", "hypothetical", "judicial", "exercise")
# A modality word governs the event words this far after it in its sentence ("هدد ... بشن ضربات").
MODALITY_WINDOW = 80
EVENT_WORD_KINDS = ("trigger", "outcome")
# Characters before an event word where a verb in the future makes its object a plan.
FUTURE_VERB_WINDOW = 30


# A harmless instrument this close after a strike word says what it was struck with ("ضربه ... بالبيض").
INSTRUMENT_WINDOW = 25
# "حصيلة ثوران بركان فويغو إلى 62 قتيلا": the dead told this soon after an accident or a disaster are its own.
ACCIDENT_TOLL_WINDOW = 40


def _drop_false_triggers(display: str, cues: list[Cue]) -> list[Cue]:
    """Event words inside a phrase that names no act of war ("مسيرة العودة", "ضربة جزاء", "وقف إطلاق النار")
    or struck with a harmless instrument ("ضربه بالبيض"), and deaths told just before or after an accident
    or a disaster ("لقوا حتفهم في تحطم مروحية", not a fire set on purpose); deaths at a march ("قتلوا
    برصاص إسرائيلي أثناء مسيرة العودة") stay."""
    false_spans = [(c.start, c.end) for c in cues if c.kind == "not_trigger"]
    # A word of arrest or of death inside such a phrase is none either ("مذكرة اعتقال", "استمرار اعتقال");
    # an accident's dead are its own (below).
    no_act_spans = [(c.start, c.end) for c in cues if c.kind == "not_trigger" and c.value != "accident"]
    # An accident stays a cue of its own: a sentence that tells one and no act of war counts its dead.
    accident_cues = [
        Cue("accident", c.value, c.start, c.end, c.text)
        for c in cues
        if c.kind == "not_trigger" and c.value == "accident" and not _set_on_purpose(display, c)
    ]
    accidents = [(c.start, c.end) for c in accident_cues]
    instruments = [c.start for c in cues if c.kind == "harmless_instrument"]
    return sorted(accident_cues + [
        c
        for c in cues
        if c.kind not in ("not_trigger", "harmless_instrument")
        and not (
            c.kind in ("trigger", "ambiguous_trigger", "strike_word")
            and (
                any(s < c.end and c.start < e for s, e in false_spans)
                or any(0 <= i - c.end <= INSTRUMENT_WINDOW for i in instruments)
            )
        )
        and not (c.kind == "outcome" and any(s < c.end and c.start < e for s, e in no_act_spans))
        and not (c.kind == "outcome" and any(0 <= s - c.end <= INSTRUMENT_WINDOW for s, _ in accidents))
        and not (c.kind == "outcome" and any(0 <= c.start - e <= ACCIDENT_TOLL_WINDOW for _, e in accidents))
    ], key=lambda c: (c.start, c.kind))


# "الحريق الذي أضرم في مقهى", "أشعلوا حريقا متعمدا": a fire set on purpose is an attack, no accident.
SET_ON_PURPOSE_RE = re.compile(r"(?<![\w])[وف]?(?:أضرم|اضرم|إضرام|اضرام|أشعل|اشعل|إشعال|اشعال|متعمد|عمدا|عمدًا)\w*")
SET_ON_PURPOSE_WINDOW = 20


def _set_on_purpose(display: str, accident: Cue) -> bool:
    return bool(
        SET_ON_PURPOSE_RE.search(display, accident.end, accident.end + SET_ON_PURPOSE_WINDOW)
        or SET_ON_PURPOSE_RE.search(display, max(0, accident.start - SET_ON_PURPOSE_WINDOW), accident.start)
    )


# "منذ مقتل محسن فكري", "منذ محاولة اغتيال سكريبال", "منذ أن أصيب بجلطة", "منذ سيطرة الحوثيين على
# صنعاء": a killing, a wounding or a taking of control right after "since" opens the period the sentence
# tells of; the article cites it and reports nothing of it. ("منذ بدء الهجوم" opens a campaign the
# sentence may well report on: running totals are told apart by their counts.)
SINCE = "منذ"
SINCE_LINK_WORDS = frozenset({"أن", "محاولة"})
SINCE_WINDOW = len(" محاولة ")


def _drop_period_openings(display: str, cues: list[Cue]) -> list[Cue]:
    """Killings, woundings and captures that open a period ("منذ مقتل ..."), at most أن or محاولة between."""
    since_ends = [c.end for c in cues if c.kind == "period_start" and normalize_text(c.text).endswith(SINCE)]

    def opens_a_period(cue: Cue) -> bool:
        return (cue.kind == "outcome" or cue.value == "territory_capture") and any(
            0 <= cue.start - end <= SINCE_WINDOW and set(display[end : cue.start].split()) <= SINCE_LINK_WORDS
            for end in since_ends
        )

    return [c for c in cues if not opens_a_period(c)]


# "يرتفع عدد القتلى الذين سقطوا برصاص الجيش منذ بدء الاحتجاجات في 30 آذار إلى 53", "اعتقلت السلطات
# 67 شخصا خلال الأسابيع الماضية", "وتسيطر الفصائل على إدلب منذ عام 2015": event words in one clause with
# a period tell a tally or a state over it, no one act; not the first or the worst act of a period ("في
# أول هجوم من نوعه منذ عام", "الأعنف منذ عام 2014"), which is one.
SINCE_START_RE = re.compile(r"(?<![\w])[وف]?منذ\s+(?:بدء|بداية|انطلاق|انطلاقة|اندلاع|مطلع|(?:ال)?عام\s+[0-9٠-٩])")
DURING_PERIOD_RE = re.compile(
    r"(?<![\w])[وف]?خلال\s+(?:(?:ال)?(?:أشهر|أسابيع|أيام|سنوات|أعوام|شهر|عام|عامين|سنة|سنتين)\s+(?:القليلة\s+)?"
    r"(?:الماضية|الماضي|الماضيين|الأخيرة|الأخير|الجاري|المنصرم|المنصرمة)|النصف\s+(?:الأول|الثاني))(?![\w])"
)
ONE_OF_THE_PERIOD_RE = re.compile(r"(?<![\w])(?:أول|أعنف|الأعنف|أكبر|الأكبر|أسوأ|الأسوأ|أدمى|الأدمى|الأكثر|ثاني|ثالث)(?![\w])")
CLAUSE_BREAK_RE = re.compile(r"[.!?\n،,؛;]")
TALLY_WINDOW = 80
# Words of the act only: whether a count of the dead is a period's is the counts' to tell (counts_one_event).
TALLIED_KINDS = ("trigger", "ambiguous_trigger", "strike_word")


def _drop_period_tallies(display: str, cues: list[Cue]) -> list[Cue]:
    """Event words told in one clause with a period: before its start ("منذ بدء ...": the act named after
    it opens the period), or before or after a span ("خلال الأشهر الماضية"; a comma may follow a fronted
    one: "خلال الأشهر الماضية، شنت ...")."""
    starts = [(m.start(), m.end(), False) for m in SINCE_START_RE.finditer(display)]
    periods = starts + [(m.start(), m.end(), True) for m in DURING_PERIOD_RE.finditer(display)]
    if not periods:
        return cues

    def tallied(cue: Cue) -> bool:
        for start, end, span in periods:
            if 0 <= start - cue.end <= TALLY_WINDOW:
                between = display[cue.end : start]
                reach = max(0, cue.start - TALLY_WINDOW)
                clause_start = max((m.end() for m in CLAUSE_BREAK_RE.finditer(display, reach, cue.start)), default=reach)
                if not CLAUSE_BREAK_RE.search(between) and not ONE_OF_THE_PERIOD_RE.search(display, clause_start, start):
                    return True
            elif span and 0 <= cue.start - end <= TALLY_WINDOW:
                between = display[end : cue.start]
                after_comma = between.lstrip().removeprefix("،").removeprefix(",")
                if not CLAUSE_BREAK_RE.search(after_comma) and not ONE_OF_THE_PERIOD_RE.search(between):
                    return True
        return False

    return [c for c in cues if not (c.kind in TALLIED_KINDS and tallied(c))]


def _resolve_ambiguous_triggers(display: str, cues: list[Cue]) -> list[Cue]:
    """A word that names an attack only beside a strike word (bare "مسيرة": a drone or a march)
    becomes a trigger when its sentence has a strike word (a shooting at a march is no drone)."""
    out = []
    for cue in cues:
        if cue.kind != "ambiguous_trigger":
            out.append(cue)
            continue
        if any(
            c.kind == "strike_word" and _same_sentence_span(display, c, cue) and not _heads(display, c, cue)
            for c in cues
            if c is not cue
        ):
            out.append(Cue("trigger", cue.value, cue.start, cue.end, cue.text))
    return [c for c in out if c.kind != "strike_word"]


AIRCRAFT_NOUNS = frozenset(normalize_text(w) for w in ("طائرة", "طائرات", "الطائرة", "الطائرات"))


def _heads(display: str, word: Cue, cue: Cue) -> bool:
    """The strike word is the noun the ambiguous word qualifies ("طائرة مروحية": a helicopter, no strike)."""
    return normalize_text(word.text) in AIRCRAFT_NOUNS and not display[word.end : cue.start].strip()


def _same_sentence_span(display: str, a: Cue, b: Cue) -> bool:
    return _same_sentence(display, min(a.end, b.end), max(a.start, b.start))


def _with_modality(display: str, cues: list[Cue]) -> list[Cue]:
    """Each event word takes the modality of the nearest modality word before it in its sentence;
    event words of acts threatened, planned, hypothetical or judged in court are dropped."""
    modal = [c for c in cues if c.kind == "modality"]
    out = []
    for cue in cues:
        if cue.kind == "modality":
            continue
        if cue.kind in EVENT_WORD_KINDS:
            governing = [
                m
                for m in modal
                if m.start <= cue.start
                and cue.start - m.end <= MODALITY_WINDOW
                and _same_sentence(display, m.end, cue.start)
            ]
            if governing:
                modality = governing[-1].value
                if modality in NON_EVENT_MODALITIES:
                    continue
                cue = Cue(cue.kind, cue.value, cue.start, cue.end, cue.text, modality)
            elif any(
                not_yet(display, cue)
                for not_yet in (_after_a_future_verb, _warned_against, _ordered, _awaited, _plotted, _sought_or_refrained)
            ):
                continue
        out.append(cue)
    return out


# "حذرت روسيا الولايات المتحدة من تنفيذ ضربات جوية", "منعهم من اقتحام مبنى البلدية": an act warned
# against or prevented is the object of "من" after a verb of warning or preventing, with at most a verbal
# noun of doing between ("تنفيذ", "شن"); the warning word stands this close before it in its sentence.
WARNED_AGAINST_RE = re.compile(
    r"(?<![\w])[وف]?(?:حذر|حذّر|يحذر|تحذر|تحذير|محذر|منع|يمنع|تمنع|لمنع|لتمنع|ليمنع)\w*"
    r"\s+(?:[^\s،,.]+\s+){0,5}?من\s+(?:(?:تنفيذ|شن|توجيه|القيام\s+ب\w*)\s+)?(?:أي\s+)?$"
)
WARNED_AGAINST_WINDOW = 70


# "الهجوم العسكري المرتقب على إدلب", "ضربات جوية محتملة": an act said to be awaited, right after its word
# or one word on, has not happened.
AWAITED_RE = re.compile(
    r"\s*(?:[^\s،,.]+\s+)?(?:ال)?(?:مرتقب|محتمل|متوقع|وشيك)(?:ة|ين|ان|تان|تين)?(?![\w])"
)


# "أمر الحوثي السبت باعتقال مشرفين", "أصدر أوامر بشن ضربات": an act ordered is the object of "ب" after a verb
# or noun of ordering, a few words on (its subject, a day); the order, not the act, is told.
ORDERED_RE = re.compile(r"(?<![\w])[وف]?(?:أمر|أمرت|يأمر|تأمر|أوامر|أمرا)\s+(?:[^\s،,.]+\s+){0,4}?ب$")
ORDERED_WINDOW = 60


def _ordered(display: str, cue: Cue) -> bool:
    before = display[max(0, cue.start - ORDERED_WINDOW) : cue.start]
    return bool(ORDERED_RE.search(SENTENCE_BREAK_RE.split(before)[-1]))


# "مؤامرة لاغتيال رئيسة الوزراء", "مخطط إرهابي لتنفيذ هجوم": the act a plot is for (with its "ل", at most one
# word between); not the bare name of a charge ("مؤامرة إجرامية إرهابية") nor the planner ("المخطط الرئيسي").
PLOTTED_RE = re.compile(r"(?<![\w])[وب]?(?:مؤامرة|مؤامرات|مخطط|مخططا|مخططات|خطة|الخطة)\s+(?:[^\s،,.]+\s+)?ل(?:(?:تنفيذ|شن)\s+)?$")
PLOTTED_WINDOW = 30


def _plotted(display: str, cue: Cue) -> bool:
    return bool(PLOTTED_RE.search(display, max(0, cue.start - PLOTTED_WINDOW), cue.start))


# "الميليشيات تسعى للسيطرة على الحديدة", "تمتنع إسرائيل عن شن غارات على لبنان": an act sought or refrained
# from, right after the verb of seeking ("إلى" or "ل" between) or after "عن". Not the aim of an operation ("بدأت
# هجوما واسعا بهدف اقتحام مدينة الحديدة"), whose word is often the only one its launch is told by.
SOUGHT_RE = re.compile(r"(?<![\w])[وف]?(?:سعيا|تسعى|يسعى|يسعون|الساعية|الساعي)\s+(?:(?:إلى|الى)\s+)?$")
REFRAINED_RE = re.compile(
    r"(?<![\w])[وف]?(?:تمتنع|يمتنع|يمتنعون|امتنع|امتنعت|امتنعوا)\s+(?:[^\s،,.]+\s+){0,3}?عن\s+(?:(?:شن|تنفيذ)\s+)?$"
)
SOUGHT_WINDOW = 50


def _sought_or_refrained(display: str, cue: Cue) -> bool:
    before = display[max(0, cue.start - SOUGHT_WINDOW) : cue.start]
    before = before.removesuffix("ل") if cue.text.startswith("ال") else before  # "تسعى لـ" + "السيطرة" read as "للسيطرة"
    return bool(SOUGHT_RE.search(before) or REFRAINED_RE.search(before))


def _awaited(display: str, cue: Cue) -> bool:
    return bool(AWAITED_RE.match(display, cue.end, cue.end + 30))


def _warned_against(display: str, cue: Cue) -> bool:
    before = display[max(0, cue.start - WARNED_AGAINST_WINDOW) : cue.start]
    return bool(WARNED_AGAINST_RE.search(SENTENCE_BREAK_RE.split(before)[-1]))


def _after_a_future_verb(display: str, cue: Cue) -> bool:
    """The event word is the object of a verb in the future ("ستوجه ضربة", "سيشن الجيش هجوما"): planned."""
    before = display[max(0, cue.start - FUTURE_VERB_WINDOW) : cue.start].split()
    words = [normalize_text(w.strip("،,:\"'«")) for w in before[-2:]]
    return any(is_future_verb(w) for w in words)


# "على" after a word of taking control, and the words that may stand between it and the place taken.
ON_RE = re.compile(r"(?<![\w])على(?![\w])")
CAPTURE_ON_WINDOW = 40
# "دخلت القوات الموالية للحكومة ... مجمع مطار الحديدة": forces entering a named place took it; the forces
# are named this close after the verb, and the place, with a word of place before it, as close after them.
ENTERING_RE = re.compile(r"^[وف]?(?:ال)?(?:دخلت|دخل|دخلوا|دخول)$")
# "قرب دخول قوات ... إلى عفرين", "منع دخول": an entry awaited, feared or barred took nothing.
NOT_ENTERED_RE = re.compile(r"(?<![\w])(?:قرب|وشك|احتمال|إمكانية|منع|رفض|رفضت|تمنع)\s+$")
ENTERING_FORCES_RE = re.compile(r"(?<![\w])(?:ال)?(?:قوات|جيش|مقاتلو|مقاتلي|مسلحو|مسلحي|وحدات|دبابات)(?![\w])")
ENTERING_REACH = 120
ENTERED_PLACE_HEAD_RE = re.compile(r"(?<![\w])(?:ال)?(?:مدينة|بلدة|قرية|مطار|ميناء|مجمع|مركز|حي|مخيم|إلى)\s+$")
PUNCTUATION_RE = re.compile(r"[\"'“”«»()،,:\-]")
COMMA_RE = re.compile(r"[،,]")
THEN_RE = re.compile(r"(?<![\w])ثم(?![\w])")
# "بعد سيطرتها على المطار": the act of a clause opened by "بعد" came before what the sentence goes on to tell.
AFTER_ACT_RE = re.compile(r"(?<![\w])و?بعد\s+$")
# An act told as older than the news: the pluperfect ("وكانت السلطات قد اعتقلت", "وكان هجوم كيماوي قد أوقع",
# "وكانت الدفاعات أسقطت" opening its sentence), "سبق أن", "في السابق"; and a chronicle of the day in past years
# ("فيما يلي تسلسل الأحداث التي حدثت في مثل هذا اليوم").
PLUPERFECT_RE = re.compile(r"(?<![\w])[وف]?(?:كان|كانت|كانوا|كانا|كانتا)(?![\w])")
PLUPERFECT_QAD_RE = re.compile(r"(?<![\w])قد(?![\w])")
# "وكان من بين القتلى", "وكانت هناك": a copula, not a pluperfect
NOT_PLUPERFECT_RE = re.compile(r"^\s*(?:من|في|على|بين|هناك|ثمة|يوم|ضمن|لـ?\w*)(?![\w])")
PLUPERFECT_WORDS = 8
RECALLED_AFTER_WORDS = 3
# "كان الطيران يحلق ... وينفذ غارات": "كان" before an imperfect verb tells what was going on, not an older act
PROGRESSIVE_RE = re.compile(r"(?<![\w])[وف]?ي(?!وم|ناير|ونيو|وليو)\w{2,}")  # not "يوم", "يناير"
RECALLED_RE = re.compile(r"(?<![\w])(?:[وف]?سبق\s+(?:أن|ان|وأن|وان|و|ل\w+)|في\s+السابق)(?![\w])")
CHRONICLE_RE = re.compile(r"(?<![\w])(?:تسلسل|أحداث|الأحداث|حدث|حدثت)(?![\w])[^.!?\n]*?في\s+مثل\s+هذا\s+اليوم(?![\w])(?!\s+(?:من|قبل)\s)")
# "الضغط على الرياض في أعقاب اختفاء خاشقجي في إسطنبول": the act told after a word of sequence that governs
# it is the cause of the clause before; a place that clause names is where its consequence was.
# Up to three words may come between ("بعد مقتل شاب برصاص الشرطة"), not a time of day ("بعد ظهر الأحد").
IN_THE_WAKE_OF_RE = re.compile(
    r"(?<![\w])(?:في\s+أعقاب|و?عقب|و?بعد|و?إثر|و?اثر|على\s+خلفية)\s+(?!(?:ال)?(?:ظهر|منتصف|عصر|مغرب|فجر)(?![\w]))"
    r"(?:أن\s+)?(?:[^\s،,.]+\s+){0,3}$"
)
# "هجوما على مواقع الجيش العراقي": armed forces named right after على or ضد an attack word governs.
AGAINST_RE = re.compile(r"(?<![\w])(?:على|ضد)(?![\w])")
ARMED_ORG_KINDS = frozenset({"military", "armed_group", "military_command", "coalition", "police"})
ATTACKED_FORCES_WINDOW = 20
# "أطلق الحوثيون صاروخا", "إطلاق 7 صواريخ": a word of launching a few words before the missiles; not the pad
# they are launched from ("منصة إطلاق الصواريخ").
FIRED_RE = re.compile(r"(?<![\w])[وف]?(?:(?P<verb>أطلق|اطلق)(?:ت|وا|نا)?|إطلاق|اطلاق)(?:ها|ه)?(?![\w])")
DETECTED_RE = re.compile(r"رصد\S*\s+(?:\S+\s+){0,2}$")
# A missile tested, launched "successfully" or carrying a satellite is no act of war.
NOT_FIRED_AT_RE = re.compile(r"تجرب|تجارب|اختبار|بنجاح|نجاح|نجحت|قمر|أقمار|المدار|الفضاء")
LAUNCH_PAD_RE = re.compile(r"منص(?:ة|ات)\s*$|قواعد\s*$|منظوم(?:ة|ات)\s*$")
FIRED_WINDOW = 30
FIRED_TYPES = frozenset({"missile_attack", "shelling"})  # acts of things fired, placed where they fell
LAUNCHED_FROM_RE = re.compile(r"(?<![\w])من(?:\s+داخل)?\s+$")
FIRED_FROM_WINDOW = 120
# "ردا على إطلاق نحو 20 صاروخا": the words that may stand between a word of responding and the act answered.
RESPONSE_OBJECT_FILLERS = frozenset(normalize_text(w) for w in ("إطلاق", "نحو", "حوالي", "قرابة", "عشرات", "سلسلة", "موجة"))
RESPONSE_OBJECT_WORDS = 3
# Fire answered by fire the day it came (rockets on the Golan, shells from Gaza, a sniper's shot); an attack or
# a killing is answered by a punishment days later, as often as not.
ANSWERED_FIRE_TYPES = frozenset({"missile_attack", "shelling", "shooting", "air_strike", "drone_strike"})
PLACE_HEADS = frozenset(
    f"{article}{word}"
    for word in ("مدينة", "بلدة", "قرية", "مركز", "مطار", "ميناء", "كامل", "كل", "كافة", "معظم", "منطقة",
                 "مناطق", "محافظة", "ريف", "حي", "أحياء", "مدينتي", "بلدتي", "قريتي", "وسط", "أجزاء", "من")
    for article in ("", "ال")
)  # fmt: skip
# Positions taken in or around a named place ("سيطرت على بعض المواقع والمزارع في محيط مركز الدريهمي").
TAKEN_POSITIONS = frozenset(
    f"{article}{word}"
    for word in ("مواقع", "مزارع", "قرى", "بلدات", "تلال", "تلة", "نقاط", "مرتفعات", "محيط", "أطراف", "ضواحي")
    for article in ("", "ال")
) | frozenset(("في", "بعض", "عدد", "عدة"))  # fmt: skip


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    cues: list[Cue]
    mentions: list[Mention]
    display: str | None = None
    cut: tuple[int, int] | None = None  # a clause told as another act's (`without`)
    _anchors: list[Cue] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # "دخل" tells an act only when forces enter a named place, not investigators a consulate or a man Cairo
        self.cues = [
            c for c in self.cues
            if not (c.kind == "trigger" and ENTERING_RE.match(c.text)) or self._entered_place(c) is not None
        ]  # fmt: skip

    def of(self, kind: str) -> list[Cue]:
        return [c for c in self.cues if c.kind == kind]

    def without(self, start: int, end: int) -> _Sentence:
        """The sentence less a clause that tells another act: its words and names are not this act's."""
        return replace(
            self,
            cues=[c for c in self.cues if not start <= c.start < end],
            mentions=[m for m in self.mentions if not start <= m.start < end],
            cut=(start, end),
        )

    def parts(self) -> list[tuple[int, int]]:
        """The spans the sentence tells its own act in."""
        if self.cut is None:
            return [(self.start, self.end)]
        return [(s, e) for s, e in ((self.start, self.cut[0]), (self.cut[1], self.end)) if e > s]

    def anchors(self) -> list[Cue]:
        """The sentence's words of an act (read once: its dates, its clauses and its frame all ask)."""
        if self._anchors is None:
            self._anchors = self._find_anchors()
        return list(self._anchors)

    def _find_anchors(self) -> list[Cue]:
        triggers = self.of("trigger")
        strong = [
            t for t in triggers
            if t.value not in WEAK_TYPES or self._captures_a_place(t) or self._attacks_armed_forces(t)
            or self._fired(t)
        ]  # fmt: skip
        if strong or not self.of("outcome") or self.tells_a_running_total():
            return strong
        weak = [t for t in triggers if t.value in WEAK_TYPES]
        if weak or self.of("accident"):
            # With no word of an act, the dead of a sentence that tells an accident or a disaster ("قتل
            # 48 مهاجرا إثر غرق قاربهم") are its own.
            return weak
        return self._counted_killing() or self._named_killing() or self._named_disappearance()

    def opens_on_a_separate_act(self, anchors: list[Cue]) -> bool:
        """ "وفي هجوم منفصل، قتل 3 أشخاص": another act than the story's, with its own place and figures (a
        sentence that tells the story's act first and a separate one after stays the story's)."""
        if self.display and SAME_ACT_RE.search(self.display, self.start, self.end):
            return False  # "ويأتي ذلك في وقت أعلنت الوزارة مقتل 4 جنود جراء الهجوم ذاته"
        return any(c.start <= anchors[0].end + SEPARATE_WINDOW for c in self.of("separate"))

    def names_an_act(self) -> bool:
        """A word of an act of war (a trigger), not only a killing counted or named."""
        return bool(self.of("trigger"))

    def _captures_a_place(self, trigger: Cue) -> bool:
        """Taking control of a named place ("السيطرة الكاملة على مركز مدينة عفرين") is an act of war;
        control of a mood, a fire or a match is not."""
        return trigger.value == "territory_capture" and self.captured_place(trigger) is not None

    def captured_place(self, trigger: Cue) -> Mention | None:
        """The place a word of taking control governs: the first named after its "على" ("سيطرة
        قواته على مدينة عفرين", "السيطرة الكاملة" على مركز مدينة عفرين"), or right after it ("حررت
        مطار الحديدة"), with at most words like مدينة, مركز or كامل between; not the capturer
        ("سيطرة أنقرة ... على عفرين"), nor a fire or prices brought under control."""
        if self.display is None:
            return None
        if ENTERING_RE.match(trigger.text):
            return self._entered_place(trigger)  # kept only with one (__post_init__)
        on = ON_RE.search(self.display, trigger.start, min(self.end, trigger.end + CAPTURE_ON_WINDOW))
        start = on.end() if on else trigger.end  # "حررت مطار الحديدة" takes its place directly
        after = [m for m in self.mentions if m.entity_type == "LOC" and m.start >= start]
        if not after:
            return None
        place = min(after, key=lambda m: m.start)
        between = PUNCTUATION_RE.sub(" ", self.display[start : place.start]).split()
        return place if all(w in PLACE_HEADS or w.removeprefix("و") in TAKEN_POSITIONS for w in between) else None

    def _entered_place(self, trigger: Cue) -> Mention | None:
        """The named place forces entered ("دخلت القوات ... مجمع مطار الحديدة", "دخول الجيش إلى بلدة
        نوى"); aid, a truce or a person entering takes nothing."""
        if self.display is None:
            return None
        if NOT_ENTERED_RE.search(self.display, max(self.start, trigger.start - 10), trigger.start):
            return None
        reach = min(self.end, trigger.end + ENTERING_REACH)
        forces = ENTERING_FORCES_RE.search(self.display, trigger.end, reach)
        if forces is None or COMMA_RE.search(self.display, trigger.end, forces.start()):
            return None
        # the first named place after the forces, unless "على" tells it another verb's ("باسطا السيطرة على ...")
        place = min((m for m in self.mentions if m.entity_type == "LOC" and forces.end() <= m.start < reach),
                    key=lambda m: m.start, default=None)  # fmt: skip
        if place is None or ON_RE.search(self.display, forces.end(), place.start):
            return None
        return place if ENTERED_PLACE_HEAD_RE.search(self.display, forces.end(), place.start) else None

    def _attacks_armed_forces(self, trigger: Cue) -> bool:
        """An attack on named armed forces ("لهجوم على قوات سوريا الديمقراطية", "هجوما على مواقع الجيش
        العراقي") is an act of war; an attack on a country or a person may be words."""
        if trigger.value != "attack" or self.display is None:
            return False
        reach = trigger.end + ATTACKED_FORCES_WINDOW
        return any(
            m.entity_type == "ORG" and m.attrs.get("org_kind") in ARMED_ORG_KINDS and trigger.end <= m.start <= reach
            and AGAINST_RE.search(self.display, trigger.end, m.start)
            for m in self.mentions
        )  # fmt: skip

    def _fired(self, trigger: Cue) -> bool:
        """Missiles or shells launched ("رصدت الدفاعات عملية إطلاق 7 صواريخ باليستية", "أطلق الحوثيون
        صاروخا") are an act of war; missiles owned, made or tested are not, nor a launch pad."""
        if trigger.value not in FIRED_TYPES or self.display is None:
            return False
        before = self.display[max(self.start, trigger.start - FIRED_WINDOW) : trigger.start]
        if NOT_FIRED_AT_RE.search(self.display, self.start, self.end):
            return False
        fired = list(FIRED_RE.finditer(before))
        if not fired or LAUNCH_PAD_RE.search(before, 0, fired[-1].start()):
            return False
        if fired[-1].group("verb"):
            return True
        # "إطلاق الصواريخ" is as often a capability, a programme or a charge: the launch noun counts when
        # the missiles are counted or the launch was detected.
        counted = re.search(r"\d", before[fired[-1].end() :]) or trigger.text.endswith(("ين", "ان"))
        return bool(counted or DETECTED_RE.search(before, 0, fired[-1].start()))

    def tells_a_running_total(self) -> bool:
        """Every casualty the sentence counts is a running total ("يرتفع إلى 121 عدد الذين قتلوا منذ بدء
        الاحتجاجات"): the toll of a period, no act of its own."""
        counts = [m for m in self.mentions if m.entity_type == "COUNT" and m.attrs.get("count_kind") in ("killed", "wounded")]
        return bool(counts) and all(not counts_one_event(m) for m in counts)

    def _counted_killing(self) -> list[Cue]:
        """A killing the sentence counts ("مقتل 17 فلسطينيا") is an event even when no word says how."""
        counted = any(
            m.entity_type == "COUNT" and m.attrs.get("count_kind") == "killed" for m in self.mentions
        )
        killing = next((c for c in self.of("outcome") if c.value == "killed"), None)
        if not (counted and killing):
            return []
        return [Cue("trigger", DEFAULT_TYPE, killing.start, killing.end, killing.text, killing.modality)]

    def _named_killing(self) -> list[Cue]:
        """A killing of a person the sentence names ("مقتل الصحفي جمال خاشقجي", "خاشقجي قتل في
        القنصلية") is an event even when no word says how."""
        for killing, victims in self.named_victims():
            if victims:
                return [Cue("trigger", DEFAULT_TYPE, killing.start, killing.end, killing.text, killing.modality)]
        return []

    def _named_disappearance(self) -> list[Cue]:
        """A person the sentence names as vanished ("فتحت فرنسا تحقيقا في اختفاء مينغ هونغوي") is an
        abduction or forced disappearance (ACLED's sub-event), whoever took him."""
        people = [m for m in self.mentions if m.entity_type == "PERSON"]
        for word in self.of("outcome"):
            if word.value == "disappeared" and any(0 <= m.start - word.end <= OBJECT_WINDOW for m in people):
                return [Cue("trigger", "abduction", word.start, word.end, word.text, word.modality)]
        return []

    def named_victims(self, deaths: tuple[str, ...] = ("killed",)) -> list[tuple[Cue, list[Mention]]]:
        """Each word of killing (of `deaths`: "died" adds a death an act led to, "أدى إلى وفاته", which
        alone opens no act) with the people named right after it or right before it."""
        people = [m for m in self.mentions if m.entity_type == "PERSON"]
        return [
            (killing, [m for m in people if 0 <= m.start - killing.end <= OBJECT_WINDOW
                       or 0 <= killing.start - m.end <= NAMED_BEFORE_WINDOW])
            for killing in self.of("outcome")
            if killing.value in deaths
        ]  # fmt: skip


@dataclass
class _Frame:
    is_background: bool
    spans: list[tuple[int, int]] = field(default_factory=list)
    anchors: list[Cue] = field(default_factory=list)
    date: Mention | None = None
    paragraph: int = 0
    clause: bool = False
    opening: list[Cue] = field(default_factory=list)
    weapons: list[Mention] = field(default_factory=list)
    announced: date | None = None  # the day the opening sentence announces the act on
    answered: bool = False  # an act another act of the article answers ("ردا على إطلاق صواريخ")
    where_only: bool = False  # its sentence names doers by their capitals ("بدأتها أنقرة"): places told as where
    days_before: bool = False  # told as days older than another act ("بعد أيام من مقتل خمسة عناصر")
    recalled: bool = False  # its opening sentence tells it as older than the news ("وكانت القوات قد سيطرت")

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def add_sentence(self, sentence: _Sentence) -> None:
        self.spans.extend(sentence.parts())

    def contains(self, position: int) -> bool:
        return any(s <= position < e for s, e in self.spans)


def _sentences(nt: NormalizedText, cues: ByStart, mentions: ByStart) -> list[_Sentence]:
    out = []
    paragraph = 0
    position = 0
    for match in SENTENCE_RE.finditer(nt.display):
        paragraph += nt.display.count("\n", position, match.start())
        position = match.start()
        start, end = match.start(), match.end()
        if not match.group().strip():
            continue
        out.append(
            _Sentence(
                start,
                end,
                paragraph,
                cues.starting_in(start, end),
                mentions.starting_in(start, end),
                nt.display,
            )
        )
    return out


def _date_key(m: Mention | None) -> str | None:
    """The ISO value, or the year-less month-day ("--07-07") or month ("--07") the text gives."""
    if m is None:
        return None
    if m.value and date_bounds(m.value) is not None:
        return m.value
    partial = m.attrs.get("partial")
    return partial if isinstance(partial, str) and month_day_bounds(partial) else None


def _event_dates(sentence: _Sentence) -> list[Mention]:
    """DATE mentions that date the event: not the announcement's own date ("أعلنت ... أمس"), nor the
    start of a period ("منذ 18 فبراير")."""
    out = []
    period_starts = [c.end for c in sentence.of("period_start")]
    for m in sentence.mentions:
        if m.entity_type != "DATE" or _date_key(m) is None:
            continue
        if any(0 < m.start - end <= PERIOD_START_GAP for end in period_starts):
            continue
        if _dates_an_announcement(m, sentence) or _dates_a_death_of_wounds(m, sentence):
            continue
        if _dates_what_followed_the_act(m, sentence) or _dates_another_action(m, sentence):
            continue
        out.append(_on_the_eve(m, sentence) or m)
    return out


# A word of another action this close before a date, with no word of the act or of announcing between, is
# what the date dates ("باشرت بإرسال فريق أمني إلى تركيا بتاريخ 6 أكتوبر").
OTHER_ACTION_WINDOW = 50
# "خلال زيارته": the act fell during the other action, on its day; "على ذمة التحقيق" (pending inquiry) is no
# action of its own.
DURING_RE = re.compile(r"(?<![\w])(?:خلال|أثناء|اثناء|لدى|عند|إبان|ابان|ذمة)\s+$")


def _dates_another_action(m: Mention, sentence: _Sentence) -> bool:
    """A day right after a word of another action (a dispatch, a visit, an investigation, a meeting, a
    funeral) dates that action, not the act; unless the act is told as during it ("قتل خلال زيارته"). A
    month or a year still tells the act's time ("اعتقال 200 عسكري في تحقيقات قضية المطرقة عام 2011")."""
    if _precision(m) != "day":
        return False
    kinds = ("trigger", "outcome", "announce", "other_action")
    orgs = [o for o in sentence.mentions if o.entity_type == "ORG"]  # "مكتب التحقيقات الفيدرالي" names no action
    before = [
        c for c in sentence.cues
        if c.end <= m.start and c.kind in kinds and not any(o.start <= c.start < o.end for o in orgs)
    ]  # fmt: skip
    if not before or before[-1].kind != "other_action" or m.start - before[-1].end > OTHER_ACTION_WINDOW:
        return False
    return not DURING_RE.search((sentence.display or "")[max(sentence.start, before[-1].start - 8) : before[-1].start])


def _dates_what_followed_the_act(m: Mention, sentence: _Sentence) -> bool:
    """A day in the main clause of a sentence whose act is told after "بعد" dates what followed the act:
    after a fronted clause ("بعد سيطرتها على مطار الحديدة، تتأهب القوات الخميس للتقدم"), before a trailing
    one ("تستقدم القوات تعزيزات الخميس بعد سيطرتها على المطار"). A day inside the clause ("بعد سيطرتها
    الأربعاء على المطار") or after a trailing one ("بعد غارات على مواقع سورية، ليل الاثنين") dates the
    act. Not when the sentence tells the act's dead or wounded ("قتل 5 جنود الأحد بعد هجوم"): they are the
    act's, and so is the day; nor a month or a year, which what followed shares with the act."""
    anchors = sentence.anchors()
    if sentence.display is None or not anchors or sentence.of("outcome") or _precision(m) != "day":
        return False
    for anchor in anchors:
        after = AFTER_ACT_RE.search(sentence.display, max(sentence.start, anchor.start - 8), anchor.start)
        if after is None:
            return False  # an act told in the sentence's own clause
        fronted = not sentence.display[sentence.start : after.start()].strip(" \t،,")
        comma = COMMA_RE.search(sentence.display, anchor.end, sentence.end)
        in_main_clause = (comma is not None and m.start >= comma.end()) if fronted else m.end <= after.start()
        if not in_main_clause:
            return False
    return True


def _dates_a_death_of_wounds(m: Mention, sentence: _Sentence) -> bool:
    """A date before "متأثرا بجراح" dates a death of wounds, not the act that caused them ("توفي شاب
    الاثنين متأثرا بجراح أصيب بها يوم الجمعة": the act was on Friday)."""
    return any(c.start >= m.end for c in sentence.of("died_of_wounds"))


def _on_the_eve(m: Mention, sentence: _Sentence) -> Mention | None:
    """A day whose reaction is told "غداة" an act ("تعهد الرئيس الاثنين بتوسيع العملية غداة إخراج
    القوات من عفرين"): the act was the day before."""
    after = next((c for c in sentence.of("day_after") if c.start >= m.end), None)
    if after is None or _precision(m) != "day" or not m.value:
        return None
    if any(m.end <= a.start < after.start for a in sentence.anchors()):
        return None  # the day dates an act told before "غداة"
    value = day_before(m.value)
    if value is None:
        return None
    return Mention("DATE", after.start, after.end, after.text, m.normalized, value,
                   {**m.attrs, "precision": "day", "method": "day_before_reaction"})  # fmt: skip


def _dates_an_announcement(m: Mention, sentence: _Sentence) -> bool:
    """A date right after a verb of announcing, before any word of the act, dates the announcement; in a
    sentence that revises a toll, so does a date right after a statement ("ارتفعت حصيلة ضحايا الغارة
    إلى 51 قتيلا، بحسب حصيلة نهائية أوردتها اللجنة في بيان الاثنين")."""
    kinds = ("announce", "trigger", "outcome") + (("statement",) if sentence.of("update") else ())
    before = [c for c in sentence.cues if c.end <= m.start and c.kind in kinds]
    return bool(before) and before[-1].kind in ("announce", "statement")


def _announcement_day(sentence: _Sentence) -> date | None:
    """The day an act's opening sentence is announced on ("أعلن الجيش، الخميس، أنه استهدف ...", the
    later day of "ليل الأربعاء الخميس"): with no date of its own, the act happened that day or the
    night before."""
    announced = _announcement_date(sentence)
    return date_bounds(announced.value)[0] if announced else None


def _announcement_date(sentence: _Sentence) -> Mention | None:
    days = [
        m for m in sentence.mentions
        if m.entity_type == "DATE" and _precision(m) == "day" and date_bounds(m.value)
        and _dates_an_announcement(m, sentence)
    ]  # fmt: skip
    return max(days, key=lambda m: date_bounds(m.value)[0], default=None)


def _denied_on_the_day(sentence: _Sentence) -> bool:
    """The day the sentence announces is a denial's ("نفى مصدر، فجر الأحد، التصريحات ... عن أن خاشقجي قد
    قتل"): a denial answers reports of the act, told days after it, not the act's own day."""
    announced = _announcement_date(sentence)
    verbs = [c for c in sentence.cues if announced is not None and c.end <= announced.start and c.kind == "announce"]
    return bool(verbs) and any(
        c.kind == "denial" and c.start == verbs[-1].start for c in sentence.cues
    )


def _announced_recently(day: date | None, published: date | None) -> bool:
    """An announcement the news reports at once: on its publication day or the days just before (a
    weekday read as last week's, days before publication, is more likely a misreading)."""
    return day is not None and (published is None or 0 <= (published - day).days <= NEWS_LAG_DAYS)


def _is_far(m: Mention, main: _Frame | None) -> bool:
    if main is None or main.date is None:
        return False
    if _precision(m) == "year" and _precision(main.date) == "day":
        return True  # "عام 2019" elsewhere in the text does not widen a strike dated to the day
    gap = gap_days(_date_key(m), _date_key(main.date))
    return gap is not None and gap > SAME_EVENT_MAX_GAP_DAYS


def _earlier_days_toll(m: Mention, sentence: _Sentence, main: _Frame) -> bool:
    """A sentence that counts the dead of an earlier day than the main event's ("وشهد الاثنين ...
    قتل فيه قرابة 60" in a report of Tuesday's two dead) tells the event of that day: today's news
    recalls yesterday's, each its own event and toll."""
    if main.date is None or _precision(main.date) != "day" or _precision(m) != "day":
        return False
    earlier = gap_days(_date_key(m), _date_key(main.date))
    bounds, main_bounds = date_bounds(m.value), date_bounds(main.date.value)
    return (
        bool(earlier)
        and bounds is not None
        and main_bounds is not None
        and bounds[1] < main_bounds[0]
        and any(c.entity_type == "COUNT" and c.attrs.get("count_kind") == "killed" for c in sentence.mentions)
    )


def _precision(m: Mention) -> str | None:
    return m.attrs.get("precision") or precision_of(m.value)


def _said_past_month(m: Mention, sentence: _Sentence) -> bool:
    """A year-less month called past ("نوفمبر الماضي"): with no publication date, an earlier event."""
    return bool(m.attrs.get("partial")) and any(m.start <= c.start < m.end for c in sentence.of("past_date"))


def _earlier_for_undated_main(
    m: Mention, sentence: _Sentence, published: date | None, announced: date | None = None
) -> bool:
    """Whether a date in a later sentence cites an earlier event rather than dating the main one: months
    before publication; or days before the main act's announcement, or before publication in a
    sentence that recalls ("وكانت القوات بدأت الأربعاء الماضي هجوما": the campaign's start, not today's
    capture)."""
    if published is not None:
        if _months_before(m.value, published):
            return True
        reference = announced or (published if sentence.of("background") else None)
        bounds = date_bounds(m.value)
        return bool(reference and bounds) and (reference - bounds[1]).days > SAME_EVENT_MAX_GAP_DAYS
    return _said_past_month(m, sentence) or bool(sentence.of("background"))


def _then_clause_start(sentence: _Sentence, anchors: list[Cue], d: Mention) -> int:
    """Where the clause of a cited act's one date starts: after "ثم" when an act before it and one after it
    are listed ("تفجير مقر مديرية الأمن في المنصورة، ثم مذبحة كمين الفرافرة في يوليو 2014": July 2014 is
    the ambush's, not the bombing's); else at the sentence's start."""
    display = sentence.display or ""
    for then in reversed(list(THEN_RE.finditer(display, sentence.start, d.start))):
        if any(a.end <= then.start() for a in anchors) and any(then.end() <= a.start < d.start for a in anchors):
            return then.start()
    return sentence.start


def _split_at_dates(sentence: _Sentence, dates: list[Mention]) -> list[tuple[int, int, Mention]]:
    """Clauses of a sentence that cites several dated events ("قتل X في أكتوبر 2019 ثم Y في فبراير في
    إدلب"): each runs from the previous clause's end past its own date up to the next person named."""
    people = [m.start for m in sentence.mentions if m.entity_type == "PERSON"]
    clauses = []
    start = sentence.start
    for k, d in enumerate(dates):
        limit = dates[k + 1].start if k + 1 < len(dates) else sentence.end
        end = next((p for p in people if d.end <= p < limit), limit)
        clauses.append((start, end, d))
        start = end
    return clauses


def _responded_act(sentence: _Sentence) -> tuple[int, int, list[Cue], bool] | None:
    """The act another act of the sentence answers ("استهدف بغارات جوية مواقع في سوريا، ردا على إطلاق
    صواريخ على الجولان", "انتقاما لمقتل جنديين"), or whose doers it names ("العناصر المسؤولة عن إطلاق
    الصاروخ"): (clause start, clause end, its words of the act, whether told by its doers). The
    act must be the object of the word of responding ("ردا على سؤال عن الغارة" answers a question); its
    clause ends at the source it is credited to, an announcement, or another act after a comma."""
    for cue in sentence.of("responded_to"):
        # its doers are named by what they did: a killing, or a targeting ("العناصر التي نفذت استهداف المدنيين")
        doers_of = ("killed", "targeted") if cue.value == "responsible" else ("killed",)
        act = _object_act(sentence, cue.end, doers_of)
        if act is None:
            continue
        end, acts = _act_clause(sentence, act)
        return cue.start, end, acts, cue.value == "responsible"
    return None


def _object_act(sentence: _Sentence, position: int, outcomes: tuple[str, ...] = ("killed",)) -> Cue | None:
    """The word of an act that is the object of the words ending at `position` ("ردا على إطلاق صواريخ",
    "بعد أيام من مقتل"): the first trigger, or word of killing, after it, with at most a few filler words
    or figures between ("ردا على سؤال عن الغارة" answers a question)."""
    display = sentence.display or ""
    act = next((c for c in sentence.cues if c.start >= position and c.kind in ("trigger", "outcome")), None)
    if act is None or (act.kind == "outcome" and act.value not in outcomes):
        return None
    # (a proclitic the act's word leaves out, "انتقاما لـمقتل", is no word between)
    between = [w for w in PUNCTUATION_RE.sub(" ", display[position : act.start]).split() if len(w) > 1]
    if len(between) > RESPONSE_OBJECT_WORDS or not all(w.isdigit() or normalize_text(w) in RESPONSE_OBJECT_FILLERS for w in between):
        return None
    return act


def _act_clause(sentence: _Sentence, act: Cue) -> tuple[int, list[Cue]]:
    """Where the clause of an act told inside another's sentence ends (at the source it is credited to, an
    announcement, or another act after a comma), and its words of the act."""
    display = sentence.display or ""
    ends = [
        c.start for c in sentence.cues
        if c.start > act.end and (c.kind in ("attribution", "announce") or (c.kind == "trigger" and COMMA_RE.search(display, act.end, c.start)))
    ]  # fmt: skip
    end = min(ends, default=sentence.end)
    acts = [c for c in sentence.of("trigger") if act.start <= c.start < end]
    return end, acts or [Cue("trigger", DEFAULT_TYPE, act.start, act.end, act.text)]


# "بعد أيام من مقتل", "بعد أيام قليلة على الهجوم": an act a few days before the one the sentence tells;
# "بعد يوم من", "بعد (نحو) 18 يوما من اختفاء", "عقب أسبوعين من الهجوم": a counted span before it.
DAYS_BEFORE_RE = re.compile(
    r"(?<![\w])[وف]?(?:بعد|عقب)\s+(?P<about>(?:نحو|حوالي|حوالى|قرابة|زهاء)\s+)?"
    r"(?:(?P<few>(?:بضعة|عدة)\s+)?[أا]يام(?P<little>\s+قليلة)?|(?P<span>(?:[\w]+\s+)?[\w]+))\s+(?P<of>من|على)\s+"
)
# Bare "بعد أيام من" before fighting told as going on is "after days of" it ("بعد أيام من المعارك بين
# الطرفين"): a stretch of war, not an act days before.
ONGOING_ACTS = frozenset(normalize_text(w) for w in (
    "معارك", "اشتباكات", "مواجهات", "قتال", "قصف", "غارات", "هجمات", "ضربات", "عمليات", "حرب", "حصار",
))  # fmt: skip
# "ويأتي ذلك بعد أيام من", "وتأتي المحاولة الجديدة بعد أيام من": what comes after is the news the article tells.
THAT_COMES_RE = re.compile(r"(?<![\w])(?:ذلك|هذا|ال(?:جديد|جديدة|أخير|أخيرة))\s*،?\s*$")
# "A few days" before: at least two (a day before is "أمس" or "غداة"), at most about a week and a half.
DAYS_BEFORE_WINDOW = (2, 10)
# Words that tell the sentence's news before a clause of an older act: it trails the news.
NEWS_KINDS = frozenset({"trigger", "outcome", "announce", "statement", "admission", "claim_verb", "attribution",
                        "targeting", "control", "update", "denial"})


def _act_days_before(
    sentence: _Sentence, outcomes: tuple[str, ...] = ("killed", "intercepted")
) -> tuple[int, int, list[Cue], tuple[int, str, bool] | None] | None:
    """The act the sentence tells as a few days older than its own ("تأتي التفجيرات بعد أيام من مقتل خمسة
    عناصر من الشرطة في سجن ...", "بعد أيام من اعتراض الدفاعات ثلاثة صواريخ") or a counted span older ("بعد ثلاثة أيام من هجوم"): (clause start, clause
    end, its words of the act, the span's count, unit and whether told as approximate, None for a few days).
    A span in hours or years is not read: the act is told with the news or too far back to date by it."""
    display = sentence.display or ""
    for match in DAYS_BEFORE_RE.finditer(display, sentence.start, sentence.end):
        span = None
        if match.group("span"):
            counted = counted_span(match.group("span"))
            if counted is None or counted[1] not in SPAN_SLACK_DAYS:
                continue
            span = (*counted, bool(match.group("about")))
        act = _object_act(sentence, match.end(), outcomes)
        bare = not (match.group("few") or match.group("little")) and match.group("of") == "من"
        if act is not None and bare and normalize_text(act.text).split()[0].removeprefix("ال") in ONGOING_ACTS:
            continue  # "بعد أيام من المعارك", "بعد ثلاثة أيام من القتال": after days of it
        if act is None:
            continue
        end, acts = _act_clause(sentence, act)
        if act.value == "intercepted" and not any(act.start <= c.start < end for c in sentence.of("trigger")):
            continue  # a missile or a drone shot down fired; an objection ("اعتراض الحكومة على") is none
        return match.start(), end, acts, span
    return None


def _days_before_frame(
    sentence: _Sentence, earlier: tuple[int, int, list[Cue], tuple[int, str, bool] | None], dates: list[Mention],
    main: _Frame | None, published: date | None,
) -> _Frame:
    """The act a few days older, a frame of its own, dated as `_date_of_an_older_act` says."""
    start, end, acts, _ = earlier
    # its clause names doers by their capitals ("بعد يومين من الضربة التي وجهتها الولايات المتحدة"): places told as where
    frame = _Frame(True, anchors=acts, opening=list(acts), clause=True, days_before=True, where_only=True)
    frame.add(start, end)
    frame.date = _date_of_an_older_act(sentence, earlier, dates, main, published)
    return frame


def _date_of_an_older_act(
    sentence: _Sentence, earlier: tuple[int, int, list[Cue], tuple[int, str, bool] | None], dates: list[Mention],
    main: _Frame | None, published: date | None,
) -> Mention | None:
    """The date of an act told as older than the sentence's: its clause's own date; else `DAYS_BEFORE_WINDOW`
    days (or the counted span) before the day of what came after it: the sentence's own day; else, when what
    came after is the news (an act or a death the sentence tells, or "ويأتي ذلك"), the main act's day or the
    publication's. What came after may be old too ("وجاء هذا القرار بعد أيام من الهجوم على مسجد الروضة"):
    then the act stays undated. A fronted clause ends at the comma after the act, where the news begins
    ("بعد 18 يوما من اختفائه ... في 2 أكتوبر، أقرت المملكة"); a trailing one runs on with the act's own
    clauses ("قتل أربعة في هجوم الاثنين، بعد يوم من تفجيرات استهدفت كنائس خلال قداس الأحد")."""
    start, end, acts, span = earlier
    display = sentence.display or ""
    that_comes = THAT_COMES_RE.search(display[sentence.start : start])
    # fronted: first in its sentence, or after a comma with no word of the news before it
    fronted = not display[sentence.start : start].strip() or display[sentence.start : start].rstrip().endswith(("،", ","))
    if that_comes or not fronted or any(c.end <= start and c.kind in NEWS_KINDS for c in sentence.cues):
        own = [d for d in dates if start <= d.start < end]
        others = [d for d in dates if d.start < start]
    else:
        comma = COMMA_RE.search(display, acts[-1].end, end)
        clause_end = comma.start() if comma else end
        own = [d for d in dates if start <= d.start < clause_end]
        others = [d for d in dates if not start <= d.start < clause_end]
    if own:
        return _best_date(own)
    # what came after may be another action ("وشيعت ميليشيات الحوثي، الثلاثاء، ... بعد أيام على مصرعهم")
    later = _best_date(others) or _best_date(
        [m for m in sentence.mentions if m.entity_type == "DATE" and not start <= m.start < end and _dates_another_action(m, sentence)]
    )
    rest = sentence.without(start, end)
    news = _tells_an_act(rest) or that_comes
    if later is None and news and main is not None and main.date is not None and _precision(main.date) == "day":
        later = main.date
    # a month or a year of what came after bounds the act as well ("في أبريل 2017، بعد 3 أيام من هجوم كيماوي")
    bounds = date_bounds(later.value) if later is not None else None
    if bounds is None and news and published is not None:
        bounds = (published, published)
    if bounds is None:
        return None

    def before(day: date) -> tuple[date, date]:
        return span_before(day, *span) if span else tuple(day - timedelta(days=n) for n in reversed(DAYS_BEFORE_WINDOW))

    first, last = before(bounds[0])[0], before(bounds[1])[1]
    words = display[start : acts[0].start].strip()  # "بعد أيام من"
    return Mention("DATE", start, start + len(words), words, normalize_text(words),
                   f"{first.isoformat()}/{last.isoformat()}",
                   {"precision": "interval", "method": "days_before" if span is None else "span_before"})  # fmt: skip


def _recalled(sentence: _Sentence, anchors: list[Cue]) -> bool:
    """The sentence tells its act as older than the news: in the pluperfect ("وكانت السلطات القطرية قد
    اعتقلت", "وكان هجوم كيماوي للنظام قد أوقع عشرات القتلى", or opening on "وكانت" with no "قد": "وكانت
    الدفاعات السورية أسقطت مقاتلة"), or as done before ("سبق أن", "في السابق"). With no date of its own
    such an act is undated, not the news of the publication's days."""
    display = sentence.display
    if display is None or not anchors:
        return False
    first = anchors[0]
    # before the act's word or right after it ("وشنت إسرائيل في السابق ضربات"), not in another clause of
    # the sentence ("إلقاء القبض على المشتبه بهم بناء على شهادات جنود احتجزوا في السابق")
    reach = display[first.end : sentence.end].split()[:RECALLED_AFTER_WORDS]
    clause_end = first.end + len(" ".join(reach)) + 1
    if RECALLED_RE.search(display, sentence.start, min(sentence.end, clause_end)):
        return True
    for kana in PLUPERFECT_RE.finditer(display, sentence.start, first.start):
        between = display[kana.end() : first.start]
        if COMMA_RE.search(between) or len(between.split()) > PLUPERFECT_WORDS or NOT_PLUPERFECT_RE.match(between):
            continue
        # "قد" before the act's word, or after it when the act is the subject ("وكان هجوم ... قد أوقع")
        after = display[first.end : min(sentence.end, first.end + 60)]
        after = " ".join(COMMA_RE.split(after, maxsplit=1)[0].split()[:PLUPERFECT_WORDS])
        if PLUPERFECT_QAD_RE.search(between) or PLUPERFECT_QAD_RE.search(after):
            return True
        opening = not display[sentence.start : kana.start()].strip(" \t\"'«")
        if opening and not PROGRESSIVE_RE.search(between + " " + first.text):
            return True  # "وكانت الدفاعات السورية أسقطت": the pluperfect opening its sentence
    return False


def _opens_a_chronicle(sentence: _Sentence) -> bool:
    """The sentence announces the events of this day in past years ("فيما يلي تسلسل لأبرز الأحداث التاريخية في
    مثل هذا اليوم"): the acts told after it are of those years, dated only by what states its year."""
    return bool(sentence.display and CHRONICLE_RE.search(sentence.display, sentence.start, sentence.end))


def _tells_an_act(sentence: _Sentence) -> bool:
    return bool(sentence.of("trigger") or sentence.of("outcome"))


def _told_as_older(sentence: _Sentence, anchors: list[Cue]) -> tuple[int, int, list[Cue], tuple[int, str, bool] | None] | None:
    """The clause of a sentence's only act when it is told as older than what the sentence says ("بعد نحو 18
    يوما من اختفاء الإعلامي ...، أقرت المملكة بموته"): the sentence's news is no act, and its date is not
    the act's."""
    outcomes = {c.value for c in sentence.of("outcome") if any(a.start == c.start for a in anchors)}  # "اختفاء": an abduction
    earlier = _act_days_before(sentence, tuple(outcomes | {"killed"}))
    if earlier is None or not all(earlier[0] <= a.start < earlier[1] for a in anchors):
        return None
    return earlier


# "عملية "غصن الزيتون" العسكرية", "عملية عسكرية", "الحملة العسكرية", "عملية ... باسم": a military
# operation, named or called military; then the word of launching it and, a few words on, its date.
OPERATION_RE = re.compile(
    r"(?<![\w])(?:ال)?(?:عملية|حملة|هجوما?)(?:\s+(?:ال)?عسكري(?:ة|ا|ين|ن)?|\s*[\"«“][^\"»”\n]{2,30}[\"»”]|\s+(?:\S+\s+){0,3}?باسم\s+[\"«“])"
    r"|(?<=بدء\s)ال(?:عملية|حملة|هجوم)(?=\s+(?:في|يوم)\s)"  # "منذ بدء العملية في 20 يناير"
)
LAUNCH_RE = re.compile(
    r"(?<![\w])[وف]?(?:أطلق|اطلق|بدأ|بدا|شن|انطلق)(?:ت|وا)?(?:ها|ه)?(?![\w])"
    r"|(?<![\w])(?:ال)?(?:مستمر|متواصل|جاري)ة?(?=\s+منذ\s)"  # "عملية عسكرية مستمرة منذ 20 كانون الثاني": begun then
)
LAUNCH_NOUN_RE = re.compile(r"(?<![\w])(?:بدء|بداية|انطلاق|إطلاق|اطلاق)\s+$")
ON_DATE_RE = re.compile(r"(?:^|\s)(?:في|منذ|يوم)\s+$")  # "باسم "غصن الزيتون"، في 20 يناير": the date after a comma
LAUNCHED_BY_WINDOW = 60  # "وبدأ الجيش التركي وحلفاء له من المعارضة السورية هجوما عسكريا"
OPERATION_LAUNCH_WINDOW = 80
LAUNCH_DATE_WINDOW = 40


def _operations_launched(sentence: _Sentence, published: date | None) -> list[_Frame]:
    """The launch of a military operation the sentence dates ("في إطار عملية "غصن الزيتون" العسكرية
    التي أطلقتها أنقرة منذ 20 كانون الثاني", "منذ بدء العملية العسكرية في 13 حزيران"): a background
    event of its own, military_operation, dated by that date even after منذ, in the sentence's places."""
    display = sentence.display or ""
    found = []
    for op in OPERATION_RE.finditer(display, sentence.start, sentence.end):
        before = display[max(sentence.start, op.start() - LAUNCHED_BY_WINDOW) : op.start()]
        launch_before = LAUNCH_NOUN_RE.search(before) or LAUNCH_RE.search(before)  # "بدأ الجيش عملية عسكرية"
        launch = launch_before or LAUNCH_RE.search(display, op.end(), min(sentence.end, op.end() + OPERATION_LAUNCH_WINDOW))
        if launch is None:
            continue
        after = op.end() if launch_before else launch.end()
        day = next(
            (m for m in sentence.mentions
             if m.entity_type == "DATE" and after <= m.start <= after + LAUNCH_DATE_WINDOW and _date_key(m)
             and not later_than_publication(m.value, published)
             and (not COMMA_RE.search(display, after, m.start) or ON_DATE_RE.search(display[after : m.start]))),
            None,
        )  # fmt: skip
        if day is None:
            continue
        anchor = Cue("trigger", "military_operation", op.start(), op.end(), display[op.start() : op.end()])
        frame = _Frame(True, anchors=[anchor], opening=[anchor], date=day, where_only=True)
        frame.add(sentence.start, sentence.end)
        found.append(frame)
        break  # one launch a sentence
    return found


def _responded_frame(
    responded: tuple[int, int, list[Cue], bool], dates: list[Mention], main: _Frame | None, announced: Mention | None
) -> _Frame:
    """The act answered, a frame of its own: dated by its clause's date; else fire answered by fire came
    the day of the answer or the one before (the sentence's date, else the main act's, else the day the
    answer was announced); an attack answered by a punishment (strikes "ردا على هجوم كيماوي") may be a
    week older, and stays undated, as does an act told by its doers (those arrested or struck may have
    done it long before)."""
    start, end, acts, by_its_doers = responded
    frame = _Frame(True, anchors=acts, opening=list(acts), clause=True, answered=True)
    frame.add(start, end)
    own = [d for d in dates if start <= d.start < end]
    answered = _best_date([d for d in dates if d not in own]) or (main.date if main else None) or announced
    fire = not by_its_doers and all(a.value in ANSWERED_FIRE_TYPES for a in acts)
    frame.date = _best_date(own) or (_day_or_day_before(answered, "day_of_the_answer") if fire else None)
    return frame


def _tell_once(told_frames: list[_Frame], frame: _Frame, same_act: Callable[[_Frame, _Frame], bool]) -> None:
    """Add the frame, or, when an earlier one of the article tells the same act (`same_act(told, frame)`:
    a launch or an answered act said twice), its sentences and the more precise date to that one."""
    told = next((f for f in told_frames if same_act(f, frame)), None)
    if told is None:
        told_frames.append(frame)
        return
    told.spans += frame.spans
    told.anchors += [a for a in frame.anchors if a not in told.anchors]  # its words of the act type it too
    told.opening += [a for a in frame.opening if a not in told.opening]
    told.date = _best_date([d for d in (told.date, frame.date) if d is not None])


def _tells_the_same_answered_act(told: _Frame, answered: _Frame) -> bool:
    """Two answered acts of one article of one type whose dates overlap (or one undated) are one act."""
    if {a.value for a in told.anchors} != {a.value for a in answered.anchors}:
        return False
    return told.date is None or answered.date is None or _dates_overlap(told.date, answered.date)


def _told_again(told_frames: list[_Frame], cited: _Frame) -> _Frame | None:
    """The frame of an act a clause told (answered, or days older) that `cited` tells again
    (`_tells_the_same_cited_act`), given `cited`'s sentences and the more precise date (the day it tells
    over the span counted); None when it tells another act."""
    told = next((f for f in told_frames if _tells_the_same_cited_act(f, cited)), None)
    if told is not None:
        told.spans += cited.spans
        told.date = _best_date([told.date, cited.date])
    return told


def _tells_the_same_cited_act(told: _Frame, cited: _Frame) -> bool:
    """An act a clause told (answered, or days older) that a later sentence dates again: of one type, on
    overlapping dates."""
    return (
        told.date is not None and cited.date is not None and _dates_overlap(told.date, cited.date)
        and _most_specific(told.anchors) == _most_specific(cited.anchors)
    )  # fmt: skip


# What a word as generic as "استهداف", "هجوم" or a bare killing may name: the act an answer's other clause
# names ("إطلاق الصاروخ"), or the killing of a person another sentence says how ("قتلوه بالرصاص").
NAMED_BY_A_GENERIC_WORD = (*REFINEMENTS[DEFAULT_TYPE], "missile_attack", "abduction")


@dataclass(frozen=True)
class _Told:
    """What a frame tells of its act, to know it again: its type, place, toll and the people it names as
    targets."""

    kind: str
    place: Mention | None
    killed: int | None
    targets: frozenset[str]


def _tells_one_act(told: _Frame, frame: _Frame, about: Callable[[_Frame], _Told]) -> bool:
    """Two cited acts of one article (or two acts an answer answers) that are one: of one type (an answered
    "استهداف المدنيين في جازان" is the missile an answer's other clause names; a killing of a person is
    the shooting that killed him), on one day, at one place or one inside the other, with no two tolls. When one names no place (or one the gazetteer does not know),
    the same toll or a target both name must single the act out. A main act and a cited one are not one:
    the article tells them apart, as it does an answer and what it answered."""
    if not (told.is_background and frame.is_background) or told.answered != frame.answered:
        return False
    if not _one_day(told.date, frame.date):
        return False
    one, other = about(told), about(frame)
    kinds = {one.kind, other.kind}
    if len(kinds) > 1 and not (DEFAULT_TYPE in kinds and kinds <= {DEFAULT_TYPE, *NAMED_BY_A_GENERIC_WORD}):
        return False
    if len(kinds) > 1 and not (told.answered or _names_one_person(one.targets, other.targets)):
        return False  # "هجوم" on soldiers and a "غارة" on the town that day are as often the act and its answer
    tolls = {one.killed, other.killed} - {None}
    if len(tolls) > 1:
        return False
    if one.place is not None and other.place is not None:
        return _one_place(one.place, other.place)
    return one.place is not other.place and (
        (one.killed is not None and one.killed == other.killed) or _names_one_person(one.targets, other.targets)
    )


def _names_one_person(one: frozenset[str], other: frozenset[str]) -> bool:
    """A person both name, once in full and maybe once by the end of the name ("محمد الزواري", "الزواري")."""
    def ends(longer: list[str], shorter: list[str]) -> bool:
        return bool(shorter) and longer[len(longer) - len(shorter) :] == shorter

    return any(ends(a.split(), b.split()) or ends(b.split(), a.split()) for a in one for b in other)


def _one_day(one: Mention | None, other: Mention | None) -> bool:
    """Two dates of a day (or of the day of an announcement and the night before) that overlap."""
    bounds = [date_bounds(_date_key(d)) if d is not None else None for d in (one, other)]
    if any(b is None or (b[1] - b[0]).days > ANNOUNCEMENT_LAG_DAYS for b in bounds):
        return False
    (a0, a1), (b0, b1) = bounds
    return a0 <= b1 and b0 <= a1


def _one_place(one: Mention, other: Mention) -> bool:
    """The same place, or one inside the other."""
    inner, outer = one.attrs.get("ref_id"), other.attrs.get("ref_id")
    if inner and outer:
        return place_within(inner, outer) or place_within(outer, inner)
    return one.normalized == other.normalized


def _dates_overlap(one: Mention, other: Mention) -> bool:
    a, b = date_bounds(_date_key(one)), date_bounds(_date_key(other))
    return bool(a and b) and a[0] <= b[1] and b[0] <= a[1]


def _day_or_day_before(day: Mention | None, method: str) -> Mention | None:
    """The day-precise date as the window of that day and the one before (None for any other date), dated
    by `method`."""
    value = day.value if day is not None and _precision(day) == "day" else None
    window = announcement_window(date.fromisoformat(value)) if value else None
    if window is None:
        return None
    return Mention("DATE", day.start, day.end, day.surface, day.normalized, window,
                   {**day.attrs, "precision": "interval", "method": method})  # fmt: skip


def _segment(sentences: list[_Sentence], published: date | None) -> list[_Frame]:
    main: _Frame | None = None
    frames: list[_Frame] = []
    current: _Frame | None = None
    responded_frames: list[_Frame] = []
    launched_frames: list[_Frame] = []
    accident_news = False
    chronicle = False  # past the words that open a chronicle of the day ("في مثل هذا اليوم")
    for k, sentence in enumerate(sentences):
        anchors = sentence.anchors()
        chronicle = chronicle or (k > 0 and _opens_a_chronicle(sentences[k - 1]))
        if main is None and not anchors and sentence.of("accident"):
            accident_news = True
        if main is None and accident_news and not sentence.names_an_act():
            # An article whose news opens on an accident counts its dead again in later sentences
            # ("وقال المتحدث: لقد قتل 31 شخصا"): no word of an act, no act of war.
            anchors = []
        dates = [d for d in _event_dates(sentence) if not later_than_publication(d.value, published)]
        if chronicle:
            # "1 أكتوبر" of a past year, not this one (a weekday dates the news the page appends)
            dates = [d for d in dates if not (d.attrs.get("form") == "day_month" and not _stated_with_its_year(d))]
        for launch in _operations_launched(sentence, published):
            dates = [d for d in dates if d is not launch.date]  # a campaign's start dates no act of its sentence
            # "منذ 20 كانون الثاني" and "منذ نحو شهرين" tell one launch
            _tell_once(launched_frames, launch, lambda told, new: _dates_overlap(told.date, new.date))
        responded = _responded_act(sentence)
        if responded is not None:
            answered = _responded_frame(responded, dates, main, _announcement_date(sentence))
            _tell_once(responded_frames, answered, _tells_the_same_answered_act)
            sentence = sentence.without(*answered.spans[0])
            dates = [d for d in dates if not answered.contains(d.start)]
            anchors = sentence.anchors()
        earlier = _act_days_before(sentence) if responded is None else None
        if earlier is not None and main is None and not _tells_an_act(sentence.without(earlier[0], earlier[1])):
            earlier = None  # the older act is the news ("دعا الرئيس ... بعد يوم من هجومين ... خلفا 16 قتيلا")
        if earlier is not None:
            before = _days_before_frame(sentence, earlier, dates, main, published)
            if before.date is not None:  # older than what? ("وجاء القرار بعد يوم من الهجوم الذي شنه على ترامب")
                _tell_once(responded_frames, before, _tells_the_same_answered_act)
            sentence = sentence.without(*before.spans[0])
            dates = [d for d in dates if not before.contains(d.start)]
            anchors = sentence.anchors()
        old_announcement = None
        if main is None:
            far = [d for d in dates if _months_before(d.value, published)]
            announced = _announcement_date(sentence)
            if anchors and not dates and _stated_with_its_year(announced) and _months_before(announced.value, published):
                # "أعلنت القوات العراقية في العاشر من تموز/يوليو 2017 استعادة السيطرة على الموصل": the act is as
                # old as its announcement
                old_announcement = _day_or_day_before(announced, "announcement_day")
                far = dates = [old_announcement]
        elif main.date is None:
            far = [d for d in dates if _earlier_for_undated_main(d, sentence, published, main.announced)]
        else:
            far = [d for d in dates if _is_far(d, main) or _earlier_days_toll(d, sentence, main)]
        if main is not None and _fronted_date(sentence, dates, main) and (
            main.date is None or (sentence.names_an_act() and not sentence.of("day_after") and _another_day(dates[0], main.date))
        ):
            far = dates
        # an opening act dated only by a day stated with its year, months back, is cited, not the news
        cited = far and (
            sentence.of("background") or old_announcement
            or (len(far) == len(dates) and any(_dates_its_act_with_its_year(d, sentence, anchors) for d in far))
        )
        if main is None and anchors and not cited:
            main = _Frame(False, anchors=list(anchors), paragraph=sentence.paragraph)
            main.opening = _typing_anchors(sentence, anchors)
            main.date = _best_date([d for d in dates if d not in far])
            if (older := _told_as_older(sentence, anchors)) is not None:
                main.date = _date_of_an_older_act(sentence, older, [d for d in dates if d not in far], None, published)
            main.announced = _announcement_day(sentence)
            main.recalled = chronicle or _recalled(sentence, anchors)
            main.add_sentence(sentence)
            frames.append(main)
            current = main
            continue
        if main is not None and far and not anchors:
            anchors = _cited_in_a_clause_of_occurrence(sentence, far)
        if far and (anchors or (any(c.value != "died" for c in sentence.of("outcome")) and not sentence.tells_a_running_total())):
            for frame in _background_frames(sentence, anchors, far, mentions_of_type(sentence, "WEAPON")):
                # "بعد يوم من سلسلة تفجيرات ..." then "والأحد نفذت عائلة سلسلة اعتداءات انتحارية": told once
                current = _told_again(responded_frames, frame) or frame
                if current is frame:
                    frames.append(frame)
            continue
        if main is not None and anchors and sentence.opens_on_a_separate_act(anchors):
            current = _Frame(True, anchors=list(anchors), paragraph=sentence.paragraph)
            current.date = _best_date([d for d in dates if d not in far])
            current.add_sentence(sentence)
            frames.append(current)
            continue
        if main is not None and any(d not in far for d in dates):
            if main.date is None and (anchors or _names_the_act_of(sentence, main)):
                main.date = _best_date([d for d in dates if d not in far and _precision(d) != "year"])
            if main.date is None or not main.spans[0][0] <= main.date.start < main.spans[0][1]:
                main.date = _dated_in_its_relative_clause(sentence, [d for d in dates if d not in far]) or main.date
            main.anchors += anchors
            main.add_sentence(sentence)
            current = main
            continue
        if current is not None:
            current.anchors += anchors
            current.add_sentence(sentence)
    for frame in [f for f in frames if f.is_background]:
        # an older act a clause told ("بعد يوم من سلسلة تفجيرات") and a later sentence tells again with its day
        if _told_again(responded_frames, frame) is not None:
            frames.remove(frame)
    return frames + responded_frames + launched_frames


def _dated_in_its_relative_clause(sentence: _Sentence, dates: list[Mention]) -> Mention | None:
    """The date of an act word told with its relative clause of occurrence ("الاستهداف الذي تم اليوم
    (الخميس)"): the article's most explicit dating of its act, over a date a sentence after the lead
    gave it in passing ("... المسؤولة عن إطلاق الصاروخ على جازان ليلة أمس"); the lead's own date stands."""
    for anchor in sentence.anchors():
        if not RELATIVE_PRONOUNS & set(normalize_text(anchor.text).split()):
            continue
        after = [d for d in dates if 0 <= d.start - anchor.end <= RELATIVE_CLAUSE_DATE_GAP]
        if after:
            return after[0]
    return None


def _names_the_act_of(sentence: _Sentence, frame: _Frame) -> bool:
    """The sentence names the frame's act again, by a word of its type too everyday to open a frame
    alone ("وقع الانفجار أمس الخميس" after "قتل جندي في انفجار عبوة"), or tells its dead with no word
    of another act ("تونرو، من الكتيبة الثالثة، قتل ... في التاسع والعشرين من مارس"): its date dates
    the frame."""
    types = {a.value for a in frame.anchors}
    if any(t.value in types for t in sentence.of("trigger")):
        return True
    return not sentence.of("trigger") and any(c.value == "killed" for c in sentence.of("outcome"))


def mentions_of_type(sentence: _Sentence, entity_type: str) -> list[Mention]:
    return [m for m in sentence.mentions if m.entity_type == entity_type]


def _best_date(dates: list[Mention]) -> Mention | None:
    """The first day-precision date, else the first date; of a night between two days ("ليل الأربعاء
    الخميس"), the later, the day the act fell in after midnight."""
    first = next((d for d in dates if _precision(d) == "day"), dates[0] if dates else None)
    following = next((d for d in dates if first is not None and 0 <= d.start - first.end <= 2), None)
    if following is not None and _precision(following) == "day" and gap_days(following.value, first.value) == 1:
        later = date_bounds(following.value)[0] > date_bounds(first.value)[0]
        return following if later else first
    return first


def _typing_anchors(sentence: _Sentence, anchors: list[Cue]) -> list[Cue]:
    """Operation words next to the word of killing (or targeting): they say how it was done."""
    outcomes = [c for c in sentence.of("outcome") if c.value == "killed"] or sentence.of("outcome")
    if not outcomes:
        return anchors
    near = [
        a
        for a in anchors
        if any(min(abs(a.start - o.end), abs(o.start - a.end)) <= KILLING_WINDOW for o in outcomes)
    ]
    return near or anchors


# "هجمات باريس التي نفذت في نوفمبر 2015", "التفجير الذي وقع في مارس 2017": an act word, at most a few
# words (its place) on, a relative clause that tells it took place; its date follows.
OCCURRED_CLAUSE_RE = re.compile(
    r"^(?:\s+\S+){0,3}?\s+(?:الذي|التي|اللذين|اللتين)\s+(?:قد\s+)?"
    r"(?:وقع|وقعت|نفذ|نفذت|نفذه|نفذها|نفذهما|شن|شنت|شنه|شنها|هز|هزت|استهدف|استهدفت|ضرب|ضربت|أودى|أودت|اودى|اودت|أسفر|أسفرت|اسفر|اسفرت)"
    r"(?![\w])"
)
OCCURRED_DATE_WINDOW = 60


def _cited_in_a_clause_of_occurrence(sentence: _Sentence, far: list[Mention]) -> list[Cue]:
    """Everyday words of an act (هجمات, تفجير) a relative clause says took place on a date stated with its
    year, months back ("طالب بالإفراج عن المشتبه به في هجمات باريس التي نفذت في نوفمبر 2015"): an act
    the story cites, though the word alone opens no frame (`_Sentence._find_anchors`)."""
    display = sentence.display or ""
    found = []
    for trigger in sentence.of("trigger"):
        clause = OCCURRED_CLAUSE_RE.match(display[trigger.end : sentence.end])
        if clause is None:
            continue
        after = trigger.end + clause.end()
        if any(_stated_with_its_year(d) and 0 <= d.start - after <= OCCURRED_DATE_WINDOW
               and not COMMA_RE.search(display, after, d.start) for d in far):  # fmt: skip
            found.append(trigger)
    return found


def _background_frames(
    sentence: _Sentence, anchors: list[Cue], far: list[Mention], weapons: list[Mention]
) -> list[_Frame]:
    """One frame per cited date. Operation words before the sentence's background cue ("الضربة
    الأخيرة ... سبق أن") describe the main event; a clause naming no operation is typed by its
    manner of killing (اغتيال), its weapon, or the default type."""
    far = [d for k, d in enumerate(far) if all(_date_key(d) != _date_key(x) for x in far[:k])]  # a date said twice
    clauses = _split_at_dates(sentence, far) if len(far) > 1 else [(_then_clause_start(sentence, anchors, far[0]), sentence.end, far[0])]
    cue_starts = [c.start for c in sentence.of("background")]
    frames = []
    for start, end, d in clauses:
        cited_from = max((p for p in cue_starts if p < d.start), default=sentence.start)
        own = [a for a in anchors if max(start, cited_from) <= a.start < end]
        frame = _Frame(True, anchors=own or [_untyped_anchor(sentence, start, end, d, weapons)])
        frame.clause = len(clauses) > 1 or not own
        frame.opening = list(frame.anchors)
        frame.date = d
        frame.add(start, end)
        frames.append(frame)
    return frames


def _untyped_anchor(sentence: _Sentence, start: int, end: int, d: Mention, weapons: list[Mention]) -> Cue:
    in_clause = [c for c in sentence.cues if start <= c.start < end]
    manner = next((c for c in in_clause if c.kind == "manner"), None)
    if manner:
        return Cue("trigger", manner.value, manner.start, manner.end, manner.text)
    named_by = next((c for c in in_clause if c.kind == "outcome"), None) or next(
        (c for c in sentence.of("outcome")), None
    )
    weapon = next(
        (w for w in weapons if start <= w.start < end and w.attrs.get("kind") in TYPE_OF_WEAPON_KIND), None
    )
    kind = TYPE_OF_WEAPON_KIND[weapon.attrs["kind"]] if weapon else DEFAULT_TYPE
    if named_by:
        return Cue("trigger", kind, named_by.start, named_by.end, named_by.text)
    return Cue("trigger", kind, d.start, d.end, d.surface)


def _dates_its_act_with_its_year(m: Mention, sentence: _Sentence, anchors: list[Cue]) -> bool:
    """A date stated with its year in the clause of the act it follows ("أدت إلى مقتل 130 شخصا في 13 نوفمبر
    2015"), not in a clause of its own ("في شبه جزيرة القرم التي ضمتها روسيا عام 2014", "مقتل 39 عاملا، كان
    التنظيم قد اختطفهم عام 2014")."""
    if not _stated_with_its_year(m) or sentence.display is None:
        return False
    before = [a for a in anchors if a.end <= m.start]
    if not before:
        return True  # "في عام 2011، قتل ..."
    between = sentence.display[before[-1].end : m.start]
    return not COMMA_RE.search(between) and not (RELATIVE_PRONOUNS | {"قد"}) & set(normalize_text(between).split())


def _stated_with_its_year(m: Mention | None) -> bool:
    """A date the text gives with its year ("13 نوفمبر 2015"), not one resolved against the publication."""
    return m is not None and m.attrs.get("method") == "absolute"


def _months_before(value: str | None, published: date | None) -> bool:
    bounds = date_bounds(value)
    return bool(published and bounds and (published - bounds[1]).days > 60)


def _fronted_date(sentence: _Sentence, dates: list[Mention], main: _Frame) -> bool:
    """A later paragraph that opens on a date ("وفي الـ 16 من الشهر ...") turns to another event; one that
    opens on a word of the act ("بدأ الهجوم صباح الجمعة") tells when the act was."""
    return (
        sentence.paragraph > main.paragraph
        and bool(dates)
        and dates[0].start - sentence.start <= FRONTED_DATE_CHARS
        and not any(a.start < dates[0].start for a in sentence.of("trigger"))
    )


def _another_day(m: Mention, main_date: Mention) -> bool:
    """The date is another day than the main act's ("ومساء الأحد رصدت الدفاعات إطلاق 7 صواريخ" in a story
    of Monday's missile); a period tells nothing either way."""
    return _precision(m) == "day" and _precision(main_date) == "day" and _date_key(m) != _date_key(main_date)


def _in(frame: _Frame, items: ByStart) -> list:
    """The items that start inside the frame's sentences, in order."""
    return _in_spans(frame.spans, items)


def _in_spans(spans: list[tuple[int, int]], items: ByStart) -> list:
    """The items that start inside one of `spans`, in order."""
    inside = [x for start, end in spans for x in items.starting_in(start, end)]
    return sorted({id(x): x for x in inside}.values(), key=lambda x: x.start)


def _near_before(cues: ByStart, position: int, window: int, kinds: tuple[str, ...]) -> Cue | None:
    nearby = cues.starting_in(position - window - cues.longest, position + 1)
    found = [c for c in nearby if c.kind in kinds and 0 <= position - c.end <= window]
    return found[-1] if found else None


def _near_after(cues: ByStart, position: int, window: int, kinds: tuple[str, ...]) -> Cue | None:
    found = [c for c in cues.starting_in(position, position + window + 1) if c.kind in kinds]
    return found[0] if found else None


def _opens_a_clause(display: str, start: int, end: int) -> bool:
    """A complementizer between (إن, أن, عن ...): what follows is what was said, not who said it."""
    return any(normalize_text(w) in CLAUSE_OPENERS for w in display[start:end].split())


def _introduced_as_speaker(m: Mention, cues: ByStart, display: str) -> bool:
    """A speaker's word just before the person ("المتحدث", "وزير", "قال", "كتب"), no clause opened and no word
    of the act between: "قالت الشرطة إن خاشقجي قتل" names him in what was said."""
    word = _near_before(cues, m.start, SPEAKER_WINDOW, ("speaker",))
    if word is None:
        return False
    between = cues.starting_in(word.end, m.start)
    if any(c.kind == "trigger" or (c.kind == "outcome" and c.value != "named") for c in between):
        return False  # ("وقال شاهد يدعى يوسف": the word that names him is no act)
    return not _opens_a_clause(display, word.end, m.start)


def _speaks(m: Mention, cues: ByStart, display: str) -> bool:
    """The person is the subject of a verb of announcing or reacting right before it, no word of the
    act between ("وأضاف المالكي", "قالت المتحدثة نويرت", "وأكد الرئيس الفرنسي ماكرون"): who spoke, not
    whom the act struck ("ذكرت الصحيفة أن خاشقجي قتل" names him after the verb's own subject)."""
    verb = _near_before(cues, m.start, SPEAKER_TITLE_WINDOW, ("announce", "trigger", "outcome"))
    if verb is None or verb.kind != "announce":
        return False
    between = display[verb.end : m.start].split()
    if any(normalize_text(w) in CLAUSE_OPENERS or w[-1] in ".!?؟" for w in between):
        return False
    # a title may be long when it opens on a speaker's word ("قالت المتحدثة باسم وزارة الخارجية الأمريكية")
    titled = bool(between) and _near_after(cues, verb.end, len(between[0]) + 2, ("speaker",)) is not None
    return len(between) <= (SPEAKER_TITLE_WORDS if titled else SUBJECT_TITLE_WORDS)


# Words that make the person after them someone's side or a source, not whom the act struck: "قوات الرئيس
# بشار الأسد", "حكومة الرئيس هادي", "نظام الأسد"; "بحسب ما قاله مدير المرصد رامي عبد الرحمن", "بتوجيه من
# قائد فيلق القدس", "كلمة لزعيم الجماعة", "إعلان الرئيس التركي".
WHOSE_WORDS = frozenset(normalize_text(w) for w in (
    "قوات", "حكومة", "نظام", "جيش", "إدارة", "سلطات", "أنصار", "مؤيدي", "الموالية", "الموالي", "الموالين", "التابعة",
    "عهد", "قيادة", "بقيادة", "زعامة", "بزعامة",
    "بحسب", "حسب", "وفق", "وفقا", "بتوجيه", "بأوامر", "بأمر", "كلمة", "خطاب", "إعلان", "تصريح", "تصريحات", "لسان",
))  # fmt: skip
# A head's title: the words between may name his office ("قوات الرئيس السوري بشار الأسد", "بتوجيه من قائد فيلق
# القدس قاسم سليماني"); words that hold none ("قائد قوات النخبة أبو زيد") keep the person his own.
HEAD_TITLES = frozenset(normalize_text(w) for w in (
    "رئيس", "زعيم", "مرشد", "ملك", "أمير", "ولي", "مدير", "قائد", "متحدث", "وزير", "عقيد", "عميد", "مشير", "جنرال",
    "مستشار", "مبعوث", "سفير", "نائب",
))  # fmt: skip
WHOSE_REACH = 5


def _named_as_whose_or_by_whom(m: Mention, display: str) -> bool:
    """The person is named right after a word of belonging or of sourcing (WHOSE_WORDS), or after one and
    his title, within WHOSE_REACH words of his line: whose forces, or on whose word, not whom the act struck."""
    line_start = display.rfind("\n", 0, m.start) + 1
    words = display[max(line_start, m.start - 120) : m.start].split()[-WHOSE_REACH:]
    titled = between = False
    for word in reversed(words):
        bare = normalize_text(word.strip("،,:\"«»“”()"))
        if len(bare) <= 2:
            continue  # the proclitic of the person's own word ("للأسد"), or "من"
        rests = {rest.removeprefix("ال") for _, rest in clitic_variants(bare)} | {bare}
        if rests & WHOSE_WORDS or {f"ال{r}" for r in rests} & WHOSE_WORDS:
            return not between or titled
        if bare.startswith("ل") and rests & HEAD_TITLES:
            return True  # a possessor: "الأخ غير الشقيق لزعيم كوريا الشمالية كيم جونغ أون"
        titled = titled or bool(rests & HEAD_TITLES)
        between = True
    return False


def _targets(frame: _Frame, cues: ByStart, mentions: ByStart, display: str) -> list[tuple[Mention, str | None]]:
    out = []
    killing_clause = frame.clause and any(
        c.kind == "outcome" for c in cues.starting_in(frame.spans[0][0] - 200, frame.spans[0][1])
    )
    for m in _in(frame, mentions):
        if m.entity_type != "PERSON":
            continue
        speaker = _introduced_as_speaker(m, cues, display) or _speaks(m, cues, display)
        title_kind = m.attrs.get("role") if isinstance(m.attrs.get("role"), str) else None
        if speaker or title_kind == "عسكري":
            continue
        if _named_as_whose_or_by_whom(m, display):
            continue
        role_before = _near_before(cues, m.start, ROLE_BEFORE_WINDOW, ("role",))
        role_after = _near_after(cues, m.end, ROLE_AFTER_WINDOW, ("role",))
        outcome = _near_before(cues, m.start, TARGET_CUE_WINDOW, ("outcome", "trigger"))
        spoke = outcome and _near_before(cues, m.start, m.start - outcome.end, ("announce",))
        if spoke and not _opens_a_clause(display, spoke.end, m.start):
            # "ادعى داعش مسؤوليته عن الهجوم، فيما وصف الرئيس ماكرون": who spoke of it ("وذكرت أن الأبيض
            # قتل" names him in what was said)
            outcome = None
        # A rank alone names no target (ولي العهد الأمير محمد بن سلمان, زعيم الحوثيين): the commander is
        # one when what befell him follows ("القيادي أبو زيد مصبح لقي مصرعه").
        befell = (role_before or role_after) and _near_after(cues, m.end, TARGET_CUE_WINDOW, ("outcome",))
        if outcome or befell or killing_clause:
            role = role_before or role_after
            out.append((m, role.text if role else None))
    return out


def _is_national_region(m: Mention) -> bool:
    """A region of the whole country ("شرق سوريا"), not of a governorate ("ريف حلب الشرقي")."""
    return bool(m.attrs.get("region")) and not m.attrs.get("admin1")


# A wire dateline opens the text: "دبي، الإمارات العربية المتحدة (CNN) --", "بيروت (رويترز) -".
DATELINE_RE = re.compile(r"\s*[^\n()]{0,60}\([^()\n]{1,30}\)\s*[-–—]+")


def dateline_end(display: str) -> int:
    """Where the text's dateline ends (0 when it has none): the dateline names the desk the story was
    filed from, not where the act happened."""
    match = DATELINE_RE.match(display)
    return match.end() if match else 0


def _place(
    frame: _Frame, mentions: ByStart, after: int = 0, act: _Sentence | None = None
) -> tuple[Mention | None, list[Mention]]:
    """(most specific place, national region phrases) of the frame, from the places named at or after
    `after` (the dateline's end)."""
    display = (act.display or "") if act else ""
    fire = any(a.value in FIRED_TYPES for a in frame.anchors)
    places = [
        m for m in _in(frame, mentions)
        if m.entity_type == "LOC" and m.start >= after and not named_as_elsewhere(m, display)
        and (not frame.where_only or named_as_where(m, display))
        and not (fire and _launched_from(m, display))
    ]  # fmt: skip
    regions = [m for m in places if _is_national_region(m)]
    rank = {"village": 0, "neighbourhood": 0, "neighborhood": 0, "town": 1, "district": 2, "city": 2,
            "subdistrict": 2, "admin2": 3, "region": 4, "admin1": 4, "country": 6}  # fmt: skip
    located = [m for m in places if m.attrs.get("admin1") or m.attrs.get("country") or m.attrs.get("ref_id")]
    # The act's place is the one its own sentence names next to it ("قتل 25 فلسطينيا على حدود قطاع
    # غزة قبل ساعات من تدشين السفارة في القدس"): statements, ceremonies and capitals elsewhere in the
    # story do not move it. Failing that, the story's country is the one its places name most (a strike
    # in Syria on Iranian targets); then a place inside a governorate; then the most specific; a country last.
    taken = _taken_places(act, frame)
    if len(taken) == 1:
        return taken[0], regions  # the place taken is where the act was, whatever else its story names
    at_act = _place_of_act(act, frame, located, taken)
    countries = _story_countries(located, act.display if act else None)
    act_country = _country_of(at_act) if at_act else None
    act_admin1 = _admin1(at_act) if at_act else None
    located.sort(
        key=lambda m: (
            act_country is not None and _country_of(m) != act_country,
            act_admin1 is not None and _admin1(m) not in (act_admin1, None),
            -countries.get(_country_of(m), 0),
            not (m.attrs.get("admin1") or m.attrs.get("place_kind") == "admin1"),
            _seat_for_its_governorate(m, at_act, act),
            rank.get(m.attrs.get("place_kind") or "", 3),
            m is not at_act,
            m.start,
        )
    )
    return (located[0] if located else None), regions


def _launched_from(m: Mention, display: str) -> bool:
    """The place missiles or shells were fired from ("رصدت إطلاق صاروخ ... من محافظة عمران باتجاه أراضي
    المملكة"): ACLED places such an act where it fell."""
    before = display[max(0, m.start - FIRED_FROM_WINDOW) : m.start]
    return bool(LAUNCHED_FROM_RE.search(before)) and bool(FIRED_RE.search(before))


def _seat_for_its_governorate(m: Mention, at_act: Mention | None, act: _Sentence | None) -> bool:
    """A city that names its governorate, told outside the act's sentence, when that sentence places the
    act in the governorate ("قصفت ... قرى مديرية حيس بمحافظة الحديدة" then "خسائر داخل الحديدة"): no
    finer place of the act, the governorate stands."""
    if at_act is None or act is None or at_act.attrs.get("place_kind") != "admin1" or act.start <= m.start < act.end:
        return False
    return seat_governorates().get(m.attrs.get("ref_id") or "") == at_act.attrs.get("ref_id")


def _told_in_the_lead(
    frame: _Frame, act: _Sentence | None, place: Mention | None, lead: list[tuple[int, int]],
    sentences: list[_Sentence], mentions: ByStart, display: str, desk: int,
) -> Mention | None:
    """The place the lead that opens the article names as where, when it is the act's: the frame names
    none; or its sentences name places only as ones that lead or speak ("غارات لطيران التحالف الذي تقوده
    السعودية"); or the lead tells this act ("تفجيرات الكنائس في مدينة سورابايا") and the act's own
    sentence no place ("وقتل 11 شخصا جراء التفجيرات"), when a city of a later sentence is more often
    another act's (a prison standoff near Jakarta) in the same country."""
    told = _place(replace(frame, spans=lead), mentions, desk)[0] if lead else None
    if told is None or not named_as_where(told, display):
        return None
    if place is None or not _names_a_where(frame, mentions, display):
        return told
    same_act = _lead_tells_the_act(sentences, lead, frame) and not _act_names_a_place(act, mentions, display)
    return told if same_act and _country_of(told) == _country_of(place) else None


def _names_a_where(frame: _Frame, mentions: ByStart, display: str) -> bool:
    """Whether the frame's sentences name any place as where (not only capitals that speak)."""
    return any(m.entity_type == "LOC" and named_as_where(m, display) for m in _in(frame, mentions))


def _lead_tells_the_act(sentences: list[_Sentence], lead: list[tuple[int, int]], frame: _Frame) -> bool:
    """Whether a lead sentence names an act of the type the frame opens on."""
    types = {a.value for a in frame.opening}
    return any(c.value in types for s in sentences if (s.start, s.end) in lead for c in s.of("trigger"))


def _act_names_a_place(act: _Sentence | None, mentions: ByStart, display: str) -> bool:
    """Whether the sentence that opens the act names a place below a country as where."""
    return act is not None and any(
        m.entity_type == "LOC" and m.attrs.get("place_kind") != "country" and not _is_national_region(m)
        and named_as_where(m, display)
        for m in mentions.starting_in(act.start, act.end)
    )  # fmt: skip


def _place_of_act(
    act: _Sentence | None, frame: _Frame, located: list[Mention], taken: list[Mention]
) -> Mention | None:
    """The place below a country that the act's sentence names nearest its words of the act (the first
    of the places `taken` by a capture)."""
    if act is None or not frame.opening:
        return None
    near = [
        m for m in located
        if act.start <= m.start < act.end and m.attrs.get("place_kind") != "country" and not _is_national_region(m)
    ]  # fmt: skip
    # A place told as where ("في غزة", "على حدود القطاع", "قرب منبج"), not a capital standing for its
    # government ("مجموعات تدعمها واشنطن", "سيطرة أنقرة").
    near = [m for m in near if named_as_where(m, act.display or "")]
    near = _not_of_its_consequence(near, frame.opening, act.display or "")
    if taken:
        return taken[0]
    if near:
        return min(near, key=lambda m: _distance_to(m, frame.opening))
    # The opening names only a country ("قتل 13 شخصا في غارة جوية على قرية في سوريا"), or none: the place
    # of that country (or the one the story names most) a later sentence names beside a word that opens
    # an act ("ونفذت الطائرات غارة جوية على بلدة كفرنبل").
    named = {
        _country_of(m) for m in located
        if act.start <= m.start < act.end and m.attrs.get("place_kind") == "country" and _country_of(m)
    }  # fmt: skip
    if not named:  # else the country the story names most
        counts = _story_countries(located, act.display)
        named = {country for country, n in counts.items() if n == max(counts.values())}
    beside = [
        (distance, m.start, m) for m in located
        if m.attrs.get("place_kind") != "country" and not _is_national_region(m)
        and (not named or _country_of(m) in named) and named_as_where(m, act.display or "")
        and (distance := _distance_to(m, [a for a in frame.anchors if _same_sentence(act.display or "", min(a.end, m.end), max(a.start, m.start))])) is not None
    ]  # fmt: skip
    return min(beside, key=lambda x: x[:2])[2] if beside else None


def _not_of_its_consequence(near: list[Mention], opening: list[Cue], display: str) -> list[Mention]:
    """The places less those named before a word of sequence that governs the act's word, when a place of
    another country follows that word: a reaction abroad ("الضغط على الرياض في أعقاب اختفاء خاشقجي في
    إسطنبول", "استدعت سفيرها في تل أبيب بعد مقتل 60 فلسطينيا في غزة"). A place of the same country stays,
    as the act's own toll may be told first ("قتل الشاب في شمالي قطاع غزة عقب غارات إسرائيلية"); with no
    place after, the place before stands ("قتل 3 أشخاص في بغداد إثر انفجار عبوة")."""
    act = opening[0]
    wake = IN_THE_WAKE_OF_RE.search(display, max(0, act.start - 48), act.start)
    after = {_country_of(m) for m in near if m.start >= act.end}
    if wake is None or len(after) != 1 or None in after:
        return near
    return [m for m in near if m.start >= wake.start() or _country_of(m) in after]


def _taken_places(act: _Sentence | None, frame: _Frame) -> list[Mention]:
    """The places the act's words of taking control govern ("سيطرتها على مطار الحديدة")."""
    if act is None:
        return []
    return [
        place for a in frame.opening if a.value == "territory_capture" and (place := act.captured_place(a)) is not None
    ]  # fmt: skip


def _story_countries(located: list[Mention], display: str | None) -> Counter:
    """How often the story names each country as where (في سوريا, بدمشق): a capital or a country that
    speaks or acts ("قالت الولايات المتحدة", "تنسق معهم واشنطن") is its government, not a place of the
    act. All the places count when none is named as where."""
    countries = Counter(_country_of(m) for m in located if _country_of(m))
    if display is None:
        return countries
    where = Counter(_country_of(m) for m in located if _country_of(m) and named_as_where(m, display))
    return where or countries


def _story_country(mentions: ByStart, display: str, after: int) -> str | None:
    """The country the article names most as where (after its dateline), when one does."""
    located = [m for m in mentions.starting_in(after, len(display)) if m.entity_type == "LOC" and _country_of(m)]
    counts = _story_countries(located, display).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def _distance_to(m: Mention, anchors: list[Cue]) -> int | None:
    """Characters between a place and the nearest of the act's words (None when there are none)."""
    return min((min(abs(m.start - a.end), abs(a.start - m.end)) for a in anchors), default=None)


def _orgs(frame: _Frame, cues: ByStart, mentions: ByStart) -> tuple[list[str], list[str]]:
    actors, partners = [], []
    for m in _in(frame, mentions):
        if m.entity_type != "ORG":
            continue
        ref = m.attrs.get("ref_id") or m.normalized
        kind = m.attrs.get("org_kind")
        if _near_before(cues, m.start, PARTNER_WINDOW, ("joint",)):
            partners.append(ref)
        elif _near_before(cues, m.start, TARGET_ORG_WINDOW, ("target_org", "role")):
            continue
        elif kind is None or kind in _actor_kinds():
            actors.append(ref)
    partners = list(dict.fromkeys(partners))
    return [a for a in dict.fromkeys(actors) if a not in partners], partners


@lru_cache(maxsize=1)
def _actor_kinds() -> frozenset[str]:
    return frozenset(r["phrase"] for r in load_event_lexicon() if r["kind"] == "actor_org_kind")


NEGATION_WINDOW = 12
SENTENCE_BREAK_RE = re.compile(r"[.!?\n]")


def _resolve_partner_cues(display: str, cues: list[Cue]) -> list[Cue]:
    """A partner cue right after a negation ("دون التنسيق مع") says the operation was unilateral; one
    after a contrast in the same sentence ("على خلاف المداهمات السابقة التي جرت بالتنسيق مع")
    describes other operations and is dropped."""
    negations = [c for c in cues if c.kind == "partner_negation"]
    contrasts = [c for c in cues if c.kind == "partner_contrast"]
    out = []
    for cue in cues:
        if cue.kind in ("partner_negation", "partner_contrast"):
            continue
        if cue.kind == "joint":
            if any(_same_sentence(display, c.end, cue.start) for c in contrasts if c.end <= cue.start):
                continue
            if any(0 <= cue.start - c.end <= NEGATION_WINDOW for c in negations):
                cue = Cue("unilateral", "unilateral", cue.start, cue.end, cue.text)
        out.append(cue)
    return out


def _same_sentence(display: str, start: int, end: int) -> bool:
    return not SENTENCE_BREAK_RE.search(display, start, end)


def _role_cues_of_persons(display: str, cues: list[Cue]) -> list[Cue]:
    """ "مسؤول عن" (responsible for an act) is not a rank: a role word followed by عن is dropped."""
    return [c for c in cues if not (c.kind == "role" and display[c.end : c.end + 4].split()[:1] == ["عن"])]


# What a council or a party "adopts" (تبنى قرارا, تبني مشروع قرار): the verb of claiming an attack also
# means adopting a text or a course, which no one claims.
ADOPTED_THINGS = frozenset(normalize_text(w) for w in (
    "قرار", "قرارا", "قرارات", "قرارين", "بيان", "بيانا", "مشروع", "مشروعي", "مشاريع", "سياسة", "موقف", "موقفا",
    "نهج", "نهجا", "مبادرة", "خطة", "توصية", "توصيات", "مقترح", "مقترحا", "اقتراح", "استراتيجية",
))  # fmt: skip
ADOPTED_WINDOW = 10
# "تبنى التنظيم مسؤوليته عن اثنين منها": a claim of some of a series of attacks told before, not of the act.
OF_A_SERIES = normalize_text("منها")


def _claims_of_acts(display: str, cues: list[Cue]) -> list[Cue]:
    """A claim of responsibility whose verb adopts a text or a course (a resolution, a statement, a
    policy named within ADOPTED_WINDOW words of it in its sentence), or that claims some of a series
    ("عن اثنين منها"), is no claim of the act and is dropped."""
    def adopts(cue: Cue) -> bool:
        following = SENTENCE_BREAK_RE.split(display[cue.end : cue.end + 200], maxsplit=1)[0].split()
        words = [normalize_text(word) for word in following[:ADOPTED_WINDOW]]
        return OF_A_SERIES in words or any(rest in ADOPTED_THINGS for word in words for _, rest in clitic_variants(word))

    return [c for c in cues if not (c.kind == "responsibility" and c.value == "claimed" and adopts(c))]


def _partner_claim(frame_cues: list[Cue]) -> str | None:
    kinds = {c.kind for c in frame_cues}
    if "joint" in kinds and "unilateral" in kinds:
        return "contested"
    if "joint" in kinds:
        return "joint"
    if "unilateral" in kinds:
        return "unilateral"
    return None


def _count(frame: _Frame, mentions: ByStart, kind: str, display: str) -> tuple[int | None, list[Mention]]:
    """The frame's total of one kind (killed, wounded) and the COUNT mentions that state it."""
    counts = [
        m
        for m in _in(frame, mentions)
        if m.entity_type == "COUNT" and m.attrs.get("count_kind") == kind and (m.value or "").isdigit()
        and (counts_one_event(m) or (frame.days_before and m.attrs.get("earlier_act")))
        and not _in_a_teaser(display, m.start)
        and not m.attrs.get("vague")  # "مئات المدنيين", "عشرات القتلى" state no figure
    ]
    counts = wholes_else_parts(counts, lambda m: bool(m.attrs.get("part")))
    sums = _sums_of_groups(counts)
    total = event_total([int(m.value) for m in counts] + [value for value, _ in sums])
    exact = _exact_for_rounded(counts, total)
    if exact:
        return int(exact[0].value), exact
    if total is not None and (summed := next((parts for value, parts in sums if value == total), None)):
        return total, summed
    return total, [m for m in counts if total is not None and int(m.value) == total]


# A headline of another story inside the body ("أكثر من 30 قتيلا في تفجيرات جنوبي البلاد"
# between two paragraphs): a short line that ends without a stop, neither the first line nor the last.
TEASER_WORDS = 14
LINE_STOPS = tuple('.!?:"»”)')


def _in_a_teaser(display: str, position: int) -> bool:
    start = display.rfind("\n", 0, position) + 1
    end = display.find("\n", position)
    if start == 0 or end < 0 or not display[end:].strip():
        return False
    line = display[start:end].strip()
    return len(line.split()) <= TEASER_WORDS and not line.endswith(LINE_STOPS)


# "نحو 120 قتيلا" rounds the toll that "ارتفعت الحصيلة إلى 117 شخصا" states exactly.
ROUNDING = frozenset(normalize_text(w) for w in ("نحو", "حوالي", "قرابة", "زهاء"))
ROUNDING_SLACK = 0.1


def _exact_for_rounded(counts: list[Mention], total: int | None) -> list[Mention]:
    """The exact figures a rounded total stands for (a total only stated after نحو or حوالي, and a figure
    without one at most a tenth off): the largest of them, else nothing."""
    if total is None:
        return []
    tops = [m for m in counts if int(m.value) == total]
    if not tops or not all(normalize_text(m.attrs.get("approximator") or "") in ROUNDING for m in tops):
        return []
    near = [
        int(m.value) for m in counts
        if not m.attrs.get("approximate") and abs(int(m.value) - total) <= ROUNDING_SLACK * total
    ]  # fmt: skip
    best = max(near, default=None)
    return [m for m in counts if best is not None and int(m.value) == best and not m.attrs.get("approximate")]


def _sums_of_groups(counts: list[Mention]) -> list[tuple[int, list[Mention]]]:
    """The figures of different groups joined under one event word add up: "مقتل 17 طفلا وثلاث نساء" is
    20 dead. Only groups of data/reference/casualty_groups.csv (children, women, soldiers, civilians), none
    of them gunmen, and never a part ("بينهم")."""
    groups = casualty_groups()
    out: list[tuple[int, list[Mention]]] = []
    chain: list[Mention] = []
    for m in sorted(counts, key=lambda m: m.start):
        group = groups.get(m.attrs.get("subject") or "")
        if (
            chain and m.attrs.get("joined") and group and group != "gunmen"
            and group not in {groups.get(c.attrs.get("subject") or "") for c in chain}
        ):  # fmt: skip
            chain.append(m)
            out.append((sum(int(c.value) for c in chain), list(chain)))
        else:
            chain = [m] if group and group != "gunmen" else []
    return out


def _most_specific(anchors: list[Cue]) -> str:
    kinds = {a.value for a in anchors}
    return next((t for t in TYPE_PRECEDENCE if t in kinds), anchors[0].value if anchors else "attack")


def _event_type(frame: _Frame, mentions: ByStart) -> str:
    """The opening sentence's type (its words next to the killing), made more specific by later
    operation words or a weapon of the frame (an MQ-9 makes a strike a drone strike)."""
    base = _most_specific(frame.opening or frame.anchors)
    later = {a.value for a in frame.anchors}
    later |= {
        TYPE_OF_WEAPON_KIND[m.attrs["kind"]]
        for m in _in(frame, mentions)
        if m.entity_type == "WEAPON" and m.attrs.get("kind") in ("drone", "helicopter") and not _ambiguous_weapon(m)
    }
    return next((t for t in REFINEMENTS.get(base, ()) if t in later), base)


def _ambiguous_weapon(weapon: Mention) -> bool:
    """A weapon named by a word that names an attack only beside a strike word (bare "المسيرات": drones or
    marches; "مروحية"): it refines the type only through its own cue, which a strike word resolved."""
    word = normalize_text(weapon.surface)
    return word in _ambiguous_words() or (word.startswith("ال") and word[2:] in _ambiguous_words())


@lru_cache(maxsize=1)
def _ambiguous_words() -> frozenset[str]:
    return frozenset(normalize_text(r["phrase"]) for r in load_event_lexicon() if r["kind"] == "ambiguous_trigger")


def find_event_frames(
    nt: NormalizedText, mentions: list[Mention], published: date | None, article_id: str
) -> list[dict]:
    """Event frames of one article: its main event and each earlier event it cites for context."""
    found = _claims_of_acts(nt.display, _role_cues_of_persons(nt.display, _cues(nt)))
    cues = ByStart(_resolve_partner_cues(nt.display, found))
    mentions = ByStart(mentions)
    sentences = _sentences(nt, cues, mentions)
    cues = ByStart([c for s in sentences for c in s.cues])  # less the words of entering that took no place
    out = []
    desk = dateline_end(nt.display)
    segments = _tell_each_act_once(_segment(sentences, published), sentences, cues, mentions, desk, nt.display)
    story_country = _story_country(mentions, nt.display, desk)
    for frame in segments:
        if not frame.anchors:
            continue
        frame_cues = _in(frame, cues)
        targets = _targets(frame, cues, mentions, nt.display)
        if frame.is_background and not (targets or _precise(frame.date)):
            continue
        act = _opening_sentence(sentences, frame)
        lead = _lead(sentences, frame, segments[0])
        place, regions = _place(frame, mentions, desk, act)
        place = _told_in_the_lead(frame, act, place, lead, sentences, mentions, nt.display, desk) or place
        event_type = _event_type(frame, mentions)
        trigger = (
            next(a for a in frame.anchors if a.value == event_type)
            if any(a.value == event_type for a in frame.anchors)
            else frame.anchors[0]
        )
        actors, partners = _orgs(frame, cues, mentions)
        stating = lead + frame.spans  # the sentences its statements come from
        claim = next((c for c in frame_cues if c.kind == "claim"), None)
        weapon = _weapon(frame, mentions, event_type)
        region_code, region_text = _regions(regions, [c for c in frame_cues if c.kind == "region"])
        if frame is segments[0] and not frame.is_background and not frame.recalled and (
            frame.date is None or _precision(frame.date) != "day"
        ):
            # The lead's day of the act over a month or a period a later sentence gave in passing.
            frame.date = _lead_date(sentences, frame, published) or frame.date
        key = _date_key(frame.date)
        value = key if key and not key.startswith("--") else None
        method = frame.date.attrs.get("method") if frame.date else None
        precision = _precision(frame.date) if frame.date else None
        if key and key.startswith("--") and published is None:
            inferred = _year_from_weekday(frame, mentions, key)
            if inferred:
                value, method, precision = inferred, "weekday_and_day_month", "day"
        killed, killed_from = _count(frame, mentions, "killed", nt.display)
        if killed is None:
            killed = _named_victim_count(act)
        if killed is None:
            later = [span for span in frame.spans[2:] if not _dates_another_day(span, mentions, frame.date)]
            told = _single_casualties(nt, lead + frame.spans[:2]) + _single_casualties(nt, later, caused=True)
            killed = event_total(1 for kind in told if kind == "killed")
        if killed is None and any(c.kind == "no_casualties" and not _of_one_side(c, nt.display) for c in frame_cues):
            killed = 0  # "ولم تشر أية تقارير إلى وقوع ضحايا"
        told_at = act.start if act is not None else frame.spans[0][0]
        uncounted_toll = (killed, told_at) if killed is not None and not killed_from else None
        wounded, wounded_from = _count(frame, mentions, "wounded", nt.display)
        # an act recalled as announced on a past day ("وكانت القوات قد أعلنت السبت الماضي استعادة السيطرة")
        # fell that day or the one before, however long before publication
        announced_before = frame.announced is not None and (published is None or frame.announced <= published)
        announced = _announced_recently(frame.announced, published) or (frame.recalled and announced_before)
        if key is None and announced and not frame.is_background:
            if act is not None and act.of("update"):  # a revised toll, announced days after the act
                value, method, precision = revision_window(frame.announced), "revision_day", "interval"
            elif act is not None and _denied_on_the_day(act):  # reports of the act denied days after it
                value, method, precision = revision_window(frame.announced), "denial_day", "interval"
            else:
                value, method, precision = announcement_window(frame.announced), "announcement_day", "interval"
        elif key is None and published is not None and not frame.is_background and not frame.recalled:
            value, method, precision = publication_window(published), "publication_window", "interval"
        out.append(
            {
                "frame_id": f"{article_id}:ev{trigger.start}",
                "article_id": article_id,
                "is_background": frame.is_background,
                "role": "background" if frame.is_background else "main",
                "answered": frame.answered,
                "modality": _modality(frame, trigger),
                "event_type": event_type,
                "trigger": trigger.text,
                "trigger_start": trigger.start,
                "reported_date": value,
                "date_precision": precision,
                "date_method": method,
                "date_partial": key if key and key.startswith("--") else None,
                "place_ref": place.attrs.get("ref_id") if place else None,
                "reported_place": place.surface if place else None,
                "reported_region": region_text,
                "region": region_code,
                "admin1": _admin1(place),
                # An act whose sentences name no place is in the country its story names most as where.
                "country": _country_of(place) if place else _country(regions) or (None if frame.is_background else story_country),
                "place_precision": _place_precision(place),
                "latitude": _float(place.attrs.get("latitude")) if place else None,
                "longitude": _float(place.attrs.get("longitude")) if place else None,
                "reported_killed": killed,
                "killed_mentions": [mention_id(article_id, m) for m in killed_from],
                "reported_wounded": wounded,
                "wounded_mentions": [mention_id(article_id, m) for m in wounded_from],
                "weapon": (weapon.attrs.get("ref_id") or weapon.surface) if weapon else None,
                "actor_refs": actors,
                "partner_refs": partners,
                "partner_claim": _partner_claim(frame_cues),
                "target_mentions": [mention_id(article_id, m) for m, _ in targets],
                "target_roles": [role for _, role in targets],
                "claim_source": claim.value if claim else None,
                "story_terms": story_terms(" ".join(nt.display[max(start, desk) : end] for start, end in stating)),
                "statements": json.dumps(
                    frame_statements(article_id, stating, _in_spans(stating, cues), _in_spans(stating, mentions),
                                     frame.date, regions, uncounted_toll),
                    ensure_ascii=False,
                ),  # fmt: skip
            }
        )
    return _unique_ids(out)


def _tell_each_act_once(
    frames: list[_Frame], sentences: list[_Sentence], cues: ByStart, mentions: ByStart, desk: int, display: str
) -> list[_Frame]:
    """The frames less those that tell again an act an earlier frame of the article told (`_tells_one_act`),
    whose sentences, words and figures go to that one."""

    def about(frame: _Frame) -> _Told:
        return _Told(
            _event_type(frame, mentions),
            _place(frame, mentions, desk, _opening_sentence(sentences, frame))[0],
            _count(frame, mentions, "killed", display)[0],
            frozenset(m.normalized for m, _ in _targets(frame, cues, mentions, display)),
        )

    told: list[_Frame] = []
    for frame in frames:
        _tell_once(told, frame, lambda t, f: _tells_one_act(t, f, about))
    return told


def _opening_sentence(sentences: list[_Sentence], frame: _Frame) -> _Sentence | None:
    """The sentence that opens the act: its place, and the victims it names."""
    return next((x for x in sentences if frame.opening and x.start <= frame.opening[0].start < x.end), None)


# The longest period a lead may date an otherwise undated act by: a week ("الأسبوع الماضي" spans up to
# nine days, `tahqiq.dates.inference.last_week`), not a month the story's campaign began in.
LEAD_PERIOD_DAYS = 10


def _lead_date(sentences: list[_Sentence], frame: _Frame, published: date | None) -> Mention | None:
    """The day a lead sentence before the main frame gives the act ("تداول ناشطون فيديو لإطلاق الرصاص
    على شاب في قطاع غزة الجمعة"), when the frame's own sentences give no day: the lead tells the news.
    When they date nothing at all, the lead's days or week ("المقتولان في منبج الأسبوع الماضي") do."""
    lead = [s for s in sentences if s.end <= frame.spans[0][0]]
    dates = [
        d for s in lead for d in _event_dates(s)
        if not _months_before(d.value, published) and not later_than_publication(d.value, published)
    ]  # fmt: skip
    days = [d for d in dates if _precision(d) == "day"]
    weeks = [d for d in dates if (bounds := date_bounds(d.value)) and (bounds[1] - bounds[0]).days < LEAD_PERIOD_DAYS]
    return _best_date(days) or (_best_date(weeks) if frame.date is None else None)


# "أدى سقوط القذيفة إلى انهيار المنزل ... ونجم عن ذلك مقتل مزارع": a word of consequence a few
# words before the casualty ties it to the act the sentence tells, not to another one the article cites.
CAUSED = re.compile(
    r"(?:^|\s)(?:و|ف)?(?:أدى|أدت|ادى|ادت|يؤدي|تؤدي|أسفر|أسفرت|اسفر|اسفرت|نتج|نجم|تسبب|تسببت|خلف|خلفت)"
    r"(?:[^\s.!?]*)(?:\s+\S+){0,12}\s*$"
)


def _dates_another_day(span: tuple[int, int], mentions: ByStart, day: Mention | None) -> bool:
    """Whether the sentence dates something to a day other than the frame's ("إذ سقطت قذيفة مساء
    الأربعاء ... وأدت إلى مقتل شخص" in a report of Thursday's strike)."""
    own = _date_key(day)
    return any(
        m.entity_type == "DATE" and _date_key(m) != own for m in mentions.starting_in(span[0], span[1])
    )


# "لم يسفر عن وقوع ضحايا في الجانب الإسرائيلي": no casualties on one side is no toll of the act.
ONE_SIDE_RE = re.compile(r"^\W*(?:\S+\s+){0,2}?(?:في|بين)\s+(?:صفوف|الجانب|جانب|أوساط)")
ONE_SIDE_CHARS = 40


def _of_one_side(cue: Cue, display: str) -> bool:
    return bool(ONE_SIDE_RE.match(display[cue.end : cue.end + ONE_SIDE_CHARS]))


def _single_casualties(nt: NormalizedText, spans: list[tuple[int, int]], caused: bool = False) -> list[str]:
    """The kind of each casualty the spans (a report's lead: its headline sentences and first two) tell
    by a singular noun ("مقتل مقيم مصري"), read on those sentences alone, not the whole article. With
    `caused`, only a casualty a word of consequence brings ("نتج عنه ... مقتل مزارع"): later in a
    report a lone casualty is as often one of another act the article cites."""
    out = []
    for start, end in sorted(set(spans)):
        text = nt.display[start:end]
        for m in find_single_casualties(normalize(text)):
            if not caused or CAUSED.search(text[max(0, m.start - 120) : m.start]):
                out.append(m.attrs.get("count_kind"))
    return out


def _named_victim_count(opening: _Sentence | None) -> int | None:
    """How many people the frame's opening sentence names as killed, when it counts no one and names no
    one else: "قتل الصحفي جمال خاشقجي" is one dead; in "مقتل القيادي أبو محمد العدناني وقائده أبو علي
    الأنباري" the second name is too far from the killing to be sure of, so no figure."""
    if opening is None:
        return None
    victims = {m.normalized for _, named in opening.named_victims(("killed", "died")) for m in named}
    named = {m.normalized for m in opening.mentions if m.entity_type == "PERSON"}
    return len(victims) if victims and victims == named else None


def _year_from_weekday(frame: _Frame, mentions: list[Mention], partial: str) -> str | None:
    """The day a year-less date of the frame falls on when the frame also says which weekday it was
    ("يوم الجمعة الماضي" ... "7 يوليو"), no earlier than the latest year the article names."""
    weekdays = {
        m.attrs["weekday"]
        for m in _in(frame, mentions)
        if m.entity_type == "DATE" and m.value is None and isinstance(m.attrs.get("weekday"), int)
    }
    if len(weekdays) != 1:
        return None
    named_years = [
        bounds[1].year
        for m in mentions
        if m.entity_type == "DATE" and m.attrs.get("method") == "absolute" and (bounds := date_bounds(m.value))
    ]
    found = date_of_weekday_and_month_day(partial, weekdays.pop(), max(named_years, default=None))
    return found[0] if found else None


def _modality(frame: _Frame, trigger: Cue) -> str:
    """The trigger's own modality, else the first marked one among the words that opened the frame."""
    if trigger.modality != "asserted":
        return trigger.modality
    return next((a.modality for a in frame.opening if a.modality != "asserted"), "asserted")


def _lead(sentences: list[_Sentence], frame: _Frame, first: _Frame) -> list[tuple[int, int]]:
    """The sentences before the article's first frame, when that is the main event: a headline-like lead
    ("ارتفعت حصيلة القتلى ... إلى 250") states its toll before any operation word opens the frame."""
    if frame is not first or frame.is_background:
        return []
    return [(s.start, s.end) for s in sentences if s.end <= frame.spans[0][0]]


def _regions(regions: list[Mention], cues: list[Cue]) -> tuple[str | None, str | None]:
    """Every distinct national region the frame gives ("east|north-west" when an article says both)."""
    found = [(m.attrs["region"], m.surface) for m in regions] or [(c.value, c.text) for c in cues]
    distinct = list(dict.fromkeys(found))
    codes = list(dict.fromkeys(code for code, _ in distinct))
    if not codes:
        return None, None
    texts = [next(text for code, text in distinct if code == c) for c in codes]
    return "|".join(codes), " | ".join(texts)


def _admin1(place: Mention | None) -> str | None:
    if place is None:
        return None
    if place.attrs.get("place_kind") == "admin1":
        return place.attrs.get("ref_id")
    return place.attrs.get("admin1") or None


def _country_of(place: Mention) -> str | None:
    if place.attrs.get("place_kind") == "country":
        return place.attrs.get("ref_id") or place.attrs.get("country")
    return place.attrs.get("country") or None


PLACE_PRECISION = {"village": "village", "neighbourhood": "village", "neighborhood": "village", "town": "town",
                   "city": "city", "district": "admin2", "subdistrict": "admin2", "admin2": "admin2",
                   "admin1": "admin1", "region": "region", "country": "country"}  # fmt: skip


def _place_precision(place: Mention | None) -> str | None:
    """How finely the frame's place is known: village, town, city, admin2, admin1, region, country."""
    if place is None:
        return None
    return PLACE_PRECISION.get(place.attrs.get("place_kind") or "", "town")


def _country(regions: list[Mention]) -> str | None:
    return next((m.attrs.get("country") or m.attrs.get("ref_id") for m in regions), None)


WEAPON_KIND_OF_TYPE = {"drone_strike": "drone", "helicopter_raid": "helicopter", "airdrop": "helicopter"}


def _weapon(frame: _Frame, mentions: ByStart, event_type: str) -> Mention | None:
    weapons = [m for m in _in(frame, mentions) if m.entity_type == "WEAPON"]
    wanted = WEAPON_KIND_OF_TYPE.get(event_type)
    return next((m for m in weapons if m.attrs.get("kind") == wanted), weapons[0] if weapons else None)


def _precise(d: Mention | None) -> bool:
    return bool(d and (d.attrs.get("precision") or precision_of(d.value)) in ("day", "month", "interval"))


def _float(value) -> float | None:
    try:
        return float(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _unique_ids(frames: list[dict]) -> list[dict]:
    """Clauses split from one sentence share a trigger: later ones take their date's offset."""
    seen: set[str] = set()
    for frame in frames:
        if frame["frame_id"] in seen:
            frame["frame_id"] = f"{frame['frame_id']}d{len(seen)}"
        seen.add(frame["frame_id"])
    return frames
