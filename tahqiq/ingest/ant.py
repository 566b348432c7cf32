"""The ANT multi-source corpus (JSONL, optionally gzipped) as tahqiq batches.

A batch line has id, url, outlet, published_at (ISO 8601), title, text; `_READY` is written last so
the sensor never sees a half-written batch.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Collection, Iterable, Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path


def iso_time(raw: object) -> str | None:
    """ANT times are RFC 2822 ("Sun, 15 Jul 2018 21:56:56 +0400"); ISO strings pass through."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return parsedate_to_datetime(raw.strip()).isoformat()
    except (TypeError, ValueError, IndexError):
        return raw.strip()


def ant_records(corpus: Path) -> Iterator[dict]:
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def to_batch_record(record: dict) -> dict:
    return {
        "id": record.get("docno"),
        "url": record.get("url"),
        "outlet": record.get("src"),
        "published_at": iso_time(record.get("time")),
        "title": record.get("title"),
        "text": record.get("text") or "",
    }


def write_batch(records: Iterable[dict], out: Path, limit: int | None = None, files_per_jsonl: int = 1000) -> int:
    """Write corpus records as batch lines, `files_per_jsonl` to a file; returns how many were written."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "_READY").unlink(missing_ok=True)
    written = 0
    handle = None
    try:
        for record in records:
            if limit is not None and written >= limit:
                break
            if written % files_per_jsonl == 0:
                if handle is not None:
                    handle.close()
                handle = (out / f"ant_{written // files_per_jsonl:04d}.jsonl").open("w", encoding="utf-8")
            handle.write(json.dumps(to_batch_record(record), ensure_ascii=False) + "\n")
            written += 1
    finally:
        if handle is not None:
            handle.close()
    (out / "_READY").write_text("", encoding="utf-8")
    return written


def write_docno_batch(corpus: Path, docnos: Collection[str], out: Path) -> set[str]:
    """Write the corpus articles with these docnos, one file each named by its docno, so that the
    warehouse's `source_file` ("<docno>.jsonl#L1") says which article it was. Returns the docnos found."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "_READY").unlink(missing_ok=True)
    wanted, found = set(docnos), set()
    for record in ant_records(corpus):
        docno = record.get("docno")
        if docno in wanted and docno not in found:
            line = json.dumps(to_batch_record(record), ensure_ascii=False)
            (out / f"{docno}.jsonl").write_text(line + "\n", encoding="utf-8")
            found.add(docno)
    (out / "_READY").write_text("", encoding="utf-8")
    return found


def docno_of_source_file(source_file: str) -> str:
    """The docno of a batch file written by `write_docno_batch` ("<docno>.jsonl#L1" -> "<docno>")."""
    return source_file.split("#", 1)[0].rsplit("/", 1)[-1].removesuffix(".jsonl")
