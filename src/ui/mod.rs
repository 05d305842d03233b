//! ratatui widgets that draw from `&App`.
