//! Where each pane goes for a given terminal size. Shared by the drawing code and the app
//! state (which needs pane heights for paging and keeping the selection in view).

use super::Rect;

/// Which pane of the reader has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Body,
    Quotes,
}

impl Focus {
    pub fn name(self) -> &'static str {
        match self {
            Focus::List => "List",
            Focus::Body => "Body",
            Focus::Quotes => "Quotes",
        }
    }

    pub fn next(self) -> Focus {
        match self {
            Focus::List => Focus::Body,
            Focus::Body => Focus::Quotes,
            Focus::Quotes => Focus::List,
        }
    }

    pub fn prev(self) -> Focus {
        match self {
            Focus::List => Focus::Quotes,
            Focus::Body => Focus::List,
            Focus::Quotes => Focus::Body,
        }
    }
}

/// Below this many columns (or rows) only the focused pane is shown.
pub const NARROW_WIDTH: u16 = 60;
pub const NARROW_HEIGHT: u16 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub list: Option<Rect>,
    pub body: Option<Rect>,
    pub quotes: Option<Rect>,
    /// The bottom row: status bar or prompt.
    pub status: Rect,
}

pub fn is_narrow(area: Rect) -> bool {
    area.width < NARROW_WIDTH || area.height < NARROW_HEIGHT
}

/// Split `area` into panes. Wide: list on top, body and quotes side by side below.
/// Narrow: the focused pane alone. Never panics, whatever the size.
pub fn panes(area: Rect, focus: Focus, list_len: usize) -> Panes {
    let status_height = area.height.min(1);
    let status = Rect::new(area.x, area.y + area.height - status_height, area.width, status_height);
    let main = Rect::new(area.x, area.y, area.width, area.height - status_height);
    if main.height == 0 || main.width == 0 {
        return Panes { status, ..Default::default() };
    }
    if is_narrow(area) {
        let mut p = Panes { status, ..Default::default() };
        match focus {
            Focus::List => p.list = Some(main),
            Focus::Body => p.body = Some(main),
            Focus::Quotes => p.quotes = Some(main),
        }
        return p;
    }
    // The list takes what it needs up to 30% of the height (at least one row of items).
    let wanted = u16::try_from(list_len).unwrap_or(u16::MAX).saturating_add(2);
    let cap = (main.height * 3 / 10).max(7).min(main.height / 2).max(3);
    let list_height = wanted.clamp(3, cap);
    let list = Rect::new(main.x, main.y, main.width, list_height);
    let lower = Rect::new(main.x, main.y + list_height, main.width, main.height - list_height);
    let quotes_width = (lower.width * 38 / 100).max(24).min(lower.width / 2);
    let body = Rect::new(lower.x, lower.y, lower.width - quotes_width, lower.height);
    let quotes = Rect::new(lower.x + body.width, lower.y, quotes_width, lower.height);
    Panes { list: Some(list), body: Some(body), quotes: Some(quotes), status }
}

/// Where a pane's running text goes: inside the border with a column of margin on each
/// side, so text never touches the border (a pane too narrow to spare them keeps them).
pub fn text_area(r: Rect) -> Rect {
    let i = inner(r);
    if i.width < 12 {
        return i;
    }
    Rect::new(i.x + 1, i.y, i.width - 2, i.height)
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_layout_shows_three_panes_inside_the_area() {
        let area = Rect::new(0, 0, 80, 24);
        let p = panes(area, Focus::List, 5);
        let (l, b, q) = (p.list.unwrap(), p.body.unwrap(), p.quotes.unwrap());
        assert_eq!(l.height, 7);
        assert_eq!(b.width + q.width, 80);
        assert!(inner(b).width >= 40 && inner(q).width >= 22);
        assert_eq!(p.status, Rect::new(0, 23, 80, 1));
    }

    #[test]
    fn narrow_and_tiny_sizes_never_panic() {
        for w in 0..70 {
            for h in 0..30 {
                for f in [Focus::List, Focus::Body, Focus::Quotes] {
                    let p = panes(Rect::new(0, 0, w, h), f, 3000);
                    for r in [p.list, p.body, p.quotes].into_iter().flatten() {
                        assert!(r.right() <= w && r.bottom() <= h);
                    }
                }
            }
        }
        let p = panes(Rect::new(0, 0, 50, 20), Focus::Body, 5);
        assert!(p.list.is_none() && p.quotes.is_none() && p.body.is_some());
    }
}
