//! The document, the frame every page shares (header, footer, error views) and every route:
//! the one module that knows all capabilities.

mod header;

use crate::admin::{
    AdminPage, AllOrdersPage, AuditLogPage, ResellerPage, ResellersPage, StaffPage,
};
use crate::agreements::{
    AgreementOverviewPage, AgreementPage, AgreementSummary, PublicAgreementPage,
};
use crate::announcements::{AnnouncementEditorPage, AnnouncementsPage};
use crate::auth::LoginPage;
use crate::cart::CartPage;
use crate::catalog::{CatalogPage, ProductPage};
use crate::catalog_admin::{CatalogAdminPage, CategoryEditorPage, ProductEditorPage};
use crate::contacts::ContactsPage;
use crate::customer_numbers::{CustomerNumberPage, CustomerNumbersPage};
use crate::customers::{
    Customer, CustomerDetailPage, CustomersPage, EditCustomerPage, NewCustomerPage,
};
use crate::email_links::{LinkKind, RequestDonePage, RequestPage};
use crate::home::HomePage;
use crate::i18n::{current_locale, Locale};
use crate::microsoft_partner::MicrosoftPartnerPage;
use crate::orders::{Checkout, OrderPage, OrdersPage};
use crate::partner_status::PartnerCustomersPage;
use crate::password_reset::{PasswordLink, ResetDonePage, ResetPage};
use crate::signup::{ConfirmPage, ConfirmedPage, LegalPage, SentPage, SignupPage};
use crate::subscriptions::{CustomerSubscriptions, SubscriptionPage};
use crate::tenants::{TenantPage, TenantSummary};
use crate::ui::{ErrorView, Footer, NotFound};
use header::Header;
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
                <HydrationScripts options islands=true/>
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

/// Everything inside the router: the header, the page, the footer.
#[component]
fn Frame() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
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
                    <Route path=path!("admin/resellers") view=ResellersPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/resellers/:id") view=ResellerPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/announcements") view=AnnouncementsPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/announcements/:id") view=AnnouncementEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/contacts") view=ContactsPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/audit") view=AuditLogPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/staff") view=StaffPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/orders") view=AllOrdersPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog") view=CatalogAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog/new-product") view=ProductEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog/products/:sku") view=ProductEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/catalog/categories/:slug") view=CategoryEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/customer-numbers") view=CustomerNumbersPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/customer-numbers/:number") view=CustomerNumberPage ssr=SsrMode::Async/>
                    <Route path=path!("signup") view=SignupPage ssr=SsrMode::Async/>
                    <Route path=path!("signup/sent") view=SentPage ssr=SsrMode::Async/>
                    <Route path=path!("signup/confirm/:token") view=ConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("signup/confirmed") view=|| view! { <ConfirmedPage waiting=false/> } ssr=SsrMode::Async/>
                    <Route path=path!("signup/waiting") view=|| view! { <ConfirmedPage waiting=true/> } ssr=SsrMode::Async/>
                    <Route path=path!("signup/resend") view=|| view! { <RequestPage kind=LinkKind::Confirmation/> } ssr=SsrMode::Async/>
                    <Route path=path!("signup/resend/done") view=|| view! { <RequestDonePage kind=LinkKind::Confirmation/> } ssr=SsrMode::Async/>
                    <Route path=path!("password/forgot") view=|| view! { <RequestPage kind=LinkKind::PasswordReset/> } ssr=SsrMode::Async/>
                    <Route path=path!("password/forgot/done") view=|| view! { <RequestDonePage kind=LinkKind::PasswordReset/> } ssr=SsrMode::Async/>
                    <Route path=path!("password/reset/done") view=ResetDonePage ssr=SsrMode::Async/>
                    <Route path=path!("password/reset/:token") view=|| view! { <ResetPage link=PasswordLink::Reset/> } ssr=SsrMode::Async/>
                    <Route path=path!("invitation/:token") view=|| view! { <ResetPage link=PasswordLink::Invitation/> } ssr=SsrMode::Async/>
                    <Route path=path!("customers") view=CustomersPage ssr=SsrMode::Async/>
                    <Route path=path!("customers/new") view=NewCustomerPage ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id") view=|| view! { <CustomerDetailPage facets=customer_facets/> } ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id/edit") view=EditCustomerPage ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id/tenant") view=TenantPage ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id/agreement") view=AgreementPage ssr=SsrMode::Async/>
                    <Route path=path!("agreements") view=AgreementOverviewPage ssr=SsrMode::Async/>
                    <Route path=path!("products") view=CatalogPage ssr=SsrMode::Async/>
                    <Route path=path!("products/:sku") view=ProductPage ssr=SsrMode::Async/>
                    <Route path=path!("cart") view=|| view! { <CartPage checkout_form=|view| view! { <Checkout view/> }.into_any()/> } ssr=SsrMode::Async/>
                    <Route path=path!("orders") view=OrdersPage ssr=SsrMode::Async/>
                    <Route path=path!("orders/:number") view=OrderPage ssr=SsrMode::Async/>
                    <Route path=path!("subscriptions/:id") view=SubscriptionPage ssr=SsrMode::Async/>
                    <Route path=path!("settings/microsoft") view=MicrosoftPartnerPage ssr=SsrMode::Async/>
                    <Route path=path!("microsoft-customers") view=PartnerCustomersPage ssr=SsrMode::Async/>
                    <Route path=path!("agreement/:token") view=PublicAgreementPage ssr=SsrMode::Async/>
                    <Route path=path!("terms") view=|| view! { <LegalPage privacy=false/> } ssr=SsrMode::Async/>
                    <Route path=path!("privacy") view=|| view! { <LegalPage privacy=true/> } ssr=SsrMode::Async/>
                </Routes>
            </ErrorBoundary>
        </main>
        <Footer/>
    }
}

/// What the other capabilities show on a customer's page, below its data.
fn customer_facets(customer: &Customer) -> AnyView {
    view! {
        <TenantSummary customer_id=customer.id tenant=customer.tenant.clone()/>
        <AgreementSummary customer_id=customer.id agreement=customer.agreement.clone()/>
        <CustomerSubscriptions customer_id=customer.id/>
    }
    .into_any()
}
