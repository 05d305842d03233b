//! Drawing the `?` overlay; its lines come from [`crate::app::help`].

use super::theme::Theme;
use super::{fit, pane_block, put_line, truncate};
use crate::app::App;
pub use crate::app::help::{HelpLine, help_lines, help_rows, overlay, section_row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let rect: Rect = overlay(area.into()).into();
    let (width, height) = (rect.width, rect.height);
    frame.render_widget(Clear, rect);
    let (lines, key_width) = help_rows(&app.keymap, area.into());
    let rows = usize::from(height.saturating_sub(2));
    let top = app.help_scroll.min(lines.len().saturating_sub(1));
    let last = (top + rows).min(lines.len());
    let block = pane_block("Keys — Esc closes, j/k scroll", true, theme, width).title_bottom(Line::styled(
        truncate(&format!(" lines {}–{last} of {} ", top + 1, lines.len()), usize::from(width.saturating_sub(2))),
        theme.dim,
    ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    for (row, l) in lines.iter().skip(top).take(usize::from(inner.height)).enumerate() {
        let line = match l {
            HelpLine::Heading(h) => Line::styled(truncate(h, inner.width.into()), theme.help_heading),
            HelpLine::Row { keys, help } => Line::from(vec![
                Span::styled(fit(keys, key_width), theme.help_key),
                Span::raw("  "),
                Span::raw(truncate(help, usize::from(inner.width).saturating_sub(key_width + 2))),
            ]),
            HelpLine::Blank => Line::raw(""),
        };
        put_line(frame, inner, inner.y + u16::try_from(row).unwrap_or(u16::MAX), line);
    }
}
