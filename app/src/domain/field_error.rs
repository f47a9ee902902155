use super::PasswordRule;
use serde::{Deserialize, Serialize};

/// Why one form field was refused. Each variant has a translated message
/// (`i18n::field_error_message`); the form shows it next to the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    Missing,
    TooLong {
        max_chars: usize,
    },
    /// Tabs, line breaks and other invisible control characters have no place in a name.
    ControlCharacters,
    InvalidEmail,
    /// The password misses these rules.
    WeakPassword(Vec<PasswordRule>),
    PasswordMismatch,
    InvalidPhone,
    UnknownChoice,
    InvalidPostalCode,
    InvalidIban(IbanProblem),
    InvalidBic,
    InvalidPartnerId,
    InvalidCustomerNumber,
    /// The distributor has no customer under this number.
    CustomerNumberUnknown,
    /// Another reseller account uses this customer number already.
    CustomerNumberTaken,
    /// The number exists, but the distributor's records have another postal code for it.
    CustomerNumberMismatch,
    MustAccept,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IbanProblem {
    /// Not two letters, two digits and up to 30 letters or digits.
    Format,
    UnknownCountry,
    /// Wrong length or layout for its country.
    CountryFormat,
    Checksum,
}
