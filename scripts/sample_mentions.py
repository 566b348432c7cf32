"""Print a fixed random sample of extracted mentions of one type, each in its sentence, to be read by eye.

    python scripts/sample_mentions.py --corpus ../shared/data/corpora/ant-multisource/ant_multisource.jsonl.gz \\
        --type PERSON --articles 1500 --sample 200 --seed 12

Articles are drawn with the seed from the whole corpus and extracted as one batch (so names one article
cues are found in the others, as in the pipeline); the sample is drawn with the same seed. Each line:
number, the mention in «», its cue, and the text around it.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import polars as pl

from tahqiq.extract.batch import extract_batch
from tahqiq.ingest.ant import ant_records, to_batch_record

CONTEXT_CHARS = 60


def sample_articles(corpus: Path, n: int, seed: int) -> pl.DataFrame:
    records = [to_batch_record(r) for r in ant_records(corpus)]
    chosen = random.Random(seed).sample(records, min(n, len(records)))
    return pl.DataFrame(
        {
            "article_id": [r["id"] for r in chosen],
            "batch_id": ["sample"] * len(chosen),
            "body": [r["text"] for r in chosen],
            "published_at": [r["published_at"] for r in chosen],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--type", default="PERSON")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    articles = sample_articles(args.corpus, args.articles, args.seed)
    mentions, _, _ = extract_batch(articles, workers=1)
    found = mentions.filter(pl.col("entity_type") == args.type).sort("mention_id")
    bodies = dict(articles.select("article_id", "body").iter_rows())
    rows = found.sample(min(args.sample, found.height), seed=args.seed).sort("mention_id")
    print(f"{found.height} {args.type} mentions in {articles.height} articles; {rows.height} sampled")
    for k, (article_id, surface, start, end, attrs) in enumerate(
        rows.select("article_id", "surface", "start_char", "end_char", "attrs").iter_rows(), 1
    ):
        body = bodies[article_id]
        before = body[max(0, start - CONTEXT_CHARS) : start].replace("\\n", " ")
        after = body[end : end + CONTEXT_CHARS].replace("\\n", " ")
        print(f"{k:3d} «{surface}» [{json.loads(attrs).get('cue')}] …{before}«{surface}»{after}…")


if __name__ == "__main__":
    main()
