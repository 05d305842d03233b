//! diglot — a keyboard-driven terminal reader for news articles in two languages.
//!
//! Layers, from the bottom up: `util` (clocks, hashes), `model` (plain data, the corpus
//! manifest), `sanitize` (the output boundary), `ingest` (files → articles),
//! `text` (sentences, quotes, attribution), `align` (pairing and sentence alignment),
//! `speakers` (who said what across articles and languages), `store` (SQLite state),
//! `export` (citation formats), `view` (terminal-free layout), `app` (terminal-free state
//! core), `ui` (ratatui widgets), `tui` (the event loop) and `cli`.

pub mod align;
pub mod app;
pub mod cli;
pub mod export;
pub mod ingest;
pub mod model;
pub mod sanitize;
pub mod speakers;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
pub mod util;
pub mod view;
