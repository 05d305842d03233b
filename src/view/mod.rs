//! Terminal-free geometry and text layout shared by the app state and the drawing code:
//! where each pane goes, how text wraps, how a string is cut to a width. Nothing here
//! names a terminal library (a test checks), so the app state can use it and stay pure.

pub mod layout;
pub mod text;
pub mod wrap;

pub use layout::{Focus, Panes};

/// A rectangle of cells on the screen: `x`, `y` of its top-left corner, and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rect {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Rect {
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Rect {
        Rect { x, y, width, height }
    }

    /// The first row.
    pub const fn top(self) -> u16 {
        self.y
    }

    /// The first column.
    pub const fn left(self) -> u16 {
        self.x
    }

    /// The column just right of the rectangle.
    pub const fn right(self) -> u16 {
        self.x.saturating_add(self.width)
    }

    /// The row just below the rectangle.
    pub const fn bottom(self) -> u16 {
        self.y.saturating_add(self.height)
    }
}
