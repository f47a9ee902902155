//! The agreement's mails: the link for the customer's contact (in the customer's language),
//! and the news of an acceptance for the reseller's administrators (in each one's language).

use crate::i18n::{format_date, Locale};
use crate::platform::mail::{Letter, OutgoingMail};
use kontor_domain::EmailAddress;

pub fn agreement_link(
    locale: Locale,
    reseller: &str,
    company: &str,
    link: String,
    expires_at: i64,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().agreements;
    let until = format_date(kontor_domain::german_date(expires_at), locale);
    Letter::new(locale, (t.mail.link_subject)(company))
        .paragraph((t.mail.link_text)(crate::i18n::AgreementParties {
            reseller,
            company,
        }))
        .action(t.mail.link_action, link)
        .paragraph((t.mail.link_expiry)(&until))
        .to(to)
}

pub fn accepted(
    locale: Locale,
    company: &str,
    signer: &str,
    link: String,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().agreements;
    Letter::new(locale, (t.mail.accepted_subject)(company))
        .paragraph((t.mail.accepted_text)(crate::i18n::AcceptedBy {
            company,
            signer,
        }))
        .action(t.mail.accepted_action, link)
        .to(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::mail::snapshot;

    fn contact() -> EmailAddress {
        EmailAddress::parse("anna.berger@kunde.example").unwrap()
    }

    #[test]
    fn the_agreement_link_reads_as_before_in_both_languages() {
        for locale in Locale::ALL {
            let mail = agreement_link(
                locale,
                "Muster IT GmbH",
                "Bäckerei Sonnenschein",
                "https://kontor.example/agreement/TOKEN".into(),
                1_798_761_600,
                contact(),
            );
            insta::assert_snapshot!(format!("agreement_link_{}", locale.code()), snapshot(&mail));
        }
    }

    #[test]
    fn the_news_of_an_acceptance_reads_as_before() {
        let mail = accepted(
            Locale::De,
            "Bäckerei Sonnenschein",
            "Anna Berger",
            "https://kontor.example/customers/7/agreement".into(),
            contact(),
        );
        insta::assert_snapshot!(snapshot(&mail));
    }
}
