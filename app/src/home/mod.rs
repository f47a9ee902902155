//! The start page.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    let features = t
        .home_features
        .iter()
        .map(|(title, text)| {
            view! {
                <li class="card">
                    <h3>{*title}</h3>
                    <p>{*text}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{t.home_title}</h1>
            <p class="lead">{t.home_lead}</p>
        </section>
        <section aria-labelledby="features-title">
            <h2 id="features-title">{t.home_features_title}</h2>
            <ul class="cards">{features}</ul>
        </section>
    }
}
