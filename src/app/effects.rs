//! What `update` asks of the outside world, and what the outside world reports back.
//!
//! `update` does no I/O: a store write, an export or the clipboard is an [`Effect`] the
//! event loop carries out (see `tui::effects`); its result comes back as an
//! [`super::Action`] ([`super::Action::Stored`], [`super::Action::TriageSaved`],
//! [`super::Action::Exported`]), and only then does the status bar acknowledge it: what
//! the reader says is saved is on disk.

use crate::model::{Highlight, Triage};
use crate::store::NewHighlight;
use std::path::PathBuf;

/// What the event loop must do outside the pure state.
// A highlight with its counterpart text makes `Store` the large variant; effects are a
// handful per key press and moved once, so boxing it would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Persist the triage state of an article (by id).
    SaveTriage(String, Triage),
    /// Change the highlight store.
    Store(StoreRequest),
    /// Read every highlight from the store again (another process may have changed it).
    LoadHighlights,
    /// Write a Markdown export of `count` highlights to a new time-stamped file in `dir`.
    Export { dir: PathBuf, markdown: String, count: usize },
    /// Put this text on the clipboard (the event loop writes it as OSC 52 after the frame).
    Clipboard(String),
    /// Clear the terminal and draw every cell again.
    Repaint,
    /// Give the terminal back and stop the process until the shell continues it; then
    /// repaint.
    Suspend,
    Quit,
}

/// A change to the highlight store.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreRequest {
    /// Add this highlight, or remove the one already stored at its range. `what` names
    /// the passage in the status bar ("quote", "sentence").
    Toggle { highlight: NewHighlight, what: String },
    /// Delete a highlight (the highlights view's `d`).
    Delete(i64),
    /// Put a deleted highlight back as it was.
    Restore(Highlight),
    /// Set a highlight's note or tag (`None` clears it); `before` is kept for undo.
    Annotate { id: i64, field: Annotation, value: Option<String>, before: Option<String> },
    /// Take back an earlier change.
    Undo(UndoOp),
}

/// What a store request did.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreOutcome {
    Added(Highlight),
    /// The highlight removed, or `None` when it was already gone.
    Removed(Option<Highlight>),
    Done,
}

/// A store request carried out: its outcome, and every highlight as the store holds them
/// afterwards (so what is shown is what is on disk).
#[derive(Debug, Clone, PartialEq)]
pub struct StoreResult {
    pub request: StoreRequest,
    pub outcome: Result<StoreOutcome, String>,
    pub highlights: Result<Vec<Highlight>, String>,
}

/// A store change `u` can take back.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoOp {
    Added(Highlight),
    Removed(Highlight),
    Note { id: i64, before: Option<String> },
    Tag { id: i64, before: Option<String> },
}

/// The free-text fields of a highlight the reader edits in a one-line prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Annotation {
    Note,
    Tag,
}

impl Annotation {
    pub fn name(self) -> &'static str {
        match self {
            Annotation::Note => "note",
            Annotation::Tag => "tag",
        }
    }

    pub fn current(self, h: &Highlight) -> Option<String> {
        match self {
            Annotation::Note => h.note.clone(),
            Annotation::Tag => h.tag.clone(),
        }
    }

    pub fn undo_op(self, id: i64, before: Option<String>) -> UndoOp {
        match self {
            Annotation::Note => UndoOp::Note { id, before },
            Annotation::Tag => UndoOp::Tag { id, before },
        }
    }
}
