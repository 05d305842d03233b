//! Small utilities every layer may use and that use no other part of diglot: clocks
//! (RFC 3339 timestamps) and content hashes.

pub mod clock;
pub mod hash;
