//! The agreement's text, shipped with Kontor in German and English, one file per version and
//! language. Only the server reads them: the browser gets the text with the page.

use crate::i18n::Locale;

pub fn agreement_text(locale: Locale) -> &'static str {
    match locale {
        Locale::De => include_str!("text/2026-11.de.txt"),
        Locale::En => include_str!("text/2026-11.en.txt"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::AGREEMENT_VERSION;
    use super::*;

    #[test]
    fn every_language_has_the_current_version() {
        for locale in Locale::ALL {
            let text = agreement_text(locale);
            assert!(text.lines().next().unwrap().contains(AGREEMENT_VERSION));
            assert!(text.len() > 1000);
        }
    }
}
