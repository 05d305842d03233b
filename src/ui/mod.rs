//! ratatui widgets that draw from `&App`.
//!
//! Everything from an article is passed through [`safe`] right before it is drawn:
//! ingest already strips control sequences, but the terminal is the last line of defence.

pub mod body;
pub mod help;
pub mod list;
pub mod quotes;
pub mod status;
pub mod theme;
pub mod bilingual;
pub mod highlights;
pub mod speakers;

use crate::app::keymap::KeyContext;
use crate::app::{App, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use theme::Theme;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    draw_views(frame, app);
    cap_clusters(frame.buffer_mut());
}

/// Every cell's grapheme cluster cut to [`crate::sanitize::cap_cluster`]: done once on
/// the finished frame, so no widget can send a cluster of 100 000 combining marks.
fn cap_clusters(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        let capped = crate::sanitize::cap_cluster(symbol);
        if capped.len() < symbol.len() {
            let capped = capped.to_string();
            cell.set_symbol(&capped);
        }
    }
}

fn draw_views(frame: &mut Frame, app: &App) {
    let theme = Theme::new(app.no_color);
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    match app.mode {
        Mode::Reader => draw_reader(frame, app, &theme),
        Mode::Highlights => {
            let view = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            match &app.library.view {
                Some(state) => frame.render_widget(highlights::HighlightsView { state, no_color: app.no_color }, view),
                None => frame.render_widget(Paragraph::new("No highlights view."), view),
            }
        }
        Mode::Speakers => {
            let view = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            frame.render_widget(speakers::SpeakersView { app, no_color: app.no_color }, view);
        }
        Mode::Bilingual => {
            let view = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            match (&app.side_by_side.view, app.bilingual_articles()) {
                (Some(state), Some((left, right))) => {
                    let (lh, rh) = (app.highlight_marks(&left.id), app.highlight_marks(&right.id));
                    let highlights = [lh.as_slice(), rh.as_slice()];
                    let hints = status::view_hints(app, KeyContext::Bilingual, status::BILINGUAL_FOOTER_HINTS);
                    let view_widget = bilingual::BilingualView { state, left: &left, right: &right, no_color: app.no_color, highlights, hints: &hints };
                    frame.render_widget(view_widget, view)
                }
                _ => frame.render_widget(Paragraph::new("No side-by-side view."), view),
            }
        }
    }
    let panes = app.panes();
    status::draw(frame, app, &theme, panes.status.into());
    if app.help_open {
        help::draw(frame, app, &theme, area);
    }
}

fn draw_reader(frame: &mut Frame, app: &App, theme: &Theme) {
    let panes = app.panes();
    if let Some(r) = panes.list {
        list::draw(frame, app, theme, r.into());
    }
    if let Some(r) = panes.body {
        body::draw(frame, app, theme, r.into());
    }
    if let Some(r) = panes.quotes {
        quotes::draw(frame, app, theme, r.into());
    }
}

pub use crate::view::text::{fit, safe, truncate};
pub use crate::view::{layout, wrap};

impl From<crate::view::Rect> for Rect {
    fn from(r: crate::view::Rect) -> Rect {
        Rect::new(r.x, r.y, r.width, r.height)
    }
}

impl From<Rect> for crate::view::Rect {
    fn from(r: Rect) -> crate::view::Rect {
        crate::view::Rect::new(r.x, r.y, r.width, r.height)
    }
}

/// A bordered pane with its title; the focused pane's border and title stand out.
pub fn pane_block<'a>(title: &str, focused: bool, theme: &Theme, width: u16) -> Block<'a> {
    let title = truncate(&safe(title), usize::from(width.saturating_sub(4)));
    let (border, title_style) = if focused {
        (theme.border_focused, theme.title_focused)
    } else {
        (theme.border, theme.title)
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::from(Span::styled(format!(" {title} "), title_style)))
}

/// Render one line clipped to `area`'s width at row `y`.
pub fn put_line(frame: &mut Frame, area: Rect, y: u16, line: Line<'_>) {
    if y >= area.bottom() || area.width == 0 {
        return;
    }
    frame.render_widget(line, Rect::new(area.x, y, area.width, 1));
}
