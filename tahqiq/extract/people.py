"""Personal names in Arabic news: titles and ranks, naming cues, kunyas, nisbas, stated aliases.

Rules run on the matching form (`NormalizedText.text`) token by token and map spans back to the
display text. A name is found when
- a rank or honorific precedes it (الجنرال إريك كوريلا): the next name-like tokens, foreign or not;
- a naming cue precedes it (المدعو / يدعى / الملقب ب): the next name-like tokens, one is enough;
- it starts with a kunya (أبو أنس الشامي) or a given name from the lexicon followed by a family
  name or nisba (أسامة المهاجر, أحمد سلطان);
- it is stated as an alias of a name just found (المعروف أيضا بـ"X" و"Y", or "X (Y)");
- it repeats a name (or the family-name part of a name) found earlier in the same text;
- it is a world figure from data/reference/well_known_people.csv: the full name anywhere, a listed
  distinctive surname alone (بوش, بلير) when no given name stands just before it;
- a speech verb precedes it (قال/أعلن/أكد ...): a lexicon given name and one or two name tokens.
The title is kept in attrs, never in the surface; proclitics (و ب ل ف) and quotes stay outside.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from tahqiq import reference
from tahqiq.extract.mention import ClaimedSpans, Mention
from tahqiq.extract.tokens import SENTENCE_END, clitic_variants, display_span, tokenize, written_last
from tahqiq.text.arabic import (
    COMMAS,
    ORDINALS_BY_GENDER,
    RELATIVE_PRONOUNS,
    SPOKEN_COMMON,
    SPOKEN_EVERYWHERE,
    SPOKEN_WITH_ARTICLE,
    is_accusative_noun,
    is_accusative_participle,
    is_derived_past_verb,
    is_derived_verbal_noun,
    is_future_verb,
    is_participle_plural,
    is_past_tense_verb,
    is_spoken_noun,
    is_verbal_noun_or_long_plural,
    name_skeleton,
    name_tokens,
    spoken_count,
)
from tahqiq.text.normalize import NormalizedText, normalize_text

KUNYA_WORDS = frozenset({"ابو", "ابي", "ابا", "ام"})
# Particles only a verb follows (قد رفعت, لم يكن, لن يحضر).
VERB_PARTICLES = frozenset({"قد", "لقد", "وقد", "فقد", "لم", "لن", "ولم", "ولن"})
# ال is آل (آل نهيان) in matching form; فان, دي, دا ... join the parts of European names (لويس دا سيلفا).
CONNECTORS = frozenset({"بن", "ابن", "بنت", "ال", "فان", "فون", "دي", "دا", "دو", "ديل", "دى", "بو", "لو"})  # بو حاطوم, لو دريان
# Particles of European names a surname repeats with (لو دريان, دي ميستورا).
SURNAME_PARTICLES = frozenset({"لو", "دي", "دا", "فان", "فون", "ديل"})
ALIAS_FILLERS = frozenset({"ايضا", "كذلك", "باسم", "ب", "اسم", '"', "'", ":"})
TITLE_LOOKBACK = 10
MAX_NAME_TOKENS = 5
LINEAGE_WORDS = frozenset({"بن", "ابن", "بنت"})
ROLE_CUES = frozenset({"بانه", "بوصفه", "وهو", "بصفته", "باعتباره"})
MAX_STATED_ROLE_TOKENS = 6
CUE_REACH = 6
ROLE_KINDS = ("role", "office")
# The second half of a compound given name (نجم الدين, عبد الله): a common noun that is part of the name.
COMPOUND_NAME_SECONDS = frozenset({"الدين", "الله", "الاسلام", "العابدين"})
# One unlisted name token may close a name of at most two given names (جيمس ماتيس, ديفيد روبرت
# ميتشل); after a family name, or a second unlisted one, it is too often a noun.
MAX_NAME_PARTS_BEFORE_FALLBACK = 3
# Latin letters as Arabic spells them (matching form), for middle initials; في, ال, ان, او are words.
SPELLED_LATIN_LETTERS = frozenset({
    "ايه", "بي", "سي", "دي", "اي", "اف", "جي", "اتش", "ايتش", "جيه", "كيه", "ام", "كيو", "ار", "اس", "تي",
    "يو", "دبليو", "اكس", "زد",
})  # fmt: skip
# A word in ون whose stem speech says this often is the stem's plural (كثيرون), not a name (ماكرون, زيتون).
PLURAL_STEM_SPOKEN = 10 * SPOKEN_EVERYWHERE
HASHTAG_JOINERS = frozenset({"#", "_"})
# What follows a speaker's name in reported speech: أن/إن, a colon, a comma, في (in a statement).
SPEECH_FOLLOWERS = frozenset({"ان", "انه", "انها", "انهم", ":", ",", "،", "في", "ل", "لـ", '"', "«"})
# What must follow a speaker no lexicon knows: what was said (إن, a colon, a quote, الى أن after أشار),
# a comma before an apposition, or (checked apart) the speaker's role (وقال فلان مدير الكرة).
SPEAKER_CLOSERS = frozenset({"ان", "انه", "انها", "انهم", ":", '"', "«", "الى", "الي", ",", "،"})
# Words after which a nationality adjective describes nothing before it, so it stands for a person.
NATIONALITY_OPENERS = frozenset(
    {"و", "ف", "على", "علي", "من", "مع", "عن", "الى", "الي", "في", "بين", "ضد", "امام"}
)
OFFICE_COMPLEMENT_TOKENS = (
    6  # tokens after a role word (زعيم تنظيم داعش ...) within which an ambiguous given name may start
)
# Prepositions that continue an office's complement: سفيرة الولايات المتحدة في الأمم المتحدة.
OFFICE_LINKERS = frozenset({"في", "لدى"})
# Regnal numbers (الملكة إليزابيث الثانية, الملك محمد السادس, البابا بنديكت السادس عشر). الأول is left out:
# after a king's name it is as often the first of something (لقاء الملك سلمان الأول).
REGNAL_ORDINALS = ORDINALS_BY_GENDER
FEMININE_ROYAL_TITLES = frozenset({"الملكة", "الأميرة", "الإمبراطورة"})
ORDINALS = REGNAL_ORDINALS["m"] | REGNAL_ORDINALS["f"]  # adjectives, never a family name
# Said this often, a word read alone as a name after a title is that word (عليك, صاحب, أكثر); the few
# names as frequent in film dialogue (جون, مايك) are in the given-name lexicons.
SPOKEN_ALWAYS = 20000
# Said this often with and without its article, a definite noun after a name of two words is the verb's
# object (المركز, الكرة, الهدف), not a family name.
SPOKEN_OBJECT = 5000


@dataclass(frozen=True)
class _Lexicons:
    given: frozenset[str]
    ambiguous: frozenset[str]
    not_name: frozenset[str]
    nisba_exclusions: frozenset[str]
    kunya_exclusions: frozenset[str]
    titles_by_first: dict[str, tuple[reference.PersonTitle, ...]]
    well_known_by_first: dict[str, tuple[reference.WellKnownPerson, ...]]
    speech_verbs: frozenset[str]
    nationalities: frozenset[str]
    transliterated: frozenset[str]
    named_after: frozenset[str]
    places: frozenset[str]
    world_full_by_last: dict[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    titles_by_first: dict[str, list[reference.PersonTitle]] = {}
    for title in reference.person_titles():
        titles_by_first.setdefault(title.tokens[0], []).append(title)
    single_word_titles = {t.tokens[0] for t in reference.person_titles() if len(t.tokens) == 1}
    # An office without its article is no name either (قال مستشار للرئيس), unless it is also a given
    # name (أمير, سلطان).
    indefinite_titles = {t[2:] for t in single_word_titles if t.startswith("ال")} - reference.given_names()
    not_name = (
        reference.name_stopwords()
        | single_word_titles
        | indefinite_titles
        | set(reference.number_words())
        | set(reference.count_cues())
        | set(reference.count_nouns())
    )
    return _Lexicons(
        given=reference.given_names(),
        ambiguous=reference.ambiguous_given_names(),
        not_name=frozenset(not_name - {"ابو", "ام"}),
        nisba_exclusions=reference.nisba_exclusions(),
        kunya_exclusions=reference.kunya_exclusions(),
        titles_by_first={k: tuple(v) for k, v in titles_by_first.items()},
        well_known_by_first=_well_known_by_first(frozenset(not_name)),
        speech_verbs=reference.speech_verbs(),
        nationalities=frozenset(reference.nationality_adjectives()),
        transliterated=reference.transliterated_given_names(),
        named_after=reference.named_after_heads(),
        places=_place_words(),
        world_full_by_last=_world_full_names_by_last(),
    )


def _world_full_names_by_last() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The full names of world figures (well_known_people.csv) by their last token, each as the consonant
    outlines of its tokens (`name_skeleton`, عبد joined to the word it heads)."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for person in reference.well_known_people():
        if person.kind == "full" and len(person.tokens) > 1:
            skeletons = tuple(name_skeleton(t) for t in name_tokens(" ".join(person.tokens)))
            by_last.setdefault(person.tokens[-1], []).append(skeletons)
    return {k: tuple(v) for k, v in by_last.items()}


PLACE_KINDS_IN_NAMES = ("country", "admin1", "state", "city", "continent", "region")


def _place_words() -> frozenset[str]:
    """One-word names of countries, provinces and cities: a word no name continues into (وزار أحمد
    إريتريا: the visit's destination, not his surname)."""
    return frozenset(
        alias
        for row in reference.load_places()
        if row["place_kind"] in PLACE_KINDS_IN_NAMES and " " not in (alias := normalize_text(row["alias"]))
    )


@lru_cache(maxsize=65536)
def _word_roles(word: str) -> frozenset[str]:
    """What a word can open through any of its proclitic readings: a title, a lexicon name (given name,
    kunya, عبد), a world figure, a nationality cue, a speech verb. Most words open nothing, so the
    scans skip them without parsing."""
    lex = _lexicons()
    roles = set()
    for _, core in clitic_variants(word):
        if core in lex.titles_by_first:
            roles.add("title")
        if core in lex.given or core in KUNYA_WORDS or core == "عبد":
            roles.add("lexicon_name")
        if core in lex.well_known_by_first:
            roles.add("well_known")
        if core in lex.nationalities:
            roles.add("nationality")
        if core in lex.speech_verbs:
            roles.add("speech_verb")
    return frozenset(roles)


def _well_known_by_first(not_name: frozenset[str]) -> dict[str, tuple[reference.WellKnownPerson, ...]]:
    """Aliases by their first token, longest first; a one-word surname that is also a common word
    (a stopword, title or count word) is left out, it would name nobody most of the time."""
    by_first: dict[str, list[reference.WellKnownPerson]] = {}
    for person in reference.well_known_people():
        if len(person.tokens) == 1 and (person.kind != "surname" or person.tokens[0] in not_name):
            continue
        by_first.setdefault(person.tokens[0], []).append(person)
    return {k: tuple(sorted(v, key=lambda p: -len(p.tokens))) for k, v in by_first.items()}


@dataclass
class _Name:
    first: int  # token index of the first name token
    last: int  # token index after the last name token
    prefix: int  # characters of proclitic on the first token, left out of the span
    parts: list[tuple[str, int, int]]  # (part kind, first token, end token)
    cue: str
    attrs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _TitleHit:
    first: int
    last: int
    title: reference.PersonTitle


class _Scanner:
    def __init__(self, nt: NormalizedText):
        self.nt = nt
        self.lex = _lexicons()
        self.tokens = tokenize(nt)
        self.words = [t.text for t in self.tokens]
        self.n = len(self.tokens)
        self.roles = [_word_roles(word) for word in self.words]
        self.word_set = frozenset(self.words)
        # ends_before[k]: sentence ends among the first k tokens; whether a stretch crosses a sentence
        # end is then one subtraction, not a scan of the stretch (long articles were quadratic).
        self.ends_before = [0]
        for word in self.words:
            self.ends_before.append(self.ends_before[-1] + (word in SENTENCE_END))

    def crosses_sentence(self, start: int, stop: int) -> bool:
        """A sentence end among tokens start..stop-1."""
        return self.ends_before[stop] > self.ends_before[start]

    # --- token classes -------------------------------------------------------------------------
    def name_like(self, i: int) -> bool:
        if i >= self.n:
            return False
        word = self.words[i]
        return word.isalpha() and len(word) >= 2 and word not in self.lex.not_name

    def is_fa_inna(self, i: int) -> bool:
        """فإن (so, indeed) normalizes onto فان, the van of European names (فان دايك)."""
        return self.words[i] == "فان" and self.nt.display[self.nt.origin[self.tokens[i].start] + 1] == "إ"

    def ends_in_alef_maqsura(self, i: int) -> bool:
        """Written with ى: على (on) and أبى (he refused) normalize onto the name علي and the kunya أبي."""
        return self.written_last(i) == "ى"

    def carries_a_pronoun(self, i: int) -> bool:
        """أرسله, مسيرته, بعضها, فريقهم: a word with an attached pronoun (his, her, their) is a noun or
        verb, never a name part. Written ه, not the ة it normalizes alike with; يه ends foreign names
        (بيكيه, ديديه)."""
        word = self.words[i]
        if len(word) < 3:
            return False
        if word.endswith(("ها", "هم", "هما")) and len(word) >= 4:
            return True
        if self.written_last(i) != "ه" or word == "شاه":
            return False
        # يه ends foreign names (بيكيه, فوريه); نادي + ه (his club), رأي + ه: a noun speech says with its
        # article all the time, and its pronoun
        return not word.endswith("يه") or _said_with_its_article(word[:-1])

    def foreign_surname_in_he(self, i: int) -> bool:
        """كارل هاينتس رومينيغه, يوهان غوته: after a foreign given name, a word in ه whose stem speech
        never says, bare or as a noun in ة (مسيرته, منزله), spells a surname's final e, not "his"."""
        word = self.words[i]
        return (
            len(word) >= 5
            and self.written_last(i) == "ه"
            # ورفاقه, لنظمه: nor behind a proclitic
            and not any(
                spoken_count(rest[:-1]) or (rest[:-1].endswith("ت") and spoken_count(rest[:-2] + "ه"))
                for _, rest in clitic_variants(word)
            )
        )

    def is_place(self, i: int) -> bool:
        """A country, province or city, or a feminine nationality adjective (الأسترالية: of a state
        or a city, where a man's nisba is masculine)."""
        word = self.words[i]
        return word in self.lex.places or (word.endswith("يه") and reference.country_of_nationality(word) is not None)

    def word_where_a_name_was_cued(
        self, i: int, core: str, prepositions: tuple[str, ...] = ("ب", "ل")
    ) -> bool:
        """After a title, office or speech verb, a word no lexicon knows is read as a name unless it is
        one of the words that stand there as often: a common word (`is_common_word`), ب / ل on a word
        that is no name (بثبات, لمناشدات), a place's class noun (ملعب اللقاء), a speech verb (فقال), a
        nationality (غاني الجنسية), a woman's past-tense verb (عملت), a verb in the future (ستنطلق), a
        common feminine noun (خاصة, خارجية; names in ة such as بوتفليقة are rare in speech), a participle's
        plural (مدربين, باحثون).
        `prepositions`: the proclitics read as a preposition on a common word there."""
        said_often = spoken_count(core) >= SPOKEN_COMMON
        return (
            self.is_common_word(i, core)
            or _proclitic_on_common_noun(self.words[i], self.lex, prepositions)
            or core in self.lex.named_after
            or "speech_verb" in self.roles[i]
            or (i + 1 < self.n and self.words[i + 1] in ("الجنسيه", "الاصل"))
            or reference.country_of_nationality("ال" + core) is not None  # وزير أسترالي: the title's adjective
            or (said_often and core.endswith("ت") and 4 <= len(core) <= 5)
            or (said_often and self.written_last(i) == "ة")
            or is_future_verb(core)
            or is_past_tense_verb(core)  # الصحفية أصر على: a verb, not a man
            or is_participle_plural(core)  # للقب مدربين: a group, not a man
            or _dual_of_a_common_noun(core)  # المدرب موسمين, اللاعب بهدفين: a count of things, not a man
            # ولي العهد إشادة, الرئيس إقامة: a verbal noun of a hollow verb (إفالة) written with ة
            or (len(core) == 5 and core[0] == "ا" and core[2] == "ا" and self.written_last(i) == "ة")
        )

    def written_last(self, i: int) -> str:
        return written_last(self.nt, self.tokens[i])

    def written_with_hamza_first(self, i: int) -> bool:
        """Token i opens with a hamza'd alef as written (ألقاه, إلغاء), which normalizes onto the article's."""
        return self.nt.display[self.nt.origin[self.tokens[i].start]] in "أإآ"

    def is_common_word(self, i: int, word: str, after_foreign: bool = False) -> bool:
        """A word everyday speech uses where a name was looked for: one with an attached pronoun
        (نظيره, أرسله), a past-tense verb in ى (نفى), a country or city (باريس), a derived verbal noun
        (ارتفاع, انسحاب)."""
        if word in self.lex.given or word in self.lex.transliterated:
            return False
        return (
            (self.carries_a_pronoun(i) and not (after_foreign and self.foreign_surname_in_he(i)))
            or self.is_place(i)
            or (self.ends_in_alef_maqsura(i) and len(word) <= 4)  # نفى, ألقى: a past-tense verb
            or is_derived_verbal_noun(word)  # عزا عبد الرحمن ارتفاع: the rise, not a surname
            or _feminine_past_verb(word)  # ميلانيا ظهرت: she appeared, not a surname
        )

    def preposition_on_given_name(self, j: int) -> bool:
        """رونالدو بصلاح: ب / ل / ك on a given name joins a second person to the sentence; it is no
        family name of the first. On a foreign given name it is more often a surname's first letter (داني
        بويل, not ب + ويل)."""
        word = self.words[j]
        lex = self.lex
        return word not in lex.given and any(
            prefix and word[:prefix] in ("ب", "ل", "ك") and rest in lex.given and rest not in lex.transliterated
            for prefix, rest in clitic_variants(word)
        )

    def b_on_a_noun_in_ta_marbuta(self, j: int) -> bool:
        """رونالدو بصدارة, الوزير بتغريدة: ب on a noun written with ة (no foreign surname ends so;
        Maghrebi surnames open with بو, بن, بل: بوتفليقة; listed given names stand: بثينة)."""
        word = self.words[j]
        return (
            word.startswith("ب")
            and not word.startswith(("بو", "بن", "بل"))
            and len(word) >= 5
            and word not in self.lex.given
            and self.written_last(j) == "ة"
        )

    def preposition_on_a_common_word(self, j: int, after_foreign: bool) -> bool:
        """بتهمة, بوزارة, لهيئة, لأهداف, ليبقى: ب on a word everyday speech says all the time, ب / ل on an
        organization's head noun or a common broken plural (أفعال: أهداف, أسباب), ل on a present-tense verb
        speech says, is no name part. ل + another common word is often a surname (رضوان لقديم), and so is
        ب + one after a foreign given name (داني بويل; `_noun_said_with_its_article` asks there); listed
        names are (ليلى, بلال)."""
        word = self.words[j]
        if len(word) < 4 or word[0] not in "بل" or word in self.lex.given or word in self.lex.transliterated:
            return False
        rest = word[1:]
        return (
            (word[0] == "ب" and not after_foreign and spoken_count(rest) >= SPOKEN_EVERYWHERE)
            # باستقالة, لهجوم: ب / ل on a noun speech says with its article all the time, when the word
            # is no word of its own (بارز is "prominent", not ب + أرز); ل + an adjective of the فعيل or
            # أفعل shape is a Maghrebi surname (لقديم, لزرق)
            or (
                not after_foreign
                and _said_with_its_article(rest)
                and spoken_count("ال" + word) < SPOKEN_WITH_ARTICLE
                and not (len(rest) == 4 and (rest[2] == "ي" or rest[0] == "ا"))
            )
            or rest in _org_words("head")
            or self.b_on_a_noun_in_ta_marbuta(j)
            or (len(rest) == 5 and rest[0] == "ا" and rest[3] == "ا" and spoken_count(rest) >= SPOKEN_COMMON)
            or (word[0] == "ل" and len(word) >= 5 and rest[0] in "يت" and spoken_count(rest) >= SPOKEN_COMMON)
            # لأكثر, لأقل, لأفضل: ل on a comparative (أفعل) speech says all the time; a surname in ل + ا
            # spells its vowels (لامبارد)
            or (
                word[0] == "ل"
                and len(rest) == 4
                and rest[0] == "ا"
                and not any(letter in "اوي" for letter in rest[1:])
                and spoken_count(rest) >= SPOKEN_EVERYWHERE
            )
        )

    def waw_joins_a_second_name(self, j: int) -> bool:
        """عدي وأورور دوبوي: a و-word followed by another word that speech never says is the first name of
        a second person joined by "and", not the middle of one name."""
        word = self.words[j]
        if not word.startswith("و") or word in self.lex.given or j + 1 >= self.n or self.line_break_before(j + 1):
            return False
        after = self.words[j + 1]
        return (
            self.name_like(j + 1)
            and not after.startswith(("ال", "لل"))
            and not _proclitic_on_definite(after)  # ويلكنسون للصحفيين, بالقوة
            and not after.endswith(("ين", "ون", "ات"))
            and spoken_count(after) < SPOKEN_COMMON
            and not _proclitic_on_common_noun(after, self.lex)
        )

    def describes_a_woman(self, parts: list[tuple[str, int, int]], j: int) -> bool:
        """سارة ساندرز المتحدثة, ماريا بوتينا المتهمة: after a foreign surname, a definite word written
        with ة is her description (the spokeswoman, the accused). An Arab family name may end in
        ة (أشرف القدرة), so only after a surname no lexicon knows and that takes no article."""
        if len(parts) < 2 or parts[-1][0] != "family" or parts[-1][2] - parts[-1][1] != 1:
            return False
        before = self.words[parts[-1][1]]
        return before not in self.lex.given and not before.startswith("ال") and self.written_last(j) == "ة"

    def is_given(self, i: int, allow_ambiguous: bool) -> bool:
        word = self.words[i]
        if word not in self.lex.given:
            return False
        if word == "علي" and self.ends_in_alef_maqsura(i):
            return False
        if self.written_last(i) == "ه" and len(word) >= 4 and _said_with_its_article(word[:-1]):
            return False  # ناديه written with ه, not ة: نادي + "his" (his club), not نادية
        return allow_ambiguous or word not in self.lex.ambiguous

    def waw_is_name_part(self, word: str) -> bool:
        """ويلكنسون, وليامز: a leading و belongs to the name unless what follows it is a word or name
        of its own (وأحمد, وقال, والقيادي), i.e. unless the و reads as a conjunction."""
        rest = word[1:]
        lex = self.lex
        return (
            word.startswith("و")
            and len(rest) >= 2
            and word not in lex.not_name
            and rest not in lex.given
            and rest not in KUNYA_WORDS
            and rest not in lex.not_name
            and not rest.startswith(("ال", "لل"))
            and not any(r in lex.not_name or r in lex.given for _, r in clitic_variants(rest)[1:])
            and not is_future_verb(rest)  # وسيكون: "and it will be"
        )

    def apposition_after_a_whole_name(self, parts: list[tuple[str, int, int]], j: int) -> bool:
        """محمد صلاح نجم المنتخب, خالد سعيد أمير الجماعة: after a name of two words, a given name that also
        opens a title (نجم, أمير), before a definite noun that is no nisba, heads an apposition ("the
        team's star"), not a third name."""
        word = self.words[j]
        following = self.words[j + 1] if j + 1 < self.n else ""
        return (
            len(parts) >= 2
            and word in self.lex.titles_by_first
            and following.startswith("ال")
            and not following.endswith("ي")
            and following not in COMPOUND_NAME_SECONDS
            and is_spoken_noun(following)
        )

    def dual_of_a_noun(self, j: int) -> bool:
        """رونالدو هدفين, عثمان مباراتين: a word in ين whose stem is a noun speech says all the time, bare
        and with its article, is its dual, no surname: a feminine noun in ة (مباراة, نقطة, شخصية) or a
        noun of three strong letters (هدف). Foreign surnames in ين spell a long vowel in the stem
        (أوبراين, لونين, موزين); listed names (ياسين) stay."""
        word = self.words[j]
        if len(word) < 5 or not word.endswith("ين") or word in self.lex.given or word in self.lex.transliterated:
            return False
        stem = word[:-2]
        if stem.endswith("ت"):
            return _said_with_its_article(stem[:-1] + "ه")
        return (
            len(stem) == 3
            and stem not in JOINED_NAME_HEADS  # عبدين, a family name
            and not any(letter in "اوي" for letter in stem)
            and spoken_count(stem) >= SPOKEN_EVERYWHERE
            and _said_with_its_article(stem)
        )

    def lam_on_a_participle(self, j: int) -> bool:
        """قال شريف لمؤيدي حزبه, صرح أحمد سعيد لمراسلي الوكالة: ل + a participle or noun in م (six letters
        or more) is whom he spoke to or what for, not a surname (a surname in لم is short: لمجرد)."""
        word = self.words[j]
        return (
            word.startswith("لم")
            and len(word) >= 6
            and word not in self.lex.given
            and word not in self.lex.transliterated
        )

    def abstract_noun_in_iya(self, j: int) -> bool:
        """جاهزية, أهمية, شعبية: a word written in ية whose stem speech says all the time (جاهز, أهم) is an
        abstract noun of quality, no family name (listed names in ية, فوزية, stay)."""
        word = self.words[j]
        return (
            len(word) >= 6  # عدوية, a family name, is as short as نارية
            and word.endswith("يه")
            and self.written_last(j) == "ة"
            and word not in self.lex.given
            and spoken_count(word[:-2]) >= SPOKEN_COMMON
        )

    def title_phrase_before_a_name(self, parts: list[tuple[str, int, int]]) -> bool:
        """نجم المنتخب ليونيل ميسي, أمير الجماعة أحمد: a given name that opens a title, a definite word
        that is no nisba, then a listed given name: a title's phrase before the man, not one name."""
        if len(parts) < 3 or parts[0][0] != "given" or parts[0][2] - parts[0][1] != 1:
            return False
        first, second = self.words[parts[0][1]], self.words[parts[1][1]]
        return (
            first in self.lex.titles_by_first
            and parts[1][0] == "family"
            and second.startswith("ال")
            and not second.endswith("ي")
            and self.words[parts[2][1]] in self.lex.given
        )

    def place_named_surname(self, parts: list[tuple[str, int, int]], j: int) -> bool:
        """جورج واشنطن, ويلبور روس, جاك لندن: right after a lone foreign given name, a bare place name
        no preposition carries is the surname (a place after a man's name stands behind في / من / إلى)."""
        word = self.words[j]
        return (
            len(parts) == 1
            and parts[0][2] - parts[0][1] == 1
            and self.words[parts[0][1]] in self.lex.transliterated
            and self.words[parts[0][1]] not in self.lex.ambiguous
            and word in self.lex.places
            and not self.carries_a_pronoun(j)
            and not (self.ends_in_alef_maqsura(j) and len(word) <= 4)
            and not is_derived_verbal_noun(word)
            and not _feminine_past_verb(word)
        )

    def al_before_a_family(self, j: int) -> bool:
        """تركي آل الشيخ: after آل (ال in matching form) a definite word is the family's name even when
        it is a title elsewhere (الشيخ)."""
        return (
            self.words[j] == "ال"
            and j + 1 < self.n
            and self.words[j + 1].startswith("ال")
            and len(self.words[j + 1]) >= 4
            and self.words[j + 1].isalpha()
            and not self.line_break_before(j + 1)
        )

    def preposition_on_a_name_written_bare(self, i: int, core: str) -> bool:
        """المقطع المصور لكاراغر ... كاراغر: ل / ب on a word the text writes bare elsewhere, and that
        speech seldom says, is the preposition before that name (باول stays: أول is a word of speech)."""
        rest = core[1:]
        return (
            core[:1] in ("ل", "ب")
            and len(rest) >= 3
            and core not in self.lex.given
            and core not in self.lex.transliterated
            and spoken_count(rest) < SPOKEN_COMMON
            and rest in self.word_set
        )

    def waw_joins_another_name(self, j: int) -> bool:
        """هاري وميغان, رونالدو وميسي: و + a word speech says bare, never with the article nor behind و (a
        name in the dialogues), is a second person joined by "and"; a name's own و-word is not said
        (ويلكنسون, وليامز)."""
        word = self.words[j]
        rest = word[1:]
        return (
            word.startswith("و")
            and word not in self.lex.given
            and len(rest) >= 4
            and not rest.startswith("ال")
            and spoken_count(rest) >= SPOKEN_COMMON
            and spoken_count(word) == 0
            and spoken_count("ال" + rest) < SPOKEN_WITH_ARTICLE
        )

    def waw_joins_a_word(self, j: int) -> bool:
        """صائب وقانوني, مبارك وطلب مني, حازم ويفقد, مسعود وشاركت: after a name's first word, و + a noun or
        adjective speech says all the time (with and without the article), or و + a verb speech says (a bare
        past of three letters, no long vowel, no ة; a present; a past with the feminine ت, the verb never said
        with the article) is "and" before that word. A name's own first word may read so (واوان)."""
        word = self.words[j]
        rest = word[1:]
        if word in self.lex.given:
            return False
        if word.startswith("ف"):
            # يوسف فسدد, رونالدو فتابع: ف + a bare past verb (three letters, no long vowel) speech says is
            # "then he ...", not a surname (فهد, فريد, فتوح spell a long vowel or are listed)
            return len(rest) == 3 and not any(letter in "اويةه" for letter in rest) and spoken_count(rest) >= SPOKEN_COMMON
        if not word.startswith("و"):
            return False
        return (
            # مؤيد ومعارض: و + a participle of the مفاعل shape (معارض, منافس, مقاتل; ومبارك is "and Mubarak")
            (len(rest) == 5 and rest[0] == "م" and rest[2] == "ا")
            # حازم وأبقى, خالد ومضى: و + a verb written with ى that speech says (names in ى are listed)
            or (self.ends_in_alef_maqsura(j) and spoken_count(rest) >= SPOKEN_COMMON)
            or self.waw_joins_another_name(j)
            or (len(rest) >= 4 and is_spoken_noun(rest) and spoken_count(rest) >= SPOKEN_EVERYWHERE)
            or (len(rest) == 3 and not any(letter in "اويةه" for letter in rest) and spoken_count(rest) >= SPOKEN_COMMON)
            # حازم ويفقد: و + a present-tense verb speech says; مسعود وشاركت: و + a past verb and its ت
            or (len(rest) >= 4 and rest[:1] in ("ي", "ت") and spoken_count(rest) >= SPOKEN_COMMON)
            or (len(rest) >= 4 and rest.endswith("ت") and spoken_count(rest[:-1]) >= SPOKEN_COMMON and spoken_count("ال" + rest[:-1]) < SPOKEN_WITH_ARTICLE)
        )

    def is_given_part(self, j: int) -> bool:
        """A given name inside a name (حسين علي الموسى): علي is a name here even though على is a stopword."""
        word = self.words[j]
        return (self.name_like(j) or word == "علي") and self.is_given(j, True)

    def opens_abd_compound(self, i: int) -> bool:
        """عبد and a definite word: one given name written in two (عبد الباسط, عبد السلام)."""
        return self.words[i] == "عبد" and i + 1 < self.n and self.words[i + 1].startswith("ال")

    def after_bin(self, i: int) -> bool:
        """Token i follows بن and a name (يوسف بن أحمد العثيمين): it continues a lineage, whatever its shape."""
        return i >= 2 and self.words[i - 2] == "بن"

    def is_family(self, i: int) -> bool:
        word = self.words[i]
        return (
            word.startswith("ال")
            and not (self.written_with_hamza_first(i) and self.carries_a_pronoun(i))  # خطاب ألقاه: a verb
            and len(word) >= 4
            and self.name_like(i)
            and word not in self.lex.nisba_exclusions
            and not _plural_shaped(word)
            and not self.is_place(i)
            # الناخبين, الرئيسية: a plural or a feminine adjective describes a noun, not a man
            and not (len(word) >= 8 and word.endswith("ين") and word not in COMPOUND_NAME_SECONDS and not self.after_bin(i))
            and not (len(word) >= 6 and word.endswith("يه"))
            and not _afal_with_its_article(word)
            and not (is_derived_verbal_noun(word) and word not in self.lex.given)
            and word not in ORDINALS  # البابا بنديكت السادس عشر
            # عماد خميس التقى الوفد: افتعل written with ى (التقى) is a past verb, no family name
            and not (len(word) == 5 and word.startswith("الت") and self.ends_in_alef_maqsura(i))
        )

    # --- titles ----------------------------------------------------------------------------------
    def titles(self) -> list[_TitleHit]:
        hits: list[_TitleHit] = []
        free_from = 0
        for i in self.opening("title"):
            if i and self.words[i - 1] in ("عبد", "ال"):
                # عبد الملك, عبد الأمير: the second half of a compound given name; آل الشيخ: a family's name
                continue
            hit = self.title_at(i) if i >= free_from else None
            if hit:
                hits.append(hit)
                free_from = hit.last
        return hits

    def opening(self, role: str) -> list[int]:
        """Indexes of the tokens that can open `role` (see `_word_roles`)."""
        return [i for i, roles in enumerate(self.roles) if role in roles]

    def title_at(self, i: int) -> _TitleHit | None:
        if "title" not in self.roles[i]:
            return None
        for _, core in clitic_variants(self.words[i]):
            for title in self.lex.titles_by_first.get(core, ()):
                end = i + len(title.tokens)
                if end <= self.n and all(
                    self.words[i + k] == tok for k, tok in enumerate(title.tokens[1:], start=1)
                ):
                    return _TitleHit(i, end, title)
        return None

    # --- names -----------------------------------------------------------------------------------
    def parse_name(self, i: int, mode: str) -> _Name | None:
        """A name starting at token i. mode: strict (lexicon start), cued (title nearby), direct."""
        if i >= self.n:
            return None
        if i and self.words[i - 1] in VERB_PARTICLES:
            return None  # قد رفعت لافتة: after قد / لم / لن a verb follows, not a man named رفعت
        for prefix, core in self._readings(self.words[i]):
            if prefix and mode != "direct" and core not in self.lex.given and core not in KUNYA_WORDS:
                continue
            if prefix and (
                self.words[i] in self.lex.not_name or spoken_count(self.words[i]) >= SPOKEN_EVERYWHERE
            ):
                continue  # بسبب is "because", بمثابة "as", not ب + a name
            if prefix and self.words[i] in self.lex.given:
                continue  # كريم is a name of its own, not ك + ريم
            name = self._parse_from(i, prefix, core, mode)
            if name:
                return name
        return None

    def _readings(self, word: str) -> list[tuple[int, str]]:
        """Clitic readings, a kunya or given name behind a proclitic first (بأبو خطاب → ب + أبو خطاب)."""
        variants = list(clitic_variants(word))
        if word in KUNYA_WORDS or word in self.lex.given:
            return variants
        return sorted(variants, key=lambda v: not (v[0] and (v[1] in KUNYA_WORDS or v[1] in self.lex.given)))

    def _parse_from(self, i: int, prefix: int, core: str, mode: str) -> _Name | None:
        lex = self.lex
        parts: list[tuple[str, int, int]] = []
        if core in KUNYA_WORDS and self.name_like(i + 1) and not self.ends_in_alef_maqsura(i):
            pair = f"{core} {self.words[i + 1]}"
            triple = f"{pair} {self.words[i + 2]}" if i + 2 < self.n else ""
            if pair in lex.kunya_exclusions or triple in lex.kunya_exclusions:
                return None
            if core == "ام" and self.words[i + 1] not in lex.given:
                return None
            parts.append(("kunya", i, i + 2))
            cue = "kunya"
        elif (
            core == "عبد"
            and i + 1 < self.n
            # عبد الله, عبد الملك written apart: the divine name may be a title or stopword elsewhere
            and _definite(self.words[i + 1])
        ):
            parts.append(("given", i, i + 2))
            cue = "given_name_lexicon"
        elif (core in lex.given and not prefix and self.is_given(i, True)) or (
            prefix == 1
            and core in lex.given
            and core not in lex.ambiguous
            # لدينا is "we have", not ل + دينا: a word said this often is that word
            and not (self.words[i][0] in "بل" and spoken_count(self.words[i]) >= SPOKEN_EVERYWHERE)
        ):
            parts.append(("given", i, i + 1))
            cue = "given_name_lexicon"
        elif (
            mode == "direct"
            and core.isalpha()
            and len(core) >= 3
            and not core.startswith("ال")
            and not _proclitic_on_definite(core)  # بالقول, بالعودة: a preposition on a definite noun
            and not _proclitic_on_common_noun(core, lex)  # لوكالة, بصلاحيات, لانضمام
            and not self.b_on_a_noun_in_ta_marbuta(i)
            and not (len(core) >= 3 and core.endswith("ا") and core not in lex.given)  # اتصالا, رسميا, ردا
            and (not core.startswith("و") or core in lex.given or self.waw_is_name_part(core))
            and core not in lex.not_name
            and not self.word_where_a_name_was_cued(i, core)
            and not self.preposition_on_a_name_written_bare(i, core)
        ):
            parts.append(("given", i, i + 1))
            cue = "title"
        else:
            return None
        j = parts[0][2]
        # A name opened by a transliterated given name takes no Arabic article: ماتيو سالفيني الحرب,
        # جيرار بيكي الهدف end before the definite noun. (An unknown word after a title may be an Arabic
        # name the lexicon lacks: جبار اللعيبي.)
        foreign = core in lex.transliterated
        joiners = 0  # a hashtag's signs take no room of the name (#علي_حميد_علي_القيز)
        while j < self.n and j - i - joiners < MAX_NAME_TOKENS and not self.line_break_before(j):
            word = self.words[j]
            if word in HASHTAG_JOINERS and j + 1 < self.n and not self.line_break_before(j + 1):
                j += 1  # تيريزا #ماي, #بوريس_جونسون: a hashtag splits a name, not ends it
                joiners += 1
                continue
            if word in LINEAGE_WORDS:
                joiners += 1  # مزيد بن سليمان بن مزيد العمرو: a lineage's بن takes no room of the name either
            if self.spelled_initial(parts, j):
                # دونالد جي. ترامب, جون إف. كينيدي: a middle initial, of the given name
                parts[-1] = ("given", parts[-1][1], j + 2)
                j += 2
                continue
            if word in CONNECTORS and self.opens_abd_compound(j + 1):
                parts.append(("connector", j, j + 3))  # هشام بن عبد الملك
                j += 3
            elif word in CONNECTORS and (self.name_like(j + 1) or self.al_before_a_family(j)) and not self.is_fa_inna(j):
                parts.append(("connector", j, j + 2))
                j += 2
            elif (
                word in COMPOUND_NAME_SECONDS
                and word != "الله"
                and parts[-1][0] in ("given", "family")
                and parts[-1][2] - parts[-1][1] == 1
                and not self.words[j - 1].startswith("ال")
            ):
                parts[-1] = ("given", parts[-1][1], j + 1)  # بدر الدين, سيف الإسلام: one given name in two words
                j += 1
            elif word == "عبد" and j + 1 < self.n and self.words[j + 1].startswith("ال"):
                parts.append(("given", j, j + 2))
                j += 2
            elif (
                j + 1 < self.n
                and self.words[j + 1] == "الله"
                and self.name_like(j)
                and len(word) >= 3
                and (not word.startswith("و") or self.waw_is_name_part(word))  # وعبد الله: and another man
                and not self.carries_a_pronoun(j)  # محمود الجوهري رحمه الله: a blessing, no name
            ):
                parts.append(("family", j, j + 2))  # نصر الله, فضل الله
                j += 2
            elif word == "ابو" and self.name_like(j + 1):
                parts.append(("family", j, j + 2))  # حسن أبو هنية: a family name shaped like a kunya
                j += 2
            elif (
                self.is_family(j)
                and not foreign
                # خالد بن أحمد آل خليفة المؤيد: the family named after آل ends the name
                and not (parts[-1][0] == "connector" and self.words[parts[-1][1]] == "ال")
                # محمد المومني التصعيد: after a family name only a nisba continues it (علي الحوثي, العلي); الزي
                # (the uniform) is too short for one
                and ((word.endswith("ي") and len(word) >= 5) or not any(kind == "family" for kind, _, _ in parts))
                and not (mode == "strict" and self.noun_construct(parts, j))
                and not self.describes_a_woman(parts, j)
                # احتل محمد صلاح المركز السادس: after a name of two words, a definite noun speech says all
                # the time, with and without its article (no nisba), is the verb's object; family names
                # that are nouns are said less (الشريف, الخطاب, الجمل)
                and not (
                    len(parts) >= 2
                    and not word.endswith("ي")
                    and word not in lex.given
                    and min(spoken_count(word), spoken_count(word[2:])) >= SPOKEN_OBJECT
                    # an object goes on (المركز السادس); a name may end the clause (ماجد عبيد الخلف،)
                    and j + 1 < self.n
                    and self.words[j + 1].isalpha()
                    and self.words[j + 1] not in PERSON_CLOSERS
                )
            ):
                parts.append(("family", j, j + 1))
                j += 1
            elif parts[-1][0] == "kunya" and self.is_kunya_nisba(j):
                parts.append(("family", j, j + 1))  # أبو عبيدة الشرقي: a direction word as a nisba
                j += 1
            elif self.is_given_part(j) and len(parts) < 3 and not self.apposition_after_a_whole_name(parts, j):
                parts.append(("given", j, j + 1))
                j += 1
            elif (
                parts[-1][0] == "given"
                and len(parts) < 3
                and not self.apposition_after_a_whole_name(parts, j)
                and word in lex.given
                and not (word == "علي" and self.ends_in_alef_maqsura(j))  # خالد على البرازيلي: "on"
                and j + 1 < self.n
                and self.is_family(j + 1)
                and (mode != "strict" or self.words[j + 1].endswith("ي"))
            ):
                parts.append(("given", j, j + 1))  # مصعب خلف الراوي: a name that is also a stopword
                j += 1
            elif (
                len(parts) < MAX_NAME_PARTS_BEFORE_FALLBACK
                and (all(kind == "given" for kind, _, _ in parts) or self.second_foreign_surname(parts, j))
                and (mode != "strict" or core not in lex.ambiguous or self.vouched_by_a_second_given_name(parts))
                and self.name_like(j)
                and len(word) >= 3
                and not is_accusative_noun(word)
                and not (word.startswith("و") and is_accusative_noun(word[1:]))  # ذهابا وإيابا
                and not (word.endswith("ا") and word[:-1] in lex.not_name)  # محمود رئيسا لمركز: a common noun
                # ألونسو, ألفيش: أل is no article; ألغيت (was cancelled) is a word of speech
                and (
                    not word.startswith(("ال", "لل"))
                    or (self.written_with_hamza_first(j) and spoken_count(word) < SPOKEN_COMMON)
                )
                and not _preposition_on_definite(word)  # أرنو بالقوة
                and (not _plural_shaped(word) or "well_known" in self.roles[j])  # هشام عرفات: a figure's surname
                and (not word.startswith("و") or self.waw_is_name_part(word))
                and not self.waw_joins_a_word(j)
                # نورا عامر رئيسة جمعية: a word that opens a title (رئيسة, وزير) starts the apposition
                and not (word in lex.titles_by_first and word not in lex.given and word not in lex.transliterated)
                # present-tense verbs (يشعر); after a title a ي/ت name no speech says stays (ماتيس تيلرسون)
                and not (word.startswith(("ي", "ت")) and (mode != "direct" or spoken_count(word) >= SPOKEN_COMMON))
                # their dual and plural (كيت يغادران): the verb speech says without the ending
                and not (word.startswith(("ي", "ت")) and word.endswith(("ان", "ون")) and spoken_count(word[:-2]) >= SPOKEN_COMMON)
                and not any(rest in lex.not_name for _, rest in clitic_variants(word))
                and (not self.is_common_word(j, word, after_foreign=foreign) or self.place_named_surname(parts, j))
                # near a title (cued) only a word said all the time ends the name: صادق خان, not مني عدم
                and not (
                    mode != "direct"
                    and self.noun_construct(parts, j)
                    and (mode == "strict" or spoken_count(word) >= SPOKEN_ALWAYS)
                )
                and not self.preposition_on_given_name(j)
                and not (
                    word not in lex.given
                    and (
                        is_accusative_participle(word)
                        or is_future_verb(word)
                        or is_past_tense_verb(word)
                        or is_derived_past_verb(word)  # ساكريستان انتكس, جانيني استكشفت: a verb ends the name
                    )
                )
                # محمد صلاح دور, محمد صلاح ربنا: a third word is no noun of speech nor a word said
                # everywhere; ميلانيا عطلة, يوليا لهجوم: a foreign
                # given name's surname is no noun speech says with its article all the time, bare or after
                # ب / ل (foreign surnames may be rarer nouns: جون دود); محمد صلاح وعرف: nor is a third word
                # و on a word speech says
                and not (len(parts) > 1 and (is_spoken_noun(word) or spoken_count(word) >= SPOKEN_EVERYWHERE))
                and not (foreign and _noun_said_with_its_article(word))
                and not (len(parts) > 1 and word.startswith("و") and spoken_count(word[1:]) >= SPOKEN_COMMON)
                # كريستيانو رونالدو أنصار الفريق: a third word of the أفعال plural shape speech says is a noun
                and not (
                    len(parts) > 1
                    and len(word) == 5
                    and word[0] == "ا"
                    and word[3] == "ا"
                    and word not in lex.given
                    and spoken_count(word) >= SPOKEN_COMMON
                )
                # بتهمة, بتسجيل: ب on a word everyday speech says all the time; بوزارة, لهيئة: ب / ل on an
                # organization's head noun (a body the sentence goes on to)
                and not self.preposition_on_a_common_word(j, foreign)
                and not self.abstract_noun_in_iya(j)
                and not self.preposition_on_a_name_written_bare(j, word)  # ميسفود لبابادوبولوس
                and not self.lam_on_a_participle(j)
                and not self.dual_of_a_noun(j)
                and not self.waw_joins_a_second_name(j)
            ):
                parts.append(("family", j, j + 1))
                j += 1
            else:
                break
        j = parts[-1][2]  # a hashtag sign after the last part is not the name's
        if cue == "title" and self.verb_or_noun_before_its_object(parts):
            return None
        has_continuation = len(parts) > 1
        if not has_continuation and mode != "direct":
            kunya_alone_ok = parts[0][0] == "kunya" and (
                self.words[i + 1] in lex.given or self.words[i + 1].startswith("ال")
            )
            # هاري وميغان: a foreign given name (no common word) joined by "and" to a second person's name,
            # unless a word speech never says stands before it (كريستيانو رونالدو وليونيل: its given name)
            paired_ok = (
                not prefix
                and core in lex.transliterated
                and j < self.n
                and self.waw_joins_another_name(j)
                and not (i and self.name_like(i - 1) and spoken_count(self.words[i - 1]) == 0)
            )
            if not (kunya_alone_ok or paired_ok):
                return None
        if mode != "direct" and core in lex.ambiguous and i and self.words[i - 1] in RELATIVE_PRONOUNS:
            return None  # الذي خلف الإسباني: a relative pronoun opens a clause, its verb, not a name
        if mode == "strict" and core == "علي" and len(parts) > 1 and parts[1][0] == "family":
            return None  # undotted على (on) followed by a definite noun, common in normalized corpora
        if mode != "direct" and self.title_phrase_before_a_name(parts):
            return None  # نجم المنتخب ليونيل ميسي: "the team's star", then the man
        if (
            mode == "strict"
            and core in lex.ambiguous
            and not any(p[0] == "family" and self.words[p[1]].startswith("ال") for p in parts)
            and not self.vouched_by_a_second_given_name(parts)
        ):
            return None
        return _Name(i, j, _past_an_elided_article(self.words[i], prefix, core), parts, cue)

    def spelled_initial(self, parts: list[tuple[str, int, int]], j: int) -> bool:
        """A Latin letter spelled out and followed by its dot, between a foreign given name and a
        name-like word: a middle initial (دونالد جي. ترامب)."""
        return (
            self.words[j] in SPELLED_LATIN_LETTERS
            and j + 2 < self.n
            and self.words[j + 1] == "."
            and len(parts) == 1
            and self.words[parts[0][1]] in self.lex.transliterated
            and self.name_like(j + 2)
            and not self.words[j + 2].startswith(("ال", "و"))
        )

    def vouched_by_a_second_given_name(self, parts: list[tuple[str, int, int]]) -> bool:
        """صلاح عبد السلام, جان إيف لو دريان, جان لوك غودار: a compound عبد name or a foreign given name
        after an ambiguous given name makes that common word a name too, and lets the name go on."""
        return any(
            kind == "given" and (self.words[first] == "عبد" or self.words[first] in self.lex.transliterated)
            for kind, first, _ in parts[1:]
        )

    def second_foreign_surname(self, parts: list[tuple[str, int, int]], j: int) -> bool:
        """هايلي مريام ديسالين, بيار إيميريك أوباميانغ: after an unknown word no speech says, a second
        one continues a foreign name; a word of speech there, bare or behind a proclitic (رونالدو فرصة,
        فورلان فسجل), or a preposition on a plural (لصحافيين) is no name part."""
        kind, first, end = parts[-1]
        previous = self.words[first]
        if kind != "family" or end - first != 1 or previous.startswith("ال") or self.words[j].endswith("وا"):
            return False  # نبيل معلول انتفضوا: a verb in the plural
        if spoken_count(previous) == 0 and not any(
            spoken_count(reading) or (prefix and reading.endswith(("ين", "ون", "ات")))  # لصحافيين
            for prefix, reading in clitic_variants(self.words[j])
        ):
            return True
        # ميغيل دياز كانيل, مارتن لوثر كين: after a foreign given name, names the dialogues say bare (as
        # names are said) but never with the article, and no noun of speech
        word = self.words[j]
        return (
            self.words[parts[0][1]] in self.lex.transliterated
            and len(parts) == 2
            and self.name_like(j)
            and not word.startswith(("ي", "ت", "و", "ف", "ب", "ل"))
            and _spells_a_foreign_name(word)
            and self.written_last(j) != "ة"
            and all(
                spoken_count("ال" + w) < SPOKEN_WITH_ARTICLE and not is_spoken_noun(w) and w not in self.lex.given
                for w in (previous, word)
            )
        )

    def noun_construct(self, parts: list[tuple[str, int, int]], j: int) -> bool:
        """أمل التأهل, أسماء الفائزين: a given name that is also a common noun, followed by a verbal
        noun or a sound plural, is a noun phrase ("the hope of qualifying"), not a man and his family
        name. Other definite nouns are family names as often (فارس النمر), and the first word of such
        a phrase has no article (الحسن الطاهر is a name)."""
        if len(parts) != 1 or parts[0][0] != "given" or parts[0][2] - parts[0][1] != 1:
            return False
        given, word = self.words[parts[0][1]], self.words[j]
        return (
            word not in COMPOUND_NAME_SECONDS
            and not word.endswith("ي")
            and is_spoken_noun(given)
            and given not in self.lex.transliterated  # بول راين: a foreign given name is no noun here
            and (
                (not given.startswith("ال") and is_verbal_noun_or_long_plural(word))
                # مصدر إلهام كبار المفكرين, سامي عمل شهورا: a bare word speech says all the time, with and
                # without the article, that names no one (no given name, no world figure) is a noun or a
                # verb after the common noun, not its family name
                or (
                    not word.startswith("ال")
                    and word not in self.lex.given
                    and word not in self.lex.transliterated
                    and not self.roles[j]
                    and is_spoken_noun(word)
                    and spoken_count(word) >= SPOKEN_EVERYWHERE
                )
            )
        )

    def verb_or_noun_before_its_object(self, parts: list[tuple[str, int, int]]) -> bool:
        """زار المنطقة, ساند القرار, صاحب المركز, شؤون الرئاسة, بحث طبيعة: a word no lexicon knows, read
        as a name after a title, followed by a common definite noun that is no nisba (or both words common
        nouns), is a verb and its object or a noun and its complement. Unknown Arabic names take a nisba
        (جبار اللعيبي)."""
        if len(parts) == 1:  # a lone name is followed by time words (الوزير باسيل الأسبوع الماضي)
            after = parts[0][2]  # الرئيس وصف الاجتماع: the object the name stopped before
            following = self.words[after] if after < self.n else "."
            return (
                (following.startswith("ال") and (is_derived_verbal_noun(following) or _afal_with_its_article(following)))
                or self.lone_word_of_speech(parts[0][1])
                or (following.startswith("ال") and not following.endswith("ي") and self.bare_verb(parts[0][1]))
            )
        kind, first, end = parts[1]
        if kind != "family" or end - first != 1:
            return False
        word = self.words[first]
        if word.startswith("ال") and not word.endswith("ي") and self.bare_verb(parts[0][1]):
            return True  # المدافع الإسباني رفض المزاعم: a verb and its object
        if not word.startswith("ال"):  # أراد المخرج بحث طبيعة: two common nouns
            return is_spoken_noun(self.words[parts[0][1]]) and is_spoken_noun(word)
        return not word.endswith("ي") and is_spoken_noun(word)

    def bare_verb(self, i: int) -> bool:
        """رفض, قاوم, هاجم: a past-tense verb of the bare form (three letters, no long vowel) or of the
        فاعل form (ا second), as speech says it all the time, and without the article hardly ever for the
        فاعل shape; no lexicon knows it as a name. Before a definite word that is no nisba it is a verb
        and its object (بارك, a Korean surname, stays a name before anything else)."""
        word = self.words[i]
        if word in self.lex.given or word in self.lex.transliterated:
            return False
        if len(word) == 3:
            return not any(letter in "اوي" for letter in word[1:]) and spoken_count(word) >= SPOKEN_EVERYWHERE
        return (
            len(word) == 4
            and word[1] == "ا"
            and spoken_count(word) >= SPOKEN_COMMON
            and spoken_count("ال" + word) < SPOKEN_WITH_ARTICLE
        )

    def lone_word_of_speech(self, i: int) -> bool:
        """الحارس الشاب صاحب, لرئيس الوزراء عليك, المدرب جلب, المهاجم رفض الإجابة: read alone after a
        title, a word speech says all the time or a past-tense verb is that word; a noun of speech
        before a word with a pronoun is that noun and its complement; a noun speech says often is that
        noun unless what follows it is what follows a man named there (what he said, a comma, a
        clause, his role)."""
        word = self.words[i]
        if spoken_count(word) >= SPOKEN_ALWAYS or is_past_tense_verb(word) or is_derived_past_verb(word):
            return True
        if i + 1 < self.n and self.carries_a_pronoun(i + 1) and is_spoken_noun(word):
            return True  # حرص بلاده, نصف قيمته: a noun and its complement
        following = self.words[i + 1] if i + 1 < self.n else "."
        return (
            spoken_count(word) >= SPOKEN_EVERYWHERE
            and is_spoken_noun(word)
            and following not in PERSON_CLOSERS
            and following not in SENTENCE_END
            and following not in RELATIVE_PRONOUNS
            and self.title_at(i + 1) is None
        )

    def written_joined(self, j: int) -> bool:
        """Tokens j - 1 and j are written with nothing between them (غرومر-سترون: the hyphen)."""
        nt = self.nt
        return nt.origin[self.tokens[j - 1].end - 1] + 1 == nt.origin[self.tokens[j].start]

    def line_break_before(self, j: int) -> bool:
        """A name never runs across a line: a list's next line (الدفاع under a goalkeeper's name)."""
        nt = self.nt
        gap = nt.display[nt.origin[self.tokens[j - 1].end - 1] + 1 : nt.origin[self.tokens[j].start]]
        return "\n" in gap

    def is_kunya_nisba(self, j: int) -> bool:
        word = self.words[j] if j < self.n else ""
        return word.startswith("ال") and word.endswith("ي") and len(word) >= 5 and self.name_like(j)

    def looks_like_name(self, name: _Name) -> bool:
        """A stated alias is kept only when it has a name's shape (kunya, lexicon name, family name or
        nisba, or a quoted name), never a verb or noun that happened to follow المعروف/الملقب."""
        if any(kind in ("kunya", "connector") for kind, _, _ in name.parts):
            return True
        cores = [self.words[k] for k in range(name.first, name.last)]
        cores[0] = cores[0][name.prefix :]
        if any(w in self.lex.not_name for w in cores):
            return False
        if any(w in self.lex.given or (w.startswith("ال") and len(w) >= 4) for w in cores):
            return True
        before = self.words[name.first - 1] if name.first else ""
        after = self.words[name.last] if name.last < self.n else ""
        return before in ('"', "'") and after in ('"', "'")

    # --- spans and attrs -------------------------------------------------------------------------
    def char_span(self, name: _Name) -> tuple[int, int]:
        return self.tokens[name.first].start + name.prefix, self.tokens[name.last - 1].end

    def surface_of(self, first: int, last: int, prefix: int = 0) -> str:
        return display_span(self.nt, self.tokens[first].start + prefix, self.tokens[last - 1].end)[2]

    def name_attrs(self, name: _Name) -> dict:
        attrs: dict = {}
        for kind, a, b in name.parts:
            prefix = name.prefix if a == name.first else 0
            text = self.surface_of(a, b, prefix)
            if kind == "kunya":
                attrs.setdefault("kunya", text)
            elif kind == "given" and "given_name" not in attrs and "kunya" not in attrs:
                attrs["given_name"] = text
            elif kind == "given" and b == name.last:
                attrs["family_name"] = text
            elif kind == "family":
                if self.words[b - 1].endswith("ي") and self.words[b - 1].startswith("ال"):
                    attrs["nisba"] = text
                else:
                    attrs["family_name"] = text
        return attrs


class _Titles(list):
    """The article's title hits in text order (they never overlap), with their bounds for bisection."""

    def __init__(self, hits: list[_TitleHit]) -> None:
        super().__init__(hits)
        self.firsts = [hit.first for hit in hits]
        self.lasts = [hit.last for hit in hits]


def _attach_title(scanner: _Scanner, name: _Name, titles: _Titles, name_firsts: list[int]) -> None:
    """The nearest title before the name in its sentence (no other name between), else a role after it.
    `name_firsts` are the names' sorted starts."""
    near = titles[bisect_left(titles.lasts, name.first - TITLE_LOOKBACK) : bisect_right(titles.lasts, name.first)]
    before = [
        hit
        for hit in near
        if hit.title.kind not in ("called", "alias")
        and not scanner.crosses_sentence(hit.last, name.first)
        and bisect_left(name_firsts, hit.last) == bisect_left(name_firsts, name.first)
    ]
    hit = before[-1] if before else None
    if hit is None:
        after = [t for t in titles[bisect_left(titles.firsts, name.last) : bisect_right(titles.firsts, name.last + 1)]
                 if t.title.kind in ROLE_KINDS]
        hit = after[0] if after else None
    if hit is None:
        return
    name.attrs["title"] = hit.title.display
    if hit.title.role:
        name.attrs["role"] = hit.title.role


def _stated_roles(scanner: _Scanner, names: list[_Name], alias_of: dict[int, _Name]) -> None:
    """بأنه "والي حلب" / بوصفه "..." / وهو "...": the quoted role of the nearest person named before
    it in the same sentence (an alias passes it on to its main name); unquoted only for a known role."""
    words = scanner.words
    by_last = sorted(names, key=lambda n: n.last)
    name_lasts = [n.last for n in by_last]
    for i, word in enumerate(words):
        if word not in ROLE_CUES or i + 1 >= scanner.n:
            continue
        role = None
        if words[i + 1] in ('"', "'"):
            close = next(
                (
                    k
                    for k in range(i + 2, min(i + 2 + MAX_STATED_ROLE_TOKENS, scanner.n))
                    if words[k] == words[i + 1]
                ),
                None,
            )
            if close and close > i + 2 and not any(words[k] in SENTENCE_END for k in range(i + 2, close)):
                role = scanner.surface_of(i + 2, close)
        else:
            hit = scanner.title_at(i + 1)
            if hit and hit.title.kind in ROLE_KINDS and hit.title.role:
                role = hit.title.role
        if role is None:
            continue
        # The name ending last before i; when it lies in another sentence, every earlier one does too.
        ending = bisect_right(name_lasts, i)
        if not ending or scanner.crosses_sentence(by_last[ending - 1].last, i):
            continue
        target = by_last[bisect_left(name_lasts, by_last[ending - 1].last)]
        for name in (target, alias_of.get(id(target))):
            if name is not None:
                name.attrs["stated_role"] = role
                name.attrs.setdefault("role", role)


def _spells_a_foreign_name(word: str) -> bool:
    """كانيل, كينغ, إيكومبي, رودريغز: a transliterated name spells a long vowel after its first letter;
    Arabic words of the shapes that follow a name do not, or end as a dual, plural or verb in ا (شكك,
    مطلع, مدينان, سيخوضون, أصبحا) or take the فعّال / أفعل shape (هداف, أضاع)."""
    return (
        len(word) >= 4
        and any(letter in "اوي" for letter in word[1:])
        and not word.endswith(("ا", "ون", "ين", "ان", "ات"))
        and not (len(word) == 4 and (word[2] == "ا" or word[0] == "ا"))
    )


def _afal_with_its_article(word: str) -> bool:
    """الأطفال, الأعمال, الإرهاب: a broken plural (أفعال) or verbal noun (إفعال) with its article, no
    family name."""
    return len(word) == 7 and word.startswith("ال") and word[2] == "ا" and word[5] == "ا"


def _said_with_its_article(word: str) -> bool:
    """النادي, الرأي: a noun speech says with its article all the time (not a nisba of a name: الفوري)."""
    return not word.startswith("ال") and spoken_count("ال" + word) >= SPOKEN_EVERYWHERE


def _feminine_past_verb(word: str) -> bool:
    """ظهرت, خضعت, رفضت: a bare past verb of three letters with the feminine ت, a word speech says
    often and never with the article. Given names of this shape (مدحت, حكمت, عزت) are listed, and the
    callers let listed names through."""
    stem = word[:-1]
    return (
        len(word) == 4
        and word.endswith("ت")
        and not any(letter in "اويى" for letter in stem)
        and spoken_count(word) >= SPOKEN_COMMON
        and spoken_count("ال" + word) < SPOKEN_WITH_ARTICLE
    )


def _dual_of_a_common_noun(core: str) -> bool:
    """موسمين, هدفين, مباراتين: the dual of a noun speech says with and without the article (in ين
    only: an adjective in ان is also a given name, فرحان)."""
    if len(core) < 5 or not core.endswith("ين"):
        return False
    stem = core[:-2]
    stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
    # said all the time bare and with the article: شاهين and نسرين (شاه, نسر) are names
    return min(spoken_count(stem), spoken_count("ال" + stem)) >= SPOKEN_EVERYWHERE


def _plural_shaped(word: str) -> bool:
    """A sound plural (العقوبات, المصريون, المصريين): a group, never one man's name. Indefinite, only
    the feminine one: ويلكنسون and جونسون are names."""
    if len(word) < 5:
        return False
    return word.endswith("ات") or (word.startswith("ال") and word.endswith(("ون", "يين")))



def _proclitic_on_common_noun(word: str, lex: _Lexicons, prepositions: tuple[str, ...] = ("ب", "ل")) -> bool:
    """ل/ب + a word that is no name: a stopword, an organization's head noun, a plural, a word of
    everyday speech (بثبات, برفقة, لميزان). Asked only of the word a title or speech verb cues: after a
    given name ل + a common word is often a surname (رضوان لقديم)."""
    if word in lex.given:
        return False
    return any(
        prefix
        and (
            rest in lex.not_name
            or rest in _org_words("head")
            or _plural_shaped(rest)
            or rest.startswith("ان")
            or (len(rest) >= 3 and spoken_count(rest) >= SPOKEN_COMMON)
            or _dual_of_a_common_noun(rest)  # بهدفين
        )
        for prefix, rest in clitic_variants(word)
        if word[:prefix] in prepositions
    )


@lru_cache(maxsize=4)
def _org_words(role: str) -> frozenset[str]:
    """The words of org_heads.csv with one role: "head" (وزارة, جامعة), "media_head" (موقع, شبكة)."""
    return frozenset(normalize_text(row["word"]) for row in reference.load_org_heads() if row["role"] == role)


def _proclitic_on_definite(word: str) -> bool:
    return any(prefix and rest.startswith("ال") for prefix, rest in clitic_variants(word))


def _preposition_on_definite(word: str) -> bool:
    """ب / ل on a definite noun (بالقوة, للحكومة): no family name. Only these two: كالديرون, فالبوينا
    and والاس are names whose first letters merely read as ك / ف / و + ال."""
    return word.startswith(("بال", "لل"))


def _definite(word: str) -> bool:
    """A word with the article (الخارجية, للأمم); إلى and إلا normalize to الى / الا and only look it."""
    return word.startswith(("ال", "لل")) and len(word) >= 4


def _take(name: _Name, names: list[_Name]) -> bool:
    """Add `name` unless it overlaps a name found before, save a world figure's lone surname that ends
    it (حميد بعيدي نجاد holds the نجاد of another man): the longer name replaces it."""
    overlapping = [other for other in names if name.first < other.last and other.first < name.last]
    surnames_ending_it = [
        other
        for other in overlapping
        if other.cue == "well_known"
        and not other.prefix  # وودورد لترامب: ل joins another man to the sentence
        and other.first == other.last - 1 == name.last - 1 > name.first
    ]
    if len(surnames_ending_it) != len(overlapping):
        return False
    for other in overlapping:
        names.remove(other)
    names.append(name)
    return True


def _overlaps(name: _Name, taken: list[_Name]) -> bool:
    return any(name.first < other.last and other.first < name.last for other in taken)


def _opens_a_verb(scanner: _Scanner, j: int) -> bool:
    """A present-tense verb (الرئيس الأمريكي يزور, الفريق يحتاج), or و / ف on a word of everyday
    speech (ويكشف, واتخذ, وشارك), stands where a name would. و opens names of its own (ويليامز,
    والاس), which everyday speech does not say."""
    word = scanner.words[j]
    if word in scanner.lex.given:
        return False
    if word.startswith(("ي", "ت")):
        return True
    rest = word[1:]
    return word[:1] in ("و", "ف") and len(rest) >= 3 and rest not in scanner.lex.given and spoken_count(rest) >= SPOKEN_COMMON


def _preposition_before_the_name(scanner: _Scanner, name: _Name) -> bool:
    """ولي العهد لإيجاز, التركي لعفرين, الرئيس وترامب: a title's or nationality's name follows it bare; a
    proclitic (ل, ب, و, ف) on the next word starts a phrase of the sentence or another person, unless it
    stands on a listed given name or a kunya (الأمير وأخوه محمد is no case of a name)."""
    if not name.prefix:
        return False
    core = scanner.words[name.first][name.prefix :]
    return core not in scanner.lex.given and core not in KUNYA_WORDS


def _name_after_office(scanner: _Scanner, i: int) -> _Name | None:
    """الرئيس بوش, وزير الخارجية الأمريكية كوندوليزا رايس, الأمين العام للأمم المتحدة كوفي أنان, سفيرة
    الولايات المتحدة في الأمم المتحدة نيكي هايلي, وزير الداخلية الفرنسي، جيرار كولومب: the office's
    complement (definite words, joined by في / لدى) and nationality may stand between it and the name,
    and a comma may close the complement."""
    j = i
    while j < scanner.n and j - i < OFFICE_COMPLEMENT_TOKENS:
        word = scanner.words[j]
        linked = word in OFFICE_LINKERS and j + 1 < scanner.n and _definite(scanner.words[j + 1])
        if not (_definite(word) or linked) or word in RELATIVE_PRONOUNS or word in scanner.lex.given:
            break  # الذي / التي open a clause; الباجي, ألبرتو open the name
        j += 1
    if j == i and i and scanner.words[i - 1] == "باسم":
        return None  # المتحدث باسم إدارة الصحة: an indefinite body, not a name, after باسم
    if j > i and j + 1 < scanner.n and scanner.words[j] in COMMAS:
        j += 1
    if j >= scanner.n or _opens_a_verb(scanner, j):
        return None
    name = scanner.parse_name(j, "direct")
    if name and _preposition_before_the_name(scanner, name):
        return None
    if name:
        name.cue = "title"
    return name


def _closes_a_quote(scanner: _Scanner, k: int) -> bool:
    """Token k is a quotation mark that closes a quote: » always, " when an odd number of them stands
    between the sentence's start and k."""
    if k < 0 or scanner.words[k] not in ('"', "»"):
        return False
    if scanner.words[k] == "»":
        return True
    marks = 0
    j = k
    while j >= 0 and scanner.words[j] not in SENTENCE_END:
        marks += scanner.words[j] == '"'
        j -= 1
    return marks % 2 == 0


def _name_after_nationality(scanner: _Scanner, i: int) -> _Name | None:
    """تغلب على الأمريكي أندي روديك, ومرر الأرجنتيني ليونيل ميسي: a nationality adjective that
    describes no noun before it stands for a person, named right after it. After a definite noun
    (المنتخب البرازيلي) it is that noun's adjective and cues nothing. Called on the words whose role
    is "nationality" (`_word_roles`)."""
    before = scanner.words[i - 1] if i else "."
    if before.isalpha() and before not in NATIONALITY_OPENERS:
        return None  # after a noun (ريال مدريد الإسباني) or a verb the adjective is no person
    if scanner.words[i].startswith("ال") and _closes_a_quote(scanner, i - 1):
        # مسلسل "عشم" السوداني أماط اللثام: a bare adjective describes the quoted title ("للأمريكي" after a
        # film's title is "by the American")
        return None
    name = _name_after_office(scanner, i + 1)
    if name:
        name.cue = "nationality"
    return name


def _find_cued_and_lexicon_names(
    scanner: _Scanner, titles: list[_TitleHit], known: list[_Name]
) -> list[_Name]:
    """Names after titles and naming cues, and names opened by the lexicons; `known` names (already
    found) are kept and nothing overlapping them is added."""
    names: list[_Name] = list(known)
    title_ends = {hit.last: hit for hit in titles}
    cued_until = -1
    i = 0
    while i < scanner.n:
        hit = title_ends.get(i)
        name = None
        roles = scanner.roles[i]
        # مطار الملك خالد, استاد الأمير فيصل بن فهد: the airport's or the stadium's name (asked only where
        # a title ends or a lexicon name may open: most tokens are neither)
        thing_named = (hit is not None or "lexicon_name" in roles) and _in_a_thing_s_name(scanner, i, hit)
        if hit and (thing_named or _claims_not_called(scanner, hit) or _calls_a_thing(scanner, hit)):
            hit = None
        if hit and hit.title.kind in ("rank", "honorific", "called"):
            j = i
            if hit.title.kind in ("rank", "honorific"):
                while j < scanner.n and scanner.is_family(j) and _nisba_not_name(scanner, j):
                    j += 1  # a nationality adjective between rank and name: الرئيس الأمريكي جو بايدن
            while j < scanner.n and scanner.words[j] in ('"', "'", "("):
                j += 1
            name = None if j >= scanner.n or _opens_a_verb(scanner, j) else scanner.parse_name(j, "direct")
            if name and _preposition_before_the_name(scanner, name):
                name = None
            if name and hit.title.common_noun and name.cue == "title":
                name = None  # الفريق صاحب التاريخ: "the team", unless a listed given name or kunya follows
            if name:
                name.cue = "called" if hit.title.kind == "called" else "title"
        if hit and (hit.title.kind == "office" or hit.title.tokens[-1] == "باسم"):
            name = _name_after_office(scanner, i)
        if hit and hit.title.kind in ROLE_KINDS:
            cued_until = i + CUE_REACH
        if name is None and hit is None and "nationality" in roles:
            name = _name_after_nationality(scanner, i)
        # فيصل بن فهد الأولمبي: a word after بن is the father's name inside a longer name, never a name's start
        if name is None and "lexicon_name" in roles and not thing_named and not (i and scanner.words[i - 1] == "بن"):
            name = scanner.parse_name(i, "cued" if i <= cued_until else "strict")
        if name and _take(name, names):
            i = name.last
            continue
        if scanner.words[i] in SENTENCE_END:
            cued_until = -1
        i += 1
    return names


def _nisba_not_name(scanner: _Scanner, j: int) -> bool:
    """A word in ي that is no given name: الأمريكي describes, الباجي names."""
    return scanner.words[j].endswith("ي") and not scanner.is_given(j, True)


def _calls_a_thing(scanner: _Scanner, hit: _TitleHit) -> bool:
    """جماعة تدعى, قناة تدعى: a naming cue after an organization's or a named thing's head noun names
    that thing, not a person."""
    if hit.title.kind != "called" or not hit.first:
        return False
    before = scanner.words[hit.first - 1]
    return (
        before in _org_words("head") or before in _org_words("media_head") or before in scanner.lex.named_after
    )


def _claims_not_called(scanner: _Scanner, hit: _TitleHit) -> bool:
    """تدعي (claims) normalizes onto تدعى (is called): the naming cue is written with ى."""
    return hit.title.kind == "called" and hit.title.tokens[-1].endswith("ي") and not scanner.ends_in_alef_maqsura(hit.last - 1)


def _in_a_thing_s_name(scanner: _Scanner, i: int, title: _TitleHit | None = None) -> bool:
    """Token i follows a noun that names a thing after a person, or a title after one (مطار الملك
    عبدالعزيز, ولاية فيكتوريا): a name there is the thing's. `title`: the title ending at i, when the
    caller has found it."""
    title = title or (scanner.title_at(i - 1) if i else None)
    return _names_a_thing(scanner, i) or bool(title and title.last == i and _names_a_thing(scanner, title.first))


def _names_a_thing(scanner: _Scanner, i: int) -> bool:
    """Token i follows a noun that names a place or thing after a person (مطار الملك خالد, ولاية
    فيكتوريا, جائزة نوبل): the name is the thing's, not a mention of the person."""
    return i > 0 and any(core in scanner.lex.named_after for _, core in clitic_variants(scanner.words[i - 1]))


def _well_known_at(scanner: _Scanner, i: int) -> _Name | None:
    lex = scanner.lex
    if "well_known" not in _word_roles(scanner.words[i]):
        return None
    # رجب طيب #أردوغان: the alias's words, read over a hashtag's signs
    # كيم جونغ-أون, مون جيه-إن: and over a hyphen that joins two syllables of an East Asian name
    following = [
        k
        for k in range(i + 1, min(scanner.n, i + 2 * MAX_NAME_TOKENS))
        if scanner.words[k] not in HASHTAG_JOINERS and scanner.words[k] not in HYPHENS
    ]
    for prefix, core in clitic_variants(scanner.words[i]):
        for person in lex.well_known_by_first.get(core, ()):
            rest = following[: len(person.tokens) - 1]
            if tuple(scanner.words[k] for k in rest) != person.tokens[1:]:
                continue
            end = rest[-1] + 1 if rest else i + 1
            before = scanner.words[i - 1] if i and not prefix else ""
            if person.kind == "surname" and _noun_before_its_complement(scanner, core, end):
                continue  # إلى عنان السماء, خان الخليلي: a noun and its complement, not the man
            if person.kind == "surname" and _name_behind_b(scanner, i, prefix):
                continue  # وقالت برايس, دويل-برايس: the name is برايس, not ب + رايس
            if person.kind == "surname" and before == "_":
                continue  # بريجيت_ماكرون: a hashtag joins the surname to someone else's given name
            if person.kind == "surname" and _given_name_of_another(scanner, end):
                continue  # عباس عراقجي: the surname is another man's given name
            if person.kind == "surname" and (before in KUNYA_WORDS or before in CONNECTORS):
                continue  # حسن أبو هنية: someone else's name, left to the lexicon rules
            if person.kind == "surname" and before in lex.given:
                # جيب بوش, ميلانيا ترامب: another bearer of the surname, named by the lexicon rules, or
                # when they read no name there, by the surname and the given name it reaches back to
                lexicon_name = scanner.parse_name(i - 1, "strict")
                if lexicon_name and lexicon_name.last >= end:
                    continue
                return _Name(i, end, _past_an_elided_article(scanner.words[i], prefix, core), [("family", i, end)], "well_known")
            parsed = scanner.parse_name(i, "direct")
            parts = parsed.parts if parsed and parsed.last == end and parsed.prefix == prefix else []
            prefix = _past_an_elided_article(scanner.words[i], prefix, core)
            return _Name(i, end, prefix, parts, "well_known", {"well_known": person.canonical})
    return None


def _noun_before_its_complement(scanner: _Scanner, surname: str, after: int) -> bool:
    """A world figure's one-word surname that is also a noun of speech (عنان, خان, عون), right before a
    definite noun of speech that is no nisba (السماء, العون), is that noun in construct."""
    if after >= scanner.n or not is_spoken_noun(surname):
        return False
    following = scanner.words[after]
    return following.startswith("ال") and not following.endswith("ي") and is_spoken_noun(following)


def _name_behind_b(scanner: _Scanner, i: int, prefix: int) -> bool:
    """برايس read as ب + رايس: after a speech verb (قالت ب... is rare), a hyphen (دويل-برايس) or a given
    name (لاورن برايس: listed, or a word speech never says that names no world figure) the ب is the name's
    first letter, not a preposition."""
    if scanner.words[i][:prefix] != "ب" or not i:
        return False
    before = scanner.words[i - 1]
    return (
        before in HYPHENS
        or "speech_verb" in scanner.roles[i - 1]
        or scanner.is_given(i - 1, False)
        or (
            scanner.name_like(i - 1)
            and not before.startswith("ال")
            and spoken_count(before) == 0
            and "well_known" not in scanner.roles[i - 1]
        )
    )


def _given_name_of_another(scanner: _Scanner, after: int) -> bool:
    """A well-known surname followed by a proper name nobody says in speech and no figure bears
    (عباس عراقجي, not عباس هنية) is that other man's given name."""
    if after >= scanner.n or not scanner.name_like(after) or "well_known" in scanner.roles[after]:
        return False
    word = scanner.words[after]
    if scanner.words[after - 1] in scanner.lex.given and scanner.is_given(after, True):
        return True  # عباس كامل: a listed given name, then another: a man's given name and his father's
    # لترامب وكاتم أسراره: a و-word after the surname is "and ...", no given name it stands before
    return (
        not word.startswith(("ال", "و"))
        and word not in scanner.lex.given
        and spoken_count(word) == 0
    )


def _find_well_known(scanner: _Scanner) -> list[_Name]:
    """World figures named by full name or distinctive surname (data/reference/well_known_people.csv),
    except in the name of a thing named after them (دوري الأمير محمد بن سلمان)."""
    names: list[_Name] = []
    free_from = 0
    for i in scanner.opening("well_known"):
        name = _well_known_at(scanner, i) if i >= free_from else None
        if _in_a_thing_s_name(scanner, i):
            if name:  # كأس الرئيس عبد الفتاح السيسي: its surname is no figure of its own either
                free_from = name.last
            continue
        if name:
            names.append(name)
            free_from = name.last
    return names


def _after_speech_verb(scanner: _Scanner, i: int) -> _Name | None:
    """قال أحمد إن ..., وأكد سعيد خليل: after a speech verb a lexicon given name opens a name even when
    it is ambiguous or stands alone."""
    j = i + 1
    if j >= scanner.n:
        return None
    if not scanner.is_given_part(j) and not scanner.opens_abd_compound(j):
        verb = next(core for _, core in clitic_variants(scanner.words[i]) if core in scanner.lex.speech_verbs)
        feminine_verb = verb.endswith("ت") or verb.startswith("ت")  # قالت/تقول إسرائيل: mostly a state
        return None if feminine_verb else _unlisted_speaker(scanner, j)
    name = scanner.parse_name(j, "cued") or scanner.parse_name(j, "direct")
    if name is None or name.prefix:
        return None
    if len(name.parts) == 1 and name.parts[0][2] - name.parts[0][1] == 1:
        after = scanner.words[j + 1] if j + 1 < scanner.n else "."
        if after not in SPEECH_FOLLOWERS and after not in SENTENCE_END:
            return None  # قال علي لسان ..., a lone ambiguous word is a name only before what was said
    name.cue = "speech_verb"
    return name


def _unlisted_speaker(scanner: _Scanner, j: int) -> _Name | None:
    """وقال فيرجسون إن ...: one or two name-like words no lexicon knows, right after a speech verb and
    right before what was said or the speaker's role (SPEAKER_CLOSERS); a present-tense verb, a
    definite noun or a word that stands after a cue as often as a name (`word_where_a_name_was_cued`:
    ويقول معارضون, وقال لإذاعة, ودعا لوثر إيران) is no name."""
    if _lam_on_a_named_man(scanner, j):
        # أكد لغريفيث أن: told Griffiths, whom the text names in full elsewhere; the ل stays out
        return _Name(j, j + 1, 1, [("given", j, j + 1)], "speech_verb")
    for size in (1, 2):
        end = j + size
        if end >= scanner.n:
            continue
        before_a_role = scanner.words[end] not in SPEAKER_CLOSERS
        if before_a_role and (scanner.title_at(end) is None or is_spoken_noun(scanner.words[end - 1])):
            continue  # وأكد أركان اللواء: a noun of speech before a title is the title's head, not a man
        words = scanner.words[j:end]
        if all(
            scanner.name_like(k)
            and not scanner.word_where_a_name_was_cued(k, word, ("ل",))  # قال ب... is rare: باول is a name
            and "title" not in scanner.roles[k]
            and len(word) >= 3
            and not word.startswith(("ال", "لل", "ي", "ت"))
            # يقول بانتظام: ب on a derived verbal noun is an adverb
            and not (word.startswith("ب") and is_derived_verbal_noun(word[1:]))
            # ذكر بأن: ب / ل on a function word ("that"), no speaker
            and not any(word[:prefix] in ("ب", "ل") and rest in scanner.lex.not_name for prefix, rest in clitic_variants(word))
            and not _proclitic_on_definite(word)
            and not _unnamed_speaker_word(word, scanner.lex)
            and not scanner.carries_a_pronoun(k)  # وقال أقاربهم: their relatives
            and not (word.startswith("و") and not scanner.waw_is_name_part(word))
            for k, word in zip(range(j, end), words, strict=True)
        ):
            return _Name(
                j,
                end,
                0,
                [("given", j, j + 1), *(("family", k, k + 1) for k in range(j + 1, end))],
                "speech_verb",
            )
    return None



def _lam_on_a_named_man(scanner: _Scanner, j: int) -> bool:
    """لغريفيث after a speech verb: ل on a surname that the text writes bare elsewhere right after a
    given name (مارتن غريفيث) and that speech seldom says; ل on a word of speech (لصحيفة, للحشد) or on a
    name no given name vouches for (لفرانس 24) is a preposition before a body or a thing."""
    word = scanner.words[j]
    rest = word[1:]
    if not word.startswith("ل") or len(rest) < 4 or rest.startswith("ل") or not scanner.name_like(j):
        return False
    if spoken_count(rest) >= SPOKEN_COMMON or rest in scanner.lex.not_name:
        return False
    return any(
        scanner.words[k] == rest and k != j and scanner.is_given(k - 1, False)
        for k in range(1, scanner.n)
    )


def _noun_said_with_its_article(word: str) -> bool:
    """عطلة, فرصة, لهجوم: a noun speech says with its article all the time, bare or after ب / ل."""
    return any(
        word[:prefix] in ("", "ب", "ل")
        and is_spoken_noun(rest)
        and spoken_count("ال" + rest) >= SPOKEN_EVERYWHERE
        for prefix, rest in clitic_variants(word)
    )






def _unnamed_speaker_word(word: str, lex: _Lexicons) -> bool:
    """وأوضح قائلا, وذكر صحافيون, وأوضح موقع: a participle in the accusative (قائلا, مضيفا, موضحا),
    a plural of a nisba (صحافيون, برلمانيون) or an outlet's or body's head noun says who spoke or how,
    without naming anyone. Names ending in ا (كوستا, زاخاروفا) have neither participle shape."""
    if word in lex.given or word in lex.transliterated:
        return False
    return (
        is_accusative_participle(word)
        or (len(word) >= 6 and word.endswith("يون"))
        or is_participle_plural(word)
        or word in _org_words("head")
        or word in _org_words("media_head")
        # ويقول أطباء, وقال خبراء, وذكر أقرباء: a broken plural of people in اء (فعلاء, أفعلاء) speech says
        or (word.endswith("اء") and 5 <= len(word) <= 6 and spoken_count(word) >= SPOKEN_WITH_ARTICLE)
        # وقال كثيرون, يرى آخرون: the sound plural of an adjective speech says all the time (not شمعون, زيتون)
        or (word.endswith("ون") and len(word) >= 6 and spoken_count(word[:-2]) >= PLURAL_STEM_SPOKEN)
        # قال علنا: a noun in the accusative (an adverb) whose noun speech says with its article
        or (word.endswith("ا") and len(word) >= 4 and spoken_count("ال" + word[:-1]) >= SPOKEN_EVERYWHERE)
    )


def _add_after_speech_verbs(scanner: _Scanner, names: list[_Name]) -> None:
    for i in scanner.opening("speech_verb"):
        name = _after_speech_verb(scanner, i)
        if name:
            _take(name, names)


def _stated_aliases(scanner: _Scanner, main: _Name) -> list[_Name]:
    """Names the text gives as other names of `main`: "(X)" right after it, or "المعروف ... بـX و Y"."""
    words = scanner.words
    j = main.last
    if j < scanner.n and words[j] == "(":
        alias = scanner.parse_name(j + 1, "cued")
        if alias and scanner.looks_like_name(alias) and alias.last < scanner.n and words[alias.last] == ")":
            return [alias]
        return []
    while j < scanner.n and words[j] == ",":
        j += 1
    hit = scanner.title_at(j) if j < scanner.n else None
    if hit is None or hit.title.kind not in ("alias", "called"):
        return []
    k = hit.last
    aliases: list[_Name] = []
    while k < scanner.n and len(aliases) < 4:
        while k < scanner.n and words[k] in ALIAS_FILLERS:
            k += 1
        alias = scanner.parse_name(k, "direct") if k < scanner.n else None
        if alias is None or not scanner.looks_like_name(alias):
            break
        aliases.append(alias)
        k = alias.last
        while k < scanner.n and words[k] in ('"', "'"):
            k += 1
        if k < scanner.n and words[k] in ("و", "او", ","):
            k += 1
        else:
            break
    return aliases


def _repeat_keys(scanner: _Scanner, names: list[_Name], aliased: set[int]) -> dict[tuple[str, ...], str]:
    """Token sequences that re-mention a found name: the full name, and its family-name part."""
    keys: dict[tuple[str, ...], str] = {}
    shared: set[tuple[str, ...]] = set()
    lex = scanner.lex
    for name in names:
        if name.cue == "given_name_lexicon" and len(name.parts) < 2:
            continue
        strongly_cued = (
            name.cue != "given_name_lexicon"
            or "title" in name.attrs
            or id(name) in aliased
            or (
                name.last - name.first >= 3
                and not any(w in lex.not_name for w in scanner.words[name.first : name.last])
            )
        )
        words = tuple(scanner.words[name.first : name.last])
        if name.prefix:
            words = (words[0][name.prefix :],) + words[1:]
        surface = scanner.surface_of(name.first, name.last, name.prefix)
        if len(words) > 1:
            keys[words] = surface
        if len(words) >= 3 and words[-2] in HYPHENS:
            # غرومر-سترون, جونغ-أون: the surname repeats by the word before the hyphen, and the repeat
            # takes the hyphen's part again (`_take_hyphenated_tail`); "- سترون" is no surname of its own
            words = words[:-2]
        if any(kind == "ordinal" for kind, _, _ in name.parts):
            continue  # إليزابيث الثانية repeats whole; الثانية alone is the ordinal
        last = words[-1]
        if len(words) >= 3 and (
            (strongly_cued and words[-2] == "عبد" and words[0] != "عبد")
            or words[-2] in SURNAME_PARTICLES
            or (words[-2] == "بن" and last not in lex.given)  # أحمد عبيد بن دغر ... وجدد بن دغر
            or (strongly_cued and _two_word_surname(words, lex))
        ):
            # رامي عبد الرحمن ... وقال عبد الرحمن, جان إيف لو دريان ... وأضاف لو دريان, كمال كليتشدار
            # أوغلو ... وقال كليتشدار أوغلو: a compound family name, a surname with its particle or a
            # two-word surname repeats whole as the man's surname
            compound = (words[-2], last)
            if keys.get(compound, surface) != surface:
                shared.add(compound)
            keys[compound] = surface
        if (
            (len(words) > 1 or name.cue == "title")
            and len(last) >= (3 if name.cue == "title" else 4)
            and last not in lex.given
            and last not in lex.not_name
            and last not in lex.nisba_exclusions
            and (strongly_cued or not last.startswith("ال") or last.endswith("ي"))
            # هارون كتاب ... بتحقيق كتاب: a noun of speech repeats as that noun unless a cue vouched for it
            and (strongly_cued or not is_spoken_noun(last))
            # a nationality (القطري) repeats only a name its title vouches for; a plural (النقابات) never
            and (strongly_cued or not reference.country_of_nationality(last))
            and not last.endswith("ات")
        ):
            known = keys.get((last,), surface)
            # عبد الرحمن النعيمي and عبد الرحمن بن عمير الجبر النعيمي: one man named short and long
            same_man = _names_one_man(known, surface)
            if known != surface and not same_man:
                shared.add((last,))
            # سليمان صويلو and the lone صويلو a title cued: one man, the longer surface stands for him
            keys[(last,)] = max(known, surface, key=len)
    for key in shared:
        keys.pop(key, None)
    return keys


def _names_one_man(a: str, b: str) -> bool:
    """One name ends the other (سليمان صويلو, صويلو), or the shorter's words all stand in order in the
    longer one from its first word (عبد الرحمن النعيمي, عبد الرحمن بن عمير الجبر النعيمي); أحمد بن علي الحربي
    and أحمد بن محمد الحربي are two men."""
    if a.endswith(b) or b.endswith(a):
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    rest = iter(long)
    return short[0] == long[0] and all(word in rest for word in short)


def _two_word_surname(words: tuple[str, ...], lex: _Lexicons) -> bool:
    """The last two words of a name of three or more, when the first of them is neither a given name nor
    half of a compound one (جيمس, الفتاح after عبد, نجم before الدين)."""
    second_last = words[-2]
    return (
        second_last not in lex.given
        and second_last not in lex.not_name
        and words[-3] not in JOINED_NAME_HEADS
        and words[-1] not in COMPOUND_NAME_SECONDS
    )


def _find_repeats(scanner: _Scanner, names: list[_Name], aliased: set[int]) -> list[_Name]:
    keys = _repeat_keys(scanner, names, aliased)
    if not keys:
        return []
    longest = max(len(k) for k in keys)
    repeats: list[_Name] = []
    i = 0
    first_words = {key[0] for key in keys}
    while i < scanner.n:
        found = None
        readings = [(p, c) for p, c in clitic_variants(scanner.words[i]) if c in first_words]
        for size in range(min(longest, scanner.n - i), 0, -1) if readings else ():
            for prefix, core in readings:
                key = (core, *scanner.words[i + 1 : i + size])
                if key in keys:
                    found = _Name(
                        i, i + size, _past_an_elided_article(scanner.words[i], prefix, core), [], "repeat",
                        {"repeat_of": keys[key]},
                    )
                    break
            if found:
                break
        if found and (_is_adjective_position(scanner, found) or _in_a_thing_s_name(scanner, found.first)):
            found = None
        if found and not found.prefix and found.first and scanner.words[found.first - 1] in HYPHENS and scanner.written_joined(found.first):
            found = None  # كيم يو-جونغ: the surname of one man ends another hyphenated name
        if found and _hyphen_goes_on_otherwise(scanner, found, names):
            found = None  # كيم جونغ-نام after كيم جونغ-أون: another man's hyphenated name
        if found and not found.prefix and found.first and scanner.words[found.first - 1] in LINEAGE_CONNECTORS:
            found = _repeat_after_a_connector(scanner, found, names)
        if found and not _overlaps(found, names) and not _overlaps(found, repeats):
            repeats.append(found)
            i = found.last
        else:
            i += 1
    return repeats


def _hyphen_goes_on_otherwise(scanner: _Scanner, found: _Name, names: list[_Name]) -> bool:
    """A repeat of the word before a found name's hyphen (كيم جونغ-أون), followed by a tight hyphen and
    a word that no found name spells after it (كيم جونغ-نام). A hyphen after a surname found otherwise
    joins two men (ميسي-رونالدو)."""
    words, j = scanner.words, found.last
    if j + 1 >= scanner.n or words[j] not in HYPHENS or not scanner.written_joined(j) or not scanner.written_joined(j + 1):
        return False
    spelt = words[j - 1 : j + 2]
    spans = [range(name.first, min(name.last, scanner.n - 2)) for name in names]
    hyphenated_there = any(words[k] == spelt[0] and words[k + 1] in HYPHENS for span in spans for k in span)
    return hyphenated_there and not any(words[k : k + 3] == spelt for span in spans for k in span)


# Words of a lineage (بن, آل) before a surname; the particles of European names are common words too (فإن
# normalizes onto فان, لو is "if").
LINEAGE_CONNECTORS = frozenset({"بن", "ابن", "بنت", "ال"})


def _repeat_after_a_connector(scanner: _Scanner, found: _Name, names: list[_Name]) -> _Name | None:
    """جاسم بن فهد آل ثاني, وجدد بن دغر: a repeated surname right after a lineage word (بن, آل) ends
    a longer name when a given name or another name stands before the connector, and is none on its own;
    otherwise بن opens the surname (بن دغر, بن لادن), and the span takes it."""
    connector = found.first - 1
    before = connector - 1
    if (
        scanner.words[connector] != "بن"
        or before < 0
        or scanner.is_given(before, True)
        or any(other.first <= before < other.last for other in names)
    ):
        return None
    found.first = connector
    return found


SPOKEN_NOUN_IN_I = 4000


# What may follow a man introduced without a cue: what he said, an apposition, his role.
PERSON_CLOSERS = SPEAKER_CLOSERS | {"وهو", "وهي"}


def _noun_phrase_read_as_a_name(scanner: _Scanner, name: _Name, names: list[_Name]) -> bool:
    """خلف الهجوم, عمر اللقاء, حسن الجوار, صالح البلاد, أسماء الضحايا: a given name that is also a
    common word, before a common definite noun, reads as a noun phrase ("behind the attack", "the age
    of the match") far more often than as a man (عادل السمان). Found by the lexicon alone, it is kept
    only when the text treats it as a person: followed by what he said, an apposition or his role, or
    named with a cue elsewhere in the article."""
    if name.cue != "given_name_lexicon" or name.prefix or not 2 <= name.last - name.first <= 3:
        return False
    given, family = scanner.words[name.first], scanner.words[name.first + 1]
    described = name.last - name.first == 3  # نجم المنتخب الأرجنتيني: the phrase may take a nationality
    if described and not reference.country_of_nationality(scanner.words[name.first + 2]):
        return False
    if (
        not family.startswith("ال")
        # a nisba (الحوثي) names a family; a noun in ي speech says this often does not (النادي, الماضي)
        or (family.endswith("ي") and spoken_count(family) < SPOKEN_NOUN_IN_I)
        or family in COMPOUND_NAME_SECONDS
        or not (given in scanner.lex.ambiguous or is_spoken_noun(given))
        or spoken_count(family) < SPOKEN_COMMON
    ):
        return False
    after = scanner.words[name.last] if name.last < scanner.n else "."
    # خلف الرجل، , نجم البوب الكندي، : no comma makes "the man" a surname, nor a described noun a man;
    # "حسن النية": the quote closing a quoted phrase is no closer of a man's name
    quoted = name.first and scanner.words[name.first - 1] in ('"', "«") and after in ('"', "»")
    said_always = described or quoted or spoken_count(family) >= SPOKEN_ALWAYS
    if not said_always and (after in PERSON_CLOSERS or scanner.title_at(name.last) is not None):
        return False
    return not any(
        other is not name
        and other.cue != "given_name_lexicon"
        and family in scanner.words[other.first : other.last]
        for other in names
    )


def _reach_back_to_given_names(scanner: _Scanner, name: _Name, names: list[_Name]) -> None:
    """راؤول كاسترو, مارين لوبان, سراج الدين حقاني, أبو عبد الرحمن المهاجر: a name found by its
    surname (a world figure, a repeat, a cue) takes the listed given name, compound given name or kunya
    word that stands right before it, unless that word belongs to another name or the surname carries a
    proclitic (ولوبان: "and"). Ambiguous given names (أمل, جمال) there are as often common words, unless
    a foreign given name follows (جان ماري لوبن)."""
    lex = scanner.lex
    while not name.prefix and name.first and not scanner.line_break_before(name.first):
        k = name.first - 1
        kind, start, prefix = "given", k, None
        if scanner.words[k] in COMPOUND_NAME_SECONDS and k:
            # سراج الدين, ونور الدين: the second half vouches for an ambiguous first one (نور), and the
            # compound may carry "and" in a list of names
            first = next(
                (p for p, core in clitic_variants(scanner.words[k - 1])
                 if p <= 1 and core in lex.given and (not p or scanner.words[k - 1] not in lex.given)),
                None,
            )
            if first is not None and not scanner.line_break_before(k):
                start, prefix = k - 1, first
        for p, core in clitic_variants(scanner.words[k]) if prefix is None else ():
            if core in ("ابو", "ابي", "ابا"):
                kind, prefix = "kunya", p
            elif (
                core in lex.given
                and (
                    core not in lex.ambiguous
                    or core == "علي"
                    # جان ماري لوبن: a foreign given name before another given name is half of a compound one
                    or (core in lex.transliterated and scanner.words[name.first] in lex.given)
                    # صلاح خاشقجي: before a surname the text repeats, a kinsman's given name, unless the word
                    # is also a title's noun (نجم بوردين: Bourdain's star)
                    or (
                        name.cue == "repeat"
                        and not p
                        and k == name.first - 1
                        and not core.startswith("ال")
                        and "title" not in scanner.roles[k]
                    )
                )
                and not scanner.ends_in_alef_maqsura(k)  # علي written with ي is the name, with ى "on"
            ):
                prefix = p
            if prefix is not None:
                break
        if prefix is None and _given_name_after_a_nationality(scanner, k):
            prefix = 0  # الإعلامية الكويتية حليمة بولند, الكاتب الأمريكي راي برادبري
        if prefix is None and name.cue == "well_known" and name.last - name.first == 1 and _unlisted_given_name(scanner, k):
            prefix = 0  # فلورينتينو بيريز: another bearer of a world figure's surname, not the figure
            name.attrs.pop("well_known", None)
        if prefix is None or any(other is not name and other.first <= k < other.last for other in names):
            return
        name.parts.insert(0, (kind, start, name.first))
        name.first, name.prefix = start, prefix


HYPHENS = frozenset({"-", "–"})
WAW_NAME_WORDS = frozenset({"ولد", "ود"})  # إسماعيل ولد الشيخ أحمد: "son of", inside one name


SAINT_WORDS = frozenset({"سان", "ساو", "سانت", "سانتا", "سانتو"})


def _named_for_a_saint(scanner: _Scanner, name: _Name) -> bool:
    """ملعب سان باولو, ساو باولو: a given name right after "Saint" names a place, a stadium or a church
    called after the saint, not a person; a given name before سان (إيف سان لوران) makes it a man's name."""
    k = name.first - 1
    if name.prefix or k < 0 or scanner.words[k] not in SAINT_WORDS or scanner.line_break_before(name.first):
        return False
    return not (k and scanner.is_given(k - 1, True))


def _drop_a_second_man_after_and(scanner: _Scanner, name: _Name, names: list[_Name]) -> None:
    """روبرتو كارلوس وبيكام, بويغي وروندو: a و-word that ends a name is "and" before a second man's
    surname when the name is already whole before it (a given name and a surname) or when the word after
    the و is a word of another name of the text. ويليامز, وودز after a given name alone stay."""
    start = name.last - 1
    word = scanner.words[start]
    if start <= name.first or (name.parts and name.parts[-1][1] != start) or not word.startswith("و") or len(word) < 4:
        return
    before = scanner.words[start - 1]
    if word in scanner.lex.given or word in WAW_NAME_WORDS or before in CONNECTORS or before in HASHTAG_JOINERS:
        return  # #هيفاء_وهبي: a hashtag binds its words into one name
    rest = word[1:]
    whole_before = start - name.first >= 2 and bool(name.parts) and name.parts[0][0] == "given"
    # بويغي وروندو after a speech verb or repeated: two surnames, the first the surname of a man named before
    two_surnames = (
        start - name.first == 1
        and not scanner.is_given(name.first, True)
        and name.cue in ("repeat", "speech_verb")
        and any(other is not name and other.last - other.first >= 2 and scanner.words[other.last - 1] == scanner.words[name.first] for other in names)
    )
    named_apart = any(
        other is not name and rest in scanner.words[other.first : other.last] for other in names
    )
    if whole_before or two_surnames or named_apart:
        if name.parts:
            name.parts.pop()
        name.last = start


def _reach_back_over_a_hyphen(scanner: _Scanner, name: _Name, names: list[_Name]) -> None:
    """جان-ميشال أولاس, جان-كريستوف برتران: a compound French given name written with a tight hyphen
    is one name; a name found from its second half (a listed given name) takes the listed given name
    before the hyphen."""
    k = name.first - 1
    if name.prefix or k < 1 or scanner.words[k] not in HYPHENS:
        return
    if not (scanner.written_joined(k) and scanner.written_joined(k + 1)):
        return
    # جان is as often a common word (jinn) alone; tight against a second given name it is a name
    if not (scanner.is_given(k - 1, True) and scanner.is_given(name.first, True)) or scanner.line_break_before(k):
        return
    if any(other is not name and other.first <= k - 1 < other.last for other in names):
        return
    name.parts.insert(0, ("given", k - 1, name.first))
    name.first = k - 1


def _reach_back_to_a_world_figure(scanner: _Scanner, name: _Name, names: list[_Name]) -> None:
    """أفيجدور ليبرمان, فتح الله غولن, بنلسون مانديلا, جان - كلود يونكر, عبدربه منصور هادي: a name that
    ends a world figure's full name (well_known_people.csv) takes the words before it that spell the rest of
    that name as transliterations vary it (`name_skeleton`), across a hyphen, the first of them behind a
    proclitic (ب on نلسون), unless one of them belongs to another name."""
    if name.prefix:
        return
    words = scanner.words
    own = tuple(name_skeleton(t) for t in name_tokens(" ".join(words[name.first : name.last])))
    for full in scanner.lex.world_full_by_last.get(words[name.last - 1], ()):
        if len(full) <= len(own) or full[-len(own) :] != own:
            continue
        rest = full[: -len(own)]
        k, prefix = name.first, 0
        for m in range(len(rest) - 1, -1, -1):
            k -= 1
            while k > 0 and words[k] in HYPHENS:
                k -= 1
            if k < 0 or scanner.line_break_before(k + 1) or words[k] in SENTENCE_END:
                return
            # only the name's first word may carry a proclitic (بنلسون)
            readings = [p for p, c in clitic_variants(words[k])[: None if m == 0 else 1] if name_skeleton(c) == rest[m]]
            if not readings and k and words[k - 1] == "عبد" and name_skeleton("عبد" + words[k]) == rest[m]:
                k -= 1  # عبد ربه written apart
                readings = [0]
            if not readings:
                return
            prefix = readings[0]
        if any(other is not name and k < other.last and other.first < name.first for other in names):
            return
        end = name.first
        while words[end - 1] in HYPHENS:
            end -= 1
        name.parts.insert(0, ("given", k, end))
        name.first, name.prefix = k, prefix
        return




def _take_hyphenated_tail(scanner: _Scanner, name: _Name, names: list[_Name]) -> None:
    """لورنس غرومر-سترون, مون جيه-إن: a name of two words or more goes on over a hyphen written
    tight between its last word and the next, a double-barrelled surname or the last syllable of an
    East Asian name. A hyphen between two surnames (قمة ترامب-كيم) joins two men: a lone surname, a world
    figure's surname, a listed given name or a definite word after the hyphen stays out."""
    words, j = scanner.words, name.last
    if j + 1 >= scanner.n or words[j] not in HYPHENS:
        return
    spelt = words[j - 1 : j + 2]
    if name.last - name.first < 2 and not any(
        other.last - other.first >= 2
        and any(words[k : k + 3] == spelt for k in range(other.first + 1, min(other.last + 1, scanner.n - 2)))
        for other in names
    ):
        return  # جرومر-سترون repeats the surname a full name spelt with its hyphen earlier
    if not (scanner.written_joined(j) and scanner.written_joined(j + 1)):
        return
    tail = words[j + 1]
    if (
        not scanner.name_like(j + 1)
        or tail.startswith("ال")
        or tail in scanner.lex.given
        or scanner.roles[j + 1]
        or any(other is not name and other.first <= j + 1 < other.last for other in names)
    ):
        return
    name.parts.append(("family", j, j + 2))
    name.last = j + 2


def _take_the_father_after_walad(scanner: _Scanner, name: _Name, names: list[_Name]) -> None:
    """محمد ولد عبد العزيز, إسماعيل ولد الشيخ أحمد: a Mauritanian name never ends on ولد ("son of"); it
    takes the father's name after it, a definite word too, and the given name after الشيخ."""
    j = name.last
    if name.last - name.first < 2 or scanner.words[j - 1] != "ولد" or j >= scanner.n:
        return
    end = j + 1
    if scanner.words[j] == "عبد" and end < scanner.n:
        end += 1  # عبد العزيز written apart
    elif scanner.words[j] == "الشيخ" and end < scanner.n and scanner.is_given(end, True):
        end += 1
    if scanner.line_break_before(j) or not all(scanner.name_like(k) or scanner.words[k] == "الشيخ" for k in range(j, end)):
        return
    inside = [other for other in names if other is not name and other.first < end and j < other.last]
    if any(other.first < j or other.last > end for other in inside):
        return
    for other in inside:  # أحمد read after الشيخ as a title: the father's name, part of this one
        other.attrs["absorbed"] = True
    name.parts.append(("family", j, end))
    name.last = end


def _take_regnal_number(scanner: _Scanner, name: _Name) -> None:
    """A monarch's or pope's name takes the ordinal after it (الثاني, السادس عشر), of the title's gender,
    and the father's name after the ordinal (الملك عبد الله الثاني بن الحسين)."""
    title = name.attrs.get("title")
    if name.attrs.get("role") != "ملك" and title != "البابا":
        return
    words, j = scanner.words, name.last
    if words[j - 1] not in ORDINALS:
        feminine = title in FEMININE_ROYAL_TITLES
        ordinals = REGNAL_ORDINALS["f" if feminine else "m"]
        lone = words[name.first]
        if name.last - name.first == 1 and (lone in scanner.lex.transliterated or lone not in scanner.lex.given):
            # داريوس الأول, فرديناند الأول: after a lone foreign or unlisted monarch's name الأول is his number (after
            # an Arab king's, لقاء الملك سلمان الأول, as often the first of something)
            ordinals = ordinals | {"الاولى" if feminine else "الاول"}
        if j >= scanner.n or words[j] not in ordinals or scanner.line_break_before(j):
            return
        end = j + 1 + (j + 1 < scanner.n and words[j + 1] == "عشر")
        name.parts.append(("ordinal", j, end))
        j = end
    if j + 1 < scanner.n and words[j] == "بن" and scanner.name_like(j + 1) and not scanner.line_break_before(j):
        name.parts.append(("connector", j, j + 2))
        j += 2
    name.last = j


def _given_name_after_a_nationality(scanner: _Scanner, k: int) -> bool:
    """حليمة in الإعلامية الكويتية حليمة بولند, لولوة in القطرية لولوة راشد الخاطر: between a nationality
    adjective (of either gender) and a name found by its surname stands the person's given name, listed
    or one speech seldom says, unless it is a word of another shape: a verb (the adjective ends a clause:
    القوات العراقية استعادت), a word with a pronoun, an accusative, a place, a plural, a noun of speech
    in construct with the name (حملة السيسي). A given name that is a common word (انتصار) stays out."""
    if k < 1 or scanner.line_break_before(k):
        return False
    before, word = scanner.words[k - 1], scanner.words[k]
    nationalities = scanner.lex.nationalities
    if not (before.startswith("ال") and (before in nationalities or (before[-1] in "ةه" and before[:-1] in nationalities))):
        return False
    return (
        scanner.name_like(k)
        and len(word) >= 3
        and not word.startswith(("ال", "لل"))
        and scanner.roles[k] <= {"lexicon_name"}  # راي: an ambiguous listed name is as good
        and (word in scanner.lex.given or not word.startswith(("ب", "ك")))  # بزعامة أردوغان: "led by"
        and not word.endswith("ا")
        and not (word.startswith(("ي", "ت", "و", "ف")) and word not in scanner.lex.given)
        and not is_past_tense_verb(word)
        and not is_derived_past_verb(word)
        and not _plural_shaped(word)
        and not scanner.carries_a_pronoun(k)
        and not scanner.is_place(k)
        # حملة السيسي, سياسة أردوغان, برئاسة نتنياهو: a noun speech says, bare or behind a proclitic,
        # heads a construct with the name; a given name no list knows is seldom said
        and (word in scanner.lex.given or all(spoken_count(rest) < SPOKEN_COMMON for _, rest in clitic_variants(word)))
        and not _proclitic_on_common_noun(word, scanner.lex)
    )


def _unlisted_given_name(scanner: _Scanner, k: int) -> bool:
    """فلورينتينو before بيريز: a word speech never says, bare or behind a proclitic (وانتقدت is و + a
    verb), that no lexicon knows and that takes no article, is a foreign given name the lexicon lacks.
    Transliterated names spell their vowels (two long vowels at least); و / ف + a verb the word list
    lacks does not (وانتهج)."""
    word = scanner.words[k]
    return (
        scanner.name_like(k)
        and len(word) >= 5
        and sum(letter in "اوي" for letter in word[1:]) >= 2
        and not word.startswith("ال")
        and not (word.startswith("وال") and len(word) >= 7)  # والجمهوريان بوش: و + a definite adjective
        and not scanner.roles[k]
        and all(spoken_count(rest) == 0 and rest not in scanner.lex.not_name for _, rest in clitic_variants(word))
        and not scanner.carries_a_pronoun(k)
        and not is_accusative_participle(word)  # مخاطبا ترامب: addressing Trump
    )


def _is_adjective_position(scanner: _Scanner, name: _Name) -> bool:
    """الشعب الفلسطيني, البنك التجاري, القيادي الحوثي, ميليشيات الحوثي: a lone definite -i adjective
    right after a definite noun (not a title, unless the title is itself an adjective in ي) or a plural
    describes that noun or group, even when it repeats the nisba of a person named earlier."""
    word = scanner.words[name.first]
    if (
        name.last - name.first != 1
        or name.first == 0
        or not (word.startswith("ال") and word.endswith(("ي", "يه")))
    ):
        return False
    before = scanner.words[name.first - 1]
    if _plural_shaped(before):
        return True
    return before.startswith(("ال", "لل")) and (
        before.endswith("ي") or scanner.title_at(name.first - 1) is None
    )


def _past_an_elided_article(word: str, prefix: int, core: str) -> int:
    """للعبادي is ل + العبادي with the article's alef dropped: the span starts after both lams (عبادي,
    read back as العبادي), not on the article's lam, which would read as another ل (لعبادي)."""
    return 2 if prefix == 1 and word.startswith("لل") and core == "ا" + word[1:] else prefix


def _to_mention(scanner: _Scanner, name: _Name) -> Mention:
    start, end = scanner.char_span(name)
    d_start, d_end, surface = display_span(scanner.nt, start, end)
    attrs = {**scanner.name_attrs(name), **name.attrs, "cue": name.cue}
    # تيريزا #ماي, محمود_عباس: the name is read without the hashtag's signs
    value = " ".join(normalize_text(surface).replace("#", " ").replace("_", " ").split())
    if name.prefix == 2 and scanner.words[name.first].startswith("لل"):
        value = "ال" + value  # للعبادي: the name is العبادي
    return Mention("PERSON", d_start, d_end, surface, value, attrs=attrs)


def find_people(nt: NormalizedText) -> list[Mention]:
    """PERSON mentions with given_name, kunya, nisba, family_name, title, role, aliases, cue."""
    scanner = _Scanner(nt)
    titles = _Titles(scanner.titles())
    names = _find_cued_and_lexicon_names(scanner, titles, _find_well_known(scanner))
    _add_after_speech_verbs(scanner, names)
    names.sort(key=lambda name: name.first)
    alias_links: list[tuple[_Name, _Name]] = []
    for main in list(names):
        for alias in _stated_aliases(scanner, main):
            existing = next((n for n in names if n.first == alias.first and n.last == alias.last), None)
            if existing is None and _overlaps(alias, names):
                continue
            if existing is None:
                names.append(alias)
                existing = alias
            existing.cue = "alias"
            alias_links.append((main, existing))
    aliases = {id(alias) for _, alias in alias_links}
    name_firsts = sorted(name.first for name in names)
    for name in names:
        if id(name) not in aliases:
            _attach_title(scanner, name, titles, name_firsts)
            _take_regnal_number(scanner, name)
    _stated_roles(scanner, names, {id(alias): main for main, alias in alias_links})
    aliased = {id(main) for main, _ in alias_links} | aliases
    names = [name for name in names if not _noun_phrase_read_as_a_name(scanner, name, names)]
    names.extend(_find_repeats(scanner, names, aliased))
    names = [name for name in names if not _named_for_a_saint(scanner, name)]
    for name in names:
        _drop_a_second_man_after_and(scanner, name, names)
        _reach_back_over_a_hyphen(scanner, name, names)
        _reach_back_to_given_names(scanner, name, names)
        _reach_back_to_a_world_figure(scanner, name, names)
        _take_hyphenated_tail(scanner, name, names)
        _take_the_father_after_walad(scanner, name, names)
    names = [name for name in names if not name.attrs.get("absorbed")]
    alias_links = [link for link in alias_links if not any(n.attrs.get("absorbed") for n in link)]
    mentions = {id(name): _to_mention(scanner, name) for name in names}
    for main, alias in alias_links:
        main_mention, alias_mention = mentions[id(main)], mentions[id(alias)]
        alias_mention.attrs["alias_of"] = main_mention.surface
        main_mention.attrs.setdefault("aliases", []).append(alias_mention.surface)
    return sorted(mentions.values(), key=lambda m: m.start)


JOINED_NAME_HEADS = frozenset({"عبد"})  # a word of its own in text, half of a name (عبد السلام)
# Cues strong enough that a name found with them may be looked for bare in the rest of the batch.
TEACHING_CUES = frozenset(
    {"title", "well_known", "given_name_lexicon", "speech_verb", "called", "nationality", "alias"}
)
NAME_PARTS_TAUGHT = ("given_name", "family_name", "nisba", "kunya", "well_known")


@dataclass(frozen=True, slots=True)
class TaughtName:
    """A full name the batch named with a cue, and the name parts found with it."""

    tokens: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...]


def teachable(normalized: str, attrs: dict) -> TaughtName | None:
    """A PERSON mention another article may name without a cue: two tokens or more, found with a
    strong cue (TEACHING_CUES), none of its tokens a common word."""
    tokens = tuple(normalized.split())
    lex = _lexicons()
    if len(tokens) < 2 or attrs.get("cue") not in TEACHING_CUES:
        return None
    if attrs.get("cue") != "well_known" and tokens[0] not in lex.given:
        return None  # a name is taught by its given name: حقق خلالها, found after a title, is no name
    if any(
        len(t) < 2 or not t.isalpha() or (t in lex.not_name and t not in JOINED_NAME_HEADS) for t in tokens
    ):
        return None
    if any(_common_definite_noun(tokens, k, lex) for k in range(len(tokens))):
        return None  # بإطلاق النار, بإجراء التحقيقات: a verbal noun and its object taken for a name
    return TaughtName(tokens, tuple((k, str(attrs[k])) for k in NAME_PARTS_TAUGHT if attrs.get(k)))


def _common_definite_noun(tokens: tuple[str, ...], k: int, lex: _Lexicons) -> bool:
    """A definite word in a name that is neither a given name, a nisba (ends in ي) nor the divine-name
    half of عبد ال..."""
    token = tokens[k]
    if not token.startswith("ال") or token in lex.given or token.endswith(("ي", "يه")):
        return False
    return not (k and tokens[k - 1] == "عبد")


def find_taught_names(
    nt: NormalizedText, taught: dict[str, list[TaughtName]], taken: list[tuple[int, int]]
) -> list[Mention]:
    """Names another article of the batch named with a cue, found here without one (one man is named
    alike across the reports of one story: جاريد كوشنر cued by his office in one article, bare in the
    next). `taught` maps a name's first token to the names; `taken` are display spans already
    claimed by a person, organization or place, which a taught name never overlaps."""
    tokens = tokenize(nt)
    words = [t.text for t in tokens]
    found: list[Mention] = []
    claimed = ClaimedSpans(len(nt.display), taken)
    for i, word in enumerate(words):
        for prefix, core in clitic_variants(word):
            for name in taught.get(core, ()):
                size = len(name.tokens)
                if tuple(words[i + 1 : i + size]) != name.tokens[1:]:
                    continue
                d_start, d_end, surface = display_span(nt, tokens[i].start + prefix, tokens[i + size - 1].end)
                if not claimed.free(d_start, d_end):
                    continue
                attrs = {**dict(name.attrs), "cue": "named_elsewhere"}
                found.append(Mention("PERSON", d_start, d_end, surface, normalize_text(surface), attrs=attrs))
                claimed.take(d_start, d_end)
    return found
