//! A reseller's end-customers: the list (search, pages, sorted by name), creating, viewing and
//! editing. Every server function scopes by the logged-in reseller, so another reseller's
//! customer id answers 404 like an id that does not exist.

mod actions;
mod detail;
mod edit;
mod form;
mod list;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{customer_draft, find_customer, list_customers, save_customer, SaveCustomer};
pub use detail::CustomerDetailPage;
pub use edit::{EditCustomerPage, NewCustomerPage};
pub use form::{parse_customer, CustomerDetails, CustomerField, CustomerForm};
pub use list::CustomersPage;

use serde::{Deserialize, Serialize};

/// A customer as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: kontor_domain::CustomerId,
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    /// Country code (`DE`, `AT`, `CH`).
    pub country: String,
    pub contact_first_name: String,
    pub contact_last_name: String,
    pub contact_email: String,
    pub phone: Option<String>,
    /// Language code of the contact's mails (`de`, `en`).
    pub locale: String,
    pub created_at: i64,
    pub tenant: Option<kontor_domain::TenantBrief>,
    /// The cloud agreement, once accepted.
    pub agreement: Option<kontor_domain::AgreementBrief>,
}

impl Customer {
    /// The edit form, filled with what is stored.
    pub fn to_form(&self) -> CustomerForm {
        CustomerForm {
            company_name: self.company_name.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            contact_first_name: self.contact_first_name.clone(),
            contact_last_name: self.contact_last_name.clone(),
            contact_email: self.contact_email.clone(),
            phone: self.phone.clone().unwrap_or_default(),
            language: self.locale.clone(),
        }
    }

    /// Whether licences may be ordered for this customer, and if not, why.
    pub fn orderable(
        &self,
    ) -> Result<kontor_domain::OrderableCustomer, kontor_domain::OrderRefusal> {
        kontor_domain::OrderableCustomer::check(
            self.id,
            self.tenant.as_ref().is_some_and(|t| t.status.is_usable()),
            self.agreement.as_ref(),
        )
    }

    pub fn contact_name(&self) -> String {
        format!("{} {}", self.contact_first_name, self.contact_last_name)
    }
}

/// One page of the customer list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerList {
    pub customers: Vec<Customer>,
    /// This page's number, counted from 1.
    pub page: u32,
    /// How many pages the search has (at least 1).
    pub pages: u32,
    /// How many customers match the search.
    pub total: i64,
}
