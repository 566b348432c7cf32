"""Entity resolution: one canonical entity per real person, organization, place and weapon.

Organizations, places and weapons resolve through their reference id (`attrs["ref_id"]`); one not in
the reference lists is one entity per normalized name.

People resolve on name structure, never on one shared token:
- the bare name (titles dropped, a leading kunya's "أبو" dropped, "عبد X" joined) of two or more
  tokens is a key: "أبو أسامة المهاجر" and "أسامة المهاجر" meet on "اسامه المهاجر";
- aliases the article states ("المعروف أيضا بـ") link their keys to the mention's;
- spelling variants: same number of tokens, one token shared exactly (the surname or the given
  name), every other token of five or more letters and similar (rapidfuzz ratio >= 85);
- the same officer under two first names: same surname, same rank title and the same organization
  named right next to him ("الجنرال إريك كوريلا، قائد القيادة المركزية" / "الجنرال مايكل كوريلا");
- a one-token name ("المهاجر", "أنس") joins a fuller name only inside its own article and only when
  exactly one fuller name there contains that token; otherwise it stays an entity of its article.
Blocking is by key, surname and given name, so the work grows with the number of distinct names.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import polars as pl
from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from rapidfuzz import fuzz, process

from tahqiq.reference import read_reference_csv
from tahqiq.text.normalize import normalize_text

if TYPE_CHECKING:
    from tahqiq.resolve.events import ReportBasis

KUNYA_HEADS = ("ابو", "ام")
# A proclitic glued to "أبو" ("بأبو خطاب", "وأبو بلال"): the name starts after it.
CLITIC_KUNYA = re.compile(r"^[بولف](ابو)$")
JOINED_HEADS = ("عبد",)
SIMILAR_TOKEN_RATIO = 85
MIN_FUZZY_TOKEN_LETTERS = 5
CONTEXT_ORG_WINDOW = 80
NON_PERSON_TYPES = ("ORG", "LOC", "WEAPON")
REF_ID_COLUMN = "_ref_id"


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent.setdefault(x, x)
        if parent == x:
            return x
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key becomes the root so the result does not depend on edge order.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


@lru_cache(maxsize=1)
def title_words() -> tuple[tuple[str, ...], dict[str, str]]:
    """Title phrases (longest first, matching form) and the kind of each (rank, honorific, role)."""
    kinds: dict[str, str] = {}
    try:
        for row in read_reference_csv("person_titles.csv"):
            kinds[normalize_text(row["title"])] = row.get("kind") or "title"
    except FileNotFoundError:
        pass
    for row in read_reference_csv("event_lexicon.csv"):
        if row["kind"] == "role":
            kinds.setdefault(normalize_text(row["phrase"]), "role")
    for word in ("المدعو", "الارهابي", "الداعشي", "الامريكي"):
        kinds.setdefault(word, "role")
    return tuple(sorted(kinds, key=lambda t: -len(t.split()))), kinds


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, tuple[str, ...]]:
    """Title phrases grouped by their first word, longest first within a group (as `title_words`)."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for phrase in title_words()[0]:
        grouped[phrase.split(" ")[0]].append(phrase)
    return {word: tuple(phrases) for word, phrases in grouped.items()}


@dataclass(frozen=True, slots=True)
class PersonName:
    tokens: tuple[str, ...]  # bare name tokens (titles and a leading kunya head dropped)
    title: str | None
    title_kind: str | None
    kunya: str | None  # "ابو X" when the name carries one

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def given(self) -> str | None:
        return self.tokens[0] if self.tokens else None

    @property
    def surname(self) -> str | None:
        return self.tokens[-1] if len(self.tokens) >= 2 else None


def _join_heads(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if out and out[-1] in JOINED_HEADS:
            out[-1] += token
        else:
            out.append(token)
    return out


@lru_cache(maxsize=10_000)
def _normalized_title(title: str) -> str:
    """A few dozen titles repeat across tens of thousands of names."""
    return normalize_text(title)


@lru_cache(maxsize=200_000)
def parse_person(normalized: str, attr_title: str | None = None) -> PersonName:
    """Name parts of a PERSON mention's matching form."""
    _, kinds = title_words()
    titles_by_word = _titles_by_first_word()
    text = re.sub(r"[^\w\s]", " ", normalized)
    tokens = text.split()
    title = _normalized_title(attr_title) if attr_title else None
    stripped = True
    while stripped and tokens:
        stripped = False
        joined = " ".join(tokens)
        # A phrase can only match when its first word is the name's first token.
        for phrase in titles_by_word.get(tokens[0], ()):
            if joined == phrase or joined.startswith(phrase + " "):
                title = title or phrase
                tokens = tokens[len(phrase.split()) :]
                stripped = True
                break
    kunya = None
    if len(tokens) >= 2 and (clitic := CLITIC_KUNYA.match(tokens[0])):
        tokens = [clitic.group(1), *tokens[1:]]
    tokens = _join_heads(tokens)  # before the kunya: أبو عبد الرحمن is the kunya ابو عبدالرحمن
    if len(tokens) >= 2 and tokens[0] in KUNYA_HEADS:
        kunya = f"{tokens[0]} {tokens[1]}"
        tokens = tokens[1:]
    return PersonName(tuple(tokens), title, kinds.get(title) if title else None, kunya)


@lru_cache(maxsize=200_000)
def parse_display_name(display: str) -> PersonName:
    """`parse_person` of a display form (a surface, a canonical name): one parse per distinct form."""
    return parse_person(normalize_text(display))


def _json_list(text: str | None) -> list[str]:
    if not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return [text]
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def _attr(col: str, path: str) -> pl.Expr:
    return pl.col(col).str.json_path_match(path)


def with_ref_ids(mentions: pl.DataFrame) -> pl.DataFrame:
    """`mentions` with attrs["ref_id"] parsed once into a column (`ref_id_of` reads it)."""
    return mentions.with_columns(_attr("attrs", "$.ref_id").alias(REF_ID_COLUMN))


def ref_id_of(frame: pl.DataFrame) -> pl.Expr:
    """attrs["ref_id"] of each row: the column `with_ref_ids` added, else parsed from the JSON."""
    return pl.col(REF_ID_COLUMN) if REF_ID_COLUMN in frame.columns else _attr("attrs", "$.ref_id")


def _context_orgs(persons: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """The organizations named right after and right before each person: mention_id, context_org."""
    orgs = (
        mentions.filter(pl.col("entity_type") == "ORG")
        .select(
            "article_id",
            pl.col("start_char").cast(pl.Int64),
            pl.col("end_char").cast(pl.Int64),
            pl.coalesce(ref_id_of(mentions), pl.col("normalized")).alias("org"),
        )
        .sort("article_id", "start_char")
    )
    people = persons.select(
        "mention_id", "article_id", pl.col("start_char").cast(pl.Int64), pl.col("end_char").cast(pl.Int64)
    )
    after = people.sort("end_char").join_asof(
        orgs.select("article_id", pl.col("start_char").alias("org_start"), "org").sort("org_start"),
        left_on="end_char",
        right_on="org_start",
        by="article_id",
        strategy="forward",
        tolerance=CONTEXT_ORG_WINDOW,
    )
    before = people.sort("start_char").join_asof(
        orgs.select(
            "article_id", pl.col("end_char").alias("org_end"), pl.col("org").alias("org_before")
        ).sort("org_end"),
        left_on="start_char",
        right_on="org_end",
        by="article_id",
        strategy="backward",
        tolerance=CONTEXT_ORG_WINDOW,
    )
    both = after.join(before.select("mention_id", "org_before"), on="mention_id")
    return pl.concat(
        [
            both.select("mention_id", pl.col("org").alias("context_org")),
            both.select("mention_id", pl.col("org_before").alias("context_org")),
        ]
    ).drop_nulls("context_org")


def _person_table(mentions: pl.DataFrame) -> pl.DataFrame:
    persons = mentions.filter(pl.col("entity_type") == "PERSON").with_columns(
        _attr("attrs", "$.title").alias("attr_title"),
        _attr("attrs", "$.aliases").alias("aliases_json"),
        _attr("attrs", "$.alias_of").alias("alias_of"),
    )
    names = persons.select("normalized", "attr_title").unique()
    parsed = [parse_person(n or "", t) for n, t in names.iter_rows()]
    names = names.with_columns(
        pl.Series("key", [p.key for p in parsed], pl.Utf8),
        pl.Series("n_tokens", [len(p.tokens) for p in parsed], pl.Int64),
        pl.Series("title_n", [p.title for p in parsed], pl.Utf8),
        pl.Series("title_kind", [p.title_kind for p in parsed], pl.Utf8),
        pl.Series("kunya", [p.kunya for p in parsed], pl.Utf8),
    )
    return persons.join(names, on=["normalized", "attr_title"], how="left", nulls_equal=True)


def _alias_node(name: PersonName) -> str | None:
    """Node of a name specific enough to link across articles: two bare tokens or a kunya."""
    if len(name.tokens) >= 2:
        return "k:" + name.key
    if name.kunya:
        return "y:" + name.kunya
    return None


def stated_alias_edges(persons: pl.DataFrame) -> list[tuple[str, str]]:
    """(node of the named man, node of his stated alias) for every "X المعروف بـ Y" an article gives.

    Both sides must be specific (see `_alias_node`). An alias stated for names with different
    surnames is not evidence of anything (a kunya two men share, a phrase taken for a name): dropped."""
    pairs: set[tuple[str, str]] = set()
    rows = (
        persons.filter(pl.col("aliases_json").is_not_null() | pl.col("alias_of").is_not_null())
        .select("normalized", "attr_title", "aliases_json", "alias_of")
        .unique()
    )
    for normalized, title, aliases_json, alias_of in rows.iter_rows():
        own = parse_person(normalized or "", title)
        for alias in _json_list(aliases_json):
            pairs.add((own, parse_person(normalize_text(alias))))
        if alias_of:
            pairs.add((parse_person(normalize_text(alias_of)), own))
    by_alias: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for named, alias in sorted(pairs, key=repr):  # a set's order varies between processes
        named_node, alias_node = _alias_node(named), _alias_node(alias)
        if named_node and alias_node and named_node != alias_node:
            by_alias[alias_node].add((named_node, named.surname))
    edges = []
    for alias_node, named in by_alias.items():
        surnames = {surname for _, surname in named if surname}
        if len(surnames) <= 1 or _named_as_one(alias_node, by_alias):
            edges += [(node, alias_node) for node, _ in sorted(named)]
    return edges


def _named_as_one(alias_node: str, by_alias: dict[str, set[tuple[str, str | None]]]) -> bool:
    """True when the names an alias is stated for are linked to one another by the other statements
    (X "known as" Y and Z; Z "(Y)"): one man with several noms de guerre, not two men sharing one."""
    uf = UnionFind()
    for other, named in by_alias.items():
        if other != alias_node:
            for node, _ in named:
                uf.union(node, other)
    roots = {uf.find(node) for node, _ in by_alias[alias_node]}
    return len(roots) == 1


def _link_aliases(edges: list[tuple[str, str]], uf: UnionFind) -> None:
    for named_node, alias_node in edges:
        uf.union(named_node, alias_node)


def _link_middle_names(keys: list[str], uf: UnionFind) -> None:
    """ "مصعب الراوي" ~ "مصعب خلف الراوي": same given name and family name, the one fuller name that
    adds middle names to the shorter.

    Only with a family name ("ال..." of four letters or more): a given name and a father's name
    ("محمد علي") are too common to link on."""
    by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        tokens = tuple(key.split())
        if len(tokens) >= 2 and tokens[-1].startswith("ال") and len(tokens[-1]) >= 4:
            by_ends[(tokens[0], tokens[-1])].append(tokens)
    for group in by_ends.values():
        shortest = min(len(t) for t in group)
        short = [t for t in group if len(t) == shortest]
        longer = [t for t in group if len(t) > shortest]
        for a in short:
            # Only a name exactly one fuller name extends: محمود سعيد الشامي is not محمود خالد عمر
            # الشامي, and محمود الشامي extended by two fuller names could be either man.
            extended = [b for b in longer if _is_subsequence(a, b)]
            if len(extended) == 1:
                uf.union("k:" + " ".join(a), "k:" + " ".join(extended[0]))


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    rest = iter(long)
    return all(token in rest for token in short)


def _link_spelling_variants(keys: list[str], uf: UnionFind) -> None:
    """Same token count, one token identical (the block), the others long and similar."""
    by_block: dict[tuple, list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        tokens = tuple(key.split())
        if len(tokens) < 2:
            continue
        by_block[(len(tokens), "last", tokens[-1])].append(tokens)
        by_block[(len(tokens), "first", tokens[0])].append(tokens)
    for (n_tokens, side, _), names in by_block.items():
        group = list(dict.fromkeys(names))
        if len(group) < 2:
            continue
        fixed = n_tokens - 1 if side == "last" else 0
        for i, j in _similar_pairs(group, fixed):
            uf.union("k:" + " ".join(group[i]), "k:" + " ".join(group[j]))


def _similar_pairs(group: list[tuple[str, ...]], fixed: int) -> list[tuple[int, int]]:
    """Index pairs (i < j) of names (distinct, of one length) whose every token but the `fixed` one is
    identical, or of five or more letters on both sides and similar (rapidfuzz ratio >= 85).

    One matrix per token position (rapidfuzz `cdist`) instead of a Python loop over all pairs."""
    size = len(group)
    ok = np.ones((size, size), dtype=bool)
    for k in range(len(group[0])):
        if k == fixed:
            continue
        column = [name[k] for name in group]
        codes = {token: code for code, token in enumerate(dict.fromkeys(column))}
        ids = np.array([codes[token] for token in column])
        lengths = np.array([len(token) for token in column])
        long_enough = np.minimum.outer(lengths, lengths) >= MIN_FUZZY_TOKEN_LETTERS
        ratios = process.cdist(column, column, scorer=fuzz.ratio, dtype=np.float64)
        ok &= (ids[:, None] == ids[None, :]) | (long_enough & (ratios >= SIMILAR_TOKEN_RATIO))
    rows, cols = np.nonzero(np.triu(ok, k=1))
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def _link_same_officer(persons: pl.DataFrame, mentions: pl.DataFrame, uf: UnionFind) -> None:
    ranked = persons.filter((pl.col("title_kind") == "rank") & (pl.col("n_tokens") >= 2))
    if ranked.height < 2:
        return
    ranked = ranked.join(_context_orgs(ranked, mentions), on="mention_id")
    ranked = ranked.with_columns(pl.col("key").str.split(" ").list.last().alias("surname"))
    groups = ranked.group_by("surname", "title_n", "context_org").agg(pl.col("key").unique())
    for keys in groups["key"].to_list():
        for other in keys[1:]:
            uf.union("k:" + keys[0], "k:" + other)


def _link_short_forms(persons: pl.DataFrame) -> pl.DataFrame:
    """mention_id -> node of the one fuller name in the same article containing the short form."""
    full = (
        persons.filter(pl.col("n_tokens") >= 2)
        .select("article_id", "key", pl.col("key").str.split(" ").alias("token"))
        .explode("token")
        .unique()
    )
    short = persons.filter(pl.col("n_tokens") == 1).select(
        "mention_id", "article_id", pl.col("key").alias("token")
    )
    candidates = short.join(full, on=["article_id", "token"], how="inner")
    unique_target = (
        candidates.group_by("mention_id").agg(pl.col("key").unique()).filter(pl.col("key").list.len() == 1)
    )
    return unique_target.select("mention_id", ("k:" + pl.col("key").list.first()).alias("node"))


def resolve_people(mentions: pl.DataFrame) -> pl.DataFrame:
    """mention_id -> cluster (a local label) for every PERSON mention."""
    persons = _person_table(mentions)
    if persons.height == 0:
        return pl.DataFrame(schema={"mention_id": pl.Utf8, "cluster": pl.Utf8})
    uf = UnionFind()
    multi_keys = persons.filter(pl.col("n_tokens") >= 2)["key"].unique().sort().to_list()
    for key in multi_keys:
        uf.find("k:" + key)
    edges = stated_alias_edges(persons)
    _link_aliases(edges, uf)
    _link_spelling_variants(multi_keys, uf)
    _link_middle_names(multi_keys, uf)
    _link_same_officer(persons, mentions, uf)
    short_links = _link_short_forms(persons)
    # A bare kunya is one man across articles only once an article states whose kunya it is.
    stated_kunyas = sorted({alias for _, alias in edges if alias.startswith("y:")})
    nodes = persons.select(
        "mention_id",
        pl.when(pl.col("n_tokens") >= 2)
        .then("k:" + pl.col("key"))
        .when(("y:" + pl.col("kunya")).is_in(stated_kunyas))
        .then("y:" + pl.col("kunya"))
        .otherwise("a:" + pl.col("article_id") + ":" + pl.coalesce("key", pl.col("normalized")))
        .alias("own_node"),
    ).join(short_links, on="mention_id", how="left")
    nodes = nodes.with_columns(pl.coalesce("node", "own_node").alias("node"))
    distinct = nodes["node"].unique().to_list()
    roots = {node: uf.find(node) for node in distinct}
    return nodes.select("mention_id", pl.col("node").replace_strict(roots).alias("cluster"))


def resolve_by_reference(mentions: pl.DataFrame) -> pl.DataFrame:
    """mention_id -> cluster for ORG, LOC and WEAPON mentions: the ref id, else the normalized name."""
    referenced = mentions.filter(pl.col("entity_type").is_in(NON_PERSON_TYPES)).with_columns(
        ref_id_of(mentions).alias("ref_id")
    )
    return referenced.select(
        "mention_id",
        pl.concat_str(
            pl.col("entity_type"),
            pl.when(pl.col("ref_id").is_not_null())
            .then("ref:" + pl.col("ref_id"))
            .otherwise("name:" + pl.col("normalized")),
            separator="|",
        ).alias("cluster"),
    )


def resolve_entities(mentions: pl.DataFrame) -> pl.DataFrame:
    """mention_id, cluster for every PERSON, ORG, LOC and WEAPON mention."""
    people = resolve_people(mentions).with_columns(("PERSON|" + pl.col("cluster")).alias("cluster"))
    return pl.concat([people, resolve_by_reference(mentions)], how="vertical")


_READABLE = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "ء": "'", "ؤ": "'", "ئ": "'",
    "گ": "g", "پ": "p", "چ": "ch", "ڤ": "v",
}  # fmt: skip


@lru_cache(maxsize=1)
def _readable_mapper() -> CharMapper:
    return CharMapper(_READABLE)


@lru_cache(maxsize=100_000)
def transliterate(name: str) -> str:
    """Readable Latin form of an Arabic name ("أسامة المهاجر" -> "Asama al-Mhajr")."""
    text = _readable_mapper()(dediac_ar(name).replace("\u0640", ""))
    words = []
    for word in text.split():
        if word.startswith("al") and len(word) > 3:
            words.append("al-" + word[2:].capitalize())
        else:
            words.append(word.capitalize())
    return " ".join(words)


def link_event_kunyas(person_clusters: pl.DataFrame, mentions: pl.DataFrame, basis: ReportBasis) -> pl.DataFrame:
    """A kunya named in an article but not as a target joins the one target of that article's
    event that carries the same kunya ("أبو بلال" in a report of the strike that killed
    "أبو بلال العراقي"). Two targets of the event with that kunya: it joins neither.

    `basis` is the `event_basis` of the batch's frames. Returns `person_clusters` (mention_id, cluster)
    with merged labels."""
    from tahqiq.reconcile.events import cluster_frames, with_targets

    if basis.frames.height == 0 or person_clusters.height == 0:
        return person_clusters
    persons = (
        mentions.filter(pl.col("entity_type") == "PERSON")
        .select("mention_id", "article_id", "normalized")
        .join(person_clusters, on="mention_id")
    )
    kunyas = persons.select("normalized").unique()
    kunyas = kunyas.with_columns(
        pl.Series("kunya", [parse_person(n or "").kunya for n in kunyas["normalized"].to_list()], pl.Utf8)
    )
    persons = persons.join(kunyas, on="normalized").drop_nulls("kunya")
    if persons.height == 0:
        return person_clusters
    prepared = with_targets(basis.frames, persons.select("mention_id", pl.col("cluster").alias("entity_id")))
    # Only the events of kunya targets are read: the rest need not be clustered.
    event_of = cluster_frames(prepared, basis, around_targets=True).rename({"cluster": "event"})
    frame_events = prepared.select("frame_id", "article_id", "is_background", "target_mentions").join(
        event_of, on="frame_id"
    )
    targeted = (
        frame_events.select("event", pl.col("target_mentions").alias("mention_id"))
        .explode("mention_id")
        .join(persons, on="mention_id")
    )
    target_ids = set(targeted["mention_id"].to_list())
    target_clusters = targeted.group_by("event", "kunya").agg(pl.col("cluster").unique())
    main_events = (
        frame_events.filter(~pl.col("is_background").fill_null(False)).select("article_id", "event").unique()
    )
    loose = persons.filter(~pl.col("mention_id").is_in(list(target_ids)))
    candidates = (
        loose.join(main_events, on="article_id")
        .join(target_clusters, on=["event", "kunya"])
        .explode("cluster_right")
        .group_by("cluster")
        .agg(pl.col("cluster_right").unique())
        .filter(pl.col("cluster_right").list.len() == 1)
    )
    uf = UnionFind()
    for cluster, targets in candidates.iter_rows():
        uf.union(cluster, targets[0])
    labels = {c: uf.find(c) for c in person_clusters["cluster"].unique().to_list()}
    return person_clusters.with_columns(pl.col("cluster").replace_strict(labels))
