//! Text analysis: language, sentence splitting, quotation extraction and attribution.

pub mod attribution;
pub mod entities;
pub mod lang;
pub mod lexicon;
pub mod quote_marks;
pub mod quotes;
pub mod ranker;
pub mod rules_en;
pub mod rules_fr;
pub mod salience_fr;
pub mod sentences;
