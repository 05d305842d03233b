//! The thin event loop: terminal setup/restore and key events → `Action`s.
//!
//! The loop is generic over the ratatui `Backend` and over where events come from, so
//! tests and benchmarks run it on a `TestBackend` with scripted events.

use crate::app::keymap::{self, KeyChord};
use crate::app::{Action, App, Effect, KeyCode, Modifiers, Places};
use crate::ingest::Corpus;
use crate::store::Store;
use crate::ui;
use crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

pub mod effects;
pub mod loader;
mod terminal_watch;

pub use effects::Session;

/// Set while we own the terminal, so the panic hook restores it only when needed.
static TERMINAL_ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Why the reader could not run or stopped: the terminal layer's error, printed by the
/// CLI as `diglot: MESSAGE`. The I/O or backend error behind it is its source.
#[derive(Debug, thiserror::Error)]
pub enum TerminalError {
    #[error(
        "the reader needs a terminal (standard input and output are not both one); \
         for scripts use `diglot list`, `diglot show ID` or `diglot quotes`"
    )]
    NotATerminal,
    #[error("cannot set up the terminal: {0}")]
    Setup(#[source] io::Error),
    #[error("cannot watch the terminal: {0}")]
    Watch(#[source] io::Error),
    /// The terminal went away or the session was stopped (a hang-up, a signal, the end
    /// of a test's script): the system's words suffice.
    #[error("{0}")]
    Closed(#[source] io::Error),
    /// Reading events or drawing failed.
    #[error("terminal error: {0}")]
    Io(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// What the reader opens on.
pub enum ReaderInput<'a> {
    /// Articles read already (the bundled corpus).
    Corpus(&'a Corpus),
    /// A folder, listed by [`crate::ingest::list_folder`] (its `paths`, and a corpus
    /// holding what the listing found: unreadable entries, the manifest); the files are
    /// read while the reader runs.
    Folder { dir: &'a Path, paths: Vec<PathBuf>, listing: Corpus },
}

/// Files the reader could not read and warnings about the others, to name after the
/// terminal is given back (the alternate screen hid them).
#[derive(Debug, Default)]
pub struct LoadReport {
    pub errors: Vec<crate::ingest::LoadError>,
    /// (path, warning)
    pub warnings: Vec<(String, String)>,
}

/// Open the reader, saving to the store at `db` (else the per-user default). Returns
/// when the user quits, with the terminal given back, and what to report about a folder
/// read meanwhile (for [`ReaderInput::Corpus`], the caller reports its corpus).
pub fn run_reader(input: ReaderInput<'_>, db: Option<&Path>) -> (Result<(), TerminalError>, LoadReport) {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return (Err(TerminalError::NotATerminal), LoadReport::default());
    }
    // The caller reports a corpus it passes; a folder read here is reported here.
    let manifest_warnings = match &input {
        ReaderInput::Folder { listing, .. } => listing.manifest_warnings(),
        ReaderInput::Corpus(_) => Vec::new(),
    };
    let mut app = match open_session(input, db) {
        Ok(app) => app,
        Err(e) => return (Err(e), LoadReport::default()),
    };
    let result = run_session(&mut app);
    let report = LoadReport {
        errors: app.catalog.errors.clone(),
        warnings: manifest_warnings
            .into_iter()
            .chain(app.catalog.rows().flat_map(|(_, r)| r.meta.warnings.iter().map(|w| (r.path.clone(), w.clone()))))
            .collect(),
    };
    (result, report)
}

/// The app over `input`, with the store, the keymap and the environment's settings.
fn open_session(input: ReaderInput<'_>, db: Option<&Path>) -> Result<Session, TerminalError> {
    let (store, writable, store_problem) = open_store(db);
    let mut triage = HashMap::new();
    let mut problems: Vec<String> = store_problem.into_iter().collect();
    if let Some(store) = &store {
        match store.all_triage() {
            Ok(t) => triage = t,
            Err(e) => problems.push(format!("triage not loaded: {e}")),
        }
    }
    let app = match input {
        ReaderInput::Corpus(corpus) => {
            // Highlights follow edited article files before anything is shown.
            if let Some(Err(e)) = store.as_ref().map(|s| s.reanchor(&corpus.articles)) {
                problems.push(format!("highlights not re-anchored: {e}"));
            }
            let mut app = App::new(corpus.clone(), triage);
            app.status = crate::app::catalog::skipped_message(&corpus.errors);
            app
        }
        ReaderInput::Folder { dir, paths, listing } => {
            let (tx, rx) = std::sync::mpsc::channel();
            let source = loader::FolderSource::new(dir, crate::ingest::cache::default_location().as_deref());
            let mut catalog = crate::app::catalog::Catalog::streaming(source.clone(), rx);
            catalog.errors = listing.errors;
            let app = App::with_catalog(catalog, listing.manifest.clone(), triage);
            // Highlights follow edited files once the folder is read (on the worker).
            let reanchor = if writable { db.map(Path::to_path_buf).or_else(Store::default_path) } else { None };
            loader::spawn(loader::Job { dir: dir.to_path_buf(), paths, manifest: listing.manifest, source, reanchor }, tx, app.wake_flag());
            app
        }
    };
    let (keymap, warnings) = keymap::load_keymap(keymap::config_path().as_deref());
    let mut app = Session::new(app.with_keymap(keymap).with_places(places_from_env()));
    app.config_warnings = warnings;
    match store {
        Some(store) if writable => app.attach_store(store),
        Some(store) => app.attach_read_only_store(store),
        None => {}
    }
    if !problems.is_empty() {
        app.set_store_problem(problems.join("; "));
    }
    app.no_color = ui::theme::no_color_from_env();
    app.can_suspend = can_suspend();
    if !app.config_warnings.is_empty() {
        app.status = Some("config file has problems, default keys used (details on stderr after quitting)".into());
    }
    Ok(app)
}

/// Take the terminal, run the loop until the user quits, give the terminal back.
fn run_session(app: &mut Session) -> Result<(), TerminalError> {
    // We honour NO_COLOR ourselves (the theme then holds no colour at all). crossterm's
    // own handling would turn every colour change into a bare `ESC[m`, which also resets
    // reverse video and bold: the selection would vanish. So crossterm writes what we ask.
    crossterm::style::force_color_output(true);
    let mut terminal = init_terminal().map_err(TerminalError::Setup)?;
    // A way for the end-to-end test to check that a panic in the middle of a session
    // still gives the user their terminal back, in the build the user runs (release) as
    // in a debug build: it only ever ends the process that asked for it.
    let panic_on_key = std::env::var_os("DIGLOT_DEBUG_PANIC_ON_KEY").is_some();
    // A closed SSH session (SIGHUP), a `kill` (SIGTERM) or a terminal that went away ends
    // the loop as if the user quit (see `terminal_watch`), whether or not the terminal is
    // still there. Every write the user saw acknowledged is already on disk.
    let watch = match terminal_watch::TerminalWatch::install(restore_terminal) {
        Ok(w) => w,
        Err(e) => {
            drop(terminal);
            restore_terminal();
            return Err(TerminalError::Watch(e));
        }
    };
    // Work finished in the background (a long article's quotes): redraw, as a resize to
    // the same size does.
    let wake = app.wake_flag();
    let next_event = || {
        let event = watch.next_event(&wake)?;
        if panic_on_key && matches!(event, Event::Key(_)) {
            panic!("DIGLOT_DEBUG_PANIC_ON_KEY: deliberate panic");
        }
        Ok(event)
    };
    let result = run_loop(&mut terminal, app, next_event, |effect| match effect {
        Effect::Clipboard(text) => {
            // Base64 inside the OSC 52 sequence: nothing in `text` reaches the terminal raw.
            let mut out = io::stdout();
            let _ = out.write_all(crate::export::osc52(text).as_bytes());
            let _ = out.flush();
        }
        Effect::Suspend => suspend(),
        _ => {}
    });
    watch.disarm();
    // Not dropped: ratatui's drop shows the cursor and prints its own line when that
    // fails (the terminal went away); `restore_terminal` shows it, quietly.
    std::mem::forget(terminal);
    restore_terminal();
    for w in &app.config_warnings {
        crate::sanitize::say(w);
    }
    result
}

/// Exports go to `$XDG_DATA_HOME/diglot/exports` (or the platform's data folder, else
/// the working folder); `$HOME` is shown as `~` unless it is unset, relative or `/`.
fn places_from_env() -> Places {
    let export_dir = directories::ProjectDirs::from("", "", "diglot").map_or_else(|| PathBuf::from("."), |d| d.data_dir().join("exports"));
    let home = std::env::var_os("HOME").map(PathBuf::from).filter(|h| h.is_absolute() && h.as_os_str().len() > 1);
    Places { export_dir, home }
}

/// The store named by `--db` / `DIGLOT_DB`, else the per-user default. When it cannot
/// be opened for writing it is opened read-only, else not at all; the message (naming the
/// file) says so. Nothing is ever reset. Returns (store, writable, problem).
pub fn open_store(db: Option<&Path>) -> (Option<Store>, bool, Option<String>) {
    let Some(path) = db.map(Path::to_path_buf).or_else(Store::default_path) else {
        return (None, false, Some("no data folder for the store (pass --db FILE): highlights and triage will not be saved".into()));
    };
    // Short busy timeout: the reader must not freeze for long behind another process's
    // lock; a refused write is reported and can simply be retried.
    match Store::open_with_timeout(&path, std::time::Duration::from_secs(2)) {
        Ok(s) => (Some(s), true, None),
        Err(e) => match Store::open_read_only(&path) {
            Ok(s) => (Some(s), false, Some(format!("store is read-only, changes will not be saved: {e}"))),
            Err(_) => (None, false, Some(format!("store not opened, nothing will be saved: {e}"))),
        },
    }
}

/// Raw mode, alternate screen and bracketed paste (so a paste goes into a prompt as text
/// instead of running as commands). A panic restores the terminal before its message.
pub fn init_terminal() -> io::Result<ratatui::DefaultTerminal> {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
    });
    TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
    let terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            restore_terminal();
            return Err(e);
        }
    };
    if let Err(e) = execute!(io::stdout(), EnableBracketedPaste) {
        restore_terminal();
        return Err(e);
    }
    Ok(terminal)
}

/// Undo everything a terminal app may have turned on: mouse capture, bracketed paste,
/// hidden cursor, raw mode, alternate screen. Safe to call more than once.
pub fn restore_terminal() {
    if !TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste, crossterm::cursor::Show);
    // Raw mode off, then leave the alternate screen (last, so the user's screen returns).
    let _ = ratatui::try_restore();
}

/// Whether a job-control shell put the reader in a process group of its own, so it can
/// stop and be continued by `fg`. Started straight by tmux or `sh -c`, the reader is in
/// the session leader's group, where the kernel ignores a stop.
fn can_suspend() -> bool {
    rustix::process::getsid(None).is_ok_and(|session| session != rustix::process::getpgrp())
}

/// `Ctrl-Z`: give the terminal back as it was, stop until the shell's `fg` continues the
/// process, then take the terminal again (the loop then repaints everything).
fn suspend() {
    restore_terminal();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    // Continued.
    TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
    let _ = crossterm::terminal::enable_raw_mode();
    let _ = execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste,
        crossterm::cursor::Hide
    );
}

/// Where the loop's events come from: the terminal, or a script in tests.
pub trait EventSource {
    /// The next event; an error ends the loop (a hang-up, a stop signal, a script's end).
    fn next_event(&mut self) -> io::Result<Event>;
}

impl<F: FnMut() -> io::Result<Event>> EventSource for F {
    fn next_event(&mut self) -> io::Result<Event> {
        self()
    }
}

/// Draw, then handle events until the user quits. Redraws only after an event that was
/// handled (ratatui then writes only the cells that changed). Store and file effects are
/// carried out by the [`Session`] before the frame (so the frame shows their results);
/// `on_effect` gets the clipboard effects after it, so the OSC 52 bytes never land in the
/// middle of a frame, and the suspend.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut Session,
    mut events: impl EventSource,
    mut on_effect: impl FnMut(&Effect),
) -> Result<(), TerminalError>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(draw_error)?;
    app.update(Action::Resize(size.width, size.height));
    terminal.draw(|f| ui::draw(f, app)).map_err(draw_error)?;
    loop {
        let event = events.next_event().map_err(terminal_error)?;
        let Some(mut effects) = handle_event(app, event) else { continue };
        refuse_oversized_copies(app, &mut effects);
        let (mut quit, mut repaint) = (false, false);
        for e in &effects {
            match e {
                Effect::Quit => quit = true,
                Effect::Repaint => repaint = true,
                Effect::Suspend => {
                    on_effect(e);
                    repaint = true;
                }
                // Carried out by the session; the clipboard waits for the frame.
                Effect::SaveTriage(..) | Effect::Store(_) | Effect::LoadHighlights | Effect::Export { .. } | Effect::Clipboard(_) => {}
            }
        }
        if quit {
            return Ok(());
        }
        if repaint {
            // Whatever else wrote to the terminal (or its size while suspended) is
            // forgotten: every cell is written again.
            let size = terminal.size().map_err(draw_error)?;
            app.update(Action::Resize(size.width, size.height));
            // `resize` clears and forgets the last frame without asking the terminal where its
            // cursor is (`clear` does, which costs a round trip or times out).
            terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height)).map_err(draw_error)?;
        }
        terminal.draw(|f| ui::draw(f, app)).map_err(draw_error)?;
        for e in effects.iter().filter(|e| matches!(e, Effect::Clipboard(_))) {
            on_effect(e);
        }
    }
}

/// A copy larger than terminals accept in one OSC 52 sequence (a selection over a whole
/// long article) is not sent: megabytes of base64 would stall the terminal or an SSH
/// link, and most terminals drop it anyway. The status bar says so instead.
fn refuse_oversized_copies(app: &mut Session, effects: &mut Vec<Effect>) {
    let limit = crate::export::OSC52_MAX_TEXT_BYTES;
    let before = effects.len();
    let mut largest = 0;
    effects.retain(|e| match e {
        Effect::Clipboard(text) if text.len() > limit => {
            largest = largest.max(text.len());
            false
        }
        _ => true,
    });
    if effects.len() < before {
        app.status = Some(format!(
            "not copied: {} KB is more than a terminal's clipboard takes ({} KB); highlight it and export instead (H, then e)",
            largest / 1000,
            limit / 1000
        ));
    }
}

/// One line for stderr. A hang-up or a stop signal explains itself.
fn terminal_error(e: io::Error) -> TerminalError {
    match e.kind() {
        io::ErrorKind::BrokenPipe | io::ErrorKind::Interrupted => TerminalError::Closed(e),
        _ => TerminalError::Io(Box::new(e)),
    }
}

fn draw_error(e: impl std::error::Error + Send + Sync + 'static) -> TerminalError {
    TerminalError::Io(Box::new(e))
}

/// Apply one terminal event (and carry out the store and file effects it asks for);
/// `None` when it changed nothing (no redraw needed).
pub fn handle_event(app: &mut Session, event: Event) -> Option<Vec<Effect>> {
    match event {
        Event::Key(k) => key_chord(&k).and_then(|c| app.handle_key(c)),
        Event::Resize(w, h) => Some(app.update(Action::Resize(w, h))),
        Event::Paste(s) => Some(app.update(Action::Paste(s))),
        _ => None,
    }
}

/// The terminal's key event as diglot's key; `None` for a key release (terminals that
/// report them would otherwise act twice).
pub fn key_chord(e: &KeyEvent) -> Option<KeyChord> {
    if e.kind == KeyEventKind::Release {
        return None;
    }
    Some(KeyChord::new(key_code(e.code), modifiers(e.modifiers)))
}

/// The keys crossterm and diglot both name, once for both directions.
const NAMED_KEYS: [(event::KeyCode, KeyCode); 15] = [
    (event::KeyCode::Up, KeyCode::Up),
    (event::KeyCode::Down, KeyCode::Down),
    (event::KeyCode::Left, KeyCode::Left),
    (event::KeyCode::Right, KeyCode::Right),
    (event::KeyCode::PageUp, KeyCode::PageUp),
    (event::KeyCode::PageDown, KeyCode::PageDown),
    (event::KeyCode::Home, KeyCode::Home),
    (event::KeyCode::End, KeyCode::End),
    (event::KeyCode::Enter, KeyCode::Enter),
    (event::KeyCode::Esc, KeyCode::Esc),
    (event::KeyCode::Tab, KeyCode::Tab),
    (event::KeyCode::BackTab, KeyCode::BackTab),
    (event::KeyCode::Backspace, KeyCode::Backspace),
    (event::KeyCode::Delete, KeyCode::Delete),
    (event::KeyCode::Insert, KeyCode::Insert),
];

/// The modifiers crossterm and diglot both name.
const MODIFIERS: [(KeyModifiers, Modifiers); 3] =
    [(KeyModifiers::CONTROL, Modifiers::CONTROL), (KeyModifiers::ALT, Modifiers::ALT), (KeyModifiers::SHIFT, Modifiers::SHIFT)];

fn key_code(code: event::KeyCode) -> KeyCode {
    use event::KeyCode as K;
    match code {
        K::Char(c) => KeyCode::Char(c),
        K::F(n) => KeyCode::F(n),
        K::Null => KeyCode::Other("Null"),
        K::CapsLock => KeyCode::Other("CapsLock"),
        K::ScrollLock => KeyCode::Other("ScrollLock"),
        K::NumLock => KeyCode::Other("NumLock"),
        K::PrintScreen => KeyCode::Other("PrintScreen"),
        K::Pause => KeyCode::Other("Pause"),
        K::Menu => KeyCode::Other("Menu"),
        K::KeypadBegin => KeyCode::Other("KeypadBegin"),
        K::Media(_) => KeyCode::Other("Media"),
        K::Modifier(_) => KeyCode::Other("Modifier"),
        named => NAMED_KEYS.iter().find(|(theirs, _)| *theirs == named).map_or(KeyCode::Other("?"), |(_, ours)| *ours),
    }
}

fn modifiers(m: KeyModifiers) -> Modifiers {
    MODIFIERS.into_iter().filter(|(theirs, _)| m.contains(*theirs)).fold(Modifiers::NONE, |all, (_, ours)| all | ours)
}

/// The terminal's key event for diglot's key (what a terminal sends for it): scripted
/// events for tests and benchmarks of the real loop. `None` for a key only named.
pub fn terminal_key(key: &KeyChord) -> Option<KeyEvent> {
    let code = match key.code {
        KeyCode::Char(c) => event::KeyCode::Char(c),
        KeyCode::F(n) => event::KeyCode::F(n),
        KeyCode::Other(_) => return None,
        named => NAMED_KEYS.iter().find(|(_, ours)| *ours == named)?.0,
    };
    let mods = MODIFIERS.into_iter().filter(|(_, ours)| key.mods.contains(*ours)).fold(KeyModifiers::NONE, |all, (theirs, _)| all | theirs);
    Some(KeyEvent::new(code, mods))
}
