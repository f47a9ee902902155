use super::FieldError;

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
