//! The article body: our own line layout (byte ranges), with search matches and quotes
//! marked by style.

use super::theme::Theme;
use super::{pane_block, put_line, safe, truncate};
use crate::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;

/// A styled stretch of the article text; higher `rank` wins where they overlap.
struct Mark {
    range: Range<usize>,
    rank: u8,
    style: Style,
    /// Laid over whatever else marks the text (the sentence cursor, a selection).
    overlay: bool,
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.reader.focus == Focus::Body;
    let Some(article) = app.current() else {
        // Selected but not read yet: its body is on its way from a worker.
        let (title, message) = match (app.current_index(), app.current_row()) {
            (Some(i), Some(row)) => (
                safe(row.display_title()).into_owned(),
                app.catalog.body_problem(i).map_or_else(|| "Loading…".to_string(), |why| format!("Cannot read this article: {why}")),
            ),
            _ => ("Body".to_string(), "No article selected.".to_string()),
        };
        let block = pane_block(&title, focused, theme, area.width);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(Paragraph::new(truncate(&safe(&message), inner.width.into())).style(theme.dim), inner);
        return;
    };
    let mut block = pane_block(article.display_title(), focused, theme, area.width);
    let meta = meta_line(app);
    if !meta.is_empty() {
        block = block.title_bottom(Line::from(Span::styled(
            format!(" {} ", truncate(&meta, usize::from(area.width.saturating_sub(4)))),
            theme.dim,
        )));
    }
    frame.render_widget(block, area);
    let inner: Rect = super::layout::text_area(area.into()).into();
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let lines = app.body_lines_at(usize::from(inner.width));
    let text = &article.text;
    // The app keeps `body_top` for its own layout width; clamp again for this one.
    let top = app.reader.body_top.min(lines.len().saturating_sub(usize::from(inner.height)));
    let shown = lines.get(top..).unwrap_or(&[]).iter().take(usize::from(inner.height));
    let window = shown.clone().next().map_or(0, |l| l.range.start)..shown.clone().next_back().map_or(0, |l| l.range.end);
    let marks = marks(app, theme, &window);
    for (row, line) in lines.iter().skip(top).take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        put_line(frame, inner, y, styled_line(text, &line.range, &marks));
    }
}

/// "fr · 2024-03-01 · Le Monde · 1234 words"
fn meta_line(app: &App) -> String {
    let Some(a) = app.current() else { return String::new() };
    let m = &a.meta;
    let words = format!("{} words", m.words);
    [m.language.as_deref(), m.date.as_deref(), m.source.as_deref(), Some(words.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .map(|s| safe(s).into_owned())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The marks over the text shown, `window` (a long article has tens of thousands of
/// quotes and search matches; only those on screen are styled).
fn marks(app: &App, theme: &Theme, window: &Range<usize>) -> Vec<Mark> {
    let mut marks = Vec::new();
    let fill = |range, rank, style| Mark { range, rank, style, overlay: false };
    let on_screen = |r: &Range<usize>| r.start <= window.end && r.end >= window.start;
    let article = app.current();
    let text = article.as_deref().map_or("", |a| a.text.as_str());
    for q in app.visible_quotes().iter().filter(|q| on_screen(&(q.start..q.end))) {
        // An interrupted quote colours its quoted words, not the attribution between its halves.
        for part in crate::text::interrupted::quoted_parts(text, q) {
            marks.push(fill(part, 1, theme.quote));
        }
    }
    if let Some(a) = app.current() {
        for h in app.article_highlights(&a.id) {
            marks.push(fill(h.passage.start..h.passage.end, 2, theme.highlight));
        }
    }
    if let Some(r) = &app.reader.marked_quote {
        marks.push(fill(r.clone(), 3, theme.quote_marked));
    }
    if let Some(r) = app.visual_range() {
        marks.push(Mark { range: r, rank: 10, style: theme.visual, overlay: true });
    } else if app.reader.focus == Focus::Body
        && let Some(r) = app.cursor_sentence_range()
    {
        marks.push(Mark { range: r, rank: 9, style: theme.cursor, overlay: true });
    }
    for (i, m) in app.reader.search.matches.iter().enumerate().filter(|(_, m)| on_screen(m)) {
        let current = app.reader.search.current == Some(i);
        marks.push(fill(
            m.clone(),
            if current { 5 } else { 4 },
            if current { theme.search_current } else { theme.search_match },
        ));
    }
    marks
}

/// One body line cut into spans where marks begin and end.
fn styled_line<'a>(text: &'a str, line: &Range<usize>, marks: &[Mark]) -> Line<'a> {
    let mut cuts = vec![line.start, line.end];
    for m in marks {
        for b in [m.range.start, m.range.end] {
            if b > line.start && b < line.end && text.is_char_boundary(b) {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .filter_map(|w| {
            let piece = text.get(w[0]..w[1])?;
            let here = |m: &&Mark| m.range.start <= w[0] && w[0] < m.range.end;
            let base = marks
                .iter()
                .filter(|m| !m.overlay)
                .filter(here)
                .max_by_key(|m| m.rank)
                .map_or(Style::new(), |m| m.style);
            let style = marks.iter().filter(|m| m.overlay).filter(here).fold(base, |s, m| s.patch(m.style));
            Some(match safe(piece) {
                std::borrow::Cow::Borrowed(s) => Span::styled(s, style),
                std::borrow::Cow::Owned(s) => Span::styled(s, style),
            })
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}
