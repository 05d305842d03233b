//! Article text is untrusted. Nothing from it may reach the terminal as a control or
//! escape sequence, so it is cleaned twice: once at ingest and again before drawing.
//!
//! A plain "drop control characters" pass is not enough: `ESC]0;title BEL` would leave
//! `]0;title` on screen. So whole sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte
//! escapes, in 7-bit and C1 form) are removed together with their parameters.

/// Remove every C0/C1 control character and escape sequence, keeping `\n` and `\t`.
/// Bidirectional overrides, which can make text display as something it is not, go too.
pub fn strip_controls(input: &str) -> String {
    if !input.chars().any(needs_work) {
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

fn needs_work(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
    fn clean_text_is_unchanged() {
        let s = "« Bonjour », a-t-il dit — 日本語 🙂";
        assert_eq!(strip_controls(s), s);
    }
}
