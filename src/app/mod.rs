//! The app-state core: plain state, an `Action` enum and `update`. No terminal here.

pub mod bilingual;
pub mod highlights;
