"""Article identity and duplicates: the same text gets the same id; near copies point at the first.

Wire services are republished with a changed headline, an added dateline or a trimmed last
paragraph; counting those as independent reports would inflate how many outlets "agree".
"""

from __future__ import annotations

import hashlib
import struct

from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128


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
    signature = MinHash(num_perm=num_perm, hashfunc=_hash32)
    signature.update_batch(shingles)
    return signature


def near_duplicates(docs: list[tuple[str, str]], threshold: float = 0.8) -> dict[str, str]:
    """{article_id: duplicate_of_article_id} among docs = [(article_id, body_normalized)].

    MinHash over word 5-shingles with LSH candidate search; a candidate counts when its estimated
    Jaccard similarity reaches `threshold`. Docs arrive in order: the first seen is the original,
    and a copy of a copy points at the original. Repeated ids (exact copies) are the same article
    and are skipped.
    """
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    arrival: dict[str, int] = {}
    duplicate_of: dict[str, str] = {}
    for article_id, body in docs:
        if article_id in signatures or article_id in arrival:
            continue
        arrival[article_id] = len(arrival)
        signature = minhash_of(body)
        if signature is None:
            continue
        matches = [
            other for other in index.query(signature) if signature.jaccard(signatures[other]) >= threshold
        ]
        if matches:
            earliest = min(matches, key=arrival.__getitem__)
            duplicate_of[article_id] = duplicate_of.get(earliest, earliest)
        index.insert(article_id, signature)
        signatures[article_id] = signature
    return duplicate_of
