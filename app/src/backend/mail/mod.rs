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

/// A rendered mail, ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: EmailAddress,
    pub subject: String,
    pub text: String,
    pub html: String,
}
