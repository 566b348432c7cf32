"""Turn the ANT multi-source corpus (JSONL, optionally gzipped) into a tahqiq batch of .jsonl files.

    python scripts/ant_to_batch.py --corpus ../shared/data/corpora/ant-multisource/ant_multisource.jsonl.gz \
        --out data/inbox/ant-2018 [--limit N] [--files-per-jsonl 1000]

Each output line has id, url, outlet, published_at (ISO 8601), title, text; `_READY` is written last
so the sensor never sees a half-written batch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tahqiq.ingest.ant import ant_records, write_batch


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
    written = write_batch(ant_records(args.corpus), args.out, args.limit, args.files_per_jsonl)
    print(f"wrote {written} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
