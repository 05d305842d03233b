//! Keys → commands, per context. The defaults live in `assets/keymap.toml` (compiled in);
//! users override them in `$XDG_CONFIG_HOME/diglot/config.toml` under `[keys.<context>]`.
//! The help overlay is generated from the same table, so it always tells the truth.

use super::action::Command;
pub use super::input::{KeyCode, Modifiers};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Where a key is looked up. Pane contexts fall back to `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyContext {
    Global,
    List,
    Body,
    Quotes,
    Help,
    Input,
    /// A visual selection in the body (`v`).
    Visual,
    /// The highlights view (`H`).
    Highlights,
    /// The side-by-side bilingual view (`b`).
    Bilingual,
    /// The speakers view (`S`).
    Speakers,
}

impl KeyContext {
    pub const ALL: [KeyContext; 10] = [
        KeyContext::Global,
        KeyContext::List,
        KeyContext::Body,
        KeyContext::Quotes,
        KeyContext::Visual,
        KeyContext::Highlights,
        KeyContext::Bilingual,
        KeyContext::Speakers,
        KeyContext::Help,
        KeyContext::Input,
    ];

    pub fn name(self) -> &'static str {
        match self {
            KeyContext::Global => "global",
            KeyContext::List => "list",
            KeyContext::Body => "body",
            KeyContext::Quotes => "quotes",
            KeyContext::Help => "help",
            KeyContext::Input => "input",
            KeyContext::Visual => "visual",
            KeyContext::Highlights => "highlights",
            KeyContext::Bilingual => "bilingual",
            KeyContext::Speakers => "speakers",
        }
    }

    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Global => "Reader (list, body and quotes)",
            KeyContext::List => "Article list",
            KeyContext::Body => "Article body",
            KeyContext::Quotes => "Quotes pane",
            KeyContext::Help => "This help",
            KeyContext::Input => "Prompts (/ search, f filter, n note)",
            KeyContext::Visual => "Visual selection in the body (v)",
            KeyContext::Highlights => "Highlights view (H)",
            KeyContext::Bilingual => "Side-by-side bilingual view (b)",
            KeyContext::Speakers => "Speakers view (S)",
        }
    }

    pub fn from_name(s: &str) -> Option<KeyContext> {
        KeyContext::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// A key with its modifiers, normalised so that "G" and Shift+g compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub mods: Modifiers,
}

/// What is wrong in a keymap or config file (or a key name). The messages name the key,
/// command or section as the user wrote it; the caller adds the file name.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("unknown key {0:?}")]
    UnknownKey(String),
    #[error("{key:?}: unknown command {command:?}")]
    UnknownCommand { key: String, command: String },
    #[error("{0:?}: the command must be a string")]
    CommandNotAString(String),
    /// The section as written (`keys.nowhere`) and the names that exist.
    #[error("unknown key context [{section}] (expected one of: {expected})")]
    UnknownContext { section: String, expected: String },
    #[error("[{0}] must be a table of key = \"command\"")]
    SectionNotATable(String),
    #[error("[keys] must be a table")]
    KeysNotATable,
    /// A problem with one binding of `section`.
    #[error("[{section}] {problem}")]
    InSection {
        section: String,
        #[source]
        problem: Box<KeymapError>,
    },
    #[error("not valid TOML: {}", .0.message())]
    NotToml(#[source] toml::de::Error),
}

impl KeyChord {
    pub fn new(code: KeyCode, mods: Modifiers) -> Self {
        let mut mods = mods & (Modifiers::CONTROL | Modifiers::ALT | Modifiers::SHIFT);
        let mut code = code;
        match code {
            // The character already carries the shift; Ctrl-D and Ctrl-d are the same key.
            KeyCode::Char(c) => {
                mods.remove(Modifiers::SHIFT);
                if mods.contains(Modifiers::CONTROL) {
                    code = KeyCode::Char(c.to_ascii_lowercase());
                }
            }
            KeyCode::BackTab => mods.remove(Modifiers::SHIFT),
            KeyCode::Tab if mods.contains(Modifiers::SHIFT) => {
                code = KeyCode::BackTab;
                mods.remove(Modifiers::SHIFT);
            }
            _ => {}
        }
        KeyChord { code, mods }
    }

    /// Parse "j", "G", "Ctrl-d", "S-Tab", "PageDown", "Alt-x", "F1", "Space".
    pub fn parse(s: &str) -> Result<Self, KeymapError> {
        let mut mods = Modifiers::NONE;
        let mut rest = s;
        loop {
            if rest.chars().count() <= 1 {
                break;
            }
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "c-", "alt-", "a-", "m-", "shift-", "s-"]
                .into_iter()
                .find(|p| lower.starts_with(p));
            let Some(p) = prefix else { break };
            mods |= match p {
                "ctrl-" | "c-" => Modifiers::CONTROL,
                "alt-" | "a-" | "m-" => Modifiers::ALT,
                _ => Modifiers::SHIFT,
            };
            rest = &rest[p.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "down" => KeyCode::Down,
                "up" => KeyCode::Up,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "pageup" | "pgup" => KeyCode::PageUp,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) => {
                    KeyCode::F(f[1..].parse().unwrap_or(1))
                }
                _ => return Err(KeymapError::UnknownKey(s.to_string())),
            },
        };
        Ok(Self::new(code, mods))
    }

    /// The key as written in keymap files and the help overlay.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(Modifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(Modifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(Modifiers::SHIFT) {
            out.push_str("S-");
        }
        match self.code {
            KeyCode::Char(' ') => out.push_str("Space"),
            KeyCode::Char(c) => out.push(c),
            KeyCode::Down => out.push_str("Down"),
            KeyCode::Up => out.push_str("Up"),
            KeyCode::Left => out.push_str("Left"),
            KeyCode::Right => out.push_str("Right"),
            KeyCode::PageDown => out.push_str("PgDn"),
            KeyCode::PageUp => out.push_str("PgUp"),
            KeyCode::Home => out.push_str("Home"),
            KeyCode::End => out.push_str("End"),
            KeyCode::Enter => out.push_str("Enter"),
            KeyCode::Esc => out.push_str("Esc"),
            KeyCode::Tab => out.push_str("Tab"),
            KeyCode::BackTab => out.push_str("S-Tab"),
            KeyCode::Backspace => out.push_str("Backspace"),
            KeyCode::Delete => out.push_str("Delete"),
            KeyCode::Insert => out.push_str("Insert"),
            KeyCode::F(n) => out.push_str(&format!("F{n}")),
            KeyCode::Other(name) => out.push_str(name),
        }
        out
    }
}

/// The key bindings of every context.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: HashMap<(KeyContext, KeyChord), Command>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut k = Keymap { bindings: HashMap::new() };
        // The embedded file is checked by a unit test, so this cannot fail in a release.
        let _ = k.apply_keymap_text(DEFAULT_KEYMAP);
        k
    }
}

impl Keymap {
    /// An empty keymap (tests, or a user who wants to start from scratch).
    pub fn empty() -> Self {
        Keymap { bindings: HashMap::new() }
    }

    /// The command bound to `key` in `context` only (no fallback).
    pub fn get(&self, context: KeyContext, key: &KeyChord) -> Option<Command> {
        self.bindings.get(&(context, *key)).copied()
    }

    /// The command for `key` in a pane context, falling back to the global table.
    pub fn lookup(&self, context: KeyContext, key: &KeyChord) -> Option<Command> {
        self.get(context, key).or_else(|| match context {
            KeyContext::List | KeyContext::Body | KeyContext::Quotes => self.get(KeyContext::Global, key),
            // Repainting and suspending belong to the terminal, not to a view.
            _ => self.get(KeyContext::Global, key).filter(|c| matches!(c, Command::Redraw | Command::Suspend)),
        })
    }

    pub fn bind(&mut self, context: KeyContext, key: KeyChord, command: Command) {
        self.bindings.insert((context, key), command);
    }

    pub fn unbind(&mut self, context: KeyContext, key: &KeyChord) {
        self.bindings.remove(&(context, *key));
    }

    /// The keys bound to `command` in `context`, shortest label first.
    pub fn keys_for(&self, context: KeyContext, command: Command) -> Vec<String> {
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|((c, _), cmd)| *c == context && **cmd == command)
            .map(|((_, k), _)| k.label())
            .collect();
        keys.sort_by(|a, b| (a.chars().count(), a).cmp(&(b.chars().count(), b)));
        keys
    }

    /// Help rows per context: (context, [(keys, command)]) in command order.
    pub fn help_sections(&self) -> Vec<(KeyContext, Vec<(String, Command)>)> {
        KeyContext::ALL
            .into_iter()
            .map(|ctx| {
                let rows = Command::ALL
                    .iter()
                    .filter_map(|&cmd| {
                        let keys = self.keys_for(ctx, cmd);
                        (!keys.is_empty()).then(|| (keys.join(" "), cmd))
                    })
                    .collect::<Vec<_>>();
                (ctx, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect()
    }

    /// Apply the `[context] key = "command"` tables of a keymap file's text (the format of
    /// `assets/keymap.toml`). Everything is checked first; on any error nothing is changed
    /// and every problem is returned.
    pub fn apply_keymap_text(&mut self, text: &str) -> Result<(), Vec<KeymapError>> {
        let sections: KeySections = toml::from_str(text).map_err(not_toml)?;
        self.apply_sections(&sections, "")
    }

    /// Apply `sections` (which sit under `prefix` in their file: `keys.` in a user config,
    /// so messages name each section as the user wrote it).
    fn apply_sections(&mut self, sections: &KeySections, prefix: &str) -> Result<(), Vec<KeymapError>> {
        let mut changes = Vec::new();
        let mut errors = Vec::new();
        for (name, section) in sections {
            let ctx_name = format!("{prefix}{name}");
            let Some(ctx) = KeyContext::from_name(name) else {
                errors.push(KeymapError::UnknownContext {
                    section: ctx_name,
                    expected: KeyContext::ALL.map(|c| c.name()).join(", "),
                });
                continue;
            };
            let Section::Bindings(entries) = section else {
                errors.push(KeymapError::SectionNotATable(ctx_name));
                continue;
            };
            for (key, value) in entries {
                match parse_binding(key, value) {
                    Ok((chord, cmd)) => changes.push((ctx, chord, cmd)),
                    Err(e) => errors.push(KeymapError::InSection { section: ctx_name.clone(), problem: Box::new(e) }),
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for (ctx, chord, cmd) in changes {
            match cmd {
                Some(cmd) => self.bind(ctx, chord, cmd),
                None => self.unbind(ctx, &chord),
            }
        }
        Ok(())
    }

    /// Apply the `[keys]` section of a user config file's text. Errors name the problem;
    /// the caller adds the file name.
    pub fn apply_config(&mut self, config_text: &str) -> Result<(), Vec<KeymapError>> {
        let config: ConfigFile = toml::from_str(config_text).map_err(not_toml)?;
        match config.keys {
            None => Ok(()),
            Some(KeysTable::Sections(sections)) => self.apply_sections(&sections, "keys."),
            Some(KeysTable::Other(_)) => Err(vec![KeymapError::KeysNotATable]),
        }
    }
}

/// A user config file: only its `[keys]` table is the reader's (other tables are left to
/// whatever else reads the file).
#[derive(Debug, Deserialize)]
struct ConfigFile {
    keys: Option<KeysTable>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeysTable {
    Sections(KeySections),
    Other(IgnoredAny),
}

/// Context name → its table of bindings.
type KeySections = BTreeMap<String, Section>;

/// One context's table, or whatever the file has in its place (reported, not fatal to
/// the parse, so every problem of the file is listed at once).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Section {
    Bindings(BTreeMap<String, Binding>),
    Other(IgnoredAny),
}

/// `key = "command"` (or `"none"` / `""` to unbind), or a value that is not a string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Binding {
    Command(String),
    Other(IgnoredAny),
}

/// The key and command of one `key = "command"` line; `None` unbinds the key.
fn parse_binding(key: &str, value: &Binding) -> Result<(KeyChord, Option<Command>), KeymapError> {
    let chord = KeyChord::parse(key)?;
    match value {
        Binding::Command(name) if name == "none" || name.is_empty() => Ok((chord, None)),
        Binding::Command(name) => match Command::from_name(name) {
            Some(cmd) => Ok((chord, Some(cmd))),
            None => Err(KeymapError::UnknownCommand { key: key.to_string(), command: name.clone() }),
        },
        Binding::Other(_) => Err(KeymapError::CommandNotAString(key.to_string())),
    }
}

fn not_toml(e: toml::de::Error) -> Vec<KeymapError> {
    vec![KeymapError::NotToml(e)]
}

/// `$XDG_CONFIG_HOME/diglot/config.toml` (else `~/.config/diglot/config.toml`, or the
/// platform's config folder).
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "diglot").map(|d| d.config_dir().join("config.toml"))
}

/// The default keymap with the user's overrides from `path` applied. A missing file is
/// fine; a bad one gives warnings (naming the file and the reason) and the defaults.
pub fn load_keymap(path: Option<&Path>) -> (Keymap, Vec<String>) {
    let mut keymap = Keymap::default();
    let Some(path) = path else { return (keymap, Vec::new()) };
    // A named pipe or `/dev/zero` as the config file must not stop the reader from
    // starting: only a regular file of a sensible size is read.
    const MAX_CONFIG_BYTES: u64 = 1 << 20;
    let text = match crate::util::fs::read_regular_file_limited(path, MAX_CONFIG_BYTES)
        .and_then(|b| String::from_utf8(b).map_err(|_| std::io::Error::other("not UTF-8 text")))
    {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (keymap, Vec::new()),
        Err(e) => return (keymap, vec![format!("{}: cannot read: {e}; using default keys", path.display())]),
    };
    let mut candidate = keymap.clone();
    match candidate.apply_config(&text) {
        Ok(()) => keymap = candidate,
        Err(errors) => {
            let warnings = errors
                .into_iter()
                .map(|e| format!("{}: {e}; using default keys", path.display()))
                .collect();
            return (keymap, warnings);
        }
    }
    (keymap, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn embedded_keymap_parses_without_errors() {
        let mut k = Keymap::empty();
        k.apply_keymap_text(DEFAULT_KEYMAP).unwrap();
        assert_eq!(k, Keymap::default());
    }

    #[test]
    fn parses_key_names_and_normalises_shift() {
        assert_eq!(key("G"), KeyChord::new(KeyCode::Char('G'), Modifiers::SHIFT));
        assert_eq!(key("S-Tab"), KeyChord::new(KeyCode::BackTab, Modifiers::SHIFT));
        assert_eq!(key("Ctrl-d"), KeyChord::new(KeyCode::Char('D'), Modifiers::CONTROL | Modifiers::SHIFT));
        assert_eq!(key("-"), KeyChord::new(KeyCode::Char('-'), Modifiers::NONE));
        assert_eq!(key("F1").code, KeyCode::F(1));
        assert_eq!(key("Space").label(), "Space");
        assert_eq!(key("Ctrl-d").label(), "Ctrl-d");
        assert!(KeyChord::parse("Hyper-x").is_err());
        assert!(KeyChord::parse("F99").is_err());
    }

    #[test]
    fn pane_contexts_fall_back_to_global() {
        let k = Keymap::default();
        assert_eq!(k.lookup(KeyContext::List, &key("Enter")), Some(Command::Open));
        assert_eq!(k.lookup(KeyContext::Quotes, &key("Enter")), Some(Command::JumpToQuote));
        assert_eq!(k.lookup(KeyContext::Body, &key("j")), Some(Command::Down));
        assert_eq!(k.lookup(KeyContext::Input, &key("j")), None);
        assert_eq!(k.lookup(KeyContext::Help, &key("q")), Some(Command::Close));
    }

    #[test]
    fn user_config_overrides_and_unbinds() {
        let mut k = Keymap::default();
        k.apply_config("[keys.global]\nx = \"quit\"\nq = \"none\"\n[other]\nfoo = 1\n").unwrap();
        assert_eq!(k.lookup(KeyContext::List, &key("x")), Some(Command::Quit));
        assert_eq!(k.lookup(KeyContext::List, &key("q")), None);
    }

    #[test]
    fn bad_config_is_rejected_whole_with_reasons() {
        let mut k = Keymap::default();
        let errs = k
            .apply_config("[keys.global]\nx = \"quit\"\ny = \"fly\"\n[keys.nowhere]\nz = \"up\"\n")
            .unwrap_err();
        let errs: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs.iter().any(|e| e.contains("fly")));
        assert!(errs.iter().any(|e| e.contains("unknown key context [keys.nowhere]")), "{errs:?}");
        assert_eq!(k, Keymap::default());
        let messages = |text: &str, k: &mut Keymap| -> Vec<String> { k.apply_config(text).unwrap_err().iter().map(ToString::to_string).collect() };
        assert!(messages("not = [toml", &mut k)[0].contains("not valid TOML"));
        assert_eq!(messages("keys = 3\n", &mut k), vec!["[keys] must be a table".to_string()]);
        let errs = messages("[keys]\nglobal = \"quit\"\n[keys.list]\n\"Hyper-x\" = \"up\"\n", &mut k);
        assert_eq!(errs, vec![
            "[keys.global] must be a table of key = \"command\"".to_string(),
            "[keys.list] unknown key \"Hyper-x\"".to_string(),
        ]);
    }

    #[test]
    fn load_keymap_names_the_file_and_keeps_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[keys.global]\nj = 42\n").unwrap();
        let (k, warnings) = load_keymap(Some(&path));
        assert_eq!(k, Keymap::default());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("config.toml") && warnings[0].contains("must be a string"));
        // The section as the user wrote it.
        assert!(warnings[0].contains("[keys.global]"), "{}", warnings[0]);
        let (_, none) = load_keymap(Some(&dir.path().join("missing.toml")));
        assert!(none.is_empty());
    }

    #[test]
    fn the_config_file_is_in_the_diglot_config_folder() {
        let path = config_path().unwrap();
        assert!(path.ends_with("diglot/config.toml"), "{}", path.display());
    }

    #[test]
    fn help_lists_every_bound_command() {
        let k = Keymap::default();
        let sections = k.help_sections();
        let global = &sections.iter().find(|(c, _)| *c == KeyContext::Global).unwrap().1;
        let down = global.iter().find(|(_, c)| *c == Command::Down).unwrap();
        assert_eq!(down.0, "j Down");
    }
}
