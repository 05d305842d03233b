//! The quotes pane: each quote with its speaker and cue verb.

use super::theme::Theme;
use super::wrap::wrap;
use super::{pane_block, put_line, safe, truncate};
use crate::app::{App, Focus, QUOTE_ITEM_HEIGHT};
use crate::model::QuoteKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.focus == Focus::Quotes;
    let quotes = app.visible_quotes();
    let hidden = app.hidden_terms();
    let title = if app.quotes_pending() {
        "Quotes (extracting…)".to_string()
    } else if hidden > 0 {
        format!("Quotes ({}) +{hidden} terms", quotes.len())
    } else {
        format!("Quotes ({})", quotes.len())
    };
    let block = pane_block(&title, focused, theme, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    if quotes.is_empty() {
        let empty = if app.current().is_none() {
            "No article selected."
        } else if app.quotes_pending() {
            "Extracting quotes from this long article…"
        } else {
            "No quotes found in this article."
        };
        let mut lines = vec![empty.to_string()];
        if hidden > 0 {
            lines.push(format!("{hidden} term quote(s) hidden — t shows them."));
        }
        let mut y = inner.y;
        for l in lines {
            for r in wrap(&l, width) {
                put_line(frame, inner, y, Line::styled(l[r].to_string(), theme.dim));
                y = y.saturating_add(1);
            }
        }
        return;
    }
    let per_page = (usize::from(inner.height) / QUOTE_ITEM_HEIGHT).max(1);
    for (slot, (i, q)) in quotes.iter().enumerate().skip(app.quotes_top).take(per_page).enumerate() {
        let y0 = inner.y + u16::try_from(slot * QUOTE_ITEM_HEIGHT).unwrap_or(u16::MAX);
        let selected = i == app.quote_selected;
        let marked = app.marked_quote.as_ref().is_some_and(|r| r.start == q.start && r.end == q.end);
        let row_style = if selected {
            if focused { theme.selected } else { theme.selected_unfocused }
        } else {
            ratatui::style::Style::new()
        };
        // Quote in the typography of the quote's own language.
        let text = match q.language.as_deref() {
            Some("fr") => format!("«\u{a0}{}\u{a0}»", safe(&q.text)),
            _ => format!("“{}”", safe(&q.text)),
        };
        let text_lines = wrap(&text, width.saturating_sub(2).max(1));
        let highlighted = app.current().is_some_and(|a| app.article_highlights(&a.id).any(|h| h.start == q.start && h.end == q.end));
        // Column 1: shown in the body; column 2: highlighted (also styled, for NO_COLOR).
        let prefix = match (marked, highlighted) {
            (true, true) => ">*",
            (true, false) => "> ",
            (false, true) => " *",
            (false, false) => "  ",
        };
        let text_style = if highlighted { theme.highlight } else { theme.quote };
        for k in 0..QUOTE_ITEM_HEIGHT - 1 {
            let Some(r) = text_lines.get(k) else { break };
            let mut piece = text[r.clone()].to_string();
            if k == QUOTE_ITEM_HEIGHT - 2 && text_lines.len() > QUOTE_ITEM_HEIGHT - 1 {
                piece = truncate(&format!("{piece} …"), width.saturating_sub(2));
            }
            let lead = if k == 0 { prefix } else { "  " };
            let line = Line::from(vec![Span::raw(lead), Span::styled(piece, text_style)]).style(row_style);
            put_line(frame, inner, y0 + u16::try_from(k).unwrap_or(0), line);
        }
        let who = q.speaker.as_ref().map(|s| s.name.as_str()).or(q.speaker_as_written.as_deref());
        let mut spans = vec![Span::raw("  — ")];
        match who {
            Some(name) => spans.push(Span::styled(safe(name).into_owned(), theme.speaker)),
            None => spans.push(Span::styled("speaker unknown", theme.dim)),
        }
        if let Some(cue) = &q.cue {
            spans.push(Span::styled(format!(", {}", safe(cue)), theme.dim));
        }
        if q.kind != QuoteKind::Direct {
            let kind = if q.kind == QuoteKind::Partial { " (partial)" } else { " (term)" };
            spans.push(Span::styled(kind, theme.dim));
        }
        // Cut with an ellipsis where the pane ends, so a cut name or cue is visibly cut.
        let mut budget = width;
        let mut fitted = Vec::with_capacity(spans.len());
        for span in spans {
            let full = span.content.to_string();
            let cut = truncate(&full, budget);
            budget = budget.saturating_sub(crate::ui::wrap::display_width(&cut));
            let was_cut = cut != full;
            fitted.push(Span::styled(cut, span.style));
            if was_cut || budget == 0 {
                break;
            }
        }
        let line = Line::from(fitted).style(row_style);
        put_line(frame, inner, y0 + u16::try_from(QUOTE_ITEM_HEIGHT - 1).unwrap_or(0), line);
    }
}
