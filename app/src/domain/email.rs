use serde::{Deserialize, Serialize};
use std::fmt;
use validator::ValidateEmail;

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
    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let address = input.trim().to_lowercase();
        if address.is_empty() {
            return Err(EmailError::Empty);
        }
        // validator checks the syntax; we also insist on a dot in the domain, as a person's
        // mailbox always has one.
        let has_dotted_domain = address
            .rsplit_once('@')
            .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'));
        if !address.validate_email() || !has_dotted_domain {
            return Err(EmailError::Invalid);
        }
        Ok(EmailAddress(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
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

    #[test]
    fn malformed_addresses_are_refused() {
        assert_eq!(EmailAddress::parse("   "), Err(EmailError::Empty));
        for bad in [
            "max",
            "max@",
            "@firma.de",
            "max@firma",
            "max@@firma.de",
            "max @firma.de",
            "max@firma.",
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
    }

    #[test]
    fn international_domains_are_fine() {
        assert!(EmailAddress::parse("info@müller-edv.de").is_ok());
    }
}
