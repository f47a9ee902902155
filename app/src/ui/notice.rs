use leptos::prelude::*;
use leptos_meta::Title;

/// A page that tells the user where they stand, with the one way on.
#[component]
pub fn Notice(
    title: &'static str,
    #[prop(into)] text: String,
    /// The link's label and address.
    #[prop(optional_no_strip)]
    link: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <Title text=title/>
        <section class="message-page notice" role="status">
            <h1>{title}</h1>
            <p>{text}</p>
            {link.map(|(label, href)| view! { <a class="button" href=href>{label}</a> })}
        </section>
    }
}
