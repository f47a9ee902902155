//! Email. A change that causes a mail writes it to the outbox in its own transaction
//! (`outbox::enqueue`); the server's worker delivers it (`outbox::deliver_due`) through SMTP,
//! or into a folder when no SMTP server is configured, retrying with growing pauses. A crash
//! or an SMTP outage therefore loses nothing. The words around a mail (greeting, sign-off)
//! come from the caller's language as a [`Frame`]; this crate knows no language.

pub mod letter;
pub mod outbox;
pub mod transport;

pub use letter::{Frame, Letter};
pub use transport::{MailTransport, SendError};

use kontor_domain::EmailAddress;

/// A rendered mail, ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: EmailAddress,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A mail as its snapshot shows it: recipient, subject, the plain text and the HTML, so a
/// change of text or layout shows in the snapshot's diff (`cargo insta review`).
pub fn snapshot(mail: &OutgoingMail) -> String {
    format!(
        "To: {}\nSubject: {}\n\n{}\n----- html -----\n{}",
        mail.to.as_str(),
        mail.subject,
        mail.text,
        mail.html
    )
}
