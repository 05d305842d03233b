//! The side-by-side view: two columns whose aligned sentences start on the same line, a
//! confidence gutter between them, a header with both titles and an optional alignment
//! map. Draws from [`BilingualState`]; the row layout comes from the state's cache.

use crate::align::RowKind;
use crate::app::bilingual::{BilingualLayout, BilingualState, GUTTER_WIDTH, Side};
use crate::model::Article;
use crate::ui::wrap::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use std::ops::Range;

/// The bilingual view. `left`/`right` give the header its titles and languages.
pub struct BilingualView<'a> {
    pub state: &'a BilingualState,
    pub left: &'a Article,
    pub right: &'a Article,
    /// NO_COLOR: draw with reverse/bold/underline/dim only.
    pub no_color: bool,
    /// The reader's highlights in each article (left, right), as byte ranges.
    pub highlights: [&'a [Range<usize>]; 2],
    /// Key hints for the footer, most useful first (from the keymap: see
    /// [`crate::ui::status::BILINGUAL_FOOTER_HINTS`]); those that do not fit are left out whole.
    pub hints: &'a [String],
}

/// How each kind of text is drawn, with and without colour.
struct Styles {
    no_color: bool,
}

impl Styles {
    fn base(&self) -> Style {
        Style::default()
    }
    fn one_sided(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::DIM) } else { Style::default().fg(Color::DarkGray) }
    }
    fn quote(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::ITALIC) } else { Style::default().fg(Color::Cyan) }
    }
    fn selected(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.no_color { s.add_modifier(Modifier::REVERSED) } else { s.fg(Color::Black).bg(Color::Yellow) }
    }
    fn paired(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::UNDERLINED);
        if self.no_color { s.add_modifier(Modifier::REVERSED) } else { s.fg(Color::Black).bg(Color::Yellow) }
    }
    fn search_match(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default().fg(Color::Black).bg(Color::Yellow) }
    }
    fn header(&self, focused: bool) -> Style {
        match (focused, self.no_color) {
            (true, true) => Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (true, false) => Style::default().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
            (false, true) => Style::default().add_modifier(Modifier::BOLD),
            (false, false) => Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }
    fn score(&self, score: f32) -> Style {
        if self.no_color {
            if score >= 0.66 {
                Style::default().add_modifier(Modifier::BOLD)
            } else if score < 0.33 {
                Style::default().add_modifier(Modifier::DIM)
            } else {
                Style::default()
            }
        } else if score >= 0.66 {
            Style::default().fg(Color::Green)
        } else if score >= 0.33 {
            Style::default().fg(Color::Yellow)
        } else {
            Style::default().fg(Color::Red)
        }
    }
    fn highlight(&self) -> Style {
        if self.no_color {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::default().fg(Color::Black).bg(Color::Green)
        }
    }
    fn flag(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.no_color { s } else { s.fg(Color::Magenta) }
    }
    fn faint(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::DIM) } else { Style::default().fg(Color::DarkGray) }
    }
    fn map_view(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD) }
    }
}

/// The gutter of a row's first line with its divergence mark: a flagged row shows `!` in
/// place of the bar (`!8`) or beside the arrow (`◂!`, `!▸`), so the mark needs no colour.
pub fn gutter_glyph(kind: RowKind, score: f32, flagged: bool) -> String {
    let plain = confidence_glyph(kind, score);
    if !flagged {
        return plain;
    }
    match kind {
        RowKind::LeftOnly => "◂!".to_string(),
        RowKind::RightOnly => "!▸".to_string(),
        RowKind::Match => format!("!{}", plain.chars().nth(1).unwrap_or('0')),
    }
}

/// The gutter of a row's first line: a bar whose height is the confidence, then its first
/// decimal digit (0.87 → `▇8`); arrows point at the side holding one-sided text.
pub fn confidence_glyph(kind: RowKind, score: f32) -> String {
    match kind {
        RowKind::LeftOnly => "◂ ".to_string(),
        RowKind::RightOnly => " ▸".to_string(),
        RowKind::Match => {
            const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
            let s = if score.is_finite() { score.clamp(0.0, 1.0) } else { 0.0 };
            let bar = BARS[((s * 8.0) as usize).min(7)];
            let digit = ((s * 10.0) as u32).min(9);
            format!("{bar}{digit}")
        }
    }
}

impl Widget for BilingualView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width == 0 || area.height == 0 {
            return;
        }
        let styles = Styles { no_color: self.no_color };
        // Header and footer only when there is room for at least one body line too.
        let header = usize::from(area.height >= 2);
        let footer = usize::from(area.height >= 4);
        let body_height = (area.height as usize).saturating_sub(header + footer).max(1);
        let state = self.state;
        state.set_viewport(area.width as usize, body_height);
        let column = BilingualState::column_width_for(area.width as usize);
        let layout = state.layout(column);
        let top = state.top_line_in(&layout);
        let body = Rect { x: area.x, y: area.y + header as u16, width: area.width, height: body_height as u16 };
        if header == 1 {
            self.draw_header(area, column, &styles, buf);
        }
        draw_body(state, &layout, top, body, self.highlights, &styles, buf);
        if footer == 1 {
            let y = area.y + area.height - 1;
            let position = footer_text(state, &layout, top, body_height);
            let room = (area.width as usize).saturating_sub(display_width(&position) + 2);
            let hints = crate::ui::status::fit_hints(self.hints, room);
            let text = if hints.is_empty() { position } else { format!("{position}  {}", hints.trim_end()) };
            put(buf, area, area.x, y, &text, area.width as usize, styles.faint());
        }
        if state.show_map {
            draw_map(state, &layout, top, body_height, body, &styles, buf);
        }
    }
}

impl BilingualView<'_> {
    fn draw_header(&self, area: Rect, column: usize, styles: &Styles, buf: &mut Buffer) {
        for (side, article, x) in [(Side::Left, self.left, 0), (Side::Right, self.right, column + GUTTER_WIDTH)] {
            let lang = article.meta.language.as_deref().unwrap_or("??").to_uppercase();
            let mark = if self.state.focus == side { "▸" } else { " " };
            let label = format!("{mark}{lang} {}", one_line(article.display_title()));
            let label = crate::view::text::truncate(&label, column);
            let padded = format!("{label}{}", " ".repeat(column.saturating_sub(display_width(&label))));
            put(buf, area, area.x.saturating_add(x as u16), area.y, &padded, column, styles.header(self.state.focus == side));
        }
    }
}

fn draw_body(
    state: &BilingualState,
    layout: &BilingualLayout,
    top: usize,
    body: Rect,
    highlights: [&[Range<usize>]; 2],
    styles: &Styles,
    buf: &mut Buffer,
) {
    let column = layout.column_width;
    let text_width = layout.text_width;
    // Right text starts after the gutter and the column's own blank cell.
    let right_x = column + GUTTER_WIDTH + column.saturating_sub(text_width);
    let height = body.height as usize;
    let first = layout.row_at_line(top);
    let lit = [(Side::Left, state.lit_quote(Side::Left)), (Side::Right, state.lit_quote(Side::Right))];
    for (index, row_lines) in layout.rows.iter().enumerate().skip(first) {
        if row_lines.start >= top + height {
            break;
        }
        let Some(row) = state.rows.get(index) else { break };
        for offset in 0..row_lines.height {
            let line = row_lines.text_start() + offset;
            if line < top || line >= top + height {
                continue;
            }
            let y = body.y + (line - top) as u16;
            for (side, x) in [(Side::Left, 0usize), (Side::Right, right_x)] {
                let Some(range) = row_lines.lines(side).get(offset) else { continue };
                let lit_quote = lit.iter().find(|(s, _)| *s == side).and_then(|(_, q)| *q);
                let base = if row.kind == RowKind::Match { styles.base() } else { styles.one_sided() };
                let marked = if side == Side::Left { highlights[0] } else { highlights[1] };
                let spans = styled_spans(state, side, range, base, lit_quote, marked, styles);
                let mut cx = body.x.saturating_add(x as u16);
                let right_edge = body.x as usize + x + text_width;
                for (text, style) in spans {
                    let room = right_edge.saturating_sub(cx as usize);
                    cx = put(buf, body, cx, y, text, room, style);
                }
            }
            let flagged = !state.flags_of(index).is_empty();
            let glyph = if offset == 0 { gutter_glyph(row.kind, row.score, flagged) } else { "│".to_string() };
            let mut style = if offset == 0 && row.kind == RowKind::Match { styles.score(row.score) } else { styles.faint() };
            if offset == 0 && flagged {
                style = styles.flag();
            }
            // The row a flag jump landed on: its whole gutter in reverse video.
            if state.row_cursor() == Some(index) {
                style = style.add_modifier(Modifier::REVERSED);
            }
            put(buf, body, body.x.saturating_add(column as u16), y, &glyph, GUTTER_WIDTH, style);
        }
    }
}

/// One screen line of `side` cut into runs of one style: quotes, the selected quote and its
/// pair stand out over the row's base style, and the reader's highlights over all of them.
fn styled_spans<'s>(
    state: &'s BilingualState,
    side: Side,
    line: &Range<usize>,
    base: Style,
    lit_quote: Option<usize>,
    highlights: &[Range<usize>],
    styles: &Styles,
) -> Vec<(&'s str, Style)> {
    let text = state.text(side);
    let selected_here = side == state.focus;
    let overlaps = |r: &Range<usize>| r.start < line.end && line.start < r.end;
    let quotes: Vec<(Range<usize>, Style)> = state
        .quotes(side)
        .iter()
        .enumerate()
        .map(|(i, q)| (q.start..q.end, i))
        .filter(|(r, _)| overlaps(r))
        .map(|(r, i)| {
            let style = match lit_quote {
                Some(l) if l == i && selected_here => base.patch(styles.selected()),
                Some(l) if l == i => base.patch(styles.paired()),
                _ => base.patch(styles.quote()),
            };
            (r, style)
        })
        .collect();
    let marked: Vec<&Range<usize>> = highlights.iter().filter(|r| overlaps(r)).collect();
    let found: Vec<&Range<usize>> = state.search_matches(side).iter().filter(|r| overlaps(r)).collect();
    // Cut at every quote, highlight and search match boundary inside the line.
    let mut cuts = vec![line.start, line.end];
    for r in quotes.iter().map(|(r, _)| r).chain(marked.iter().copied()).chain(found.iter().copied()) {
        cuts.extend([r.start, r.end].into_iter().filter(|&c| c > line.start && c < line.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans: Vec<(&'s str, Style)> = Vec::new();
    for w in cuts.windows(2) {
        let Some(piece) = text.get(w[0]..w[1]).filter(|s| !s.is_empty()) else { continue };
        let inside = |r: &Range<usize>| r.start <= w[0] && w[0] < r.end;
        let mut style = quotes.iter().find(|(r, _)| inside(r)).map_or(base, |(_, s)| *s);
        if marked.iter().any(|r| inside(r)) {
            style = style.patch(styles.highlight());
        }
        if found.iter().any(|r| inside(r)) {
            style = style.patch(styles.search_match());
        }
        spans.push((piece, style));
    }
    spans
}

fn footer_text(state: &BilingualState, layout: &BilingualLayout, top: usize, height: usize) -> String {
    // (The focused column is marked ▸ in the header: not repeated here, to leave room
    // for the keys.)
    let row = layout.row_at_line(top);
    let percent = if layout.total_lines <= height { 100 } else { (top + height).min(layout.total_lines) * 100 / layout.total_lines };
    let mut text = format!(" row {}/{} · {percent}%", (row + 1).min(layout.rows.len()), layout.rows.len());
    if let Some(q) = state.selected_quote {
        let total = state.quotes(state.focus).len();
        match state.paired_quote(state.focus, q) {
            Some((_, score)) => text.push_str(&format!(" · quote {}/{total} ↔ {:.2}", q + 1, score)),
            None => text.push_str(&format!(" · quote {}/{total} (no pair)", q + 1)),
        }
    }
    text
}

/// Under the alignment map: what its axes and its lit dots mean.
pub const MAP_LEGEND: &str = "↓left →right · lit=shown";

/// The alignment map: the path through the sentence grid (left sentences down, right
/// sentences across) in braille dots, scaled to fit; the rows on screen are lit and
/// one-sided stretches are dimmed.
fn draw_map(state: &BilingualState, layout: &BilingualLayout, top: usize, height: usize, body: Rect, styles: &Styles, buf: &mut Buffer) {
    let n_left = state.sentence_count(Side::Left).max(1);
    let n_right = state.sentence_count(Side::Right).max(1);
    // The box takes at most half the width and the whole body height, borders included.
    let max_inner_w = (body.width as usize / 2).saturating_sub(2);
    let max_inner_h = (body.height as usize).saturating_sub(2);
    // Two dots per sentence while the grid is small, so a short article still gives a
    // readable picture; past what fits, the axes are scaled down independently.
    let per_sentence = if n_left.max(n_right) <= 40 { 2 } else { 1 };
    // Axes: left sentence numbers (first, last) in a column before the dots, right ones
    // in a row above them; a legend on the last row.
    let label_w = n_left.to_string().len() + 1;
    let legend = MAP_LEGEND;
    if max_inner_w < label_w + 2 || max_inner_h < 3 {
        return;
    }
    let title = format!("map {}×{}", state.sentence_count(Side::Left), state.sentence_count(Side::Right));
    let dots_cells_w = (n_right * per_sentence).div_ceil(2).clamp(2, max_inner_w - label_w);
    let inner_w = (label_w + dots_cells_w).max(display_width(&title)).max(display_width(legend)).min(max_inner_w);
    let dots_cells_h = (n_left * per_sentence).div_ceil(4).clamp(1, max_inner_h - 2);
    let inner_h = dots_cells_h + 2;
    let dots_w = (n_right * per_sentence).min(dots_cells_w * 2);
    let dots_h = (n_left * per_sentence).min(dots_cells_h * 4);
    let title = crate::view::text::truncate(&title, inner_w);
    let outer = Rect {
        x: body.x + body.width - (inner_w as u16 + 2),
        y: body.y,
        width: inner_w as u16 + 2,
        height: inner_h as u16 + 2,
    };
    Clear.render(outer, buf);
    Block::default().borders(Borders::ALL).title(title).border_style(styles.faint()).render(outer, buf);
    let (x0, y0) = (outer.x + 1, outer.y + 1);
    let faint = styles.faint();
    // Right sentence numbers across the top: the first over the first column of dots,
    // the last ending over the last.
    let right_last = n_right.to_string();
    put(buf, body, x0 + label_w as u16, y0, "1", 1, faint);
    let last_x = (label_w + dots_cells_w).saturating_sub(right_last.len()).max(label_w + 2);
    put(buf, body, x0 + last_x as u16, y0, &right_last, right_last.len(), faint);
    // Left sentence numbers down the side: the first by the first row, the last by the last.
    put(buf, body, x0, y0 + 1, &format!("{:>w$}", 1, w = label_w - 1), label_w - 1, faint);
    if dots_cells_h > 1 {
        put(buf, body, x0, y0 + dots_cells_h as u16, &format!("{n_left:>w$}", w = label_w - 1), label_w - 1, faint);
    }
    let legend = crate::view::text::truncate(legend, inner_w);
    put(buf, body, x0, y0 + inner_h as u16 - 1, &legend, display_width(&legend), faint);
    // From here on the grid is the dots only, below the header row, after the labels.
    let (inner_w, inner_h) = (dots_cells_w, dots_cells_h);
    let (dots_x, dots_y) = (x0 + label_w as u16, y0 + 1);
    // Per cell: braille bits, and whether it holds a matched cell / a cell on screen.
    let mut bits = vec![0u8; inner_w * inner_h];
    let mut matched = vec![false; inner_w * inner_h];
    let mut visible = vec![false; inner_w * inner_h];
    let first_row = layout.row_at_line(top);
    let last_row = layout.row_at_line((top + height).saturating_sub(1));
    for (index, row) in state.rows.iter().enumerate() {
        // A one-sided row is a straight step of the path along its own axis.
        let lefts = if row.left.is_empty() { row.left.start.saturating_sub(1)..row.left.start.max(1) } else { row.left.clone() };
        let rights = if row.right.is_empty() { row.right.start.saturating_sub(1)..row.right.start.max(1) } else { row.right.clone() };
        let on_screen = (first_row..=last_row).contains(&index);
        // Past a few dots per axis, mark only the scaled positions: enough for the picture.
        for l in scaled_positions(lefts, n_left, dots_h) {
            for r in scaled_positions(rights.clone(), n_right, dots_w) {
                let (cx, cy) = (r / 2, l / 4);
                let cell = cy * inner_w + cx;
                if cell >= bits.len() {
                    continue;
                }
                bits[cell] |= braille_bit(r % 2, l % 4);
                matched[cell] |= row.kind == RowKind::Match;
                visible[cell] |= on_screen;
            }
        }
    }
    for cy in 0..inner_h {
        for cx in 0..inner_w {
            let cell = cy * inner_w + cx;
            let (x, y) = (dots_x + cx as u16, dots_y + cy as u16);
            let glyph = if bits[cell] == 0 { ' ' } else { char::from_u32(0x2800 + bits[cell] as u32).unwrap_or(' ') };
            let style = if visible[cell] {
                styles.map_view()
            } else if bits[cell] != 0 && !matched[cell] {
                styles.one_sided()
            } else {
                Style::default()
            };
            put(buf, body, x, y, &glyph.to_string(), 1, style);
        }
    }
}

/// Dot positions (0..dots) covered by sentence indices `range` out of `count`: each
/// sentence takes its share of the dots, and at least one.
fn scaled_positions(range: Range<usize>, count: usize, dots: usize) -> Vec<usize> {
    let count = count.max(1);
    let last = dots.saturating_sub(1);
    let mut out: Vec<usize> = Vec::new();
    for i in range {
        let from = (i * dots / count).min(last);
        let to = ((i + 1) * dots / count).clamp(from + 1, last + 1);
        let after = out.last().map_or(0, |l| l + 1);
        out.extend(from.max(after)..to);
    }
    out
}

/// Braille bit of dot (x in 0..2, y in 0..4) inside one cell.
fn braille_bit(x: usize, y: usize) -> u8 {
    const BITS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
    BITS[x.min(1)][y.min(3)]
}

/// Write `text` at (x, y), at most `max_width` cells and never outside `clip`. Control
/// characters never reach the terminal. Returns the x after the text.
fn put(buf: &mut Buffer, clip: Rect, x: u16, y: u16, text: &str, max_width: usize, style: Style) -> u16 {
    let clip = clip.intersection(buf.area);
    if y < clip.y || y >= clip.bottom() || x < clip.x || x >= clip.right() {
        return x;
    }
    let room = (clip.right() - x) as usize;
    let clean = one_line(text);
    let (end, _) = buf.set_stringn(x, y, &clean, max_width.min(room), style);
    end
}

/// Text for a single screen line: control characters and line breaks become spaces
/// (the sanitiser's [`crate::sanitize::line`], owned).
pub fn one_line(text: &str) -> String {
    crate::sanitize::line(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_shows_confidence_and_one_sided_direction() {
        assert_eq!(confidence_glyph(RowKind::Match, 0.87), "▇8");
        assert_eq!(confidence_glyph(RowKind::Match, 1.0), "█9");
        assert_eq!(confidence_glyph(RowKind::Match, f32::NAN), "▁0");
        assert_eq!(confidence_glyph(RowKind::LeftOnly, 0.5), "◂ ");
        assert_eq!(confidence_glyph(RowKind::RightOnly, 0.5), " ▸");
    }

    #[test]
    fn flagged_rows_carry_a_mark_without_colour() {
        assert_eq!(gutter_glyph(RowKind::Match, 0.87, true), "!8");
        assert_eq!(gutter_glyph(RowKind::Match, 0.87, false), "▇8");
        assert_eq!(gutter_glyph(RowKind::LeftOnly, 0.0, true), "◂!");
        assert_eq!(gutter_glyph(RowKind::RightOnly, 0.0, true), "!▸");
    }

    #[test]
    fn truncation_respects_display_width() {
        assert_eq!(crate::view::text::truncate("hello world", 6), "hello…");
        assert_eq!(crate::view::text::truncate("日本語テキスト", 5), "日本…");
        assert_eq!(crate::view::text::truncate("short", 10), "short");
        assert_eq!(crate::view::text::truncate("abc", 0), "");
        for w in 0..12 {
            assert!(display_width(&crate::view::text::truncate("日本語のテキスト abc", w)) <= w);
        }
    }

    #[test]
    fn one_line_removes_escapes_and_breaks() {
        assert_eq!(one_line("a\x1b[31mb\nc\td"), "ab c d");
    }

    #[test]
    fn scaled_positions_stay_in_bounds() {
        assert_eq!(scaled_positions(0..4, 4, 8), (0..8).collect::<Vec<_>>());
        assert_eq!(scaled_positions(1..2, 4, 8), vec![2, 3]);
        assert_eq!(scaled_positions(0..100, 100, 4), vec![0, 1, 2, 3]);
        assert!(scaled_positions(5..6, 3, 2).iter().all(|&p| p < 2));
    }
}
