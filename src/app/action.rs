//! What the reader can be asked to do. Bindable commands have a stable name (used in the
//! keymap file) and a description (shown in the help overlay).

use super::effects::StoreResult;
use crate::model::{Highlight, Triage};
use std::path::PathBuf;

/// Declares the bindable commands once: variant, keymap name, help text.
macro_rules! commands {
    ($( $variant:ident => $name:literal, $help:literal; )*) => {
        /// A command a key can be bound to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command { $( $variant, )* }

        impl Command {
            pub const ALL: &'static [Command] = &[ $( Command::$variant, )* ];

            /// The name used in keymap files.
            pub fn name(self) -> &'static str {
                match self { $( Command::$variant => $name, )* }
            }

            /// One line for the help overlay.
            pub fn help(self) -> &'static str {
                match self { $( Command::$variant => $help, )* }
            }

            pub fn from_name(name: &str) -> Option<Command> {
                match name { $( $name => Some(Command::$variant), )* _ => None }
            }
        }
    };
}

commands! {
    Quit => "quit", "quit diglot";
    Help => "help", "show or hide this help";
    Redraw => "redraw", "repaint the whole screen";
    Suspend => "suspend", "suspend to the shell (fg brings the reader back)";
    Close => "close", "close (help, selection, view) / clear the search / back to the list";
    Back => "back", "back to the article list";
    FocusNext => "focus_next", "next pane (list → body → quotes) / column";
    FocusPrev => "focus_prev", "previous pane";
    Down => "down", "move down one line / item";
    Up => "up", "move up one line / item";
    Top => "top", "go to the top";
    Bottom => "bottom", "go to the bottom";
    PageDown => "page_down", "one page down";
    PageUp => "page_up", "one page up";
    HalfPageDown => "half_page_down", "half a page down";
    HalfPageUp => "half_page_up", "half a page up";
    Open => "open", "open the article (marks it read) / the highlight / the speaker or quote";
    JumpToQuote => "jump_to_quote", "show the selected quote in the body";
    Search => "search", "search in the article (speakers view: filter the speakers)";
    SearchNext => "search_next", "next search match";
    SearchPrev => "search_prev", "previous search match";
    Filter => "filter", "filter: words, lang:fr, unread, starred, archived";
    ClearFilter => "clear_filter", "clear the filter and search";
    ToggleRead => "toggle_read", "mark read / unread";
    ToggleStar => "toggle_star", "star / unstar";
    ToggleArchive => "toggle_archive", "archive / unarchive (archived articles leave the list)";
    CycleOrder => "cycle_order", "list order: file name → newest first → title";
    ToggleTerms => "toggle_terms", "show / hide term quotes (scare quotes, titles)";
    Bilingual => "bilingual", "side-by-side bilingual view";
    Highlights => "highlights", "highlights view (every highlight in the corpus)";
    Highlight => "highlight", "highlight / un-highlight the quote, sentence or selection (side by side: with its counterpart)";
    Visual => "visual", "start a visual selection at the sentence cursor";
    NextSentence => "next_sentence", "sentence cursor to the next sentence";
    PrevSentence => "prev_sentence", "sentence cursor to the previous sentence";
    WordForward => "word_forward", "extend the selection by a word";
    WordBack => "word_back", "shrink / extend the selection back by a word";
    Note => "note", "edit the note of the highlight here";
    Tag => "tag", "set the tag of the highlight here (empty clears it)";
    SearchNextOrNote => "search_next_or_note", "next search match (no search: note on the highlight)";
    Undo => "undo", "undo the last highlight add / remove / note change";
    Copy => "copy", "copy the quote / highlight with its citation (OSC 52)";
    Delete => "delete", "delete the selected highlight";
    Export => "export", "export every highlight to a Markdown file";
    NextQuote => "next_quote", "select the next quote (its pair is lit)";
    PrevQuote => "prev_quote", "select the previous quote";
    ToggleMap => "toggle_map", "show / hide the alignment map";
    NextFlag => "next_flag", "next divergence flag (one-sided row, number, name, negation, clause); its reason in the status bar";
    PrevFlag => "prev_flag", "previous divergence flag";
    Speakers => "speakers", "speakers view (every speaker, their quotes in both languages)";
    Submit => "submit", "accept the input";
    Cancel => "cancel", "cancel the input";
    CursorLeft => "cursor_left", "cursor left";
    CursorRight => "cursor_right", "cursor right";
    CursorHome => "cursor_home", "cursor to start";
    CursorEnd => "cursor_end", "cursor to end";
    DeleteBack => "delete_back", "delete the character before the cursor";
    DeleteForward => "delete_forward", "delete the character under the cursor";
    DeleteWord => "delete_word", "delete the word before the cursor";
    DeleteToStart => "delete_to_start", "delete to the start of the line";
}

/// Everything that changes the app state: what the user does, and what the outside world
/// reports back about the effects it carried out.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Command(Command),
    /// A printable character typed while an input prompt is open.
    Type(char),
    /// A bracketed paste.
    Paste(String),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A [`super::Effect::Store`] request was carried out (or refused).
    Stored(Box<StoreResult>),
    /// A [`super::Effect::SaveTriage`] was carried out; `on_disk` is what the store holds.
    TriageSaved { id: String, result: Result<(), String>, on_disk: Triage },
    /// The answer to [`super::Effect::LoadHighlights`].
    HighlightsLoaded(Result<Vec<Highlight>, String>),
    /// The answer to [`super::Effect::Export`]: the file written (or not).
    Exported { path: PathBuf, count: usize, result: Result<(), String> },
}

impl Action {
    /// Whether the user did this (a key, a paste): a status message stays until then.
    pub fn is_from_user(&self) -> bool {
        matches!(self, Action::Command(_) | Action::Type(_) | Action::Paste(_))
    }
}

impl From<Command> for Action {
    fn from(c: Command) -> Self {
        Action::Command(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &c in Command::ALL {
            assert_eq!(Command::from_name(c.name()), Some(c));
            assert!(seen.insert(c.name()));
            assert!(!c.help().is_empty());
        }
    }
}
