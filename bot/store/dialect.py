"""What differs between the store's two databases, and nothing else.

The store's SQL is written once, in SQLite's spelling with `?` placeholders (bot/store/*, and the few
modules that query through `Store.fetchall`). SQLite runs it as written. For PostgreSQL each statement
goes through `postgres_sql` once (cached): `?` → `%s` (psycopg's placeholder; `%` doubled), `INSERT OR
IGNORE` → `ON CONFLICT DO NOTHING`, `a IS b` → `IS NOT DISTINCT FROM`, FTS5's `passage_fts MATCH ?` → a
tsvector match whose parameter is converted from FTS5 query text (bot/store/tsquery.py), `json_each` →
`jsonb_array_elements`, SQLite's index hint `INDEXED BY name` dropped (PostgreSQL's planner chooses), and
`RETURNING id` after an INSERT into a table with integer ids (the adapter's `lastrowid`). Migrations go
through `postgres_ddl` (types, FTS5 tables, triggers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(target: str) -> bool:
    """Whether the store's target names a PostgreSQL server rather than an SQLite file."""
    return target.startswith(POSTGRES_SCHEMES)


# Tables whose `id INTEGER PRIMARY KEY` SQLite fills in (max + 1); PostgreSQL does the same by trigger.
ID_TABLES = frozenset(
    {"documents", "passages", "actors", "events", "statements", "feeds", "feed_items", "clusters", "jobs"}
)


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    match_params: tuple[int, ...]  # positions of parameters holding FTS5 query text
    limit_params: tuple[int, ...]  # positions of LIMIT parameters (SQLite's LIMIT -1: no limit, NULL here)
    returns_id: bool  # RETURNING id was added: the first row's id is the cursor's lastrowid
    # `IN (?, ?, …)` as `= ANY(%s)`: (first position, count) of the parameters given as one array. One statement
    # text for any number of values, so psycopg prepares it once per connection (after its 5th use) and the
    # server plans it once, where a list of each length was a statement of its own, parsed and planned each time.
    array_params: tuple[tuple[int, int], ...] = ()
    # The statement whose matches check positions (MATCH_SQL: each match parameter given twice), for a query with
    # a phrase or NEAR; `sql` matches with one plain condition (PLAIN_MATCH_SQL), for a query of words alone.
    positions_sql: str = ""


_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.I)
_INDEXED_BY = re.compile(r"\s+INDEXED\s+BY\s+\w+", re.I)  # SQLite's index hint: PostgreSQL's planner chooses
_INSERT_INTO = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.I)
_IS = re.compile(r"\sIS\s+(?!NULL\b|NOT\b|DISTINCT\b)", re.I)
_LIMIT = re.compile(r"\bLIMIT\s+$", re.I)
_MATCH = re.compile(r"\b(?:\w+\.)?passage_fts\s+MATCH\s+$", re.I)
# A query with a phrase or NEAR: the index reads its words (`index_tsquery`), and a function the planner cannot
# look into checks the positions on each row found (an operator on `tsv` would go into the index scan too, and
# one on an expression of it is estimated to keep 0.5 % of the rows: the planner then sorted 50,000 rows for
# the newest 1,500 instead of reading the newest first). Words alone: one plain condition, the index's estimate.
MATCH_SQL = "(tsv @@ %s::tsquery AND newsdesk_positions(tsv, %s::tsquery))"
PLAIN_MATCH_SQL = "tsv @@ %s::tsquery"
_MATCH_MARK = "\x02"  # where a match goes, until the two statements are written
POSITIONS_FUNCTION = """CREATE OR REPLACE FUNCTION newsdesk_positions(v tsvector, q tsquery) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$ BEGIN RETURN v @@ q; END $$"""
# The passages' key by ranges of table pages (a few pages at 100k articles; the table is written in key order):
# a range of rowids ANDed with the GIN index's bitmap (`PgStore.newest_matching`) as a handful of page ranges, where
# the key's btree gave a bitmap of every rowid in the range (543k rowids: 160 ms of a 329 ms read at 100k articles).
# Made when a store opens (not a migration: SQLite has no counterpart), once; the newest pages are summarized by
# autovacuum, and pages not yet summarized are always read (what they hold is checked, never missed).
RANGE_INDEX = (
    "CREATE INDEX IF NOT EXISTS passage_fts_rowid_range ON passage_fts USING brin (rowid) WITH (autosummarize = on)"
)
_JSON_PATH = re.compile(r"json_each\((\w+),\s*'\$\.(\w+)'\)", re.I)
_SUM_OF_TEST = re.compile(r"\bsum\((\s*\w+\s*(?:=|<>|!=|<=|>=|<|>)[^()]*)\)", re.I)
_JSON_PARAM = re.compile(r"json_each\(\?\)", re.I)
_IN_LIST = re.compile(r"\b(NOT\s+)?IN\s*\(\s*\?(?:\s*,\s*\?)*\s*\)", re.I)
_IN_MARK = "\x01"  # stands for one `IN (?, …)` while placeholders are numbered: its count follows, then the mark


def _split_literals(sql: str) -> list[tuple[bool, str]]:
    """(inside a quoted literal or identifier, text) pieces of the statement."""
    out: list[tuple[bool, str]] = []
    i, start, quote = 0, 0, ""
    while i < len(sql):
        ch = sql[i]
        if quote:
            if ch == quote:
                if i + 1 < len(sql) and sql[i + 1] == quote:
                    i += 2
                    continue
                out.append((True, sql[start : i + 1]))
                start, quote = i + 1, ""
        elif ch in "'\"":
            out.append((False, sql[start:i]))
            start, quote = i, ch
        i += 1
    out.append((bool(quote), sql[start:]))
    return out


_ORDER_BY = re.compile(r"\bORDER\s+BY\s", re.I)
_NEVER_NULL = re.compile(r"(?:\w+\.)?(?:id|rowid|\w+_id)", re.I)
_ORDER_END = re.compile(r"\b(?:LIMIT|OFFSET|UNION|FOR|RETURNING)\b", re.I)


def _sqlite_null_order(text: str) -> str:
    """Each ORDER BY key with SQLite's NULL placement (first when ascending, last when descending)."""
    out, pos = [], 0
    for m in _ORDER_BY.finditer(text):
        if m.start() < pos:
            continue
        out.append(text[pos : m.end()])
        depth, i, start, keys = 0, m.end(), m.end(), []
        while i < len(text):
            ch = text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            elif ch == "," and depth == 0:
                keys.append(text[start:i])
                start = i + 1
            elif depth == 0 and _ORDER_END.match(text, i) and text[i - 1] in " \n":
                break
            i += 1
        keys.append(text[start:i])
        fixed = []
        for key in keys:
            stripped = key.rstrip()
            bare = re.sub(r"\s+(ASC|DESC)$", "", stripped.strip(), flags=re.I)
            if (
                re.search(r"\bNULLS\s+(FIRST|LAST)$", stripped, re.I)
                or not stripped.strip()
                or _NEVER_NULL.fullmatch(bare)  # ids: a NULLS clause would keep PostgreSQL off their index
            ):
                fixed.append(key)
            else:
                nulls = " NULLS LAST" if re.search(r"\bDESC$", stripped, re.I) else " NULLS FIRST"
                fixed.append(stripped + nulls + key[len(stripped) :])
        out.append(",".join(fixed))
        pos = i
    out.append(text[pos:])
    return "".join(out)


_FROM_SUBQUERY = re.compile(r"\b(FROM|JOIN)\s*\(\s*(?=SELECT\b|WITH\b|VALUES\b)", re.I)
_ALIASED = re.compile(
    r"\s*(?:AS\b|(?!(?:WHERE|GROUP|ORDER|LIMIT|UNION|JOIN|LEFT|INNER|CROSS|ON|OFFSET|HAVING|WINDOW|EXCEPT|INTERSECT|FOR)\b)[A-Za-z_]\w*)",
    re.I,
)


def _alias_subqueries(text: str) -> str:
    """`FROM (SELECT …)` without a name, which SQLite allows and PostgreSQL 15 refuses: named `_sqN`."""
    out, pos, n = [], 0, 0
    for m in _FROM_SUBQUERY.finditer(text):
        if m.start() < pos:
            continue
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        out.append(text[pos:i])
        pos = i
        if depth == 0 and not _ALIASED.match(text, i):
            n += 1
            out.append(f" AS _sq{n}")
    out.append(text[pos:])
    return "".join(out)


@lru_cache(maxsize=4096)
def postgres_sql(sql: str, *, returning: bool = True) -> Statement:
    """The statement as PostgreSQL (psycopg) reads it; see the module's docstring."""
    ignore = bool(_INSERT_OR_IGNORE.match(sql))
    if ignore:
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql, count=1)
    sql = _INDEXED_BY.sub("", sql)
    sql = _JSON_PATH.sub(r"jsonb_array_elements(\1::jsonb -> '\2') AS j(value)", sql)
    sql = _JSON_PARAM.sub("jsonb_array_elements(?::jsonb) AS k(value)", sql)
    sql = _SUM_OF_TEST.sub(r"sum((\1)::int)", sql)  # SQLite sums a comparison's 0/1; PostgreSQL needs the cast
    pieces: list[str] = []
    match_params: list[int] = []
    limit_params: list[int] = []
    array_params: list[tuple[int, int]] = []
    n = 0
    for quoted, text in _split_literals(sql):
        if quoted:
            pieces.append(text.replace("%", "%%"))
            continue
        text = _IS.sub(" IS NOT DISTINCT FROM ", text.replace("%", "%%"))
        text = _IN_LIST.sub(
            lambda m: f"{'<> ALL' if m.group(1) else '= ANY'}{_IN_MARK}{m.group(0).count('?')}{_IN_MARK}", text
        )
        out = []
        for part in re.split(f"(\\?|{_IN_MARK}\\d+{_IN_MARK})", text):
            if part.startswith(_IN_MARK):
                count = int(part.strip(_IN_MARK))
                array_params.append((n, count))
                out.append("(%s)")
                n += count
                continue
            if part != "?":
                out.append(part)
                continue
            before = "".join(pieces) + "".join(out)
            m = _MATCH.search(before)
            if m:
                # `passage_fts MATCH ?` → the index's query on `tsv`, then the full one on each row the index found
                # (the parameter converted twice by the adapter: bot/store/tsquery.py says why)
                trimmed = before[: m.start()]
                pieces[:] = [trimmed]
                out = [_MATCH_MARK]
                match_params.append(n)
            else:
                if _LIMIT.search(before):
                    limit_params.append(n)
                out.append("%s")
            n += 1
        pieces.append("".join(out))
    sql = _alias_subqueries(_sqlite_null_order("".join(pieces).rstrip().rstrip(";")))
    if ignore:
        sql += " ON CONFLICT DO NOTHING"
    returns_id = False
    m = _INSERT_INTO.match(sql)
    if returning and m and m.group(1).lower() in ID_TABLES and not re.search(r"\bRETURNING\b", sql, re.I):
        sql += " RETURNING id"
        returns_id = True
    return Statement(
        sql.replace(_MATCH_MARK, PLAIN_MATCH_SQL),
        tuple(match_params),
        tuple(limit_params),
        returns_id,
        tuple(array_params),
        sql.replace(_MATCH_MARK, MATCH_SQL),
    )


# An executemany's INSERT written once for many rows: `INSERT INTO t(cols) VALUES (…)` and what follows it (an
# ON CONFLICT clause), the row's VALUES tuple repeated per row. Rows go in in their order (ids from the id
# trigger, identity rowids, the stance-day trigger's counts: as row after row). `ON CONFLICT … DO UPDATE` cannot
# touch one row twice in a statement, so a batch with a repeated conflict key is written row by row instead.
_MULTI_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+\w+\s*\(([^()]*)\)\s*VALUES\s*", re.I)
_CONFLICT_UPDATE = re.compile(r"\bON\s+CONFLICT\s*\(([^()]*)\)\s*DO\s+UPDATE\b", re.I)
MAX_PARAMETERS = 32_000  # under the protocol's 65,535 per statement
MAX_ROWS = 1_000  # rows per statement: the texts stay few and short


@dataclass(frozen=True, slots=True)
class MultiRow:
    head: str  # `INSERT INTO t(cols) VALUES `
    row: str  # one row's `(%s, …)`
    tail: str  # ` ON CONFLICT …` (or nothing)
    keys: tuple[int, ...]  # positions of an ON CONFLICT … DO UPDATE's key columns in the row (none otherwise)

    def sql(self, rows: int) -> str:
        return self.head + ", ".join([self.row] * rows) + self.tail

    def rows_per_statement(self, parameters: int) -> int:
        return max(1, min(MAX_ROWS, MAX_PARAMETERS // max(1, parameters)))

    def distinct_keys(self, batch: list[list[Any]]) -> bool:
        """Whether no two rows share the upsert's key (always, for a plain insert or DO NOTHING)."""
        if not self.keys:
            return True
        return len({tuple(row[i] for i in self.keys) for row in batch}) == len(batch)


@lru_cache(maxsize=256)
def multi_row(sql: str) -> MultiRow | None:
    """The PostgreSQL INSERT `sql` as a `MultiRow`, or None when it is not one row of plain values (a SELECT, a
    RETURNING, parameters outside the VALUES tuple)."""
    m = _MULTI_INSERT.match(sql)
    if m is None or sql[m.end() : m.end() + 1] != "(" or re.search(r"\bRETURNING\b", sql, re.I):
        return None
    depth, i = 0, m.end()
    for i in range(m.end(), len(sql)):
        depth += {"(": 1, ")": -1}.get(sql[i], 0)
        if depth == 0:
            break
    row, tail = sql[m.end() : i + 1], sql[i + 1 :]
    trailing = tail.strip()
    if depth or "%s" in tail or "'" in row or (trailing and not trailing.upper().startswith("ON CONFLICT")):
        return None
    keys: tuple[int, ...] = ()
    update = _CONFLICT_UPDATE.search(tail)
    if update is not None:
        columns = [c.strip().lower() for c in m.group(1).split(",")]
        marks = [v.strip() for v in row[1:-1].split(",")]
        if len(marks) != len(columns) or any(v != "%s" for v in marks):
            return None
        try:
            keys = tuple(columns.index(k.strip().lower()) for k in update.group(1).split(","))
        except ValueError:
            return None
    return MultiRow(sql[: m.end()], row, tail, keys)


# --- migrations --------------------------------------------------------------------------------

# A row's id from its table's sequence (`newsdesk_ids_<table>`, made by `id_sequences`): writers of several
# processes insert side by side, so SQLite's max + 1 would give two of them the same id.
NEXT_ID_FUNCTION = """CREATE OR REPLACE FUNCTION newsdesk_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.id := nextval('newsdesk_ids_' || TG_TABLE_NAME);
    RETURN NEW;
END $$"""


def id_sequence(table: str) -> list[str]:
    """The statements that give an existing table its id sequence, starting after its largest id (run where no
    other writer can insert meanwhile: under the writers' exclusive lock)."""
    seq = f"newsdesk_ids_{table}"
    return [
        f"CREATE SEQUENCE {seq}",
        f"SELECT setval('{seq}', coalesce((SELECT max(id) FROM {table}), 0) + 1, false)",
    ]


# Run once before the first migration: the schema version, and the rows' id assignment.
POSTGRES_BOOTSTRAP = [
    "CREATE TABLE IF NOT EXISTS newsdesk_schema (version INTEGER NOT NULL)",
    NEXT_ID_FUNCTION,
    # The tsvector of pre-tokenized text: each space-separated token a lexeme at its position.
    """CREATE OR REPLACE FUNCTION newsdesk_tsvector(tokens text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(
        '''' || replace(replace(w, '\\', '\\\\'), '''', '''''') || ''':' || least(i, 16383), ' ')::tsvector,
        ''::tsvector)
    FROM unnest(regexp_split_to_array(lower(tokens), '\\s+')) WITH ORDINALITY AS t(w, i) WHERE w <> ''
$$""",
]

_FTS_TABLE = [
    "CREATE TABLE passage_fts (rowid BIGINT PRIMARY KEY, tokens TEXT NOT NULL,"
    " tsv tsvector GENERATED ALWAYS AS (newsdesk_tsvector(tokens)) STORED)",
    "CREATE INDEX passage_fts_tsv ON passage_fts USING gin (tsv)",
]


def _stance_day_triggers(guild: bool) -> dict[str, list[str]]:
    """The two triggers that keep stance_days counted, as PostgreSQL functions: keyed by (actor, topic, date,
    position) since migration 5, and by the server too since migration 10 (`guild`)."""
    key = "actor_id, topic, date, position" + (", guild_id" if guild else "")
    new = "NEW.actor_id, NEW.topic, NEW.sort_date, NEW.position" + (", NEW.guild_id" if guild else "")
    match = "actor_id = OLD.actor_id AND topic = OLD.topic AND date = OLD.sort_date AND position = OLD.position"
    match += " AND guild_id = OLD.guild_id" if guild else ""
    create = "CREATE OR REPLACE FUNCTION" if guild else "CREATE FUNCTION"
    return {
        "CREATE TRIGGER statements_counted": [
            f"""{create} newsdesk_statements_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stance_days({key}, n) VALUES ({new}, 1)
        ON CONFLICT ({key}) DO UPDATE SET n = stance_days.n + 1;
    RETURN NULL;
END $$""",
            "CREATE TRIGGER statements_counted AFTER INSERT ON statements"
            " FOR EACH ROW EXECUTE FUNCTION newsdesk_statements_counted()",
        ],
        "CREATE TRIGGER statements_uncounted": [
            f"""{create} newsdesk_statements_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE stance_days SET n = n - 1 WHERE {match};
    DELETE FROM stance_days WHERE {match} AND n <= 0;
    RETURN NULL;
END $$""",
            "CREATE TRIGGER statements_uncounted AFTER DELETE ON statements"
            " FOR EACH ROW EXECUTE FUNCTION newsdesk_statements_uncounted()",
        ],
    }


# SQLite statements that PostgreSQL spells otherwise, by their opening words.
_REPLACED: dict[str, list[str]] = {
    "CREATE VIRTUAL TABLE passage_fts": _FTS_TABLE,
    "CREATE VIRTUAL TABLE passage_vocab": [],  # FTS5's vocabulary view: term_df replaces it (migration 4)
    "INSERT INTO term_df(term, doc) SELECT term, doc FROM passage_vocab": [],  # a new database: nothing to copy
    **_stance_day_triggers(guild=False),
}

# Migration 10 (tenancy) counts stance days per server: the same triggers, with the guild in the key.
_GUILD_REPLACED: dict[str, list[str]] = {
    "DROP TRIGGER statements_counted": ["DROP TRIGGER IF EXISTS statements_counted ON statements"],
    "DROP TRIGGER statements_uncounted": ["DROP TRIGGER IF EXISTS statements_uncounted ON statements"],
    **_stance_day_triggers(guild=True),
}

_CREATE_INDEX = re.compile(r"^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+\w+\s+ON\s+\w+\s*\(([^()]*?)?([^()]*)\)", re.I)
_CREATE_TABLE = re.compile(r"^\s*CREATE\s+TABLE\s+(\w+)", re.I)


def postgres_ddl(statement: str) -> list[str]:
    """One SQLite migration statement as the PostgreSQL statements that do the same."""
    flat = " ".join(statement.split())
    for opening, replacement in _GUILD_REPLACED.items():
        if flat.startswith(opening) and (opening.startswith("DROP") or "guild_id" in flat):
            return list(replacement)
    for opening, replacement in _REPLACED.items():
        if flat.startswith(opening):
            return list(replacement)
    sql = re.sub(r"\bWITHOUT\s+ROWID\b", "", statement, flags=re.I)
    sql = re.sub(r"\bINTEGER\b", "BIGINT", sql)
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
    sql = re.sub(r"\bBLOB\b", "BYTEA", sql)
    index = _CREATE_INDEX.match(sql)
    if index:  # SQLite's NULL order (first when ascending), so ORDER BY … NULLS FIRST reads the index
        cols = ", ".join(
            c.strip() + ("" if _NEVER_NULL.fullmatch(c.strip()) else " NULLS FIRST") for c in index.group(2).split(",")
        )
        sql = sql[: index.start(2)] + cols + sql[index.end(2) :]
    rowid = not re.search(r"\bWITHOUT\s+ROWID\b", statement, re.I)
    m = _CREATE_TABLE.match(sql)
    if m and rowid and not re.search(r"\bid\s+BIGINT\s+PRIMARY\s+KEY\b", sql, re.I):
        # SQLite's implicit rowid (insertion order), which some reads order by
        sql = sql.replace("(", "(rowid BIGINT GENERATED BY DEFAULT AS IDENTITY, ", 1)
    out = [sql]
    if m and re.search(r"\bid\s+BIGINT\s+PRIMARY\s+KEY\b", sql, re.I):
        table = m.group(1)
        out.append(
            f"CREATE TRIGGER {table}_id BEFORE INSERT ON {table} FOR EACH ROW WHEN (NEW.id IS NULL)"
            " EXECUTE FUNCTION newsdesk_next_id()"
        )
    return out
