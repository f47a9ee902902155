//! The document, the frame every page shares (header, footer, error views) and every route:
//! the one module that knows all capabilities.

mod header;
mod pages;

use crate::auth::provide_auth;
use crate::i18n::{current_locale, Locale};
use crate::ui::{ErrorView, Footer, NotFound};
use header::Header;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

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
    let t = crate::i18n::use_locale().texts();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <Header/>
        <main id="main" tabindex="-1">
            <ErrorBoundary fallback=|_errors| view! { <ErrorView/> }>
                // Async: the whole page is rendered before it is sent, so it is complete
                // without JavaScript.
                <Routes fallback=NotFound>
                    <Route path=path!("") view={Lazy::<pages::Home>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("login") view={Lazy::<pages::Login>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin") view={Lazy::<pages::Administration>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/resellers") view={Lazy::<pages::AdminResellers>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/resellers/:id") view={Lazy::<pages::AdminReseller>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/announcements") view={Lazy::<pages::AdminAnnouncements>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/announcements/:id") view={Lazy::<pages::AdminAnnouncement>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/contacts") view={Lazy::<pages::AdminContacts>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/audit") view={Lazy::<pages::AdminAuditLog>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/staff") view={Lazy::<pages::AdminStaff>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/orders") view={Lazy::<pages::AdminOrders>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog") view={Lazy::<pages::AdminCatalog>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog/new-product") view={Lazy::<pages::AdminProduct>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog/products/:sku") view={Lazy::<pages::AdminProduct>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog/categories/:slug") view={Lazy::<pages::AdminCategory>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/customer-numbers") view={Lazy::<pages::AdminCustomerNumbers>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("admin/customer-numbers/:number") view={Lazy::<pages::AdminCustomerNumber>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("signup") view={Lazy::<pages::Signup>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("signup/sent") view={Lazy::<pages::SignupSent>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("signup/confirm/:token") view={Lazy::<pages::SignupConfirm>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("signup/confirmed") view={Lazy::<pages::SignupConfirmed>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("signup/waiting") view={Lazy::<pages::SignupWaiting>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("signup/resend") view={Lazy::<pages::ConfirmationRequest>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("signup/resend/done") view={Lazy::<pages::ConfirmationRequested>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("password/forgot") view={Lazy::<pages::PasswordResetRequest>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("password/forgot/done") view={Lazy::<pages::PasswordResetRequested>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("password/reset/done") view={Lazy::<pages::PasswordResetDone>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("password/reset/:token") view={Lazy::<pages::PasswordReset>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("invitation/:token") view={Lazy::<pages::Invitation>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers") view={Lazy::<pages::Customers>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers/new") view={Lazy::<pages::NewCustomer>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id") view={Lazy::<pages::CustomerDetail>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id/edit") view={Lazy::<pages::EditCustomer>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id/tenant") view={Lazy::<pages::Tenant>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id/agreement") view={Lazy::<pages::Agreement>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("agreements") view={Lazy::<pages::Agreements>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("products") view={Lazy::<pages::Catalog>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("products/:sku") view={Lazy::<pages::Product>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("cart") view={Lazy::<pages::Cart>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("orders") view={Lazy::<pages::Orders>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("orders/:number") view={Lazy::<pages::Order>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("subscriptions/:id") view={Lazy::<pages::Subscription>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("settings/microsoft") view={Lazy::<pages::MicrosoftPartner>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("microsoft-customers") view={Lazy::<pages::PartnerCustomers>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("agreement/:token") view={Lazy::<pages::PublicAgreement>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("terms") view={Lazy::<pages::Terms>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("privacy") view={Lazy::<pages::Privacy>::new()} ssr=SsrMode::Async/>
                </Routes>
            </ErrorBoundary>
        </main>
        <Footer/>
    }
}
