//! The highlights view: every highlight across the corpus, two lines each — the
//! highlighted text, then article title, speaker, tag, note and date. Orphaned highlights
//! (text or article gone) stay listed and say so.

use crate::app::highlights::{HighlightEntry, HighlightsState};
use crate::ui::bilingual::one_line;
use crate::view::text::truncate;
use crate::ui::wrap::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

/// Lines each entry takes.
pub const ENTRY_HEIGHT: usize = 2;

pub struct HighlightsView<'a> {
    pub state: &'a HighlightsState,
    pub no_color: bool,
}

impl HighlightsView<'_> {
    /// How many entries fit in an area `height` lines tall (after the header line). Drawing
    /// tells the state (see [`HighlightsState::set_visible`]) so paging matches the screen.
    pub fn entries_fitting(height: u16) -> usize {
        ((height as usize).saturating_sub(1) / ENTRY_HEIGHT).max(1)
    }

    fn selected_style(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default().bg(Color::DarkGray) }
    }
    fn quote_style(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::BOLD) } else { Style::default().fg(Color::Yellow) }
    }
    fn detail_style(&self) -> Style {
        if self.no_color { Style::default() } else { Style::default().fg(Color::Gray) }
    }
    fn orphan_style(&self) -> Style {
        if self.no_color {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
        }
    }
    fn header_style(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::BOLD) } else { Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD) }
    }
}

/// The second line of an entry: title · speaker · #tag · note · date.
pub fn detail_line(entry: &HighlightEntry) -> String {
    let h = &entry.highlight;
    let mut parts = vec![entry.article_title.clone().unwrap_or_else(|| h.article.clone())];
    if let Some(s) = h.speaker.as_deref().filter(|s| !s.is_empty()) {
        parts.push(s.to_string());
    }
    if let Some(t) = h.tag.as_deref().filter(|t| !t.is_empty()) {
        parts.push(format!("#{t}"));
    }
    if let Some(n) = h.note.as_deref().filter(|n| !n.is_empty()) {
        parts.push(format!("✎ {n}"));
    }
    // RFC 3339 → "YYYY-MM-DD HH:MM"; anything shorter is shown as it is.
    let date = h.created.get(..16).map_or_else(|| h.created.clone(), |d| d.replace('T', " "));
    parts.push(date);
    one_line(&parts.join(" · "))
}

impl Widget for HighlightsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width == 0 || area.height == 0 {
            return;
        }
        let width = area.width as usize;
        let entries = self.state.entries();
        let header = format!(
            " Highlights ({}) · Enter jump · d delete · u undo · n note · y copy · e export",
            entries.len()
        );
        put(buf, area, 0, &truncate(&header, width), self.header_style());
        if entries.is_empty() {
            put(buf, area, 1, &truncate(" No highlights yet: press h on a quote or sentence.", width), self.detail_style());
            return;
        }
        let fitting = Self::entries_fitting(area.height);
        self.state.set_visible(fitting);
        let selected = self.state.selected();
        // The state's offset comes from the last size it was told; keep the selection
        // visible here too in case the area changed since.
        let mut offset = self.state.offset.min(entries.len().saturating_sub(1));
        if let Some(s) = selected {
            if s >= offset + fitting {
                offset = s + 1 - fitting;
            }
            offset = offset.min(s);
        }
        for (slot, (index, entry)) in entries.iter().enumerate().skip(offset).take(fitting).enumerate() {
            let y = 1 + (slot * ENTRY_HEIGHT) as u16;
            let is_selected = selected == Some(index);
            let row_style = if is_selected { self.selected_style() } else { Style::default() };
            if is_selected {
                for dy in 0..ENTRY_HEIGHT as u16 {
                    put(buf, area, y + dy, &" ".repeat(width), row_style);
                }
            }
            let marker = if is_selected { "▌" } else { " " };
            let orphan = entry.mark().unwrap_or("");
            let text = one_line(&entry.highlight.text);
            let room = width.saturating_sub(display_width(marker) + display_width(orphan) + 2);
            let quoted = truncate(&format!("“{text}”"), room + 2);
            let mut x = put_at(buf, area, 0, y, marker, row_style);
            if !orphan.is_empty() {
                x = put_at(buf, area, x, y, orphan, row_style.patch(self.orphan_style()));
            }
            put_at(buf, area, x, y, &quoted, row_style.patch(self.quote_style()));
            let detail = truncate(&format!("  {}", detail_line(entry)), width);
            put(buf, area, y + 1, &detail, row_style.patch(self.detail_style()));
        }
    }
}

fn put(buf: &mut Buffer, area: Rect, dy: u16, text: &str, style: Style) {
    put_at(buf, area, 0, dy, text, style);
}

/// Write at column `dx`, line `dy` of `area`, clipped to it. Returns the next column.
fn put_at(buf: &mut Buffer, area: Rect, dx: u16, dy: u16, text: &str, style: Style) -> u16 {
    if dy >= area.height || dx >= area.width {
        return dx;
    }
    let (x, _) = buf.set_stringn(area.x + dx, area.y + dy, one_line(text), (area.width - dx) as usize, style);
    x - area.x
}
