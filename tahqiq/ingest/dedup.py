"""Article identity and duplicates: the same text gets the same id; near copies point at the first.

Wire services are republished with a changed headline, an added dateline or a trimmed last
paragraph; counting those as independent reports would inflate how many outlets "agree".
"""

from __future__ import annotations

import hashlib
import struct

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
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


def minhash_of(body_normalized: str, num_perm: int = NUM_PERM) -> MinHash | None:
    shingles = _shingle_hashes(body_normalized)
    if not shingles:
        return None
    signature = MinHash(num_perm=num_perm, hashfunc=_hash32, scheme=MINHASH_SCHEME)
    signature.update_batch(shingles)
    return signature


class NearDuplicateIndex:
    """Articles seen so far, by MinHash over word 5-shingles with LSH candidate search.

    A candidate counts when its estimated Jaccard similarity reaches `threshold`. Articles arrive in
    order: the first seen is the original, and a copy of a copy points at the original. Signatures
    of articles from earlier batches are loaded (`add_known`) rather than recomputed.
    """

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._arrival: dict[str, int] = {}
        self.duplicate_of: dict[str, str] = {}

    def add_known(self, article_id: str, signature: bytes | None, duplicate_of: str | None = None) -> None:
        if article_id in self._arrival:
            return
        self._arrival[article_id] = len(self._arrival)
        if duplicate_of:
            self.duplicate_of[article_id] = duplicate_of
        if signature:
            self._insert(article_id, signature_from_bytes(signature))

    def add(self, article_id: str, body_normalized: str) -> bytes | None:
        """Index a new article; returns its signature (to store) and records what it copies."""
        if article_id in self._arrival:
            return None
        self._arrival[article_id] = len(self._arrival)
        signature = minhash_of(body_normalized)
        if signature is None:
            return None
        matches = [other for other in self._lsh.query(signature)
                   if signature.jaccard(self._signatures[other]) >= self.threshold]
        if matches:
            earliest = min(matches, key=self._arrival.__getitem__)
            self.duplicate_of[article_id] = self.duplicate_of.get(earliest, earliest)
        self._insert(article_id, signature)
        return signature_bytes(signature)

    def _insert(self, article_id: str, signature: MinHash) -> None:
        self._lsh.insert(article_id, signature)
        self._signatures[article_id] = signature


def signature_bytes(signature: MinHash) -> bytes:
    return signature.hashvalues.astype(np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashfunc=_hash32, hashvalues=np.frombuffer(data, dtype=np.uint64),
                   scheme=MINHASH_SCHEME)


def near_duplicates(docs: list[tuple[str, str]], threshold: float = 0.8) -> dict[str, str]:
    """{article_id: duplicate_of_article_id} among docs = [(article_id, body_normalized)] in arrival order;
    repeated ids (exact copies) are the same article and are skipped."""
    index = NearDuplicateIndex(threshold)
    for article_id, body in docs:
        index.add(article_id, body)
    return index.duplicate_of
