//! `diglot quotes` and `diglot speakers` (issue 4).

use super::{CliError, Context, ListFormat};

pub fn quotes(ctx: &Context, ids: &[String], format: ListFormat, include_terms: bool) -> Result<String, CliError> {
    let _ = (ctx, ids, format, include_terms);
    Err(CliError("quotes: not implemented yet".into()))
}

pub fn speakers(ctx: &Context, format: ListFormat) -> Result<String, CliError> {
    let _ = (ctx, format);
    Err(CliError("speakers: not implemented yet".into()))
}
