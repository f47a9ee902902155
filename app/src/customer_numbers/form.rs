//! One registry entry as typed (or read from a CSV row), parsed by the same rules in browser
//! and server.

use super::RegistryRecord;
use crate::ui::form::FormField;
use kontor_domain::{
    customer_number, single_line, Collector, Country, EmailAddress, FieldError, FieldErrors,
    MAX_COMPANY_CHARS,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistryForm {
    pub customer_number: String,
    pub company_name: String,
    pub postal_code: String,
    pub contact_email: String,
}

/// A field of the form, and a column of the CSV import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegistryField {
    CustomerNumber,
    CompanyName,
    PostalCode,
    ContactEmail,
}

impl RegistryField {
    /// The columns every CSV import needs (the contact address is optional).
    pub const REQUIRED: [RegistryField; 3] = [
        RegistryField::CustomerNumber,
        RegistryField::CompanyName,
        RegistryField::PostalCode,
    ];
}

impl FormField for RegistryField {
    type Form = RegistryForm;

    fn name(self) -> &'static str {
        match self {
            RegistryField::CustomerNumber => "form[customer_number]",
            RegistryField::CompanyName => "form[company_name]",
            RegistryField::PostalCode => "form[postal_code]",
            RegistryField::ContactEmail => "form[contact_email]",
        }
    }

    fn value(self, form: &RegistryForm) -> &str {
        match self {
            RegistryField::CustomerNumber => &form.customer_number,
            RegistryField::CompanyName => &form.company_name,
            RegistryField::PostalCode => &form.postal_code,
            RegistryField::ContactEmail => &form.contact_email,
        }
    }

    fn set(self, form: &mut RegistryForm, value: String) {
        match self {
            RegistryField::CustomerNumber => form.customer_number = value,
            RegistryField::CompanyName => form.company_name = value,
            RegistryField::PostalCode => form.postal_code = value,
            RegistryField::ContactEmail => form.contact_email = value,
        }
    }
}

/// A postal code of any country a reseller can sign up from: the registry does not record
/// the country, only the code a signup must repeat.
fn any_postal_code(input: &str) -> Result<String, FieldError> {
    Country::ALL
        .into_iter()
        .find_map(|country| country.postal_code(input).ok())
        .ok_or_else(|| match input.trim() {
            "" => FieldError::Missing,
            _ => FieldError::PostalCodeFormat,
        })
}

/// An address, or nothing when the field is empty.
fn optional_email(input: &str) -> Result<Option<String>, FieldError> {
    match input.trim() {
        "" => Ok(None),
        address => EmailAddress::parse_field(address).map(|a| Some(a.as_str().to_owned())),
    }
}

/// Customer number (required here), company, postal code and, optionally, a contact address.
pub fn parse_registry_entry(
    form: &RegistryForm,
) -> Result<RegistryRecord, FieldErrors<RegistryField>> {
    let mut errors = Collector::default();
    let number = errors.check(
        RegistryField::CustomerNumber,
        customer_number(&form.customer_number).and_then(|number| number.ok_or(FieldError::Missing)),
    );
    let company = errors.check(
        RegistryField::CompanyName,
        single_line(&form.company_name, MAX_COMPANY_CHARS),
    );
    let postal_code = errors.check(
        RegistryField::PostalCode,
        any_postal_code(&form.postal_code),
    );
    let contact_email = errors.check(
        RegistryField::ContactEmail,
        optional_email(&form.contact_email),
    );
    let parsed = (|| {
        Some(RegistryRecord {
            customer_number: number?,
            company_name: company?,
            postal_code: postal_code?,
            contact_email: contact_email?,
        })
    })();
    errors.finish(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(number: &str, company: &str, postal_code: &str) -> RegistryForm {
        RegistryForm {
            customer_number: number.into(),
            company_name: company.into(),
            postal_code: postal_code.into(),
            contact_email: String::new(),
        }
    }

    #[test]
    fn the_contact_address_is_optional_but_an_address() {
        let with = RegistryForm {
            contact_email: " Buchhaltung@Berger-IT.example ".into(),
            ..form("100001", "Berger IT GmbH", "10115")
        };
        assert_eq!(
            parse_registry_entry(&with)
                .unwrap()
                .contact_email
                .as_deref(),
            Some("buchhaltung@berger-it.example")
        );
        let broken = RegistryForm {
            contact_email: "buchhaltung".into(),
            ..with
        };
        assert_eq!(
            parse_registry_entry(&broken),
            Err(vec![(
                RegistryField::ContactEmail,
                FieldError::InvalidEmail
            )])
        );
    }

    #[test]
    fn an_entry_has_a_number_a_company_and_a_postal_code_of_a_signup_country() {
        let german = parse_registry_entry(&form(" 100001 ", " Berger IT GmbH ", "10115"));
        assert_eq!(
            german,
            Ok(RegistryRecord {
                customer_number: "100001".into(),
                company_name: "Berger IT GmbH".into(),
                postal_code: "10115".into(),
                contact_email: None,
            })
        );
        let austrian = parse_registry_entry(&form("200002", "Huber EDV", "1010")).unwrap();
        assert_eq!(austrian.postal_code, "1010");
    }

    #[test]
    fn every_wrong_field_is_named() {
        assert_eq!(
            parse_registry_entry(&form("", "", "")),
            Err(vec![
                (RegistryField::CustomerNumber, FieldError::Missing),
                (RegistryField::CompanyName, FieldError::Missing),
                (RegistryField::PostalCode, FieldError::Missing),
            ])
        );
        assert_eq!(
            parse_registry_entry(&form("12a45", "Tab\there", "0123")),
            Err(vec![
                (
                    RegistryField::CustomerNumber,
                    FieldError::InvalidCustomerNumber
                ),
                (RegistryField::CompanyName, FieldError::ControlCharacters),
                (RegistryField::PostalCode, FieldError::PostalCodeFormat),
            ])
        );
    }
}
