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
    /// An account with this address exists already (staff inviting a colleague).
    EmailInUse,
    /// The password misses these rules.
    WeakPassword(Vec<PasswordRule>),
    PasswordMismatch,
    InvalidPhone,
    UnknownChoice,
    InvalidPostalCode,
    /// Not a postal code of any country a reseller signs up from (the registry's, which
    /// knows no country).
    PostalCodeFormat,
    InvalidIban(IbanProblem),
    InvalidBic,
    InvalidPartnerId,
    /// The location MPN is not exactly 7 digits.
    InvalidLocationMpn,
    /// The Microsoft id is not a GUID.
    InvalidMicrosoftId,
    InvalidCustomerNumber,
    /// The distributor's records do not vouch for this number with this postal code (unknown,
    /// another postal code, or in use): one answer for all, so the registry cannot be probed.
    CustomerNumberNotConfirmed,
    /// The registry lists this number already (adding it by hand).
    CustomerNumberListed,
    MustAccept,
    /// A tenant prefix holds something other than letters and digits.
    PrefixCharacters,
    /// The prefix is taken: by another customer in Kontor or at the provider.
    PrefixTaken,
    InvalidDomain,
    /// Kontor has a customer with this tenant domain already (whose, it does not say).
    DomainInUse,
    /// Not a date (or a day the calendar does not have).
    InvalidDate,
    DateInFuture,
    /// Before the cloud agreement existed (22 March 2019).
    DateTooEarly,
    /// The end of a span is not after its start.
    EndBeforeStart,
    /// Only a maintenance announcement has a time window.
    OnlyForMaintenance,
    /// Not a whole number of users within the product's bounds.
    SeatsOutOfRange {
        min: u32,
        max: u32,
    },
    /// Not an amount in euros as Germans write it (`12,50`, `1.234,50`).
    PriceFormat,
    /// More than `MAX_PRICE_CENTS`.
    PriceTooHigh,
    /// A one-time price beside a monthly or annual one: a product is bought or subscribed.
    OnceWithSubscription,
    InvalidSku,
    /// Another product in the catalogue has this SKU.
    SkuTaken,
    InvalidSlug,
    /// Another category has this slug.
    SlugTaken,
    /// No product in the catalogue has these SKUs.
    UnknownProducts(Vec<String>),
    /// A product named as its own base product.
    AddonOfItself,
    /// These base products are add-ons themselves (an add-on is booked with a base product,
    /// never with another add-on).
    AddonOfAddon(Vec<String>),
    /// The product has add-ons of its own, so it cannot become one.
    AddonWithAddons,
    /// A category below itself or one of its subcategories.
    CategoryCycle,
    /// Nothing may be ordered for this customer yet.
    NotOrderable(super::OrderRefusal),
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

/// Every refused field of one form, in the order of the form.
pub type FieldErrors<F> = Vec<(F, FieldError)>;

/// Gathers the errors of a whole form while it is parsed, so that every field is checked and
/// reported at once rather than stopping at the first.
pub struct Collector<F>(FieldErrors<F>);

impl<F> Default for Collector<F> {
    fn default() -> Self {
        Collector(Vec::new())
    }
}

impl<F> Collector<F> {
    pub fn check<T>(&mut self, field: F, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.0.push((field, e))).ok()
    }

    /// The parsed value if every field passed, otherwise every field's error. `value` is
    /// `None` only if some check failed, so the errors are never empty then.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, FieldErrors<F>> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(self.0),
        }
    }
}

/// A checkbox that must be ticked (browsers send it only then).
pub fn ticked(checkbox: &Option<String>) -> Result<(), FieldError> {
    checkbox.as_ref().map(|_| ()).ok_or(FieldError::MustAccept)
}
