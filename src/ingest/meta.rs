//! Dates in the forms news pages write them, and the `---` header some files start with.

use super::entities;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("janvier", 1), ("janv", 1),
    ("february", 2), ("feb", 2), ("février", 2), ("fevrier", 2), ("févr", 2), ("fevr", 2), ("fév", 2),
    ("march", 3), ("mar", 3), ("mars", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("avr", 4),
    ("may", 5), ("mai", 5),
    ("june", 6), ("jun", 6), ("juin", 6),
    ("july", 7), ("jul", 7), ("juillet", 7), ("juil", 7),
    ("august", 8), ("aug", 8), ("août", 8), ("aout", 8),
    ("september", 9), ("sep", 9), ("sept", 9), ("septembre", 9),
    ("october", 10), ("oct", 10), ("octobre", 10),
    ("november", 11), ("nov", 11), ("novembre", 11),
    ("december", 12), ("dec", 12), ("décembre", 12), ("decembre", 12), ("déc", 12),
];

/// Words that may stand around a date on a line that is only a date.
const DATE_LINE_FILLER: &[&str] = &[
    "am", "pm", "gmt", "utc", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "z", "at", "on",
    "à", "a", "le", "h", "updated", "published", "posted", "last", "modified", "mis", "jour",
    "publié", "modifié", "actualisé", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "the", "of", "et",
];

/// Words that mark a date as a revision date rather than the publication date.
const UPDATE_WORDS: &[&str] = &["updated", "modified", "mis", "modifié", "actualisé"];

/// A word of a line with its byte range.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(Word { text: &s[st..i], start: st, end: i });
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn month(w: &str) -> Option<u32> {
    // Called for every word of every line: compare without allocating.
    if w.len() > 10 || !w.starts_with(char::is_alphabetic) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(n, _)| n.chars().eq(w.chars().flat_map(char::to_lowercase)))
        .map(|&(_, m)| m)
}

fn day(w: &str) -> Option<u32> {
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .or_else(|| w.strip_suffix("er"))
        .unwrap_or(w);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1900..=2100).contains(y))
}

fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first full date (day, month and year) in `s` as `YYYY-MM-DD`, with the byte range
/// it covers. A month and year alone is not a date: it stays unknown.
pub fn find_date(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let ws = words(s);
    for i in 0..ws.len() {
        let w = |k: usize| ws.get(i + k).map(|w| w.text);
        // 2017-02-16, 2017/02/16 (also the date part of 2017-02-16T10:00:00Z).
        if let (Some(y), Some(m), Some(d)) = (w(0).and_then(year), w(1), w(2)) {
            let seps = (&s[ws[i].end..ws[i + 1].start], &s[ws[i + 1].end..ws[i + 2].start]);
            // "02T10" when a time follows the ISO date.
            let d = d.split_once('T').map_or(d, |(day, _)| day);
            if matches!(seps, ("-", "-") | ("/", "/")) && m.len() <= 2 && d.len() <= 2 {
                let d = d.parse().ok().and_then(|d: u32| iso(y, m.parse().ok()?, d));
                if let Some(d) = d {
                    return Some((d, ws[i].start..ws[i + 2].end));
                }
            }
        }
        // 20/11/2015, 20.11.2015, 11/20/2015: numbers only. The order is read from the
        // numbers (a part over 12 is the day) or, when both could be the month, from a
        // French label on the line ("Publié le 12/03/2019": day first); else unknown.
        if let (Some(a), Some(b), Some(y)) = (w(0).and_then(day), w(1).and_then(day), w(2).and_then(year)) {
            let seps = (&s[ws[i].end..ws[i + 1].start], &s[ws[i + 1].end..ws[i + 2].start]);
            let numeric = |w: Option<&str>| w.is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
            if matches!(seps, ("/", "/") | (".", ".") | ("-", "-")) && numeric(w(0)) && numeric(w(1)) {
                let (d, m) = match (a > 12, b > 12) {
                    (true, false) => (Some(a), Some(b)),
                    (false, true) => (Some(b), Some(a)),
                    (false, false) if a == b || day_first_hint(&ws) => (Some(a), Some(b)),
                    _ => (None, None),
                };
                if let Some(date) = d.zip(m).and_then(|(d, m)| iso(y, m, d)) {
                    return Some((date, ws[i].start..ws[i + 2].end));
                }
            }
        }
        // February 16, 2017 · Feb. 16th 2017
        if let (Some(m), Some(d), Some(y)) = (w(0).and_then(month), w(1).and_then(day), w(2).and_then(year))
            && let Some(date) = iso(y, m, d)
        {
            return Some((date, ws[i].start..ws[i + 2].end));
        }
        // 16 February 2017 · 20 Nov, 2015 · 1er mars 2017
        if let (Some(d), Some(m), Some(y)) = (w(0).and_then(day), w(1).and_then(month), w(2).and_then(year))
            && let Some(date) = iso(y, m, d)
        {
            return Some((date, ws[i].start..ws[i + 2].end));
        }
    }
    None
}

/// French words that label a date ("Publié le", "mis à jour le"): French writes the
/// day first.
fn day_first_hint(ws: &[Word<'_>]) -> bool {
    ws.iter().any(|w| {
        let lower = w.text.to_lowercase();
        matches!(lower.as_str(), "le" | "publié" | "modifié" | "actualisé" | "mis" | "jour" | "à")
    })
}

/// `s` parsed as a date, wherever the date stands in it.
pub fn parse_date(s: &str) -> Option<String> {
    find_date(s).map(|(d, _)| d)
}

/// A line that holds a date and nothing else but times, weekdays, time zones and labels
/// like "Updated" / "Publié le". Returns the date and whether it is a revision date.
pub fn date_line(line: &str) -> Option<(String, bool)> {
    if line.chars().count() > 80 {
        return None;
    }
    let (date, range) = find_date(line)?;
    let mut updated = false;
    for w in words(line) {
        if w.start >= range.start && w.end <= range.end {
            continue;
        }
        let lower = w.text.to_lowercase();
        let is_time = lower.len() <= 2 && lower.bytes().all(|b| b.is_ascii_digit())
            || lower.contains('h') && lower.split('h').all(|p| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
        if !(is_time || DATE_LINE_FILLER.contains(&lower.as_str())) {
            return None;
        }
        updated |= UPDATE_WORDS.contains(&lower.as_str());
    }
    Some((date, updated))
}

/// What a leading `---` … `---` header says. A header of `key: value` lines is read as
/// fields; any other header is the title.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Split a leading header off `text`. Returns the header (if any) and the rest.
pub fn front_matter(text: &str) -> (Option<FrontMatter>, &str) {
    let trimmed = text.trim_start_matches(['\n', ' ', '\t']);
    let Some(after_open) = trimmed.strip_prefix("---") else {
        return (None, text);
    };
    let Some(after_open) = after_open.trim_start_matches([' ', '\t']).strip_prefix('\n') else {
        return (None, text);
    };
    // The closing fence must come soon: a header is a few lines, not the article.
    let mut offset = 0;
    for (n, line) in after_open.split_inclusive('\n').enumerate() {
        if n > 30 {
            break;
        }
        if line.trim() == "---" {
            let header = &after_open[..offset];
            let rest = &after_open[offset + line.len()..];
            return (Some(read_header(header)), rest);
        }
        offset += line.len();
    }
    (None, text)
}

fn read_header(header: &str) -> FrontMatter {
    let lines: Vec<&str> = header.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut fm = FrontMatter::default();
    let field = |l: &str| -> Option<(String, String)> {
        let (k, v) = l.split_once(':')?;
        let k = k.trim().to_lowercase();
        let known = ["title", "author", "authors", "by", "date", "published", "source", "outlet", "publisher", "url", "link"];
        known.contains(&k.as_str()).then(|| (k, unquote(v.trim()).to_string()))
    };
    if !lines.is_empty() && lines.iter().all(|l| field(l).is_some()) {
        for (k, v) in lines.iter().filter_map(|l| field(l)) {
            let v = clean_value(&v);
            if v.is_empty() {
                continue;
            }
            match k.as_str() {
                "title" => fm.title = Some(v),
                "author" | "authors" | "by" => fm.author = Some(v),
                "date" | "published" => fm.date = parse_date(&v),
                "source" | "outlet" | "publisher" => fm.source = Some(v),
                _ => fm.url = Some(v),
            }
        }
    } else {
        let title = clean_value(&lines.join(" "));
        fm.title = (!title.is_empty()).then_some(title);
    }
    fm
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(v)
}

/// Entity-decoded, tag-free, single-spaced.
/// An author value as pages write it ("By Jane Roe", "Par Jean Dupont", "Posted by:
/// Joe") without the byline label.
pub fn strip_byline_label(author: &str) -> &str {
    let t = author.trim();
    for label in ["posted by:", "posted by", "written by", "by:", "by ", "par:", "par "] {
        if t.len() > label.len()
            && t.is_char_boundary(label.len())
            && t[..label.len()].eq_ignore_ascii_case(label)
        {
            return t[label.len()..].trim();
        }
    }
    t
}

/// What a page's JSON-LD (`<script type="application/ld+json">`) says about its article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonLd {
    pub headline: Option<String>,
    /// Every author named, joined with ", ".
    pub author: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// Read the first article-like object (`NewsArticle`, `BlogPosting`, `Report` …, also
/// inside `@graph` or a list) of one JSON-LD script. Not JSON, or no article: nothing.
pub fn json_ld(script: &str) -> JsonLd {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(script.trim()) else {
        return JsonLd::default();
    };
    let Some(article) = find_article(&value, 0) else {
        return JsonLd::default();
    };
    let text = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).map(clean_value).filter(|s| !s.is_empty());
    let names = |v: Option<&serde_json::Value>| -> Option<String> {
        let one = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => Some(clean_value(s)),
            serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(clean_value),
            _ => None,
        };
        let all: Vec<String> = match v? {
            serde_json::Value::Array(items) => items.iter().filter_map(one).collect(),
            other => one(other).into_iter().collect(),
        };
        let all: Vec<String> = all.into_iter().filter(|n| !n.is_empty() && !n.starts_with("http")).collect();
        (!all.is_empty()).then(|| all.join(", "))
    };
    JsonLd {
        headline: text(article.get("headline")).or_else(|| text(article.get("name"))),
        author: names(article.get("author")).or_else(|| names(article.get("creator"))),
        date: text(article.get("datePublished")).or_else(|| text(article.get("dateCreated"))),
        publisher: names(article.get("publisher")),
        url: text(article.get("url")),
        language: text(article.get("inLanguage")).and_then(|l| language_code(&l)),
    }
}

/// Nesting deeper than this is not metadata anyone wrote by hand; stop there.
const JSON_LD_MAX_DEPTH: usize = 8;

fn find_article(v: &serde_json::Value, depth: usize) -> Option<&serde_json::Map<String, serde_json::Value>> {
    if depth > JSON_LD_MAX_DEPTH {
        return None;
    }
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        serde_json::Value::Object(o) => {
            let is_article = |t: &serde_json::Value| {
                t.as_str().is_some_and(|t| t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "WebPage" | "LiveBlogPosting"))
            };
            let types_match = match o.get("@type") {
                Some(serde_json::Value::Array(ts)) => ts.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            // An article beats the page around it.
            let inner = o.get("@graph").and_then(|g| find_article(g, depth + 1));
            let webpage = o.get("@type").and_then(|t| t.as_str()) == Some("WebPage");
            match (types_match, inner) {
                (true, Some(inner)) if webpage => Some(inner),
                (true, _) => Some(o),
                (false, inner) => inner,
            }
        }
        _ => None,
    }
}

/// `"Story - Reuters"` → (`"Story"`, `"Reuters"`): a page's `<title>` ends with the outlet
/// after a dash, bar or middle dot. The suffix must be short (at most four words) and
/// the title part longer than it; otherwise the whole is the title.
pub fn split_outlet_suffix(title: &str) -> (Option<String>, Option<String>) {
    let title = clean_value(title);
    let cut = OUTLET_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|&(i, _)| i);
    if let Some((i, len)) = cut {
        let (head, outlet) = (title[..i].trim(), title[i + len..].trim());
        let words = outlet.split_whitespace().count();
        if (1..=4).contains(&words) && head.len() > outlet.len() {
            return (Some(head.to_string()), Some(outlet.to_string()));
        }
    }
    ((!title.is_empty()).then_some(title), None)
}

/// `title` without a trailing `" | outlet"` (any separator of [`split_outlet_suffix`]):
/// `og:title` often repeats the outlet the way `<title>` does.
pub fn without_outlet(title: &str, outlet: &str) -> String {
    for sep in OUTLET_SEPARATORS {
        if let Some(head) = title.strip_suffix(outlet).and_then(|h| h.strip_suffix(sep.trim_start())).map(str::trim_end)
            && !head.is_empty()
        {
            return head.to_string();
        }
    }
    title.to_string()
}

const OUTLET_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " · ", " :: "];

/// `"en-GB"`, `"fr_FR"`, `"EN"` → `"en"`, `"fr"`: the primary subtag of a language tag,
/// when it is a two-letter code.
pub fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic())).then(|| primary.to_ascii_lowercase())
}

pub fn clean_value(v: &str) -> String {
    let decoded = entities::decode(v);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_suffix_is_the_outlet() {
        let split = |t: &str| split_outlet_suffix(t);
        assert_eq!(split("Police arrest three - Reuters"), (Some("Police arrest three".into()), Some("Reuters".into())));
        assert_eq!(split("La réforme adoptée | Le Monde"), (Some("La réforme adoptée".into()), Some("Le Monde".into())));
        assert_eq!(split("Brexit: the deal – what it means | Politics | The Guardian").1.as_deref(), Some("The Guardian"));
        assert_eq!(split("Just a title"), (Some("Just a title".into()), None));
        assert_eq!(split("Q&A - what the long-awaited report says about it"), (Some("Q&A - what the long-awaited report says about it".into()), None));
    }

    #[test]
    fn json_ld_article_with_authors_in_a_graph() {
        let ld = json_ld(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Big &amp; news","author":[{"@type":"Person","name":"Ann Lee"},"Bob Kay"],
             "datePublished":"2021-03-04T09:30:00Z","publisher":{"@type":"Organization","name":"The Daily"},"inLanguage":"fr-FR"}]}"#);
        assert_eq!(ld.headline.as_deref(), Some("Big & news"));
        assert_eq!(ld.author.as_deref(), Some("Ann Lee, Bob Kay"));
        assert_eq!(ld.date.as_deref(), Some("2021-03-04T09:30:00Z"));
        assert_eq!(ld.publisher.as_deref(), Some("The Daily"));
        assert_eq!(ld.language.as_deref(), Some("fr"));
        assert_eq!(json_ld("not json {"), JsonLd::default());
    }

    #[test]
    fn a_title_loses_its_outlet_suffix() {
        assert_eq!(without_outlet("Pear Jam Recipe | The Cook", "The Cook"), "Pear Jam Recipe");
        assert_eq!(without_outlet("Pear Jam Recipe - The Cook", "The Cook"), "Pear Jam Recipe");
        assert_eq!(without_outlet("The Cook", "The Cook"), "The Cook");
        assert_eq!(without_outlet("Meet The Cook", "The Cook"), "Meet The Cook");
    }

    #[test]
    fn language_tags_give_their_primary_code() {
        assert_eq!(language_code("en-GB").as_deref(), Some("en"));
        assert_eq!(language_code("fr_FR").as_deref(), Some("fr"));
        assert_eq!(language_code("FR").as_deref(), Some("fr"));
        assert_eq!(language_code("x-klingon"), None);
    }

    #[test]
    fn byline_labels_are_not_part_of_the_author() {
        assert_eq!(strip_byline_label("By Hidden Author"), "Hidden Author");
        assert_eq!(strip_byline_label("Posted by: Joan Smith"), "Joan Smith");
        assert_eq!(strip_byline_label("Par Jean Dupont"), "Jean Dupont");
        assert_eq!(strip_byline_label("Byron Smith"), "Byron Smith");
        assert_eq!(strip_byline_label("Pardo Ruiz"), "Pardo Ruiz");
    }

    #[test]
    fn dates_in_many_forms() {
        for (s, want) in [
            ("February 16, 2017", Some("2017-02-16")),
            ("20 Nov, 2015 13:56", Some("2015-11-20")),
            ("Updated 03 May 2017", Some("2017-05-03")),
            ("2017-02-16", Some("2017-02-16")),
            ("2019-01-02T10:00:00Z", Some("2019-01-02")),
            ("Publié le 1er mars 2018 à 10h30", Some("2018-03-01")),
            ("Sept. 3rd 2020", Some("2020-09-03")),
            ("On January 27, DeepDotWeb reported", None),
            ("May 2019", None),
            ("February 30, 2017", None),
            ("2 000 personnes en 2019", None),
            ("Publié le 12/03/2019 à 14h05", Some("2019-03-12")),
            ("Posted 20/11/2015", Some("2015-11-20")),
            ("Posted 11/20/2015", Some("2015-11-20")),
            ("24.12.2016", Some("2016-12-24")),
            ("Posted 03/04/2019", None),
            ("version 1.2.2019", None),
        ] {
            assert_eq!(parse_date(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn date_lines_only_hold_a_date() {
        assert_eq!(date_line("20 Nov, 2015 13:56"), Some(("2015-11-20".into(), false)));
        assert_eq!(date_line("Updated 03 May 2017"), Some(("2017-05-03".into(), true)));
        assert_eq!(date_line("Mis à jour le 3 mai 2017 à 14h05"), Some(("2017-05-03".into(), true)));
        assert_eq!(date_line("On 3 May 2017 the police said"), None);
    }

    #[test]
    fn header_as_title_or_fields() {
        let (fm, rest) = front_matter("---\nGov&#8217;t: a title\n---\nBody");
        assert_eq!(fm.unwrap().title.as_deref(), Some("Gov’t: a title"));
        assert_eq!(rest, "Body");
        let (fm, _) = front_matter("---\ntitle: \"T\"\nauthor: Ann Lee\ndate: 4 July 2021\n---\nx");
        let fm = fm.unwrap();
        assert_eq!((fm.title.as_deref(), fm.author.as_deref(), fm.date.as_deref()), (Some("T"), Some("Ann Lee"), Some("2021-07-04")));
        assert_eq!(front_matter("--- not a header\ntext").0, None);
        assert_eq!(front_matter("---\nno closing fence").0, None);
    }
}
