"""Every misuse of the `tahqiq` command ends in one line saying what is wrong and a non-zero exit, never a
traceback: the installed command is run as a person runs it, in a subprocess."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from tahqiq import warehouse

TAHQIQ = Path(sys.executable).parent / "tahqiq"


def tahqiq(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(TAHQIQ), *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def assert_one_line_failure(result: subprocess.CompletedProcess, says: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert says in result.stderr, result.stderr


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wh") / "w.duckdb"
    with warehouse.writer(path):  # creates every table, empty
        pass
    return path


def test_unknown_corpus_format(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("x O\n", encoding="utf-8")
    assert_one_line_failure(tahqiq("eval", "ner", "--corpus", str(corpus), "--format", "foo"),
                            "invalid choice: 'foo'")


def test_conflicts_of_a_file_that_is_not_duckdb(tmp_path):
    not_duckdb = tmp_path / "notes.duckdb"
    not_duckdb.write_text("not a database", encoding="utf-8")
    assert_one_line_failure(tahqiq("conflicts", "--warehouse", str(not_duckdb)), "not a valid DuckDB database")


def test_eval_dates_with_a_missing_case_file(tmp_path):
    assert_one_line_failure(tahqiq("eval", "dates", "--cases", str(tmp_path / "missing.tsv")),
                            "case file not found")


def test_run_into_a_warehouse_that_cannot_be_written(tmp_path):
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x", encoding="utf-8")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_text("خبر", encoding="utf-8")
    assert_one_line_failure(tahqiq("run", "--input", str(batch), "--warehouse", str(a_file / "w.duckdb")),
                            "cannot use the warehouse")
    assert_one_line_failure(tahqiq("run", "--input", str(batch), "--warehouse", str(tmp_path)),
                            "is a folder")


def test_run_on_an_empty_folder_says_it_is_empty(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "_READY").touch()  # a marker is not an article
    assert_one_line_failure(tahqiq("run", "--input", str(empty), "--warehouse", str(tmp_path / "w.duckdb")),
                            "is empty")
    assert not (tmp_path / "w.duckdb").exists()


def test_a_misspelt_table_keeps_duckdbs_hint(small_warehouse):
    result = tahqiq("query", "SELECT * FROM artcles", "--warehouse", str(small_warehouse))
    assert_one_line_failure(result, 'Did you mean "articles"')


def test_a_missing_subcommand_argument():
    assert_one_line_failure(tahqiq("eval"), "required")


def test_every_option_of_every_command_has_help():
    from pipelines.cli import build_parser

    def walk(parser, name):
        for action in parser._actions:
            if action.dest == "help":
                continue
            if isinstance(action, argparse._SubParsersAction):
                described = {choice.dest: choice.help for choice in action._choices_actions}
                for sub_name, sub in action.choices.items():
                    assert described.get(sub_name), f"`{name} {sub_name}` has no help text"
                    walk(sub, f"{name} {sub_name}")
                continue
            assert action.help, f"`{name}` option {action.dest} has no help text"

    walk(build_parser(), "tahqiq")
    for command in ("run", "query", "conflicts", "eval", "train-ner"):
        usage = tahqiq(command, "--help")
        assert usage.returncode == 0 and "show this help" in usage.stdout


def test_docs_serves_pictures_and_docs_but_not_the_warehouse(tmp_path):
    import socket
    import time
    import urllib.error
    import urllib.request

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "event_map.png").write_bytes(b"png")
    (tmp_path / "w.duckdb").write_bytes(b"the warehouse")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([str(TAHQIQ), "docs", "--warehouse", str(tmp_path / "w.duckdb"), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/reports/event_map.png", timeout=5) as response:
                    assert response.read() == b"png"
                break
            except urllib.error.URLError:
                time.sleep(0.2)
        else:
            pytest.fail(f"tahqiq docs did not answer: {server.stderr.read() if server.poll() is not None else ''}")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/w.duckdb", timeout=5)
        assert refused.value.code == 404
        # a second server on the same port: one line, no traceback
        assert_one_line_failure(tahqiq("docs", "--warehouse", str(tmp_path / "w.duckdb"), "--port", str(port)),
                                "cannot serve on")
    finally:
        server.terminate()
        server.wait(timeout=30)
