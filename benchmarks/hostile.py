"""Hostile batches: generated inputs of every kind that has broken ingest, and the invariant a run
must keep on them (every input once in articles or quarantine, no garbled body).

Used by the fuzz test (a few hundred inputs) and by `make fuzz` (`python -m benchmarks.fuzz`, 10,000).
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from tahqiq.ingest.readers import decode_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
# What UTF-8 Arabic turns into when read as Windows-1256 or Latin-1, and what undecodable bytes become:
# a check independent of the one ingest makes.
MOJIBAKE_MARKS = re.compile("ط§|ظ„|ط±|ظ…|ظٹ|ط¹|Ø§|Ù„|Ø±|Ù…|\ufffd")


@dataclass
class HostileBatch:
    folder: Path
    inputs: list[str] = field(default_factory=list)  # source_file each input must end as
    kinds: Counter = field(default_factory=Counter)


def _sentences() -> list[str]:
    text = "\n".join(decode_bytes(p.read_bytes())[0] for p in sorted(SAMPLES.glob("article_*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!؟])\s+|\n+", text) if len(s.strip()) > 20]


class _Writer:
    """Writes one hostile input of a random kind per call; records the source names it must end as."""

    def __init__(self, batch: HostileBatch, rng: random.Random, outside: Path) -> None:
        self.batch, self.rng, self.outside = batch, rng, outside
        self.sentences = _sentences()
        self.count = 0
        self.kinds: list[tuple[str, Callable[[str], None], int]] = [
            ("utf8", lambda n: self._bytes(n, ".txt", self.article().encode()), 10),
            ("utf8_bom", lambda n: self._bytes(n, ".txt", b"\xef\xbb\xbf" + self.article().encode()), 3),
            ("utf16_bom", lambda n: self._bytes(n, ".txt", self.article().encode("utf-16")), 3),
            ("utf16_no_bom", lambda n: self._bytes(n, ".txt", ("\u200f" + self.article()).encode(
                self.rng.choice(["utf-16-le", "utf-16-be"]))), 3),
            ("cp1256", lambda n: self._bytes(n, ".txt", self.article().encode("cp1256", "replace")), 5),
            ("json", lambda n: self._bytes(n, ".json", json.dumps(
                {"text": self.article(), "outlet": "wire.example", "url": f"https://wire.example/{n}"},
                ensure_ascii=self.rng.random() < 0.5).encode()), 5),
            ("jsonl_garbage_tail", self._jsonl, 4),
            ("html", lambda n: self._bytes(n, ".html", (
                f"<html><head><meta charset='utf-8'><title>{self.sentence()}</title></head><body><nav>القائمة</nav>"
                f"<article>{''.join(f'<p>{s}</p>' for s in self.article().split(chr(10)))}</article></body></html>"
            ).encode()), 4),
            ("html_deep", lambda n: self._bytes(n, ".html", (
                "<div>" * self.rng.randint(600, 30_000) + self.article()).encode()), 1),
            ("truncated_utf8", lambda n: self._bytes(n, ".txt", (self.article() + "ب").encode()[:-1]), 4),
            ("corrupt_utf8", lambda n: self._bytes(n, self.rng.choice([".txt", ".json"]), self._corrupt()), 4),
            ("random_bytes", lambda n: self._bytes(n, self.rng.choice([".txt", ".html", ".json", ".bin"]),
                                                   self.rng.randbytes(self.rng.randint(1, 4000))), 8),
            ("mojibake", lambda n: self._bytes(n, ".txt", self.article().encode().decode(
                self.rng.choice(["cp1256", "latin-1"]), "replace").encode()), 4),
            ("lone_surrogate", lambda n: self._bytes(n, ".json", (
                '{"text": "' + self.sentence() + '\\ud83d", "title": "x"}').encode()), 3),
            ("persian", lambda n: self._bytes(n, ".txt", (
                "وزارت دفاع اعلام کرد که این حمله در شرق سوریه انجام شده است و از آن برای هدف قرار دادن یک "
                "فرمانده استفاده شد. " * self.rng.randint(1, 5)).encode()), 2),
            ("english", lambda n: self._bytes(n, ".txt", b"Officials said the strike hit a depot. " * 5), 2),
            ("empty", lambda n: self._bytes(n, ".txt", self.rng.choice([b"", b" \n\t", b"\xef\xbb\xbf"])), 2),
            ("binary_magic", lambda n: self._bytes(n, ".txt", b"\x89PNG\r\n\x1a\n" + self.rng.randbytes(200)), 2),
            ("control_bytes", lambda n: self._bytes(n, ".txt", bytes(self.rng.choice(range(1, 9)) for _ in range(300))), 2),
            ("json_wrong_shape", lambda n: self._bytes(n, ".json", self.rng.choice(
                [b"[1, 2]", b'{"text": 5}', b'{"body": null}', b'"just a string"', b"{", b'{"text": ["a"]}'])), 2),
            ("fifo", self._fifo, 1),
            ("non_utf8_name", lambda n: self._bytes(n, ".txt", self.article().encode(), name_bytes=b"\xff\xfe-"), 2),
            ("link_outside", self._link_outside, 1),
            ("exact_copy", lambda n: self._bytes(n, ".txt", self.sentences[0].encode() * 3), 2),
            ("long_article", lambda n: self._bytes(n, ".txt", "\n".join(
                self.rng.choices(self.sentences, k=self.rng.randint(100, 600))).encode()), 1),
        ]
        self.weights = [w for _, _, w in self.kinds]

    def sentence(self) -> str:
        return self.rng.choice(self.sentences)

    def article(self) -> str:
        """A distinct article: sample sentences in a random order with a number no other has."""
        self.count += 1
        chosen = self.rng.sample(self.sentences, k=self.rng.randint(2, 6))
        return f"تقرير رقم {self.count}\n" + "\n".join(chosen)

    def write_one(self, n: int) -> None:
        kind, write, _ = self.rng.choices(self.kinds, weights=self.weights)[0]
        self.batch.kinds[kind] += 1
        write(n)

    def _name(self, n: int, suffix: str, name_bytes: bytes = b"") -> tuple[Path, str]:
        raw = b"sub/" if n % 7 == 0 else b""
        raw += name_bytes + f"input_{n:05d}{suffix}".encode()
        shown = raw.decode("utf-8", "backslashreplace")
        return Path(os.fsdecode(bytes(self.batch.folder) + b"/" + raw)), shown

    def _bytes(self, n: int, suffix: str, data: bytes, name_bytes: bytes = b"") -> None:
        path, shown = self._name(n, suffix, name_bytes)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.batch.inputs.append(shown)

    def _corrupt(self) -> bytes:
        data = bytearray(self.article().encode())
        for _ in range(self.rng.randint(1, 3)):
            data[self.rng.randrange(len(data))] = self.rng.choice([0xFF, 0xC0, 0x80, 0xFE])
        return bytes(data)

    def _jsonl(self, n: int) -> None:
        path, shown = self._name(n, ".jsonl")
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({"text": self.article()}, ensure_ascii=False).encode() for _ in range(self.rng.randint(1, 4))]
        lines.append(self.rng.randbytes(self.rng.randint(5, 80)).replace(b"\n", b" ").replace(b"\r", b" ") or b"\xff")
        path.write_bytes(b"\n".join(lines))
        self.batch.inputs.extend(f"{shown}#L{i}" for i in range(1, len(lines) + 1))

    def _fifo(self, n: int) -> None:
        path, shown = self._name(n, ".txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
        self.batch.inputs.append(shown)

    def _link_outside(self, n: int) -> None:
        path, shown = self._name(n, ".txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(self.outside)
        self.batch.inputs.append(shown)


def write_hostile_batch(folder: Path, n_inputs: int, seed: int) -> HostileBatch:
    """About `n_inputs` hostile inputs (a JSONL file counts each line) in `folder`, with a manifest
    that describes some of them and names one file outside the batch."""
    folder.mkdir(parents=True, exist_ok=True)
    outside = folder.parent / "outside_the_batch.txt"
    outside.write_text(_sentences()[1], encoding="utf-8")
    batch = HostileBatch(folder)
    writer = _Writer(batch, random.Random(seed), outside)
    n = 0
    while len(batch.inputs) < n_inputs:
        writer.write_one(n)
        n += 1
    described = [name for name in batch.inputs if "#" not in name and "\\x" not in name][::10]
    rows = ["file,outlet,published_at"] + [f"{name},manifest.example,2024-05-{1 + i % 28:02d}"
                                           for i, name in enumerate(described)]
    rows.append("../outside_the_batch.txt,x,2024-01-01")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "_READY").write_text("", encoding="utf-8")
    return batch


@dataclass
class Verdict:
    inputs: int
    articles: int
    quarantined: int
    lost: list[str]
    reported_twice: list[str]
    unknown: list[str]
    mojibake_bodies: list[str]
    by_reason: dict[str, int]


def check_batch(warehouse_path: Path, batch: HostileBatch, batch_id: str) -> Verdict:
    """Every input of `batch` exactly once in articles or quarantine, and no article body garbled."""
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        articles = [r[0] for r in con.execute("SELECT source_file FROM articles WHERE batch_id = ?",
                                              [batch_id]).fetchall()]
        quarantine = con.execute("SELECT source_file, reason FROM quarantine WHERE batch_id = ?", [batch_id]).fetchall()
        bodies = con.execute("SELECT source_file, body FROM articles WHERE batch_id = ?", [batch_id]).fetchall()
    expected = Counter(batch.inputs)
    # Manifest problems are about the manifest's entries, not inputs (the entry naming a file outside).
    found = Counter(articles) + Counter(s for s, r in quarantine if not (r.startswith("manifest_") and s not in expected))
    return Verdict(
        inputs=len(batch.inputs),
        articles=len(articles),
        quarantined=len(quarantine),
        lost=sorted((expected - found).elements()),
        reported_twice=sorted(s for s, n in found.items() if n > 1),
        unknown=sorted(set(found) - set(expected)),
        mojibake_bodies=[s for s, body in bodies if MOJIBAKE_MARKS.search(body or "")],
        by_reason=dict(Counter(r for _, r in quarantine).most_common()),
    )
