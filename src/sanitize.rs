//! Everything diglot reads is untrusted: article text, but also file names, folder
//! names, `corpus.toml` values and the store. Nothing from them may reach the terminal
//! or a text output as a control or escape sequence. Article text is cleaned at ingest;
//! everything is cleaned again at the output boundary, by this module alone:
//!
//! - [`Safe`]: text for standard output, made only here; the command line prints nothing
//!   else ([`crate::cli::main`]).
//! - [`line`]: one line (a table cell, a status bar, a message): newlines and tabs become
//!   spaces, so a file name holding a newline cannot split or forge a row.
//! - [`say`] (and [`say_pending`]): every message on standard error, as one clean line.
//! - [`cap_cluster`]: one screen cell's grapheme cluster with at most a few dozen
//!   combining marks, so a crafted cluster cannot flood the terminal on every redraw.
//!
//! Only this module writes text to standard output ([`Safe::print`]) and standard error;
//! the crate's lints (`clippy::print_stdout`, `print_stderr` in Cargo.toml) forbid
//! `println!` and `eprintln!` everywhere, so nothing can bypass it by accident.
//! - [`to_json`]: JSON whose strings carry every control character (C1 included) and
//!   bidirectional override as a `\uXXXX` escape, so `cat` or `jq` of it cannot drive
//!   a terminal.
//!
//! A plain "drop control characters" pass is not enough: `ESC]0;title BEL` would leave
//! `]0;title` on screen. So whole sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte
//! escapes, in 7-bit and C1 form) are removed together with their parameters.

use std::borrow::Cow;
use std::fmt;

/// Remove every C0/C1 control character and escape sequence, keeping `\n` and `\t`.
/// Bidirectional overrides, which can make text display as something it is not, go too,
/// and so do invisible characters that hide text or forge look-alikes (see [`is_invisible`]).
pub fn strip_controls(input: &str) -> String {
    if is_clean(input) {
        return input.to_string();
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                // A lone CR becomes a newline; CRLF becomes one newline.
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string(&mut chars),
                // Two-byte escape (ESC c, ESC 7, ESC ( B …): drop the intermediates and final.
                Some(c2) if ('\u{20}'..='\u{2f}').contains(&c2) => {
                    while let Some(&n) = chars.peek() {
                        chars.next();
                        if !('\u{20}'..='\u{2f}').contains(&n) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if needs_work(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// [`strip_controls`] of a string that is usually clean: returned as it is then, with no
/// copy (every line and paragraph of every file read goes through here).
pub fn strip_controls_owned(input: String) -> String {
    if is_clean(&input) { input } else { strip_controls(&input) }
}

/// No character of `text` [`needs_work`], checked on the UTF-8 bytes: C0 controls but
/// newline and tab, DEL, C1 controls (`C2 80`–`C2 9F`), bidirectional embeddings,
/// overrides (`E2 80 AA`–`AE`) and isolates (`E2 81 A6`–`A9`), and the invisible
/// characters of [`is_invisible`]: zero width space (`E2 80 8B`), word joiner and
/// invisible operators (`E2 81 A0`–`A4`), byte order mark (`EF BB BF`) and tags
/// (`F3 A0 80 80`–`F3 A0 81 BF`).
fn is_clean(text: &str) -> bool {
    let b = text.as_bytes();
    // Printable ASCII, most of any text, is passed a chunk at a time; only the chunks
    // holding something else are looked at byte by byte. A chunk of printable ASCII ends
    // no multi-byte sequence begun before it, so each chunk can be judged on its own.
    let mut start = 0;
    while start + PLAIN_CHUNK <= b.len() {
        if !is_plain_ascii(&b[start..start + PLAIN_CHUNK]) && !bytes_clean(b, start, start + PLAIN_CHUNK) {
            return false;
        }
        start += PLAIN_CHUNK;
    }
    bytes_clean(b, start, b.len())
}

/// How many bytes a fast path over text tests at once with [`is_plain_ascii`].
pub(crate) const PLAIN_CHUNK: usize = 16;

/// Every byte is printable ASCII or a newline: most of any text, which then needs no
/// closer look. Written as a fold without early exit so that, over [`PLAIN_CHUNK`]
/// bytes, the compiler turns it into vector instructions.
#[inline]
pub(crate) fn is_plain_ascii(chunk: &[u8]) -> bool {
    chunk.iter().fold(true, |all, &x| all & ((x.wrapping_sub(0x20) < 0x5f) | (x == b'\n')))
}

/// [`is_clean`] of the bytes `b[from..to]`, one at a time (a sequence they begin may end
/// past `to`).
fn bytes_clean(b: &[u8], from: usize, to: usize) -> bool {
    (from..to).all(|i| match b[i] {
        b'\n' | b'\t' => true,
        0..=0x1f | 0x7f => false,
        0xc2 => !matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => !matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8b | 0xaa..=0xae)) | (Some(0x81), Some(0xa0..=0xa4 | 0xa6..=0xa9))
        ),
        0xef => !matches!((b.get(i + 1), b.get(i + 2)), (Some(0xbb), Some(0xbf))),
        0xf3 => !matches!((b.get(i + 1), b.get(i + 2)), (Some(0xa0), Some(0x80 | 0x81))),
        _ => true,
    })
}

fn needs_work(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_override(c) || is_invisible(c)
}

/// Characters with no glyph that hide text or make two names look the same: the zero
/// width space, the word joiner and invisible operators, the byte order mark (a zero
/// width no-break space inside text) and the tag characters (U+E0000–U+E007F), which
/// can carry a whole hidden ASCII message. The zero width joiner and non-joiner stay:
/// emoji sequences and several scripts need them to be spelt right.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}')
}

/// Embeddings, overrides and isolates, which can make text display as something it is not.
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters kept in one grapheme cluster on screen: the base and what follows it
/// (combining marks, joiners, variation selectors). Real text needs a handful — Unicode's
/// stream-safe format allows 30 non-starters in a row — while a crafted "zalgo" cluster
/// of 100 000 marks would otherwise be sent whole to the terminal on every redraw.
pub const MAX_CHARS_PER_CLUSTER: usize = 31;

/// `cluster` (one grapheme cluster, as a terminal cell holds) cut to its first
/// [`MAX_CHARS_PER_CLUSTER`] characters. For the screen only: stored text and exports
/// keep every mark.
pub fn cap_cluster(cluster: &str) -> &str {
    // A cluster that short in bytes cannot hold too many characters: no counting.
    if cluster.len() <= MAX_CHARS_PER_CLUSTER {
        return cluster;
    }
    match cluster.char_indices().nth(MAX_CHARS_PER_CLUSTER) {
        Some((end, _)) => &cluster[..end],
        None => cluster,
    }
}

/// Untrusted text as one line: [`strip_controls`], then newlines and tabs as spaces.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_bidi_override(c) || is_invisible(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(strip_controls(s).chars().map(|c| if c == '\n' || c == '\t' { ' ' } else { c }).collect())
}

/// Text that may be written to a terminal or a text output: no control character but
/// newline and tab, no escape sequence, no bidirectional override. Only this module makes
/// one, so whatever prints a `Safe` has been through the sanitiser.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Safe(String);

impl Safe {
    /// Untrusted text, lines kept.
    pub fn text(s: &str) -> Safe {
        Safe(strip_controls(s))
    }

    /// Untrusted text as one line (see [`line`]).
    pub fn line(s: &str) -> Safe {
        Safe(line(s).into_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Write to standard output and flush. A failed write (a full disk, a closed pipe)
    /// is returned, never a panic as `print!` would make it.
    pub fn print(&self) -> std::io::Result<()> {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(self.0.as_bytes())?;
        stdout.flush()
    }
}

impl std::ops::Deref for Safe {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Safe {
    /// Padding and width (`{:<22}`) apply, as for `str`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl PartialEq<str> for Safe {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Safe {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Print `diglot: MESSAGE` on standard error as one clean line. A failed write to stderr
/// is ignored: there is nowhere left to report it, and it must not become a panic.
pub fn say(message: impl fmt::Display) {
    to_stderr(message, "\n");
}

/// [`say`] without ending the line: a note shown while the user waits, which the caller
/// clears once the wait is over.
pub fn say_pending(message: impl fmt::Display) {
    to_stderr(message, "");
}

// Messages are written through a locked handle rather than `eprintln!` (which the crate's
// lints forbid): a failed write must be ignored, not become a panic.
fn to_stderr(message: impl fmt::Display, end: &str) {
    use std::io::Write;
    let text = message.to_string();
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "diglot: {}{end}", line(&text));
}

/// `value` as pretty JSON with a trailing newline, every control character (C0, DEL,
/// C1), bidirectional override and line/paragraph separator inside strings written as a
/// `\uXXXX` escape. serde_json itself escapes only C0, and a raw U+009B is a CSI to
/// many terminals. A value serde cannot write (a map with non-string keys) comes out as
/// `{"error": …}`, so a script still reads JSON.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    try_to_json(value).unwrap_or_else(|e| try_to_json(&serde_json::json!({ "error": e.to_string() })).unwrap_or_default())
}

fn try_to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, EscapingFormatter::default());
    value.serialize(&mut ser)?;
    out.push(b'\n');
    // The serializer writes only UTF-8.
    Ok(String::from_utf8(out).unwrap_or_default())
}

fn json_needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_override(c) || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// serde_json's pretty layout, with the extra string escapes of [`to_json`].
#[derive(Default)]
struct EscapingFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for EscapingFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if json_needs_escape(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                // A tag character lies beyond the Basic Multilingual Plane: JSON writes
                // it as its two UTF-16 halves.
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(w, "\\u{:04x}", unit)?;
                }
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&n) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&n) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&n) {
                chars.next();
            }
            break;
        }
    }
}

/// String sequences (OSC, DCS …) run to BEL, ESC \ or the C1 ST. An unterminated one
/// would swallow the rest of the article, so it also stops at a newline.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&n) = chars.peek() {
        match n {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_keeps_its_base_and_first_marks_only() {
        let zalgo = format!("e{}", "\u{301}".repeat(1000));
        assert_eq!(cap_cluster(&zalgo).chars().count(), MAX_CHARS_PER_CLUSTER);
        assert!(cap_cluster(&zalgo).starts_with("e\u{301}"));
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
        for ordinary in ["a", "ệ", "\u{915}\u{94d}\u{937}", family] {
            assert_eq!(cap_cluster(ordinary), ordinary);
        }
    }

    #[test]
    fn the_byte_check_agrees_with_the_character_rule() {
        for c in ('\0'..='\u{3000}').chain(['\u{fffd}', '\u{1f600}', '\u{feff}', '\u{fefe}', '\u{e0000}', '\u{e0041}', '\u{e007f}', '\u{e0080}', '\u{e0100}']) {
            let text = format!("a{c}b");
            assert_eq!(is_clean(&text), !text.chars().any(needs_work), "{:?}", c);
            // In longer text, at every place around the 16-byte chunks it is checked in.
            for at in 0..40 {
                let text = format!("{}{c}{}", "x".repeat(at), "y\n".repeat(20));
                assert_eq!(is_clean(&text), !text.chars().any(needs_work), "{c:?} at {at}");
            }
        }
        assert_eq!(strip_controls_owned("x\u{1b}[31my".to_string()), "xy");
    }

    #[test]
    fn removes_osc_title_and_csi_clear_with_their_parameters() {
        let s = "before\u{1b}]0;pwned\u{7}mid\u{1b}[2Jafter\u{1b}[31mred\u{1b}[0m";
        assert_eq!(strip_controls(s), "beforemidafterred");
    }

    #[test]
    fn removes_c1_controls_and_keeps_newlines_and_tabs() {
        let s = "a\u{9b}31mb\u{85}c\td\ne\u{0}f\u{7f}g";
        assert_eq!(strip_controls(s), "abc\td\nefg");
    }

    #[test]
    fn unterminated_osc_stops_at_end_of_line() {
        assert_eq!(strip_controls("x\u{1b}]8;;http://evil\nnext"), "x\nnext");
    }

    #[test]
    fn crlf_and_bidi_overrides() {
        assert_eq!(strip_controls("a\r\nb\rc\u{202e}d"), "a\nb\ncd");
    }

    #[test]
    fn a_line_has_no_newline_and_safe_text_no_escape() {
        assert_eq!(line("a\nb\tc\u{1b}]0;x\u{7}d"), "a b cd");
        assert!(matches!(line("plain"), Cow::Borrowed("plain")));
        assert_eq!(Safe::text("x\u{9b}2Jy\nz"), "xy\nz");
        assert_eq!(format!("[{:<4}]", Safe::line("ab")), "[ab  ]");
    }

    #[test]
    fn json_escapes_c1_del_and_bidi_and_round_trips() {
        let v = vec!["a\u{1b}b", "c\u{9b}d\u{85}", "\u{7f}\u{202e}\u{2028}é"];
        let json = to_json(&v);
        assert!(json.contains(r"a\u001bb") && json.contains(r"c\u009bd\u0085"), "{json}");
        assert!(json.contains(r"\u007f\u202e\u2028é"), "{json}");
        assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
        assert_eq!(serde_json::from_str::<Vec<String>>(&json).unwrap(), v);
        // The layout is serde_json's own pretty one.
        let plain = serde_json::json!({"k": [1, "x"], "e": {}});
        assert_eq!(to_json(&plain), format!("{}\n", serde_json::to_string_pretty(&plain).unwrap()));
    }

    #[test]
    fn invisible_characters_go_from_text_and_are_escaped_in_json() {
        let hidden = "Title\u{200b} a\u{2060}b\u{feff}c \u{e0001}\u{e0068}\u{e0069}\u{e007f}end";
        assert_eq!(strip_controls(hidden), "Title abc end");
        assert_eq!(line(hidden), "Title abc end");
        assert!(!is_clean(hidden));
        let json = to_json(&hidden);
        assert!(json.contains(r"\u200b") && json.contains(r"\udb40\udc68") && json.contains(r"\ufeff"), "{json}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), hidden);
        // Joiners spell emoji and scripts: kept.
        let joined = "👩\u{200d}👩\u{200d}👧 می\u{200c}خواهم";
        assert_eq!(strip_controls(joined), joined);
    }

    #[test]
    fn clean_text_is_unchanged() {
        let s = "« Bonjour », a-t-il dit — 日本語 🙂";
        assert_eq!(strip_controls(s), s);
    }
}
