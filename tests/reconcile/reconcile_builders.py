"""Small builders for articles, mentions and frames written by hand in the reconcile tests."""

from __future__ import annotations

import json

import polars as pl

from tahqiq import warehouse
from tahqiq.quality.conflicts import find_conflicts
from tahqiq.text.normalize import normalize_text


class Article:
    """An article assembled piece by piece, so every mention's offsets are right by construction."""

    def __init__(self, article_id: str, outlet: str = "outlet", batch_id: str = "b1") -> None:
        self.article_id = article_id
        self.outlet = outlet
        self.batch_id = batch_id
        self.body = ""
        self.mentions: list[dict] = []
        self.frames: list[dict] = []

    def text(self, words: str) -> Article:
        self.body += words
        return self

    def mention(self, entity_type: str, surface: str, value: str | None = None, **attrs) -> str:
        start = len(self.body)
        self.body += surface
        letter = entity_type[0]
        mention_id = f"{self.article_id}:{letter}{start}-{start + len(surface)}"
        self.mentions.append(
            {
                "mention_id": mention_id,
                "article_id": self.article_id,
                "batch_id": self.batch_id,
                "entity_type": entity_type,
                "surface": surface,
                "normalized": normalize_text(surface),
                "start_char": start,
                "end_char": start + len(surface),
                "value": value,
                "attrs": json.dumps(attrs, ensure_ascii=False),
            }
        )
        return mention_id

    def frame(
        self, event_type: str, targets: list[str] = (), roles: list[str] | None = None, **fields
    ) -> str:
        start = fields.pop("trigger_start", len(self.frames) * 1000 + 1)
        frame_id = f"{self.article_id}:ev{start}"
        fields.setdefault("statements", json.dumps(_statements(start, fields), ensure_ascii=False))
        self.frames.append(
            {
                "frame_id": frame_id,
                "article_id": self.article_id,
                "batch_id": self.batch_id,
                "is_background": fields.pop("is_background", False),
                "event_type": event_type,
                "trigger": event_type,
                "trigger_start": start,
                "target_mentions": list(targets),
                "target_roles": roles if roles is not None else [None] * len(targets),
                "actor_refs": fields.pop("actor_refs", []),
                "partner_refs": fields.pop("partner_refs", []),
                **fields,
            }
        )
        return frame_id


def _statements(start: int, fields: dict) -> list[dict]:
    """What the extractor would record for a frame's fields: each value stated in the trigger's sentence
    (a date written out as a day and month)."""
    said = {"date": fields.get("reported_date"), "killed": fields.get("reported_killed"),
            "wounded": fields.get("reported_wounded"), "partner": fields.get("partner_claim")}  # fmt: skip
    return [
        {"attribute": attribute, "value": value, "start": start, "end": start + 10, "source": None, "revised": False,
         "with_trigger": True, **({"form": "day_month"} if attribute == "date" else {})}
        for attribute, value in said.items()
        if value is not None
    ]


def tables(*articles: Article) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    arts = pl.DataFrame(
        [
            {"article_id": a.article_id, "batch_id": a.batch_id, "source_file": f"{a.article_id}.txt",
             "outlet": a.outlet, "body": a.body}
            for a in articles
        ]
    )  # fmt: skip
    mentions = [m for a in articles for m in a.mentions]
    frames = [f for a in articles for f in a.frames]
    mention_frame = (
        warehouse.conform(pl.DataFrame(mentions, infer_schema_length=None), "extracted_mentions")
        if mentions
        else warehouse.empty_frame("extracted_mentions")
    )
    frame_frame = (
        warehouse.conform(pl.DataFrame(frames, infer_schema_length=None), "event_frames")
        if frames
        else warehouse.empty_frame("event_frames")
    )
    return warehouse.conform(arts, "articles"), mention_frame, frame_frame


def empty_registry() -> pl.DataFrame:
    return warehouse.empty_frame("id_registry")


def entity_of(result: dict, mention_id: str) -> str | None:
    rows = result["mentions"].filter(pl.col("mention_id") == mention_id)
    return rows["entity_id"][0] if rows.height else None


def event_of(result: dict, frame_id: str) -> str | None:
    rows = result["event_reports"].filter(pl.col("frame_id") == frame_id)
    return rows["event_id"][0] if rows.height else None


def conflicts_of(result: dict) -> pl.DataFrame:
    """The conflicts asset's rows over reconcile's tables (outlets from the reports, no publication times)."""
    return find_conflicts(result["event_reports"], result["entities"], warehouse.empty_frame("articles"))


def conflicts_on(result: dict, attribute: str) -> pl.DataFrame:
    return conflicts_of(result).filter(pl.col("attribute") == attribute)
