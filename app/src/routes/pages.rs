//! Every page is a lazy route: its browser code is in a chunk of its own (`cargo leptos build
//! --split`), fetched with the page's data when the page is first shown, so a first visit
//! downloads the frame and one page, and a reseller never downloads the administration. The
//! server renders a lazy route like any other view.

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
use crate::microsoft_partner::MicrosoftPartnerPage;
use crate::orders::{Checkout, OrderPage, OrdersPage};
use crate::partner_status::PartnerCustomersPage;
use crate::password_reset::{PasswordLink, ResetDonePage, ResetPage};
use crate::signup::{ConfirmPage, ConfirmedPage, LegalPage, SentPage, SignupPage};
use crate::subscriptions::{CustomerSubscriptions, SubscriptionPage};
use crate::tenants::{TenantPage, TenantSummary};
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// `group { Name => view; … }` makes each `Name` a lazy route showing `view`, and the routes
/// of one group one chunk (`group::pages`, the split point): a few chunks of sensible size
/// rather than one per page, whose shared code wasm-split would cut into hundreds of files.
/// The data is each page's own business (its resources start with its view): `data()` holds
/// nothing. `preload` fetches the chunk before the page hydrates or is shown.
///
/// The server renders the group's views directly and names the chunk's files in the page's
/// head itself (`preload_chunk`): Leptos 0.8.23 looks the split manifest up outside the
/// request's owner and so leaves the preload links out of about half the pages, which then
/// fetch their chunk only after the main module, one round trip later.
macro_rules! page_group {
    ($(#[$doc:meta])* $group:ident { $($route:ident => $view:expr;)* }) => {
        $(#[$doc])*
        mod $group {
            use super::*;

            #[derive(Clone, Copy)]
            pub enum Page {
                $($route,)*
            }

            pub fn render(page: Page) -> AnyView {
                match page {
                    $(Page::$route => $view.into_any(),)*
                }
            }

            #[cfg(not(feature = "ssr"))]
            #[lazy($group)]
            pub fn pages(page: Page) -> AnyView {
                render(page)
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    #[cfg(feature = "ssr")]
                    {
                        preload_chunk(stringify!($group));
                        $group::render($group::Page::$route)
                    }
                    #[cfg(not(feature = "ssr"))]
                    {
                        $group::pages($group::Page::$route).await
                    }
                }

                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $group::__preload_pages().await;
                }
            }
        )*
    };
}

/// Adds preload links for a group's chunk (its files, as `cargo leptos build --split` listed
/// them under `<group>_<hash>` in the split manifest, and their loader) to the page's head,
/// so the browser fetches them alongside the main module. Nothing without a split build.
#[cfg(feature = "ssr")]
fn preload_chunk(group: &str) {
    use leptos::nonce::use_nonce;
    use leptos_meta::Link;

    // `WasmSplitManifest` is the context `HydrationScripts` reads the manifest into.
    let Some(manifest) = use_context::<leptos::WasmSplitManifest>() else {
        return;
    };
    let prefix = format!("{group}_");
    // As Leptos writes its own preload links: the nonce in `crossorigin`.
    let nonce = use_nonce().map(|n| n.to_string()).unwrap_or_default();
    manifest.0.with_value(|(pkg, chunks, loader)| {
        let files = chunks
            .iter()
            .filter(|(name, _)| name.starts_with(&prefix))
            .flat_map(|(_, files)| files);
        for file in files {
            _ = view! {
                <Link
                    rel="preload"
                    href=format!("{pkg}/{file}.wasm")
                    as_="fetch"
                    type_="application/wasm"
                    crossorigin=nonce.clone()
                />
            }
            .to_html();
        }
        _ = view! {
            <Link rel="modulepreload" href=format!("{pkg}/{loader}") crossorigin=nonce.clone()/>
        }
        .to_html();
    });
}

page_group! {
    /// What a visitor sees before logging in, and the pages mailed links open.
    visitor_pages {
        Login => view! { <LoginPage/> };
        Signup => view! { <SignupPage/> };
        SignupSent => view! { <SentPage/> };
        SignupConfirm => view! { <ConfirmPage/> };
        SignupConfirmed => view! { <ConfirmedPage waiting=false/> };
        SignupWaiting => view! { <ConfirmedPage waiting=true/> };
        ConfirmationRequest => view! { <RequestPage kind=LinkKind::Confirmation/> };
        ConfirmationRequested => view! { <RequestDonePage kind=LinkKind::Confirmation/> };
        PasswordResetRequest => view! { <RequestPage kind=LinkKind::PasswordReset/> };
        PasswordResetRequested => view! { <RequestDonePage kind=LinkKind::PasswordReset/> };
        PasswordResetDone => view! { <ResetDonePage/> };
        PasswordReset => view! { <ResetPage link=PasswordLink::Reset/> };
        Invitation => view! { <ResetPage link=PasswordLink::Invitation/> };
        PublicAgreement => view! { <PublicAgreementPage/> };
        Terms => view! { <LegalPage privacy=false/> };
        Privacy => view! { <LegalPage privacy=true/> };
    }
}

page_group! {
    /// A reseller's start page, customers, their tenants and agreements, and partner status.
    customer_pages {
        Home => view! { <HomePage/> };
        Customers => view! { <CustomersPage/> };
        NewCustomer => view! { <NewCustomerPage/> };
        CustomerDetail => view! { <CustomerDetailPage facets=customer_facets/> };
        EditCustomer => view! { <EditCustomerPage/> };
        Tenant => view! { <TenantPage/> };
        Agreement => view! { <AgreementPage/> };
        Agreements => view! { <AgreementOverviewPage/> };
        PartnerCustomers => view! { <PartnerCustomersPage/> };
        MicrosoftPartner => view! { <MicrosoftPartnerPage/> };
    }
}

page_group! {
    /// A reseller's catalogue, cart, orders and subscriptions.
    ordering_pages {
        Catalog => view! { <CatalogPage/> };
        Product => view! { <ProductPage/> };
        Cart => view! { <CartPage checkout_form=|view| view! { <Checkout view/> }.into_any()/> };
        Orders => view! { <OrdersPage/> };
        Order => view! { <OrderPage/> };
        Subscription => view! { <SubscriptionPage/> };
    }
}

page_group! {
    /// The distributor's administration: never loaded for a reseller.
    staff_pages {
        Administration => view! { <AdminPage/> };
        AdminResellers => view! { <ResellersPage/> };
        AdminReseller => view! { <ResellerPage/> };
        AdminAnnouncements => view! { <AnnouncementsPage/> };
        AdminAnnouncement => view! { <AnnouncementEditorPage/> };
        AdminContacts => view! { <ContactsPage/> };
        AdminAuditLog => view! { <AuditLogPage/> };
        AdminStaff => view! { <StaffPage/> };
        AdminOrders => view! { <AllOrdersPage/> };
        AdminCatalog => view! { <CatalogAdminPage/> };
        AdminProduct => view! { <ProductEditorPage/> };
        AdminCategory => view! { <CategoryEditorPage/> };
        AdminCustomerNumbers => view! { <CustomerNumbersPage/> };
        AdminCustomerNumber => view! { <CustomerNumberPage/> };
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
