"""The benchmark corpus: nested samples of ANT as inbox batches, a fresh batch, and the decoding floor."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from pathlib import Path

from tahqiq.ingest.ant import ant_records, to_batch_record

REPO = Path(__file__).resolve().parents[1]

FILES_PER_JSONL = 1000
SAMPLE_SEED = 2018
READY_MARKER = "_READY"
REPO = Path(__file__).resolve().parents[1]


def iter_records(corpus: Path) -> Iterator[dict]:
    return ant_records(corpus)


def decode_floor(corpus: Path, limit: int | None = None) -> dict:
    """Seconds to gunzip and JSON-parse the first `limit` records: no stage can beat this."""
    started = time.perf_counter()
    records = chars = 0
    for record in iter_records(corpus):
        if limit is not None and records >= limit:
            break
        records += 1
        chars += len(record.get("text") or "")
    return {"records": records, "chars": chars, "seconds": time.perf_counter() - started}


def load_sample(corpus: Path, limit: int | None = None) -> list[dict]:
    """Batch records of the corpus in one fixed shuffled order, so every size is a prefix of the next.

    ANT is stored grouped by outlet and section; a shuffled prefix keeps each size's mix of outlets
    and topics like the whole corpus's.
    """
    # The mapping scripts/ant_to_batch.py uses, so benchmark batches are read like `make` ones.
    records = [to_batch_record(r) for r in iter_records(corpus)]
    random.Random(SAMPLE_SEED).shuffle(records)
    return records if limit is None else records[:limit]


def write_batch(records: list[dict], folder: Path) -> Path:
    """`records` as an inbox batch: .jsonl files of FILES_PER_JSONL lines, `_READY` written last."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / READY_MARKER).unlink(missing_ok=True)
    for start in range(0, len(records), FILES_PER_JSONL):
        lines = (json.dumps(r, ensure_ascii=False) for r in records[start : start + FILES_PER_JSONL])
        (folder / f"ant_{start // FILES_PER_JSONL:04d}.jsonl").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    (folder / READY_MARKER).write_text("", encoding="utf-8")
    return folder


def fresh_articles(records: list[dict], n: int, seed: int = 7) -> list[dict]:
    """`n` articles that no batch of the corpus holds: each joins the first half of one article's
    paragraphs to the second half of another's, so it is new content (new hash, new extraction work)
    of the corpus's own style and length, not a duplicate the ingest stage would set aside.
    """
    rng = random.Random(seed)
    with_text = [r for r in records if len((r.get("text") or "").split("\n")) >= 2]
    out = []
    for i in range(n):
        a, b = rng.sample(with_text, 2)
        pa, pb = a["text"].split("\n"), b["text"].split("\n")
        text = "\n".join(pa[: len(pa) // 2 + 1] + pb[len(pb) // 2 :])
        out.append({**a, "id": f"fresh-{i:05d}", "url": None, "text": text})
    return out


def read_batch_floor(folder: Path) -> dict:
    """Seconds for tahqiq's own reader (decode, detect encoding, parse, quarantine) over a batch."""
    from tahqiq.ingest.readers import read_batch

    started = time.perf_counter()
    read = read_batch(folder)
    return {
        "articles": len(read.articles),
        "quarantined": len(read.quarantined),
        "seconds": time.perf_counter() - started,
    }
