//! The order's mails to the user who placed it, in the user's language: received, licences
//! ready, failed. Each leads to the order's page.

use crate::i18n::Locale;
use crate::platform::mail::{Letter, OutgoingMail};
use kontor_domain::{EmailAddress, OrderFailure, OrderNumber};

fn letter(
    locale: Locale,
    subject: String,
    text: String,
    link: String,
    to: EmailAddress,
) -> OutgoingMail {
    Letter::new(locale, subject)
        .paragraph(text)
        .action(locale.texts().orders.mail.action, link)
        .to(to)
}

pub fn placed(
    locale: Locale,
    number: &OrderNumber,
    name: &str,
    customer: &str,
    link: String,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().orders;
    let number = number.to_string();
    let text = (t.mail.placed_text)(crate::i18n::PlacedOrder {
        number: &number,
        name,
        customer,
    });
    letter(locale, (t.mail.placed_subject)(&number), text, link, to)
}

pub fn active(
    locale: Locale,
    number: &OrderNumber,
    name: &str,
    customer: &str,
    link: String,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().orders;
    let text = (t.mail.active_text)(crate::i18n::OrderFor { name, customer });
    letter(
        locale,
        (t.mail.active_subject)(&number.to_string()),
        text,
        link,
        to,
    )
}

pub fn failed(
    locale: Locale,
    number: &OrderNumber,
    name: &str,
    failure: OrderFailure,
    link: String,
    to: EmailAddress,
) -> OutgoingMail {
    let t = locale.texts().orders;
    let text = (t.mail.failed_text)(crate::i18n::FailedOrder {
        name,
        reason: t.failure(failure),
    });
    letter(
        locale,
        (t.mail.failed_subject)(&number.to_string()),
        text,
        link,
        to,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::mail::snapshot;
    use kontor_domain::OrderId;

    #[test]
    fn the_mail_of_a_placed_order_reads_as_before() {
        let mail = placed(
            Locale::De,
            &OrderNumber::placed(OrderId(123), 1_798_761_600),
            "Lizenzen Januar",
            "Bäckerei Sonnenschein",
            "https://kontor.example/orders/K-2027-000123".into(),
            EmailAddress::parse("demo@fachhandel.example").unwrap(),
        );
        insta::assert_snapshot!(snapshot(&mail));
    }
}
