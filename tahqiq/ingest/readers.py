"""Read a batch folder into articles and quarantine rows; every input ends in exactly one of them.

A batch is a folder of article files (.txt, .html/.htm, .json, .jsonl), optionally with a
manifest (manifest.csv or manifest.jsonl) that gives metadata for files that carry none.
Nothing here raises on bad input: whatever cannot be read becomes a `Quarantined` row with a short
reason code and a detail that tells the analyst what to do next.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser

from tahqiq.dates.publication import date_from_url
from tahqiq.text.clean import clean_body, strip_invisible_junk

ARTICLE_FORMATS = {".txt", ".html", ".htm", ".json", ".jsonl"}
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
CONTROL_FILE_NAMES = {"_READY", "_SUCCESS", "_DONE"}
DEFAULT_MAX_BYTES = 5_000_000
# Below this share of Arabic letters among all letters an article is not Arabic news.
MIN_ARABIC_LETTER_SHARE = 0.3

_MAGIC_NUMBERS: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a GZIP archive"),
    (b"BZh", "a BZIP2 archive"),
    (b"\xfd7zXZ\x00", "an XZ archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document (.doc/.xls)"),
    (b"RIFF", "a RIFF media file (WebP/WAV/AVI)"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
]
_BOMS: list[tuple[bytes, str]] = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
_ARABIC_LETTER = re.compile(
    "[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"
)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DATELINE_NUMERIC = re.compile(
    r"(?<!\d)(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))(?!\d)"
)
_DATELINE_MAX_CHARS = 80


@dataclass
class RawArticle:
    """One readable article, as found in the batch (text not yet cleaned)."""

    source_file: str
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    published_source: str | None  # "manifest" | "json" | "html" (meta tags) | "url" | "text" (dateline) | None
    declared_id: str | None
    encoding: str
    format: str = "txt"
    # True for .txt: a short first line of `text` is the title (see tahqiq.text.clean.clean_body).
    title_in_text: bool = False

    def clean(self) -> tuple[str | None, str]:
        """(title, body display text): the title found in the text or given by metadata."""
        found_title, body = clean_body(
            self.text, title_from_first_line=self.title_in_text, known_title=self.title
        )
        return (self.title or found_title), body


# Every reason code a quarantine row can carry; manifest problems are prefixed "manifest_".
FILE_REASONS = ("empty", "binary", "undecodable", "invalid_json", "missing_text", "too_large", "not_arabic",
                "unsupported_format", "symlink_outside_batch", "unreadable", "exact_duplicate")
MANIFEST_REASONS = ("manifest_outside_batch", "manifest_missing_file", "manifest_invalid_entry",
                    "manifest_unreadable", "manifest_invalid", *(f"manifest_{r}" for r in FILE_REASONS))
QUARANTINE_REASONS = FILE_REASONS + MANIFEST_REASONS


@dataclass
class Quarantined:
    source_file: str
    reason: str
    detail: str


@dataclass
class BatchRead:
    articles: list[RawArticle] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)


class Rejected(Exception):
    """A file (or JSONL line) that cannot become an article, with its quarantine reason."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass
class ManifestEntry:
    url: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    title: str | None = None
    declared_id: str | None = None


# ---------------------------------------------------------------- batch


def read_batch(
    folder: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> BatchRead:
    """Read every article file under `folder` (recursively); never raises for a bad file."""
    folder = Path(folder)
    root = folder.resolve()
    result = BatchRead()
    manifest, manifest_rows = _read_manifest(root, max_bytes)
    result.quarantined.extend(manifest_rows)

    files, escaping = _list_batch_files(root)
    result.quarantined.extend(escaping)
    for done, relative in enumerate(files, start=1):
        try:
            articles, rejected = _read_file(root, relative, manifest.get(relative), max_bytes)
            result.articles.extend(articles)
            result.quarantined.extend(rejected)
        except Rejected as bad:
            result.quarantined.append(Quarantined(relative, bad.reason, bad.detail))
        except Exception as error:  # noqa: BLE001 - one broken file must not stop the batch
            result.quarantined.append(
                Quarantined(
                    relative, "unreadable", f"{type(error).__name__}: {error}; check the file by hand"
                )
            )
        if progress is not None:
            progress(done, len(files))
    return result


def is_control_file(relative: str) -> bool:
    """Batch markers, manifests and hidden files are not articles."""
    parts = PurePosixPath(relative).parts
    name = parts[-1]
    if any(part.startswith(".") for part in parts):
        return True
    return name in CONTROL_FILE_NAMES or (len(parts) == 1 and name.lower().startswith("manifest."))


def _list_batch_files(root: Path) -> tuple[list[str], list[Quarantined]]:
    files: list[str] = []
    escaping: list[Quarantined] = []
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(directory, d))]):
            path = Path(directory) / name
            relative = path.relative_to(root).as_posix()
            if is_control_file(relative):
                continue
            if path.is_symlink() and not _inside(root, path):
                escaping.append(
                    Quarantined(
                        relative,
                        "symlink_outside_batch",
                        "the link points outside the batch folder and was not read; copy the file into the batch",
                    )
                )
                continue
            if path.is_dir():  # a link to a folder inside the batch: its files are read where they live
                continue
            files.append(relative)
    return files, escaping


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


# ---------------------------------------------------------------- manifest


def _read_manifest(root: Path, max_bytes: int) -> tuple[dict[str, ManifestEntry], list[Quarantined]]:
    entries: dict[str, ManifestEntry] = {}
    rows: list[Quarantined] = []
    for name in MANIFEST_NAMES:
        path = root / name
        if not path.is_file():
            continue
        try:
            records = _manifest_records(path, max_bytes)
        except Rejected as bad:
            rows.append(Quarantined(name, f"manifest_{bad.reason}", bad.detail))
            continue
        except Exception as error:  # noqa: BLE001
            rows.append(Quarantined(name, "manifest_unreadable", f"{type(error).__name__}: {error}"))
            continue
        for line_no, record in records:
            where = f"{name}#L{line_no}"
            if record is None:
                rows.append(
                    Quarantined(where, "manifest_invalid_entry", "the line is not a JSON object; fix it")
                )
                continue
            target = str(record.get("file") or "").strip()
            if not target:
                rows.append(Quarantined(where, "manifest_invalid_entry", "the entry has no 'file' value"))
                continue
            relative = _manifest_target(root, target)
            if relative is None and _is_symlink_in_batch(root, target):
                continue  # the folder walk already quarantines the escaping link itself
            if relative is None:
                rows.append(
                    Quarantined(
                        target,
                        "manifest_outside_batch",
                        f"{where} points outside the batch folder; refused and not read. "
                        "List only files inside the batch, by relative path",
                    )
                )
                continue
            if not (root / relative).is_file():
                rows.append(
                    Quarantined(
                        relative,
                        "manifest_missing_file",
                        f"{where} names a file that is not in the batch; add the file or remove the entry",
                    )
                )
                continue
            entries.setdefault(relative, _manifest_entry(record))
    # The same bad entry listed twice (or in both manifests) is one problem, reported once.
    unique_rows = list({row.source_file: row for row in reversed(rows)}.values())[::-1]
    return entries, unique_rows


def _manifest_records(path: Path, max_bytes: int) -> list[tuple[int, dict | None]]:
    data = _read_bytes_limited(path, max_bytes)
    text, _ = decode_bytes(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix == ".jsonl":
        records: list[tuple[int, dict | None]] = []
        for line_no, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                value = None
            records.append((line_no, value if isinstance(value, dict) else None))
        return records
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
        raise Rejected("invalid", "manifest.csv needs a header row with a 'file' column")
    return [
        (reader.line_num, {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k})
        for row in reader
    ]


def _manifest_target(root: Path, target: str) -> str | None:
    """The batch-relative path a manifest entry names, or None when it leaves the batch."""
    target = target.replace("\\", "/")
    if target.startswith("/") or re.match(r"^[A-Za-z]:", target) or "\x00" in target:
        return None
    candidate = root / target
    if not _inside(root, candidate):
        return None
    try:
        return (
            candidate.resolve().relative_to(root).as_posix()
            if candidate.exists()
            else (PurePosixPath(os.path.normpath(target)).as_posix())
        )
    except (OSError, ValueError):
        return None


def _is_symlink_in_batch(root: Path, target: str) -> bool:
    lexical = os.path.normpath(target.replace("\\", "/"))
    if os.path.isabs(lexical) or lexical.startswith(".."):
        return False
    return (root / lexical).is_symlink()


def _manifest_entry(record: dict) -> ManifestEntry:
    def value(*keys: str) -> str | None:
        for key in keys:
            found = record.get(key)
            if found not in (None, ""):
                return str(found).strip()
        return None

    return ManifestEntry(
        url=value("url"),
        outlet=value("outlet", "source"),
        published_at=value("published_at", "date"),
        title=value("title"),
        declared_id=value("id"),
    )


# ---------------------------------------------------------------- one file


def _read_file(
    root: Path, relative: str, manifest: ManifestEntry | None, max_bytes: int
) -> tuple[list[RawArticle], list[Quarantined]]:
    path = root / relative
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if suffix not in ARTICLE_FORMATS:
        kind = _binary_kind(_head(path))
        what = f"it is {kind}" if kind else f"'{suffix or 'no extension'}' is not an article format"
        raise Rejected("unsupported_format", f"{what}; supported: .txt .html .htm .json .jsonl")
    if size > max_bytes:
        raise Rejected("too_large", f"{size:,} bytes is over the {max_bytes:,}-byte limit; split the file")
    data = _read_bytes_limited(path, max_bytes)
    if not data.strip():
        raise Rejected("empty", "the file is empty or only whitespace; re-export it")
    kind = _binary_kind(data)
    if kind:
        raise Rejected("binary", f"the file is {kind}, not text; export the article as text")

    declared_charset = _html_charset(data) if suffix in (".html", ".htm") else None
    text, encoding = decode_bytes(data, declared_charset)
    if suffix == ".jsonl":
        return _read_jsonl(relative, text, encoding, manifest)
    if suffix == ".json":
        article = _article_from_json(relative, _parse_json(text), encoding, manifest)
    elif suffix in (".html", ".htm"):
        article = _article_from_html(relative, text, encoding, manifest)
    else:
        article = _article_from_txt(relative, text, encoding, manifest)
    return [article], []


def _head(path: Path, n: int = 16) -> bytes:
    with path.open("rb") as handle:
        return handle.read(n)


def _read_bytes_limited(path: Path, max_bytes: int) -> bytes:
    # Read one byte past the limit: a file that grew after stat() is still caught.
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Rejected("too_large", f"more than {max_bytes:,} bytes; split the file")
    return data


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192] and not _has_bom(data) and _utf16_without_bom(data) is None:
        return "binary data (it holds NUL bytes)"
    return None


def _has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


# ---------------------------------------------------------------- encodings


def decode_bytes(data: bytes, declared_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding): BOM, then strict UTF-8, then a declared charset, then Windows-1256 when it
    yields mostly Arabic letters, then charset-normalizer's best guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), ("utf-16" if encoding == "utf-16" else encoding)
            except UnicodeDecodeError as error:
                raise Rejected(
                    "undecodable",
                    f"starts with a {encoding} BOM but is not {encoding} ({error.reason}); re-export as UTF-8",
                ) from error
    # NUL bytes are valid UTF-8 but never in real text: they mean UTF-16 saved without a BOM.
    utf16 = _utf16_without_bom(data) if b"\x00" in data else None
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared_charset:
        try:
            return data.decode(declared_charset), _canonical_encoding(declared_charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        as_cp1256 = data.decode("cp1256")
        if arabic_letter_share(as_cp1256) >= 0.5:
            return as_cp1256, "cp1256"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise Rejected("undecodable", "the bytes are not text in any known encoding; re-export as UTF-8")
    return str(best), _canonical_encoding(best.encoding)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM: NUL bytes only at odd (LE) or even (BE) positions."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if even_nuls and odd_nuls or not (even_nuls or odd_nuls):
        return None
    encoding = "utf-16-le" if odd_nuls else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return (text, encoding) if printable >= 0.95 * len(text) else None


def _html_charset(data: bytes) -> str | None:
    found = _HTML_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "ignore") if found else None


def _canonical_encoding(name: str) -> str:
    name = name.lower().replace("_", "-")
    aliases = {"windows-1256": "cp1256", "utf8": "utf-8", "utf-8-sig": "utf-8-sig", "ascii": "utf-8"}
    return aliases.get(name, name)


def arabic_letter_share(text: str) -> float:
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(_ARABIC_LETTER.findall(text)) / letters


# ---------------------------------------------------------------- formats


def _article_from_txt(relative: str, text: str, encoding: str, manifest: ManifestEntry | None) -> RawArticle:
    _check_article_text(text)
    title, _ = clean_body(text, title_from_first_line=True)
    return _with_metadata(
        RawArticle(relative, text, title, None, None, None, None, None, encoding, "txt", title_in_text=True),
        manifest,
    )


def _parse_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Rejected(
            "invalid_json",
            f"{error.msg} at line {error.lineno} column {error.colno}; the file is truncated or malformed",
        ) from error


def _read_jsonl(
    relative: str, text: str, encoding: str, manifest: ManifestEntry | None
) -> tuple[list[RawArticle], list[Quarantined]]:
    articles: list[RawArticle] = []
    rejected: list[Quarantined] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{relative}#L{line_no}"
        try:
            articles.append(_article_from_json(where, _parse_json(line), encoding, manifest))
        except Rejected as bad:
            rejected.append(Quarantined(where, bad.reason, bad.detail))
        except Exception as error:  # noqa: BLE001
            rejected.append(Quarantined(where, "unreadable", f"{type(error).__name__}: {error}"))
    if not articles and not rejected:
        raise Rejected("empty", "the JSONL file holds no lines; re-export it")
    return articles, rejected


def _article_from_json(
    where: str, value: object, encoding: str, manifest: ManifestEntry | None
) -> RawArticle:
    if not isinstance(value, dict):
        raise Rejected("invalid_json", f"expected one JSON object, found {type(value).__name__}")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        text = value.get("body")
    if not isinstance(text, str) or not text.strip():
        present = "present but empty" if ("text" in value or "body" in value) else "absent"
        raise Rejected("missing_text", f"the 'text'/'body' field is {present}; every article needs its text")
    _check_article_text(text)

    published_at = _iso_datetime(_string_field(value, "published_at", "date", "time"))
    article = RawArticle(
        source_file=where,
        text=text,
        title=_string_field(value, "title"),
        url=_string_field(value, "url"),
        outlet=_string_field(value, "outlet", "source", "src"),
        published_at=published_at,
        published_source="json" if published_at else None,
        declared_id=_string_field(value, "id", "docno"),
        encoding=encoding,
        format="json",
    )
    return _with_metadata(article, manifest)


def _string_field(value: dict, *keys: str) -> str | None:
    for key in keys:
        found = value.get(key)
        if isinstance(found, (str, int, float)) and not isinstance(found, bool) and str(found).strip():
            return strip_invisible_junk(str(found)).strip()
    return None


def _article_from_html(relative: str, html: str, encoding: str, manifest: ManifestEntry | None) -> RawArticle:
    page = extract_html(html)
    if not page.text.strip():
        raise Rejected("empty", "the page has no article text (only navigation or scripts)")
    _check_article_text(page.text)
    published_at = _iso_datetime(page.published_at)
    article = RawArticle(
        source_file=relative,
        text=page.text,
        title=page.title,
        url=page.url,
        outlet=None,
        published_at=published_at,
        published_source="html" if published_at else None,
        declared_id=None,
        encoding=encoding,
        format="html",
    )
    return _with_metadata(article, manifest)


def _check_article_text(text: str) -> None:
    if not strip_invisible_junk(text).strip():
        raise Rejected("empty", "the article text is empty or only whitespace")
    share = arabic_letter_share(text)
    if share < MIN_ARABIC_LETTER_SHARE:
        raise Rejected(
            "not_arabic",
            f"only {share:.0%} of the letters are Arabic; this pipeline reads Arabic news "
            "(if the text looks garbled, re-export it as UTF-8)",
        )


def _with_metadata(article: RawArticle, manifest: ManifestEntry | None) -> RawArticle:
    """Manifest beats the file's own metadata; the URL's domain is the outlet of last resort."""
    if manifest is not None:
        article.url = manifest.url or article.url
        article.outlet = manifest.outlet or article.outlet
        article.title = manifest.title or article.title
        article.declared_id = manifest.declared_id or article.declared_id
        manifest_date = _iso_datetime(manifest.published_at)
        if manifest_date:
            article.published_at, article.published_source = manifest_date, "manifest"
    if not article.outlet and article.url:
        article.outlet = outlet_from_url(article.url)
    if not article.published_at:
        in_url = date_from_url(article.url)
        if in_url:
            article.published_at, article.published_source = in_url, "url"
    if not article.published_at:
        stated = dateline_from_text(article.text)
        if stated:
            article.published_at, article.published_source = stated, "text"
    return article


def outlet_from_url(url: str) -> str | None:
    try:
        host = urlparse(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host or " " in host:
        return None
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host or None


# ---------------------------------------------------------------- dates


def _iso_datetime(raw: str | None) -> str | None:
    """ISO 8601 string for a date/datetime written as ISO or RFC 2822; None when not a date."""
    if not raw:
        return None
    raw = raw.strip().translate(_ASCII_DIGITS)
    if _ISO_DATE.match(raw):
        try:
            if len(raw) == 10:
                return date.fromisoformat(raw).isoformat()
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def dateline_from_text(text: str) -> str | None:
    """The publication date an article states on a short line of its own (first or last lines)."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]
    for line in lines[:4] + lines[-3:]:
        if len(line) > _DATELINE_MAX_CHARS:
            continue
        found = _DATELINE_NUMERIC.search(line.translate(_ASCII_DIGITS))
        if not found:
            continue
        if found.group(1):
            year, month, day = found.group(1), found.group(2), found.group(3)
        else:
            day, month, year = found.group(4), found.group(5), found.group(6)
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------- HTML


@dataclass
class HtmlPage:
    text: str
    title: str | None
    url: str | None
    published_at: str | None


# A block before the headline (section label, breadcrumb) or one that is links behind a short lead
# ("اقرأ أيضاً: ...") belongs to the page, not to the article.
_LINK_LEAD_WORDS = 3


def extract_html(html: str) -> HtmlPage:
    """Main article text and metadata of an HTML page: trafilatura finds the main text and drops the
    page furniture, its metadata (htmldate for the date) gives title, URL and publication date."""
    import trafilatura

    tree = LexborHTMLParser(html)
    title = _html_title(tree)
    url = _meta(tree, 'link[rel="canonical"]', "href") or _meta(tree, 'meta[property="og:url"]', "content")
    found = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True, include_links=True,
                                        include_tables=True, include_comments=False, deduplicate=False)
    if found is None or found.body is None:
        return HtmlPage("", title, url, None)
    blocks = []
    for element in found.body:
        text = _element_text(element)
        if not text:
            continue
        if element.tag == "head" and title and " ".join(text.split()) == title:
            blocks = []  # the headline: what came before it was the page's, not the article's
            continue
        if not _is_link_list(element, text):
            blocks.append(text)
    return HtmlPage("\n\n".join(blocks), title or found.title, url or found.url, found.date)


def _element_text(element) -> str:
    """The element's text, a line per <lb/> and per list item, spaces collapsed within lines."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag in ("lb", "item", "row") and parts:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip())


def _is_link_list(element, text: str) -> bool:
    words = len(text.split())
    linked = len(" ".join("".join(ref.itertext()) for ref in element.iter("ref")).split())
    return linked * 2 >= words and words - linked <= _LINK_LEAD_WORDS


def _html_title(tree) -> str | None:
    for candidate in (
        _text_of(tree.css_first("article h1")),
        _text_of(tree.css_first("h1")),
        _meta(tree, 'meta[property="og:title"]', "content"),
        _text_of(tree.css_first("title")),
    ):
        if candidate:
            return candidate
    return None


def _text_of(node) -> str | None:
    if node is None:
        return None
    text = " ".join(node.text(deep=True).split())
    return text or None


def _meta(tree, selector: str, attribute: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get(attribute)
    return value.strip() if value and value.strip() else None
