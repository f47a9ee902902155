//! The reseller account: opened by signup, confirmed, approved or locked by staff. Its pages
//! live where they are used (`signup/`, `admin/`, `agreements/`); this module holds its
//! records, which those pages show, and its store.

#[cfg(feature = "ssr")]
pub mod server;

use crate::audit::AuditEntry;
use kontor_domain::{
    Country, EmailAddress, FederalState, Iban, Password, ResellerId, ResellerStanding, Role,
    Salutation,
};
use serde::{Deserialize, Serialize};

/// One company in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerRow {
    pub id: ResellerId,
    pub company_name: String,
    pub postal_code: String,
    pub city: String,
    pub customer_number: Option<String>,
    /// The first reseller admin's address.
    pub email: Option<String>,
    pub standing: ResellerStanding,
    pub signed_up_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerList {
    pub resellers: Vec<ResellerRow>,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
}

/// A person who logs in for the company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerUser {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub role: Role,
    pub active: bool,
}

/// Everything the administration knows about one company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerDetail {
    pub id: ResellerId,
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub customer_number: Option<String>,
    /// The MPN given at signup.
    pub partner_id: Option<String>,
    /// The location MPN from "Microsoft MPN + MPA".
    pub location_mpn: Option<String>,
    pub standing: ResellerStanding,
    /// Active by its customer number alone: orders above this amount (net, cents) wait for
    /// staff's confirmation.
    pub awaits_staff_confirmation: Option<i64>,
    pub signed_up_at: i64,
    pub locked_at: Option<i64>,
    pub users: Vec<ResellerUser>,
    pub customers: i64,
    pub orders: i64,
    /// Approvals and locks, newest first.
    pub history: Vec<AuditEntry>,
}

/// A company waiting for the distributor's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingReseller {
    pub id: ResellerId,
    pub company_name: String,
    pub city: String,
    pub country: String,
    pub contact: String,
    pub email: String,
    pub partner_id: Option<String>,
    pub signed_up_at: i64,
}

/// How the public page can reach the reseller: named when a link no longer works.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResellerContact {
    pub company_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// How the reseller pays when the distributor does not know it yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankAccount {
    pub holder: String,
    pub iban: Iban,
    pub bic: Option<String>,
}

/// A signup that passed every rule the form alone can check.
#[derive(Clone, Debug)]
pub struct Registration {
    pub email: EmailAddress,
    pub password: Password,
    pub salutation: Salutation,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: Country,
    pub federal_state: Option<FederalState>,
    /// Either a customer number (checked against the records next) or bank details.
    pub customer_number: Option<String>,
    pub bank_account: Option<BankAccount>,
    pub partner_id: Option<String>,
}
