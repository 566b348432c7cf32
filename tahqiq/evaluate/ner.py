"""Named-entity evaluation of our extractors (or a token tagger) on BIO corpora, exact span match.

Gold tokens are joined with single spaces into documents of a few sentences; our finders run on that
text and each predicted character span is read as the range of tokens it touches, so a prediction
counts only when its token range and type equal a gold span's (clitics attached to a gold token do
not make it a miss). Scores are per type (PERSON, ORG, LOC) plus micro over the three.

Fine-grained labels are mapped to our three types as follows (anything else is ignored on both sides
by being absent from the gold set; a prediction on such a span counts as a false positive).

NewsFANE / WikiFANE (ACE-style taxonomy, see the corpus Readme):
  PERSON <- Politician, Athlete, Artist, Businessperson, Scientist, Engineer, Lawyer, Police,
            Religious_PER, Other_PER (individual people; "Group" = nationalities and communities
            such as الصينيون is not a named person and is dropped)
  ORG    <- Government, Non-Governmental, Commercial, Educational, Media, Sports, Medical-Science,
            Entertainment, Religious_ORG
  LOC    <- Nation, Population-Center, State-or-Province, County-or-District, Continent, GPE-Cluster,
            Water-Body, Land-Region-Natural
  None   <- facilities (Building-Grounds, Airport, Path, Subarea-Facility), vehicles (Air, Land,
            Water), weapons (Projectile, ...), products (Book, Movie, Software, Hardware),
            Celestial, Group
AQMAR:  PER -> PERSON, ORG -> ORG, LOC -> LOC, MIS* -> None
Wojood: PERS -> PERSON, ORG -> ORG, GPE and LOC -> LOC, everything else (NORP, OCC, FAC, DATE, ...)
        -> None. Wojood is nested: each type is decoded on its own, so an ORG that contains a PERS
        yields both spans.
conll:  PER/PERS/PERSON -> PERSON, ORG -> ORG, LOC/GPE -> LOC.

Our conventions that differ from the corpora on purpose (spans are not tailored to any corpus):
- Region phrases ("جنوب لبنان", "ريف حلب الشرقي") are one LOC mention covering the phrase, because
  the pipeline needs the region; the corpora tag only the named place. A region mention carries
  attrs toponym_start/toponym_end (display offsets of the inner place) and is scored by that span.
- Organization spans are the natural head + complement ("وكالة الأنباء الفرنسية", "صحيفة الوطن");
  where the head is a class noun before the organization's own name (صحيفة الوطن, شركة نوكيا; see
  org_heads.csv role class_head) the mention marks that name (attrs name_start/name_end) and is
  scored by it, as NewsFANE and our own gold do; for other heads (مجلس, وزارة) the head is part of
  the name. NewsFANE's "الفرنسية" for وكالة الصحافة الفرنسية still counts as a miss.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from tahqiq.text.normalize import normalize

TYPES = ("PERSON", "ORG", "LOC")
FORMATS = ("newsfane", "aqmar", "wojood", "conll")
SENTENCE_FINAL = frozenset({".", "!", "?", "؟"})
DOCUMENT_CHARS = 3000
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\ufeff\r")

_NEWSFANE = {
    **dict.fromkeys(
        [
            "Politician",
            "Athlete",
            "Artist",
            "Businessperson",
            "Scientist",
            "Engineer",
            "Lawyer",
            "Police",
            "Religious_PER",
            "Other_PER",
        ],
        "PERSON",
    ),
    **dict.fromkeys(
        [
            "Government",
            "Non-Governmental",
            "Commercial",
            "Educational",
            "Media",
            "Sports",
            "Medical-Science",
            "Entertainment",
            "Religious_ORG",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        [
            "Nation",
            "Population-Center",
            "State-or-Province",
            "County-or-District",
            "Continent",
            "GPE-Cluster",
            "Water-Body",
            "Land-Region-Natural",
        ],
        "LOC",
    ),
}
_AQMAR = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_WOJOOD = {"PERS": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
_CONLL = {"PER": "PERSON", "PERS": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
_MAPS = {"newsfane": _NEWSFANE, "aqmar": _AQMAR, "wojood": _WOJOOD, "conll": _CONLL}

Sentence = list[tuple[str, str]]
Span = tuple[str, int, int]  # (type, first token, end token) over a document's tokens
Tagger = Callable[[list[str]], list[str]]


def map_label(fine: str, fmt: str) -> str | None:
    """PERSON / ORG / LOC for a fine-grained label (with or without its B-/I- prefix), else None."""
    if fine[:2] in ("B-", "I-"):
        fine = fine[2:]
    return _MAPS[fmt].get(fine)


# --- reading -------------------------------------------------------------------------------------
def _split_sentences(rows: Iterable[tuple[str, str] | None], final_punctuation: bool) -> list[Sentence]:
    sentences: list[Sentence] = []
    current: Sentence = []
    for row in rows:
        if row is None:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append(row)
        if final_punctuation and row[0] in SENTENCE_FINAL:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def _rows_whitespace(path: Path, keep_all_tags: bool) -> Iterable[tuple[str, str] | None]:
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        fields = raw.translate(_INVISIBLE).split()
        if not fields:
            yield None
        elif len(fields) == 1:
            yield (fields[0], "O")
        else:
            yield (fields[0], " ".join(fields[1:]) if keep_all_tags else fields[-1])


def _rows_newsfane(path: Path) -> Iterable[tuple[str, str] | None]:
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        token, _, tag = raw.translate(_INVISIBLE).partition("\t")
        token, tag = token.strip(), tag.strip()
        yield (token, tag or "O") if token else None


def _files(path: Path, pattern: str) -> list[Path]:
    if path.is_file():
        return [path]
    files = sorted(p for p in path.rglob(pattern) if p.is_file())
    return [p for p in files if p.name.upper() not in ("PROVENANCE.TXT", "LICENSE.TXT")]


def read_bio(path: Path, fmt: str) -> list[Sentence]:
    """Sentences of (token, tag) from a corpus file or folder; Wojood's nested tags are space-joined."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    path = Path(path)
    sentences: list[Sentence] = []
    if fmt == "newsfane":
        for file in _files(path, "*NewsFANE*.txt") or _files(path, "*.txt"):
            sentences += _split_sentences(_rows_newsfane(file), final_punctuation=True)
    elif fmt == "wojood":
        wojood_files = [p for p in _files(path, "*.txt") if p.stem in ("train", "val", "test")] or [path]
        for file in wojood_files:
            sentences += _split_sentences(_rows_whitespace(file, keep_all_tags=True), final_punctuation=False)
    else:
        for file in _files(path, "*.txt"):
            sentences += _split_sentences(
                _rows_whitespace(file, keep_all_tags=False), final_punctuation=False
            )
    return sentences


# --- spans ---------------------------------------------------------------------------------------
def bio_spans(tags: list[str], fmt: str, offset: int = 0) -> set[Span]:
    """Typed token spans from BIO tags; a token may carry several space-separated tags (nesting)."""
    spans: set[Span] = set()
    open_spans: dict[str, int] = {}  # fine type -> first token

    def close(fine: str, end: int) -> None:
        first = open_spans.pop(fine)
        coarse = map_label(fine, fmt)
        if coarse:
            spans.add((coarse, offset + first, offset + end))

    for index, field in enumerate(tags + ["O"]):
        current: dict[str, str] = {}
        for tag in field.split():
            if tag[:2] in ("B-", "I-"):
                current[tag[2:]] = tag[0]
        for fine in list(open_spans):
            if current.get(fine) != "I":
                close(fine, index)
        for fine, prefix in current.items():
            if fine not in open_spans:
                open_spans[fine] = index
            elif prefix == "B":
                close(fine, index)
                open_spans[fine] = index
    return spans


def _documents(sentences: list[Sentence]) -> Iterable[list[Sentence]]:
    batch: list[Sentence] = []
    size = 0
    for sentence in sentences:
        batch.append(sentence)
        size += sum(len(token) + 1 for token, _ in sentence)
        if size >= DOCUMENT_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _rule_finders() -> dict[str, Callable]:
    """Our rule extractors per type."""
    from tahqiq.extract.organizations import find_organizations
    from tahqiq.extract.people import find_people
    from tahqiq.extract.places import find_places

    return {"PERSON": find_people, "ORG": find_organizations, "LOC": find_places}


def scored_span(mention) -> tuple[int, int]:
    """A region phrase (جنوب لبنان) or a class noun + name (مدينة غزة) is scored by the named place
    inside it (لبنان, غزة); an organization behind its class noun (صحيفة الغارديان) by its own name."""
    attrs = mention.attrs or {}
    if mention.entity_type == "LOC" and "toponym_start" in attrs:
        return attrs["toponym_start"], attrs["toponym_end"]
    if mention.entity_type == "ORG" and "name_start" in attrs:
        return attrs["name_start"], attrs["name_end"]
    return mention.start, mention.end


def joined_offsets(tokens: list[str]) -> tuple[list[int], list[int]]:
    """Start and end offset of each token in `" ".join(tokens)`."""
    starts, ends, position = [], [], 0
    for token in tokens:
        starts.append(position)
        ends.append(position + len(token))
        position += len(token) + 1
    return starts, ends


def _predicted_spans(tokens: list[str], finders: dict[str, Callable]) -> set[Span]:
    """`finders` maps a type to a finder whose mentions of that type count; the key "*" to an
    extractor whose PERSON/ORG/LOC mentions all count."""
    starts, ends = joined_offsets(tokens)
    nt = normalize(" ".join(tokens))
    spans: set[Span] = set()
    for entity_type, finder in finders.items():
        for mention in finder(nt):
            if mention.entity_type not in (TYPES if entity_type == "*" else (entity_type,)):
                continue
            start, end = scored_span(mention)
            if end <= start:
                continue
            first = bisect.bisect_right(ends, start)
            last = bisect.bisect_left(starts, end)
            if first < last:
                spans.add((mention.entity_type, first, last))
    return spans


def _scores(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def evaluate_ner(
    path: Path, fmt: str, tagger: Tagger | None = None, extractor: Callable | None = None
) -> dict:
    """Exact-span scores per type and micro; `tagger` (tokens -> BIO tags over PERSON/ORG/LOC) or
    `extractor` (NormalizedText -> Mentions, e.g. rules + a trained tagger) replaces our rule
    extractors when given."""
    sentences = read_bio(path, fmt)
    finders = {} if tagger else {"*": extractor} if extractor else _rule_finders()
    gold: set[tuple[int, Span]] = set()
    predicted: set[tuple[int, Span]] = set()
    n_tokens = 0
    for doc_index, document in enumerate(_documents(sentences)):
        tokens: list[str] = []
        for sentence in document:
            sentence_tokens = [token for token, _ in sentence]
            gold |= {(doc_index, s) for s in bio_spans([tag for _, tag in sentence], fmt, len(tokens))}
            if tagger:
                predicted |= {
                    (doc_index, s) for s in bio_spans(tagger(sentence_tokens), "conll", len(tokens))
                }
            tokens += sentence_tokens
        if not tagger:
            predicted |= {(doc_index, s) for s in _predicted_spans(tokens, finders)}
        n_tokens += len(tokens)
    result: dict = {
        "corpus": str(path),
        "format": fmt,
        "sentences": len(sentences),
        "tokens": n_tokens,
        "tagger": bool(tagger),
        "system": "tagger" if tagger else "rules + tagger" if extractor else "rule extractors",
    }
    totals = [0, 0, 0]
    for entity_type in TYPES:
        g = {s for s in gold if s[1][0] == entity_type}
        p = {s for s in predicted if s[1][0] == entity_type}
        counts = (len(g & p), len(p - g), len(g - p))
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        result[entity_type] = _scores(*counts)
    result["micro"] = _scores(*totals)
    return result


def format_ner_report(result: dict) -> str:
    lines = [
        f"NER evaluation on {result['corpus']} ({result['format']}): {result['sentences']} sentences, "
        f"{result['tokens']} tokens, {result['system']}",
        f"{'type':8} {'tp':>6} {'fp':>6} {'fn':>6} {'prec':>6} {'rec':>6} {'f1':>6}",
    ]
    for key in (*TYPES, "micro"):
        s = result[key]
        lines.append(
            f"{key:8} {s['tp']:6d} {s['fp']:6d} {s['fn']:6d} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}"
        )
    return "\n".join(lines)


def cli(corpus: Path, fmt: str, model: Path | None = None) -> int:
    """Scores of the rules, or of rules + the CRF tagger when `model` is given or the default
    model (data/models/ner_crf.model) exists."""
    from tahqiq.extract import crf

    if not Path(corpus).exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    if model is not None and not Path(model).is_file():
        print(f"model not found: {model}", file=sys.stderr)
        return 2
    tagger = crf.load_default_tagger(Path(model)) if model else crf.load_default_tagger()
    extractor = crf.rules_and_tagger(tagger) if tagger else None
    print(format_ner_report(evaluate_ner(Path(corpus), fmt, extractor=extractor)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score our NER rules on a BIO corpus (exact span match).")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("--model", type=Path, help="CRF model (default data/models/ner_crf.model if present)")
    args = parser.parse_args(argv)
    return cli(args.corpus, args.format, args.model)


if __name__ == "__main__":
    raise SystemExit(main())
