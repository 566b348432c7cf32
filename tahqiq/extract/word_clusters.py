"""Word clusters learned from unlabelled news, as features that carry the CRF tagger across domains.

A tagger trained on Wikipedia-like sentences has never seen most names of a news corpus, but it has
seen words that occur in the same contexts. Each frequent word (normalized and clitic-stripped like
the tagger's `stem=` feature) is described by the words at each position within ±2 of it (PPMI of
position-specific counts), reduced to a dense vector by randomized truncated SVD and grouped by
k-means into a coarse and a fine partition. The tagger then sees the cluster ids of a word and its
neighbours, shared by words of the training data and of the news it tags.
"""

from __future__ import annotations

import gzip
import json
import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from tahqiq.extract.tokens import _TOKEN
from tahqiq.text.normalize import normalize_text

VOCABULARY = 40_000
CONTEXTS = 10_000
WINDOW = (-2, -1, 1, 2)
DIMENSIONS = 100
COARSE = 256
FINE = 1024
CONTEXT_SMOOTHING = 0.75  # raises rare contexts' probability so they do not dominate PMI
_NUMBER = "<num>"
_ARTICLE_PREFIXES = ("ال", "وال", "بال", "لل", "فال", "كال")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class WordClusters:
    """Cluster ids and corpus statistics per word (keys are clitic-stripped normalized words)."""

    coarse: dict[str, int]
    fine: dict[str, int]
    band: dict[str, int]  # floor(log2(count in the unlabelled corpus))
    definite: dict[str, int]  # how often the word carries the article, 0 (never) to 3 (nearly always)
    cued: dict[str, int]  # how often a cue word (title, speech verb) precedes it, 0 to 3

    def features(self, stem: str) -> tuple[str, ...]:
        """CRFsuite attributes of one word; empty for a word the unlabelled corpus lacked."""
        if stem[:1].isdigit():
            stem = _NUMBER
        if stem not in self.fine:
            return ()
        return (
            f"c{COARSE}={self.coarse[stem]}",
            f"c{FINE}={self.fine[stem]}",
            f"fb={self.band[stem]}",
            f"def={self.definite[stem]}",
            f"cue={self.cued[stem]}",
        )

    def words_of_clusters_where(self, predicate: Callable[[str], bool], share: float) -> frozenset[str]:
        """Words of the fine clusters in which at least `share` of the words satisfy `predicate`."""
        members: dict[int, list[str]] = {}
        for word, cluster in self.fine.items():
            members.setdefault(cluster, []).append(word)
        return frozenset(
            word
            for words in members.values()
            if sum(map(predicate, words)) >= share * len(words)
            for word in words
        )

    def save(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = ["word\tcoarse\tfine\tband\tdefinite\tcued"]
        rows += [
            f"{w}\t{self.coarse[w]}\t{self.fine[w]}\t{self.band[w]}\t{self.definite[w]}\t{self.cued[w]}"
            for w in self.fine
        ]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> WordClusters:
        columns: list[dict[str, int]] = [{}, {}, {}, {}, {}]
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            word, *values = line.split("\t")
            for column, value in zip(columns, values, strict=True):
                column[word] = int(value)
        coarse, fine, band, definite, cued = columns
        return cls(coarse=coarse, fine=fine, band=band, definite=definite, cued=cued)


# --- reading the unlabelled corpus ---------------------------------------------------------------
def iter_texts(path: Path, max_documents: int | None = None) -> Iterator[str]:
    """Documents of a JSONL file (optionally .gz) with a "text" field, a .txt file or a folder of .txt."""
    path = Path(path)
    if path.is_dir():
        files: Iterable[Path] = sorted(path.rglob("*.txt"))
        texts: Iterable[str] = (f.read_text(encoding="utf-8", errors="replace") for f in files)
    elif path.name.endswith((".jsonl", ".jsonl.gz")):
        texts = _jsonl_texts(path)
    else:
        texts = iter([path.read_text(encoding="utf-8", errors="replace")])
    for n, text in enumerate(texts):
        if max_documents is not None and n >= max_documents:
            return
        yield text


def _jsonl_texts(path: Path) -> Iterator[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line).get("text") or ""


class _Corpus:
    """The unlabelled corpus as one array of word ids, -1 between documents."""

    def __init__(self, texts: Iterable[str], stem: Callable[[str], str], progress: Progress) -> None:
        ids: dict[str, int] = {}
        counts: list[int] = []
        definite: list[int] = []
        chunks: list[np.ndarray] = []
        began = time.perf_counter()
        n_docs = n_tokens = 0
        for text in texts:
            doc = []
            for token in _TOKEN.findall(normalize_text(text)):
                key = _NUMBER if token[0].isdigit() else stem(token)
                k = ids.get(key)
                if k is None:
                    k = ids[key] = len(counts)
                    counts.append(0)
                    definite.append(0)
                counts[k] += 1
                if token.startswith(_ARTICLE_PREFIXES):
                    definite[k] += 1
                doc.append(k)
            doc.append(-1)
            chunks.append(np.asarray(doc, dtype=np.int32))
            n_docs += 1
            n_tokens += len(doc) - 1
            if n_docs % 5000 == 0:
                progress(
                    f"  read {n_docs} documents, {n_tokens} tokens in {time.perf_counter() - began:.0f}s"
                )
        self.words = list(ids)
        self.counts = np.asarray(counts, dtype=np.int64)
        self.definite = np.asarray(definite, dtype=np.int64)
        self.ids = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)
        self.n_documents = n_docs
        self.n_tokens = n_tokens


# --- vectors and clusters ------------------------------------------------------------------------
def _cooccurrences(ranks: np.ndarray, n_rows: int, n_contexts: int) -> sparse.csr_matrix:
    """Counts of (word rank < n_rows, context rank < n_contexts at offset o) for each o in WINDOW;
    column = offset index * n_contexts + context rank. `ranks` is -1 at document ends."""
    segment = np.cumsum(ranks < 0)
    blocks = []
    n = len(ranks)
    for o in WINDOW:
        target = ranks[max(0, -o) : n - max(0, o)]
        context = ranks[max(0, o) : n - max(0, -o)]
        same_doc = segment[max(0, -o) : n - max(0, o)] == segment[max(0, o) : n - max(0, -o)]
        keep = same_doc & (target >= 0) & (target < n_rows) & (context >= 0) & (context < n_contexts)
        keys = target[keep].astype(np.int64) * n_contexts + context[keep]
        unique, count = np.unique(keys, return_counts=True)
        blocks.append(
            sparse.csr_matrix(
                (count.astype(np.float32), (unique // n_contexts, unique % n_contexts)),
                shape=(n_rows, n_contexts),
            )
        )
    return sparse.hstack(blocks, format="csr")


def _ppmi(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Positive PMI with context-distribution smoothing (Levy, Goldberg & Dagan 2015)."""
    counts = counts.tocoo()
    row_totals = np.asarray(counts.sum(axis=1)).ravel()
    column_weights = np.asarray(counts.sum(axis=0)).ravel() ** CONTEXT_SMOOTHING
    column_share = column_weights / column_weights.sum()
    pmi = (
        np.log(counts.data)
        - np.log(row_totals[counts.row])
        - np.log(np.maximum(column_share[counts.col], 1e-12))
    )
    keep = pmi > 0
    return sparse.csr_matrix(
        (pmi[keep].astype(np.float32), (counts.row[keep], counts.col[keep])), shape=counts.shape
    )


def _orthonormal(block: np.ndarray) -> np.ndarray:
    """An orthonormal basis of a tall block's columns, from the eigenvectors of its small Gram matrix
    (much cheaper than a LAPACK QR of the tall block)."""
    eigenvalues, eigenvectors = np.linalg.eigh(block.T.astype(np.float64) @ block)
    keep = eigenvalues > eigenvalues.max() * 1e-10
    return (block @ (eigenvectors[:, keep] / np.sqrt(eigenvalues[keep]))).astype(np.float32)


def _randomized_svd(matrix: sparse.csr_matrix, rank: int, seed: int, power_iterations: int = 3) -> np.ndarray:
    """Rows of U·sqrt(S) of a rank-`rank` truncated SVD (Halko, Martinsson & Tropp 2011)."""
    rng = np.random.default_rng(seed)
    probe = rng.standard_normal((matrix.shape[1], rank + 20)).astype(np.float32)
    basis = _orthonormal(matrix @ probe)
    for _ in range(power_iterations):
        basis = _orthonormal(matrix @ _orthonormal(matrix.T @ basis))
    projected = (matrix.T @ basis).T.astype(np.float64)  # basis.T @ matrix, computed on the sparse side
    squared_singular, left = np.linalg.eigh(projected @ projected.T)
    top = np.argsort(-squared_singular)[:rank]
    scale = np.maximum(squared_singular[top], 0.0) ** 0.25  # sqrt of the singular values
    return (basis @ (left[:, top] * scale)).astype(np.float32)


def kmeans(points: np.ndarray, k: int, seed: int, iterations: int = 25) -> np.ndarray:
    """Cluster index per row of `points` (k-means++ seeding, then Lloyd iterations)."""
    rng = np.random.default_rng(seed)
    n = len(points)
    k = min(k, n)
    squared_norms = (points**2).sum(axis=1)
    centres = np.empty((k, points.shape[1]), dtype=points.dtype)
    centres[0] = points[rng.integers(n)]
    nearest = ((points - centres[0]) ** 2).sum(axis=1)
    for j in range(1, k):
        total = nearest.sum()
        pick = rng.choice(n, p=nearest / total) if total > 0 else rng.integers(n)
        centres[j] = points[pick]
        nearest = np.minimum(nearest, ((points - centres[j]) ** 2).sum(axis=1))
    assignment = np.full(n, -1)
    for _ in range(iterations):
        distances = squared_norms[:, None] - 2 * points @ centres.T + (centres**2).sum(axis=1)[None, :]
        new_assignment = distances.argmin(axis=1)
        if np.array_equal(new_assignment, assignment):
            break
        assignment = new_assignment
        sizes = np.bincount(assignment, minlength=k)
        members = sparse.csr_matrix(
            (np.ones(n, dtype=points.dtype), (assignment, np.arange(n))), shape=(k, n)
        )
        sums = members @ points
        filled = sizes > 0
        centres[filled] = sums[filled] / sizes[filled, None]
    return assignment


def build_clusters(
    texts: Iterable[str],
    stem: Callable[[str], str],
    *,
    vocabulary: int = VOCABULARY,
    contexts: int = CONTEXTS,
    dimensions: int = DIMENSIONS,
    coarse: int = COARSE,
    fine: int = FINE,
    min_count: int = 5,
    cue_words: frozenset[str] = frozenset(),
    seed: int = 0,
    progress: Progress | None = None,
) -> WordClusters:
    """Coarse and fine clusters of the `vocabulary` most frequent words of `texts`, keyed by `stem`
    of each normalized token (numbers share one key); `cue_words` are keys of words that announce a
    name (titles, speech verbs)."""
    say = progress or (lambda _message: None)
    began = time.perf_counter()
    corpus = _Corpus(texts, stem, say)
    order = np.argsort(-corpus.counts, kind="stable")
    order = order[corpus.counts[order] >= min_count][:vocabulary]
    if len(order) < 2:
        raise ValueError("the unlabelled corpus has too few frequent words to cluster")
    rank_of = np.full(len(corpus.counts) + 1, -1, dtype=np.int64)  # index -1 (document end) stays -1
    rank_of[order] = np.arange(len(order))
    ranks = rank_of[corpus.ids]
    say(
        f"unlabelled corpus: {corpus.n_documents} documents, {corpus.n_tokens} tokens, "
        f"{len(corpus.counts)} distinct words, clustering {len(order)} in {time.perf_counter() - began:.0f}s"
    )
    counts = _cooccurrences(ranks, len(order), min(contexts, len(order)))
    vectors = _randomized_svd(_ppmi(counts), min(dimensions, len(order) - 1), seed)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    say(
        f"word vectors {vectors.shape} from {counts.nnz} co-occurrence pairs in {time.perf_counter() - began:.0f}s"
    )
    fine_ids = kmeans(vectors, fine, seed)
    coarse_ids = kmeans(vectors, coarse, seed + 1)
    say(f"k-means into {coarse} and {fine} clusters done in {time.perf_counter() - began:.0f}s")
    words = [corpus.words[i] for i in order]
    bands = [int(math.log2(c)) for c in corpus.counts[order]]
    definite = _share_band(corpus.definite[order] / corpus.counts[order], (0.1, 0.5, 0.9))
    cued = _share_band(_cued_counts(corpus, order, cue_words) / corpus.counts[order], (0.02, 0.1, 0.3))
    return WordClusters(
        coarse=dict(zip(words, coarse_ids.tolist(), strict=True)),
        fine=dict(zip(words, fine_ids.tolist(), strict=True)),
        band=dict(zip(words, bands, strict=True)),
        definite=dict(zip(words, definite, strict=True)),
        cued=dict(zip(words, cued, strict=True)),
    )


def _cued_counts(corpus: _Corpus, order: np.ndarray, cue_words: frozenset[str]) -> np.ndarray:
    """Per word of `order`, how many of its occurrences follow a cue word."""
    is_cue = np.zeros(len(corpus.counts) + 1, dtype=bool)  # index -1 (document end) is no cue
    is_cue[[k for k, word in enumerate(corpus.words) if word in cue_words]] = True
    after_cue = corpus.ids[1:][is_cue[corpus.ids[:-1]]]
    counts = np.bincount(after_cue[after_cue >= 0], minlength=len(corpus.counts))
    return counts[order]


def _share_band(shares: np.ndarray, thresholds: tuple[float, ...]) -> list[int]:
    return np.searchsorted(np.asarray(thresholds), shares, side="right").tolist()
