//! CSV export with Readwise's import columns, in order:
//! Highlight, Title, Author, URL, Note, Location, Date.
//!
//! - Author: the article's author, else its outlet.
//! - URL: the article's URL (empty when it has none; Readwise wants a web address).
//! - Note: the note, then the tag as Readwise's inline tag syntax (`.tag`).
//! - Location: the 1-based paragraph number of the highlight in the current article text
//!   (empty when orphaned or the article is not loaded).
//! - Date: when the highlight was made, `YYYY-MM-DD HH:MM:SS` UTC.
//! - Highlight ID: diglot's id. A bilingual highlight gives one row per text (the
//!   original, then its counterpart, each cited from its own article) with the same id.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`)
//! get a leading `'`, since article text is untrusted.

use super::{Source, clean, grouped, index, paragraph_number};
use crate::model::{Article, Highlight};
use crate::util::clock::rfc3339_to_sql_datetime;

pub const HEADER: [&str; 8] = ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date", "Highlight ID"];

pub fn render(highlights: &[Highlight], articles: &[Article]) -> String {
    let by_id = index(articles);
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let mut rows: Vec<[String; 8]> = Vec::new();
    for (_, hs) in grouped(highlights, articles) {
        for h in hs.into_iter().flat_map(|h| std::iter::once(h.clone()).chain(h.counterpart_highlight())) {
            let h = &h;
            let article = by_id.get(h.passage.article.as_str()).copied();
            let source = Source::of(&h.passage.article, article);
            let mut note = h.note.clone().unwrap_or_default();
            if let Some(tag) = &h.tag {
                let tag: String = tag.split_whitespace().collect::<Vec<_>>().join("-");
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push('.');
                note.push_str(&tag);
            }
            rows.push([
                h.passage.text.clone(),
                source.title.clone(),
                source.author.clone().or(source.outlet.clone()).unwrap_or_default(),
                source.url.clone().unwrap_or_default(),
                note,
                paragraph_number(h, article).map(|n| n.to_string()).unwrap_or_default(),
                rfc3339_to_sql_datetime(&h.created),
                h.id.to_string(),
            ]);
        }
    }
    // Writing into a Vec cannot fail; a failure would only lose rows, never panic.
    let _ = w.write_record(HEADER);
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| defuse(&clean(c))));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Keep spreadsheets from running a cell as a formula.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}") } else { cell.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn readwise_columns_and_values() {
        let a = testdata::article();
        let h = testdata::highlight(&a, "we will act now", 3);
        let out = render(&[h], std::slice::from_ref(&a));
        let mut r = ::csv::Reader::from_reader(out.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), HEADER);
        let rec: Vec<Vec<String>> = r.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
        assert_eq!(
            rec,
            vec![vec![
                "we will act now".to_string(),
                "A *bold* title".into(),
                "Jane Doe".into(),
                "https://example.org/a".into(),
                "check, \"quoted\" .policy".into(),
                "2".into(),
                "2024-03-02 10:20:30".into(),
                "3".into(),
            ]]
        );
    }

    #[test]
    fn a_bilingual_highlight_gives_one_row_per_text_linked_by_id() {
        let a = testdata::article();
        let mut b = testdata::article();
        b.id = "b".into();
        b.meta.title = Some("Un titre".into());
        b.meta.url = None;
        let mut h = testdata::highlight(&a, "we will act now", 7);
        let at = b.text.find("Opening").unwrap();
        h.counterpart = Some(crate::model::HighlightText::from_range(&b, at..at + "Opening".len()));
        let out = render(&[h], &[a, b]);
        let rec: Vec<Vec<String>> =
            ::csv::Reader::from_reader(out.as_bytes()).records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
        assert_eq!(rec.len(), 2);
        assert_eq!((rec[0][0].as_str(), rec[0][1].as_str(), rec[0][7].as_str()), ("we will act now", "A *bold* title", "7"));
        assert_eq!((rec[1][0].as_str(), rec[1][1].as_str(), rec[1][7].as_str()), ("Opening", "Un titre", "7"));
        assert_eq!(rec[1][3], "", "the counterpart is cited from its own article");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("plain"), "plain");
    }
}
