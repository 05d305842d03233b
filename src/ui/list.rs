//! The article list: unread/starred marks, title, language, date and source.

use super::theme::Theme;
use super::{fit, pane_block, put_line, safe, truncate};
use crate::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.reader.focus == Focus::List;
    let total = app.article_count();
    let shown = app.visible().len();
    let title = if app.reader.filter.is_empty() && shown == total {
        format!("Articles ({total})")
    } else if app.reader.filter.is_empty() {
        // Only archived articles are out of the unfiltered list.
        format!("Articles ({shown}) · {} archived", total - shown)
    } else {
        format!("Articles ({shown} of {total}) · filter: {}", app.reader.filter.text)
    };
    let title = match app.reader.order {
        crate::app::ListOrder::Name => title,
        order => format!("{title} · {}", order.describe()),
    };
    let block = pane_block(&title, focused, theme, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if shown == 0 {
        let msg = if total == 0 && app.catalog.is_loading() {
            "Reading the folder…".to_string()
        } else if total == 0 {
            "No articles. Point diglot at a folder with --corpus DIR.".to_string()
        } else {
            "No article matches the filter — f to change it, F to clear it.".to_string()
        };
        frame.render_widget(Paragraph::new(truncate(&msg, inner.width.into())).style(theme.dim), inner);
        return;
    }
    let width = usize::from(inner.width);
    // Columns that fit: marks and title always; language, date and source as room allows.
    let show_lang = width >= 24;
    let show_date = width >= 44;
    let source_width = if width >= 70 { (width / 5).min(24) } else { 0 };
    let fixed = 3 + if show_lang { 3 } else { 0 } + if show_date { 11 } else { 0 } + if source_width > 0 { source_width + 1 } else { 0 };
    let title_width = width.saturating_sub(fixed).max(1);
    let rows = usize::from(inner.height);
    for (row, &index) in app.visible().iter().enumerate().skip(app.reader.list_top).take(rows) {
        let Some(a) = app.row(index) else { continue };
        let t = app.triage(&a.id);
        let selected = row == app.list_selected();
        let marks = format!("{}{}", if t.read { ' ' } else { 'N' }, if t.starred { '*' } else { ' ' });
        let mut spans = vec![
            Span::styled(marks, theme.mark),
            Span::raw(" "),
            Span::styled(
                fit(&safe(a.display_title()), title_width),
                if t.read { ratatui::style::Style::new() } else { theme.unread },
            ),
        ];
        if show_lang {
            let lang = a.meta.language.as_deref().unwrap_or("??");
            spans.push(Span::styled(format!(" {}", fit(&safe(lang), 2)), theme.dim));
        }
        if show_date {
            let date = a.meta.date.as_deref().unwrap_or("");
            spans.push(Span::styled(format!(" {}", fit(&safe(date), 10)), theme.dim));
        }
        if source_width > 0 {
            let source = a.meta.source.as_deref().unwrap_or("");
            spans.push(Span::styled(format!(" {}", fit(&safe(source), source_width)), theme.dim));
        }
        let mut line = Line::from(spans);
        if selected {
            line = line.style(if focused { theme.selected } else { theme.selected_unfocused });
        }
        let y = inner.y + u16::try_from(row - app.reader.list_top).unwrap_or(u16::MAX);
        put_line(frame, inner, y, line);
    }
}
