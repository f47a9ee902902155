//! Page links under a list: plain links (`?page=N` plus the list's other parameters), so
//! they work without JavaScript and can be bookmarked.

use leptos::prelude::*;

#[component]
pub fn Pagination(
    page: u32,
    pages: u32,
    /// The list's path, e.g. `/customers`.
    path: &'static str,
    /// The list's other query parameters (a search, a filter), kept on every page.
    params: Vec<(&'static str, String)>,
) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().customers;
    if pages <= 1 {
        return ().into_any();
    }
    let link = move |to: u32| {
        let mut href = format!("{path}?page={to}");
        for (name, value) in params.iter().filter(|(_, v)| !v.is_empty()) {
            href.push_str(&format!("&{name}={}", super::url::query_value(value)));
        }
        href
    };
    view! {
        <nav class="pagination" aria-label=t.pages_label>
            {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{t.previous_page}</a> })}
            <span aria-current="page">{(t.page_of)(crate::i18n::PageOf { page, pages })}</span>
            {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{t.next_page}</a> })}
        </nav>
    }
    .into_any()
}
