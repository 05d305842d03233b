//! The clipboard: a plain-text citation block and the OSC 52 escape sequence that asks
//! the terminal to put it on the system clipboard, which also works over SSH.

use super::{Source, clean};
use crate::model::{Article, Highlight, Quote};
use base64::Engine;

/// Terminals cap OSC 52 payloads (xterm and others near 100 kB of base64); callers can
/// refuse or warn above this many bytes of text.
pub const OSC52_MAX_TEXT_BYTES: usize = 74_000;

/// One highlight as a block ready to paste into a report:
///
/// ```text
/// “we will act now”
/// — The minister, in Jane Doe, “Title”, The Daily, 2024-03-01. https://…
/// Note: …
/// ```
pub fn citation(h: &Highlight, article: Option<&Article>) -> String {
    let source = Source::of(&h.passage.article, article);
    let mut out = quoted(&clean(&h.passage.text));
    out.push('\n');
    out.push_str("— ");
    out.push_str(&attribution(h.speaker.as_deref(), &source));
    if let Some(note) = &h.note {
        out.push_str("\nNote: ");
        out.push_str(&clean(note));
    }
    if h.passage.orphaned {
        out.push_str("\n(orphaned: no longer found in the current article text)");
    }
    out
}

/// A quote (not yet highlighted) as a citation block, like [`citation`].
pub fn quote_citation(q: &Quote, article: Option<&Article>) -> String {
    let source = Source::of(&q.article, article);
    let speaker = q.speaker.as_ref().map(|s| s.name.as_str());
    format!("{}\n— {}", quoted(&clean(&q.text)), attribution(speaker, &source))
}

/// `Speaker, in Author, “Title”, Outlet, Date. URL-or-path` with absent parts left out.
pub fn attribution(speaker: Option<&str>, source: &Source) -> String {
    let mut s = attribution_text(speaker, source);
    if let Some(loc) = source.locator() {
        s.push(' ');
        s.push_str(&clean(loc));
    }
    s
}

/// [`attribution`] without the URL or path: `Speaker, in Author, “Title”, Outlet, Date.`
pub fn attribution_text(speaker: Option<&str>, source: &Source) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(a) = &source.author {
        parts.push(clean(a));
    }
    parts.push(format!("“{}”", clean(&source.title)));
    for p in [&source.outlet, &source.date].into_iter().flatten() {
        parts.push(clean(p));
    }
    let mut s = parts.join(", ");
    if let Some(sp) = speaker.map(str::trim).filter(|s| !s.is_empty()) {
        s = format!("{}, in {s}", clean(sp));
    }
    s.push('.');
    s
}

/// Wrap in typographic quotes unless the text already starts with a quotation mark.
fn quoted(text: &str) -> String {
    let t = text.trim();
    if t.starts_with(['“', '"', '«', '‘', '„', '\'']) {
        t.to_string()
    } else {
        format!("“{t}”")
    }
}

/// The OSC 52 sequence that sets the clipboard to `text`, adapted to tmux when `$TMUX`
/// is set.
pub fn osc52(text: &str) -> String {
    osc52_for(text, std::env::var_os("TMUX").is_some())
}

/// The OSC 52 sequence for `text`. Inside tmux it is sent twice: plain (taken by tmux
/// itself when `set-clipboard on`) and wrapped in tmux's DCS passthrough (forwarded to
/// the outer terminal when `allow-passthrough on`); setting the same text twice is
/// harmless. The payload is base64, so nothing in `text` can escape the sequence.
pub fn osc52_for(text: &str, tmux: bool) -> String {
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let plain = format!("\x1b]52;c;{payload}\x07");
    if tmux {
        // In passthrough, every ESC inside the wrapped sequence is doubled.
        format!("{plain}\x1bPtmux;\x1b\x1b]52;c;{payload}\x07\x1b\\")
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn citation_names_speaker_and_source() {
        let a = testdata::article();
        let h = testdata::highlight(&a, "we will act now", 1);
        let c = citation(&h, Some(&a));
        assert_eq!(
            c,
            "“we will act now”\n— The minister, in Jane Doe, “A *bold* title”, The Daily, 2024-03-01. \
             https://example.org/a\nNote: check, \"quoted\""
        );
        let bare = citation(&Highlight { speaker: None, note: None, ..h }, None);
        assert_eq!(bare, "“we will act now”\n— “art1”.");
    }

    #[test]
    fn quote_citation_uses_the_quote_speaker() {
        use crate::model::{QuoteKind, Speaker, SpeakerKind};
        let a = testdata::article();
        let start = a.text.find("we will").unwrap();
        let q = Quote {
            article: a.id.clone(),
            text: "we will act now".into(),
            speaker: Some(Speaker { name: "Ann Minister".into(), kind: SpeakerKind::Person }),
            speaker_as_written: None,
            cue: Some("said".into()),
            kind: QuoteKind::Direct,
            language: None,
            paragraph: 1,
            start,
            end: start + 15,
        };
        let c = quote_citation(&q, Some(&a));
        assert!(c.starts_with("“we will act now”\n— Ann Minister, in Jane Doe, “A *bold* title”"), "{c}");
    }

    #[test]
    fn citation_strips_escape_sequences() {
        let a = testdata::article();
        let mut h = testdata::highlight(&a, "we will act now", 1);
        h.note = Some("evil \x1b]0;pwned\x07 note".into());
        let c = citation(&h, Some(&a));
        assert!(!c.contains('\x1b') && !c.contains('\x07'), "{c:?}");
    }

    #[test]
    fn osc52_plain_and_tmux() {
        assert_eq!(osc52_for("hi", false), "\x1b]52;c;aGk=\x07");
        let t = osc52_for("hi", true);
        assert!(t.starts_with("\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07"));
        assert!(t.ends_with("\x1b\\"));
        // Hostile text cannot break out: only base64 between the delimiters.
        let s = osc52_for("\x1b]0;x\x07\u{9c}", false);
        assert_eq!(s.matches('\x1b').count(), 1);
        assert_eq!(s.matches('\x07').count(), 1);
    }
}
