//! The invitation an existing tenant's contact receives, in the customer's language.

use crate::backend::mail::{Letter, OutgoingMail};
use crate::domain::EmailAddress;
use crate::i18n::Locale;

pub fn invitation(
    locale: Locale,
    reseller: &str,
    domain: &str,
    link: String,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().tenants;
    Letter::new(locale, (t.mail_invitation_subject)(reseller))
        .paragraph((t.mail_invitation_text)(reseller, domain))
        .action(t.mail_invitation_action, link)
        .paragraph(t.mail_invitation_steps)
        .to(to)
}
