use super::{FieldError, IbanProblem};
use iban::{Iban as ParsedIban, IbanLike, ParseBaseIbanError, ParseIbanError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An IBAN that passed the country's length and layout and the mod-97 checksum. People may
/// type it with spaces anywhere and in lower case; it is kept in the electronic form.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Iban(String);

impl Iban {
    pub fn parse(input: &str) -> Result<Iban, FieldError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.is_empty() {
            return Err(FieldError::Missing);
        }
        let problem = match compact.parse::<ParsedIban>() {
            Ok(iban) => return Ok(Iban(iban.electronic_str().to_owned())),
            Err(ParseIbanError::InvalidBaseIban {
                source: ParseBaseIbanError::InvalidChecksum,
            }) => IbanProblem::Checksum,
            Err(ParseIbanError::InvalidBaseIban { .. }) => IbanProblem::Format,
            Err(ParseIbanError::UnknownCountry(_)) => IbanProblem::UnknownCountry,
            Err(ParseIbanError::InvalidBban(_)) => IbanProblem::CountryFormat,
        };
        Err(FieldError::InvalidIban(problem))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Bank details stay out of logs: only the country and the last two digits show.
impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tail = &self.0[self.0.len().saturating_sub(2)..];
        write!(f, "Iban({}…{tail})", &self.0[..2])
    }
}

/// A BIC (SWIFT code): bank (4 letters), country (2 letters), location (2 letters or digits),
/// optionally a branch (3 letters or digits).
pub fn bic(input: &str) -> Result<Option<String>, FieldError> {
    let code = input.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(None);
    }
    let bytes = code.as_bytes();
    let valid = matches!(bytes.len(), 8 | 11)
        && bytes[..6].iter().all(u8::is_ascii_uppercase)
        && bytes[6..].iter().all(u8::is_ascii_alphanumeric);
    valid.then_some(Some(code)).ok_or(FieldError::InvalidBic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VALID: &str = "DE89370400440532013000";

    #[test]
    fn spaces_and_lower_case_are_fine() {
        let iban = Iban::parse(" de89 3704 0044 0532 0130 00 ").unwrap();
        assert_eq!(iban.as_str(), VALID);
        assert_eq!(
            Iban::parse("AT611904300234573201").unwrap().as_str(),
            "AT611904300234573201"
        );
        assert_eq!(
            Iban::parse("CH9300762011623852957").unwrap().as_str(),
            "CH9300762011623852957"
        );
    }

    #[test]
    fn each_kind_of_mistake_is_named() {
        use IbanProblem::*;
        for (input, problem) in [
            ("DE89370400440532013001", Checksum),
            (
                with_check_digits("DE", "12345678901234567").as_str(),
                CountryFormat,
            ),
            (
                with_check_digits("XX", "370400440532013000").as_str(),
                UnknownCountry,
            ),
            ("89370400440532013000", Format),
            ("DE89-3704-0044-0532-0130-00", Format),
        ] {
            assert_eq!(
                Iban::parse(input),
                Err(FieldError::InvalidIban(problem)),
                "{input}"
            );
        }
        assert_eq!(Iban::parse("  "), Err(FieldError::Missing));
    }

    #[test]
    fn the_debug_form_hides_the_account() {
        let iban = Iban::parse(VALID).unwrap();
        assert_eq!(format!("{iban:?}"), "Iban(DE…00)");
    }

    #[test]
    fn bics_have_eight_or_eleven_characters() {
        assert_eq!(bic("cobadeffxxx"), Ok(Some("COBADEFFXXX".into())));
        assert_eq!(bic("COBADEFF"), Ok(Some("COBADEFF".into())));
        assert_eq!(bic(""), Ok(None));
        for bad in ["COBADEF", "COBADEFFXX", "C0BADEFF", "COBADEFF-XX"] {
            assert_eq!(bic(bad), Err(FieldError::InvalidBic), "{bad}");
        }
    }

    /// An IBAN with correct check digits for any country code and digits (ISO 7064 mod 97).
    fn with_check_digits(country: &str, bban: &str) -> String {
        let letters: String = country
            .bytes()
            .map(|b| (u32::from(b - b'A') + 10).to_string())
            .collect();
        let rest = format!("{bban}{letters}00")
            .bytes()
            .fold(0u32, |acc, d| (acc * 10 + u32::from(d - b'0')) % 97);
        format!("{country}{:02}{bban}", 98 - rest)
    }

    fn german_iban(bban: &str) -> String {
        with_check_digits("DE", bban)
    }

    proptest! {
        #[test]
        fn every_correctly_computed_german_iban_is_accepted(bban in "[0-9]{18}") {
            let iban = german_iban(&bban);
            prop_assert_eq!(Iban::parse(&iban).map(|i| i.0), Ok(iban.clone()));
            // However it is spaced.
            let spaced: String = iban.chars().flat_map(|c| [c, ' ']).collect();
            prop_assert!(Iban::parse(&spaced).is_ok());
        }

        #[test]
        fn changing_one_digit_breaks_the_checksum(bban in "[0-9]{18}", at in 4usize..22, by in 1u8..10) {
            let mut iban = german_iban(&bban).into_bytes();
            iban[at] = b'0' + (iban[at] - b'0' + by) % 10;
            let typo = String::from_utf8(iban).unwrap();
            prop_assert_eq!(
                Iban::parse(&typo),
                Err(FieldError::InvalidIban(IbanProblem::Checksum))
            );
        }

        #[test]
        fn any_input_is_answered_without_panicking(input in "\\PC{0,40}") {
            let _ = Iban::parse(&input);
        }
    }
}
