//! Email as the capabilities send it: crate `kontor-mail` (letter, outbox, transport) in
//! Kontor's languages.

pub use kontor_mail::{outbox, snapshot, transport, Letter, MailTransport, OutgoingMail};

use crate::i18n::{InvitationMailTexts, Locale};
use kontor_domain::EmailAddress;

/// A letter in a language: `Letter::new(locale, subject)`.
impl From<Locale> for kontor_mail::Frame {
    fn from(locale: Locale) -> Self {
        let t = locale.texts();
        kontor_mail::Frame {
            lang: locale.code(),
            greeting: t.mail.greeting,
            sign_off: t.mail.sign_off,
            sender: t.mail.sender,
        }
    }
}

/// An invitation to the customer's contact, in the customer's language, with the provider's
/// link: to authorise the reseller for an existing tenant, or to link the tenant to it as
/// indirect reseller.
pub fn invitation(
    locale: Locale,
    texts: &InvitationMailTexts,
    reseller: &str,
    domain: &str,
    link: String,
    to: EmailAddress,
) -> OutgoingMail {
    Letter::new(locale, (texts.subject)(reseller))
        .paragraph((texts.text)(crate::i18n::Invitation { reseller, domain }))
        .action(texts.action, link)
        .paragraph(texts.steps)
        .to(to)
}
