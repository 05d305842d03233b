//! MHTML single-file saves (`.mhtml`, `.mht`): a MIME message whose first `text/html`
//! part is the page, the others its images and style sheets. mail-parser undoes the
//! quoted-printable or base64 transfer encoding and the part's charset.

use super::ReadError;
use mail_parser::{MessageParser, MimeHeaders, PartType};

/// File name endings of MHTML saves.
pub const EXTENSIONS: [&str; 2] = ["mhtml", "mht"];

/// The page of an MHTML save, decoded to text, or why there is none.
pub fn page_html(bytes: &[u8]) -> Result<String, ReadError> {
    let message = MessageParser::default().parse(bytes).ok_or(ReadError::NotMhtml)?;
    message
        .parts
        .iter()
        .find(|part| {
            part.content_type()
                .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("text") && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("html")))
        })
        .and_then(|part| match &part.body {
            PartType::Html(html) | PartType::Text(html) => Some(html.to_string()),
            PartType::Binary(b) | PartType::InlineBinary(b) => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        })
        .ok_or(ReadError::MhtmlWithoutHtml)
}

#[cfg(test)]
mod tests {
    use super::*;

    const QP: &str = "From: <Saved by Blink>\r\nSubject: Page\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\
------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n\
Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/story\r\n\r\n\
<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"></head>\
<body><p>Caf=C3=A9 cr=C3=A8me, a line that is long enough to be wrapped by the enc=\r\noder.</p></body></html>\r\n\
------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\
Content-Location: https://news.example/a.png\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n";

    #[test]
    fn quoted_printable_page_is_decoded_with_its_charset() {
        let html = page_html(QP.as_bytes()).unwrap();
        assert!(html.contains("<p>Café crème, a line that is long enough to be wrapped by the encoder.</p>"), "{html}");
    }

    #[test]
    fn base64_page_in_a_legacy_charset() {
        use base64::Engine;
        let page = b"<html><body><p>\xc9t\xe9 \xe0 Paris.</p></body></html>"; // Latin-1
        let b64 = base64::engine::general_purpose::STANDARD.encode(page);
        let mht = format!(
            "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n\
             Content-Type: text/html; charset=\"iso-8859-1\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--b--\r\n"
        );
        assert!(page_html(mht.as_bytes()).unwrap().contains("Été à Paris."));
    }

    #[test]
    fn a_message_without_html_is_refused() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n\
                   Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
        assert!(page_html(mht.as_bytes()).unwrap_err().to_string().contains("text/html"));
    }
}
