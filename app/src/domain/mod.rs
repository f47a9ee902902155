//! The rules, shared by browser and server: types and parsers that only let valid values
//! through. No I/O.

mod address;
mod bank;
mod email;
mod field_error;
mod partner;
mod password;
mod role;
mod salutation;
mod tenant;
mod text;

pub use address::{Country, FederalState};
pub use bank::{bic, Iban};
pub use email::{EmailAddress, EmailError};
pub use field_error::{Collector, FieldError, FieldErrors, IbanProblem};
pub use partner::{customer_number, partner_id};
pub use password::{password_strength, Password, PasswordRule};
pub use role::Role;
pub use salutation::Salutation;
pub use tenant::{
    prefix_candidates, SuggestionSource, TenantDomain, TenantPrefix, TENANT_DOMAIN_SUFFIX,
};
pub use text::{optional_line, phone_number, single_line};
