use super::message_page::MessagePage;
use leptos::prelude::*;

/// Shown when a page fails to render; the details stay in the server log.
#[component]
pub fn ErrorView() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    view! { <MessagePage status=500u16 title=t.error_title text=t.error_text back_home=t.back_home/> }
}
