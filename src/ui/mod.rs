//! ratatui widgets that draw from `&App`.

pub mod wrap;
pub mod bilingual;
pub mod highlights;
