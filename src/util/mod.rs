//! Small utilities every layer may use and that use no other part of diglot: clocks
//! (RFC 3339 timestamps), content hashes and bounded reads of small files.

pub mod clock;
pub mod fs;
pub mod hash;
