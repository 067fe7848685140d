"""The database schema as forward migrations, applied in order and recorded in PRAGMA user_version.

Never edit a migration that has shipped: add a new one. An older database file is brought up to
date on open; a file from a newer release is refused rather than damaged.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents, passages and their full-text index; actors; events and statements derived from passages.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT NOT NULL DEFAULT 'ja',
        origin TEXT NOT NULL,
        author TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL,
        added_by TEXT,
        guild_id INTEGER
    );
    CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
    CREATE INDEX documents_added_at ON documents(added_at);

    CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        date TEXT,
        heading TEXT,
        default_speaker TEXT
    );
    CREATE INDEX passages_document ON passages(document_id, seq);

    -- Pre-tokenized (SudachiPy, normalized forms, variants folded) so words of any length match.
    CREATE VIRTUAL TABLE passage_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');
    CREATE VIRTUAL TABLE passage_vocab USING fts5vocab(passage_fts, 'row');

    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        name_en TEXT,
        kind TEXT NOT NULL DEFAULT 'person',
        description TEXT,
        origin TEXT NOT NULL DEFAULT 'registry',
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE actor_aliases (
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        PRIMARY KEY (actor_id, alias)
    ) WITHOUT ROWID;

    CREATE TABLE mentions (
        passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        PRIMARY KEY (passage_id, actor_id)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_actor ON mentions(actor_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        precision TEXT NOT NULL,
        summary TEXT NOT NULL,
        background INTEGER NOT NULL DEFAULT 0,
        topics TEXT NOT NULL DEFAULT '[]',
        weight REAL NOT NULL DEFAULT 1.0,
        cluster_id INTEGER NOT NULL DEFAULT 0,  -- events reporting the same real event share it
        features TEXT NOT NULL DEFAULT '{}'     -- content words and people, compared when clustering
    );
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_cluster ON events(cluster_id);
    CREATE INDEX events_document ON events(document_id);
    CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, actor_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_actor ON event_actors(actor_id);

    CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        position TEXT NOT NULL,
        text TEXT NOT NULL,
        date TEXT,
        kind TEXT NOT NULL
    );
    CREATE INDEX statements_actor ON statements(actor_id, topic, date);
    CREATE INDEX statements_document ON statements(document_id);
    """,
    # 2: the daily digest, per server.
    """
    CREATE TABLE digest_settings (
        guild_id INTEGER PRIMARY KEY,
        channel_id INTEGER NOT NULL,
        time TEXT NOT NULL DEFAULT '09:00',
        timezone TEXT NOT NULL DEFAULT 'Asia/Tokyo',
        enabled INTEGER NOT NULL DEFAULT 1,
        last_posted_day TEXT,        -- the server's local date of the last digest posted
        last_posted_at TEXT,         -- UTC; the next digest covers what came after it
        last_error TEXT,
        last_error_at TEXT,
        updated_at TEXT NOT NULL
    );
    """,
    # 3: feed subscriptions and the items seen in them; documents a first poll stored without announcing.
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        guild_id INTEGER NOT NULL DEFAULT 0,   -- 0: subscribed from the command line
        url TEXT NOT NULL,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        added_at TEXT NOT NULL,
        added_by TEXT,
        last_polled_at TEXT,
        next_poll_at TEXT NOT NULL,
        last_ok_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        paused INTEGER NOT NULL DEFAULT 0,
        pause_notified INTEGER NOT NULL DEFAULT 0,
        UNIQUE (guild_id, url)
    );
    CREATE TABLE feed_items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT,
        link TEXT,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        status TEXT NOT NULL,
        reason TEXT,
        seen_at TEXT NOT NULL
    );
    CREATE INDEX feed_items_guid ON feed_items(feed_id, guid);
    CREATE INDEX feed_items_link ON feed_items(feed_id, link);
    ALTER TABLE documents ADD COLUMN quiet INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: how many passages hold each indexed term, kept at write time (fts5vocab walks whole posting lists).
    """
    CREATE TABLE term_df (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO term_df(term, doc) SELECT term, doc FROM passage_vocab;
    """,
    # 5: what /timeline and /stance page through, kept at write time so a page costs the same at any size.
    # A cluster (events reporting one real event) keeps its chosen date, representative and member count;
    # cluster_actors / cluster_topics carry the cluster's sort key for index-ordered filtered pages.
    # stance_days counts statements per (actor, topic, day, position): the per-topic summary reads it, not
    # every statement. Filled by bot.store.clusters after the tables exist (the representative is Python's).
    """
    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,                -- the events.cluster_id of its members
        date TEXT NOT NULL,
        precision TEXT NOT NULL,
        background INTEGER NOT NULL,
        representative INTEGER NOT NULL,       -- the event whose summary stands for the cluster
        members INTEGER NOT NULL,
        day_dates TEXT NOT NULL DEFAULT '{}'   -- {date: reports dated that day}: the cluster's date is the most reported
    );
    CREATE INDEX clusters_order ON clusters(background, date, id);
    CREATE TABLE cluster_actors (
        cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        background INTEGER NOT NULL,
        date TEXT NOT NULL,
        UNIQUE (cluster_id, actor_id)
    );
    CREATE INDEX cluster_actors_order ON cluster_actors(actor_id, background, date, cluster_id);
    CREATE TABLE cluster_topics (
        cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        background INTEGER NOT NULL,
        date TEXT NOT NULL,
        UNIQUE (cluster_id, topic)
    );
    CREATE INDEX cluster_topics_order ON cluster_topics(topic, background, date, cluster_id);

    ALTER TABLE statements ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';
    UPDATE statements SET sort_date = coalesce(date, (SELECT published FROM documents d WHERE d.id = document_id), '');
    DROP INDEX statements_actor;
    CREATE INDEX statements_actor ON statements(actor_id, sort_date, id);
    CREATE INDEX statements_actor_topic ON statements(actor_id, topic, sort_date, id);

    CREATE TABLE stance_days (
        actor_id INTEGER NOT NULL,
        topic TEXT NOT NULL,
        date TEXT NOT NULL,
        position TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (actor_id, topic, date, position)
    ) WITHOUT ROWID;
    INSERT INTO stance_days(actor_id, topic, date, position, n)
        SELECT actor_id, topic, sort_date, position, count(*) FROM statements GROUP BY 1, 2, 3, 4;
    CREATE TRIGGER statements_counted AFTER INSERT ON statements BEGIN
        INSERT INTO stance_days(actor_id, topic, date, position, n)
            VALUES (new.actor_id, new.topic, new.sort_date, new.position, 1)
            ON CONFLICT (actor_id, topic, date, position) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER statements_uncounted AFTER DELETE ON statements BEGIN
        UPDATE stance_days SET n = n - 1
            WHERE actor_id = old.actor_id AND topic = old.topic AND date = old.sort_date AND position = old.position;
        DELETE FROM stance_days
            WHERE actor_id = old.actor_id AND topic = old.topic AND date = old.sort_date AND position = old.position
            AND n <= 0;
    END;
    """,
    # 6: per-item feed state. item_key: the item's identity (guid:…, link:…, or hash: of title + date +
    # summary for items with neither); status fetched | failed | skipped; a failed item with retry_at is tried
    # again then (attempts counts the tries; title and published are kept for that try); attempted_at: the
    # last try, for the digest's note on feeds whose items keep failing. feeds.body_hash / backlog: a body
    # identical to the last one read, with no backlog left, is not parsed again (servers without ETag).
    """
    ALTER TABLE feed_items ADD COLUMN item_key TEXT;
    ALTER TABLE feed_items ADD COLUMN title TEXT;
    ALTER TABLE feed_items ADD COLUMN published TEXT;
    ALTER TABLE feed_items ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE feed_items ADD COLUMN retry_at TEXT;
    ALTER TABLE feed_items ADD COLUMN attempted_at TEXT;
    DELETE FROM feed_items WHERE status = 'error' AND link IS NULL;
    UPDATE feed_items SET item_key = CASE WHEN guid IS NOT NULL THEN 'guid:' || guid ELSE 'link:' || link END,
        attempted_at = seen_at;
    UPDATE feed_items SET status = 'fetched' WHERE status IN ('added', 'duplicate');
    UPDATE feed_items SET status = 'failed', retry_at = seen_at WHERE status = 'error';
    CREATE INDEX feed_items_key ON feed_items(feed_id, item_key);
    CREATE INDEX feed_items_state ON feed_items(feed_id, status, retry_at);
    ALTER TABLE feeds ADD COLUMN body_hash TEXT;
    ALTER TABLE feeds ADD COLUMN backlog INTEGER NOT NULL DEFAULT 0;
    """,
    # 7: topics beyond the seed taxonomy (bot/data/topics.json): added by admins with their cue words, or
    # discovered in the statements of new stories; a seed topic renamed or removed by an admin is kept here
    # too (origin 'seed'), so the data file stays as shipped. removed = 1: hidden (and never rediscovered).
    """
    CREATE TABLE topics (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        cues TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL,
        documents INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        added_by TEXT,
        added_at TEXT NOT NULL
    );
    """,
    # 8 (issue 13): the digest's language per server: 'ja' or 'en'; NULL follows the server's preferred
    # locale (Japanese when it is Japanese, else English).
    """
    ALTER TABLE digest_settings ADD COLUMN language TEXT;
    """,
    # 9 (issue 20): work handed over through the database, and what must happen once across processes.
    # jobs: what a worker does (kind + JSON payload), claimed with a lease that another worker may take over
    # once it expires (its worker died); key makes the same request one job. leases: one holder at a time for
    # a named thing (a feed being polled). digest_posts: the claim on a server's digest for a local day,
    # written before posting, the posted message ids after.
    """
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT UNIQUE,
        payload TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        owner TEXT,
        lease_until TEXT,
        result TEXT,
        error TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX jobs_ready ON jobs(state, id);
    CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at TEXT NOT NULL);
    CREATE TABLE digest_posts (
        guild_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        message_ids TEXT,
        posted_at TEXT,
        PRIMARY KEY (guild_id, day)
    );
    """,
    # 10 (issue 13): tenancy. A document belongs to the server (guild) that added it, or is shared (guild_id 0: the
    # seeds and what the command line adds). A server sees its own and the shared ones. Statements carry
    # their document's guild (stance_days counts per guild); a cluster's scope says who may see it: 0 when
    # a shared document reports it, a guild id when only that guild's documents do, -1 when documents of
    # several guilds and no shared one do (then a server's view asks whether one of its own reports it).
    # The scope is the last column of each ordering index, so a server's page is read from the index alone.
    """
    UPDATE documents SET guild_id = 0 WHERE guild_id IS NULL;
    CREATE INDEX documents_guild ON documents(guild_id, id);

    ALTER TABLE statements ADD COLUMN guild_id INTEGER NOT NULL DEFAULT 0;
    UPDATE statements SET guild_id = coalesce((SELECT d.guild_id FROM documents d WHERE d.id = statements.document_id), 0);
    DROP INDEX statements_actor;
    DROP INDEX statements_actor_topic;
    CREATE INDEX statements_actor ON statements(actor_id, sort_date, id, guild_id);
    CREATE INDEX statements_actor_topic ON statements(actor_id, topic, sort_date, id, guild_id);

    DROP TRIGGER statements_counted;
    DROP TRIGGER statements_uncounted;
    DROP TABLE stance_days;
    CREATE TABLE stance_days (
        actor_id INTEGER NOT NULL,
        topic TEXT NOT NULL,
        date TEXT NOT NULL,
        position TEXT NOT NULL,
        guild_id INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (actor_id, topic, date, position, guild_id)
    ) WITHOUT ROWID;
    INSERT INTO stance_days(actor_id, topic, date, position, guild_id, n)
        SELECT actor_id, topic, sort_date, position, guild_id, count(*) FROM statements GROUP BY 1, 2, 3, 4, 5;
    CREATE TRIGGER statements_counted AFTER INSERT ON statements BEGIN
        INSERT INTO stance_days(actor_id, topic, date, position, guild_id, n)
            VALUES (new.actor_id, new.topic, new.sort_date, new.position, new.guild_id, 1)
            ON CONFLICT (actor_id, topic, date, position, guild_id) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER statements_uncounted AFTER DELETE ON statements BEGIN
        UPDATE stance_days SET n = n - 1
            WHERE actor_id = old.actor_id AND topic = old.topic AND date = old.sort_date AND position = old.position
            AND guild_id = old.guild_id;
        DELETE FROM stance_days
            WHERE actor_id = old.actor_id AND topic = old.topic AND date = old.sort_date AND position = old.position
            AND guild_id = old.guild_id AND n <= 0;
    END;

    ALTER TABLE clusters ADD COLUMN scope INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cluster_actors ADD COLUMN scope INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cluster_topics ADD COLUMN scope INTEGER NOT NULL DEFAULT 0;
    UPDATE clusters SET scope = coalesce((SELECT CASE WHEN min(d.guild_id) = 0 THEN 0
        WHEN min(d.guild_id) = max(d.guild_id) THEN min(d.guild_id) ELSE -1 END
        FROM events e JOIN documents d ON d.id = e.document_id WHERE e.cluster_id = clusters.id), 0);
    UPDATE cluster_actors SET scope = coalesce((SELECT c.scope FROM clusters c WHERE c.id = cluster_actors.cluster_id), 0);
    UPDATE cluster_topics SET scope = coalesce((SELECT c.scope FROM clusters c WHERE c.id = cluster_topics.cluster_id), 0);
    DROP INDEX clusters_order;
    DROP INDEX cluster_actors_order;
    DROP INDEX cluster_topics_order;
    CREATE INDEX clusters_order ON clusters(background, date, id, scope);
    CREATE INDEX cluster_actors_order ON cluster_actors(actor_id, background, date, cluster_id, scope);
    CREATE INDEX cluster_topics_order ON cluster_topics(topic, background, date, cluster_id, scope);

    ALTER TABLE events ADD COLUMN guild_id INTEGER NOT NULL DEFAULT 0;
    UPDATE events SET guild_id = coalesce((SELECT d.guild_id FROM documents d WHERE d.id = events.document_id), 0);
    CREATE INDEX events_cluster_guild ON events(cluster_id, guild_id);
    """,
    # 11 (issue 13): topics and duplicates per server. A topic belongs to the server whose admin added, renamed
    # or removed it, or in whose documents it was discovered, or is shared (guild_id 0: the command line's, and
    # every topic stored before); two servers may each add a topic of the same name. A document is a duplicate
    # only of what its server sees: the same URL may be stored once per server, and a server's copy keeps its
    # content hash as `<hash>@<guild>` (bot/store/duplicates.py), the shared one the hash alone.
    """
    CREATE TABLE guild_topics (
        guild_id INTEGER NOT NULL,
        id TEXT NOT NULL,
        label TEXT NOT NULL,
        cues TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL,
        documents INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        added_by TEXT,
        added_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, id)
    );
    INSERT INTO guild_topics(guild_id, id, label, cues, origin, documents, removed, added_by, added_at)
        SELECT 0, id, label, cues, origin, documents, removed, added_by, added_at FROM topics;
    DROP TABLE topics;
    ALTER TABLE guild_topics RENAME TO topics;
    DELETE FROM meta WHERE key = 'topics_discovered_docs';

    DROP INDEX documents_url;
    CREATE UNIQUE INDEX documents_url ON documents(guild_id, url) WHERE url IS NOT NULL;
    UPDATE documents SET content_hash = content_hash || '@' || guild_id WHERE guild_id > 0;
    """,
    # 12 (issue 13): what each server sees of an event several servers' documents report (bot/store/cluster_views.py):
    # per cluster with a server's report, a row for guild 0 (the shared reports) and one per server with reports
    # (its own), with the count and the representative of what that server sees. Written with the documents;
    # the rows counted here from earlier data have no representative yet (chosen again when needed). And whether
    # a server sees an actor through its statements (bot/store/tenancy.py, actor_visible) is two index probes.
    """
    CREATE TABLE cluster_views (
        cluster_id INTEGER NOT NULL,
        guild_id INTEGER NOT NULL,
        reports INTEGER NOT NULL,
        representative INTEGER,
        PRIMARY KEY (cluster_id, guild_id)
    ) WITHOUT ROWID;
    INSERT INTO cluster_views(cluster_id, guild_id, reports, representative)
        SELECT cluster_id, 0, sum(CASE WHEN guild_id = 0 THEN 1 ELSE 0 END), NULL FROM events
        WHERE cluster_id IN (SELECT cluster_id FROM events WHERE guild_id > 0) GROUP BY cluster_id;
    INSERT INTO cluster_views(cluster_id, guild_id, reports, representative)
        SELECT cluster_id, guild_id, count(*), NULL FROM events WHERE guild_id > 0 GROUP BY cluster_id, guild_id;
    CREATE INDEX stance_days_guild ON stance_days(actor_id, guild_id);
    """,
    # 13 (issue 11): a document's claims (every actor clause, bot/extract/claim_records.py), extracted at ingest and
    # written with the document, for /stance --about: the extractor's version, the largest actor id its index knew,
    # the actors the document itself added, the stored ids of the provisional ones the claims name (-1 → 57), the
    # claims as zlib-compressed JSON records. A document without a row of today's
    # version (every document stored before) is read by extracting at query time until `python -m bot claims`.
    """
    CREATE TABLE document_claims (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        actors_known INTEGER NOT NULL,
        own_actors TEXT NOT NULL DEFAULT '[]',
        provisional TEXT NOT NULL DEFAULT '{}',
        claims BLOB NOT NULL
    );
    CREATE INDEX document_claims_version ON document_claims(version, document_id);
    """,
    # 14 (issue 13): failures kept as a code and its parameters (bot/store/failures.py: feeds.last_error,
    # feed_items.reason, digest_settings.last_error), said in the reader's language when shown; the rows older
    # versions kept as English sentences are rewritten by `failures.store_codes` when this step runs.
    # And a server's count of its timeline (bot/store/timeline.py `_count`) reads two ranges of clusters_scope
    # (its shared-or-own clusters, the several servers' ones) instead of testing its condition on every entry.
    """
    -- the rewrite of failures is Python: bot/store/failures.py
    CREATE INDEX clusters_scope ON clusters(background, scope, date);
    """,
    # 15 (issue 11): the documents that name each actor, one row per pair, written with the document's mentions.
    # `/stance --about` keeps the documents holding the target that also name the actor: a probe of this key per
    # document, where reading a document's passages for a mention cost ~50 probes for every document that does
    # not name a rarely named actor (at 10k articles 150–250 ms a question).
    """
    CREATE TABLE document_actors (
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (actor_id, document_id)
    ) WITHOUT ROWID;
    INSERT INTO document_actors(actor_id, document_id)
        SELECT DISTINCT m.actor_id, p.document_id FROM mentions m JOIN passages p ON p.id = m.passage_id;
    """,
    # 16 (issue 20): a timeline page's sources are each event's first reports, `WHERE cluster_id = ? ORDER BY id
    # LIMIT n`. SQLite's index on cluster_id holds each row's id after it, in order, so it reads the first n;
    # PostgreSQL's holds no such order and sorted every report of a large cluster for its first 25. The index now
    # names the id: the same order on both.
    """
    DROP INDEX events_cluster;
    CREATE INDEX events_cluster ON events(cluster_id, id);
    """,
    # 17 (issue 11, bench): the document of a passage by its id, from an index of the two alone. `/stance --about`
    # counts, per document, the 1,500 newest passages holding the target (bot/store/about.py): 1,500 look-ups by
    # id, each reading a table page of long passage texts; the index's pages hold ~10× the rows (SQLite's planner
    # prefers the table for an id look-up, so the query names the index: `INDEXED BY`, dropped for PostgreSQL).
    """
    CREATE INDEX passages_document_of ON passages(id, document_id);
    """,
    # 18 (issue 19): the events dated in the other time zone's day (features holding "alt", 「日本時間17日」), by date.
    # Clustering reads, for each day a new event needs, the events of the two days around it whose `alt` is that day
    # (`clusters._unit_sql`): with only the date's index SQLite read every event of both days and matched its
    # features as text (at 100k articles ~3,700 events a day: ~30 ms of CPU a day read, most of the bulk writer's
    # time there). The index holds only the events with an `alt`; the query names its condition, which the one it
    # had implies, so the rows are the same.
    """
    CREATE INDEX events_alt ON events(date) WHERE features LIKE '%"alt": "%';
    """,
    # 19 (issue 11): the registry's generations. A document may teach the registry an alias of an actor stored
    # before (the person the index holds in katakana, named "Elon Musk" by an English report: `other_script`), and
    # the claims stored for earlier documents that write that name are then stale. A claims row recorded the largest
    # actor id its index knew, which sees new actors only; it now records the registry's generation (what it has
    # learned: each document write that adds an actor or an alias is one, `Store.reload_actors`), and an alias
    # learned after its actor carries its own. Stored actors keep their id as their generation (what a claims row
    # of the older kind recorded), their stored aliases none (0: learned with the actor); a claims row also records
    # the generation its document wrote at (`own_generation`, 0: none), what its own extraction knew.
    """
    ALTER TABLE actors ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
    UPDATE actors SET generation = id;
    CREATE INDEX actors_generation ON actors(generation);
    ALTER TABLE actor_aliases ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX actor_aliases_generation ON actor_aliases(generation);
    ALTER TABLE document_claims ADD COLUMN own_generation INTEGER NOT NULL DEFAULT 0;
    """,
]

STORED_FAILURES_SCHEMA = 14  # the step after which failures are stored as codes (bot/store/failures.py)

SCHEMA_VERSION = len(MIGRATIONS)
