//! Versioned schema migrations, tracked with `PRAGMA user_version`.
//!
//! Each entry of [`MIGRATIONS`] moves the store from version `i` to `i + 1` and is applied
//! in its own transaction, so a crash mid-migration leaves the previous version intact.
//! Migrations are append-only: never edit one that has shipped, add a new one.

/// Written to `PRAGMA application_id` so diglot recognises its own files and refuses to
/// write into some other program's SQLite database ("DIGL" in ASCII).
pub const APPLICATION_ID: i32 = 0x4449_474C;

/// The SQL of each migration; the schema version after applying `MIGRATIONS[i]` is `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: highlights anchored by article id, exact text and byte offsets.
    "CREATE TABLE highlights (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        note TEXT,
        tag TEXT,
        created TEXT NOT NULL
    );
    CREATE INDEX highlights_by_article ON highlights(article);",
    // 2: anchoring data to re-find a highlight after the article file changes, the
    // speaker of a highlighted quote, and the orphaned flag (text no longer found).
    "ALTER TABLE highlights ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';
    ALTER TABLE highlights ADD COLUMN context_before TEXT NOT NULL DEFAULT '';
    ALTER TABLE highlights ADD COLUMN context_after TEXT NOT NULL DEFAULT '';
    ALTER TABLE highlights ADD COLUMN speaker TEXT;
    ALTER TABLE highlights ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0;",
    // 3: per-article triage state.
    "CREATE TABLE triage (
        article TEXT PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        updated TEXT NOT NULL
    );",
    // 4: bilingual highlights: the same passage in the counterpart article, anchored
    // like the first text (NULL article: a highlight of one text).
    "ALTER TABLE highlights ADD COLUMN pair_article TEXT;
    ALTER TABLE highlights ADD COLUMN pair_language TEXT;
    ALTER TABLE highlights ADD COLUMN pair_text_hash TEXT NOT NULL DEFAULT '';
    ALTER TABLE highlights ADD COLUMN pair_text TEXT NOT NULL DEFAULT '';
    ALTER TABLE highlights ADD COLUMN pair_start INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE highlights ADD COLUMN pair_end INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE highlights ADD COLUMN pair_context_before TEXT NOT NULL DEFAULT '';
    ALTER TABLE highlights ADD COLUMN pair_context_after TEXT NOT NULL DEFAULT '';
    ALTER TABLE highlights ADD COLUMN pair_orphaned INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX highlights_by_pair_article ON highlights(pair_article);",
];

/// The schema version this build of diglot writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;
