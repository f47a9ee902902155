use super::footer::Footer;
use super::header::Header;
use super::{ErrorView, NotFound};
use crate::admin::AdminPage;
use crate::auth::{provide_auth, LoginPage};
use crate::home::HomePage;
use crate::i18n::{current_locale, Locale};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = current_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = current_locale();
    provide_context::<Locale>(locale);
    let t = locale.texts();

    view! {
        <Stylesheet id="leptos" href="/pkg/kontor.css"/>
        <Title formatter=move |page: String| {
            if page.is_empty() { t.app_name.to_owned() } else { format!("{page} · {}", t.app_name) }
        }/>
        <Meta name="description" content=t.tagline/>
        <Router>
            <Frame/>
        </Router>
    }
}

/// Everything inside the router, which the viewer needs: it is looked up again after every
/// navigation.
#[component]
fn Frame() -> impl IntoView {
    provide_auth();
    let t = expect_context::<Locale>().texts();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <Header/>
        <main id="main" tabindex="-1">
            <ErrorBoundary fallback=|_errors| view! { <ErrorView/> }>
                // Async: the whole page is rendered before it is sent, so it is complete
                // without JavaScript.
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("admin") view=AdminPage ssr=SsrMode::Async/>
                </Routes>
            </ErrorBoundary>
        </main>
        <Footer/>
    }
}
