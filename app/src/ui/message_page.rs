use leptos::prelude::*;
use leptos_meta::Title;

/// A page that only says something went wrong or is missing, with the way back home; the
/// response carries the matching status (`None`: the caller has set it).
#[component]
pub fn MessagePage(
    #[prop(optional)] status: Option<u16>,
    title: &'static str,
    text: &'static str,
    back_home: &'static str,
    /// Shown big above the title (404), or nothing.
    #[prop(optional)]
    code: Option<&'static str>,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(response), Some(Ok(status))) = (
        use_context::<leptos_axum::ResponseOptions>(),
        status.map(axum::http::StatusCode::from_u16),
    ) {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
    view! {
        <Title text=title/>
        <section class="message-page" role=code.is_none().then_some("alert")>
            {code.map(|code| view! { <p class="status-code" aria-hidden="true">{code}</p> })}
            <h1>{title}</h1>
            <p>{text}</p>
            <a class="button" href="/">{back_home}</a>
        </section>
    }
}
