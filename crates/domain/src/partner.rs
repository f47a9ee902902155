use super::FieldError;
use serde::{Deserialize, Serialize};

/// The location MPN ("Standort-MPN") with which the reseller accepted the Microsoft Partner
/// Agreement: exactly 7 digits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationMpn(String);

impl LocationMpn {
    pub fn parse(input: &str) -> Result<LocationMpn, FieldError> {
        let mpn = input.trim();
        if mpn.is_empty() {
            return Err(FieldError::Missing);
        }
        let valid = mpn.len() == 7 && mpn.bytes().all(|b| b.is_ascii_digit());
        valid
            .then(|| LocationMpn(mpn.to_owned()))
            .ok_or(FieldError::InvalidLocationMpn)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The reseller's Microsoft id: the GUID of its partner tenant (`8-4-4-4-12` hex digits).
/// Accepted in any case and with braces, as the admin centres show it; kept in lower case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MicrosoftId(String);

impl MicrosoftId {
    pub fn parse(input: &str) -> Result<MicrosoftId, FieldError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldError::Missing);
        }
        let id = trimmed
            .strip_prefix('{')
            .and_then(|rest| rest.strip_suffix('}'))
            .unwrap_or(trimmed)
            .to_ascii_lowercase();
        let groups: Vec<&str> = id.split('-').collect();
        let lengths_fit = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]);
        let hex = groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()));
        (lengths_fit && hex)
            .then_some(MicrosoftId(id))
            .ok_or(FieldError::InvalidMicrosoftId)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The Microsoft partner id (formerly MPN id): digits only, 6 to 10 of them. Optional.
pub fn partner_id(input: &str) -> Result<Option<String>, FieldError> {
    let id = input.trim();
    if id.is_empty() {
        return Ok(None);
    }
    let valid = (6..=10).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
    valid
        .then(|| Some(id.to_owned()))
        .ok_or(FieldError::InvalidPartnerId)
}

/// The reseller's customer number at the distributor: 5 to 10 digits. Optional; whether it
/// exists and fits is for the distributor's records to say.
pub fn customer_number(input: &str) -> Result<Option<String>, FieldError> {
    let number = input.trim();
    if number.is_empty() {
        return Ok(None);
    }
    let valid = (5..=10).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    valid
        .then(|| Some(number.to_owned()))
        .ok_or(FieldError::InvalidCustomerNumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_mpn_is_exactly_seven_digits() {
        assert_eq!(LocationMpn::parse(" 1234567 ").unwrap().as_str(), "1234567");
        assert_eq!(LocationMpn::parse(""), Err(FieldError::Missing));
        for bad in [
            "123456",
            "12345678",
            "123 4567",
            "MPN1234",
            "１２３４５６７",
        ] {
            assert_eq!(
                LocationMpn::parse(bad),
                Err(FieldError::InvalidLocationMpn),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_microsoft_id_is_a_guid_kept_in_lower_case() {
        let id = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
        let stored = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        assert_eq!(MicrosoftId::parse(id).unwrap().as_str(), stored);
        assert_eq!(
            MicrosoftId::parse(&format!(" {{{id}}} ")).unwrap().as_str(),
            stored
        );
        assert_eq!(MicrosoftId::parse(" "), Err(FieldError::Missing));
        for bad in [
            "3f2504e0-4f89-11d3-9a0c-0305e82c330",
            "3f2504e04f8911d39a0c0305e82c3301",
            "3f2504e0-4f89-11d3-9a0c-0305e82c330g",
            "{3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301-",
        ] {
            assert_eq!(
                MicrosoftId::parse(bad),
                Err(FieldError::InvalidMicrosoftId),
                "{bad}"
            );
        }
    }

    #[test]
    fn partner_ids_are_digits() {
        assert_eq!(partner_id(" 1234567 "), Ok(Some("1234567".into())));
        assert_eq!(partner_id(""), Ok(None));
        for bad in ["12345", "12345678901", "12 34567", "MPN1234567"] {
            assert_eq!(partner_id(bad), Err(FieldError::InvalidPartnerId), "{bad}");
        }
    }

    #[test]
    fn customer_numbers_are_digits() {
        assert_eq!(customer_number("100001"), Ok(Some("100001".into())));
        assert_eq!(customer_number("  "), Ok(None));
        for bad in ["1234", "K-100001", "12345678901"] {
            assert_eq!(
                customer_number(bad),
                Err(FieldError::InvalidCustomerNumber),
                "{bad}"
            );
        }
    }
}
