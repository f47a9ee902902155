//! Reseller signup: the form, the confirmation by mail, and the pages in between.

mod confirm;
mod form;
#[cfg(feature = "ssr")]
pub(crate) mod mails;
mod page;
mod register;

pub use confirm::ConfirmPage;
pub use form::{parse_signup, SignupField, SignupForm};
pub use page::SignupPage;
pub use register::{SignUp, SignupError, PRIVACY_VERSION, TERMS_VERSION};

use crate::ui::Notice;
use leptos::prelude::*;

#[component]
pub fn SentPage() -> impl IntoView {
    let t = crate::i18n::use_locale().texts().accounts;
    view! {
        <Notice
            title=t.signup_sent_title
            text=format!("{} {}", t.signup_sent_text, t.signup_sent_hint)
            link=Some((t.request_new_confirmation, "/signup/resend"))
        />
    }
}

/// After the confirmation: active (log in now) or waiting for the distributor.
#[component]
pub fn ConfirmedPage(waiting: bool) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.accounts;
    if waiting {
        view! { <Notice title=t.confirmed_waiting_title text=t.confirmed_waiting_text/> }.into_any()
    } else {
        view! {
            <Notice
                title=t.confirmed_active_title
                text=t.confirmed_active_text
                link=Some((texts.nav_login, "/login"))
            />
        }
        .into_any()
    }
}

/// The terms and the privacy policy the signup links to, with their version.
#[component]
pub fn LegalPage(privacy: bool) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().accounts;
    let (title, body, version) = if privacy {
        (t.privacy_title, t.privacy_body, PRIVACY_VERSION)
    } else {
        (t.terms_title, t.terms_body, TERMS_VERSION)
    };
    view! {
        <leptos_meta::Title text=title/>
        <article class="legal">
            <h1>{title}</h1>
            <p class="hint">{t.document_version} " " {version}</p>
            {body.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
        </article>
    }
}
