//! The scriptable command line (clap). Every capability of the reader can be checked and
//! used from here, as text or `--format json`.
//!
//! Each command handler returns its output as a `String` so tests can call it directly;
//! `main` prints it, and only as [`Safe`] text: the output boundary, where whatever came
//! from a file (names, metadata, text) has its control and escape sequences removed.

pub mod articles;
pub mod bilingual;
pub mod highlights;
pub mod quotes;
pub mod search;
pub mod triage;

use crate::ingest::{self, Corpus, LoadError};
use crate::model::Article;
use crate::sanitize::{self, Safe, say};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(name = "diglot", version, about = "A keyboard-driven terminal reader for news in two languages")]
pub struct Cli {
    /// Read articles (.html, .htm, .txt, .md) from this folder instead of the bundled corpus.
    #[arg(long, global = true, env = "DIGLOT_CORPUS", value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// The state store (highlights, triage). Default: $XDG_DATA_HOME/diglot/diglot.db.
    #[arg(long, global = true, env = "DIGLOT_DB", value_name = "FILE")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Build or refresh the index of the --corpus folder ahead of time (parsed articles
    /// and their full text, in the cache), and say what was done.
    Index,
    /// Search the articles' title and text: words, "phrases", prefix*, accents ignored,
    /// best first; with the filter words lang:xx, unread, read, starred, archived.
    Search {
        query: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show one article's clean text, metadata, paragraphs and sentences.
    Show {
        /// An article id from the corpus, or a path to any file.
        article: String,
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// Quotes with speaker and cue verb (all articles when none is named).
    Quotes {
        articles: Vec<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Include `term` quotes (scare quotes, titles).
        #[arg(long)]
        all: bool,
    },
    /// Every speaker across the corpus with their quotes and articles.
    Speakers {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Proposed counterparts across languages, best first.
    Pairs {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Sentence alignment of two articles (ids or paths).
    Align {
        left: String,
        right: String,
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// Export highlights with citations.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Output file, or - for standard output (the default).
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
        /// Only highlights of this article.
        #[arg(long)]
        article: Option<String>,
        /// Only highlights with this tag.
        #[arg(long)]
        tag: Option<String>,
    },
    /// Read, starred and archived state of articles (all when none is named); the flags
    /// change it for the named articles, as the reader's m, s and A keys do.
    Triage {
        articles: Vec<String>,
        #[arg(long, conflicts_with = "unread")]
        read: bool,
        #[arg(long)]
        unread: bool,
        #[arg(long, conflicts_with = "unstar")]
        star: bool,
        #[arg(long)]
        unstar: bool,
        #[arg(long, conflicts_with = "unarchive")]
        archive: bool,
        #[arg(long)]
        unarchive: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Add, list and remove highlights.
    Highlights {
        #[command(subcommand)]
        action: HighlightsCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum HighlightsCommand {
    /// Highlight the first occurrence of TEXT in an article.
    Add {
        article: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        /// A second text for a bilingual highlight: the counterpart article…
        #[arg(long, requires = "counterpart_text")]
        counterpart: Option<String>,
        /// …and the passage in it.
        #[arg(long, requires = "counterpart")]
        counterpart_text: Option<String>,
    },
    /// List highlights.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[arg(long)]
        article: Option<String>,
    },
    /// Remove a highlight by id.
    Rm { id: i64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    Csv,
}

/// An error that ends a command: printed as `diglot: MESSAGE`, exit status 1.
/// The message is final: whatever caused it (a [`LoadError`], a [`StoreError`]) is
/// already written into it, path and reason.
///
/// [`StoreError`]: crate::store::StoreError
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct CliError(pub String);

impl From<LoadError> for CliError {
    fn from(e: LoadError) -> Self {
        CliError(e.to_string())
    }
}

/// What every command needs: the corpus (loaded once) and where the store lives.
pub struct Context {
    pub corpus: Corpus,
    pub db: Option<PathBuf>,
}

impl Context {
    /// Load the corpus named by `--corpus`, or the bundled one.
    pub fn load(corpus_dir: Option<&Path>, db: Option<PathBuf>) -> Result<Context, CliError> {
        let corpus = match corpus_dir {
            Some(dir) => ingest::load_dir_cached(dir, ingest::cache::default_location().as_deref())?,
            None => ingest::bundled(),
        };
        Ok(Context { corpus, db })
    }

    /// What `list` needs: the articles' metadata, from the index when it is up to date
    /// (see [`ingest::load_dir_metadata`]); the bodies are left empty.
    pub fn load_metadata(corpus_dir: Option<&Path>, db: Option<PathBuf>) -> Result<Context, CliError> {
        let corpus = match corpus_dir {
            Some(dir) => ingest::load_dir_metadata(dir, ingest::cache::default_location().as_deref())?,
            None => ingest::bundled(),
        };
        Ok(Context { corpus, db })
    }

    /// An article by id from the corpus, or else by path to any readable file.
    pub fn resolve(&self, id_or_path: &str) -> Result<Article, CliError> {
        // The id, or the path the corpus gave the article (`corpus/004_….txt` for a
        // bundled one, which exists inside the binary rather than on disk).
        if let Some(a) = self.corpus.get(id_or_path).or_else(|| self.corpus.articles.iter().find(|a| a.path == id_or_path)) {
            return Ok(a.clone());
        }
        let p = Path::new(id_or_path);
        if p.is_dir() {
            return Err(CliError(format!(
                "{id_or_path} is a folder, not an article (to read a folder: diglot --corpus {id_or_path} list)"
            )));
        }
        // Anything else there (a named pipe, a broken link…) is read or refused with the reason.
        if std::fs::symlink_metadata(p).is_ok() {
            return Ok(ingest::load_file(p)?);
        }
        Err(CliError(format!(
            "{id_or_path}: no article with that id in the corpus, and no such file"
        )))
    }
}

/// Run a parsed command line; returns what to print on stdout.
pub fn run(cli: Cli) -> Result<String, CliError> {
    if let Some(Command::Index) = cli.command {
        let dir = cli.corpus.as_deref().ok_or_else(|| {
            CliError("index needs a folder: diglot index --corpus DIR (the bundled corpus needs none)".into())
        })?;
        return search::index(dir);
    }
    // The reader on a folder opens at once and reads the files while it runs.
    if let (None, Some(dir)) = (&cli.command, &cli.corpus)
        && std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal()
    {
        return read_folder_in_reader(dir, cli.db.as_deref());
    }
    // A folder of thousands of pages takes seconds to read: say so rather than leave the
    // terminal blank before the reader's first frame.
    let announce = cli.command.is_none() && cli.corpus.is_some() && std::io::stderr().is_terminal();
    if let (true, Some(dir)) = (announce, &cli.corpus) {
        sanitize::say_pending(format_args!("reading {} …", dir.display()));
    }
    let ctx = match cli.command {
        // A listing prints metadata only: no article needs decoding; pairs come from the
        // profiles in the index, and the quotes of the whole corpus from the index too.
        Some(Command::List { .. } | Command::Pairs { .. }) => Context::load_metadata(cli.corpus.as_deref(), cli.db.clone()),
        Some(Command::Quotes { ref articles, .. }) if articles.is_empty() => {
            Context::load_metadata(cli.corpus.as_deref(), cli.db.clone())
        }
        _ => Context::load(cli.corpus.as_deref(), cli.db.clone()),
    };
    if announce {
        // The line only mattered while waiting.
        crate::index::progress::clear_line();
    }
    let ctx = ctx?;
    // A folder with nothing to read: the reader does not open; a command still answers
    // (an empty list is a valid answer for a script) and says why on stderr.
    let nothing_to_read = cli.corpus.as_deref().filter(|_| ctx.corpus.articles.is_empty()).map(|dir| no_article_message(dir, &ctx.corpus));
    // The reader reports after it gives the terminal back, where the user can read it.
    if cli.command.is_some() || nothing_to_read.is_some() {
        report_load_problems(&ctx.corpus);
    }
    if let Some(message) = nothing_to_read {
        if cli.command.is_none() {
            return Err(CliError(message));
        }
        say(&message);
    }
    match cli.command {
        None => {
            let (result, _) = crate::tui::run_reader(crate::tui::ReaderInput::Corpus(&ctx.corpus), ctx.db.as_deref());
            // After the terminal is given back: the alternate screen hid them.
            report_load_problems(&ctx.corpus);
            result.map(|()| String::new()).map_err(|e| CliError(e.to_string()))
        }
        Some(Command::List { format }) => articles::list(&ctx, format),
        // Answered above, before the corpus is loaded.
        Some(Command::Index) => Ok(String::new()),
        Some(Command::Search { query, format }) => search::search(&ctx, &query, format),
        Some(Command::Show { article, format }) => articles::show(&ctx, &article, format),
        Some(Command::Quotes { articles, format, all }) => quotes::quotes(&ctx, &articles, format, all),
        Some(Command::Speakers { format }) => quotes::speakers(&ctx, format),
        Some(Command::Pairs { format }) => bilingual::pairs(&ctx, cli.corpus.as_deref(), format),
        Some(Command::Align { left, right, format }) => bilingual::align(&ctx, &left, &right, format),
        Some(Command::Export { format, output, article, tag }) => {
            highlights::export(&ctx, format, output.as_deref(), article.as_deref(), tag.as_deref())
        }
        Some(Command::Highlights { action }) => highlights::run(&ctx, action),
        Some(Command::Triage { articles, read, unread, star, unstar, archive, unarchive, format }) => {
            // A flag and its opposite cannot both be given (clap refuses that).
            let set = |on: bool, off: bool| (on || off).then_some(on);
            let change = triage::TriageChange {
                read: set(read, unread),
                starred: set(star, unstar),
                archived: set(archive, unarchive),
            };
            triage::triage(&ctx, &articles, change, format)
        }
    }
}

/// The reader on the folder `dir`: listed now (a folder with no article file does not
/// open the reader), read while the reader runs; what could not be read is named after
/// the terminal is given back.
fn read_folder_in_reader(dir: &Path, db: Option<&Path>) -> Result<String, CliError> {
    let (paths, listing) = ingest::list_folder(dir)?;
    if paths.is_empty() {
        report_load_problems(&listing);
        return Err(CliError(no_article_message(dir, &listing)));
    }
    let (result, report) = crate::tui::run_reader(crate::tui::ReaderInput::Folder { dir, paths, listing }, db);
    report_problems(&report.errors, report.warnings.iter().map(|(p, w)| (p.as_str(), w.as_str())));
    result.map(|()| String::new()).map_err(|e| CliError(e.to_string()))
}

/// Why a folder gave no article: nothing diglot reads there, or every file refused.
fn no_article_message(dir: &Path, corpus: &Corpus) -> String {
    let dir = crate::sanitize::strip_controls(&dir.display().to_string());
    match corpus.errors.len() {
        0 => format!("{dir}: no article in this folder (diglot reads .html .htm .txt .md)"),
        n => format!("{dir}: no readable article ({n} file{} skipped, see above)", if n == 1 { "" } else { "s" }),
    }
}

/// Bad files are named on stderr with the reason; the rest still loads. Files that loaded
/// only after repairs (escape sequences removed, HTML too deep for the normal converter)
/// are named too, as warnings.
pub fn report_load_problems(corpus: &Corpus) {
    let manifest = corpus.manifest_warnings();
    let manifest = manifest.iter().map(|(p, w)| (p.as_str(), w.as_str()));
    let warnings = corpus.articles.iter().flat_map(|a| a.meta.warnings.iter().map(|w| (a.path.as_str(), w.as_str())));
    report_problems(&corpus.errors, manifest.chain(warnings));
}

/// Files skipped, then (path, warning) about others, one line each on stderr.
fn report_problems<'a>(errors: &[LoadError], warnings: impl Iterator<Item = (&'a str, &'a str)>) {
    for e in errors {
        say(format_args!("skipped {e}"));
    }
    for (path, w) in warnings {
        say(format_args!("warning: {path}: {w}"));
    }
}

/// The command line, where an environment variable set to nothing (`DIGLOT_DB=`) counts
/// as unset: clap would otherwise take it for an empty `--db` and ask for a value the user
/// never typed.
fn parse_args() -> Cli {
    let mut command = Cli::command();
    let empty: Vec<clap::Id> = command
        .get_arguments()
        .filter(|arg| arg.get_env().and_then(std::env::var_os).is_some_and(|v| v.is_empty()))
        .map(|arg| arg.get_id().clone())
        .collect();
    for id in empty {
        command = command.mut_arg(id, |arg| arg.env(None));
    }
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Entry point for the binary: parse, run, print; returns the exit status.
pub fn main() -> i32 {
    let cli = parse_args();
    match run(cli) {
        Ok(out) => match Safe::text(&out).print() {
            Ok(()) => 0,
            // A closed pipe (`diglot list | head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            // A full disk or a failing device must not pass for success.
            Err(e) => {
                say(format_args!("cannot write to standard output: {e}"));
                1
            }
        },
        Err(e) => {
            say(&e);
            1
        }
    }
}
