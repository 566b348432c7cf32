"""A CRF tagger for PERSON / ORG / LOC that users train on their own BIO corpora.

The rules find few names but with structure; the tagger finds more names from context. Each token
is described by its form (normalized, affixes, clitic-stripped), its shape, the reference lexicons
and the BIO tag our rule finders give it, plus the same for its neighbours. Training tunes the
L-BFGS penalties (c1, c2) on a held-out part of the training sentences, then refits on all of them.
"""

from __future__ import annotations

import bisect
import json
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycrfsuite

from tahqiq import reference
from tahqiq.evaluate.ner import TYPES, bio_spans, read_bio
from tahqiq.extract.mention import Mention
from tahqiq.extract.organizations import find_organizations
from tahqiq.extract.people import find_people
from tahqiq.extract.places import find_places
from tahqiq.extract.tokens import SENTENCE_END, tokenize
from tahqiq.extract.word_clusters import COARSE, WordClusters
from tahqiq.text.normalize import NormalizedText, normalize, normalize_text

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "data" / "models" / "ner_crf.model"
GROUP_CLUSTER_SHARE = 0.3
C_GRID = ((0.05, 0.01), (0.1, 0.05), (0.25, 0.05), (0.5, 0.1))
HELD_OUT_SHARE = 0.15
CONFIDENCE_GRID = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
SILVER_MAX_TOKENS = 80
MAX_ITERATIONS = 80
_SENTENCE_BREAKS = SENTENCE_END | {"?", "!"}
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")

Progress = Callable[[str], None]
Span = tuple[str, int, int]


# --- features ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Lexicons:
    given_names: frozenset[str]
    titles: frozenset[str]  # every word of a person title or role
    org_words: frozenset[str]  # every word of an organization alias
    place_words: frozenset[str]
    place_names: frozenset[str]  # one-word place aliases


@cache
def _lexicons() -> _Lexicons:
    def words(aliases: Iterable[str]) -> frozenset[str]:
        return frozenset(w for alias in aliases for w in normalize_text(alias).split())

    org_aliases = [row["alias"] for row in reference.load_organizations()]
    place_aliases = [row["alias"] for row in reference.load_places()]
    return _Lexicons(
        given_names=reference.given_names(),
        titles=frozenset(w for title in reference.person_titles() for w in title.tokens),
        org_words=words(org_aliases) - reference.name_stopwords(),
        place_words=words(place_aliases) - reference.name_stopwords(),
        place_names=frozenset(normalize_text(a) for a in place_aliases if " " not in a.strip()),
    )


@lru_cache(maxsize=200_000)
def strip_clitics(word: str) -> str:
    """The word without a leading conjunction, preposition and article (وبالمدينة -> مدينه)."""
    stem = word
    if len(stem) > 3 and stem.startswith(_CONJUNCTIONS):
        stem = stem[1:]
    if len(stem) > 4 and stem.startswith("لل"):
        return stem[2:]
    if len(stem) > 3 and stem.startswith(_PREPOSITIONS):
        stem = stem[1:]
    if len(stem) > 4 and stem.startswith("ال"):
        stem = stem[2:]
    return stem


def _shape(word: str) -> str:
    if any(c.isdigit() for c in word):
        return "digit"
    if not any(c.isalpha() for c in word):
        return "punct"
    if all(c.isascii() for c in word):
        return "latin"
    if all("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in word):
        return "arabic"
    return "mixed"


@lru_cache(maxsize=200_000)
def word_stem(word: str) -> str:
    """The key of a display word in the lexicons and the cluster table: normalized, clitics stripped."""
    return strip_clitics(normalize_text(word) or word)


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(features of the word in its own position, short features used for its neighbours)."""
    lex = _lexicons()
    norm = normalize_text(word) or word
    stem = strip_clitics(norm)
    flags = []
    for name, hit in (
        ("given", norm in lex.given_names or stem in lex.given_names),
        ("title", norm in lex.titles or stem in lex.titles),
        ("orgw", norm in lex.org_words or stem in lex.org_words),
        ("placew", norm in lex.place_words or stem in lex.place_words),
        ("place", norm in lex.place_names or stem in lex.place_names or "ال" + stem in lex.place_names),
    ):
        if hit:
            flags.append(name)
    own = [
        f"w={word}",
        f"n={norm}",
        f"stem={stem}",
        f"shape={_shape(norm)}",
        f"len={min(len(stem), 8)}",
        f"al={norm.startswith(('ال', 'وال', 'بال', 'لل', 'فال', 'كال'))}",
        *(f"p{k}={norm[:k]}" for k in (1, 2, 3) if len(norm) > k),
        *(f"s{k}={norm[-k:]}" for k in (1, 2, 3) if len(norm) > k),
        *(f"sp{k}={stem[:k]}" for k in (2, 3) if len(stem) > k),
        *(f"ss{k}={stem[-k:]}" for k in (2, 3) if len(stem) > k),
        *(f"lex={flag}" for flag in flags),
    ]
    near = (f"n={norm}", f"stem={stem}", f"shape={_shape(norm)}", *(f"lex={flag}" for flag in flags))
    return tuple(own), near


def sentence_features(
    tokens: list[str], rule_tags: list[str], clusters: WordClusters | None = None
) -> list[list[str]]:
    """CRFsuite attributes per token: its own features, the rule tag, and neighbours within ±2;
    with `clusters`, also the word clusters (learned on unlabelled news) of the token and neighbours."""
    described = [_word_features(token) for token in tokens]
    stems = [f[1][1] for f in described]
    grouped = [clusters.features(word_stem(token)) for token in tokens] if clusters else [()] * len(tokens)
    out: list[list[str]] = []
    for i in range(len(tokens)):
        features = ["bias", *described[i][0], f"rule={rule_tags[i]}", f"rule_type={rule_tags[i][2:] or 'O'}"]
        features += grouped[i]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(tokens):
                features += [f"{offset}:{f}" for f in described[j][1]]
                features.append(f"{offset}:rule={rule_tags[j]}")
                features += [
                    f"{offset}:{f}" for f in grouped[j] if abs(offset) == 1 or f.startswith(f"c{COARSE}=")
                ]
            else:
                features.append(f"{offset}:edge")
        if i > 0:
            features.append(f"-1|0:stem={stems[i - 1]}|{stems[i]}")
        if i + 1 < len(tokens):
            features.append(f"0|+1:stem={stems[i]}|{stems[i + 1]}")
        out.append(features)
    return out


def cue_stems() -> frozenset[str]:
    """Stems of the words that announce a person's name: titles and roles, speech verbs."""
    words = {w for title in reference.person_titles() for w in title.tokens} | reference.speech_verbs()
    stopwords = {word_stem(w) for w in reference.name_stopwords()}
    return frozenset(word_stem(w) for w in words) - stopwords


# --- rule tags -----------------------------------------------------------------------------------
def rule_mentions(nt: NormalizedText) -> list[Mention]:
    return [*find_people(nt), *find_organizations(nt), *find_places(nt)]


def _tags_from_spans(n_tokens: int, spans: Iterable[tuple[str, int, int]]) -> list[str]:
    """Flat BIO tags from typed token spans; on overlap the longer span wins."""
    tags = ["O"] * n_tokens
    for entity_type, first, last in sorted(spans, key=lambda s: (s[1] - s[2], s[1])):
        if first >= last or any(tag != "O" for tag in tags[first:last]):
            continue
        tags[first] = f"B-{entity_type}"
        for k in range(first + 1, last):
            tags[k] = f"I-{entity_type}"
    return tags


def _mention_spans(
    starts: list[int], ends: list[int], mentions: Iterable[Mention]
) -> list[tuple[str, int, int]]:
    """Token ranges (over tokens at display offsets starts/ends) that each mention touches."""
    spans = []
    for m in mentions:
        if m.entity_type in TYPES and m.end > m.start:
            first = bisect.bisect_right(ends, m.start)
            last = bisect.bisect_left(starts, m.end)
            if first < last:
                spans.append((m.entity_type, first, last))
    return spans


def rule_tags(tokens: list[str]) -> list[str]:
    """The BIO tags our rule finders give a sentence of tokens (joined with single spaces)."""
    return rule_tags_and_spans(tokens)[0]


def rule_tags_and_spans(tokens: list[str]) -> tuple[list[str], list[tuple[Span, Span]]]:
    """The rule finders' BIO tags of a sentence and their mentions as (token span, scored token
    span) pairs: the scored span is the one the evaluation compares with gold (the place inside a
    region phrase, the name after a class noun)."""
    from tahqiq.evaluate.ner import joined_offsets, scored_span

    starts, ends = joined_offsets(tokens)
    nt = normalize(" ".join(tokens))
    mentions = [m for m in rule_mentions(nt) if m.entity_type in TYPES]
    full = _mention_spans(starts, ends, mentions)
    pairs = []
    for m in mentions:
        (span,) = _mention_spans(starts, ends, [m]) or [None]
        start, end = scored_span(m)
        (scored,) = _mention_spans(starts, ends, [Mention(m.entity_type, start, end, "", "")]) or [None]
        if span and scored:
            pairs.append((span, scored))
    return _tags_from_spans(len(tokens), full), pairs


# --- the tagger ----------------------------------------------------------------------------------
class CrfTagger:
    """A trained model: BIO tags for token lists, Mentions with display offsets for articles."""

    def __init__(self, model_path: Path) -> None:
        self.model_path = Path(model_path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        table = clusters_path(self.model_path)
        self.clusters = WordClusters.load(table) if table.is_file() else None
        settings = settings_path(self.model_path)
        tuned = json.loads(settings.read_text(encoding="utf-8")) if settings.is_file() else {}
        self.min_confidence: float = tuned.get("min_confidence", 0.0)
        self.longer_span_wins: bool = tuned.get("longer_span_wins", False)

    def tag(self, tokens: list[str], rules: list[str] | None = None) -> list[str]:
        """PERSON/ORG/LOC BIO tags; `rules` are the rule finders' tags when already known."""
        if not tokens:
            return []
        return list(
            self._tagger.tag(
                sentence_features(tokens, rule_tags(tokens) if rules is None else rules, self.clusters)
            )
        )

    def confident_spans(self, tokens: list[str], rules: list[str], min_confidence: float) -> set[Span]:
        """The spans the model tags whose confidence (see span_confidences) reaches `min_confidence`."""
        if not tokens:
            return set()
        features = sentence_features(tokens, rules, self.clusters)
        return {span for span, p in span_confidences(self._tagger, features) if p >= min_confidence}

    def find_entities(
        self, nt: NormalizedText, rules: list[Mention] | None = None, min_confidence: float | None = None
    ) -> list[Mention]:
        """PERSON/ORG/LOC mentions the model finds in an article (attrs {"cue": "crf"}), only spans
        at least as confident as `min_confidence` (default: the threshold tuned with the model)."""
        threshold = self.min_confidence if min_confidence is None else min_confidence
        tokens = [t for t in tokenize(nt) if t.text != "\n"]
        display_spans = [nt.to_display_span(t.start, t.end) for t in tokens]
        starts = [s for s, _ in display_spans]
        ends = [e for _, e in display_spans]
        article_rule_tags = _tags_from_spans(
            len(tokens), _mention_spans(starts, ends, rule_mentions(nt) if rules is None else rules)
        )
        spans: set[tuple[str, int, int]] = set()
        for first, last in _sentences(nt, tokens):
            words = [nt.display[starts[k] : ends[k]] for k in range(first, last)]
            found = self.confident_spans(words, article_rule_tags[first:last], threshold)
            spans |= {(entity_type, a + first, b + first) for entity_type, a, b in found}
        spans |= _repeats([t.text for t in tokens], spans)
        mentions = []
        for entity_type, a, b in sorted(spans, key=lambda s: (s[1], s[2])):
            start, end = starts[a], ends[b - 1]
            normalized = nt.text[tokens[a].start : tokens[b - 1].end]
            mentions.append(
                Mention(entity_type, start, end, nt.display[start:end], normalized, attrs={"cue": "crf"})
            )
        return mentions

    def add_mentions(self, rules: list[Mention], tagged: list[Mention]) -> list[Mention]:
        """`add_tagger_mentions` with this model's tuned overlap policy."""
        return add_tagger_mentions(rules, tagged, longer_span_wins=self.longer_span_wins)


def span_confidences(tagger: pycrfsuite.Tagger, features: list[list[str]]) -> list[tuple[Span, float]]:
    """The spans of the best tag sequence, each with the lowest marginal probability of its tags:
    a span is as sure as its least sure token."""
    tags = tagger.tag(features)
    return [
        (span, min(tagger.marginal(tags[k], k) for k in range(span[1], span[2])))
        for span in sorted(bio_spans(list(tags), "conll"), key=lambda s: (s[1], s[2]))
    ]


def merge_spans(
    rules: list[tuple[int, int]], tagged: list[tuple[int, int]], longer_span_wins: bool = False
) -> tuple[list[int], set[int]]:
    """Which tagged spans join the rules' (indices into `tagged`) and which rule spans they replace.

    A tagged span that overlaps no rule span is added. With `longer_span_wins`, one that strictly
    contains every rule span it overlaps replaces them (the rules cut a name short); otherwise rules win.
    """
    order = sorted(range(len(rules)), key=lambda k: rules[k])
    starts = [rules[k][0] for k in order]
    max_end_before: list[int] = []
    reach = -1
    for k in order:
        reach = max(reach, rules[k][1])
        max_end_before.append(reach)
    kept, replaced = [], set()
    for index, (start, end) in enumerate(tagged):
        k = bisect.bisect_left(starts, end)  # rule spans starting before this one ends
        if not (k and max_end_before[k - 1] > start):
            kept.append(index)
            continue
        if not longer_span_wins:
            continue
        overlapped = [order[j] for j in range(k) if rules[order[j]][1] > start]
        if all(start <= rules[r][0] and rules[r][1] <= end and rules[r] != (start, end) for r in overlapped):
            kept.append(index)
            replaced.update(overlapped)
    return kept, replaced


def combine_spans(
    rules: list[tuple[Span, Span]], tagged: set[Span], longer_span_wins: bool = False
) -> set[Span]:
    """Token spans of rules + tagger, merged as add_tagger_mentions merges mentions: `rules` are
    (mention span, scored span) pairs, overlaps are judged on the first and the second is kept."""
    tagged_list = sorted(tagged)
    kept, replaced = merge_spans(
        [(a, b) for (_, a, b), _ in rules], [(a, b) for _, a, b in tagged_list], longer_span_wins
    )
    return {scored for k, (_, scored) in enumerate(rules) if k not in replaced} | {
        tagged_list[k] for k in kept
    }


def _repeats(words: list[str], spans: set[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    """Other occurrences in the article of a name the model tagged once (and of a tagged person's
    last name alone), which the model missed because their sentence gave it too little context."""
    names: dict[tuple[str, ...], str] = {}
    for entity_type, first, last in spans:
        names.setdefault(tuple(words[first:last]), entity_type)
        surname = words[last - 1]
        if entity_type == "PERSON" and last - first >= 2 and len(surname) >= 3:
            names.setdefault((surname,), "PERSON")
    stopwords = reference.name_stopwords()
    names = {k: v for k, v in names.items() if len(k) > 1 or (len(k[0]) >= 3 and k[0] not in stopwords)}
    covered = [False] * (len(words) + 1)
    for _, first, last in spans:
        covered[first:last] = [True] * (last - first)
    found = set()
    longest = max((len(k) for k in names), default=0)
    k = 0
    while k < len(words):
        for size in range(min(longest, len(words) - k), 0, -1):
            key = tuple(words[k : k + size])
            if key in names and not any(covered[k : k + size]):
                found.add((names[key], k, k + size))
                k += size - 1
                break
        k += 1
    return found


def _sentences(nt: NormalizedText, tokens: list) -> list[tuple[int, int]]:
    """Token index ranges of sentences: split after final punctuation and at line breaks."""
    ranges, first = [], 0
    for k, token in enumerate(tokens):
        line_break = k + 1 < len(tokens) and "\n" in nt.text[token.end : tokens[k + 1].start]
        if token.text in _SENTENCE_BREAKS or line_break:
            ranges.append((first, k + 1))
            first = k + 1
    if first < len(tokens):
        ranges.append((first, len(tokens)))
    return ranges


def add_tagger_mentions(
    rules: list[Mention], tagged: list[Mention], longer_span_wins: bool = False
) -> list[Mention]:
    """The rule mentions plus every tagger mention that overlaps none of them (rules win); with
    `longer_span_wins`, a tagger name that strictly contains the PERSON/ORG/LOC rule mentions it
    overlaps (and overlaps no other mention) replaces them."""
    spanned = [m for m in rules if m.end > m.start]
    names, candidates = spanned, tagged
    if longer_span_wins:
        names = [m for m in spanned if m.entity_type in TYPES]
        others = [(m.start, m.end) for m in spanned if m.entity_type not in TYPES]
        free, _ = merge_spans(others, [(m.start, m.end) for m in tagged])
        candidates = [tagged[k] for k in free]
    kept, replaced = merge_spans(
        [(m.start, m.end) for m in names], [(m.start, m.end) for m in candidates], longer_span_wins
    )
    dropped = {id(names[k]) for k in replaced}
    return [*(m for m in rules if id(m) not in dropped), *(candidates[k] for k in kept)]


def settings_path(model_path: Path) -> Path:
    """The settings tuned with a model (confidence threshold, overlap policy): NAME.tagger.json."""
    model_path = Path(model_path)
    return model_path.with_name(f"{model_path.stem}.tagger.json")


def clusters_path(model_path: Path) -> Path:
    """The word-cluster table saved beside a model trained with clusters (ner_crf.clusters.tsv)."""
    model_path = Path(model_path)
    return model_path.with_name(f"{model_path.stem}.clusters.tsv")


@cache
def _cached_tagger(model_path: Path, mtime: float) -> CrfTagger:
    """One tagger per model file; `mtime` is only part of the cache key, so a retrained model reloads."""
    return CrfTagger(model_path)


def load_default_tagger(model_path: Path | None = None) -> CrfTagger | None:
    """The trained tagger (default data/models/ner_crf.model), loaded once per process; None if absent."""
    path = Path(model_path or DEFAULT_MODEL)
    if not path.is_file():
        return None
    return _cached_tagger(path, path.stat().st_mtime)


# --- training ------------------------------------------------------------------------------------
def _is_place_name(word: str) -> bool:
    norm = normalize_text(word)
    stem = strip_clitics(norm)
    names = _lexicons().place_names
    return norm in names or stem in names or "ال" + stem in names


def _is_group_plural(word: str) -> bool:
    """A definite plural such as المسلمين or الفرنسيون: a community, not a named person."""
    norm = normalize_text(word)
    stem = strip_clitics(norm)
    return stem != norm and len(stem) >= 5 and stem.endswith(("ين", "ون"))


def _is_plural_stem(stem: str) -> bool:
    return len(stem) >= 4 and stem.endswith(("ين", "ون"))


def group_words(clusters: WordClusters | None) -> frozenset[str]:
    """Stems whose word cluster is mostly sound plurals (مسلمين, امريكيين): communities, including
    broken plurals such as عرب or شيعه that no suffix test finds."""
    if clusters is None:
        return frozenset()
    return clusters.words_of_clusters_where(_is_plural_stem, GROUP_CLUSTER_SHARE)


def harmonize_spans(
    tokens: list[str], spans: set[tuple[str, int, int]], groups: frozenset[str] = frozenset()
) -> set[tuple[str, int, int]]:
    """Map corpus conventions onto our types: a one-word ORG that is a known place (Wojood tags a
    country acting as an agent as ORG) is LOC, as in our tables; a one-word PERSON that is a
    definite plural or one of `groups` (AQMAR tags communities as PER) is no person, as NewsFANE's
    Group is dropped."""
    out = set()
    for entity_type, first, last in spans:
        one_word = last - first == 1
        if one_word and entity_type == "ORG" and _is_place_name(tokens[first]):
            entity_type = "LOC"
        if (
            one_word
            and entity_type == "PERSON"
            and (_is_group_plural(tokens[first]) or word_stem(tokens[first]) in groups)
        ):
            continue
        out.add((entity_type, first, last))
    return out


Sequence = tuple[list[list[str]], list[str], list[tuple[Span, Span]]]  # features, gold, rule spans


def _training_sequences(
    corpora: list[tuple[Path, str]], clusters: WordClusters | None = None
) -> list[Sequence]:
    sequences = []
    groups = group_words(clusters)
    for path, fmt in corpora:
        for sentence in read_bio(Path(path), fmt):
            tokens = [token for token, _ in sentence]
            spans = harmonize_spans(tokens, bio_spans([tag for _, tag in sentence], fmt), groups)
            labels = _tags_from_spans(len(tokens), spans)
            rules, rule_spans = rule_tags_and_spans(tokens)
            sequences.append((sentence_features(tokens, rules, clusters), labels, rule_spans))
    return sequences


def silver_sentences(
    texts: Iterable[str], max_articles: int, progress: Progress | None = None
) -> list[tuple[list[str], list[str]]]:
    """Sentences of unlabelled news labelled by the rule finders: (display words, BIO tags) for each
    sentence with at least one PERSON/ORG/LOC mention, from `max_articles` texts spread evenly over
    `texts` (news dumps are often sorted by outlet and section).

    Words are the tokens find_entities tags; a mention's span is the one the evaluation scores (the
    place inside a region phrase, the name after a class noun such as صحيفة)."""
    from tahqiq.evaluate.ner import scored_span

    say = progress or (lambda _message: None)
    began = time.perf_counter()
    articles = [text for text in texts if text.strip()]
    step = max(1.0, len(articles) / max_articles) if max_articles > 0 else 1.0
    chosen = [articles[int(k * step)] for k in range(min(max_articles, len(articles)))]
    out: list[tuple[list[str], list[str]]] = []
    for n_articles, text in enumerate(chosen, start=1):
        nt = normalize(text)
        tokens = [t for t in tokenize(nt) if t.text != "\n"]
        display_spans = [nt.to_display_span(t.start, t.end) for t in tokens]
        starts = [s for s, _ in display_spans]
        ends = [e for _, e in display_spans]
        scored = []
        for m in rule_mentions(nt):
            start, end = scored_span(m)
            scored.append(Mention(m.entity_type, start, end, nt.display[start:end], m.normalized))
        tags = _tags_from_spans(len(tokens), _mention_spans(starts, ends, scored))
        for first, last in _sentences(nt, tokens):
            if last - first <= SILVER_MAX_TOKENS and any(tag != "O" for tag in tags[first:last]):
                out.append(([nt.display[starts[k] : ends[k]] for k in range(first, last)], tags[first:last]))
        if n_articles % 500 == 0:
            say(
                f"  silver: {n_articles} articles, {len(out)} sentences in {time.perf_counter() - began:.0f}s"
            )
    say(
        f"silver: {len(out)} sentences with a name from {len(chosen)} articles in {time.perf_counter() - began:.0f}s"
    )
    return out


def _silver_sequences(
    silver: list[tuple[list[str], list[str]]], clusters: WordClusters | None, rule_features: bool
) -> list[Sequence]:
    """Training sequences of silver sentences. Their labels are the rule tags, so with
    `rule_features` false the rule-tag features read O: the model must learn the names from their
    words and contexts instead of copying the rule feature."""
    sequences = []
    for tokens, tags in silver:
        rules = tags if rule_features else ["O"] * len(tokens)
        sequences.append((sentence_features(tokens, rules, clusters), tags, []))
    return sequences


def _fit(sequences: list[Sequence], c1: float, c2: float, model_path: Path, max_iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels, _ in sequences:
        trainer.append(features, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
        }
    )
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def score_sequences(model_path: Path, sequences: list[Sequence]) -> dict:
    """Exact-span precision, recall and F1 per type and micro of a model on labelled sequences."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    pairs = [
        (bio_spans(labels, "conll"), bio_spans(list(tagger.tag(features)), "conll"))
        for features, labels, _ in sequences
    ]
    return _span_scores(pairs)


def _span_scores(pairs: Iterable[tuple[set[Span], set[Span]]]) -> dict:
    """Precision, recall and F1 per type and micro over (gold spans, predicted spans) pairs."""
    counts = {t: [0, 0, 0] for t in TYPES}
    for gold, predicted in pairs:
        for t in TYPES:
            g = {s for s in gold if s[0] == t}
            p = {s for s in predicted if s[0] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p - g)
            counts[t][2] += len(g - p)
    scores = {t: _prf(*counts[t]) for t in TYPES}
    scores["micro"] = _prf(*(sum(counts[t][k] for t in TYPES) for k in range(3)))
    return scores


def tune_combination(
    model_path: Path, held_out: list[Sequence], grid: tuple[float, ...] = CONFIDENCE_GRID
) -> list[dict]:
    """Held-out micro F1 of rules + tagger for each confidence threshold and overlap policy, the
    way rules_and_tagger combines them and the evaluation scores them."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    sentences = [
        (bio_spans(labels, "conll"), rules, span_confidences(tagger, features))
        for features, labels, rules in held_out
    ]
    trials = []
    for longer_span_wins in (False, True):
        for threshold in grid:
            scores = _span_scores(
                (gold, combine_spans(rules, {s for s, p in tagged if p >= threshold}, longer_span_wins))
                for gold, rules, tagged in sentences
            )
            trials.append(
                {"min_confidence": threshold, "longer_span_wins": longer_span_wins, "held_out": scores}
            )
    return trials


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def train(
    corpora: list[tuple[Path, str]],
    model_path: Path,
    *,
    grid: tuple[tuple[float, float], ...] = C_GRID,
    max_iterations: int = MAX_ITERATIONS,
    max_sentences: int | None = None,
    clusters: WordClusters | None = None,
    silver: list[tuple[list[str], list[str]]] | None = None,
    silver_rule_features: bool = False,
    tune_longer_spans: bool = False,
    progress: Progress | None = None,
    seed: int = 0,
) -> dict:
    """Train on BIO corpora [(path, format)], tune c1/c2 on a held-out split, save the model.

    Returns the held-out scores of every (c1, c2) tried, the chosen pair, sizes and timings.
    `max_sentences` subsamples the training sentences (for quick runs). With `clusters` (see
    word_clusters.build_clusters) the model uses them as features and the table is saved beside it.
    `silver` sentences (see silver_sentences) join the fitting sentences, never the held-out ones.
    On the held-out split of the chosen (c1, c2), the confidence threshold and overlap policy that
    give rules + tagger the best micro F1 are saved beside the model (settings_path); letting longer
    tagger spans win is only chosen with `tune_longer_spans` (it wins on the Wikipedia-like held-out
    split, whose span conventions differ from ours, and loses on news).
    """
    say = progress or (lambda _message: None)
    began = time.perf_counter()
    model_path = Path(model_path)
    sequences = _training_sequences(corpora, clusters)
    random.Random(seed).shuffle(sequences)
    if max_sentences:
        sequences = sequences[:max_sentences]
    if len(sequences) < 2:
        raise ValueError("need at least two labelled sentences to train")
    n_held = max(1, int(len(sequences) * HELD_OUT_SHARE))
    held_out, fitting = sequences[:n_held], sequences[n_held:]
    n_tokens = sum(len(labels) for _, labels, _ in sequences)
    say(
        f"features for {len(sequences)} sentences, {n_tokens} tokens in {time.perf_counter() - began:.1f}s; "
        f"held out {len(held_out)} sentences"
    )
    silver_sequences = _silver_sequences(silver or [], clusters, silver_rule_features)
    if silver_sequences:
        fitting = fitting + silver_sequences
        say(f"plus {len(silver_sequences)} silver sentences for fitting")

    trials = []
    scratch = model_path.with_name(model_path.name + ".tuning")
    for c1, c2 in grid:
        started = time.perf_counter()
        _fit(fitting, c1, c2, scratch, max_iterations)
        scores = score_sequences(scratch, held_out)
        combinations = tune_combination(scratch, held_out)
        trials.append(
            {
                "c1": c1,
                "c2": c2,
                "held_out": scores,
                "combinations": combinations,
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
        say(
            f"c1={c1} c2={c2}: held-out micro F1 {scores['micro']['f1']:.3f} "
            f"(P {scores['micro']['precision']:.3f} R {scores['micro']['recall']:.3f}) "
            f"in {trials[-1]['seconds']}s"
        )
    scratch.unlink(missing_ok=True)
    best = max(trials, key=lambda t: t["held_out"]["micro"]["f1"])
    untuned = best["combinations"][0]
    allowed = [c for c in best["combinations"] if tune_longer_spans or not c["longer_span_wins"]]
    combination = max(allowed, key=lambda t: t["held_out"]["micro"]["f1"])
    say(
        f"rules + tagger on held-out: micro F1 {untuned['held_out']['micro']['f1']:.3f} adding every span, "
        f"{combination['held_out']['micro']['f1']:.3f} with confidence >= {combination['min_confidence']}"
        f"{' and longer tagger spans winning' if combination['longer_span_wins'] else ''}"
    )

    started = time.perf_counter()
    _fit(sequences + silver_sequences, best["c1"], best["c2"], model_path, max_iterations)
    settings = {k: combination[k] for k in ("min_confidence", "longer_span_wins")}
    settings_path(model_path).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    table = clusters_path(model_path)
    if clusters:
        clusters.save(table)
    else:
        table.unlink(missing_ok=True)  # a stale table would give this model features it never saw
    say(
        f"refit on all {len(sequences) + len(silver_sequences)} sentences with c1={best['c1']} c2={best['c2']} "
        f"in {time.perf_counter() - started:.1f}s -> {model_path}"
    )
    _cached_tagger.cache_clear()
    return {
        "model_path": str(model_path),
        "clusters_path": str(table) if clusters else None,
        "sentences": len(sequences),
        "silver_sentences": len(silver_sequences),
        "tokens": n_tokens,
        "held_out_sentences": len(held_out),
        "trials": trials,
        "c1": best["c1"],
        "c2": best["c2"],
        "held_out": best["held_out"],
        "combination": combination,
        "settings_path": str(settings_path(model_path)),
        "seconds": round(time.perf_counter() - began, 1),
    }


def rules_and_tagger(tagger: CrfTagger) -> Callable[[NormalizedText], list[Mention]]:
    """An extractor giving the rules' PERSON/ORG/LOC mentions plus the tagger's where rules found none."""

    def extract(nt: NormalizedText) -> list[Mention]:
        rules = rule_mentions(nt)
        return tagger.add_mentions(rules, tagger.find_entities(nt, rules))

    return extract
