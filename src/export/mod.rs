//! Highlight export with citations: Markdown, JSON, CSV; OSC 52 clipboard (issue 6).
