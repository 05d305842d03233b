//! The thin event loop: terminal setup/restore and key events → `Action`s.

use crate::cli::{CliError, Context, ListFormat};

/// Open the reader. Until the TUI lands this prints the article list.
pub fn run_reader(ctx: &Context) -> Result<(), CliError> {
    print!("{}", crate::cli::articles::list(ctx, ListFormat::Table)?);
    Ok(())
}
