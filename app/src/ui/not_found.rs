use super::message_page::MessagePage;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    view! {
        <MessagePage status=404u16 code="404" title=t.not_found_title text=t.not_found_text back_home=t.back_home/>
    }
}
