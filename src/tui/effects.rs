//! Carrying out what the app state asks of the outside world: store writes, store reads
//! and export files. Each result goes back to the state as an [`Action`], before the next
//! frame is drawn, so the status bar acknowledges only what reached the disk.

use crate::app::{Action, App, Effect, StoreOutcome, StoreRequest, StoreResult, UndoOp};
use crate::store::{Store, StoreError};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

/// The reader's state and the store its effects write to: what the event loop drives
/// (and what tests drive without a terminal). It reads as the [`App`] it holds.
pub struct Session {
    pub app: App,
    store: Option<Store>,
    /// Problems in the config file, named on stderr once the terminal is given back.
    pub config_warnings: Vec<String>,
}

impl Deref for Session {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Session {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl Session {
    /// A session with no store: nothing is saved (the state says so when asked to).
    pub fn new(app: App) -> Session {
        Session { app, store: None, config_warnings: Vec::new() }
    }

    /// Save triage and highlights in `store` (call [`Store::reanchor`] before, so offsets
    /// match the current texts).
    pub fn attach_store(&mut self, store: Store) {
        self.attach(store, true);
    }

    /// Like [`Session::attach_store`] for a store opened read-only: highlights and triage
    /// are shown, writes are refused by the store and the status bar says nothing is saved.
    pub fn attach_read_only_store(&mut self, store: Store) {
        self.attach(store, false);
    }

    fn attach(&mut self, store: Store, writable: bool) {
        let highlights = store.highlights(None);
        self.store = Some(store);
        self.app.store_opened(Vec::new(), writable);
        self.app.update(Action::HighlightsLoaded(highlights.map_err(|e| e.to_string())));
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// Apply a key and carry out what it asks; every effect is returned (those for the
    /// terminal are left to the caller). `None` when the key means nothing here.
    pub fn handle_key(&mut self, key: crate::app::keymap::KeyChord) -> Option<Vec<Effect>> {
        let effects = self.app.handle_key(key)?;
        Some(self.carry_out(effects))
    }

    /// [`App::update`], then carry out the effects that touch the store or files.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.app.update(action);
        self.carry_out(effects)
    }

    /// Carry out the store and file effects in `effects` and feed their results back to
    /// the state; returns `effects` with whatever the results asked for in turn.
    pub fn carry_out(&mut self, mut effects: Vec<Effect>) -> Vec<Effect> {
        let mut next = 0;
        while next < effects.len() {
            if let Some(result) = self.run(&effects[next]) {
                let more = self.app.update(result);
                effects.extend(more);
            }
            next += 1;
        }
        effects
    }

    /// Carry out one effect; the action reporting its result, if it is one of ours.
    fn run(&self, effect: &Effect) -> Option<Action> {
        match effect {
            Effect::SaveTriage(id, t) => {
                let store = self.store.as_ref()?;
                let result = store.set_triage(id, *t).map_err(|e| e.to_string());
                let on_disk = if result.is_err() { store.triage(id).unwrap_or_default() } else { *t };
                Some(Action::TriageSaved { id: id.clone(), result, on_disk })
            }
            Effect::Store(request) => {
                let store = self.store.as_ref()?;
                let outcome = write(store, request).map_err(|e| e.to_string());
                let highlights = store.highlights(None).map_err(|e| e.to_string());
                Some(Action::Stored(Box::new(StoreResult { request: request.clone(), outcome, highlights })))
            }
            Effect::LoadHighlights => {
                let store = self.store.as_ref()?;
                Some(Action::HighlightsLoaded(store.highlights(None).map_err(|e| e.to_string())))
            }
            Effect::Export { dir, markdown, count } => {
                let (path, result) = export_markdown(dir, markdown);
                Some(Action::Exported { path, count: *count, result: result.map_err(|e| e.to_string()) })
            }
            Effect::Clipboard(_) | Effect::Repaint | Effect::Suspend | Effect::Quit => None,
        }
    }
}

/// Carry out one store request.
fn write(store: &Store, request: &StoreRequest) -> Result<StoreOutcome, StoreError> {
    match request {
        StoreRequest::Toggle { highlight, .. } => match store.find_highlight(&highlight.passage.article, highlight.passage.start..highlight.passage.end)? {
            Some(existing) => store.remove_highlight(existing.id).map(StoreOutcome::Removed),
            None => store.add_highlight(highlight).map(StoreOutcome::Added),
        },
        StoreRequest::Delete(id) => store.remove_highlight(*id).map(StoreOutcome::Removed),
        StoreRequest::Restore(h) => store.restore_highlight(h).map(|()| StoreOutcome::Done),
        StoreRequest::Annotate { id, field, value, .. } => {
            annotate(store, *field, *id, value.as_deref()).map(|()| StoreOutcome::Done)
        }
        StoreRequest::Undo(op) => match op {
            UndoOp::Added(h) => store.remove_highlight(h.id).map(StoreOutcome::Removed),
            UndoOp::Removed(h) => store.restore_highlight(h).map(|()| StoreOutcome::Done),
            UndoOp::Note { id, before } => annotate(store, crate::app::Annotation::Note, *id, before.as_deref()).map(|()| StoreOutcome::Done),
            UndoOp::Tag { id, before } => annotate(store, crate::app::Annotation::Tag, *id, before.as_deref()).map(|()| StoreOutcome::Done),
        },
    }
}

fn annotate(store: &Store, field: crate::app::Annotation, id: i64, value: Option<&str>) -> Result<(), StoreError> {
    match field {
        crate::app::Annotation::Note => store.set_note(id, value),
        crate::app::Annotation::Tag => store.set_tag(id, value),
    }
}

/// Write `markdown` atomically to a new time-stamped file in `dir`; the path chosen and
/// whether it was written.
fn export_markdown(dir: &Path, markdown: &str) -> (PathBuf, std::io::Result<()>) {
    // "2026-11-22T04:32:53Z" → "20261122-043253": short, sortable, no ':' for Windows.
    let stamp: String = crate::util::clock::now_rfc3339()
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .map(|c| if c == 'T' { '-' } else { c })
        .collect();
    let path = dir.join(format!("highlights-{stamp}.md"));
    let result = std::fs::create_dir_all(dir).and_then(|()| crate::export::write_atomic(&path, markdown.as_bytes()));
    (path, result)
}
