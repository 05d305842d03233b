//! The bottom row: focused pane, position, filter/search state, messages and key hints;
//! or the open prompt with its cursor.

use super::theme::Theme;
use super::{layout, safe, truncate};
use crate::app::{App, Command, Focus, Mode, PromptKind};
use crate::app::keymap::KeyContext;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    if let Some(p) = &app.reader.prompt {
        let label = match p.kind {
            PromptKind::Search => "/",
            PromptKind::ListSearch => "find article: ",
            PromptKind::Filter => "filter: ",
            PromptKind::Note => "note: ",
            PromptKind::Tag => "tag: ",
            PromptKind::SpeakerFilter => "speaker: ",
        };
        let text = p.editor.text();
        // Keep the cursor in view on a long input by showing the tail.
        let label_w = super::wrap::display_width(label);
        let room = width.saturating_sub(label_w + 1).max(1);
        let col = p.editor.cursor_column();
        let skip_cells = col.saturating_sub(room);
        let shown = skip_graphemes_by_width(text, skip_cells);
        let line = Line::from(vec![
            Span::styled(label, theme.status_key),
            Span::raw(truncate(&safe(shown), room)),
        ]);
        frame.render_widget(line, area);
        let x = area.x.saturating_add(u16::try_from(label_w + col - skip_cells).unwrap_or(u16::MAX));
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
        return;
    }
    let mut left = match app.mode {
        Mode::Highlights => format!(" Highlights {}", app.highlights().len()),
        Mode::Bilingual => " Side by side".to_string(),
        Mode::Speakers => match app.speakers.opened() {
            Some(s) => format!(" Speaker · {} quotes", s.quote_list.len()),
            None => format!(" Speakers {}", app.speakers.visible_count()),
        },
        Mode::Reader if app.reader.visual.is_some() && app.reader.focus == Focus::Body => format!(" VISUAL {}", position(app)),
        Mode::Reader => format!(" {} {}", app.reader.focus.name(), position(app)),
    };
    if !app.saving() {
        // Always in view: the user must know their highlights are not being kept.
        left = format!(" NOT SAVING ·{left}");
    } else if app.library.write_failure.is_some() {
        // Until a later write succeeds (a lock held elsewhere may be released).
        left = format!(" LAST CHANGE NOT SAVED ·{left}");
    }
    if !app.reader.search.query.is_empty() {
        let n = app.reader.search.matches.len();
        let cur = app.reader.search.current.map_or(0, |i| i + 1);
        left.push_str(&format!(" · /{} {cur}/{n}", app.reader.search.query));
    }
    let right = match &app.status {
        Some(m) => m.clone(),
        None => match app.mode {
            Mode::Reader => app.working_on().or_else(|| app.loading_line()).unwrap_or_else(|| hints(app)),
            Mode::Highlights => view_hints(app, KeyContext::Highlights, &[
                (Command::Help, "help"), (Command::Open, "jump"), (Command::Note, "note"), (Command::Delete, "delete"),
                (Command::Undo, "undo"), (Command::Export, "export"), (Command::Close, "back"), (Command::Copy, "copy"),
            ]),
            Mode::Speakers => app.speakers_working().unwrap_or_else(|| view_hints(app, KeyContext::Speakers, &[
                (Command::Help, "help"), (Command::Open, if app.speakers.open.is_some() { "show" } else { "open" }),
                (Command::Search, "filter"), (Command::Highlight, "highlight"), (Command::Close, "back"),
            ])),
            Mode::Bilingual => view_hints(app, KeyContext::Bilingual, &[
                (Command::Help, "help"), (Command::FocusNext, "column"), (Command::NextQuote, "quote"),
                (Command::ToggleMap, "map"), (Command::Copy, "copy"), (Command::Highlight, "highlight"), (Command::Close, "back"),
            ]),
        },
    };
    // A message too long to share the row takes all of it (an export path, an error
    // naming a file), except the NOT SAVING warning.
    if let Some(m) = &app.status
        && super::wrap::display_width(&left) + super::wrap::display_width(m) + 1 > width
    {
        left = if !app.saving() {
            " NOT SAVING ".to_string()
        } else if app.library.write_failure.is_some() {
            " LAST CHANGE NOT SAVED ".to_string()
        } else {
            String::new()
        };
    }
    let left = truncate(&safe(&left), width);
    let used = super::wrap::display_width(&left);
    let right = truncate(&safe(&right), width.saturating_sub(used + 1));
    let gap = width.saturating_sub(used + super::wrap::display_width(&right));
    let right_style = if app.status.is_some() { theme.status_key } else { theme.status };
    let line = Line::from(vec![
        Span::styled(left, theme.status_key),
        Span::styled(" ".repeat(gap), theme.status),
        Span::styled(right, right_style),
    ]);
    frame.render_widget(line, area);
}

fn position(app: &App) -> String {
    match app.reader.focus {
        Focus::List => {
            let n = app.visible().len();
            if n == 0 { "0/0".into() } else { format!("{}/{n}", app.list_selected() + 1) }
        }
        Focus::Body => {
            let sentences = app.current().map_or(0, |a| a.sentence_count());
            let lines = app.body_lines().len();
            if lines == 0 {
                return "empty".into();
            }
            let h = usize::from(layout::inner(app.panes().body.unwrap_or_default()).height).max(1);
            let last = (app.reader.body_top + h).min(lines);
            format!("line {}/{lines} {}% · sentence {}/{sentences}", app.reader.body_top + 1, last * 100 / lines, (app.reader.sentence_cursor + 1).min(sentences))
        }
        Focus::Quotes => {
            let n = app.visible_quotes().len();
            if n == 0 { "0/0".into() } else { format!("{}/{n}", app.reader.quote_selected + 1) }
        }
    }
}

/// The most useful keys for where the user is, read from the keymap.
fn hints(app: &App) -> String {
    let ctx = match app.reader.focus {
        Focus::List => KeyContext::List,
        Focus::Body => KeyContext::Body,
        Focus::Quotes => KeyContext::Quotes,
    };
    // Most useful first: the right end is cut on narrow terminals.
    let mut wanted = vec![(Command::Help, "help"), (Command::FocusNext, "pane")];
    match app.reader.focus {
        Focus::List => wanted.extend([(Command::Open, "open"), (Command::Filter, "filter"), (Command::ToggleStar, "star")]),
        Focus::Body => wanted.extend([
            (Command::NextSentence, "sentence"),
            (Command::Highlight, "highlight"),
            (Command::Visual, "select"),
            (Command::Search, "search"),
        ]),
        Focus::Quotes => wanted.extend([
            (Command::JumpToQuote, "show"),
            (Command::Highlight, "highlight"),
            (Command::Copy, "copy"),
            (Command::ToggleTerms, "terms"),
        ]),
    }
    wanted.push(if app.reader.focus == Focus::List { (Command::Quit, "quit") } else { (Command::Back, "back") });
    let parts: Vec<String> = wanted
        .into_iter()
        .filter_map(|(cmd, label)| {
            let key = app
                .keymap
                .keys_for(ctx, cmd)
                .into_iter()
                .chain(app.keymap.keys_for(KeyContext::Global, cmd))
                .next()?;
            Some(format!("{key} {label}"))
        })
        .collect();
    format!("{} ", parts.join("  "))
}

/// Hints for a full-screen view, from its own keymap table.
fn view_hints(app: &App, ctx: KeyContext, wanted: &[(Command, &str)]) -> String {
    let parts: Vec<String> = wanted
        .iter()
        .filter_map(|&(cmd, label)| {
            let keys = app.keymap.keys_for(ctx, cmd);
            // A plain lower-case letter reads best ("q back" rather than "H back").
            let key = keys.iter().find(|k| k.chars().all(char::is_lowercase)).or(keys.first())?;
            Some(format!("{key} {label}"))
        })
        .collect();
    format!("{} ", parts.join("  "))
}

fn skip_graphemes_by_width(s: &str, cells: usize) -> &str {
    use unicode_segmentation::UnicodeSegmentation;
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        if used >= cells {
            return &s[i..];
        }
        used += super::wrap::display_width(g);
    }
    if used >= cells { "" } else { s }
}
