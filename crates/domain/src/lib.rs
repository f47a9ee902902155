//! Kontor's rules, shared by browser and server: types and parsers that only let valid values
//! through. No I/O.

mod address;
mod agreement;
mod announcement;
mod bank;
mod calendar;
mod email;
mod field_error;
mod ids;
mod order;
mod partner;
mod password;
mod pricing;
mod product;
mod provider_problem;
mod relationship;
mod reseller_status;
mod role;
mod salutation;
mod subscription_term;
mod tenant;
mod text;

pub use address::{Country, FederalState};
pub use agreement::{
    acceptance_date, first_possible_date, signer_name, AcceptanceMethod, AgreementBrief,
    OrderRefusal, OrderableCustomer, Signer, MAX_SIGNER_NAME_CHARS,
};
pub use announcement::{
    announcement_body, announcement_title, german_date_time_value, german_day_span,
    parse_german_date_time, AnnouncementKind, BANNER_LEAD_SECS,
};
pub use bank::{bic, Iban};
pub use calendar::{german_date, german_day_start, german_time, iso_date, parse_date};
pub use email::{EmailAddress, EmailError};
pub use field_error::{ticked, Collector, FieldError, FieldErrors, IbanProblem};
pub use ids::{CustomerId, OrderId, ResellerId, UserId};
pub use order::{
    pricing_kind, pricing_of, IdempotencyKey, OrderFailure, OrderNumber, OrderProblem, OrderStatus,
};
pub use partner::{customer_number, partner_id, LocationMpn, MicrosoftId};
pub use password::{password_strength, Password, PasswordRule};
pub use pricing::{
    german_amount, price, seats, BillingCycle, Charge, Pricing, Totals, MAX_PRICE_CENTS, MAX_SEATS,
    VAT_PERCENT,
};
pub use product::{
    category_slug, sku, sku_list, ProductLink, MAX_CATEGORY_NAME_CHARS, MAX_DESCRIPTION_CHARS,
    MAX_PRODUCT_NAME_CHARS,
};
pub use provider_problem::ProviderProblem;
pub use relationship::PartnerStatus;
pub use reseller_status::{ResellerStanding, ResellerStatus};
pub use role::Role;
pub use salutation::Salutation;
pub use subscription_term::{
    change_window, current_term, days_hours_minutes, ChangeKind, ChangeWindow, SubscriptionProblem,
    Term, CHANGE_WINDOW_SECS,
};
pub use tenant::{
    prefix_candidates, SuggestionSource, TenantBrief, TenantDomain, TenantFailure, TenantPrefix,
    TenantStatus, TENANT_DOMAIN_SUFFIX,
};
pub use text::{
    optional_line, phone_number, single_line, text_block, MAX_COMPANY_CHARS, MAX_NAME_CHARS,
};
