//! The bottom row: focused pane, position, filter/search state, messages and key hints;
//! or the open prompt with its cursor.

use super::theme::Theme;
use super::wrap::display_width;
use unicode_segmentation::UnicodeSegmentation;
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
    // A message too long to share the row with where the user is first gets the short
    // form of it, then the whole row (an export path, an error naming a file) but for
    // the NOT SAVING warning.
    let message = app.status.as_deref().map_or(0, display_width);
    // (A space between the two, and one at the end of the row.)
    let fits = |left: &str| message == 0 || display_width(left) + message + 2 <= width;
    let mut left = where_am_i(app, width >= 64);
    if !fits(&left) {
        left = where_am_i(app, false);
    }
    if !fits(&left) {
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
    let room = width.saturating_sub(used + 1);
    if let Some(reason) = app.status.as_deref().filter(|m| is_flag_reason(app, m)) {
        // The flag's reason, then as many of the view's hints as fit after it.
        let reason = shorten_message(&safe(reason), room.saturating_sub(1));
        let hints = fit_hints(&view_hints(app, KeyContext::Bilingual, BILINGUAL_STATUS_HINTS), room.saturating_sub(display_width(&reason) + 3));
        let right_width = display_width(&reason) + if hints.is_empty() { 1 } else { 2 + display_width(&hints) };
        let gap = width.saturating_sub(used + right_width);
        let mut spans = vec![Span::styled(left, theme.status_key), Span::styled(" ".repeat(gap), theme.status), Span::styled(reason, theme.status_key)];
        spans.push(Span::styled(if hints.is_empty() { " ".to_string() } else { format!("  {hints}") }, theme.status));
        frame.render_widget(Line::from(spans), area);
        return;
    }
    let right = match &app.status {
        Some(m) => format!("{} ", shorten_message(&safe(m), room.saturating_sub(1))),
        None => match app.mode {
            Mode::Reader => match app.working_on().or_else(|| app.loading_line()) {
                Some(work) => cut_at_word(&safe(&work), room),
                None => fit_hints(&hints(app), room),
            },
            Mode::Speakers => match app.speakers_working() {
                Some(work) => cut_at_word(&safe(&work), room),
                None => fit_hints(&view_hints(app, KeyContext::Speakers, &speakers_hints(app)), room),
            },
            Mode::Highlights => fit_hints(&view_hints(app, KeyContext::Highlights, HIGHLIGHTS_HINTS), room),
            Mode::Bilingual => fit_hints(&view_hints(app, KeyContext::Bilingual, BILINGUAL_STATUS_HINTS), room),
        },
    };
    let gap = width.saturating_sub(used + super::wrap::display_width(&right));
    let right_style = if app.status.is_some() { theme.status_key } else { theme.status };
    let line = Line::from(vec![
        Span::styled(left, theme.status_key),
        Span::styled(" ".repeat(gap), theme.status),
        Span::styled(right, right_style),
    ]);
    frame.render_widget(line, area);
}

/// Whether `message` is the side-by-side view's reason for the flag at its current row
/// (said while the row is flagged; the hints are shown after it, not dropped).
fn is_flag_reason(app: &App, message: &str) -> bool {
    app.mode == Mode::Bilingual && app.side_by_side.view.as_ref().and_then(|v| v.flag_status()).is_some_and(|r| r == message)
}

/// The left of the status row: the view and where the user is in it, the reader's
/// search, and any warning that writes are not being kept. `long` adds the body's
/// sentence count (left out on a narrow row, or to make room for a message).
fn where_am_i(app: &App, long: bool) -> String {
    let mut left = match app.mode {
        Mode::Highlights => {
            let selected = app.library.view.as_ref().and_then(|v| v.selected());
            format!(" Highlights {}", of(selected, app.highlights().len()))
        }
        Mode::Bilingual => " Side by side".to_string(),
        // No count until the index is built: "0" would say there are none.
        Mode::Speakers if app.speakers.is_building() => " Speakers".to_string(),
        Mode::Speakers => match (app.speakers.opened(), app.speakers.open) {
            (Some(s), Some(open)) => format!(" Speaker · quote {}", of(Some(open.selected), s.quote_list.len())),
            _ => format!(" Speakers {}", of(Some(app.speakers.selected), app.speakers.visible_count())),
        },
        Mode::Reader if app.reader.visual.is_some() && app.reader.focus == Focus::Body => format!(" VISUAL {}", position(app, long)),
        Mode::Reader => format!(" {} {}", app.reader.focus.name(), position(app, long)),
    };
    if !app.saving() {
        // Always in view: the user must know their highlights are not being kept.
        left = format!(" NOT SAVING ·{left}");
    } else if app.library.write_failure.is_some() {
        // Until a later write succeeds (a lock held elsewhere may be released).
        left = format!(" LAST CHANGE NOT SAVED ·{left}");
    }
    // The reader's search (the side-by-side view says its own in its footer).
    if app.mode == Mode::Reader && !app.reader.search.query.is_empty() {
        let n = app.reader.search.matches.len();
        let cur = app.reader.search.current.map_or(0, |i| i + 1);
        left.push_str(&format!(" · /{} {cur}/{n}", app.reader.search.query));
    }
    left
}

/// "3/12": the selected item of `n` (counted from 1), or "0/0" when there is none.
fn of(selected: Option<usize>, n: usize) -> String {
    match selected {
        Some(i) if n > 0 => format!("{}/{n}", i.min(n - 1) + 1),
        _ => format!("0/{n}"),
    }
}

/// Where the user is in the focused pane; `long` adds the body's sentence count.
fn position(app: &App, long: bool) -> String {
    match app.reader.focus {
        Focus::List => of(Some(app.list_selected()), app.visible().len()),
        Focus::Body => {
            let sentences = app.current().map_or(0, |a| a.sentence_count());
            let lines = app.body_lines().len();
            if lines == 0 {
                return "empty".into();
            }
            let h = usize::from(layout::inner(app.panes().body.unwrap_or_default()).height).max(1);
            let last = (app.reader.body_top + h).min(lines);
            let line = format!("line {}/{lines} {}%", app.reader.body_top + 1, last * 100 / lines);
            if !long {
                return line;
            }
            format!("{line} · sentence {}/{sentences}", (app.reader.sentence_cursor + 1).min(sentences))
        }
        Focus::Quotes => of(Some(app.reader.quote_selected), app.visible_quotes().len()),
    }
}

/// The highlights view's hints, most useful first.
const HIGHLIGHTS_HINTS: &[(Command, &str)] = &[
    (Command::Help, "help"),
    (Command::Open, "jump"),
    (Command::Close, "back"),
    (Command::Note, "note"),
    (Command::Delete, "delete"),
    (Command::Undo, "undo"),
    (Command::Export, "export"),
    (Command::Copy, "copy"),
];

/// The side-by-side view's status-row hints (its footer row has the moving keys).
const BILINGUAL_STATUS_HINTS: &[(Command, &str)] = &[
    (Command::Help, "help"),
    (Command::Close, "back"),
    (Command::Highlight, "highlight"),
    (Command::Copy, "copy"),
    (Command::Search, "search"),
    (Command::Highlights, "highlights"),
];

/// The side-by-side view's footer hints: moving between columns, quotes and flags.
pub const BILINGUAL_FOOTER_HINTS: &[(Command, &str)] = &[
    (Command::FocusNext, "column"),
    (Command::NextQuote, "quote"),
    (Command::NextFlag, "flag"),
    (Command::ToggleMap, "map"),
];

fn speakers_hints(app: &App) -> Vec<(Command, &'static str)> {
    let mut wanted = vec![(Command::Help, "help"), (Command::Open, if app.speakers.open.is_some() { "show" } else { "open" })];
    wanted.push((Command::Close, "back"));
    if app.speakers.open.is_some() {
        wanted.push((Command::Highlight, "highlight"));
    } else {
        // `/` filters the list of speakers, not a speaker's quotes.
        wanted.push((Command::Search, "filter"));
    }
    wanted
}

/// The most useful keys for where the user is, read from the keymap, most useful first.
fn hints(app: &App) -> Vec<String> {
    let ctx = match app.reader.focus {
        Focus::List => KeyContext::List,
        Focus::Body => KeyContext::Body,
        Focus::Quotes => KeyContext::Quotes,
    };
    let mut wanted = vec![(Command::Help, "help")];
    wanted.push(if app.reader.focus == Focus::List { (Command::Open, "open") } else { (Command::Back, "back") });
    wanted.push((Command::FocusNext, "pane"));
    match app.reader.focus {
        Focus::List => wanted.extend([
            (Command::Filter, "filter"),
            (Command::Search, "find"),
            (Command::Quit, "quit"),
            (Command::ToggleStar, "star"),
            (Command::ToggleRead, "read"),
            (Command::Bilingual, "side by side"),
        ]),
        Focus::Body => wanted.extend([
            (Command::Search, "search"),
            (Command::Highlight, "highlight"),
            (Command::NextSentence, "sentence"),
            (Command::Visual, "select"),
            (Command::Bilingual, "side by side"),
        ]),
        Focus::Quotes => wanted.extend([
            (Command::JumpToQuote, "show"),
            (Command::Highlight, "highlight"),
            (Command::Copy, "copy"),
            (Command::ToggleTerms, "terms"),
        ]),
    }
    wanted
        .into_iter()
        .filter_map(|(cmd, label)| {
            let key = app.keymap.keys_for(ctx, cmd).into_iter().chain(app.keymap.keys_for(KeyContext::Global, cmd)).next()?;
            Some(format!("{key} {label}"))
        })
        .collect()
}

/// Hints for a full-screen view, from its own keymap table.
pub fn view_hints(app: &App, ctx: KeyContext, wanted: &[(Command, &str)]) -> Vec<String> {
    wanted
        .iter()
        .filter_map(|&(cmd, label)| {
            let keys = app.keymap.keys_for(ctx, cmd);
            // `q` leaves every view; otherwise a plain lower-case letter reads best
            // ("y copy" rather than "Y copy").
            let key = keys
                .iter()
                .find(|k| *k == "q")
                .or_else(|| keys.iter().find(|k| k.chars().all(char::is_lowercase)))
                .or(keys.first())?;
            Some(format!("{key} {label}"))
        })
        .collect()
}

/// As many whole hints as fit in `width` cells, in order (the most useful come first), two
/// spaces apart with one at the end: a hint is dropped whole rather than cut.
pub fn fit_hints(hints: &[String], width: usize) -> String {
    let mut out = String::new();
    for hint in hints {
        let hint = safe(hint);
        let needed = if out.is_empty() { 0 } else { 2 } + display_width(&hint) + 1;
        if display_width(&out) + needed > width {
            break;
        }
        if !out.is_empty() {
            out.push_str("  ");
        }
        out.push_str(&hint);
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

/// A status message made to fit `width` cells. A long word (a file's path) loses its
/// middle rather than its end, where the file name is; otherwise the message is cut at
/// the end of a word.
pub fn shorten_message(s: &str, width: usize) -> String {
    let over = display_width(s).saturating_sub(width);
    if over == 0 {
        return s.to_string();
    }
    let longest = s.split(' ').max_by_key(|w| display_width(w)).unwrap_or("");
    let keep = display_width(longest).saturating_sub(over + 1);
    if keep < 12 {
        return cut_at_word(s, width);
    }
    let graphemes: Vec<&str> = longest.graphemes(true).collect();
    // Most of what is kept from the end: the file name whole, when it fits.
    let file = longest.rsplit('/').next().map_or(0, |f| display_width(f) + 1);
    let tail = (keep - keep / 3).max(file).min(keep.saturating_sub(4));
    let head = keep - tail;
    let mut short = String::new();
    let mut used = 0;
    for g in &graphemes {
        if used + display_width(g) > head {
            break;
        }
        used += display_width(g);
        short.push_str(g);
    }
    short.push('…');
    let mut end = Vec::new();
    let mut used = 0;
    for g in graphemes.iter().rev() {
        if used + display_width(g) > tail {
            break;
        }
        used += display_width(g);
        end.push(*g);
    }
    short.extend(end.into_iter().rev());
    let shortened = s.replacen(longest, &short, 1);
    if display_width(&shortened) <= width { shortened } else { cut_at_word(&shortened, width) }
}

/// `s` cut to `width` cells at the end of a word, with "…" when something was cut (at a
/// grapheme only when the first word alone is wider than half the room).
pub fn cut_at_word(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let cut = truncate(s, width);
    let kept = cut.trim_end_matches('…');
    match kept.rfind(' ') {
        Some(i) if display_width(&kept[..i]) >= width / 2 => format!("{}…", kept[..i].trim_end_matches([' ', '·', ',', ';', ':'])),
        _ => cut,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_left_out_whole_never_cut() {
        let hints: Vec<String> = ["? help", "q back", "Tab pane", "m map"].map(String::from).to_vec();
        assert_eq!(fit_hints(&hints, 80), "? help  q back  Tab pane  m map ");
        assert_eq!(fit_hints(&hints, 25), "? help  q back  Tab pane ");
        assert_eq!(fit_hints(&hints, 24), "? help  q back ");
        assert_eq!(fit_hints(&hints, 3), "");
    }

    #[test]
    fn a_long_path_in_a_message_loses_its_middle_and_keeps_the_file_name() {
        let m = "exported 3 highlight(s) to ~/.local/share/diglot/exports/highlights-20261205-030611.md";
        let short = shorten_message(m, 70);
        assert!(display_width(&short) <= 70, "{short}");
        assert!(short.starts_with("exported 3 highlight(s) to ~/") && short.ends_with("highlights-20261205-030611.md"), "{short}");
        assert!(short.contains('…'));
        assert_eq!(shorten_message(m, 200), m);
    }

    #[test]
    fn a_message_of_short_words_is_cut_after_a_word() {
        let m = "selection: 27 word(s) · h highlight · y copy · Esc cancel";
        assert_eq!(shorten_message(m, 40), "selection: 27 word(s) · h highlight…");
        // Wide characters are never split.
        let cjk = "日本語の記事 日本語の記事 日本語の記事";
        let cut = shorten_message(cjk, 15);
        assert!(display_width(&cut) <= 15 && cut.ends_with('…'), "{cut}");
    }
}
