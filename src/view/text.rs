//! Strings cut and padded to a number of terminal cells, and made safe to show.

use super::wrap::display_width;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Text from an article made safe for the terminal: control and escape sequences gone,
/// tabs and newlines turned into spaces.
pub fn safe(s: &str) -> Cow<'_, str> {
    crate::sanitize::line(s)
}

/// Cut `s` to at most `width` cells, ending with "…" when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = display_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Pad or cut `s` to exactly `width` cells.
pub fn fit(s: &str, width: usize) -> String {
    let mut t = truncate(s, width);
    let w = display_width(&t);
    t.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    t
}
