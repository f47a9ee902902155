//! Email. A change that causes a mail writes it to the outbox in its own transaction
//! (`outbox::enqueue`); the server's worker delivers it (`outbox::deliver_due`) through SMTP,
//! or into a folder when no SMTP server is configured, retrying with growing pauses. A crash
//! or an SMTP outage therefore loses nothing.

pub mod letter;
pub mod outbox;
pub mod transport;

pub use letter::Letter;
pub use transport::{MailTransport, SendError};

use crate::domain::EmailAddress;
use crate::i18n::{InvitationMailTexts, Locale};

/// A rendered mail, ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: EmailAddress,
    pub subject: String,
    pub text: String,
    pub html: String,
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
        .paragraph((texts.text)(reseller, domain))
        .action(texts.action, link)
        .paragraph(texts.steps)
        .to(to)
}

/// A mail as its snapshot shows it: recipient, subject, the plain text and the HTML, so a
/// change of text or layout shows in the snapshot's diff (`cargo insta review`).
#[cfg(test)]
pub fn snapshot(mail: &OutgoingMail) -> String {
    format!(
        "To: {}\nSubject: {}\n\n{}\n----- html -----\n{}",
        mail.to.as_str(),
        mail.subject,
        mail.text,
        mail.html
    )
}
