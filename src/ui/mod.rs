//! ratatui widgets that draw from `&App`.

pub mod wrap;
