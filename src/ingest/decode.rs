//! Bytes → text. Decides the encoding, rejects what is not text, and removes every
//! control character and escape sequence before anything else looks at the content.
//!
//! Order of decisions:
//! 1. size limit ([`MAX_FILE_BYTES`]) and emptiness;
//! 2. a byte-order mark (UTF-8, UTF-16LE/BE) wins;
//! 3. UTF-16 without a BOM, recognised by its pattern of zero bytes;
//! 4. any other zero byte means a binary file;
//! 5. valid UTF-8 is UTF-8 (a sequence cut off by the end of the file is dropped);
//! 6. otherwise a charset an HTML `<meta>` declares is used;
//! 7. otherwise chardetng guesses a legacy encoding (Windows-1252 for Western European
//!    text, Shift_JIS, EUC-JP, GBK, Big5, EUC-KR for CJK) and encoding_rs decodes it —
//!    except that a file holding valid multi-byte UTF-8 *and* invalid bytes is corrupt
//!    UTF-8 and is rejected (guessing a single-byte encoding would garble its good
//!    characters), unless the guess is a CJK encoding that decodes every byte;
//! 8. the result must look like text (few control or undefined characters), then it is
//!    sanitised and normalised to NFC.

use super::ReadError;
use crate::sanitize::{PLAIN_CHUNK, is_plain_ascii, strip_controls_owned};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Largest file diglot reads. News articles are a few tens of kilobytes; a file beyond
/// this is not an article and reading it would only cost memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Decoded text plus the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Repairs worth telling the user about (escape sequences removed …).
    pub warnings: Vec<String>,
}

/// Decode a whole file. `Err` says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    let (raw, encoding) = decode_raw(bytes)?;
    let scan = Scan::of(&raw);
    scan.check_looks_like_text()?;
    let mut warnings = Vec::new();
    if scan.escapes {
        warnings.push("terminal escape sequences removed".to_string());
    } else if scan.controls {
        warnings.push("control characters removed".to_string());
    }
    let repaired = if scan.mojibake_markers >= MIN_MOJIBAKE_MARKERS { repair_mojibake(&raw) } else { None };
    let raw = match repaired {
        Some(fixed) => {
            warnings.push("double-encoded UTF-8 (\"Ã©\" for \"é\") repaired".to_string());
            fixed
        }
        None => raw,
    };
    let text = nfc_without_bom(strip_controls_owned(raw));
    if text.trim().is_empty() {
        return Err(ReadError::OnlyControls);
    }
    Ok(Decoded { text, encoding, warnings })
}

/// `text` in NFC without byte-order marks. Most text already is: a quick check (no
/// allocation) spares it the decomposing and recomposing of every character.
fn nfc_without_bom(text: String) -> String {
    // A BOM or zero-width no-break space inside the text is invisible noise.
    if !text.contains('\u{feff}') && non_ascii_runs_are_nfc(&text) {
        return text;
    }
    text.chars().filter(|&c| c != '\u{feff}').nfc().collect()
}

/// Whether a quick check finds `text` in NFC, looking only at its runs of non-ASCII
/// characters: an ASCII character is NFC and starts the check afresh.
fn non_ascii_runs_are_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii() {
            i += 1;
        }
        if is_nfc_quick(text[start..i].chars()) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

fn decode_raw(bytes: &[u8]) -> Result<(String, &'static str), ReadError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((text.into_owned(), enc.name()));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), enc.name()));
    }
    // (`contains` of a byte is a fast search; most files have no zero byte.)
    if bytes.contains(&0)
        && let Some(pos) = bytes.iter().position(|&b| b == 0)
    {
        return Err(ReadError::ZeroByte(pos));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), UTF_8.name())),
        Err(e) if e.error_len().is_none() => {
            // Only the last character was cut off (a truncated download): keep the rest.
            let valid = &bytes[..e.valid_up_to()];
            Ok((String::from_utf8_lossy(valid).into_owned(), UTF_8.name()))
        }
        Err(e) => decode_legacy(bytes, e.valid_up_to()),
    }
}

/// Bytes that are not UTF-8 (the first bad one at `bad_at`): the declared charset, else
/// chardetng's guess — unless they look like corrupt UTF-8.
fn decode_legacy(bytes: &[u8], bad_at: usize) -> Result<(String, &'static str), ReadError> {
    if let Some(enc) = declared_charset(bytes) {
        let (text, _, _) = enc.decode(bytes);
        return Ok((text.into_owned(), enc.name()));
    }
    let guess = guess_legacy(bytes);
    // Shift_JIS, GBK, Big5 … bytes often form a valid UTF-8 pair by chance, so a
    // multi-byte guess that decodes every byte cleanly is trusted over "corrupt UTF-8".
    if has_multibyte_utf8(bytes) && !(is_multibyte_legacy(guess) && decodes_cleanly(guess, bytes)) {
        return Err(ReadError::CorruptUtf8 { byte: bytes[bad_at], offset: bad_at });
    }
    let (text, _, _) = guess.decode(bytes);
    Ok((text.into_owned(), guess.name()))
}

/// chardetng's guess at a legacy encoding (Windows-1252 for Western European text,
/// Shift_JIS, EUC-JP, GBK, Big5, EUC-KR … for CJK).
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// The legacy CJK encodings, whose characters are two bytes or more.
fn is_multibyte_legacy(enc: &'static Encoding) -> bool {
    use encoding_rs::{BIG5, EUC_JP, EUC_KR, GB18030, GBK, SHIFT_JIS};
    [SHIFT_JIS, EUC_JP, EUC_KR, GBK, GB18030, BIG5].contains(&enc)
}

/// Whether every byte sequence of `bytes` is defined in `enc`.
fn decodes_cleanly(enc: &'static Encoding, bytes: &[u8]) -> bool {
    enc.decode_without_bom_handling_and_without_replacement(bytes).is_some()
}

/// An HTML `<meta charset=…>` / `content="…; charset=…"` declaration near the top, when
/// it names a single-byte-compatible legacy encoding (a file that is not UTF-8 cannot
/// really be UTF-8 or UTF-16, whatever it declares).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    let enc = Encoding::for_label(&label)?;
    (enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE && enc.is_ascii_compatible()).then_some(enc)
}

/// Whether `bytes` contain at least one well-formed multi-byte UTF-8 sequence. Legacy
/// single-byte text almost never does by accident (it would need "Ã©"-like pairs).
fn has_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return s.bytes().any(|b| b >= 0x80),
            Err(e) => {
                let good = &rest[..e.valid_up_to()];
                if good.iter().any(|&b| b >= 0x80) {
                    return true;
                }
                let skip = e.valid_up_to() + e.error_len().unwrap_or(1);
                if skip >= rest.len() {
                    return false;
                }
                rest = &rest[skip..];
            }
        }
    }
}

/// What one pass over decoded text finds: its characters, the odd ones (control,
/// undecodable, private use), escape sequences and other controls, mojibake pairs.
#[derive(Debug, Default)]
struct Scan {
    chars: usize,
    odd: usize,
    escapes: bool,
    controls: bool,
    mojibake_markers: usize,
}

impl Scan {
    fn of(text: &str) -> Scan {
        let mut scan = Scan::default();
        let mut previous = '\0';
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Printable ASCII and newlines, most of any page, need no more than this
            // test, a chunk at a time; a chunk holding anything else is looked at a
            // character at a time.
            if let Some(chunk) = b.get(i..i + PLAIN_CHUNK)
                && is_plain_ascii(chunk)
            {
                scan.chars += PLAIN_CHUNK;
                previous = chunk[PLAIN_CHUNK - 1] as char;
                i += PLAIN_CHUNK;
                continue;
            }
            let chunk_end = (i + PLAIN_CHUNK).min(b.len());
            while i < chunk_end {
                let c = text[i..].chars().next().unwrap_or_default();
                i += c.len_utf8();
                scan.add(c, previous);
                previous = c;
            }
        }
        scan
    }

    /// Count the character `c`, which follows `previous`.
    fn add(&mut self, c: char, previous: char) {
        self.chars += 1;
        if c.is_ascii() && !c.is_ascii_control() {
            return;
        }
        self.odd += usize::from(is_odd(c));
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            self.controls = true;
            self.escapes |= matches!(c, '\u{1b}' | '\u{9b}' | '\u{9d}' | '\u{90}');
        }
        if c == 'Ã' || c == 'Â' || (c == '€' && previous == 'â') {
            self.mojibake_markers += 1;
        }
    }

    /// Reject content that is mostly not text: control characters, replacement
    /// characters (undecodable bytes) and private-use/unassigned code points. Escape
    /// sequences are allowed (they are stripped later); a few stray bytes are tolerated,
    /// but more than 1 in 20 characters (and at least 4) means this is not text.
    fn check_looks_like_text(&self) -> Result<(), ReadError> {
        if self.odd >= 4 && self.odd * 20 > self.chars {
            return Err(ReadError::NotText(self.odd * 100 / self.chars));
        }
        Ok(())
    }
}

fn is_odd(c: char) -> bool {
    match c {
        // White space, escape-sequence bytes and old-style page breaks are text.
        '\n' | '\r' | '\t' | '\u{1b}' | '\u{7}' | '\u{8}' | '\u{c}' => false,
        '\u{fffd}' => true,
        c if c.is_control() => true,
        '\u{e000}'..='\u{f8ff}' => true,
        _ => false,
    }
}

/// Fewer "Ã", "Â" and "â€" than this are not worth a repair attempt.
const MIN_MOJIBAKE_MARKERS: usize = 3;

/// Text that was UTF-8, read as Windows-1252 and saved again as UTF-8 shows "Ã©" for
/// "é" and "â€™" for "’". When such pairs recur ([`Scan`] counts them) and the whole text
/// maps back to bytes that are valid UTF-8, those bytes are the real text.
fn repair_mojibake(text: &str) -> Option<String> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let fixed = String::from_utf8(bytes.into_owned()).ok()?;
    // Only accept when the repair really turned sequences into single characters.
    (fixed.chars().count() < text.chars().count()).then_some(fixed)
}

/// UTF-16 without a BOM: mostly-ASCII text leaves a zero in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // (No zero byte, no UTF-16: a fast search spares most files the counting below.)
    if sample.len() < 4 || !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample.chunks(2).filter(|p| p[0] != 0 && p[1] == 0).count();
    let zero_even = sample.chunks(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    // Binary data has zeros too, but not this regularly on one side only.
    if zero_odd * 10 >= pairs * 7 && zero_even * 20 < pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_boms_and_utf16() {
        assert_eq!(decode("é".as_bytes()).unwrap().text, "é");
        assert_eq!(decode(b"\xef\xbb\xbfabc").unwrap().text, "abc");
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain("Été".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le).unwrap().text, "Été");
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain("Été".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).unwrap().text, "Été");
        let no_bom: Vec<u8> = "Hello world, this is text".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&no_bom).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hello world, this is text", "UTF-16LE"));
    }

    #[test]
    fn windows_1252_french() {
        let bytes = b"L\x92\xe9t\xe9 de la s\xe9curit\xe9 \xab fran\xe7aise \xbb, d\x92apr\xe8s le minist\xe8re.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "L’été de la sécurité « française », d’après le ministère.");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn declared_html_charset_is_honoured() {
        // 0xCA is "Ę" in ISO-8859-2 but "Ê" in Windows-1252.
        let bytes = b"<meta charset=\"iso-8859-2\"><p>\xcate zdanie.</p>";
        assert_eq!(decode(bytes).unwrap().encoding, "ISO-8859-2");
        assert!(decode(bytes).unwrap().text.contains("Ęte"));
    }

    #[test]
    fn nfc_and_controls() {
        assert_eq!(decode("e\u{301}t\u{1b}[2Je\u{7}".as_bytes()).unwrap().text, "éte");
        // A mark to compose after plain and already composed text, in a long file.
        let long = format!("{}Été à Paris, cafe\u{301} au lait.\n", "Plain words here. ".repeat(20));
        assert!(decode(long.as_bytes()).unwrap().text.contains("Été à Paris, café au lait.\n"));
    }

    #[test]
    fn rejections_name_the_reason() {
        assert_eq!(decode(b"  \n ").unwrap_err().to_string(), "empty file");
        assert!(decode(b"ab\0cd").unwrap_err().to_string().starts_with("binary file"));
        assert!(decode("caf\u{e9} ok".as_bytes().iter().copied().chain([0xff, 0x41]).collect::<Vec<_>>().as_slice())
            .unwrap_err()
            .to_string()
            .starts_with("invalid UTF-8"));
        let control: Vec<u8> = (1u8..=8).cycle().take(400).collect();
        assert!(decode(&control).unwrap_err().to_string().starts_with("binary file"));
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        assert!(decode(&big).unwrap_err().to_string().starts_with("file too large ("));
        assert!(decode("\u{1b}]0;x\u{7}".as_bytes()).unwrap_err().to_string().starts_with("empty file"));
    }

    #[test]
    fn double_encoded_utf8_is_repaired_but_real_text_is_not_touched() {
        let d = decode("Lâ€™Ã©tÃ© Ã\u{a0} Paris, la sÃ©curitÃ©.".as_bytes()).unwrap();
        assert_eq!(d.text, "L’été à Paris, la sécurité.");
        assert_eq!(d.warnings.len(), 1);
        let real = "Ã la carte: Ãlvaro and Ãngel met Ãrpád.";
        assert_eq!(decode(real.as_bytes()).unwrap().text, real);
    }

    #[test]
    fn legacy_cjk_encodings_are_detected() {
        use encoding_rs::{BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS};
        let japanese = "東京都の知事は月曜日、新しい港の計画を発表した。「冬までに港を再建する」と記者団に語った。市民の多くはこの計画を歓迎している。";
        let chinese = "上海市政府星期一宣布了新的港口计划。市长对记者说：“我们将在冬天之前重建港口。”许多市民欢迎这个计划。";
        let traditional = "臺北市政府星期一宣佈了新的港口計劃。市長對記者說：「我們將在冬天之前重建港口。」許多市民歡迎這個計劃。";
        let korean = "서울시는 월요일 새로운 항구 계획을 발표했다. 시장은 기자들에게 겨울 전에 항구를 재건하겠다고 말했다. 많은 시민들이 이 계획을 환영했다.";
        for (text, enc) in [(japanese, SHIFT_JIS), (japanese, EUC_JP), (chinese, GBK), (traditional, BIG5), (korean, EUC_KR)] {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable);
            let d = decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", enc.name()));
            assert_eq!(d.text, text, "{}", enc.name());
        }
    }

    #[test]
    fn a_declared_cjk_charset_is_honoured() {
        let (body, _, _) = encoding_rs::SHIFT_JIS.encode("<meta charset=\"shift_jis\"><p>港の計画</p>");
        let d = decode(&body).unwrap();
        assert_eq!((d.encoding, d.text.contains("港の計画")), ("Shift_JIS", true));
    }

    #[test]
    fn truncated_last_character_is_dropped() {
        assert_eq!(decode(b"caf\xc3\xa9 \xc3").unwrap().text, "café ");
    }
}
