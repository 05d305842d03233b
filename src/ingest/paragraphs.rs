//! Lines → paragraphs. Files separate paragraphs with blank lines, or put one paragraph
//! per line, or hard-wrap them at a fixed width; a title may wrap onto two lines.

use crate::model::{Link, Role};

/// One line of source text with the links whose text is on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub links: Vec<Link>,
    /// Set when the line is not body text (see [`Role`]).
    pub role: Option<Role>,
}

impl TextLine {
    pub fn plain(text: &str) -> TextLine {
        TextLine { text: text.to_string(), ..TextLine::default() }
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A paragraph of clean single-spaced text with its links.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    pub text: String,
    pub links: Vec<Link>,
    pub role: Option<Role>,
}

/// Single spaces, no invisible characters, trimmed.
pub fn normalize_spaces(s: &str) -> String {
    const INVISIBLE: [char; 4] = ['\u{200b}', '\u{2060}', '\u{ad}', '\u{feff}'];
    let mut out = String::with_capacity(s.len());
    // A space is owed after a word once white space follows it; it is paid only before
    // the next visible character, so none leads, trails or doubles. Runs of plain
    // characters are copied whole (one pass, no per-word work: every line of every
    // file goes through here).
    let mut space_owed = false;
    let mut run_start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII (most bytes) is classed without decoding a character.
        let (width, white, invisible) = match bytes[i] {
            // One space between two visible characters stays in the run being copied:
            // it is what would be paid there.
            b' ' if !space_owed
                && (run_start < i || !out.is_empty())
                && bytes.get(i + 1).is_some_and(|&b| b > b' ' && b.is_ascii()) =>
            {
                (1, false, false)
            }
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ' => (1, true, false),
            b if b.is_ascii() => (1, false, false),
            _ => {
                let c = s[i..].chars().next().unwrap_or_default();
                (c.len_utf8(), c.is_whitespace(), INVISIBLE.contains(&c))
            }
        };
        let at = i;
        i += width;
        if !white && !invisible {
            if space_owed {
                out.push(' ');
                space_owed = false;
                run_start = at;
            }
            continue;
        }
        out.push_str(&s[run_start..at]);
        run_start = i;
        space_owed |= white && !out.is_empty();
    }
    out.push_str(&s[run_start..]);
    out
}

/// Group lines into paragraphs. Blank lines always separate; inside a block of
/// consecutive lines, each line is its own paragraph unless it is a continuation:
/// the block is hard-wrapped (lines of similar width), or the line ends with a comma,
/// semicolon or hyphen, or ends without punctuation and the next one starts in lower case.
pub fn paragraphs(lines: &[TextLine]) -> Vec<Para> {
    paragraphs_normalized(lines, &normalized_lines(lines))
}

/// [`normalize_spaces`] of each line of `lines` that is not blank (blank ones give an
/// empty string), for [`paragraphs_normalized`].
pub fn normalized_lines(lines: &[TextLine]) -> Vec<String> {
    lines.iter().map(|l| if l.is_blank() { String::new() } else { normalize_spaces(&l.text) }).collect()
}

/// [`paragraphs`] of `lines` given their [`normalized_lines`] (of these lines, or of
/// lines that differ from them only by lines made blank): a caller that groups the same
/// lines twice normalises them once.
pub fn paragraphs_normalized(lines: &[TextLine], normalized: &[String]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut from = 0;
    // Blocks of lines between blank ones.
    while from < lines.len() {
        if lines[from].is_blank() {
            from += 1;
            continue;
        }
        let to = (from..lines.len()).find(|&j| lines[j].is_blank()).unwrap_or(lines.len());
        let block = &lines[from..to];
        let width = wrap_width(block);
        let mut current: Option<Para> = None;
        for (i, line) in block.iter().enumerate() {
            let text = normalized[from + i].clone();
            match current.as_mut() {
                Some(p) => {
                    p.text.push(' ');
                    p.text.push_str(&text);
                    p.links.extend(line.links.iter().cloned());
                }
                None => current = Some(Para { text, links: line.links.clone(), role: line.role }),
            }
            let next = block.get(i + 1).map(|l| l.text.trim());
            // Body text and a caption beside it are never one paragraph.
            let same_role = block.get(i + 1).is_some_and(|n| n.role == line.role);
            let joins = same_role && next.is_some_and(|next| continues(line.text.trim(), next, width));
            if !joins && let Some(p) = current.take() {
                out.push(p);
            }
        }
        if let Some(p) = current.take() {
            out.push(p);
        }
        from = to;
    }
    out.retain(|p| !p.text.is_empty());
    out
}

/// The width a block is hard-wrapped at, if it is: three or more lines, none longer than
/// a terminal line, and most (but the last) close to the longest.
fn wrap_width(block: &[TextLine]) -> Option<usize> {
    if block.len() < 3 {
        return None;
    }
    let lens: Vec<usize> = block.iter().map(|l| l.text.trim().chars().count()).collect();
    let max = *lens.iter().max()?;
    if !(40..=100).contains(&max) {
        return None;
    }
    let body = &lens[..lens.len() - 1];
    let near = body.iter().filter(|&&l| l * 10 >= max * 7).count();
    (near * 10 >= body.len() * 8).then_some(max)
}

fn continues(line: &str, next: &str, width: Option<usize>) -> bool {
    let last = line.chars().last().unwrap_or(' ');
    let sentence_end = matches!(last, '.' | '!' | '?' | '…' | ':' | '"' | '”' | '»' | ')' | '’' | '\'');
    if let Some(w) = width {
        // A short line ending a sentence ends its paragraph even in wrapped text.
        return !(sentence_end && line.chars().count() * 10 < w * 8);
    }
    if matches!(last, ',' | ';' | '-' | '‐') {
        return true;
    }
    !sentence_end && next.chars().next().is_some_and(char::is_lowercase)
}

/// Comparison key for spotting a repeated title: letters and digits, lower case.
pub fn title_key(s: &str) -> String {
    folded_alphanumerics(s).collect()
}

/// Whether `s` has the title key `key`: [`title_key`] without building it, stopping at
/// the first character that differs (every line of a page is checked against the title,
/// and most differ at once).
pub fn has_title_key(s: &str, key: &str) -> bool {
    folded_alphanumerics(s).eq(key.chars())
}

fn folded_alphanumerics(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

/// Whether a paragraph reads like a headline rather than prose.
pub fn looks_like_title(p: &str) -> bool {
    let words = p.split_whitespace().count();
    // A sentence closed inside its quotation marks (`… prêts. »`, `…。"`) is body text too.
    let core = p.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '”' | '"' | '’' | '\'' | ')' | '」' | '』' | '\u{a0}' | '\u{202f}'));
    let last = core.chars().last().unwrap_or(' ');
    (1..=30).contains(&words) && p.chars().count() <= 250 && !matches!(last, '.' | ',' | ';' | ':' | '。' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        let lines: Vec<TextLine> = text.lines().map(TextLine::plain).collect();
        paragraphs(&lines).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn blank_lines_or_one_per_line() {
        assert_eq!(paras("One.\n\nTwo  words.\n\n\nThree."), ["One.", "Two words.", "Three."]);
        assert_eq!(paras("First paragraph.\nSecond paragraph.\nA heading\nThird."), [
            "First paragraph.",
            "Second paragraph.",
            "A heading",
            "Third."
        ]);
    }

    #[test]
    fn a_sentence_closed_inside_quotes_is_not_a_title() {
        assert!(!looks_like_title("Le ministre a dit : « Nous sommes prêts. »"));
        assert!(!looks_like_title("中国外交部发言人说：“我们反对。”"));
        assert!(looks_like_title("Is ISIS winning the online war?"));
        assert!(looks_like_title("Europol: “IS is building its own network”"));
    }

    #[test]
    fn wrapped_title_is_joined() {
        assert_eq!(
            paras("Daesh aurait son propre réseau social,\nd'après le directeur\nLe texte commence ici."),
            ["Daesh aurait son propre réseau social, d'après le directeur", "Le texte commence ici."]
        );
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let text = "The police said on Monday that the group had been using a new\n\
                    platform to spread its message, and that the operation against it\n\
                    would continue for several weeks.\n\
                    A second paragraph starts here after a short line and keeps going\n\
                    on the next line.";
        assert_eq!(paras(text).len(), 2);
        assert!(paras(text)[0].ends_with("several weeks."));
    }

    #[test]
    fn spaces_are_single_and_invisible_characters_gone() {
        assert_eq!(normalize_spaces("  The\u{a0} min\u{ad}ister \u{200b} said\n\t so. "), "The minister said so.");
        assert_eq!(normalize_spaces("\u{feff}\u{2060}"), "");
    }

    #[test]
    fn spaces_normalize_as_words_joined_by_one_space() {
        // The definition: the white-space separated words, invisible characters taken
        // out, empty words dropped, joined by single spaces.
        fn by_words(s: &str) -> String {
            let strip = |w: &str| w.chars().filter(|c| !['\u{200b}', '\u{2060}', '\u{ad}', '\u{feff}'].contains(c)).collect::<String>();
            s.split(char::is_whitespace).map(strip).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
        }
        let alphabet = ['a', 'é', ' ', '\n', '\u{a0}', '\u{200b}', '\u{ad}'];
        let mut strings = vec![String::new()];
        for _ in 0..5 {
            strings = strings.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            for s in &strings {
                assert_eq!(normalize_spaces(s), by_words(s), "{s:?}");
            }
        }
    }

    #[test]
    fn titles() {
        assert!(looks_like_title("Anonymous should leave ISIS cyberwar to professionals - NATO official"));
        assert!(!looks_like_title("LONDON: The police said on Wednesday that it had arrested two men."));
        assert_eq!(title_key("Gov’t: A  Title!"), "govtatitle");
        assert!(has_title_key("GOV’T — a title", "govtatitle"));
        assert!(!has_title_key("Gov’t: A Title, again", "govtatitle"));
        assert!(!has_title_key("Gov’t", "govtatitle"));
    }
}
