//! Scraped page furniture, recognised line by line by general rules, and the metadata
//! some of it carries (bylines, date lines, `Source:` lines).

use super::meta;

/// What one line of a scraped page is.
#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    /// Article text (or a heading): kept.
    Body,
    /// Page furniture with nothing worth keeping.
    Junk,
    /// A line that is only a date; `updated` when it is a revision date.
    Date { date: String, updated: bool },
    /// "Posted by: NAME …" / "By NAME": the author and any date on the same line.
    Byline { author: Option<String>, date: Option<String> },
    /// "Source: …": where the article comes from.
    Source(String),
}

/// Classify one line (already trimmed of surrounding white space).
pub fn classify(line: &str) -> LineKind {
    let line = line.trim();
    if line.is_empty() || !line.chars().any(char::is_alphanumeric) {
        return LineKind::Junk;
    }
    // The lower-cased start every label test reads, made once per line.
    let head = lower_head(line);
    if let Some(src) = source_line(line, &head) {
        return LineKind::Source(src);
    }
    if let Some((date, updated)) = meta::date_line(line) {
        return LineKind::Date { date, updated };
    }
    if let Some(kind) = byline(line, &head) {
        return kind;
    }
    if is_icon_names(line)
        || is_social_buttons(line)
        || is_read_more(&head)
        || is_photo_credit(line, &head)
        || is_category_line(line, &head)
        || is_comment_count(line)
        || is_breadcrumb(line)
        || is_relative_time(line)
        || is_bare_credit(line)
    {
        return LineKind::Junk;
    }
    LineKind::Body
}

/// The start of a line in lower case: enough for every label test, and cheap on long
/// lines of prose.
fn lower_head(line: &str) -> String {
    line.chars().take(40).flat_map(char::to_lowercase).collect()
}

fn lower_words(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn ends_like_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '»', ')', ' ']).ends_with(['.', '!', '?', '…'])
}

/// "Source: Vice News", "Source : communiqué de presse …", "Sources: AFP, Reuters".
fn source_line(line: &str, lower: &str) -> Option<String> {
    let rest_at = ["sources", "source"]
        .iter()
        .find_map(|l| lower.starts_with(l).then_some(l.len()))?;
    let rest = line.get(rest_at..)?.trim_start();
    let rest = rest.strip_prefix(':')?.trim();
    let rest = rest.trim_end_matches('.').trim();
    (!rest.is_empty() && rest.chars().count() <= 120).then(|| rest.to_string())
}

/// A line of many words most of which name icons: an icon font's ligature names that
/// leaked into the text ("icon bookmark-bicon bookmarkicon camera…").
fn is_icon_names(line: &str) -> bool {
    if !line.contains("icon") && !line.contains("Icon") && !line.contains("ICON") {
        return false;
    }
    let lower = line.to_lowercase();
    let words = lower.split_whitespace().count();
    let icons = lower.matches("icon").count();
    words >= 6 && icons >= 4 && icons * 4 >= words
}

const SOCIAL_CORE: &[&str] = &[
    "follow", "share", "partager", "partagez", "tweet", "print", "imprimer", "email", "e-mail",
    "suivre", "suivez", "subscribe", "abonnez-vous", "s'abonner", "advertisement", "publicité",
    "sponsored", "like", "pin", "whatsapp", "facebook", "twitter", "linkedin", "telegram",
    "reddit", "comment", "commenter", "réagir", "save", "sauvegarder", "copy", "link", "lien",
];
const SOCIAL_FILLER: &[&str] = &["this", "article", "us", "on", "sur", "nous", "cet", "the", "story", "via", "par", "mail", "copier", "le", "and", "et"];

/// Social-media buttons: short lines made only of words like Follow, Share, Tweet.
fn is_social_buttons(line: &str) -> bool {
    if line.len() > 100 {
        return false;
    }
    let words = lower_words(line);
    !words.is_empty()
        && words.len() <= 6
        && words.iter().any(|w| SOCIAL_CORE.contains(&w.as_str()))
        && words
            .iter()
            .all(|w| SOCIAL_CORE.contains(&w.as_str()) || SOCIAL_FILLER.contains(&w.as_str()))
}

/// "READ MORE: …", "Read more:", "Lire aussi : …", "See also" — links to other stories.
fn is_read_more(lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "read more", "read also", "read next", "related", "see also", "more on this",
        "continue reading", "lire aussi", "à lire aussi", "a lire aussi", "lire la suite",
        "voir aussi", "à voir aussi", "sur le même sujet", "watch", "listen",
    ];
    LABELS.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(':') || rest.starts_with('»') || rest.starts_with('>')
        })
    })
}

/// Photo captions and credits: "Photo: …", "Credit: …", "© AFP", or a line that ends
/// with an agency credit in parentheses like "(REUTERS/Name)" or "(AFP Photo)".
fn is_photo_credit(line: &str, lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "photo", "photos", "credit", "credits", "crédit", "crédits", "crédit photo", "image",
        "picture", "photograph", "caption", "illustration", "légende",
    ];
    if LABELS.iter().any(|l| {
        lower
            .strip_prefix(l)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    }) || lower.starts_with('©')
    {
        return true;
    }
    let Some(inner) = line
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|i| &s[i + 1..]))
    else {
        return false;
    };
    let inner_lower = inner.to_lowercase();
    let agency_slash = inner.split_once('/').is_some_and(|(agency, rest)| {
        let agency = agency.trim();
        agency.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && agency.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.')
            && !rest.trim().is_empty()
    });
    agency_slash
        || ["photo", "getty images", "credit", "crédit", "©"].iter().any(|k| inner_lower.contains(k))
}

/// "in Featured, News Updates", "Filed under: …", "Tags: …".
fn is_category_line(line: &str, lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "filed under", "categories", "category", "tags", "tagged", "topics", "catégories",
        "catégorie", "mots-clés", "mots clés", "thèmes",
    ];
    if LABELS.iter().any(|l| lower.strip_prefix(l).is_some_and(|r| r.trim_start().starts_with(':'))) {
        return true;
    }
    let Some(rest) = line.strip_prefix("in ").or_else(|| line.strip_prefix("In ")) else {
        return false;
    };
    let items: Vec<&str> = rest.split(',').map(str::trim).collect();
    !ends_like_sentence(line)
        && line.split_whitespace().count() <= 10
        && items.len() >= 2
        && items.iter().all(|i| i.chars().next().is_some_and(char::is_uppercase))
}

/// "3 Comments", "No comments", "12 commentaires", "Leave a comment".
fn is_comment_count(line: &str) -> bool {
    if line.len() > 60 {
        return false;
    }
    let words = lower_words(line);
    let nouns = ["comment", "comments", "responses", "response", "replies", "reply", "commentaire", "commentaires", "réactions", "réaction"];
    match words.as_slice() {
        [n, noun] => {
            (n.bytes().all(|b| b.is_ascii_digit()) || n == "no" || n == "one" || n == "aucun")
                && nouns.contains(&noun.as_str())
        }
        [a, b, noun] => {
            matches!((a.as_str(), b.as_str()), ("leave", "a") | ("add", "a") | ("post", "a") | ("laisser", "un"))
                && nouns.contains(&noun.as_str())
        }
        _ => false,
    }
}

/// "Home > World > Europe": navigation breadcrumbs.
fn is_breadcrumb(line: &str) -> bool {
    // (Lengths are checked first, and without counting a long line to its end: every
    // line of every page comes through here, and most are long paragraphs.)
    let crumbs = || line.matches(" > ").count() + line.matches(" › ").count() + line.matches(" / ").count();
    at_most_chars(line, 120) && crumbs() >= 2 && !ends_like_sentence(line) || is_menu(line)
}

/// A menu or footer row: three or more short items between bars, bullets or dashes
/// ("Accueil | France | Monde | Sport", "Mentions légales - Contact - Plan du site").
fn is_menu(line: &str) -> bool {
    if !at_most_chars(line, 120) || ends_like_sentence(line) {
        return false;
    }
    [" | ", " · ", " • ", " - ", " – "].iter().any(|sep| {
        let items: Vec<&str> = line.split(sep).map(str::trim).collect();
        items.len() >= 3 && items.iter().all(|i| !i.is_empty() && i.split_whitespace().count() <= 3)
    })
}

/// Whether `line` has at most `n` characters (looking at no more than `n + 1` of them).
fn at_most_chars(line: &str, n: usize) -> bool {
    line.len() <= n || line.chars().nth(n).is_none()
}

/// "3 hours ago", "Il y a 2 heures": page-relative timestamps, meaningless in a file.
fn is_relative_time(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    let words = lower_words(line);
    let units = ["second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "day", "days", "week", "weeks",
        "heure", "heures", "jour", "jours", "semaine", "semaines", "secondes"];
    let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || matches!(w, "a" | "an" | "one" | "une" | "un");
    match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [n, unit, "ago"] => number(n) && units.contains(unit),
        ["il", "y", "a", n, unit] => number(n) && units.contains(unit),
        _ => false,
    }
}

/// A short line that is only a picture credit: "Getty Images", "AFP via Getty Images",
/// "Jane Doe/Reuters", "AP Photo/John Smith".
fn is_bare_credit(line: &str) -> bool {
    if line.split_whitespace().nth(6).is_some() || ends_like_sentence(line) {
        return false;
    }
    let lower = line.to_lowercase();
    ["getty images", "shutterstock", "ap photo", "afp photo", "/afp", "afp/", "/reuters", "reuters/", "/ap", "epa/", "/epa"]
        .iter()
        .any(|k| lower.contains(k))
}

/// "Posted by: NAME February 16, 2017 in …", "By Jane Roe", "Par Jean Dupont".
fn byline(line: &str, lower: &str) -> Option<LineKind> {
    const LABELS: &[&str] = &["posted by", "written by", "published by", "by", "par", "publié par", "écrit par"];
    let rest_at = LABELS.iter().find_map(|l| {
        let rest = lower.strip_prefix(l)?;
        (rest.starts_with(' ') || rest.starts_with(':')).then_some(l.len())
    })?;
    let rest = line.get(rest_at..)?.trim_start().trim_start_matches(':').trim_start();
    if line.split_whitespace().count() > 20 || ends_like_sentence(line) {
        return None;
    }
    let date = meta::find_date(rest);
    // The name runs until the date or a separator that starts other furniture.
    let mut end = date.as_ref().map_or(rest.len(), |(_, r)| r.start);
    for sep in [" in ", " | ", " · ", " - ", " – ", " — ", ",", " on "] {
        if let Some(i) = rest[..end].find(sep) {
            end = i;
        }
    }
    let name = rest[..end].trim();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let connector = |w: &str| matches!(w, "and" | "et" | "de" | "van" | "von" | "du" | "da" | "al" | "bin" | "&");
    let is_name = !name_words.is_empty()
        && name_words.len() <= 8
        && name_words
            .iter()
            .all(|w| connector(w) || w.chars().next().is_some_and(char::is_uppercase));
    if !is_name {
        // "By the end of the year" is prose, unless a date shows this is furniture.
        return date.map(|(d, _)| LineKind::Byline { author: None, date: Some(d) });
    }
    Some(LineKind::Byline { author: Some(name.to_string()), date: date.map(|(d, _)| d) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineKind::*;

    #[test]
    fn junk_lines() {
        for l in [
            "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon",
            "Follow",
            "Share",
            "Partager",
            "Tweet",
            "Share this article",
            "Follow us on Twitter",
            "READ MORE: Something happened somewhere",
            "Read more:",
            "Lire aussi : un autre article",
            "Photo: John Smith",
            "Credit: AFP",
            "Police officers stand guard in the city centre on Monday. (REUTERS/Jane Doe)",
            "Une voiture brûlée à Paris. (AFP Photo)",
            "in Featured, News Updates",
            "Tags: terrorism, internet",
            "3 Comments",
            "Leave a comment",
            "* * *",
            "Home > World > Europe",
            "Accueil | France | Monde | Sport",
            "Mentions légales - Contact - Plan du site",
            "Home · World · Business · Tech",
            "3 hours ago",
            "Il y a 2 heures",
            "AFP via Getty Images",
            "Jane Doe/Reuters",
        ] {
            assert_eq!(classify(l), Junk, "{l}");
        }
    }

    #[test]
    fn body_lines_stay() {
        for l in [
            "Highest terrorist threat",
            "Share prices fell sharply on Monday after the announcement.",
            "In France, Germany and Italy the police said nothing.",
            "By the end of the year, the group had lost its territory.",
            "Read the report and you will see why it matters.",
            "He said the website (hosted at example.org/path) was closed.",
            "Follow the money, investigators say.",
            "Photograph albums were found in the house.",
            "Par ailleurs, la police a arrêté deux suspects.",
            "Three hours ago the police arrived and began to search the building.",
            "Income > expenses > savings is the rule she follows.",
            "Paris - Berlin - Rome: the minister's tour ends on Friday.",
            "Security | A new law is coming into force in France this spring",
            "Reuters",
        ] {
            assert_eq!(classify(l), Body, "{l}");
        }
    }

    #[test]
    fn metadata_lines() {
        assert_eq!(classify("Source: Vice News"), Source("Vice News".into()));
        assert_eq!(classify("Source : communiqué de presse, Reuters"), Source("communiqué de presse, Reuters".into()));
        assert_eq!(classify("20 Nov, 2015 13:56"), Date { date: "2015-11-20".into(), updated: false });
        assert_eq!(classify("Updated 03 May 2017"), Date { date: "2017-05-03".into(), updated: true });
        assert_eq!(
            classify("Posted by: Joan Smith February 16, 2017 in Featured, News 3 Comments"),
            Byline { author: Some("Joan Smith".into()), date: Some("2017-02-16".into()) }
        );
        assert_eq!(classify("By Jane Roe and John Doe"), Byline { author: Some("Jane Roe and John Doe".into()), date: None });
        assert_eq!(classify("Par Jean Dupont, à Paris"), Byline { author: Some("Jean Dupont".into()), date: None });
    }
}
