//! The distributor's customer-number registry: the customer records a signup is matched
//! against ("Abgleich": the number must be there, with the postal code the signup gives).
//! Staff keep it at `/admin/customer-numbers`, one number at a time or by importing the whole
//! list as CSV, which is checked row by row and taken in full or not at all.

mod actions;
mod edit;
mod form;
#[cfg(feature = "ssr")]
pub mod import;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{
    AddCustomerNumber, ChangeCustomerNumber, DeleteCustomerNumber, ImportCustomerNumbers,
};
pub use edit::CustomerNumberPage;
pub use form::{parse_registry_entry, RegistryField, RegistryForm};
pub use page::CustomerNumbersPage;

use kontor_domain::FieldError;
use serde::{Deserialize, Serialize};

/// A valid entry, ready to be stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryRecord {
    pub customer_number: String,
    pub company_name: String,
    pub postal_code: String,
    /// Whom the distributor tells when an account is opened under the number (optional).
    pub contact_email: Option<String>,
}

/// An entry as the registry list shows it: with the reseller account that signed up under
/// the number, if one did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryEntry {
    pub record: RegistryRecord,
    /// The account's id and company name.
    pub reseller: Option<(i64, String)>,
}

/// One page of the registry, with how many entries match in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryPage {
    pub entries: Vec<RegistryEntry>,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
}

/// What an import did, or why it did nothing at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportOutcome {
    Imported(ImportSummary),
    Refused(ImportRefusal),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

/// Why a file was not imported. Nothing of it was stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportRefusal {
    /// No file chosen, or nothing in it.
    Empty,
    /// Not UTF-8 from this line on (Excel's plain "CSV" is Windows-1252).
    NotUtf8 {
        line: u64,
    },
    /// The header row lacks these columns.
    MissingColumns(Vec<RegistryField>),
    /// A header and nothing under it.
    NoRows,
    TooManyRows {
        max: u64,
    },
    /// The rows that are wrong (the first ones of them), and how many more there are.
    Rows {
        errors: Vec<RowError>,
        more: u64,
    },
}

/// A wrong row, by its line in the file (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: u64,
    pub problem: RowProblem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    Field(RegistryField, FieldError),
    ColumnCount {
        found: u64,
        expected: u64,
    },
    /// The number stands in an earlier line of the file already.
    Duplicate {
        first_line: u64,
    },
    /// Not CSV at all (an unclosed quote, say).
    Unreadable,
}
