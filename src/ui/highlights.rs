//! The highlights view: every highlight across the corpus, two lines each — the
//! highlighted text, then article title, speaker, tag, note and date — and a third for a
//! bilingual highlight: its second text, with its language. Orphaned highlights (text or
//! article gone) stay listed and say so.

use crate::app::highlights::{HighlightEntry, HighlightsState};
use crate::ui::bilingual::one_line;
use crate::view::text::truncate;
use crate::ui::wrap::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

/// Lines each entry takes (a bilingual one takes one more, for its second text).
pub const ENTRY_HEIGHT: usize = 2;

/// Lines `entry` takes in the list.
pub fn entry_height(entry: &HighlightEntry) -> usize {
    ENTRY_HEIGHT + usize::from(entry.highlight.counterpart.is_some())
}

/// The line under a bilingual highlight's text: `↔ FR “…”` (marked when orphaned).
pub fn counterpart_line(entry: &HighlightEntry) -> Option<String> {
    let c = entry.highlight.counterpart.as_ref()?;
    let lang = c.language.as_deref().unwrap_or("??").to_uppercase();
    let orphan = if c.orphaned { "[orphaned] " } else { "" };
    Some(one_line(&format!("  ↔ {lang} {orphan}“{}”", c.text)))
}

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
    let mut parts = vec![entry.article_title.clone().unwrap_or_else(|| h.passage.article.clone())];
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
        // The keys are in the status row (from the keymap), not repeated here.
        let header = format!(" Highlights ({})", entries.len());
        put(buf, area, 0, &truncate(&header, width), self.header_style());
        if entries.is_empty() {
            put(buf, area, 1, &truncate(" No highlights yet: press h on a quote or sentence.", width), self.detail_style());
            return;
        }
        let room_rows = (area.height as usize).saturating_sub(1);
        let selected = self.state.selected();
        // The state's offset comes from the last size it was told; keep the selection
        // visible here too in case the area changed since (entries differ in height).
        let mut offset = self.state.offset.min(entries.len().saturating_sub(1));
        if let Some(s) = selected {
            offset = offset.min(s);
            while offset < s && entries[offset..=s].iter().map(entry_height).sum::<usize>() > room_rows {
                offset += 1;
            }
        }
        let mut y = 1usize;
        let mut shown = 0;
        for (index, entry) in entries.iter().enumerate().skip(offset) {
            let height = entry_height(entry);
            if y + height > area.height as usize && shown > 0 {
                break;
            }
            shown += 1;
            let is_selected = selected == Some(index);
            let row_style = if is_selected { self.selected_style() } else { Style::default() };
            let y0 = y as u16;
            if is_selected {
                for dy in 0..height as u16 {
                    put(buf, area, y0 + dy, &" ".repeat(width), row_style);
                }
            }
            let marker = if is_selected { "▌" } else { " " };
            let orphan = entry.mark().unwrap_or("");
            let text = one_line(&entry.highlight.passage.text);
            let room = width.saturating_sub(display_width(marker) + display_width(orphan) + 2);
            let quoted = truncate(&format!("“{text}”"), room + 2);
            let mut x = put_at(buf, area, 0, y0, marker, row_style);
            if !orphan.is_empty() {
                x = put_at(buf, area, x, y0, orphan, row_style.patch(self.orphan_style()));
            }
            put_at(buf, area, x, y0, &quoted, row_style.patch(self.quote_style()));
            let mut next = y0 + 1;
            if let Some(line) = counterpart_line(entry) {
                put(buf, area, next, &truncate(&line, width), row_style.patch(self.quote_style()));
                next += 1;
            }
            let detail = truncate(&format!("  {}", detail_line(entry)), width);
            put(buf, area, next, &detail, row_style.patch(self.detail_style()));
            y += height;
        }
        // Paging moves by what fits on screen now.
        self.state.set_visible(shown.max(1));
    }
}

fn put(buf: &mut Buffer, area: Rect, dy: u16, text: &str, style: Style) {
    put_at(buf, area, 0, dy, text, style);
}

/// Write at column `dx`, line `dy` of `area`, clipped to it. Returns the next column.
pub(crate) fn put_at(buf: &mut Buffer, area: Rect, dx: u16, dy: u16, text: &str, style: Style) -> u16 {
    if dy >= area.height || dx >= area.width {
        return dx;
    }
    let (x, _) = buf.set_stringn(area.x + dx, area.y + dy, one_line(text), (area.width - dx) as usize, style);
    x - area.x
}
