-- wirewatch store, schema version 2. Plain SQLite: Datasette and sqlite3 open it as it is.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- every input document ingested, by its id and the hash of its content
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, content_hash)
);

-- documents a defect in wirewatch cut short (not a fault of their input): what was stored
-- of them stays, and they are processed again by the next ingest of their input (or by
-- `ingest --retry-failed`); the row goes when one is stored whole
CREATE TABLE IF NOT EXISTS failures (
    doc_id TEXT PRIMARY KEY,
    source TEXT,                 -- the input it was read from (a path or URL), to read again
    reason TEXT NOT NULL,
    version TEXT NOT NULL,       -- the wirewatch version that failed
    failed_at TEXT NOT NULL
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
    record TEXT NOT NULL         -- the article record (JSON), as extract prints it
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);

-- where each article appeared: one row per document that carried it (copies included)
CREATE TABLE IF NOT EXISTS appearances (
    article_id TEXT NOT NULL REFERENCES articles(article_id),
    doc_id TEXT NOT NULL,
    url TEXT,
    publisher TEXT,
    published TEXT,
    PRIMARY KEY (article_id, doc_id)
);

-- near-duplicates: a text that copies a stored article is another appearance of it
CREATE TABLE IF NOT EXISTS copies (
    article_id TEXT PRIMARY KEY, -- the copy's own id
    original_id TEXT NOT NULL REFERENCES articles(article_id),
    doc_id TEXT NOT NULL,
    title TEXT
);
CREATE TABLE IF NOT EXISTS signatures (  -- MinHash of each article's word 5-shingles
    article_id TEXT PRIMARY KEY,
    signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (       -- LSH bands of the signatures
    band TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bands_band ON bands(band);

-- story grouping: each article's word weights (JSON) as stored, the words it is found by,
-- and how many articles hold each word
CREATE TABLE IF NOT EXISTS article_vectors (article_id TEXT PRIMARY KEY, vector TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS postings_term ON postings(term);
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(article_id),
    block TEXT,                  -- type and parties: where mentions of one event meet
    event_type TEXT NOT NULL,
    date TEXT,
    country TEXT,                -- of the mention's location
    record TEXT NOT NULL         -- the event mention (JSON)
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_block ON mentions(block);

CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    story_id TEXT,
    event_type TEXT NOT NULL,
    date TEXT,
    first_reported TEXT,
    last_reported TEXT,
    n_sources INTEGER NOT NULL,  -- distinct publishers
    n_independent INTEGER NOT NULL,  -- distinct origins behind the reports
    location_country TEXT,
    lat REAL,
    lon REAL,
    record TEXT NOT NULL         -- the merged event record (JSON)
);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_story ON events(story_id);

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
    title TEXT,
    merged_into TEXT,            -- set when the story turned out to be part of another
    size INTEGER NOT NULL        -- its articles
);
-- the sum of each story's articles' word weights
CREATE TABLE IF NOT EXISTS story_terms (
    story_id TEXT NOT NULL,
    term TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (story_id, term)
) WITHOUT ROWID;
-- what happened to stories over time: merges and splits
CREATE TABLE IF NOT EXISTS story_history (
    story_id TEXT NOT NULL,      -- the story that remains
    change TEXT NOT NULL,        -- merged | split
    other_id TEXT NOT NULL,      -- the story merged into it, or split off from it
    article_id TEXT,             -- the article whose arrival showed it
    at TEXT NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(event_id UNINDEXED, text);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, title, body);
