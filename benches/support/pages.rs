//! Generated pages shared by the benchmarks.

/// A page as a browser saves it: scripts in the head, JSON-LD, a navigation bar, an
/// article of `paragraphs` paragraphs, a box of `related` links, a footer. With 15
/// paragraphs it is about 50 KB, the size of a typical saved news page.
pub fn saved_news_page(paragraphs: usize, related: usize, scripts: usize) -> String {
    let mut s = String::from("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story - Outlet</title>");
    for i in 0..scripts {
        s.push_str(&format!("<script>var tracking{i} = {{ id: \"{}\" }};</script>\n", "x".repeat(2000)));
    }
    s.push_str(r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Story","author":{"name":"Ann Lee"},"datePublished":"2021-01-02"}</script></head><body>"#);
    s.push_str("<div id=\"cookie-banner\"><p>We use cookies.</p><button>Accept</button></div><header><nav><ul>");
    for i in 0..30 {
        s.push_str(&format!("<li><a href=\"/section/{i}\">Section {i}</a></li>"));
    }
    s.push_str("</ul></nav></header><main><article><h1>Story</h1>");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "<p>Paragraph {i}: the minister said on Monday that the harbour plan would go ahead as agreed. \
             Officials in the city council <a href=\"/topic/{i}\">welcomed</a> the decision, while others did not. \
             “We will not wait any longer,” she said at a news conference on the waterfront.</p>\n"
        ));
    }
    s.push_str("</article><aside class=\"related\"><ul>");
    for i in 0..related {
        s.push_str(&format!("<li><a href=\"/story/{i}\">Another story about the council, number {i}</a></li>"));
    }
    s.push_str("</ul></aside></main><footer>");
    for i in 0..60 {
        s.push_str(&format!("<div class=\"col\"><a href=\"/f/{i}\">Footer link {i}</a></div>"));
    }
    s.push_str("</footer></body></html>");
    s
}
