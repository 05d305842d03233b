//! Text analysis: sentence splitting, quotation extraction and attribution.

pub mod attribution;
pub mod entities;
pub mod lexicon;
pub mod quote_marks;
pub mod quotes;
pub mod ranker;
pub mod rules_fr;
pub mod sentences;
