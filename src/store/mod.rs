//! The SQLite state store: highlights, triage state, caches (issue 6).
