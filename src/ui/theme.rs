//! Styles. The colour theme uses only the 16 basic colours and never sets a foreground
//! without its background (or the reverse), so it reads on light and dark terminals.
//! With `NO_COLOR` every style is built from modifiers alone (reverse, bold, underline).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub selected: Style,
    /// The selection in a pane that does not have the keyboard.
    pub selected_unfocused: Style,
    pub unread: Style,
    pub mark: Style,
    pub dim: Style,
    pub search_match: Style,
    pub search_current: Style,
    pub quote: Style,
    pub quote_marked: Style,
    pub speaker: Style,
    pub status: Style,
    pub status_key: Style,
    pub message: Style,
    pub help_key: Style,
    pub help_heading: Style,
    /// A saved highlight in the body and the quotes pane.
    pub highlight: Style,
    /// Laid over the sentence under the body's cursor.
    pub cursor: Style,
    /// Laid over a visual selection.
    pub visual: Style,
}

impl Theme {
    pub fn new(no_color: bool) -> Theme {
        if no_color { Theme::monochrome() } else { Theme::colour() }
    }

    pub fn colour() -> Theme {
        let plain = Style::new();
        Theme {
            border: plain.add_modifier(Modifier::DIM),
            border_focused: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: plain,
            title_focused: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: plain.add_modifier(Modifier::REVERSED),
            unread: plain.add_modifier(Modifier::BOLD),
            // Yellow or green text is faint on light backgrounds: marks and speakers are
            // bold instead, and colour is kept for backgrounds and magenta/cyan accents.
            mark: plain.add_modifier(Modifier::BOLD),
            dim: plain.add_modifier(Modifier::DIM),
            search_match: plain.bg(Color::Yellow).fg(Color::Black),
            search_current: plain.bg(Color::LightRed).fg(Color::Black).add_modifier(Modifier::BOLD),
            quote: plain.fg(Color::Magenta),
            quote_marked: plain.bg(Color::Magenta).fg(Color::White).add_modifier(Modifier::BOLD),
            speaker: plain.add_modifier(Modifier::BOLD | Modifier::ITALIC),
            status: plain.add_modifier(Modifier::REVERSED),
            status_key: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            message: plain.add_modifier(Modifier::BOLD),
            help_key: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            help_heading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            highlight: plain.bg(Color::Green).fg(Color::Black),
            cursor: plain.add_modifier(Modifier::UNDERLINED),
            visual: plain.add_modifier(Modifier::REVERSED),
        }
    }

    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            title: plain,
            title_focused: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: plain.add_modifier(Modifier::REVERSED),
            unread: plain.add_modifier(Modifier::BOLD),
            mark: plain.add_modifier(Modifier::BOLD),
            dim: plain,
            search_match: plain.add_modifier(Modifier::REVERSED),
            search_current: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            quote: plain.add_modifier(Modifier::UNDERLINED),
            quote_marked: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
            speaker: plain.add_modifier(Modifier::BOLD),
            status: plain.add_modifier(Modifier::REVERSED),
            status_key: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            message: plain.add_modifier(Modifier::BOLD),
            help_key: plain.add_modifier(Modifier::BOLD),
            help_heading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            // Quotes are underlined, highlights bold: the two never look alike.
            highlight: plain.add_modifier(Modifier::BOLD),
            // Italic alone is invisible in many terminals: the cursor is reverse video.
            cursor: plain.add_modifier(Modifier::REVERSED),
            visual: plain.add_modifier(Modifier::REVERSED),
        }
    }
}

/// True when the `NO_COLOR` convention asks for no colour (set and non-empty).
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
