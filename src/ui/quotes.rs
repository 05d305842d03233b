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
    let focused = app.reader.focus == Focus::Quotes;
    let quotes = app.visible_quotes();
    let hidden = app.hidden_terms();
    let title = if app.quotes_pending() {
        "Quotes (extracting…)".to_string()
    } else if hidden > 0 {
        // As the filtered list says "Articles (1 of 3)"; `t` shows the term quotes.
        format!("Quotes ({} of {})", quotes.len(), quotes.len() + hidden)
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
    // Items take their own height: the selected quote whole (as far as the pane allows),
    // others up to two lines; then the speaker line. No blank row inside an item.
    let item_text = |q: &crate::model::Quote| match q.language.as_deref() {
        Some("fr") => format!("«\u{a0}{}\u{a0}»", safe(&q.text)),
        _ => format!("“{}”", safe(&q.text)),
    };
    let text_width = width.saturating_sub(2).max(1);
    let max_text_rows = usize::from(inner.height).saturating_sub(1).max(1);
    let text_rows = |i: usize, q: &crate::model::Quote| {
        let n = wrap(&item_text(q), text_width).len().max(1);
        if i == app.reader.quote_selected { n.min(max_text_rows) } else { n.min(QUOTE_ITEM_HEIGHT - 1) }
    };
    // Start at the app's first item, later if the selected one would not fit whole.
    let selected = app.reader.quote_selected.min(quotes.len() - 1);
    let mut first = app.reader.quotes_top.min(selected);
    while first < selected
        && (first..=selected).map(|i| text_rows(i, &quotes[i]) + 1).sum::<usize>() > usize::from(inner.height)
    {
        first += 1;
    }
    let mut y0 = inner.y;
    for (i, q) in quotes.iter().enumerate().skip(first) {
        if y0 >= inner.bottom() {
            break;
        }
        let selected = i == app.reader.quote_selected;
        let marked = app.reader.marked_quote.as_ref().is_some_and(|r| r.start == q.start && r.end == q.end);
        let row_style = if selected {
            if focused { theme.selected } else { theme.selected_unfocused }
        } else {
            ratatui::style::Style::new()
        };
        // Quote in the typography of the quote's own language.
        let text = item_text(q);
        let text_lines = wrap(&text, text_width);
        let rows = text_rows(i, q);
        let highlighted = app.current().is_some_and(|a| app.article_highlights(&a.id).any(|h| h.passage.start == q.start && h.passage.end == q.end));
        // Column 1: shown in the body; column 2: highlighted (also styled, for NO_COLOR).
        let prefix = match (marked, highlighted) {
            (true, true) => ">*",
            (true, false) => "> ",
            (false, true) => " *",
            (false, false) => "  ",
        };
        let text_style = if highlighted { theme.highlight } else { theme.quote };
        for k in 0..rows {
            let Some(r) = text_lines.get(k) else { break };
            let mut piece = text[r.clone()].to_string();
            if k == rows - 1 && text_lines.len() > rows {
                piece = truncate(&format!("{piece} …"), text_width);
            }
            let lead = if k == 0 { prefix } else { "  " };
            let line = Line::from(vec![Span::raw(lead), Span::styled(piece, text_style)]).style(row_style);
            put_line(frame, inner, y0 + u16::try_from(k).unwrap_or(0), line);
        }
        let speaker_row = y0 + u16::try_from(rows).unwrap_or(u16::MAX);
        y0 = speaker_row.saturating_add(1);
        let who = q.speaker.as_ref().map(|s| s.name.as_str()).or(q.speaker_as_written.as_deref());
        let mut spans = vec![Span::raw("  — ")];
        match who {
            Some(name) => spans.push(Span::styled(safe(name).into_owned(), theme.speaker)),
            None => spans.push(Span::styled("speaker unknown", theme.dim)),
        }
        if let Some(cue) = &q.cue {
            spans.push(Span::styled(format!(", {}", safe(&cue_in_running_text(cue))), theme.dim));
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
        put_line(frame, inner, speaker_row, line);
    }
}

/// The cue as it reads after the speaker's name: a capital that only opened the sentence
/// ("Selon", "According to") is lower-cased; a name or acronym ("EU", "McCain") is kept.
fn cue_in_running_text(cue: &str) -> String {
    let first_word = cue.split_whitespace().next().unwrap_or("");
    let mut chars = first_word.chars();
    let opens_sentence = chars.next().is_some_and(char::is_uppercase) && chars.clone().next().is_some() && chars.all(char::is_lowercase);
    if !opens_sentence {
        return cue.to_string();
    }
    let mut out: String = cue.chars().next().into_iter().flat_map(char::to_lowercase).collect();
    out.push_str(&cue[cue.chars().next().map_or(0, char::len_utf8)..]);
    out
}

#[cfg(test)]
mod tests {
    use super::cue_in_running_text;

    #[test]
    fn a_sentence_opening_capital_is_lowered_but_names_are_kept() {
        assert_eq!(cue_in_running_text("Selon"), "selon");
        assert_eq!(cue_in_running_text("According to"), "according to");
        assert_eq!(cue_in_running_text("a déclaré"), "a déclaré");
        assert_eq!(cue_in_running_text("EU said"), "EU said");
        assert_eq!(cue_in_running_text("McCain"), "McCain");
    }
}
