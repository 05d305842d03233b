//! `diglot highlights …` and `diglot export` (issue 6).

use super::{CliError, Context, ExportFormat, HighlightsCommand};

pub fn run(ctx: &Context, action: HighlightsCommand) -> Result<String, CliError> {
    let _ = (ctx, action);
    Err(CliError("highlights: not implemented yet".into()))
}

pub fn export(
    ctx: &Context,
    format: ExportFormat,
    output: Option<&str>,
    article: Option<&str>,
    tag: Option<&str>,
) -> Result<String, CliError> {
    let _ = (ctx, format, output, article, tag);
    Err(CliError("export: not implemented yet".into()))
}
