use serde::{Deserialize, Serialize};
use std::fmt;

/// An email address as a login: trimmed and lower-cased, so `Max@Firma.de` and `max@firma.de`
/// are one account.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("no email address given")]
    Empty,
    #[error("not a valid email address")]
    Invalid,
}

impl EmailAddress {
    /// The longest address SMTP carries (RFC 5321: 254 characters in a path).
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let address = input.trim().to_lowercase();
        if address.is_empty() {
            return Err(EmailError::Empty);
        }
        if !has_plausible_shape(&address) || !passes_full_syntax_check(&address) {
            return Err(EmailError::Invalid);
        }
        Ok(EmailAddress(address))
    }

    /// As a form field: what to say next to the field when it is not an address.
    pub fn parse_field(input: &str) -> Result<EmailAddress, super::FieldError> {
        EmailAddress::parse(input).map_err(|e| match e {
            EmailError::Empty => super::FieldError::Missing,
            EmailError::Invalid => super::FieldError::InvalidEmail,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One `@` between a local part and a dotted domain, no spaces: what the browser checks while
/// typing. A person's mailbox always has a dot in its domain.
fn has_plausible_shape(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.chars().any(char::is_whitespace)
}

/// The complete syntax check (validator: RFC 5321 lengths, allowed characters, IDN domains)
/// runs on the server only: its regular expressions and Unicode tables would triple the
/// browser bundle, and the server has the last word anyway.
#[cfg(feature = "server")]
fn passes_full_syntax_check(address: &str) -> bool {
    validator::ValidateEmail::validate_email(&address)
}

#[cfg(not(feature = "server"))]
fn passes_full_syntax_check(_address: &str) -> bool {
    true
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EmailAddress({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        let email = EmailAddress::parse("  Max.Muster@Firma-IT.de ").unwrap();
        assert_eq!(email.as_str(), "max.muster@firma-it.de");
    }

    /// Typos people make; both the browser's and the server's check refuse each.
    const TYPOS: [&str; 7] = [
        "max",
        "max@",
        "@firma.de",
        "max@firma",
        "max@@firma.de",
        "max @firma.de",
        "max@firma.",
    ];

    #[test]
    fn malformed_addresses_are_refused() {
        assert_eq!(EmailAddress::parse("   "), Err(EmailError::Empty));
        for bad in TYPOS {
            assert_eq!(EmailAddress::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
    }

    #[test]
    fn the_browser_side_shape_check_already_catches_the_usual_typos() {
        for bad in TYPOS {
            assert!(!has_plausible_shape(bad), "{bad}");
        }
        assert!(has_plausible_shape("max.muster@firma-it.de"));
    }

    #[test]
    fn international_domains_are_fine() {
        assert!(EmailAddress::parse("info@müller-edv.de").is_ok());
    }
}
