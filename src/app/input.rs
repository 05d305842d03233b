//! diglot's own input types: keys, modifiers and sizes, so the app state never names a
//! terminal library. `tui.rs` converts the terminal's events into these.

use std::ops::{BitAnd, BitOr, BitOrAssign, Sub};

/// A key, without its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    /// A function key, F1 to F24.
    F(u8),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    /// Any other key the terminal reports (caps lock, media keys…), by its name: never
    /// bound, but named when the reader says it means nothing here.
    Other(&'static str),
}

/// Ctrl, Alt and Shift, as a small set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Modifiers(u8);

impl Modifiers {
    pub const NONE: Modifiers = Modifiers(0);
    pub const SHIFT: Modifiers = Modifiers(1);
    pub const CONTROL: Modifiers = Modifiers(2);
    pub const ALT: Modifiers = Modifiers(4);

    /// Every modifier of `other` is in `self`.
    pub fn contains(self, other: Modifiers) -> bool {
        self.0 & other.0 == other.0
    }

    /// Some modifier of `other` is in `self`.
    pub fn intersects(self, other: Modifiers) -> bool {
        self.0 & other.0 != 0
    }

    pub fn remove(&mut self, other: Modifiers) {
        self.0 &= !other.0;
    }
}

impl BitOr for Modifiers {
    type Output = Modifiers;
    fn bitor(self, rhs: Modifiers) -> Modifiers {
        Modifiers(self.0 | rhs.0)
    }
}

impl BitAnd for Modifiers {
    type Output = Modifiers;
    fn bitand(self, rhs: Modifiers) -> Modifiers {
        Modifiers(self.0 & rhs.0)
    }
}

impl BitOrAssign for Modifiers {
    fn bitor_assign(&mut self, rhs: Modifiers) {
        self.0 |= rhs.0;
    }
}

impl Sub for Modifiers {
    type Output = Modifiers;
    fn sub(self, rhs: Modifiers) -> Modifiers {
        Modifiers(self.0 & !rhs.0)
    }
}

/// The size of the screen in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

impl Size {
    pub fn new(width: u16, height: u16) -> Size {
        Size { width, height }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifier_sets_combine_and_subtract() {
        let both = Modifiers::CONTROL | Modifiers::ALT;
        assert!(both.contains(Modifiers::CONTROL) && both.intersects(Modifiers::ALT | Modifiers::SHIFT));
        assert!(!both.contains(Modifiers::SHIFT));
        assert_eq!(both - Modifiers::ALT, Modifiers::CONTROL);
        let mut m = both;
        m.remove(Modifiers::CONTROL);
        assert_eq!(m, Modifiers::ALT);
    }
}
