//! The lines of the `?` overlay, generated from the keymap so it always lists the keys
//! really bound, and laid out for a screen size (the state scrolls it; `ui::help` draws it).

use super::keymap::Keymap;
use crate::view::Rect;
use crate::view::wrap::{display_width, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    Row { keys: String, help: String },
    Blank,
}

/// Every line of the help, in order.
pub fn help_lines(keymap: &Keymap) -> Vec<HelpLine> {
    let mut out = vec![
        HelpLine::Row { keys: "marks".into(), help: "N unread, * starred".into() },
        HelpLine::Row { keys: "filter".into(), help: "words, lang:fr, unread, read, starred, archived".into() },
        HelpLine::Blank,
    ];
    for (ctx, rows) in keymap.help_sections() {
        out.push(HelpLine::Heading(ctx.title().to_string()));
        for (keys, cmd) in rows {
            out.push(HelpLine::Row { keys, help: cmd.help().to_string() });
        }
        out.push(HelpLine::Blank);
    }
    out.pop();
    out
}

/// Where the overlay goes on a screen of `area`: a box with a row above and below.
pub fn overlay(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).clamp(1, 76).min(area.width);
    let height = area.height.saturating_sub(2).max(1).min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

/// The help as drawn on a screen of `area`: descriptions wrapped to the room beside the
/// keys (a continuation row has no keys), and the width of the keys column.
pub fn help_rows(keymap: &Keymap, area: Rect) -> (Vec<HelpLine>, usize) {
    let (rows, _, key_width) = rows_and_origins(keymap, area);
    (rows, key_width)
}

/// The row on a screen of `to` that shows the help line that row `row` showed on a
/// screen of `from`: the help stays on the same keys when the terminal is resized.
pub fn same_row_after_resize(keymap: &Keymap, row: usize, from: Rect, to: Rect) -> usize {
    let (_, before, _) = rows_and_origins(keymap, from);
    let Some(&line) = before.get(row).or(before.last()) else { return 0 };
    let (_, after, _) = rows_and_origins(keymap, to);
    after.partition_point(|&l| l < line)
}

/// The help's rows for `area`, the help line each row comes from, and the width of the
/// keys column.
fn rows_and_origins(keymap: &Keymap, area: Rect) -> (Vec<HelpLine>, Vec<usize>, usize) {
    let lines = help_lines(keymap);
    let inner_width = usize::from(overlay(area).width.saturating_sub(2));
    let key_width = lines
        .iter()
        .filter_map(|l| match l {
            HelpLine::Row { keys, .. } => Some(display_width(keys)),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(inner_width / 2);
    let room = inner_width.saturating_sub(key_width + 2).max(1);
    let mut rows = Vec::with_capacity(lines.len());
    let mut origins = Vec::with_capacity(lines.len());
    for (n, line) in lines.into_iter().enumerate() {
        match line {
            HelpLine::Row { keys, help } => {
                for (i, piece) in wrap(&help, room).into_iter().enumerate() {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    rows.push(HelpLine::Row { keys, help: help[piece].to_string() });
                    origins.push(n);
                }
            }
            // A heading wider than the overlay goes on over rows, as descriptions do.
            HelpLine::Heading(title) => {
                for piece in wrap(&title, inner_width.max(1)) {
                    rows.push(HelpLine::Heading(title[piece].to_string()));
                    origins.push(n);
                }
            }
            HelpLine::Blank => {
                rows.push(HelpLine::Blank);
                origins.push(n);
            }
        }
    }
    (rows, origins, key_width)
}

/// The row of the help where the section titled `title` starts, on a screen of `area`.
pub fn section_row(keymap: &Keymap, area: Rect, title: &str) -> Option<usize> {
    let line = help_lines(keymap).iter().position(|l| matches!(l, HelpLine::Heading(h) if h == title))?;
    let (_, origins, _) = rows_and_origins(keymap, area);
    Some(origins.partition_point(|&o| o < line))
}
