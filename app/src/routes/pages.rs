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
macro_rules! page_group {
    ($(#[$doc:meta])* $group:ident { $($route:ident => $view:expr;)* }) => {
        $(#[$doc])*
        mod $group {
            use super::*;

            #[derive(Clone, Copy)]
            pub enum Page {
                $($route,)*
            }

            #[lazy($group)]
            pub fn pages(page: Page) -> AnyView {
                match page {
                    $(Page::$route => $view.into_any(),)*
                }
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $group::pages($group::Page::$route).await
                }

                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $group::__preload_pages().await;
                }
            }
        )*
    };
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
