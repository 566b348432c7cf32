"""Article identity and duplicates: the same text gets the same id; near copies point at the first.

Wire services are republished with a changed headline, an added dateline or a trimmed last
paragraph; counting those as independent reports would inflate how many outlets "agree".
"""

from __future__ import annotations

import hashlib
import struct

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
LSH_BANDS = 16  # of 8 values: a pair at Jaccard 0.8 shares a band with probability 0.9996, at 0.5 with 0.06
# Stored signatures are only comparable with new ones made the same way: pin the permutation scheme.
MINHASH_SCHEME = "affine32"


def _collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def content_hash(body_normalized: str) -> str:
    """sha256 hex of the normalized body with whitespace collapsed (layout changes keep the hash)."""
    return hashlib.sha256(_collapse_whitespace(body_normalized).encode("utf-8")).hexdigest()


def article_id_for(content_hash: str) -> str:
    """Stable short article id derived from the content hash."""
    return "a_" + content_hash[:16]


def exact_duplicates(docs: list[tuple[str, str]]) -> dict[str, str]:
    """{key: first key with the same content hash} for docs = [(key, body_normalized)] in arrival order."""
    first_by_hash: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    for key, body in docs:
        digest = content_hash(body)
        original = first_by_hash.setdefault(digest, key)
        if original != key:
            duplicates[key] = original
    return duplicates


def _shingle_hashes(body_normalized: str) -> list[bytes]:
    words = body_normalized.split()
    if len(words) <= SHINGLE_WORDS:
        shingles = [" ".join(words)] if words else []
    else:
        shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    return [s.encode("utf-8") for s in shingles]


def _hash32(shingle: bytes) -> int:
    # blake2b is faster than datasketch's default sha1 and just as stable across runs.
    return struct.unpack("<I", hashlib.blake2b(shingle, digest_size=4).digest())[0]


def minhash_of(body_normalized: str) -> MinHash | None:
    shingles = _shingle_hashes(body_normalized)
    if not shingles:
        return None
    signature = MinHash(num_perm=NUM_PERM, hashfunc=_hash32, scheme=MINHASH_SCHEME)
    signature.update_batch(shingles)
    return signature


def signature_bytes(signature: MinHash) -> bytes:
    return signature.hashvalues.astype(np.uint64).tobytes()


def link_near_duplicates(
    earlier: list[tuple[str, bytes | None, str | None]],
    new: list[tuple[str, str]],
    threshold: float = 0.8,
) -> tuple[dict[str, str], dict[str, bytes | None]]:
    """Near copies among `new` = [(article_id, body_normalized)] and against `earlier` =
    [(article_id, stored signature, its duplicate_of)], all in arrival order.

    MinHash over word 5-shingles; candidates share one LSH band (16 bands of 8 values), and count
    when their estimated Jaccard similarity reaches `threshold`. The first seen is the original and a
    copy of a copy points at the original. Earlier articles are not re-hashed: their stored
    signatures go into the LSH index as they are. Repeated ids are one article.
    Returns ({article_id: duplicate_of} for the new articles, {article_id: signature to store}).
    """
    ids: list[str] = []
    rows: list[np.ndarray] = []
    duplicate_of: dict[str, str] = {}
    seen: set[str] = set()
    for article_id, signature, copied in earlier:
        if article_id in seen:
            continue
        seen.add(article_id)
        if copied:
            duplicate_of[article_id] = copied
        if signature:
            ids.append(article_id)
            rows.append(np.frombuffer(signature, dtype=np.uint64))
    n_known = len(ids)
    stored: dict[str, bytes | None] = {}
    for article_id, body in new:
        if article_id in seen:
            continue
        seen.add(article_id)
        signature = minhash_of(body)
        stored[article_id] = signature_bytes(signature) if signature is not None else None
        if signature is not None:
            ids.append(article_id)
            rows.append(signature.hashvalues.astype(np.uint64))
    new_ids = set(stored)
    if len(ids) == n_known:
        return {}, stored
    for doc, other in _similar_pairs(rows, n_known, threshold):
        article_id, original = ids[doc], ids[other]
        root = duplicate_of.get(original, original)
        # A batch re-run after a later one: the later copy already points here, so this is the original.
        if article_id not in duplicate_of and root != article_id:
            duplicate_of[article_id] = root
    return {a: d for a, d in duplicate_of.items() if a in new_ids}, stored


def _similar_pairs(signatures: list[np.ndarray], first_new: int, threshold: float) -> list[tuple[int, int]]:
    """(doc, earliest similar earlier doc) for docs from `first_new` on, in arrival order.

    datasketch's MinHashLSH finds the candidates (docs sharing a band); the estimated Jaccard
    similarity of each candidate pair then decides, as the bands only bound it."""
    index = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, NUM_PERM // LSH_BANDS))
    pairs = []
    for doc, values in enumerate(signatures):
        signature = LeanMinHash(seed=1, hashvalues=values, scheme=MINHASH_SCHEME)
        if doc >= first_new:
            similar = [other for other in index.query(signature)
                       if (signatures[other] == values).mean() >= threshold]
            if similar:
                pairs.append((doc, min(similar)))
        index.insert(doc, signature, check_duplication=False)
    return pairs


def near_duplicates(docs: list[tuple[str, str]], threshold: float = 0.8) -> dict[str, str]:
    """{article_id: duplicate_of_article_id} among docs = [(article_id, body_normalized)] in arrival order."""
    return link_near_duplicates([], docs, threshold)[0]
