"""Read a batch folder into articles and quarantine rows; every input ends in exactly one of them.

A batch is a folder of article files (.txt, .html/.htm, .json, .jsonl), optionally with a
manifest (manifest.csv or manifest.jsonl) that gives metadata for files that carry none.
Nothing here raises on bad input: whatever cannot be read becomes a `Quarantined` row with a short
reason code and a detail that tells the analyst what to do next.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser

from tahqiq.dates.publication import date_from_url
from tahqiq.limits import OverBudget, time_budget
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
# Text holds tabs, newlines and form feeds; other C0 control bytes mean binary data.
_CONTROL_BYTES = [b for b in range(32) if b not in (9, 10, 12, 13)]
MAX_CONTROL_SHARE = 0.01
# Real prose separates its words: random bytes read as Windows-1256 are "letters" with hardly a space.
MIN_WHITESPACE_SHARE = 0.05
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
FILE_REASONS = ("empty", "binary", "undecodable", "truncated_utf8", "mojibake", "invalid_json", "missing_text",
                "too_large", "not_arabic", "unsupported_format", "symlink_outside_batch", "not_regular_file",
                "html_too_deep", "unreadable", "exact_duplicate", "extraction_timeout")
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
    for row in result.quarantined:
        row.source_file, row.detail = printable(row.source_file), printable(row.detail)
    for article in result.articles:
        article.source_file = printable(article.source_file)
    return result


def printable(text: str) -> str:
    """`text` as valid Unicode: a file name's non-UTF-8 bytes (held as surrogate escapes) shown as \\xNN."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape" if _only_escaped_bytes(text) else "backslashreplace").decode(
            "utf-8", "backslashreplace")


def _only_escaped_bytes(text: str) -> bool:
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in text)


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

    def unlistable(error: OSError) -> None:  # a folder that cannot be listed is reported, not skipped
        where = Path(error.filename).relative_to(root).as_posix() if error.filename else "."
        escaping.append(Quarantined(where, "unreadable", f"the folder could not be listed ({error.strerror}); "
                                    "its files were not read. Check its permissions"))

    for directory, dirnames, filenames in os.walk(root, followlinks=False, onerror=unlistable):
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
        if not os.path.lexists(root / name):
            continue
        try:
            records = _manifest_records(root, name, max_bytes)
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
            if not os.path.lexists(root / relative):
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


def _manifest_records(root: Path, name: str, max_bytes: int) -> list[tuple[int, dict | None]]:
    text, _ = decode_bytes(read_in_batch(root, name, max_bytes))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if name.endswith(".jsonl"):
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
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix not in ARTICLE_FORMATS:
        kind = _binary_kind(read_in_batch(root, relative, max_bytes, head_only=True))
        what = f"it is {kind}" if kind else f"'{suffix or 'no extension'}' is not an article format"
        raise Rejected("unsupported_format", f"{what}; supported: .txt .html .htm .json .jsonl")
    data = read_in_batch(root, relative, max_bytes)
    if not data.strip():
        raise Rejected("empty", "the file is empty or only whitespace; re-export it")
    # A JSONL file is judged line by line (a binary line is that line's problem), unless it is a
    # known binary format as a whole.
    kind = _magic_kind(data) if suffix == ".jsonl" else _binary_kind(data)
    if kind:
        raise Rejected("binary", f"the file is {kind}, not text; export the article as text")
    if suffix == ".jsonl":
        return _read_jsonl(relative, data, manifest)

    declared_charset = _html_charset(data) if suffix in (".html", ".htm") else None
    text, encoding = decode_bytes(data, declared_charset)
    if suffix == ".json":
        article = _article_from_json(relative, _parse_json(text), encoding, manifest)
    elif suffix in (".html", ".htm"):
        article = _article_from_html(relative, text, encoding, manifest)
    else:
        article = _article_from_txt(relative, text, encoding, manifest)
    return [article], []


_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_HEAD_BYTES = 16


def read_in_batch(root: Path, relative: str, max_bytes: int, head_only: bool = False) -> bytes:
    """The bytes of a regular file inside the batch, at most `max_bytes` (or its first bytes).

    A FIFO or device is refused from its lstat() without being opened (opening a FIFO blocks until
    someone writes to it); the open itself follows no link and never blocks, so a file swapped for a
    link or a FIFO after that check is refused too. A link is followed only to a file inside the batch.
    """
    path = root / relative
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            if not _inside(root, path):
                raise Rejected("symlink_outside_batch",
                               "the link points outside the batch folder and was not read; copy the file into the batch")
            path = path.resolve()
            info = os.lstat(path)
        _require_regular(info.st_mode)
        if not head_only and info.st_size > max_bytes:
            raise Rejected("too_large", f"{info.st_size:,} bytes is over the {max_bytes:,}-byte limit; split the file")
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Rejected("symlink_outside_batch",
                           "the file was replaced by a link while the batch was read; not read") from None
        raise Rejected("unreadable", f"{error.strerror}; check that the file exists and can be read") from None
    with os.fdopen(descriptor, "rb") as handle:
        _require_regular(os.fstat(handle.fileno()).st_mode)
        if head_only:
            return handle.read(_HEAD_BYTES)
        # One byte past the limit: a file that grew after lstat() is still caught.
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Rejected("too_large", f"more than {max_bytes:,} bytes; split the file")
    return data


def _require_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kinds = {stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device",
             stat.S_ISSOCK: "a socket", stat.S_ISDIR: "a folder"}
    kind = next((name for test, name in kinds.items() if test(mode)), "not a regular file")
    raise Rejected("not_regular_file", f"it is {kind}, not a file; it was not opened. Put the article in a plain file")


def _magic_kind(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC_NUMBERS if data.startswith(magic)), None)


def _binary_kind(data: bytes) -> str | None:
    kind = _magic_kind(data)
    if kind:
        return kind
    if _has_bom(data) or _utf16_without_bom(data) is not None:
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (it holds NUL bytes)"
    if sum(head.count(byte) for byte in _CONTROL_BYTES) > MAX_CONTROL_SHARE * len(head):
        return "binary data (it is full of control bytes)"
    return None


def _has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


# ---------------------------------------------------------------- encodings


def decode_bytes(data: bytes, declared_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding): BOM, then UTF-16 without BOM, then strict UTF-8, then a declared charset, then
    Windows-1256 when it yields Arabic prose, then charset-normalizer's best guess.

    Bytes that are UTF-8 but for a cut-off last character (`truncated_utf8`) or a few corrupt bytes
    (`undecodable`) are refused rather than read in another encoding: that would turn every Arabic
    letter into two wrong ones (mojibake such as ط£ط¹ظ„ظ†طھ)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), ("utf-16" if encoding == "utf-16" else encoding)
            except UnicodeDecodeError as error:
                reason = "truncated_utf8" if encoding == "utf-8-sig" and _cut_off(error) else "undecodable"
                raise Rejected(
                    reason,
                    f"starts with a {encoding} BOM but is not {encoding} ({error.reason} at byte {error.start:,}); "
                    "re-export as UTF-8",
                ) from error
    # Before UTF-8: UTF-16 Arabic without a BOM can be valid UTF-8 too (ASCII bytes and 0x06 controls).
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            if _cut_off(error):
                raise Rejected("truncated_utf8", f"UTF-8 cut off in the middle of a character at byte {error.start:,} "
                               f"of {len(data):,}: the file was truncated; copy or export it again") from error
            raise Rejected("undecodable", f"UTF-8 with corrupt bytes ({error.reason} at byte {error.start:,}); "
                           "not read as another encoding. Copy or export the file again") from error
    candidates: list[tuple[str, str]] = []
    if declared_charset:
        candidates.append((declared_charset, _canonical_encoding(declared_charset)))
    candidates.append(("cp1256", "cp1256"))
    for codec, name in candidates:
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        if _reads_as_prose(text) and (name != "cp1256" or _reads_as_arabic(text)):
            return text, name
    best = from_bytes(data, cp_isolation=list(ARABIC_ENCODINGS)).best()
    if best is None or best.encoding is None or not _reads_as_prose(str(best)) or not _reads_as_arabic(str(best)):
        raise Rejected("undecodable", "the bytes are not text in any known encoding; re-export as UTF-8")
    return str(best), _canonical_encoding(best.encoding)


# The single-byte encodings Arabic has been written in; a guess outside them reads Arabic bytes as
# another script (or random bytes as text).
ARABIC_ENCODINGS = ("cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic")
# Any few bytes decode as some Arabic letters in Windows-1256: a guess needs this much evidence, or a
# short text of nothing but Arabic.
MIN_GUESSED_ARABIC_LETTERS = 20
_ARABIC_BLOCK = re.compile("[\u0600-\u06ff]")


def _reads_as_arabic(text: str) -> bool:
    if len(_ARABIC_LETTER.findall(text)) >= MIN_GUESSED_ARABIC_LETTERS:
        return arabic_letter_share(text) >= 0.5
    visible = sum(1 for ch in text if not ch.isspace())
    return visible > 0 and len(_ARABIC_BLOCK.findall(text)) >= 0.8 * visible


def _cut_off(error: UnicodeDecodeError) -> bool:
    """The only fault is an incomplete character at the very end."""
    return error.reason == "unexpected end of data" and error.end == len(error.object)


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 characters outnumber the invalid bytes four to one.

    Windows-1256 Arabic almost never forms a valid UTF-8 sequence, so its count of them is near zero."""
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    return multibyte > 0 and multibyte >= 4 * invalid


def _reads_as_prose(text: str) -> bool:
    """Decoded text a person wrote: no control characters, and words with spaces between them."""
    if not text:
        return False
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f") + sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    if controls > MAX_CONTROL_SHARE * len(text):
        return False
    return len(text) < 40 or sum(1 for ch in text if ch.isspace()) >= MIN_WHITESPACE_SHARE * len(text)


# The high byte of the characters an Arabic text is made of: ASCII and Latin-1 (0x00), Arabic (0x06),
# Arabic presentation forms (0xFB-0xFE).
_UTF16_HIGH_BYTES = (0x00, 0x06, 0xFB, 0xFC, 0xFD, 0xFE)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM: nearly every other byte is the high byte of an Arabic or ASCII
    character (a few characters elsewhere, like U+0600 or U+2000, put a NUL on the other side too)."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, high_bytes in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        typical = sum(high_bytes.count(byte) for byte in _UTF16_HIGH_BYTES)
        if typical < 0.9 * len(high_bytes):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Format characters (RLM, ZWNJ) are part of Arabic text, though Python calls them unprintable.
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t" or unicodedata.category(ch) == "Cf")
        if printable >= 0.95 * len(text):
            return text, encoding
    return None


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
    relative: str, data: bytes, manifest: ManifestEntry | None
) -> tuple[list[RawArticle], list[Quarantined]]:
    """Each line decoded on its own, so a corrupt line cannot change how the good ones are read."""
    articles: list[RawArticle] = []
    rejected: list[Quarantined] = []
    for line_no, line in _jsonl_lines(data):
        where = f"{relative}#L{line_no}"
        try:
            if isinstance(line, bytes) and _binary_kind(line):
                raise Rejected("binary", f"the line is {_binary_kind(line)}, not text")
            text, encoding = decode_bytes(line) if isinstance(line, bytes) else line
            articles.append(_article_from_json(where, _parse_json(text), encoding, manifest))
        except Rejected as bad:
            rejected.append(Quarantined(where, bad.reason, bad.detail))
        except Exception as error:  # noqa: BLE001
            rejected.append(Quarantined(where, "unreadable", f"{type(error).__name__}: {error}"))
    if not articles and not rejected:
        raise Rejected("empty", "the JSONL file holds no lines; re-export it")
    return articles, rejected


_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def _jsonl_lines(data: bytes) -> list[tuple[int, bytes | tuple[str, str]]]:
    """(line number, the line's bytes) for each non-blank line; a UTF-16/32 file (its line breaks are
    two or four bytes) is decoded whole first and gives (line number, (text, encoding))."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif _has_bom(data) or _utf16_without_bom(data):
        text, encoding = decode_bytes(data)
        return [(n, (line, encoding)) for n, line in enumerate(_LINE_BREAK.split(text), start=1) if line.strip()]
    return [(n, line) for n, line in enumerate(re.split(rb"\r\n|\n|\r", data), start=1) if line.strip()]


def _article_from_json(
    where: str, value: object, encoding: str, manifest: ManifestEntry | None
) -> RawArticle:
    if not isinstance(value, dict):
        raise Rejected("invalid_json", f"expected one JSON object, found {type(value).__name__}")
    _refuse_lone_surrogates(value)
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


def _refuse_lone_surrogates(value: object, field: str = "") -> None:
    """JSON can escape half of a UTF-16 pair (\\ud800) alone: no character, and no UTF-8 for it."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            where = f"the field '{field}'" if field else "a field name"
            raise Rejected("invalid_json", f"{where} holds a lone UTF-16 surrogate escape "
                           f"(\\u{ord(error.object[error.start]):04x}), which is no character; fix the exporter") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_lone_surrogates(key, field)
            _refuse_lone_surrogates(item, field or key)
    elif isinstance(value, list):
        for item in value:
            _refuse_lone_surrogates(item, field)


def _string_field(value: dict, *keys: str) -> str | None:
    for key in keys:
        found = value.get(key)
        if isinstance(found, (str, int, float)) and not isinstance(found, bool) and str(found).strip():
            return strip_invisible_junk(str(found)).strip()
    return None


def _article_from_html(relative: str, html: str, encoding: str, manifest: ManifestEntry | None) -> RawArticle:
    page = guarded_html_extraction(html)
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
    """Every article body, whatever its format: not empty, not garbled, Arabic."""
    if not strip_invisible_junk(text).strip():
        raise Rejected("empty", "the article text is empty or only whitespace")
    garbled = mojibake_in(text)
    if garbled:
        raise Rejected("mojibake", f"the text is garbled ({garbled}); it was decoded with the wrong encoding "
                       "somewhere before it reached us. Export the article again as UTF-8")
    share = arabic_letter_share(text)
    if share < MIN_ARABIC_LETTER_SHARE:
        raise Rejected(
            "not_arabic",
            f"only {share:.0%} of the letters are Arabic script; this pipeline reads Arabic news",
        )
    language = other_arabic_script_language(text)
    if language:
        raise Rejected("not_arabic", f"the text is in {language} (Arabic script, another language); "
                       "this pipeline reads Arabic news")


# UTF-8 Arabic read as Windows-1256: each letter's lead byte (D8-DB) becomes ط ظ ع غ and its second byte
# (80-BF) one of these; read as Windows-1252/Latin-1 the lead byte becomes Ø Ù Ú Û.
# Arabic punctuation and invisible joiners are left out: a word ending in ع can meet a comma.
_MOJIBAKE_SECOND = "".join(sorted((set(bytes(range(0x80, 0xC0)).decode("cp1256")) | set(
    bytes(range(0x80, 0xC0)).decode("cp1252", "ignore")) | set(bytes(range(0xA0, 0xC0)).decode("latin-1")))
    - set("،؛؟\u00a0\u00ad\u200c\u200d\u200e\u200f")))
_MOJIBAKE_PAIR = re.compile(f"[طظعغØÙÚÛ][{re.escape(_MOJIBAKE_SECOND)}]")
MAX_MOJIBAKE_SHARE = 0.05


def mojibake_in(text: str) -> str | None:
    """What shows `text` was decoded in a wrong encoding (mojibake pairs, replacement or C1 control
    characters), or None. Real Arabic almost never puts one of those second characters after ط ظ ع غ."""
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    pairs = len(_MOJIBAKE_PAIR.findall(text))
    if pairs >= 3 and pairs > MAX_MOJIBAKE_SHARE * letters:
        sample = _MOJIBAKE_PAIR.search(text)
        return f"{pairs:,} letter pairs like '{sample.group(0)}' that UTF-8 becomes in Windows-1256 or Latin-1"
    replaced = text.count("\ufffd")
    if replaced:
        return f"{replaced:,} replacement characters (U+FFFD) where bytes could not be decoded"
    controls = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    if controls:
        return f"{controls:,} C1 control characters (U+0080-U+009F)"
    return None


# Function words of Persian and Urdu, which share the Arabic script but are not Arabic words.
_OTHER_LANGUAGE_WORDS = {
    "Persian": {"است", "را", "که", "این", "می", "های", "برای", "شد", "بود", "کرد", "از", "آن", "شده", "یک"},
    "Urdu": {"کے", "کی", "ہے", "میں", "سے", "کا", "کو", "نے", "اور", "ہیں"},
}
MIN_OTHER_LANGUAGE_SHARE = 0.04


def other_arabic_script_language(text: str) -> str | None:
    """'Persian' or 'Urdu' when that language's function words make up a share of the words no Arabic
    text reaches (they are not Arabic words at all), else None."""
    words = text.split()
    if not words:
        return None
    for language, function_words in _OTHER_LANGUAGE_WORDS.items():
        if sum(1 for w in words if w.strip(".,،؛:!؟?\"'()") in function_words) >= MIN_OTHER_LANGUAGE_SHARE * len(words):
            return language
    return None


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


# Browsers stop nesting at 512; real article pages stay far below. Past it the tree walks that find the
# main text grow with depth times size (4 MB of nested <div>s took over 12 minutes).
MAX_HTML_DEPTH = 512
HTML_BUDGET_SECONDS = 20.0
_CONTAINER_TAG = re.compile(
    r"<(/?)(?:div|section|article|main|aside|span|table|blockquote|ul|ol|font|center|form)\b[^>]*?(/?)>",
    re.IGNORECASE)


def guarded_html_extraction(html: str) -> HtmlPage:
    """`extract_html` (or whichever parser stands behind it) within a bounded nesting depth and time."""
    depth = deepest = 0
    for tag in _CONTAINER_TAG.finditer(html):
        if tag.group(2):  # self-closing
            continue
        depth = max(depth - 1, 0) if tag.group(1) else depth + 1
        deepest = max(deepest, depth)
    if deepest > MAX_HTML_DEPTH:
        raise Rejected("html_too_deep", f"elements are nested {deepest:,} deep (over {MAX_HTML_DEPTH}): "
                       "not an article page; not parsed")
    try:
        with time_budget(HTML_BUDGET_SECONDS):
            return extract_html(html)
    except OverBudget:
        raise Rejected("extraction_timeout", f"finding the article text in the page took over "
                       f"{HTML_BUDGET_SECONDS:g}s; not read. Check the page by hand") from None


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
