"""Whatever lands in a batch, read_batch returns and accounts for every input exactly once."""

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tahqiq.ingest import read_batch

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩،؛؟"
EXTENSIONS = [".txt", ".html", ".json", ".jsonl", ".htm", ".csv", ""]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1256"]

arabic_text = st.text(alphabet=ARABIC_LETTERS + ' \n\r\t."{}:,[]<>', min_size=0, max_size=400)


@st.composite
def file_contents(draw) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=600))
    text = draw(arabic_text)
    if draw(st.booleans()):
        text = '{"text": "' + text.replace('"', "") + '"}'
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


batch_files = st.lists(
    st.tuples(st.sampled_from(EXTENSIONS), st.booleans(), file_contents()), min_size=1, max_size=8
)


def plain_jsonl_lines(data: bytes) -> list[int] | None:
    """Numbers of the non-blank lines of a small BOM-less UTF-8 JSONL file, else None."""
    if not data.strip() or len(data) > 300 or b"\x00" in data or data.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        lines = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    except UnicodeDecodeError:
        return None
    return [n for n, line in enumerate(lines, start=1) if line.strip()]


def assert_every_input_once(
    folder: Path, sources: list[str], manifest_problems: set[str] = frozenset()
) -> None:
    assert len(sources) == len(set(sources)), "an input was reported twice"
    assert manifest_problems <= set(sources), "a bad manifest entry was not reported"
    by_file: dict[str, list[str]] = {}
    for source in sources:
        if source in manifest_problems:
            continue
        by_file.setdefault(source.split("#L")[0], []).append(source)
    on_disk = {
        p.relative_to(folder).as_posix(): p
        for p in folder.rglob("*")
        if p.is_file() and p.name != "manifest.csv"
    }
    assert set(by_file) == set(on_disk), "an input file is missing or an unknown one appeared"
    for relative, reported in by_file.items():
        if not relative.endswith(".jsonl"):
            assert reported == [relative]
            continue
        if reported == [relative]:  # the whole file was refused (binary, too large, ...)
            continue
        assert relative not in reported, "a JSONL file is reported both whole and by line"
        line_numbers = sorted(int(s.split("#L")[1]) for s in reported)
        expected = plain_jsonl_lines(on_disk[relative].read_bytes())
        if expected is not None:
            assert line_numbers == expected


manifest_targets = st.lists(
    st.sampled_from(
        ["f0.txt", "f1.json", "../escape.txt", "../../etc/passwd", "/abs.txt", "gone.txt", "sub/../f0.txt"]
    ),
    max_size=5,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch_files, manifest_targets)
def test_read_batch_never_raises_and_accounts_for_every_input(files, manifest_entries):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        for index, (extension, nested, data) in enumerate(files):
            path = folder / ("sub" if nested else "") / f"f{index}{extension}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if manifest_entries:
            rows = "".join(f"{target},https://example.org/{i}\n" for i, target in enumerate(manifest_entries))
            (folder / "manifest.csv").write_text("file,url\n" + rows, encoding="utf-8")

        result = read_batch(folder, max_bytes=300)

        outside = {t for t in manifest_entries if t.startswith(("..", "/"))}
        named = {os.path.normpath(t) for t in manifest_entries if t not in outside}
        missing = {t for t in named if not (folder / t).is_file()}
        reasons = {q.source_file: q.reason for q in result.quarantined}
        assert all(reasons[t] == "manifest_outside_batch" for t in outside)
        assert all(reasons[t] == "manifest_missing_file" for t in missing)
        sources = [a.source_file for a in result.articles] + [q.source_file for q in result.quarantined]
        assert_every_input_once(folder, sources, outside | missing)
        for row in result.quarantined:
            assert row.reason and row.detail
        for article in result.articles:
            assert article.text.strip()
            article.clean()


ARABIC_WORD_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْ"
arabic_prose = st.text(alphabet=ARABIC_WORD_LETTERS + " \n", min_size=1, max_size=300).filter(
    lambda t: sum(ch.isalpha() for ch in t) >= 5
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arabic_prose, st.sampled_from(ENCODINGS))
def test_arabic_text_round_trips_in_every_supported_encoding(text, encoding):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "article.txt").write_bytes(text.encode(encoding))

        result = read_batch(folder)

        assert result.quarantined == []
        [article] = result.articles
        assert article.text == text
        assert article.encoding == encoding
