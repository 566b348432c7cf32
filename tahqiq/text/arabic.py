"""The language layer shared by finders and resolvers: how Arabic names are compared.

`name_skeleton` is the consonant outline of a name as transliterations of one foreign name vary it:
ترامب / ترمب, نتانياهو / نتنياهو, لكديم / لقديم, بارونغ / بارونج. It is for comparing, never for showing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tahqiq.text.normalize import normalize_text, normalize_texts

# Letters that transliterations of one sound swap: ق/ك (k), غ/ج/ق (g), ظ/ض, ث/س, ذ/ز, ط/ت, ص/س.
_SAME_SOUND = str.maketrans({"ق": "ك", "غ": "ك", "ج": "ك", "ظ": "ض", "ث": "س", "ذ": "ز", "ط": "ت", "ص": "س"})
# Long vowels and hamza seats, written or left out at will in transliterated names.
_VOWEL_LETTERS = re.compile("[اويىءأإآه]")
_NOT_LETTER = re.compile(r"[^\w]|_|\d")
_DEFINITE = re.compile("^(ال)(?=..)")
_REPEATED = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def name_skeleton(token: str) -> str:
    """The consonant outline of one name token in matching form: the article, long vowels (bar a
    leading one), hamza seats and doubled letters dropped, letters that render one sound merged."""
    word = _NOT_LETTER.sub("", normalize_text(token))
    word = _DEFINITE.sub("", word)
    if not word:
        return ""
    head, rest = word[0], word[1:]
    rest = _VOWEL_LETTERS.sub("", rest.translate(_SAME_SOUND))
    head = "ا" if head in "اأإآء" else head.translate(_SAME_SOUND)
    return _REPEATED.sub(r"\1", head + rest)


# Relative pronouns in matching form: they open a clause about the noun before them, never a name.
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي"})
COMMAS = frozenset({"،", ","})
# Words that open a clause ("أن", "إن", "لكن"; as written): what follows is the clause, not the word before.
COMPLEMENTIZERS = frozenset(("أن", "إن", "ان", "بأن", "لأن", "كأن", "لكن", "ولكن"))
# The ordinal adjectives from second to tenth, and الحادي of eleventh, by gender (الثاني, الثانية).
ORDINALS_BY_GENDER = {
    gender: frozenset(normalize_text(word) for word in words.split())
    for gender, words in (
        ("m", "الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي"),
        ("f", "الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة الحادية"),
    )
}

# "عبد" is written joined to the divine name that follows or apart from it: عبدالله, عبد الله.
_JOINED_HEAD = re.compile(r"\b(عبد) (?=\w)")


def name_tokens(text: str) -> list[str]:
    """Word tokens of a name in matching form, punctuation, hashtags and underscores dropped, "عبد"
    joined to the word it heads."""
    spaced = _NOT_LETTER.sub(" ", normalize_text(text).replace("_", " "))
    return _JOINED_HEAD.sub(r"\1", " ".join(spaced.split())).split()


# The proclitics a content word carries (و/ف, then ب/ل/ك, then the article; ل + ال is written لل),
# left on a stem of three letters or more: وبالمدينة -> مدينة, للقصف -> قصف.
_CONTENT_PROCLITICS = re.compile(r"^(?:[وف])?(?:لل|[بلك]?(?:ال)?)(?=\w{3})")
# و, ب or ل (or و with ب/ل) before the article, on a stem of three letters or more: والعقوبات, بالصدر,
# للسلام (ل + ال), وللتحالف. ف and ك are left out: as first letters of foreign names (فالنسيا,
# كاليفورنيا) they are far likelier than as proclitics on a name.
_PROCLITIC_BEFORE_ARTICLE = re.compile(r"^(?:و?[بل]|و)(?=ال\w{3})|^و?ل(?=ل\w{3})")


def without_proclitic_before_article(word: str, known_definite: bool = False) -> str | None:
    """The word with the article and without the proclitic before it (والعقوبات -> العقوبات, للسلام ->
    السلام, وبالمدينة -> المدينة), or None when it carries none. و and ب before ال can be a name's own
    letters (بالتيمور, والمارت), so that reading needs a word said in speech (واشنطن in والواشنطن)
    unless the caller knows the word is definite (`known_definite`: a definite adjective follows it);
    لل is ل + the article with its alef dropped unless ل + a word in ل is said more (للبنان)."""
    match = _PROCLITIC_BEFORE_ARTICLE.match(word)
    if match is None:
        return None
    rest = word[match.end() :]
    if rest.startswith("ال"):
        return rest if known_definite or is_said_with_or_without_article(rest) else None
    if spoken_count(normalize_text(rest)) > spoken_count(normalize_text(rest[1:])):
        return None
    return "ا" + rest


def is_said_with_or_without_article(word: str) -> bool:
    """The definite word (الرغم) is a common word of speech, counting its bare form (رغم) too."""
    bare = normalize_text(word[2:] if word.startswith("ال") else word)
    return spoken_count("ال" + bare) + spoken_count(bare) >= SPOKEN_COMMON


# Words of three letters or more, and numbers (a toll, a year) of two digits or more.
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}|\d{2,}")


def story_terms(text: str) -> list[str]:
    """The content words of a passage in matching form, proclitics dropped, in order and with repeats:
    what two reports of one story share (place and people names, numbers, the words of the act)."""
    return [_CONTENT_PROCLITICS.sub("", word) for word in _CONTENT_WORD.findall(normalize_text(text))]


# Everyday Arabic: how often each word form is said in film and television dialogue, the word list
# pyspellchecker ships (OpenSubtitles counts). A name read off a title or a given name is checked
# against it where a common word is the likelier reading; news names (ساترفيلد, الجبير) are rare in it,
# but Western names are frequent in dialogue, so a count alone never decides.
SPOKEN_COMMON = 300  # said this often: a common word (بثبات is ب + ثبات, 489 times)
SPOKEN_EVERYWHERE = 1000  # said this often: a word of its own even where a reading of it is a name (لدينا)
SPOKEN_WITH_ARTICLE = 100  # said this often with and without the article: a noun (الحظر / حظر)


@lru_cache(maxsize=1)
def _spoken_counts() -> dict[str, int]:
    from spellchecker import SpellChecker

    said = SpellChecker(language="ar", distance=1).word_frequency.dictionary
    counts: dict[str, int] = {}
    for key, count in zip(normalize_texts(list(said)), said.values(), strict=True):
        counts[key] = counts.get(key, 0) + count
    return counts


def spoken_count(word: str) -> int:
    """Times the word form (matching form) is said in the dialogue word list."""
    return _spoken_counts().get(word, 0)


def is_spoken_noun(word: str) -> bool:
    """A common noun or adjective of everyday speech: said often, and said both with the article and
    without it (فيلم / الفيلم, النية / نية). Names of people seldom take the article in speech (ميسي,
    كروس); Arabic names that are nouns (أمل, جمال) do, which is what the callers ask."""
    bare = word[2:] if word.startswith("ال") else word
    with_article, without = spoken_count("ال" + bare), spoken_count(bare)
    return max(with_article, without) >= SPOKEN_COMMON and min(with_article, without) >= SPOKEN_WITH_ARTICLE


_ARTICLE = re.compile("^(?:ال|لل)")


def is_derived_verbal_noun(word: str) -> bool:
    """A verbal noun of the derived forms, by its letters alone (matching form): افتعال (ارتفاع,
    اجتماع, اعتقال), انفعال (انسحاب, انفجار), استفعال (استقبال, استمرار), with or without the article,
    and their plural in ات (انتقادات, اعتقالات).
    Names of these shapes (انتصار, انطوان) are given names the callers know."""
    stem = _ARTICLE.sub("", word) if len(word) > 6 else word
    if len(stem) >= 8 and stem.endswith("ات"):
        stem = stem[:-2]  # انتقادات, اعتقالات: the plural of one
    if len(stem) == 6 and stem[0] == "ا" and stem[4] == "ا":
        return stem[2] in "تطد" or stem[1] == "ن"
    return len(stem) == 7 and stem.startswith("است") and stem[5] == "ا"


# Word shapes a name never has, by their letters and by how speech says them: the people finder stops a
# name at them.


def is_verbal_noun_or_long_plural(word: str) -> bool:
    """التأهل, التعادل (a verbal noun of the تفعّل / تفاعل forms) and long sound plurals (المستفيدين,
    الناخبين): common nouns, where a family name would stand. الحسين and الأمين are short."""
    return word.startswith("ال") and (
        (word.startswith("الت") and len(word) >= 6) or (len(word) >= 8 and word.endswith("ين"))
    )


def is_accusative_participle(word: str) -> bool:
    """قائلا, مضيفا, موضحا, مستنكرا: a participle in the accusative says how someone spoke or acted. The
    longest participle (مستفعلا, متفاعلا) has seven letters; a longer word in م ... ا is a foreign name
    (ماتاريلا, مارادونا)."""
    return word.endswith("ا") and (
        (word.startswith("م") and 5 <= len(word) <= 7) or (len(word) == 5 and word[1] == "ا")
    )


def is_accusative_noun(word: str) -> bool:
    """وفدا, ردا, إنجازا, رسميا, تعقيبا: a noun or adjective of everyday speech, or a verbal noun of
    the تفعيل form, with its accusative ا. تريا,
    بينيا, ماتا (تري, بيني, مات are a verb, a preposition, a verb: no nouns) and غارسيا are surnames."""
    return word.endswith("ا") and (
        len(word) <= 3
        or is_spoken_noun(word[:-1])
        or (len(word) == 6 and word[0] == "ت" and word[1] != "ي" and word[3] == "ي")  # تعقيبا, تأكيدا
    )


def is_past_tense_verb(word: str) -> bool:
    """سقط, جلب, قرر; أصدر, اتخذ, انتقد; استسلم: a past-tense verb of the bare or the ا-led derived
    forms, by its letters (no long vowel inside) and by speech, which says it often and never with the
    article. Names of these letters are given names the lexicons know (سعد, أكرم)."""
    stem = word[1:] if word.startswith("ا") and len(word) >= 4 else word
    return (
        (len(word) == 3 or stem is not word)
        and len(word) <= 6
        and not any(letter in "اوي" for letter in stem)
        and spoken_count(word) >= SPOKEN_COMMON
        and spoken_count("ال" + word) < SPOKEN_WITH_ARTICLE
    )


def is_participle_plural(word: str) -> bool:
    """معارضون, مستثمرون, مؤرخون, مدربين, and before their complement محامو, منتقدو: the sound plural of a
    participle in م, a group that spoke; باحثون, مراقبون's bare kin of the فاعل form (ناشطون) too when speech
    says the plural with the article. ماكرون and مارون are short names speech never says with the article
    (nor الماكرين often); مارسيلو is no plural, speech never says مارسيلون."""
    if word.startswith("م") and word.endswith("و"):
        return spoken_count("ال" + word + "ن") > 0
    if word.startswith("م") and word.endswith("ون"):
        return len(word) >= 7 or spoken_count("ال" + word) > 0
    if not (word.endswith(("ون", "ين")) and (word.startswith("م") or (len(word) == 6 and word[1] == "ا"))):
        return False
    stem = "ال" + word[:-2]
    return spoken_count(stem + "ون") + spoken_count(stem + "ين") >= SPOKEN_WITH_ARTICLE


def is_future_verb(word: str) -> bool:
    """سيكون, ستنطلق: the future prefix on a present-tense verb everyday speech says."""
    return word.startswith(("سي", "ست", "سن")) and len(word) >= 4 and spoken_count(word[1:]) >= SPOKEN_COMMON


def is_derived_past_verb(word: str) -> bool:
    """استكشف, استكشفت; انتكس, انتقدت; اجتمع: a past-tense verb of the استفعل, انفعل and افتعل forms
    (the feminine ت after it or not), by its letters alone: the ا-led stem takes no long vowel after its
    first letter, the ن of انفعل or the ت/ط/د of افتعل stands where those forms have it. Speech may never
    say the verb (a rare one, or in the feminine). Foreign names of five letters that open in ا are
    another shape (ارنست, ارسنال: no ن second, no ت third)."""
    stem = word[:-1] if word.endswith("ت") and len(word) in (6, 7) else word
    if not stem.startswith("ا") or any(letter in "اويىة" for letter in stem[1:]):
        return False
    if len(stem) == 6:
        return stem.startswith("است")
    return len(stem) == 5 and (stem[1] == "ن" or stem[2] in "تطد")
