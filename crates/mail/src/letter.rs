//! The one layout every mail shares, in German or English: greeting, paragraphs, an optional
//! button with its link (also written out, for plain-text readers), and the sign-off. Plain
//! text and HTML are made from the same parts; everything put into the HTML is escaped.

use crate::OutgoingMail;
use kontor_domain::EmailAddress;

/// The words around every mail in one language, and that language's tag for the HTML.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub lang: &'static str,
    pub greeting: &'static str,
    pub sign_off: &'static str,
    pub sender: &'static str,
}

pub struct Letter {
    frame: Frame,
    subject: String,
    paragraphs: Vec<String>,
    action: Option<(String, String)>,
}

impl Letter {
    pub fn new(frame: impl Into<Frame>, subject: impl Into<String>) -> Letter {
        Letter {
            frame: frame.into(),
            subject: subject.into(),
            paragraphs: Vec::new(),
            action: None,
        }
    }

    pub fn paragraph(mut self, text: impl Into<String>) -> Letter {
        self.paragraphs.push(text.into());
        self
    }

    /// The button's label and where it leads.
    pub fn action(mut self, label: impl Into<String>, url: impl Into<String>) -> Letter {
        self.action = Some((label.into(), url.into()));
        self
    }

    pub fn to(self, recipient: EmailAddress) -> OutgoingMail {
        let t = self.frame;
        let mut text = format!("{}\n\n", t.greeting);
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family: sans-serif; \
             color: #1c2430; line-height: 1.5\"><p>{}</p>",
            t.lang,
            escape(t.greeting)
        );
        for paragraph in &self.paragraphs {
            text.push_str(&format!("{paragraph}\n\n"));
            html.push_str(&format!("<p>{}</p>", escape(paragraph)));
        }
        if let Some((label, url)) = &self.action {
            text.push_str(&format!("{label}:\n{url}\n\n"));
            html.push_str(&format!(
                "<p><a href=\"{url}\" style=\"display: inline-block; padding: 10px 18px; \
                 background: #0b5cad; color: #ffffff; border-radius: 6px; \
                 text-decoration: none\">{label}</a></p><p style=\"font-size: 13px; \
                 color: #4a5566\">{url}</p>",
                url = escape(url),
                label = escape(label)
            ));
        }
        text.push_str(&format!("{}\n{}\n", t.sign_off, t.sender));
        html.push_str(&format!(
            "<p>{}<br>{}</p></body></html>",
            escape(t.sign_off),
            escape(t.sender)
        ));
        OutgoingMail {
            to: recipient,
            subject: self.subject,
            text,
            html,
        }
    }
}

/// Text made safe to put into HTML, as content or as a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    const GERMAN: Frame = Frame {
        lang: "de",
        greeting: "Guten Tag,",
        sign_off: "Mit freundlichen Grüßen",
        sender: "Ihr Team",
    };
    const ENGLISH: Frame = Frame {
        lang: "en",
        greeting: "Hello,",
        sign_off: "Kind regards",
        sender: "Your team",
    };

    fn recipient() -> EmailAddress {
        EmailAddress::parse("kunde@firma.de").unwrap()
    }

    #[test]
    fn text_and_html_carry_the_same_content_in_the_chosen_language() {
        let mail = Letter::new(GERMAN, "Bitte bestätigen")
            .paragraph("Vielen Dank für Ihre Registrierung.")
            .action("Jetzt bestätigen", "https://portal.example/confirm/abc")
            .to(recipient());
        assert_eq!(mail.subject, "Bitte bestätigen");
        for body in [&mail.text, &mail.html] {
            assert!(body.contains("Guten Tag"), "{body}");
            assert!(body.contains("Vielen Dank für Ihre Registrierung."));
            assert!(body.contains("https://portal.example/confirm/abc"));
            assert!(body.contains("Jetzt bestätigen"));
        }
        let english = Letter::new(ENGLISH, "Please confirm").to(recipient());
        assert!(english.text.starts_with("Hello"));
        assert!(english.html.contains("lang=\"en\""));
    }

    #[test]
    fn nothing_put_into_the_html_can_become_markup() {
        let mail = Letter::new(ENGLISH, "x")
            .paragraph("<script>alert(1)</script> & \"quotes\"")
            .action("<b>Go</b>", "https://x.example/?a=1&b=\"2\"")
            .to(recipient());
        assert!(!mail.html.contains("<script>"));
        assert!(mail
            .html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assert!(mail
            .html
            .contains("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\""));
        assert!(!mail.html.contains("<b>Go</b>"));
    }
}
