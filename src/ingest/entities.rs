//! HTML character references (`&amp;`, `&#8217;`, `&#x2019;`) in text that did not go
//! through an HTML parser: titles in a `---` header, attribute values, plain-text files
//! scraped from web pages.

use std::borrow::Cow;

/// Named references seen in news pages. Unknown names are left as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''), ("nbsp", '\u{a0}'),
    ("hellip", '…'), ("mdash", '—'), ("ndash", '–'), ("lsquo", '‘'), ("rsquo", '’'),
    ("ldquo", '“'), ("rdquo", '”'), ("laquo", '«'), ("raquo", '»'), ("sbquo", '‚'),
    ("bdquo", '„'), ("copy", '©'), ("reg", '®'), ("trade", '™'), ("deg", '°'), ("euro", '€'),
    ("pound", '£'), ("middot", '·'), ("bull", '•'), ("shy", '\u{ad}'), ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'), ("emsp", '\u{2003}'), ("eacute", 'é'), ("Eacute", 'É'),
    ("egrave", 'è'), ("Egrave", 'È'), ("ecirc", 'ê'), ("euml", 'ë'), ("agrave", 'à'),
    ("Agrave", 'À'), ("acirc", 'â'), ("ccedil", 'ç'), ("Ccedil", 'Ç'), ("icirc", 'î'),
    ("iuml", 'ï'), ("ocirc", 'ô'), ("ucirc", 'û'), ("ugrave", 'ù'), ("uuml", 'ü'),
    ("ouml", 'ö'), ("auml", 'ä'), ("oelig", 'œ'), ("OElig", 'Œ'), ("aelig", 'æ'),
    ("szlig", 'ß'), ("ntilde", 'ñ'), ("aacute", 'á'), ("iacute", 'í'), ("oacute", 'ó'),
    ("uacute", 'ú'), ("times", '×'), ("frac12", '½'), ("sect", '§'), ("para", '¶'),
];

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
            Some((c, len)) => {
                out.push(c);
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

/// `s` starts with '&'. Returns the character and the length of the reference.
fn parse_reference(s: &str) -> Option<(char, usize)> {
    let end = s[1..].find(';').filter(|&e| e > 0 && e <= 10)? + 1;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
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
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        NAMED.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, end + 1))
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
}
