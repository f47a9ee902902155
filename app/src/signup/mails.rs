//! The mails of the signup and of the distributor's decision, in the reader's language.

use crate::i18n::Locale;
use crate::platform::mail::{Letter, OutgoingMail};
use crate::platform::{request::LinkBase, secret_token::SecretToken};
use kontor_domain::EmailAddress;

pub fn confirm_signup(
    locale: Locale,
    links: &LinkBase,
    token: &SecretToken,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().accounts;
    Letter::new(locale, t.mail.confirm_subject)
        .paragraph(t.mail.confirm_text)
        .action(
            t.mail.confirm_action,
            links.link(&format!("/signup/confirm/{}", token.expose())),
        )
        .paragraph(t.mail.confirm_expiry)
        .to(to)
}

pub fn already_registered(locale: Locale, links: &LinkBase, to: EmailAddress) -> OutgoingMail {
    let t = locale.texts().accounts;
    Letter::new(locale, t.mail.exists_subject)
        .paragraph(t.mail.exists_text)
        .action(t.mail.exists_action, links.link("/login"))
        .paragraph(t.mail.exists_reset)
        .to(to)
}

pub fn decision(
    locale: Locale,
    links: &LinkBase,
    approved: bool,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().accounts;
    if approved {
        Letter::new(locale, t.mail.approved_subject)
            .paragraph(t.mail.approved_text)
            .action(t.mail.approved_action, links.link("/login"))
            .to(to)
    } else {
        Letter::new(locale, t.mail.rejected_subject)
            .paragraph(t.mail.rejected_text)
            .to(to)
    }
}

/// To each of the distributor's staff: a company became active by its customer number alone.
pub fn vouched_account(
    locale: Locale,
    links: &LinkBase,
    company: &crate::resellers::server::VouchedCompany,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().accounts;
    let text = (t.mail.vouched_text)(crate::i18n::NewAccount {
        company: &company.name,
        number: &company.customer_number,
        email: &company.email,
    });
    Letter::new(locale, (t.mail.vouched_subject)(&company.name))
        .paragraph(text)
        .action(
            t.mail.vouched_action,
            links.link(&format!("/admin/resellers/{}", company.id)),
        )
        .to(to)
}

/// To the contact the registry lists for a customer number: an account was opened under it.
pub fn account_opened(
    locale: Locale,
    company: &crate::resellers::server::VouchedCompany,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().accounts;
    let text = (t.mail.opened_text)(crate::i18n::NewAccount {
        company: &company.customer_number,
        number: &company.name,
        email: &company.email,
    });
    Letter::new(locale, t.mail.opened_subject)
        .paragraph(text)
        .paragraph(t.mail.opened_not_you)
        .to(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::mail::snapshot;

    #[test]
    fn the_confirmation_reads_as_before_in_both_languages() {
        let links = LinkBase("https://kontor.example".into());
        let token = SecretToken::from_presented(&"A".repeat(43)).unwrap();
        for locale in Locale::ALL {
            let to = EmailAddress::parse("neu@fachhandel.example").unwrap();
            let mail = confirm_signup(locale, &links, &token, to);
            insta::assert_snapshot!(format!("confirm_signup_{}", locale.code()), snapshot(&mail));
        }
    }
}
