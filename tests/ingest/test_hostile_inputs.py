"""Hostile inputs: each is read in isolation, within limits, and ends as an article or a quarantine row
with its reason; none fails, hangs or garbles the batch."""

from __future__ import annotations

import json
import os
import random
import time
from datetime import datetime
from pathlib import Path

import pytest

from tahqiq.ingest import read_batch, readers
from tahqiq.ingest.batch import ingest_batch
from tahqiq.ingest.readers import decode_bytes, mojibake_in
from tahqiq.limits import time_budget

BODY = "أعلنت وزارة الدفاع أن قواتها نفذت غارة جوية قرب مدينة البوكمال شرق سوريا."
OTHER = "قال مسؤول محلي إن الهجوم أسفر عن مقتل ثلاثة مسلحين وإصابة رابع في القرية."
INGESTED_AT = datetime(2026, 12, 6)


def reasons(folder: Path) -> dict[str, str]:
    with time_budget(20):  # a hang fails the test instead of stalling the suite
        result = read_batch(folder)
    found = {q.source_file: q.reason for q in result.quarantined}
    found.update({a.source_file: "article" for a in result.articles})
    return found


def test_a_fifo_is_quarantined_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    os.mkfifo(tmp_path / "y.csv")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    started = time.monotonic()
    assert reasons(tmp_path) == {"x.txt": "not_regular_file", "y.csv": "not_regular_file", "good.txt": "article"}
    assert time.monotonic() - started < 5


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_its_bytes_escaped(tmp_path):
    (Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))).write_text(BODY, encoding="utf-8")
    raw, quarantine = ingest_batch(tmp_path, "b", INGESTED_AT, {})
    assert raw["source_file"].to_list() == ["caf\\xe9.txt"]
    assert quarantine.height == 0
    raw.to_arrow()  # valid UTF-8 all through: DuckDB can store it


def test_lone_surrogate_escapes_are_quarantined_and_spare_the_other_lines(tmp_path):
    (tmp_path / "one.json").write_text('{"text": "' + BODY + '\\ud800"}', encoding="utf-8")
    good = json.dumps({"text": OTHER}, ensure_ascii=False)
    (tmp_path / "many.jsonl").write_text(f'{good}\n{{"text": "{BODY}", "title": "\\udfff"}}\n', encoding="utf-8")
    result = read_batch(tmp_path)
    assert {q.source_file: q.reason for q in result.quarantined} == {"one.json": "invalid_json",
                                                                     "many.jsonl#L2": "invalid_json"}
    assert "surrogate" in result.quarantined[0].detail
    assert [a.text for a in result.articles] == [OTHER]


def test_truncated_and_corrupt_utf8_is_refused_never_read_as_windows_1256(tmp_path):
    data = BODY.encode("utf-8")
    cut = (BODY + "ب").encode("utf-8")[:-1]
    (tmp_path / "cut.txt").write_bytes(cut)
    (tmp_path / "corrupt.txt").write_bytes(data[:20] + b"\xff" + data[20:])
    (tmp_path / "cut_bom.txt").write_bytes(b"\xef\xbb\xbf" + cut)
    (tmp_path / "windows.txt").write_bytes(BODY.encode("cp1256"))
    assert reasons(tmp_path) == {"cut.txt": "truncated_utf8", "corrupt.txt": "undecodable",
                                 "cut_bom.txt": "truncated_utf8", "windows.txt": "article"}


def test_random_bytes_never_become_articles(tmp_path):
    rng = random.Random(15)
    for i in range(300):
        (tmp_path / f"r{i}.txt").write_bytes(rng.randbytes(rng.randint(1, 3000)))
    found = reasons(tmp_path)
    assert len(found) == 300
    assert "article" not in found.values()


def test_a_garbage_tail_does_not_change_how_good_jsonl_lines_decode(tmp_path):
    lines = [json.dumps({"text": text}, ensure_ascii=False).encode() for text in (BODY, OTHER)]
    (tmp_path / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n\xd8\xa7\xff\xfe garbage \xc3")
    result = read_batch(tmp_path)
    assert sorted(a.text for a in result.articles) == sorted([BODY, OTHER])
    assert all(a.encoding == "utf-8" for a in result.articles)
    assert [(q.source_file, q.reason) for q in result.quarantined] == [("feed.jsonl#L3", "undecodable")]


def test_utf16_without_bom_is_read_even_with_characters_outside_arabic_and_ascii(tmp_path):
    text = "\u200f" + BODY + " \u0600 ١٢ «" + OTHER + "» \u2013 " + "\u200f"
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(encoding)) == (text, encoding)
    no_spaces = "".join(BODY.split()).rstrip(".")  # no ASCII at all: not one NUL byte
    assert decode_bytes(no_spaces.encode("utf-16-le")) == (no_spaces, "utf-16-le")
    (tmp_path / "packed.txt").write_bytes(no_spaces.encode("utf-16-le"))
    assert reasons(tmp_path) == {"packed.txt": "article"}


def test_persian_and_urdu_are_not_arabic(tmp_path):
    (tmp_path / "fa.txt").write_text("وزارت دفاع اعلام کرد که این حمله در شرق سوریه انجام شده است و از آن "
                                     "برای هدف قرار دادن یک فرمانده استفاده شد", encoding="utf-8")
    (tmp_path / "ur.txt").write_text("وزارت دفاع نے کہا ہے کہ یہ حملہ شام کے مشرق میں کیا گیا اور اس میں "
                                     "ایک کمانڈر کو نشانہ بنایا گیا", encoding="utf-8")
    (tmp_path / "ar.txt").write_text(BODY + " " + OTHER, encoding="utf-8")
    result = read_batch(tmp_path)
    found = {q.source_file: q for q in result.quarantined}
    assert found["fa.txt"].reason == "not_arabic" and "Persian" in found["fa.txt"].detail
    assert found["ur.txt"].reason == "not_arabic" and "Urdu" in found["ur.txt"].detail
    assert [a.source_file for a in result.articles] == ["ar.txt"]


def test_text_that_arrived_as_mojibake_is_quarantined(tmp_path):
    garbled = BODY.encode("utf-8").decode("cp1256")
    (tmp_path / "double.json").write_text(json.dumps({"text": garbled}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "replaced.txt").write_text(BODY + "\ufffd\ufffd", encoding="utf-8")
    assert reasons(tmp_path) == {"double.json": "mojibake", "replaced.txt": "mojibake"}
    assert mojibake_in(BODY + " يستطيع؟ الربيع، ضغط،") is None


def test_deeply_nested_html_is_refused_quickly(tmp_path):
    depth = 20_000
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * depth + BODY + "</div>" * depth, encoding="utf-8")
    (tmp_path / "fine.html").write_text("<html><body>" + "<div>" * 40 + f"<p>{BODY}</p>" + "</div>" * 40,
                                        encoding="utf-8")
    started = time.monotonic()
    assert reasons(tmp_path) == {"deep.html": "html_too_deep", "fine.html": "article"}
    assert time.monotonic() - started < 5


def test_a_manifest_that_links_outside_the_batch_is_not_read(tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("file,outlet\na.txt,leaked-outlet\n", encoding="utf-8")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_text(BODY, encoding="utf-8")
    (batch / "manifest.csv").symlink_to(outside)
    result = read_batch(batch)
    assert [(q.source_file, q.reason) for q in result.quarantined] == [
        ("manifest.csv", "manifest_symlink_outside_batch")]
    assert result.articles[0].outlet is None


def test_a_file_swapped_for_an_outside_link_after_listing_is_not_read(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text(OTHER, encoding="utf-8")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_text(BODY, encoding="utf-8")
    listed = readers._list_batch_files

    def list_then_swap(root):
        found = listed(root)
        (batch / "a.txt").unlink()
        (batch / "a.txt").symlink_to(secret)
        return found

    monkeypatch.setattr(readers, "_list_batch_files", list_then_swap)
    result = read_batch(batch)
    assert result.articles == []
    assert [(q.source_file, q.reason) for q in result.quarantined] == [("a.txt", "symlink_outside_batch")]


def test_a_link_inside_the_batch_is_read_where_it_points(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert reasons(tmp_path) == {"a.txt": "article", "b.txt": "article"}


@pytest.mark.parametrize("copy_name", ["a_copy.txt", "z_copy.txt"])
def test_among_exact_copies_the_one_with_metadata_is_kept(tmp_path, copy_name):
    (tmp_path / "m_described.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / copy_name).write_text(BODY, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet,url,published_at\n"
                                           "m_described.txt,wire.example,https://wire.example/1,2024-05-10\n",
                                           encoding="utf-8")
    raw, quarantine = ingest_batch(tmp_path, "b", INGESTED_AT, {})
    assert raw["source_file"].to_list() == ["m_described.txt"]
    assert quarantine.select("source_file", "reason").rows() == [(copy_name, "exact_duplicate")]
    assert "m_described.txt" in quarantine["detail"][0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any folder")
def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        assert reasons(tmp_path) == {"locked": "unreadable"}
    finally:
        (tmp_path / "locked").chmod(0o755)
