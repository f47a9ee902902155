//! Announcements are written in Markdown by staff; what reaches a reseller's page is HTML
//! that can do no harm: rendered by pulldown-cmark, then cleaned by ammonia, which keeps only
//! harmless tags and attributes (no scripts, no event handlers, no `javascript:` links).

use pulldown_cmark::{html, Options, Parser};

pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut rendered = String::new();
    html::push_html(&mut rendered, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&rendered)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            to_safe_html("**Neu:** [Preise](https://example.com/preise)\n\n- eins\n- zwei"),
            "<p><strong>Neu:</strong> <a href=\"https://example.com/preise\" \
             rel=\"noopener noreferrer nofollow\">Preise</a></p>\n<ul>\n<li>eins</li>\n\
             <li>zwei</li>\n</ul>\n"
        );
    }

    #[test]
    fn injections_render_harmless() {
        let attempts = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[klick](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">klick</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<svg onload=alert(1)>",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        ];
        for attempt in attempts {
            let html = to_safe_html(attempt).to_lowercase();
            for danger in [
                "<script",
                "onerror",
                "onload",
                "javascript:",
                "<iframe",
                "style=",
                "data:",
            ] {
                assert!(!html.contains(danger), "{attempt:?} gave {html:?}");
            }
        }
    }
}
