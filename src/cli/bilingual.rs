//! `diglot pairs` and `diglot align` (issue 5).

use super::{CliError, Context, ListFormat, TextFormat};

pub fn pairs(ctx: &Context, format: ListFormat) -> Result<String, CliError> {
    let _ = (ctx, format);
    Err(CliError("pairs: not implemented yet".into()))
}

pub fn align(ctx: &Context, left: &str, right: &str, format: TextFormat) -> Result<String, CliError> {
    let _ = (ctx, left, right, format);
    Err(CliError("align: not implemented yet".into()))
}
