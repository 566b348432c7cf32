"""The event map: country borders drawn from the packaged Natural Earth shapes, no label over another."""

from __future__ import annotations

import itertools
import math

import polars as pl

from assets.charts import event_map_figure


def test_borders_drawn_and_labels_apart():
    # five events within a few kilometres of each other, as a bombed town's reports are
    events = pl.DataFrame({
        "event_type": ["air_strike", "drone_strike", "ground_raid", "airdrop", "helicopter_raid"],
        "event_date": ["2024-03-08", "2024-03-09", "2024-03-10", "2024-03-11", "2024-03-12"],
        "latitude": [35.33, 35.34, 35.35, 35.33, 35.36],
        "longitude": [40.14, 40.15, 40.13, 40.16, 40.14],
        "n_outlets": [1, 2, 3, 1, 2],
        "place_entity_id": [None] * 5,
    })
    figure, texts = event_map_figure(events, {})
    axis = figure.axes[0]
    # Syria's, Iraq's and their neighbours' border rings, drawn as one line with a break after each ring
    borders = [line for line in axis.lines if math.isnan(line.get_xdata()[-1])]
    assert len(borders) == 1
    assert sum(math.isnan(x) for x in borders[0].get_xdata()) > 10
    assert any(t.get_text() == "SYRIA" for t in axis.texts)
    renderer = figure.canvas.get_renderer()
    event_labels = [t for t in texts if "(2024-" in t.get_text()]
    assert len(event_labels) == 5
    boxes = [t.get_window_extent(renderer) for t in event_labels]
    overlapping = [(a, b) for a, b in itertools.combinations(range(5), 2) if boxes[a].overlaps(boxes[b])]
    assert overlapping == []


def test_a_map_of_a_thousand_events_labels_the_most_reported_only():
    import polars as pl

    from assets.charts import MAX_MAP_LABELS, event_map_figure

    located = pl.DataFrame({
        "event_type": ["air_strike"] * 1000,
        "event_date": ["2018-05-10"] * 1000,
        "latitude": [33.0 + (k % 40) * 0.1 for k in range(1000)],
        "longitude": [36.0 + (k // 40) * 0.1 for k in range(1000)],
        "n_outlets": [1 + k % 5 for k in range(1000)],
        "place_entity_id": [None] * 1000,
    })
    _, texts = event_map_figure(located, {})
    assert len(texts) <= 2 * MAX_MAP_LABELS
