import json
import os
from pathlib import Path

import pytest

from tahqiq.ingest import read_batch
from tahqiq.ingest.readers import dateline_from_text, decode_bytes, extract_html, outlet_from_url

# Our own short sentences (never seed text).
TITLE = "غارة جوية تستهدف مخزن أسلحة في ريف دير الزور"
BODY_A = "أعلنت وزارة الدفاع أن قواتها نفذت غارة جوية قرب مدينة البوكمال."
BODY_B = "قال مسؤول محلي إن الهجوم أسفر عن مقتل ثلاثة مسلحين وإصابة رابع."
BODY_C = "وذكر شهود عيان أن دوي انفجارات سمع في القرى المجاورة حتى الصباح."
BODY_D = "وأكد بيان للتحالف أن العملية استهدفت قياديا في التنظيم كان يتنقل بسيارة."
BODY_E = "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى ساعة إعداد هذا الخبر."
BODY_F = "وتشهد المنطقة منذ أسابيع توترا أمنيا بعد سلسلة هجمات على نقاط التفتيش."
MAX_BYTES = 4000

HTML_PAGE = f"""<!doctype html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>{TITLE} | موقع الأخبار</title>
<meta property="og:title" content="{TITLE}">
<link rel="canonical" href="https://www.example-news.net/syria/2024/05/12/strike">
<meta property="article:published_time" content="2024-05-12T08:30:00+03:00">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li></ul></nav>
<header class="site-header"><a href="/">موقع الأخبار</a></header>
<article>
<div class="section-label">تقارير</div>
<h1>{TITLE}</h1>
<div class="share-buttons"><a>شارك</a> <a>تويتر</a> <a>فيسبوك</a> <a>واتساب</a></div>
<p>{BODY_A} <a href="/x">التفاصيل</a> {BODY_B}</p>
<p><strong>اقرأ أيضاً:</strong> <a href="/y">انفجار في مستودع ذخيرة قرب الحدود</a></p>
<p>{BODY_C}</p>
<ul class="related-news"><li><a href="/z">عودة مئات العائلات إلى قراها</a></li></ul>
<p><a href="/w">سقوط قذائف على حي سكني</a></p>
</article>
<aside>الأكثر قراءة</aside>
<footer>جميع الحقوق محفوظة</footer>
<script>var tracking = 1;</script>
</body></html>
"""


def write(folder: Path, relative: str, data: bytes) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    write(folder, "plain_crlf.txt", f"{TITLE}\r\n\r\n{BODY_A}\r\n{BODY_B}\r{BODY_C}\n".encode())
    write(folder, "bom.txt", f"\ufeff{TITLE}\n\n{BODY_B}\n".encode())
    write(folder, "windows.txt", f"{TITLE}\r\n{BODY_C}\r\n{BODY_D}\r\n".encode("cp1256"))
    write(folder, "utf16le.txt", f"{TITLE}\n{BODY_D}\n".encode("utf-16"))
    write(folder, "utf16be.txt", b"\xfe\xff" + f"{TITLE}\n{BODY_E}\n".encode("utf-16-be"))
    write(folder, "page.html", HTML_PAGE.encode())
    write(
        folder,
        "single.json",
        json.dumps(
            {
                "id": "x-1",
                "title": TITLE,
                "body": BODY_E,
                "outlet": "وكالة محلية",
                "url": "https://news.example.org/a/1",
                "published_at": "2024-05-11",
            },
            ensure_ascii=False,
        ).encode(),
    )
    lines = [
        json.dumps({"text": BODY_A, "url": "https://www.aljazeera.net/news/1"}, ensure_ascii=False),
        '{"text": "' + BODY_B + '", "title": ',  # cut off mid-object
        json.dumps({"text": BODY_F, "published_at": "Sun, 12 May 2024 10:00:00 +0300"}, ensure_ascii=False),
        "",
        json.dumps({"title": TITLE}, ensure_ascii=False),
    ]
    write(folder, "stream.jsonl", "\n".join(lines).encode())
    write(folder, "empty.txt", b"")
    write(folder, "blank.txt", b"  \n\t\r\n ")
    write(folder, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(folder, "english.txt", b"Officials said the strike hit a warehouse near the river.\n")
    write(folder, "big.txt", f"{TITLE}\n{BODY_A * 60}\n".encode())
    write(folder, "no_text.json", json.dumps({"title": TITLE, "url": "https://x.example/1"}).encode())
    write(folder, "truncated.json", ('{"text": "' + BODY_A).encode())
    write(folder, "notes.docx", b"PK\x03\x04 not really a document")
    write(folder, "sub/deeper/nested.txt", f"{BODY_F}\n".encode())
    write(folder, "_READY", b"")
    write(folder, ".DS_Store", b"\x00\x01junk")
    write(
        folder,
        "manifest.csv",
        (
            "file,url,outlet,published_at\n"
            "plain_crlf.txt,https://www.enabbaladi.net/archives/1,عنب بلدي,2024-05-10\n"
            "../../etc/passwd,,,\n"
            "/etc/hostname,,,\n"
            "missing.txt,https://x.example/2,,\n"
        ).encode(),
    )
    return folder


@pytest.fixture
def result(batch: Path):
    return read_batch(batch, max_bytes=MAX_BYTES)


def by_source(result):
    articles = {a.source_file: a for a in result.articles}
    quarantined = {q.source_file: q for q in result.quarantined}
    return articles, quarantined


@pytest.mark.parametrize(
    ("source_file", "reason"),
    [
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("photo.txt", "binary"),
        ("english.txt", "not_arabic"),
        ("big.txt", "too_large"),
        ("no_text.json", "missing_text"),
        ("truncated.json", "invalid_json"),
        ("notes.docx", "unsupported_format"),
        ("stream.jsonl#L2", "invalid_json"),
        ("stream.jsonl#L5", "missing_text"),
        ("../../etc/passwd", "manifest_outside_batch"),
        ("/etc/hostname", "manifest_outside_batch"),
        ("missing.txt", "manifest_missing_file"),
    ],
)
def test_bad_inputs_are_quarantined_with_reason(result, source_file, reason):
    _, quarantined = by_source(result)
    assert source_file in quarantined, sorted(quarantined)
    assert quarantined[source_file].reason == reason
    assert quarantined[source_file].detail


def test_quarantine_details_say_what_to_do(result):
    _, quarantined = by_source(result)
    assert "PNG" in quarantined["photo.txt"].detail
    assert "4,000" in quarantined["big.txt"].detail


@pytest.mark.parametrize(
    ("source_file", "encoding", "title", "body"),
    [
        ("plain_crlf.txt", "utf-8", TITLE, f"{BODY_A}\n{BODY_B}\n{BODY_C}"),
        ("bom.txt", "utf-8-sig", TITLE, BODY_B),
        ("windows.txt", "cp1256", TITLE, f"{BODY_C}\n{BODY_D}"),
        ("utf16le.txt", "utf-16", TITLE, BODY_D),
        ("utf16be.txt", "utf-16", TITLE, BODY_E),
        ("single.json", "utf-8", TITLE, BODY_E),
        ("stream.jsonl#L1", "utf-8", None, BODY_A),
        ("stream.jsonl#L3", "utf-8", None, BODY_F),
        ("sub/deeper/nested.txt", "utf-8", None, BODY_F),
    ],
)
def test_good_inputs_read_as_exact_arabic(result, source_file, encoding, title, body):
    articles, _ = by_source(result)
    article = articles[source_file]
    assert article.encoding == encoding
    assert article.clean() == (title, body)


def test_html_main_text_without_page_furniture(result):
    articles, _ = by_source(result)
    page = articles["page.html"]
    title, body = page.clean()
    assert title == TITLE
    assert body == f"{BODY_A} التفاصيل {BODY_B}\n\n{BODY_C}"
    for furniture in (
        "الرئيسية",
        "شارك",
        "اقرأ",
        "تقارير",
        "عودة مئات",
        "سقوط قذائف",
        "الأكثر قراءة",
        "tracking",
    ):
        assert furniture not in body
    assert page.url == "https://www.example-news.net/syria/2024/05/12/strike"
    assert page.outlet == "example-news.net"
    assert page.published_at == "2024-05-12"  # htmldate reads the page's date to the day


def test_metadata_precedence(result):
    articles, _ = by_source(result)
    from_manifest = articles["plain_crlf.txt"]
    assert (from_manifest.outlet, from_manifest.url) == ("عنب بلدي", "https://www.enabbaladi.net/archives/1")
    assert (from_manifest.published_at, from_manifest.published_source) == ("2024-05-10", "manifest")
    single = articles["single.json"]
    assert (single.outlet, single.declared_id, single.published_at, single.published_source) == (
        "وكالة محلية",
        "x-1",
        "2024-05-11",
        "json",
    )
    assert articles["stream.jsonl#L1"].outlet == "aljazeera.net"
    assert articles["stream.jsonl#L3"].published_at == "2024-05-12T10:00:00+03:00"
    assert articles["bom.txt"].published_at is None and articles["bom.txt"].published_source is None


def test_every_input_ends_exactly_once(batch, result):
    sources = [a.source_file for a in result.articles] + [q.source_file for q in result.quarantined]
    assert len(sources) == len(set(sources))
    expected_files = {
        "plain_crlf.txt",
        "bom.txt",
        "windows.txt",
        "utf16le.txt",
        "utf16be.txt",
        "page.html",
        "single.json",
        "empty.txt",
        "blank.txt",
        "photo.txt",
        "english.txt",
        "big.txt",
        "no_text.json",
        "truncated.json",
        "notes.docx",
        "sub/deeper/nested.txt",
    }
    expected_lines = {"stream.jsonl#L1", "stream.jsonl#L2", "stream.jsonl#L3", "stream.jsonl#L5"}
    expected_manifest = {"../../etc/passwd", "/etc/hostname", "missing.txt"}
    assert set(sources) == expected_files | expected_lines | expected_manifest
    assert not any(s in ("_READY", ".DS_Store", "manifest.csv") for s in sources)


def test_manifest_never_reads_outside_the_batch(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{TITLE}\n{BODY_A}\n", encoding="utf-8")
    folder = tmp_path / "batch"
    write(folder, "ok.txt", f"{BODY_B}\n".encode())
    os.symlink(secret, folder / "link.txt")
    write(
        folder,
        "manifest.jsonl",
        "\n".join(
            [
                json.dumps({"file": "../secret.txt"}),
                json.dumps({"file": "link.txt", "outlet": "x"}),
                "not json",
            ]
        ).encode(),
    )
    result = read_batch(folder)
    assert [a.source_file for a in result.articles] == ["ok.txt"]
    reasons = sorted((q.source_file, q.reason) for q in result.quarantined)
    assert reasons == [
        ("../secret.txt", "manifest_outside_batch"),
        ("link.txt", "symlink_outside_batch"),
        ("manifest.jsonl#L3", "manifest_invalid_entry"),
    ]
    assert all(BODY_A not in a.text for a in result.articles)


def test_progress_is_reported_per_file(batch: Path):
    calls: list[tuple[int, int]] = []
    read_batch(batch, max_bytes=MAX_BYTES, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1] == len(calls) == 17


def test_unreadable_file_becomes_quarantine_row(tmp_path: Path):
    folder = tmp_path / "batch"
    write(folder, "ok.txt", f"{BODY_B}\n".encode())
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    result = read_batch(folder)
    assert [q.reason for q in result.quarantined] == ["unreadable"]
    assert [a.source_file for a in result.articles] == ["ok.txt"]


def test_decode_prefers_utf8_then_cp1256():
    assert decode_bytes(BODY_A.encode()) == (BODY_A, "utf-8")
    assert decode_bytes(BODY_A.encode("cp1256")) == (BODY_A, "cp1256")
    assert decode_bytes(BODY_A.encode("utf-16-le")) == (BODY_A, "utf-16-le")


def test_html_charset_declaration_is_honoured():
    html = f'<html><head><meta charset="windows-1256"></head><body><p>{BODY_C}</p></body></html>'
    text, encoding = decode_bytes(html.encode("cp1256"), "windows-1256")
    assert encoding == "cp1256"
    assert extract_html(text).text == BODY_C


def test_dateline_only_from_short_stated_lines():
    assert dateline_from_text(f"الأحد ١٢/٠٥/٢٠٢٤\n{BODY_A}") == "2024-05-12"
    assert dateline_from_text(f"{BODY_A}\nنشر بتاريخ 2024-05-13") == "2024-05-13"
    assert dateline_from_text(f"{BODY_A} " * 3 + "في 12/05/2024.") is None


def test_outlet_from_url():
    assert outlet_from_url("https://www.aljazeera.net/news/2024/1") == "aljazeera.net"
    assert outlet_from_url("not a url") is None


def test_a_short_paragraph_with_a_link_is_prose_not_a_link_list():
    html = (f"<html><body><article><h1>{TITLE}</h1><p>{BODY_A}</p><p>قال <a href='/m'>المرصد</a> ذلك.</p>"
            f"<p>{BODY_B}</p></article></body></html>")
    assert "قال المرصد ذلك." in extract_html(html).text


def test_html_without_paragraph_tags_keeps_blocks_and_line_breaks():
    html = (
        '<html><body><div class="top-menu">الرئيسية</div><div id="content">'
        f"<div>{BODY_A}</div><div>{BODY_B}<br>{BODY_C}</div></div></body></html>"
    )
    assert extract_html(html).text == f"{BODY_A}\n\n{BODY_B}\n{BODY_C}"


def test_repeated_bad_manifest_entries_are_reported_once(tmp_path: Path):
    folder = tmp_path / "batch"
    write(folder, "ok.txt", f"{BODY_B}\n".encode())
    write(folder, "manifest.csv", b"file,url\n../x.txt,\n../x.txt,\ngone.txt,\n")
    write(folder, "manifest.jsonl", b'{"file": "gone.txt"}\n')
    result = read_batch(folder)
    assert sorted((q.source_file, q.reason) for q in result.quarantined) == [
        ("../x.txt", "manifest_outside_batch"),
        ("gone.txt", "manifest_missing_file"),
    ]
