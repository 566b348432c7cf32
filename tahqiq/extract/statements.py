"""Statements: each value an event frame reports, with the sentence that states it and who it credits.

A frame's columns give one value per attribute (the total killed, the most specific place); the
conflicts table also needs where each value is written, whom the sentence credits (the claim cue of that
sentence: a command's statement, a monitor, activists) and whether the sentence revises an earlier
figure ("ارتفعت حصيلة"). One statement is one dict:

    attribute   killed, wounded, detained, aircraft, a count's act (missiles_fired, missiles_intercepted,
                abducted, bombers: tahqiq.extract.counts.ACTS), campaign_killed (a running total of one
                country's soldiers killed, never the event's toll), date, place, region, partner, responsibility,
                actor, target (the kind of target a sentence says was aimed at: civilian, military, airport;
                of a vehicle, the kind of people it carried), control (full or partial: how much of a place a
                capture took)
    value       the number, ISO date, place surface, compass region, joint/unilateral, or the org credited
    start, end  offsets of the stating sentence in articles.body
    mention_id  the COUNT, DATE or LOC mention giving the value (null for a cue)
    source      claim category the sentence credits (command_statement, monitor, ...): its own claim cue, else
                the last one before it in the frame; null when none
    revised     true when the sentence says the figure was revised (update wording)
    with_trigger true when the sentence also names the event (a place or region there locates the event,
                not the target's home town or the wider war)
plus per attribute (target: text, the kind as written, dated, and credited: the sentence tells someone's word, a
claim cue, a verb of saying or "حسب", even when `source` knows no category for the speaker; control: text and places,
the listed places its sentence names; campaign_killed: nationality, whose soldiers, and
counter, who counted them: "side" for the side's own word, "أعلن الجيش التركي ... مقتل 46 من جنوده", else the
sentence's own claim cue): approximate, approximator (أكثر من), subject (counts: the noun counted, مدنيين), nationality (whose dead: RU for المقاتلين الروس) and side (gunmen for the fighters of a jihadist group: "مقاتلي التنظيم"), by (missiles: the country of the side firing or intercepting them), more ("10 صواريخ أخرى": added to the figure before), missile_type (air_to_surface for "60 صاروخ جو-أرض"), dated (counts, places and regions: the dates the sentence tells), form and text (dates: "مساء الخميس") and on_act (dates: written right after the act's word, "سيطرت الأربعاء"), ref_id/admin1/country/latitude/longitude/
place_kind, class_noun_kind (the settlement kind the text calls the place by: city for "مدينة حجة") and as_where (places: named as where, not as a speaker, tahqiq.extract.places.named_as_where), country and of_place (regions: the place a region phrase right after it describes), stance (responsibility: claimed, denied or admitted (also by a country: `owning_party`, "نفت إيران أن تكون قد ...", "أقر التحالف بارتكاب أخطاء"), justified: the party calls it a lawful act, "عمل عسكري مشروع", allegiance: the attacker says he belongs to it, "قال إنه ينتمي إلى داعش", or unclaimed: "لم تعلن أي جهة مسؤوليتها", value null; and dated: the dates the sentence tells),
and for actor (the doer a sentence names: `doer_statements`; value the organization's ref_id or the country's code)
kind (org or country), org_kind, country (the state an organization belongs to), how (behind, carried_out, accused,
blamed: "تتحمل مسؤولية"), act (the event type of the act word the verb governs: attack for "الهجمات"; null for a
word of the dead), dead (the act is a word of the dead: "مسؤولية مقتل", "قتلوا ... برصاص الجيش"), act_text,
text (the name as written), links (the organizations the sentence says the doer follows: "الموالية لتنظيم الدولة").
A killed statement the frame reads off no COUNT (a singular noun, a named victim, "no casualties") is uncounted.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any, Protocol

from tahqiq.dates.values import date_bounds
from tahqiq.extract.counts import ACTS, counts_one_event
from tahqiq.extract.mention import ByStart, Mention, mention_id
from tahqiq.reference import casualty_groups
from tahqiq.text.normalize import normalize_text

STATED_COUNT_KINDS = ("killed", "wounded", "detained", "aircraft", *ACTS)


class CueLike(Protocol):
    kind: str
    value: str
    start: int
    end: int
    text: str


def _sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    return next(((s, e) for s, e in spans if s <= position < e), (position, position))


def _starting_in_spans(items: list, spans: list[tuple[int, int]]) -> list:
    """The items that start inside one of `spans` (in their order): a start is inside when the
    furthest end among the spans opening at or before it lies beyond it."""
    ordered = sorted(spans)
    opens = [start for start, _ in ordered]
    furthest = list(accumulate((end for _, end in ordered), max))

    def inside(position: int) -> bool:
        k = bisect_right(opens, position)
        return k > 0 and furthest[k - 1] > position

    return [x for x in items if inside(x.start)]


def _source(claims: ByStart, sentence: tuple[int, int]) -> str | None:
    """The claim cue of the sentence, else the last one before it in the frame: "وقالت القيادة ..."
    then "وأشارت إلى ..." goes on quoting the command."""
    if own := _own_source(claims, sentence):
        return own
    before = claims.starting_in(-1, sentence[1])
    return before[-1].value if before else None


def _own_source(claims: ByStart, sentence: tuple[int, int]) -> str | None:
    """The claim cue of the sentence itself, none inherited from the sentences before."""
    inside = claims.starting_in(sentence[0], sentence[1])
    return inside[0].value if inside else None


# Words that credit what a sentence tells to someone: "قالت المنظمة إن", "أفادت قوات التحالف", "وفق ما أعلن".
CREDITING_KINDS = ("claim", "announce", "attribution")


def _credited(cues: ByStart, sentence: tuple[int, int]) -> bool:
    """The sentence tells someone's word (a claim cue, a verb of saying, "حسب"), whether or not the claim
    categories know the speaker: the Red Cross, a coalition's spokesman."""
    return any(c.kind in CREDITING_KINDS for c in cues.starting_in(sentence[0], sentence[1]))


def _revised(cues: ByStart, sentence: tuple[int, int]) -> bool:
    return any(c.kind == "update" for c in cues.starting_in(sentence[0], sentence[1]))


# Bodies that report, judge or play but never carry out an attack, so never claim or deny one: the
# outlet in a dateline ("أتلانتا (CNN)-- تبنى تنظيم داعش"), the UN's councils, aid groups, clubs.
NEVER_CLAIMANT_KINDS = frozenset({
    "news_agency", "newspaper", "tv_channel", "broadcaster", "news_site", "platform", "program", "international",
    "ngo", "sports", "company", "university",
})  # fmt: skip


# "ينتمي إلى تنظيم داعش", "أعلن مبايعته لتنظيم الدولة": whom the attacker says he belongs to is named this
# close after the word.
ALLEGIANCE_GAP = 12


def _credited_org(cue: CueLike, mentions: ByStart, sentence: tuple[int, int]) -> str | None:
    """The organization a claim or denial of responsibility names: the nearest one in its sentence that
    could have carried out the act; for an attacker's allegiance, the one named right after the word; for
    an act called lawful, the nearest named before the words, the one that speaks ("ووصف التحالف الغارة
    بأنها عمل عسكري مشروع ضد المسلحين الحوثيين": not the Houthis struck)."""
    orgs = [
        m for m in mentions.starting_in(sentence[0], sentence[1])
        if m.entity_type == "ORG" and m.attrs.get("org_kind") not in NEVER_CLAIMANT_KINDS
        and (cue.value != "allegiance" or 0 <= m.start - cue.end <= ALLEGIANCE_GAP)
        and (cue.value != "justified" or m.end <= cue.start)
    ]  # fmt: skip
    if not orgs:
        return None
    return _name_ref(min(orgs, key=lambda m: min(abs(m.start - cue.end), abs(cue.start - m.end))))


# A doer's name comes right after a verb of doing it ("نفذ تنظيم داعش هجوما": one space) or opens the clause
# the verb ends ("أن جماعة أنصار التوحيد، الموالية لتنظيم الدولة، تقف وراء الهجمات"): no further than
# CLAUSE_SUBJECT_CHARS into it ("عائلة انتحارية مرتبطة بشبكة ..."), the act named within DOER_ACT_CHARS after
# the verb ("تقف وراء دعم وتمويل" names no act, "تقف وراء الفساد" neither).
VERB_SUBJECT_GAP = 2
CLAUSE_SUBJECT_CHARS = 40
DOER_ACT_CHARS = 60
# شن is the verb and its noun ("إثر شن جيش الإسلام هجمات"): its doer is only the name right after it.
VERB_OR_NOUN = frozenset({normalize_text("شن")})
# "اتهمت الحكومة حينها حركة الشباب بالمسؤولية": the charge this close after the verb of accusing.
ACCUSED_CHARS = 80
# "هجوم نفذه تنظيم داعش": a verb carrying the act as its pronoun follows the act's word this closely.
ACT_BEFORE_PRONOUN_CHARS = 30
# Whom a name follows is named just after the word of following ("، الموالية لما يعرف بتنظيم الدولة"), and
# that word just after the follower's name.
LINK_GAP = 25
# "لا تقف وراء", "لم ينفذ": a negation this close before the verb (a denial or a doubt anywhere before it).
NEGATION_CHARS = 25
# "القوات التي نفذت": a relative pronoun this close before the verb.
RELATIVE_GAP = 2
ACT_CUE_KINDS = ("trigger", "outcome")


def _may_do(m: Mention) -> bool:
    """An organization that can carry out an act (no outlet, UN body or aid group), or a country."""
    if m.entity_type == "ORG":
        return m.attrs.get("org_kind") not in NEVER_CLAIMANT_KINDS
    # a country named as where ("في اليمن") is no doer
    return m.entity_type == "LOC" and m.attrs.get("place_kind") == "country" and not m.attrs.get("as_where")


def _name_ref(m: Mention) -> str:
    return m.attrs.get("ref_id") or m.normalized


def _clause_subject(
    around: list, names: list[Mention], sentence_start: int, verb: CueLike, follows
) -> Mention | None:
    """The first name of the clause the verb ends (after the last إن/أن before it, else the sentence's),
    not a name only said to be followed (`follows`), opening the clause within CLAUSE_SUBJECT_CHARS, with no
    act told between it and the verb and in no relative clause of its own ("المسلحين الذين هاجموا مقر
    الجيش نفذوا": the army is the target; "عن الجماعة التي قال إنها نفذت": the group, unnamed)."""
    if any(c.kind == "doer_conjoined" and c.end == verb.end for c in around):
        return None  # "ونفذت هجوما معاكسا": a clause of its own, its subject not named before it
    not_openers = [c for c in around if c.kind == "doer_not_clause"]
    openers = [
        c.end for c in around
        if c.start < verb.start and c.kind == "doer_clause" and not any(x.start <= c.start < x.end for x in not_openers)
    ]  # fmt: skip
    clause = max(openers, default=sentence_start)
    in_clause = [m for m in names if clause <= m.start and m.end <= verb.start and follows(m) is None]
    first = in_clause[0] if in_clause else None
    if first is None or first.start - clause > CLAUSE_SUBJECT_CHARS:
        return None
    links = [c.start for c in around if c.kind == "doer_link"]
    for c in around:
        if c.start >= verb.start:
            break
        if first.end <= c.start and c.kind in ACT_CUE_KINDS:
            return None
        relative_before = c.kind == "doer_relative" and clause <= c.start < first.start
        # "جماعة أنصار الدولة التي تبايع تنظيم الدولة، قامت بتنفيذ": a relative of following is the name's
        relative_between = (
            c.kind == "doer_relative" and first.end <= c.start and not any(0 <= x - c.end <= 2 for x in links)
        )
        if relative_before or relative_between:
            return None
    return first


def doer_statements(
    cues: ByStart, mentions: ByStart, sentence: tuple[int, int], verb: CueLike
) -> list[tuple[Mention, dict]]:
    """The doer one verb of doing (a lexicon `doer` cue) names in its sentence, as an actor item (without the
    offsets): the name right after the verb, else the one a relative pronoun before it stands for ("الغارة
    التي نفذها التحالف", "القوات التي نفذت": no name, no doer), else the subject of the clause the verb ends
    (`_clause_subject`), never a name that only says whom another follows ("جماعة أنصار الدولة التي تبايع
    تنظيم الدولة": the second is no doer). None when the verb is denied, negated or in doubt, or names no act
    ("تقف وراء تمويل")."""
    start, end = sentence
    names = [m for m in mentions.starting_in(start, end) if _may_do(m)]
    around = cues.starting_in(start, end)
    links = [c for c in around if c.kind == "doer_link"]

    def followed(m: Mention) -> Mention | None:
        """The name m follows as `LINK_GAP` says, if the sentence names it just before."""
        for c in links:
            if 0 <= m.start - c.end <= LINK_GAP:
                return next((q for q in reversed(names) if q.end <= c.start and c.start - q.end <= LINK_GAP), None)
        return None

    before = [c for c in around if c.start < verb.start]
    if _negated(cues, sentence, verb):
        return []
    if verb.value == "accused":
        return _accused(around, names, verb)
    if verb.value == "fire_of":
        return _fire_of(around, names, verb)
    acts_after = [c for c in around if c.kind in ACT_CUE_KINDS and 0 <= c.start - verb.end <= DOER_ACT_CHARS]
    pronoun = normalize_text(verb.text).endswith(("ه", "ها"))
    # a trigger phrase may take the verb in ("الهجوم الذي نفذه")
    acts_before = [c for c in before if c.kind in ACT_CUE_KINDS and verb.start - c.end <= ACT_BEFORE_PRONOUN_CHARS]
    if not acts_after and not (pronoun and acts_before):
        return []
    after = [m for m in names if 0 <= m.start - verb.end <= VERB_SUBJECT_GAP]
    relative = next((c for c in before if c.kind == "doer_relative" and 0 <= verb.start - c.end <= RELATIVE_GAP), None)
    if verb.value == "carried_out" and after:
        doer = after[0]
    elif relative is not None:
        doer = next((m for m in names if 0 <= relative.start - m.end <= RELATIVE_GAP), None)
    elif normalize_text(verb.text) in VERB_OR_NOUN:
        return []  # "نسبت قوات الحشد الشعبي إلى التحالف شن غارة": the noun's doer is no clause's subject
    else:
        doer = _clause_subject(around, names, start, verb, followed)
    if doer is None:
        return []
    followed_by = sorted({_name_ref(m) for m in names if (q := followed(m)) is not None and q is doer})
    act = acts_after[0] if acts_after else acts_before[-1]
    return [_doer_item(doer, verb, followed_by, act)]


def _fire_of(around: list, names: list[Mention], verb: CueLike) -> list[tuple[Mention, dict]]:
    """Whose fire a word of fire names ("قتل 25 فلسطينيا برصاص الجيش الإسرائيلي"): the name right after it;
    its act the dead told within DOER_ACT_CHARS before it, else the fire itself."""
    doer = next((m for m in names if 0 <= m.start - verb.end <= VERB_SUBJECT_GAP), None)
    if doer is None:
        return []
    dead = [c for c in around if c.kind == "outcome" and c.value == "killed" and 0 <= verb.start - c.end <= DOER_ACT_CHARS]
    fire = next((c for c in around if c.kind == "trigger" and c.start == verb.start), None)
    act = dead[-1] if dead else fire
    return [_doer_item(doer, verb, [], act, how="carried_out")] if act is not None else []


def _doer_item(
    doer: Mention, verb: CueLike, followed_by: list[str], act: CueLike, how: str | None = None
) -> tuple[Mention, dict]:
    is_org = doer.entity_type == "ORG"
    return (doer, {
        "act": act.value if act.kind == "trigger" else None, "act_text": act.text,
        "dead": act.kind == "outcome" and act.value == "killed",
        "value": _name_ref(doer), "kind": "org" if is_org else "country", "org_kind": doer.attrs.get("org_kind"),
        "country": doer.attrs.get("country") if is_org else doer.attrs.get("ref_id"), "how": how or verb.value,
        "text": doer.surface, "links": followed_by, "listed": bool(doer.attrs.get("ref_id")),
    })  # fmt: skip


def _accused(around: list, names: list[Mention], verb: CueLike) -> list[tuple[Mention, dict]]:
    """The one a verb of accusing charges with the act: the name right before the charge ("اتهمت الحكومة
    حركة الشباب بالمسؤولية عن الهجوم", "اتهمت مصادر التحالف بشن الهجوم"), the act named within DOER_ACT_CHARS
    after the charge; not the accuser named after the verb before it."""
    charge = next((c for c in around if c.kind == "doer_charge" and 0 <= c.start - verb.end <= ACCUSED_CHARS), None)
    if charge is None:
        return []
    act = next((c for c in around if c.kind in ACT_CUE_KINDS and 0 <= c.start - charge.start <= DOER_ACT_CHARS), None)
    if act is None and charge.value == "act":
        act = charge  # "باستهدافها": the charge names the act
    if act is None:
        return []
    accused = next((m for m in names if m.start >= verb.end and 0 <= charge.start - m.end <= VERB_SUBJECT_GAP), None)
    relative = next((c for c in around if c.kind == "doer_relative" and verb.end <= c.start < charge.start), None)
    if relative is not None:
        # "التحالف الدولي الذي تقوده الولايات المتحدة، بشن": the accused is named before the relative clause
        accused = next((m for m in names if m.start >= verb.end and 0 <= relative.start - m.end <= RELATIVE_GAP), None)
    return [_doer_item(accused, verb, [], act)] if accused is not None else []


# "وأعلن تنظيم داعش المتشدد، في بيان نشرته مواقع موالية للإرهابين بعد مقتل المهاجم، مسؤوليته عن الاعتداءات":
# the claimed responsibility follows the verb of claiming this far; the act follows it this closely.
CLAIMED_OBJECT_CHARS = 100
# "وأعلن تنظيم "الدولة الإسلامية" مسؤوليته": a class noun and a quote may stand between the verb and the name.
CLAIMANT_GAP = 8
CLAIMED_ACT_CHARS = 12  # "مسؤوليته عن عدد من هذه الهجمات" claims some of them, not the act


def claimed_apart(cues: ByStart, mentions: ByStart, sentence: tuple[int, int], verb: CueLike) -> str | None:
    """The organization a verb of claiming (a lexicon `claim_verb`: أعلن, ادعى) says claims the act when its
    object comes later in the sentence ("وادعى تنظيم داعش مسؤوليته عن الهجوم"): the claimed object (مسؤوليته)
    within CLAIMED_OBJECT_CHARS, an act named within CLAIMED_ACT_CHARS after it, no negation before the verb;
    the claimant an organization that could have done it named right after the verb (CLAIMANT_GAP), or right before a
    relative pronoun right before it ("تنظيم داعش الذي أعلن"), never another name of the sentence (the
    target, "السفارة الفرنسية", or the outlet told: "أعلنت جماعة تابعة للقاعدة ... حسب وكالة الأنباء").
    None when the object follows the verb at once (a responsibility phrase of its own: "أعلن مسؤوليته")."""
    around = cues.starting_in(sentence[0], sentence[1])
    claimed = next((c for c in around if c.kind == "claimed_object" and 1 < c.start - verb.end <= CLAIMED_OBJECT_CHARS), None)
    if claimed is None or not any(c.kind == "trigger" and 0 <= c.start - claimed.end <= CLAIMED_ACT_CHARS for c in around):
        return None
    if _negated(cues, sentence, verb):
        return None
    before = [c for c in around if c.end <= verb.start]
    names = [
        m for m in mentions.starting_in(sentence[0], sentence[1])
        if m.entity_type == "ORG" and m.attrs.get("org_kind") not in NEVER_CLAIMANT_KINDS
    ]  # fmt: skip
    claimant = next((m for m in names if 0 <= m.start - verb.end <= CLAIMANT_GAP), None)
    if claimant is not None and any(c.kind == "doer_link" and verb.end <= c.start < claimant.start for c in around):
        claimant = None  # "أعلنت جماعة تابعة لتنظيم القاعدة": the group claims, whom it follows is named
    relative = next((c for c in before if c.kind == "doer_relative" and 0 <= verb.start - c.end <= RELATIVE_GAP), None)
    if claimant is None and relative is not None:
        claimant = next((m for m in names if 0 <= relative.start - m.end <= RELATIVE_GAP), None)
    return _name_ref(claimant) if claimant is not None else None


# "نفت إيران أن تكون قد ردت بأي صواريخ": what the denier denies (or the admitter admits) follows its name this
# closely.
OWNED_OBJECT_GAP = 3
# A verb of owning or disowning an act (a lexicon cue kind) -> the kind of the words that say what is owned
# or disowned, and the stance the party then takes.
OWNING_VERBS = {"denial": ("denied_object", "denied"), "admission": ("admitted_object", "admitted")}


def owning_party(cues: ByStart, mentions: ByStart, sentence: tuple[int, int], verb: CueLike) -> Mention | None:
    """The organization or country a verb of denying or admitting (OWNING_VERBS) speaks for: the name right
    after the verb, what it denies or admits right after the name (a `denied_object`: "أن تكون", "أي
    علاقة", "مسؤوليتها"; an `admitted_object`: "بارتكاب أخطاء"), and an act named within DOER_ACT_CHARS
    after that ("نفت إيران أن تكون قد ردت بأي صواريخ", "أقر التحالف بارتكاب أخطاء في غارات جوية"). None for
    a denial or an admission of something else ("نفت الوزارة أن تكون الأسعار قد ارتفعت")."""
    start, end = sentence
    name = next((m for m in mentions.starting_in(start, end) if _may_do(m) and 0 <= m.start - verb.end <= VERB_SUBJECT_GAP), None)
    if name is None:
        return None
    around = cues.starting_in(start, end)
    object_kind = OWNING_VERBS[verb.kind][0]
    owned = next((c for c in around if c.kind == object_kind and 0 <= c.start - name.end <= OWNED_OBJECT_GAP), None)
    if owned is None or not any(c.kind == "trigger" and 0 <= c.start - owned.end <= DOER_ACT_CHARS for c in around):
        return None
    return name


# "استهدف مطار الملك خالد", "لاستهداف المناطق المدنية": the kind of target follows the word of targeting this closely.
TARGET_KIND_GAP = 2
# "العناصر المسؤولة عن إطلاق الصواريخ واستهداف المدنيين", "ردا على استهداف": a targeting this far after words
# that tell another act (one answered, or done by those now struck) is that act's.
OTHER_ACT_CHARS = 60
# "التي خططت ونفذت استهداف المدنيين": a verb of doing this close before the targeting tells whose act it was.
DONE_BY_CHARS = 10


def target_kind(cues: ByStart, sentence: tuple[int, int], verb: CueLike) -> CueLike | None:
    """The kind of target (a lexicon `target_kind`: civilian, military, airport) a word of targeting names right
    after it, or names as whom the vehicle struck carried ("استهدف حافلة تقل أطفالا", "هجوم على حافلة كانت
    تقل المقاتلين": a noun of attack, value vehicle, tells a kind only so; "الغارة على مطار التيفور" names the
    act by where it fell); none when the targeting is negated or avoided ("لم تستهدف", "تجنب استهداف", "وعدم
    استهدافهم"), or is another act's: one answered or done by those struck ("ردا على استهداف", "المسؤولة عن ...
    واستهداف المدنيين", "التي نفذت استهداف")."""
    around = cues.starting_in(sentence[0], sentence[1])

    def right_after(cue: CueLike | None, kind: str) -> CueLike | None:
        if cue is None:
            return None
        return next((c for c in around if c.kind == kind and 0 <= c.start - cue.end <= TARGET_KIND_GAP), None)

    named = right_after(verb, "target_kind") if verb.value != "vehicle" else None
    carried = right_after(right_after(verb, "target_vehicle"), "carrying")
    kind = named or right_after(carried, "target_kind")
    if kind is None:
        return None
    if _negated(cues, sentence, verb):
        return None
    before = [c for c in around if c.end <= verb.start]
    for c in before:
        gap = verb.start - c.end
        if (
            c.kind == "target_negation" and gap <= NEGATION_CHARS
            or c.kind == "responded_to" and gap <= OTHER_ACT_CHARS
            or c.kind == "doer" and gap <= DONE_BY_CHARS
        ):
            return None
    return kind


def _dates_in(mentions: ByStart, sentence: tuple[int, int], written_out: bool = False) -> list[str]:
    """The dates a sentence tells ("وفي 19 حزيران/يونيو الماضي، أطلق الجيش عملية في القنيطرة"): the time of
    what it states, which the readers compare weeks apart only. `written_out`: only dates written with their
    year ("وفي أبريل/نيسان 2017، قتل 80 شخصا"), for a count, which one compares with another count's: a
    weekday there is the day the toll was told, against a running total's start ("ليرتفع عدد قتلى مسيرة العودة
    التي انطلقت في 30 مارس") it would part two counts of one day."""
    return [
        m.value for m in mentions.starting_in(sentence[0], sentence[1])
        if m.entity_type == "DATE" and date_bounds(m.value) and (not written_out or m.attrs.get("method") == "absolute")
    ]  # fmt: skip


def _negated(cues: ByStart, sentence: tuple[int, int], word: CueLike) -> bool:
    """A denial or a doubt anywhere before the word in its sentence, or a negation right before it ("لا تقف
    وراء", "لم تفرض سيطرتها الكاملة")."""
    return any(
        c.kind == "doer_negation" and c.end <= word.start and (c.value == "sentence" or word.start - c.end <= NEGATION_CHARS)
        for c in cues.starting_in(sentence[0], sentence[1])
    )


# "بعد سيطرة القوات الموالية للحكومة على أجزاء واسعة": the part taken this far after the word of capture.
CAPTURE_PART_CHARS = 45


def _control(cues: ByStart, sentence: tuple[int, int], word: CueLike) -> str | None:
    """How much of the place a `control` word says was taken, full or partial; none when negated or
    doubted, or for a part (part_taken) that no word of capture just before it took ("سيطرت على أجزاء من"
    but not "السيادة على أجزاء من بحر الصين", "تستحوذ على جزء من أجور العمال")."""
    if _negated(cues, sentence, word):
        return None
    if word.value != "part_taken":
        return word.value
    taken = any(
        c.kind == "trigger" and c.value == "territory_capture" and c.start < word.start <= c.end + CAPTURE_PART_CHARS
        for c in cues.starting_in(sentence[0], sentence[1])
    )
    return "partial" if taken else None


def _places_named(mentions: ByStart, sentence: tuple[int, int]) -> list[str]:
    """The reference ids of the listed places the sentence names."""
    return sorted({
        m.attrs["ref_id"] for m in mentions.starting_in(sentence[0], sentence[1])
        if m.entity_type == "LOC" and m.attrs.get("ref_id")
    })  # fmt: skip


def _dated(mentions: ByStart, sentence: tuple[int, int], written_out: bool = False) -> dict:
    """{"dated": the dates the sentence tells (see _dates_in)} when it tells any."""
    dated = _dates_in(mentions, sentence, written_out)
    return {"dated": dated} if dated else {}


# "في محافظة إدلب بشمال سوريا", "مدينة عفرين، شمال سوريا": a region this close after a place says where that
# place lies (a space, a comma, ب or في between).
REGION_OF_PLACE_GAP = 4


def _place_the_region_follows(region: Mention, places: list[Mention]) -> str | None:
    """The reference id of the listed place a region phrase right after it describes, if any."""
    before = [p for p in places if 0 <= region.start - p.end <= REGION_OF_PLACE_GAP and p.attrs.get("ref_id")]
    return before[-1].attrs["ref_id"] if before else None


# "سيطرت الأربعاء على المطار", "قتل، الخميس، 5 جنود": a space, or a comma and a space, between the act's word and its day.
ON_ACT_GAP = 2


def _follows_act_word(date: Mention, cues: list[CueLike]) -> bool:
    """The date stands right after a word of the act (a trigger or an outcome), so it tells the act's day, not
    the day a source spoke of it ("قالت الشرطة، الجمعة") nor another act's."""
    return any(c.kind in ("trigger", "outcome") and 0 <= date.start - c.end <= ON_ACT_GAP for c in cues)


def _side_counting_its_dead(m: Mention) -> str | None:
    """The country whose soldiers a running total of the dead counts (counts: cumulative, nationality)."""
    soldiers = casualty_groups().get(m.attrs.get("subject") or "") == "soldiers"
    running = m.attrs.get("count_kind") == "killed" and not counts_one_event(m)
    return m.attrs.get("nationality") if soldiers and running else None


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def frame_statements(
    article_id: str,
    spans: list[tuple[int, int]],
    cues: list[CueLike],
    mentions: list[Mention],
    date: Mention | None,
    regions: list[Mention],
    uncounted_toll: tuple[int, int] | None = None,
) -> list[dict[str, Any]]:
    """Every value the frame states in its sentence `spans`, from the article's `cues` and `mentions`, and
    the toll it tells without a number (`uncounted_toll`: the figure and where its sentence starts)."""
    cues = _starting_in_spans(cues, spans)
    mentions = _starting_in_spans(mentions, spans)
    cues_by_start = ByStart(cues)
    claims = ByStart([c for c in cues if c.kind == "claim"])
    mentions_by_start = ByStart(mentions)

    def stated(attribute: str, value: Any, position: int, mention: Mention | None = None, **extra) -> dict:
        sentence = _sentence_of(spans, position)
        return {
            "attribute": attribute,
            "value": value,
            "start": sentence[0],
            "end": sentence[1],
            "mention_id": mention_id(article_id, mention) if mention is not None else None,
            "source": _source(claims, sentence),
            "revised": _revised(cues_by_start, sentence),
            "with_trigger": any(c.kind == "trigger" for c in cues_by_start.starting_in(sentence[0], sentence[1])),
            **extra,
        }

    told_dates: dict[tuple[tuple[int, int], bool], dict] = {}

    def dated_at(position: int, written_out: bool = False) -> dict:
        """The dates of the sentence at `position` (_dated), read once a sentence."""
        key = (_sentence_of(spans, position), written_out)
        if key not in told_dates:
            told_dates[key] = _dated(mentions_by_start, key[0], written_out)
        return told_dates[key]

    out = []
    for m in mentions:
        kind = m.attrs.get("count_kind")
        if (
            m.entity_type == "COUNT"
            and kind in STATED_COUNT_KINDS
            and counts_one_event(m)
            and (number := _number(m.value)) is not None
        ):
            approximate = bool(m.attrs.get("approximate"))
            out.append(stated(kind, number, m.start, m, approximate=approximate, subject=m.attrs.get("subject"),
                              approximator=m.attrs.get("approximator"),
                              nationality=m.attrs.get("nationality"), side=m.attrs.get("side"), by=m.attrs.get("by"),
                              **({"more": True} if m.attrs.get("more") else {}),
                              **dated_at(m.start, written_out=True),
                              **({"missile_type": m.attrs["missile_type"]} if m.attrs.get("missile_type") else {}),
                              **({"part": True} if m.attrs.get("part") else {}),
                              **({"range": m.attrs["range"]} if m.attrs.get("range") else {})))  # fmt: skip
        elif m.entity_type == "COUNT" and (side := _side_counting_its_dead(m)) and (number := _number(m.value)):
            # a running total of one side's dead soldiers over the campaign ("أعلن الجيش التركي حتى الآن عن مقتل
            # 46 من جنوده"): no toll of the event, compared only with the same side's totals
            counter = "side" if m.attrs.get("told_by_side") else _own_source(claims, _sentence_of(spans, m.start))
            out.append(stated("campaign_killed", number, m.start, m, approximate=bool(m.attrs.get("approximate")),
                              approximator=m.attrs.get("approximator"), subject=m.attrs.get("subject"),
                              nationality=side, counter=counter))  # fmt: skip
        elif m.entity_type == "LOC" and m not in regions:
            out.append(stated("place", m.surface, m.start, m, ref_id=m.attrs.get("ref_id"), **dated_at(m.start),
                              admin1=m.attrs.get("admin1"), country=m.attrs.get("country"),
                              latitude=m.attrs.get("latitude"), longitude=m.attrs.get("longitude"),
                              place_kind=m.attrs.get("place_kind"), as_where=m.attrs.get("as_where"),
                              class_noun_kind=m.attrs.get("class_noun_kind"),
                              **({"around": True} if m.attrs.get("around") else {})))  # fmt: skip
    if date is not None and date.value:
        on_act = {"on_act": True} if _follows_act_word(date, cues) else {}
        out.append(stated("date", date.value, date.start, date, form=date.attrs.get("form"), text=date.surface, **on_act))
    places = [m for m in mentions if m.entity_type == "LOC" and m not in regions]
    for m in regions:
        of_place = _place_the_region_follows(m, places)
        out.append(
            stated("region", m.attrs["region"], m.start, m, text=m.surface, country=m.attrs.get("country"),
                   **({"of_place": of_place} if of_place else {}), **dated_at(m.start))
        )  # fmt: skip
    for c in cues:
        sentence = _sentence_of(spans, c.start)
        if c.kind in ("joint", "unilateral"):
            out.append(stated("partner", c.kind, c.start, text=c.text))
        elif c.kind == "responsibility" and c.value == "unclaimed":
            out.append(stated("responsibility", None, c.start, stance=c.value, text=c.text,
                              **dated_at(c.start)))  # no group yet
        elif c.kind == "responsibility" and (org := _credited_org(c, mentions_by_start, sentence)):
            out.append(stated("responsibility", org, c.start, stance=c.value, text=c.text,
                              **dated_at(c.start)))  # fmt: skip
        elif c.kind == "claim_verb" and (org := claimed_apart(cues_by_start, mentions_by_start, sentence, c)):
            out.append(stated("responsibility", org, c.start, stance="claimed", text=c.text,
                              **dated_at(c.start)))  # fmt: skip
        elif c.kind in OWNING_VERBS and (party := owning_party(cues_by_start, mentions_by_start, sentence, c)):
            is_org = party.entity_type == "ORG"
            out.append(stated("responsibility", _name_ref(party), c.start, party, stance=OWNING_VERBS[c.kind][1],
                              text=party.surface, kind="org" if is_org else "country"))  # fmt: skip
        elif c.kind == "targeting" and (kind := target_kind(cues_by_start, sentence, c)):
            credited = {"credited": True} if _credited(cues_by_start, sentence) else {}
            out.append(stated("target", kind.value, c.start, text=kind.text, **dated_at(c.start), **credited))
        elif c.kind == "control" and (control := _control(cues_by_start, sentence, c)):
            places = _places_named(mentions_by_start, sentence)
            out.append(stated("control", control, c.start, text=c.text, places=places, **dated_at(c.start)))
        elif c.kind == "doer":
            for doer, facts in doer_statements(cues_by_start, mentions_by_start, sentence, c):
                out.append(stated("actor", facts.pop("value"), c.start, doer, **facts))
    if uncounted_toll is not None and not any(item["attribute"] == "killed" for item in out):
        # the toll the frame reads off a singular noun, a named victim or "no casualties", which no COUNT holds
        out.append(stated("killed", uncounted_toll[0], uncounted_toll[1], uncounted=True))
    return sorted(out, key=lambda s: (s["start"], s["attribute"]))
