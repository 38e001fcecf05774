-- wirewatch store, schema version 1. Plain SQLite: Datasette and sqlite3 open it as it is.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- every input document ingested, by its id and the hash of its content
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, content_hash)
);

CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    story_id TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT,
    url TEXT,
    category TEXT,
    body TEXT NOT NULL,
    fingerprint TEXT NOT NULL,   -- content words, space-separated, for story grouping
    record TEXT NOT NULL         -- the article record (JSON), as extract prints it
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);

-- where each article appeared: one row per document that carried it
CREATE TABLE IF NOT EXISTS appearances (
    article_id TEXT NOT NULL REFERENCES articles(article_id),
    doc_id TEXT NOT NULL,
    url TEXT,
    publisher TEXT,
    published TEXT,
    PRIMARY KEY (article_id, doc_id)
);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(article_id),
    record TEXT NOT NULL         -- the event mention (JSON)
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);

CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    date TEXT,
    first_reported TEXT,
    last_reported TEXT,
    n_sources INTEGER NOT NULL,
    location_country TEXT,
    lat REAL,
    lon REAL,
    record TEXT NOT NULL         -- the merged event record (JSON)
);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

-- the parties of each event, for filtering by actor and country
CREATE TABLE IF NOT EXISTS event_parties (
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,          -- actor | recipient
    text TEXT,
    name TEXT,
    country TEXT,
    sector TEXT
);
CREATE INDEX IF NOT EXISTS event_parties_event ON event_parties(event_id);
CREATE INDEX IF NOT EXISTS event_parties_country ON event_parties(country);

-- who told each event: publishers and every link of the attribution chains
CREATE TABLE IF NOT EXISTS event_sources (
    event_id TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_sources_event ON event_sources(event_id);

CREATE TABLE IF NOT EXISTS stories (
    story_id TEXT PRIMARY KEY,
    title TEXT
);

CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(event_id UNINDEXED, text);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, title, body);
