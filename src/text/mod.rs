//! Text analysis: language, sentence splitting, quotation extraction and attribution.

pub mod attribution;
pub mod bodies_fr; // fr-inst (session 18)
pub mod entities;
pub mod interrupted;
pub mod lang;
pub mod lexicon;
pub mod people_fr;
pub mod quote_marks;
pub mod quotes;
pub mod ranker;
pub mod rules_en;
pub mod rules_fr;
pub mod salience_fr;
pub mod sentences;

/// The largest char boundary of `text` at or before byte `i` (`i` at most `text.len()`):
/// where a window read a fixed number of bytes back from a position may start.
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
