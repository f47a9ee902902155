//! A customer's cloud agreement where customers are listed: red or green, always with an icon
//! and a word as well as the colour.

use kontor_domain::AgreementBrief;
use leptos::prelude::*;

#[component]
pub fn AgreementBadge(agreement: Option<AgreementBrief>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().agreements;
    match agreement {
        Some(_) => view! {
            <span class="status-badge green"><span aria-hidden="true">"✓ "</span>{t.status_accepted}</span>
        },
        None => view! {
            <span class="status-badge red"><span aria-hidden="true">"✗ "</span>{t.status_open}</span>
        },
    }
}
