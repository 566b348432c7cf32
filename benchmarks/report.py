"""The benchmark report: a Markdown page, the scaling plot, and the numbers as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

# Dagster step key -> pipeline stage; asset-check steps count as "checks", other steps by their key.
STAGES = {
    "ingest_batch": "ingest",
    "articles": "normalize",
    "extract_batch": "extract",
    # the two reconcile steps, one per table family, count as one stage (as before they were split)
    "resolve_entities": "reconcile",
    "cluster_events": "reconcile",
    "conflicts": "conflicts",
    "sql_views": "views",
    "data_quality_report": "data docs",
}
STAGE_ORDER = ["ingest", "normalize", "extract", "reconcile", "conflicts", "checks", "views", "data docs"]


def stage_of(step: dict) -> str:
    return "checks" if step.get("is_check") else STAGES.get(step["step"], step["step"])


def stage_seconds(steps: list[dict]) -> dict[str, float]:
    out = dict.fromkeys(STAGE_ORDER, 0.0)
    for step in steps:
        stage = stage_of(step)
        out[stage] = out.get(stage, 0.0) + (step["seconds"] or 0.0)
    return out


def _stages_of(runs: list[dict]) -> list[str]:
    found = [s for r in runs if r.get("steps") for s, v in stage_seconds(r["steps"]).items() if v > 0]
    return list(dict.fromkeys(found)) or STAGE_ORDER


def _f(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _verdict(ok: bool | None) -> str:
    return {True: "met", False: "**missed**", None: "not measured"}[ok]


def scaling_plot(runs: list[dict], out: Path) -> Path | None:
    ok = [r for r in runs if r.get("steps")]
    if not ok:
        return None
    sizes = [r["articles_in"] for r in ok]
    figure, (time_axis, memory_axis) = plt.subplots(1, 2, figsize=(11, 4.2))
    for stage in _stages_of(ok):
        seconds = [max(stage_seconds(r["steps"]).get(stage, 0.0), 1e-3) for r in ok]
        time_axis.plot(sizes, seconds, marker="o", label=stage)
    time_axis.plot(sizes, [r["run_s"] for r in ok], marker="s", color="black", label="whole run")
    time_axis.plot(
        sizes,
        [max(r["floor_s"], 1e-3) for r in ok],
        linestyle="--",
        color="grey",
        label="floor: gunzip + JSON",
    )
    time_axis.set_xscale("log")
    time_axis.set_yscale("log")
    time_axis.set_xlabel("articles in the batch")
    time_axis.set_ylabel("seconds")
    time_axis.set_title("Time per stage (log-log: slope 1 = linear)")
    time_axis.grid(alpha=0.3, which="both")
    time_axis.legend(fontsize=7)
    memory_axis.plot(sizes, [r["peak_tree_pss_mib"] for r in ok], marker="o", label="process tree (PSS)")
    memory_axis.plot(sizes, [r["maxrss_self_mib"] for r in ok], marker="^", label="main process (maxrss)")
    memory_axis.plot(
        sizes, [r["maxrss_children_mib"] for r in ok], marker="v", label="largest child process (maxrss)"
    )
    memory_axis.set_xscale("log")
    memory_axis.set_xlabel("articles in the batch")
    memory_axis.set_ylabel("MiB")
    memory_axis.set_title("Peak memory")
    memory_axis.grid(alpha=0.3)
    memory_axis.legend(fontsize=7)
    figure.tight_layout()
    path = out / "scaling.png"
    figure.savefig(path, dpi=90)
    plt.close(figure)
    return path


def _skipped_steps(run: dict, runs: list[dict]) -> set[str]:
    """Steps some other run executed that this one did not (a blocking check stopped it before them)."""
    everything = {s["step"] for r in runs if r.get("steps") for s in r["steps"]}
    return everything - {s["step"] for s in run.get("steps", [])}


def _targets(results: dict) -> list[tuple[str, str, bool | None]]:
    runs = [r for r in results.get("scaling", {}).get("runs", []) if r.get("steps")]
    full = max(runs, key=lambda r: r["articles_in"]) if runs else None
    rows: list[tuple[str, str, bool | None]] = []
    if full:
        minutes = full["run_s"] / 60
        finished = bool(full.get("success")) or not _skipped_steps(full, runs)
        note = (
            "" if full.get("success") else " (every step ran; marked failed by a blocking check, see below)"
        )
        measured = (
            f"{minutes:.1f} min{note}"
            if finished
            else f"did not finish: stopped at `{full.get('failed_step')}` after {minutes:.1f} min"
        )
        rows.append(
            (
                f"full batch end to end < 5 min ({full['articles_in']:,} articles)",
                measured,
                minutes < 5 and finished,
            )
        )
        gib = full["peak_tree_pss_mib"] / 1024
        rows.append(("peak memory < 4 GB", f"{gib:.2f} GiB (process tree PSS)", gib < 4 * 1e9 / 2**30))
        rate = full["extract_per_core"]
        one_core = (results.get("micro", {}).get("extraction_one_core") or {}).get("articles_per_s")
        alone = f"; {one_core:.0f}/s on one core outside Dagster" if one_core else ""
        rows.append(
            (
                "extraction ≥ 200 articles/s per core",
                f"{rate:.0f} articles/s per core in the extract step{alone}",
                rate >= 200,
            )
        )
    else:
        rows += [
            ("full batch end to end < 5 min", "–", None),
            ("extraction ≥ 200 articles/s per core", "–", None),
        ]
    daemon = results.get("daemon", {})
    if daemon.get("ratio"):
        rows.append((
            "sample batch through the daemon ≤ 2× `tahqiq run`",
            f"{daemon['daemon']['request_to_end_s']:.1f} s from the sensor's request to the last table "
            f"({daemon['daemon']['status']}), `tahqiq run` {daemon['cli']['wall_s']:.1f} s: "
            f"{daemon['ratio']:.2f}×",
            daemon["ratio"] <= 2 and daemon["daemon"]["success"],
        ))
        rows.append(("definitions load < 3 s", f"{daemon['definitions_load_s']:.1f} s (a fresh interpreter)",
                     daemon["definitions_load_s"] < 3))
    inc = results.get("incremental", {})
    rows.append(
        (
            f"incremental {inc.get('articles_in', 100)}-article batch < 30 s",
            f"{inc['request_to_end_s']:.1f} s" if inc.get("steps") else "–",
            inc["request_to_end_s"] < 30 if inc.get("steps") else None,
        )
    )
    rec = results.get("reconcile", {})
    for key, label in (
        ("entities", "entity resolution of {n:,} mentions < 5 min"),
        ("events", "event clustering of {n:,} reports < 5 min"),
    ):
        part = rec.get(key) or {}
        if "seconds" in part:
            rows.append((label.format(n=part["n"]), f"{part['seconds']:.1f} s", part["seconds"] < 300))
        else:
            rows.append((label.format(n=0).replace(" 0 ", " "), "–", None))
    dates = results.get("micro", {}).get("date_speed") or {}
    accuracy = (results.get("micro", {}).get("date_accuracy") or {}).get("overall")
    if dates.get("speedup") and accuracy:
        better = accuracy["ours_strict"] > accuracy["dateparser_strict"]
        rows.append(
            (
                "dates ≥ 10× faster than search_dates, more accurate",
                f"{dates['speedup']:.1f}× faster; {accuracy['ours_strict']}/{accuracy['n']} vs "
                f"{accuracy['dateparser_strict']}/{accuracy['n']} cases",
                dates["speedup"] >= 10 and better,
            )
        )
    return rows


def markdown(results: dict, plot: Path | None) -> str:
    meta = results["machine"]
    lines = [
        f"# tahqiq benchmarks — {meta['date']}",
        "",
        f"Machine: {meta['cpu_model']}, {meta['cores']} cores, {meta['memory_gib']:.0f} GiB; "
        f"load average at start {meta['load_at_start']}, at end {meta.get('load_at_end', '–')}. "
        f"Python {meta['python']}, Dagster {meta['dagster']}, DuckDB {meta['duckdb']}, polars {meta['polars']}.",
        f"Command: `{meta['command']}`",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]
    lines += [f"| {t} | {m} | {_verdict(ok)} |" for t, m, ok in _targets(results)]
    lines += _daemon_section(results.get("daemon", {}))
    lines += _floor_section(results.get("floor", {}))
    lines += _scaling_section(results.get("scaling", {}), plot)
    lines += _incremental_section(results.get("incremental", {}))
    lines += _reconcile_section(results.get("reconcile", {}))
    lines += _micro_section(results.get("micro", {}))
    lines += _profile_section(results.get("profile", {}))
    errors = {k: v["error"] for k, v in results.items() if isinstance(v, dict) and "error" in v}
    if errors:
        lines += ["", "## Sections that failed", ""] + [f"- **{k}**: {v}" for k, v in errors.items()]
    return "\n".join(lines) + "\n"


def _daemon_section(daemon: dict) -> list[str]:
    if not daemon.get("ratio"):
        return []
    d, cli = daemon["daemon"], daemon["cli"]
    return [
        "",
        "## Scheduled runs against the CLI",
        "",
        f"The sample batch ({daemon['articles_folder']}) dropped into the inbox of a running `dagster-daemon`: "
        f"the inbox sensor requested the run {d['drop_to_request_s']:.1f} s after the drop (daemon start and "
        f"code location load included), the run queue started it {d['request_to_start_s']:.1f} s after the "
        f"request, and the last table was written **{d['request_to_end_s']:.1f} s** after the request "
        f"({d['steps']} steps, {d['step_s']:.1f} s of step work, status {d['status']}). "
        f"`tahqiq run` on the same batch: **{cli['wall_s']:.1f} s** wall, process start to exit. "
        f"A fresh interpreter imports the definitions in {daemon['definitions_load_s']:.1f} s.",
    ]


def _floor_section(floor: dict) -> list[str]:
    if not floor.get("corpus"):
        return []
    c = floor["corpus"]
    return [
        "",
        "## The floor",
        "",
        f"Reading the whole corpus file (gunzip + `json.loads` of every record): {c['records']:,} records, "
        f"{c['chars'] / 1e6:.1f} M characters of text in **{c['seconds']:.2f} s** "
        f"({c['records'] / c['seconds']:,.0f} records/s). Every stage below is also given as a multiple "
        "of the floor for the same number of articles.",
    ]


def _scaling_section(scaling: dict, plot: Path | None) -> list[str]:
    runs = scaling.get("runs", [])
    if not runs:
        return []
    stages = _stages_of(runs)
    lines = [
        "",
        "## End to end, and how it grows",
        "",
        "Each size is a fresh warehouse and one `process_batch` run through `pipelines.runner.run_batch` "
        "in a child process; stage times are the Dagster step durations (`get_run_step_stats`). "
        "`overhead` is the run's wall time minus its steps (Dagster's own work between steps). "
        "`CPU s` is the user + system time of the run's process and its extraction workers (code location "
        "load included) and `load` the 1-minute load average right after: CPU s well below run s × cores "
        "with a high load means other work shared the machine.",
        "",
        "| articles | run s | articles/s | " + " | ".join(stages) + " | "
        "overhead | × floor | read_batch s | extract/s/core | CPU s | load | peak PSS MiB | maxrss main / largest child MiB |",
        "|" + "---|" * (len(stages) + 11),
    ]
    for r in runs:
        if not r.get("steps"):
            lines.append(
                f"| {r.get('articles_in', '?'):,} | failed: {r.get('error') or r.get('failed_step')} |"
            )
            continue
        s = stage_seconds(r["steps"])
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{r['articles_in']:,}" + ("" if r.get("success") else " ✗"),
                    _f(r["run_s"]),
                    _f(r["articles_in"] / r["run_s"], 0),
                    *[_f(s.get(k, 0.0)) for k in stages],
                    _f(r["run_s"] - sum(s.values())),
                    _f(r["run_s"] / r["floor_s"], 0) if r.get("floor_s") else "–",
                    _f(r.get("read_batch_s")),
                    _f(r["extract_per_core"], 0),
                    _f(r.get("cpu_s"), 0),
                    _f(r.get("load_after"), 1),
                    _f(r["peak_tree_pss_mib"], 0),
                    f"{r['maxrss_self_mib']:.0f} / {r['maxrss_children_mib']:.0f}",
                ]
            )
            + " |"
        )
    failed = [r for r in runs if r.get("steps") and not r.get("success")]
    if failed:
        lines += ["", "✗ = the run ended as failed because a blocking asset check failed:"]
        for r in failed:
            found = "; ".join(
                f"{e['table']}: {e['expectation']} ({e['unexpected']} rows, e.g. {e['details'][:120]})"
                for e in r.get("failed_expectations") or []
            )
            skipped = _skipped_steps(r, runs)
            ran = (
                f"steps not run: {', '.join(sorted(skipped))}"
                if skipped
                else "every step still ran and every table was written, so its times are complete"
            )
            lines.append(f"- {r['articles_in']:,} articles ({ran}): {found or r.get('error')}")
    full = max((r for r in runs if r.get("steps")), key=lambda r: r["articles_in"], default=None)
    if full:
        tables = ", ".join(f"{k} {v:,}" for k, v in full["tables"].items())
        floor = full.get("floor_s") or 0
        s = stage_seconds(full["steps"])
        multiples = ", ".join(f"{k} {v / floor:,.0f}×" for k, v in s.items() if floor and v)
        lines += [
            "",
            f"Rows after the largest run: {tables}.",
            "",
            f"Stages of the largest run as multiples of its floor ({floor:.2f} s): {multiples}.",
        ]
    growth = _growth(runs)
    if growth:
        lines += [
            "",
            "Growth exponent per stage between the smallest and largest size "
            "(time ∝ articles^k; 1 = linear): " + ", ".join(f"{k} {v:.2f}" for k, v in growth.items()) + ".",
        ]
    if plot:
        lines += ["", f"![scaling]({plot.name})"]
    return lines


def _growth(runs: list[dict]) -> dict[str, float]:
    import math

    ok = sorted((r for r in runs if r.get("steps")), key=lambda r: r["articles_in"])
    if len(ok) < 2:
        return {}
    a, b = ok[0], ok[-1]
    sa, sb = stage_seconds(a["steps"]), stage_seconds(b["steps"])
    ratio = math.log(b["articles_in"] / a["articles_in"])
    out = {k: math.log(sb[k] / sa[k]) / ratio for k in sb if sa.get(k, 0) > 0.05 and sb[k] > 0}
    out["whole run"] = math.log(b["run_s"] / a["run_s"]) / ratio
    return out


def _incremental_section(inc: dict) -> list[str]:
    if not inc:
        return []
    if not inc.get("steps"):
        return ["", "## Incremental batch", "", f"Failed: {inc.get('error', 'see the run')}"]
    s = stage_seconds(inc["steps"])
    if not inc.get("success"):
        found = "; ".join(
            f"{e['table']}: {e['expectation']} ({e['unexpected']} rows)"
            for e in inc.get("failed_expectations") or []
        )
        failed_note = [
            f"The run ended as failed on blocking checks ({found or 'see the run'}); every step ran."
        ]
    else:
        failed_note = []
    return (
        [
            "",
            "## Incremental batch",
            "",
            f"{inc['articles_in']} new articles dropped into the inbox of a warehouse already holding "
            f"{inc['warehouse_articles_before']:,} articles. The inbox sensor was evaluated "
            f"(`build_sensor_context`, {inc['sensor_s']:.2f} s) and its run request executed in-process: "
            f"**{inc['request_to_end_s']:.1f} s** from the request to the last table written "
            f"(code location load {inc['import_s']:.1f} s before that, not counted: a running daemon has it loaded).",
            "",
            "| stage | seconds |",
            "|---|---|",
        ]
        + [f"| {k} | {v:.1f} |" for k, v in s.items() if v > 0]
        + [
            f"| Dagster overhead | {inc['request_to_end_s'] - inc['sensor_s'] - sum(s.values()):.1f} |",
            "",
            f"Peak memory {inc['peak_tree_pss_mib']:.0f} MiB (process tree PSS). Two stages read the whole "
            "warehouse, so they, not the new articles, set this time: `reconcile` re-resolves all batches and "
            "the integrity checks validate whole tables (`normalize` only reads the stored MinHash bands of "
            "earlier articles, and the Data Docs render the checks' own results).",
            *failed_note,
        ]
    )


def _reconcile_section(rec: dict) -> list[str]:
    if not rec:
        return []
    if "error" in rec and not rec.get("entities"):
        return ["", "## Reconciliation at scale", "", f"Not measured: {rec['error']}"]
    lines = [
        "",
        "## Reconciliation at scale",
        "",
        f"Synthetic frames from `{rec.get('generator', '')}`, in a child process (peak memory "
        f"{rec.get('peak_tree_pss_mib', 0):.0f} MiB, process tree PSS). Entity resolution is "
        "`tahqiq.reconcile.entities.resolve_entities`; event clustering is what the pipeline does for "
        "events: resolve the target mentions, then `prepare_frames` + `cluster_frames`. Each runs at a "
        "quarter size first, for the growth exponent (time ∝ n^k).",
        "",
        "| work | items | generate s | resolve s | items/s | k | output |",
        "|---|---|---|---|---|---|---|",
    ]
    import math

    for key, label in (
        ("entities", "entity resolution (mentions)"),
        ("events", "event clustering (reports)"),
    ):
        for suffix in ("_quarter", ""):
            part = rec.get(key + suffix) or {}
            if "seconds" not in part:
                if part:
                    lines.append(f"| {label} | – | – | – | – | – | {part.get('error', '')} |")
                continue
            quarter = rec.get(key + "_quarter") or {}
            k = (
                math.log(part["seconds"] / quarter["seconds"]) / math.log(part["n"] / quarter["n"])
                if suffix == "" and quarter.get("seconds") and quarter["n"] != part["n"]
                else None
            )
            lines.append(
                f"| {label} | {part['n']:,} | {part['generate_s']:.1f} | {part['seconds']:.1f} | "
                f"{part['n'] / part['seconds']:,.0f} | {_f(k, 2)} | {part.get('output', '')} |"
            )
    return lines


def _micro_section(micro: dict) -> list[str]:
    lines = []
    speed, acc, norm = micro.get("date_speed"), micro.get("date_accuracy"), micro.get("normalization")
    if speed or acc:
        lines += ["", "## Dates: ours against dateparser", ""]
    if speed:
        lines += [
            f"On {speed['articles_ours']} ANT articles (normalized beforehand; dateparser on the first "
            f"{speed['articles_dateparser']} display texts with `RELATIVE_BASE` = publication date): "
            f"`find_dates` {speed['ours_ms_per_article']:.2f} ms/article, `search_dates(languages=['ar'])` "
            f"{speed['dateparser_ms_per_article']:.2f} ms/article: **{speed['speedup']:.1f}× faster**. "
            f"Dates found per article: ours {speed['ours_dates_per_article']:.2f}, dateparser "
            f"{speed['dateparser_dates_per_article']:.2f}."
        ]
    if acc and "by_file" in acc:
        lines += [
            "",
            "Accuracy on the case files (strict: the list of values equals the expected one; lenient: "
            "a day inside an expected month or year counts, forgiving dateparser's invented days):",
            "",
            "| cases | n | ours strict | ours lenient | dateparser strict | dateparser lenient |",
            "|---|---|---|---|---|---|",
        ]
        for name, t in [*acc["by_file"].items(), ("all", acc["overall"])]:
            lines.append(
                f"| {name} | {t['n']} | "
                + " | ".join(
                    f"{t[k]} ({t[k] / t['n']:.0%})"
                    for k in ("ours_strict", "ours_lenient", "dateparser_strict", "dateparser_lenient")
                )
                + " |"
            )
    one = micro.get("extraction_one_core") or {}
    if "articles_per_s" in one:
        lines += [
            "",
            "## Extraction alone",
            "",
            f"All finders and event frames (`tahqiq.extract.batch._extract_chunk`) on {one['articles']} "
            f"ANT articles in one process, no Dagster or DuckDB: {one['seconds']:.1f} s, "
            f"**{one['articles_per_s']:.0f} articles/s on one core** ({one['mentions']:,} mentions, "
            f"{one['event_frames']:,} event frames).",
        ]
    if norm:
        lines += [
            "",
            "## Normalization: ours against a regex chain",
            "",
            f"{norm['articles']} articles, {norm['chars'] / 1e3:,.0f} k characters (best of 3): "
            f"`normalize` (camel-tools rules + offset map) {norm['ours_mchars_per_s']:.1f} M chars/s, "
            f"{norm['ours_over_regex']:.1f}× the time of the four-`re.sub` baseline "
            f"({norm['regex_mchars_per_s']:.1f} M chars/s); without the offset map (`normalize_text`) "
            f"{norm['ours_without_map_over_regex']:.1f}×. The baseline does less: no hamza seats, digits, "
            "presentation forms, punctuation or offsets back to the display text.",
        ]
    return lines


def _profile_section(profile: dict) -> list[str]:
    if not profile or "stages" not in profile:
        return []
    lines = ["", "## Hot spots (cProfile, one process)", "", f"Batch of {profile['articles']} articles."]
    for stage, data in profile["stages"].items():
        if "error" in data:
            lines += ["", f"**{stage}**: {data['error']}"]
            continue
        extra = (
            f", {data['articles_per_s_one_core']:.0f} articles/s on one core"
            if data.get("articles_per_s_one_core")
            else ""
        )
        lines += [
            "",
            f"**{stage}** — {data['seconds']:.2f} s under the profiler{extra}",
            "",
            "| own s | share | calls | function |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {h['own_s']:.3f} | {h['own_share']:.0%} | {h['calls']:,} | `{h['function']}` |"
            for h in data["hot"][:10]
        ]
        if data.get("finders_cumulative_s"):
            lines += [
                "",
                "Cumulative per finder: "
                + ", ".join(
                    f"`{k.split(':')[1]}` {v:.2f} s"
                    for k, v in sorted(data["finders_cumulative_s"].items(), key=lambda kv: -kv[1])
                ),
            ]
    return lines


def write(results: dict, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    plot = scaling_plot(results.get("scaling", {}).get("runs", []), out)
    (out / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    page = out / "report.md"
    page.write_text(markdown(results, plot), encoding="utf-8")
    return page
