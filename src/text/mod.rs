//! Text analysis: sentence splitting, quotation extraction and attribution.

pub mod quotes;
pub mod sentences;
