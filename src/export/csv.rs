//! CSV export with Readwise's import columns, in order:
//! Highlight, Title, Author, URL, Note, Location, Date.
//!
//! - Author: the article's author, else its outlet.
//! - URL: the article's URL (empty when it has none; Readwise wants a web address).
//! - Note: the note, then the tag as Readwise's inline tag syntax (`.tag`).
//! - Location: the 1-based paragraph number of the highlight in the current article text
//!   (empty when orphaned or the article is not loaded).
//! - Date: when the highlight was made, `YYYY-MM-DD HH:MM:SS` UTC.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`)
//! get a leading `'`, since article text is untrusted.

use super::{Source, clean, grouped, index, paragraph_number};
use crate::model::{Article, Highlight};
use crate::util::clock::rfc3339_to_sql_datetime;

pub const HEADER: [&str; 7] = ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"];

pub fn render(highlights: &[Highlight], articles: &[Article]) -> String {
    let by_id = index(articles);
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let mut rows: Vec<[String; 7]> = Vec::new();
    for (_, hs) in grouped(highlights, articles) {
        for h in hs {
            let article = by_id.get(h.article.as_str()).copied();
            let source = Source::of(&h.article, article);
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
                h.text.clone(),
                source.title.clone(),
                source.author.clone().or(source.outlet.clone()).unwrap_or_default(),
                source.url.clone().unwrap_or_default(),
                note,
                paragraph_number(h, article).map(|n| n.to_string()).unwrap_or_default(),
                rfc3339_to_sql_datetime(&h.created),
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
            ]]
        );
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("plain"), "plain");
    }
}
