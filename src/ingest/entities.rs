//! HTML character references (`&amp;`, `&#8217;`, `&#x2019;`) in text that did not go
//! through an HTML parser: titles in a `---` header, attribute values, plain-text files
//! scraped from web pages.

use std::borrow::Cow;

/// The longest named reference, `CounterClockwiseContourIntegral`, has 31 letters.
const MAX_NAME_LEN: usize = 31;

/// Decode every well-formed character reference; malformed ones stay as written.
pub fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match parse_reference(rest) {
            Some((first, second, len)) => {
                out.push(first);
                out.extend(second);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `s` starts with '&'. Returns the character (two for a few named references, such as
/// `&NotEqualTilde;`) and the length of the reference.
fn parse_reference(s: &str) -> Option<(char, Option<char>, usize)> {
    // Look for the ';' only as far as the longest name: a text full of '&' and no ';'
    // must not be scanned to its end once per '&'.
    let end = s.bytes().skip(1).take(MAX_NAME_LEN + 1).position(|b| b == b';').filter(|&e| e > 0)? + 1;
    let body = &s[1..end];
    let (first, second) = match body.strip_prefix('#') {
        Some(num) => (numeric(num)?, None),
        None => named(&s[1..=end])?,
    };
    Some((first, second, end + 1))
}

/// `8217` or `x2019` → the character; NUL and numbers beyond Unicode are not characters.
fn numeric(num: &str) -> Option<char> {
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse::<u32>().ok()?,
    };
    // Windows-1252 numbers in the C1 range are what pages mean by &#146; etc.
    let code = if (0x80..0xa0).contains(&code) {
        let byte = [code as u8];
        let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
        decoded.chars().next().map_or(code, |c| c as u32)
    } else {
        code
    };
    char::from_u32(code).filter(|&c| c != '\0')
}

/// `hellip;` → '…', from the full HTML5 table (html5ever's, already used by html2text).
/// Unknown names are left as written by the caller.
fn named(name_with_semicolon: &str) -> Option<(char, Option<char>)> {
    // The table also maps every prefix of a name to (0, 0), for a streaming tokenizer.
    let &(first, second) = markup5ever::data::NAMED_ENTITIES.get(name_with_semicolon)?;
    let first = char::from_u32(first).filter(|&c| c != '\0')?;
    Some((first, char::from_u32(second).filter(|&c| c != '\0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_named_and_malformed() {
        assert_eq!(decode("Gov&#8217;t &amp; co&hellip; &#x2014; &eacute;t&eacute;"), "Gov’t & co… — été");
        assert_eq!(decode("AT&T &unknown; &#99999999; & x"), "AT&T &unknown; &#99999999; & x");
        assert_eq!(decode("it&#146;s"), "it’s");
    }

    #[test]
    fn the_whole_html_table_is_known() {
        assert_eq!(decode("&hearts; &frac34; &CounterClockwiseContourIntegral; &NotEqualTilde;"), "♥ ¾ ∳ \u{2242}\u{338}");
        // A prefix of a name is not a name; a name too long for the table is left alone.
        assert_eq!(decode("&am; &hell; &ThisIsNoNameAtAllButItIsVeryLong;"), "&am; &hell; &ThisIsNoNameAtAllButItIsVeryLong;");
    }
}
