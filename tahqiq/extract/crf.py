"""A CRF tagger for PERSON / ORG / LOC that users train on their own BIO corpora.

The rules find few names but with structure; the tagger finds more names from context. Each token
is described by its form (normalized, affixes, clitic-stripped), its shape, the reference lexicons
and the BIO tag our rule finders give it, plus the same for its neighbours. Training tunes the
L-BFGS penalties (c1, c2) on a held-out part of the training sentences, then refits on all of them.
"""

from __future__ import annotations

import bisect
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
MAX_ITERATIONS = 80
_SENTENCE_BREAKS = SENTENCE_END | {"?", "!"}
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")

Progress = Callable[[str], None]


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
    starts, ends, position = [], [], 0
    for token in tokens:
        starts.append(position)
        ends.append(position + len(token))
        position += len(token) + 1
    mentions = rule_mentions(normalize(" ".join(tokens)))
    return _tags_from_spans(len(tokens), _mention_spans(starts, ends, mentions))


# --- the tagger ----------------------------------------------------------------------------------
class CrfTagger:
    """A trained model: BIO tags for token lists, Mentions with display offsets for articles."""

    def __init__(self, model_path: Path) -> None:
        self.model_path = Path(model_path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        table = clusters_path(self.model_path)
        self.clusters = WordClusters.load(table) if table.is_file() else None

    def tag(self, tokens: list[str], rules: list[str] | None = None) -> list[str]:
        """PERSON/ORG/LOC BIO tags; `rules` are the rule finders' tags when already known."""
        if not tokens:
            return []
        return list(
            self._tagger.tag(
                sentence_features(tokens, rule_tags(tokens) if rules is None else rules, self.clusters)
            )
        )

    def find_entities(self, nt: NormalizedText, rules: list[Mention] | None = None) -> list[Mention]:
        """PERSON/ORG/LOC mentions the model finds in an article (attrs {"cue": "crf"})."""
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
            spans |= bio_spans(self.tag(words, article_rule_tags[first:last]), "conll", first)
        spans |= _repeats([t.text for t in tokens], spans)
        mentions = []
        for entity_type, a, b in sorted(spans, key=lambda s: (s[1], s[2])):
            start, end = starts[a], ends[b - 1]
            normalized = nt.text[tokens[a].start : tokens[b - 1].end]
            mentions.append(
                Mention(entity_type, start, end, nt.display[start:end], normalized, attrs={"cue": "crf"})
            )
        return mentions


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


def add_tagger_mentions(rules: list[Mention], tagged: list[Mention]) -> list[Mention]:
    """The rule mentions plus every tagger mention that overlaps none of them (rules win)."""
    taken = sorted((m.start, m.end) for m in rules if m.end > m.start)
    starts = [s for s, _ in taken]
    max_end_before: list[int] = []
    reach = -1
    for _, end in taken:
        reach = max(reach, end)
        max_end_before.append(reach)
    kept = []
    for m in tagged:
        k = bisect.bisect_left(starts, m.end)  # rule spans starting before m ends
        if k and max_end_before[k - 1] > m.start:
            continue
        kept.append(m)
    return [*rules, *kept]


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


def _training_sequences(
    corpora: list[tuple[Path, str]], clusters: WordClusters | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    sequences = []
    groups = group_words(clusters)
    for path, fmt in corpora:
        for sentence in read_bio(Path(path), fmt):
            tokens = [token for token, _ in sentence]
            spans = harmonize_spans(tokens, bio_spans([tag for _, tag in sentence], fmt), groups)
            labels = _tags_from_spans(len(tokens), spans)
            sequences.append((sentence_features(tokens, rule_tags(tokens), clusters), labels))
    return sequences


def _fit(sequences, c1: float, c2: float, model_path: Path, max_iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
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


def score_sequences(model_path: Path, sequences) -> dict:
    """Exact-span precision, recall and F1 per type and micro of a model on labelled sequences."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    counts = {t: [0, 0, 0] for t in TYPES}
    for features, labels in sequences:
        gold = bio_spans(labels, "conll")
        predicted = bio_spans(list(tagger.tag(features)), "conll")
        for t in TYPES:
            g = {s for s in gold if s[0] == t}
            p = {s for s in predicted if s[0] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p - g)
            counts[t][2] += len(g - p)
    scores = {t: _prf(*counts[t]) for t in TYPES}
    scores["micro"] = _prf(*(sum(counts[t][k] for t in TYPES) for k in range(3)))
    return scores


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
    progress: Progress | None = None,
    seed: int = 0,
) -> dict:
    """Train on BIO corpora [(path, format)], tune c1/c2 on a held-out split, save the model.

    Returns the held-out scores of every (c1, c2) tried, the chosen pair, sizes and timings.
    `max_sentences` subsamples the training sentences (for quick runs). With `clusters` (see
    word_clusters.build_clusters) the model uses them as features and the table is saved beside it.
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
    n_tokens = sum(len(labels) for _, labels in sequences)
    say(
        f"features for {len(sequences)} sentences, {n_tokens} tokens in {time.perf_counter() - began:.1f}s; "
        f"held out {len(held_out)} sentences"
    )

    trials = []
    scratch = model_path.with_name(model_path.name + ".tuning")
    for c1, c2 in grid:
        started = time.perf_counter()
        _fit(fitting, c1, c2, scratch, max_iterations)
        scores = score_sequences(scratch, held_out)
        trials.append(
            {"c1": c1, "c2": c2, "held_out": scores, "seconds": round(time.perf_counter() - started, 1)}
        )
        say(
            f"c1={c1} c2={c2}: held-out micro F1 {scores['micro']['f1']:.3f} "
            f"(P {scores['micro']['precision']:.3f} R {scores['micro']['recall']:.3f}) "
            f"in {trials[-1]['seconds']}s"
        )
    scratch.unlink(missing_ok=True)
    best = max(trials, key=lambda t: t["held_out"]["micro"]["f1"])

    started = time.perf_counter()
    _fit(sequences, best["c1"], best["c2"], model_path, max_iterations)
    table = clusters_path(model_path)
    if clusters:
        clusters.save(table)
    else:
        table.unlink(missing_ok=True)  # a stale table would give this model features it never saw
    say(
        f"refit on all {len(sequences)} sentences with c1={best['c1']} c2={best['c2']} "
        f"in {time.perf_counter() - started:.1f}s -> {model_path}"
    )
    _cached_tagger.cache_clear()
    return {
        "model_path": str(model_path),
        "clusters_path": str(table) if clusters else None,
        "sentences": len(sequences),
        "tokens": n_tokens,
        "held_out_sentences": len(held_out),
        "trials": trials,
        "c1": best["c1"],
        "c2": best["c2"],
        "held_out": best["held_out"],
        "seconds": round(time.perf_counter() - began, 1),
    }


def rules_and_tagger(tagger: CrfTagger) -> Callable[[NormalizedText], list[Mention]]:
    """An extractor giving the rules' PERSON/ORG/LOC mentions plus the tagger's where rules found none."""

    def extract(nt: NormalizedText) -> list[Mention]:
        rules = rule_mentions(nt)
        return add_tagger_mentions(rules, tagger.find_entities(nt, rules))

    return extract
