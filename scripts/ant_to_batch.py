"""Turn the ANT multi-source corpus (JSONL, optionally gzipped) into a tahqiq batch of .jsonl files.

    python scripts/ant_to_batch.py --corpus ../shared/data/corpora/ant-multisource/ant_multisource.jsonl.gz \
        --out data/inbox/ant-2018 [--limit N] [--files-per-jsonl 1000]

Each output line has id, url, outlet, published_at (ISO 8601), title, text; `_READY` is written last
so the sensor never sees a half-written batch.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
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


def write_batch(corpus: Path, out: Path, limit: int | None, files_per_jsonl: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    (out / "_READY").unlink(missing_ok=True)
    written = 0
    handle = None
    try:
        for record in ant_records(corpus):
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--files-per-jsonl", type=int, default=1000, help="articles per .jsonl file")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.files_per_jsonl < 1:
        print("--files-per-jsonl must be at least 1", file=sys.stderr)
        return 2
    written = write_batch(args.corpus, args.out, args.limit, args.files_per_jsonl)
    print(f"wrote {written} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
