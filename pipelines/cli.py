"""The `tahqiq` command: run a batch through Dagster, query the warehouse, read the conflicts, evaluate."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from pipelines.resources import DEFAULT_WAREHOUSE, WarehouseResource

SUMMARY_SQL = """
SELECT (SELECT count(*) FROM articles WHERE batch_id = $batch) AS articles_in_batch,
       (SELECT count(*) FROM articles WHERE batch_id = $batch AND published_at IS NULL) AS undated,
       (SELECT count(*) FROM articles WHERE batch_id = $batch AND outlet IS NULL) AS without_outlet,
       (SELECT count(*) FROM quarantine WHERE batch_id = $batch) AS quarantined_in_batch,
       (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM mentions) AS mentions,
       (SELECT count(*) FROM entities) AS entities,
       (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM conflicts) AS conflicts
"""


def warehouse_path(arg: str | None) -> Path:
    return WarehouseResource(path=arg or "").resolved_path()


def fail(message: str, code: int = 1) -> int:
    print(f"tahqiq: {message}", file=sys.stderr)
    return code


def duckdb_message(error: Exception) -> str:
    """DuckDB's own message on one line, its hint ("Did you mean ...?") included, the SQL echo left out."""
    lines = []
    for line in str(error).splitlines():
        if line.startswith("LINE "):
            break
        if line.strip():
            lines.append(line.strip())
    return " ".join(lines)


def unwritable_reason(path: Path) -> str | None:
    """Why the warehouse file cannot be written, checked before a run starts; None when it can."""
    if path.is_dir():
        return f"{path} is a folder; pass a file such as {path / 'warehouse.duckdb'}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"cannot create the folder {path.parent}: {error.strerror}"
    target = path if path.exists() else path.parent
    if not os.access(target, os.W_OK):
        return f"cannot write {target}: permission denied"
    return None


def article_files(folder: Path) -> list[str]:
    """The files of a batch that are meant as articles (markers, manifests and hidden files are not)."""
    from tahqiq.ingest.readers import is_control_file

    return [p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if (p.is_file() or p.is_symlink()) and not is_control_file(p.relative_to(folder).as_posix())]


def show_progress_in_terminal() -> None:
    progress = logging.getLogger("tahqiq.progress")
    if not progress.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("  %(message)s"))
        progress.addHandler(handler)
        progress.setLevel(logging.INFO)
        progress.propagate = False


def cmd_run(args: argparse.Namespace) -> int:
    folder = Path(args.input)
    if not folder.is_dir():
        state = "is a file, not a folder" if folder.exists() else "does not exist"
        return fail(f"input folder {folder} {state}; pass a batch folder with --input", 2)
    if not article_files(folder):
        return fail(f"batch folder {folder} is empty: it holds no article file (.txt, .html, .json, .jsonl)", 2)
    target = warehouse_path(args.warehouse)
    reason = unwritable_reason(target)
    if reason:
        return fail(f"cannot use the warehouse: {reason}; choose another with --warehouse or TAHQIQ_WAREHOUSE", 2)
    batch_id = args.batch_id or folder.resolve().name
    show_progress_in_terminal()
    # Loading Dagster and the pipeline takes seconds: say so before it starts.
    logging.getLogger("tahqiq.progress").info(f"batch {batch_id} into {target}: loading the pipeline")
    from pipelines.runner import run_batch

    outcome = run_batch(folder, target, batch_id)
    if not outcome.success:
        return fail(f"run {outcome.run_id} failed at {outcome.failed_step}: {outcome.error}. "
                    "See the run in the Dagster UI (`make ui`) for the full log.")
    from tahqiq import warehouse

    with warehouse.reader(warehouse_path(args.warehouse)) as con:
        row = con.execute(SUMMARY_SQL, {"batch": batch_id}).fetchone()
        names = [d[0] for d in con.description]
    summary = dict(zip(names, row, strict=True))
    print(f"batch {batch_id}: {summary['articles_in_batch']} articles, {summary['quarantined_in_batch']} quarantined "
          f"(run {outcome.run_id})")
    print(f"warehouse {warehouse_path(args.warehouse)}: {summary['articles']} articles, {summary['mentions']} mentions, "
          f"{summary['entities']} entities, {summary['events']} events, {summary['conflicts']} conflicts")
    if summary["conflicts"]:
        print(f"the sources disagree on {summary['conflicts']} attributes: `tahqiq conflicts` lists them")
    for line in missing_metadata(summary, batch_id):
        print(line)
    return 0


def missing_metadata(summary: dict, batch_id: str) -> list[str]:
    """What the batch's articles lack that the analysis needs, and how to supply it."""
    lines = []
    for column, what, consequence in (
            ("undated", "no publication date", "relative dates (أمس, يوم الجمعة) stay unresolved"),
            ("without_outlet", "no outlet", "their reports count as no outlet in n_outlets and the conflicts")):
        if summary[column]:
            lines.append(f"{summary[column]} of {summary['articles_in_batch']} articles of {batch_id} have {what}: "
                         f"{consequence}")
    if lines:
        lines.append("  supply them in a manifest.csv in the batch folder (columns file,url,outlet,published_at; "
                     "one row per file) and run the batch again")
    return lines


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from tahqiq.present import render_rows
    from tahqiq.readonly_query import QueryRefused, run_query

    try:
        result = run_query(warehouse_path(args.warehouse), args.sql, waiting=lambda message: fail(message, 0))
    except QueryRefused as refusal:
        return fail(str(refusal), 2)
    except FileNotFoundError as error:
        return fail(str(error), 2)
    except duckdb.Error as error:
        return fail(f"query failed: {duckdb_message(error)}", 2)
    print(render_rows(result.columns, result.rows, args.format, bidi_marks=sys.stdout.isatty()))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    import duckdb

    from tahqiq import warehouse
    from tahqiq.present import render_conflicts

    try:
        with warehouse.reader(warehouse_path(args.warehouse)) as con:
            rows = con.execute("SELECT * FROM conflicts ORDER BY severity DESC, subject_kind, subject_label, "
                               "attribute, kind").pl()
            outlets = dict(con.execute("SELECT article_id, coalesce(outlet, source_file) FROM articles").fetchall())
    except FileNotFoundError as error:
        return fail(str(error), 2)
    except duckdb.Error as error:
        return fail(f"cannot read the conflicts: {duckdb_message(error)}", 2)
    print(render_conflicts(rows, outlets))
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from pipelines.docs_server import serve

    folder = warehouse_path(args.warehouse).resolve().parent
    print(f"serving {folder / 'reports'} and {folder / 'data_docs'} at http://{args.host}:{args.port}/ "
          "(the Data Docs at /data_docs/index.html); Ctrl-C stops")
    try:
        serve(folder, args.host, args.port)
    except OSError as error:
        return fail(f"cannot serve on {args.host}:{args.port}: {error.strerror}; pick another with --port", 2)
    return 0


GOLD_EVAL_WAREHOUSES = Path("data/eval")
ANT_CORPUS_BESIDE_GOLD = Path("..") / ".." / "corpora" / "ant-multisource" / "ant_multisource.jsonl.gz"


def build_gold_warehouse(gold: dict, corpus: Path, warehouse: Path, batch_id: str) -> str | None:
    """Run the gold's articles through `tahqiq run`'s path into a fresh warehouse; the failure reason, or None."""
    import tempfile

    from pipelines.runner import run_batch
    from tahqiq.ingest.ant import write_docno_batch

    for stale in (warehouse, warehouse.with_suffix(warehouse.suffix + ".wal")):
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="tahqiq-eval-") as scratch:
        folder = Path(scratch) / batch_id
        found = write_docno_batch(corpus, gold["articles"], folder)
        if not found:
            return f"none of the gold's articles are in {corpus}"
        if len(found) < len(gold["articles"]):
            print(f"note: {len(gold['articles']) - len(found)} gold articles are not in the corpus", file=sys.stderr)
        show_progress_in_terminal()
        outcome = run_batch(folder, warehouse, batch_id)
    return None if outcome.success else f"run {outcome.run_id} failed at {outcome.failed_step}: {outcome.error}"


def cmd_eval_gold(args: argparse.Namespace) -> int:
    """`eval entities|events|conflicts`: score a warehouse of the gold's own articles, built when missing."""
    import json
    import time

    from tahqiq.evaluate import gold_ant

    gold_dir = Path(args.gold)
    try:
        gold = gold_ant.read_gold(gold_dir)
    except (FileNotFoundError, OSError) as error:
        return fail(f"gold not found: {error}", 2)
    corpus = Path(args.corpus) if args.corpus else gold_dir / ANT_CORPUS_BESIDE_GOLD
    if args.corpus and not corpus.is_file():
        return fail(f"corpus not found: {corpus}", 2)
    # Its own folder, because a run writes its Data Docs and reports beside the warehouse.
    warehouse = Path(args.warehouse) if args.warehouse else GOLD_EVAL_WAREHOUSES / gold_dir.resolve().name / "warehouse.duckdb"
    if args.rebuild or not warehouse.exists():
        if not corpus.is_file():
            return fail(f"corpus not found: {corpus} (pass --corpus)", 2)
        started = time.monotonic()
        reason = build_gold_warehouse(gold, corpus, warehouse, f"gold-{gold_dir.resolve().name}")
        if reason:
            return fail(reason)
        print(f"built {warehouse} from {len(gold['articles'])} gold articles in {time.monotonic() - started:.0f}s\n")
    evaluate, report = gold_ant.EVALUATIONS[args.what]
    system = gold_ant.read_system(warehouse, set(gold["articles"]))
    missing = len(gold["articles"]) - len(set(system.docno_of_article.values()))
    if missing:
        print(f"note: {missing} gold articles are not in {warehouse} (quarantined or another batch)\n")
    result = evaluate(gold, system)
    print(f"{args.what} against {gold_dir} (warehouse {warehouse})\n")
    print(report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.what in ("entities", "events", "conflicts"):
        return cmd_eval_gold(args)
    if args.what == "ner":
        from tahqiq.evaluate.ner import cli
        return cli(Path(args.corpus), args.format, Path(args.model) if args.model else None)
    if args.what == "dates":
        from tahqiq.evaluate.dates import cli
        missing = [p for p in args.cases if not Path(p).is_file()]
        if missing:
            return fail(f"case file not found: {', '.join(missing)}", 2)
        return cli([Path(p) for p in args.cases])
    if args.what == "mentions":
        from tahqiq.evaluate.mentions import cli
        return cli(Path(args.gold), warehouse_path(args.warehouse))
    from tahqiq.evaluate.reconcile import cli
    return cli(Path(args.gold), warehouse_path(args.warehouse))


def cmd_train_ner(args: argparse.Namespace) -> int:
    from tahqiq.extract.crf import DEFAULT_MODEL, train

    formats = args.format or []
    if len(formats) != len(args.corpus):
        return fail("give one --format after each --corpus (newsfane, aqmar, wojood or conll)", 2)
    for corpus in [*args.corpus, *(p for p in (args.unlabelled, args.silver) if p)]:
        if not Path(corpus).exists():
            return fail(f"corpus not found: {corpus}", 2)
    try:
        clusters = None
        if args.unlabelled:
            from tahqiq.extract.crf import cue_stems, word_stem
            from tahqiq.extract.word_clusters import build_clusters, iter_texts

            print(f"word clusters from {args.unlabelled}:")
            clusters = build_clusters(iter_texts(Path(args.unlabelled)), word_stem, cue_words=cue_stems(),
                                      progress=print)
        silver = None
        if args.silver:
            from tahqiq.extract.crf import silver_sentences
            from tahqiq.extract.word_clusters import iter_texts

            print(f"silver sentences from {args.silver} (rule finders on {args.silver_articles} articles):")
            silver = silver_sentences(iter_texts(Path(args.silver)), args.silver_articles, progress=print)
        result = train([(Path(c), f) for c, f in zip(args.corpus, formats, strict=True)],
                       Path(args.model or DEFAULT_MODEL), clusters=clusters, silver=silver,
                       silver_rule_features=args.silver_rule_features, progress=print)
    except ValueError as error:
        return fail(str(error), 2)
    print(f"held-out scores with c1={result['c1']} c2={result['c2']} ({result['held_out_sentences']} sentences):")
    for key, s in result["held_out"].items():
        print(f"  {key:7} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    print(f"model {result['model_path']} trained on {result['sentences']} sentences, {result['tokens']} tokens "
          f"in {result['seconds']:.0f}s")
    if result["clusters_path"]:
        print(f"word clusters {result['clusters_path']}")
    tuned = result["combination"]
    print(f"settings {result['settings_path']}: tagger spans added at confidence >= {tuned['min_confidence']}"
          f"{', longer tagger spans win over rule spans inside them' if tuned['longer_span_wins'] else ''}")
    return 0


class OneLineParser(argparse.ArgumentParser):
    """A misused command gets one line saying what is wrong (argparse prints the whole usage first)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (`{self.prog} --help` lists the options)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="tahqiq", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    run = sub.add_parser("run", help="materialize every asset for one batch folder through Dagster")
    run.add_argument("--input", required=True, help="batch folder (one article per file)")
    run.add_argument("--warehouse", help=f"DuckDB file (default $TAHQIQ_WAREHOUSE or {DEFAULT_WAREHOUSE})")
    run.add_argument("--batch-id", help="partition name (default: the folder's name)")
    run.set_defaults(func=cmd_run)

    query = sub.add_parser("query", help="run read-only SQL on the warehouse")
    query.add_argument("sql", help='one SELECT, e.g. "SELECT * FROM timeline"; tables and views: '
                       '"SELECT table_name, comment FROM duckdb_tables()"')
    query.add_argument("--warehouse", help=f"DuckDB file (default $TAHQIQ_WAREHOUSE or {DEFAULT_WAREHOUSE})")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table",
                       help="table (aligned, long cells cut), csv or json (whole values)")
    query.set_defaults(func=cmd_query)

    conflicts = sub.add_parser("conflicts", help="list where the sources disagree, most severe first")
    conflicts.add_argument("--warehouse", help=f"DuckDB file (default $TAHQIQ_WAREHOUSE or {DEFAULT_WAREHOUSE})")
    conflicts.set_defaults(func=cmd_conflicts)

    docs = sub.add_parser("docs", help="serve the pictures and the Great Expectations Data Docs over HTTP "
                          "(the Dagster UI shows the pictures from here)")
    docs.add_argument("--warehouse", help=f"DuckDB file whose reports/ and data_docs/ to serve (default "
                      f"$TAHQIQ_WAREHOUSE or {DEFAULT_WAREHOUSE})")
    docs.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    docs.add_argument("--port", type=int, default=3001, help="port (default 3001; the pictures' links use "
                      "$TAHQIQ_DOCS_URL, default http://127.0.0.1:3001)")
    docs.set_defaults(func=cmd_docs)

    evaluate = sub.add_parser("eval", help="score extraction and reconciliation against gold data")
    eval_sub = evaluate.add_subparsers(dest="what", required=True)
    ner = eval_sub.add_parser("ner", help="PERSON/ORG/LOC precision, recall, F1 on a BIO corpus")
    ner.add_argument("--corpus", required=True, help="BIO corpus file or folder")
    ner.add_argument("--format", default="conll", choices=["newsfane", "aqmar", "wojood", "conll"],
                     help="the corpus's format (default conll)")
    ner.add_argument("--model", help="CRF model to add to the rules (default data/models/ner_crf.model if present)")
    dates = eval_sub.add_parser("dates", help="date values and precisions on case files")
    dates.add_argument("--cases", required=True, nargs="+", help="TSV case files, e.g. data/eval/*.tsv")
    mentions = eval_sub.add_parser("mentions", help="PERSON/ORG/LOC/DATE/COUNT/WEAPON against hand-marked articles")
    mentions.add_argument("--gold", required=True, help="e.g. data/gold/samples_mentions.json")
    mentions.add_argument("--warehouse", help="DuckDB file the batch was run into")
    rec = eval_sub.add_parser("reconcile", help="pairwise entity-merge and event-cluster scores")
    rec.add_argument("--gold", required=True, help="e.g. data/gold/samples_reconcile.json")
    rec.add_argument("--warehouse", help="DuckDB file the batch was run into")
    for what, help_text in (
        ("entities", "PERSON/ORG mention recall and same-entity pairs against an event gold (e.g. ant-2018)"),
        ("events", "event clustering, distractors and per-event date/place/type/killed against an event gold"),
        ("conflicts", "precision and recall per attribute family against an event gold's conflicts"),
    ):
        gold_eval = eval_sub.add_parser(what, help=help_text)
        gold_eval.add_argument("--gold", required=True, help="gold folder holding gold.yaml")
        gold_eval.add_argument("--warehouse", help="warehouse of the gold's articles (default data/eval/<gold>/warehouse.duckdb)")
        gold_eval.add_argument("--corpus", help="ANT corpus (default <gold>/../../corpora/ant-multisource/"
                               "ant_multisource.jsonl.gz)")
        gold_eval.add_argument("--rebuild", action="store_true", help="rebuild the warehouse even when it exists")
        gold_eval.add_argument("--json", help="also write the figures to this JSON file")
    evaluate.set_defaults(func=cmd_eval)

    train_ner = sub.add_parser("train-ner", help="train the CRF name tagger on BIO corpora (added to the rules)")
    train_ner.add_argument("--corpus", required=True, action="append", help="BIO corpus file or folder (repeatable)")
    train_ner.add_argument("--format", action="append", choices=["newsfane", "aqmar", "wojood", "conll"],
                           help="format of the --corpus before it (repeatable, one per corpus)")
    train_ner.add_argument("--model", help="where to write the model (default data/models/ner_crf.model)")
    train_ner.add_argument("--unlabelled", help="unlabelled news (JSONL[.gz] with a \"text\" field, .txt or a folder "
                           "of .txt) to learn word clusters from; saved beside the model as NAME.clusters.tsv")
    train_ner.add_argument("--silver", help="unlabelled news (same formats as --unlabelled) that the rule finders "
                           "label; its sentences with a name are added to the training sentences")
    train_ner.add_argument("--silver-articles", type=int, default=1000,
                           help="how many --silver articles to label (default 1000)")
    train_ner.add_argument("--silver-rule-features", action="store_true",
                           help="keep the rule-tag features on silver sentences (default: they read O, so the "
                           "model learns names from words and context rather than copying the rules)")
    train_ner.set_defaults(func=cmd_train_ner)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except Exception as error:  # noqa: BLE001 - a person at a terminal gets one line, never a traceback
        if os.environ.get("TAHQIQ_DEBUG"):
            raise
        return fail(f"{type(error).__name__}: {one_line(str(error))} (TAHQIQ_DEBUG=1 shows the traceback)")


def one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
