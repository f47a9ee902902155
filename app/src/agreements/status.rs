//! The agreement's status on the customer's page, with the way to the agreement page (the badge
//! itself is `ui::AgreementBadge`, which customer lists show too).

use crate::i18n::{format_date, Locale};
use crate::ui::AgreementBadge;
use kontor_domain::AgreementBrief;
use kontor_domain::CustomerId;
use leptos::prelude::*;

/// The date and signer of an accepted agreement, as one line.
pub fn accepted_line(agreement: &AgreementBrief, locale: Locale) -> String {
    let date = format_date(kontor_domain::german_date(agreement.accepted_at), locale);
    (locale.texts().agreements.accepted_on_by)(crate::i18n::AcceptedOnBy {
        date: &date,
        name: &agreement.signer_name,
    })
}

/// On the customer's page: the status, and the way to the agreement page.
#[component]
pub fn AgreementSummary(
    customer_id: CustomerId,
    agreement: Option<AgreementBrief>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().agreements;
    let detail = agreement
        .as_ref()
        .map_or(t.order_blocked.to_owned(), |a| accepted_line(a, locale));
    view! {
        <section class="agreement-summary">
            <h2>{t.title}</h2>
            <p id="agreement-summary"><AgreementBadge agreement/>" "{detail}</p>
            <a href=format!("/customers/{customer_id}/agreement") class="button">{t.open_page}</a>
        </section>
    }
}
