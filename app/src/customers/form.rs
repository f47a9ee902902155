//! The customer form as typed (`CustomerForm`, all text) and as accepted (`CustomerDetails`).
//! Creating and editing use the same form; the browser parses it live with the same function
//! the server runs.

use crate::i18n::Locale;
use crate::ui::form::FormField;
use kontor_domain::{
    optional_line, phone_number, single_line, Collector, Country, EmailAddress, FieldError,
    FieldErrors, MAX_COMPANY_CHARS, MAX_NAME_CHARS,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerForm {
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub contact_first_name: String,
    pub contact_last_name: String,
    pub contact_email: String,
    pub phone: String,
    pub language: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CustomerField {
    CompanyName,
    Street,
    PostalCode,
    City,
    Country,
    ContactFirstName,
    ContactLastName,
    ContactEmail,
    Phone,
    Language,
}

impl FormField for CustomerField {
    type Form = CustomerForm;

    fn name(self) -> &'static str {
        use CustomerField::*;
        match self {
            CompanyName => "form[company_name]",
            Street => "form[street]",
            PostalCode => "form[postal_code]",
            City => "form[city]",
            Country => "form[country]",
            ContactFirstName => "form[contact_first_name]",
            ContactLastName => "form[contact_last_name]",
            ContactEmail => "form[contact_email]",
            Phone => "form[phone]",
            Language => "form[language]",
        }
    }

    fn value(self, form: &CustomerForm) -> &str {
        &form[self]
    }

    fn set(self, form: &mut CustomerForm, value: String) {
        form[self] = value;
    }
}

impl std::ops::Index<CustomerField> for CustomerForm {
    type Output = String;

    fn index(&self, field: CustomerField) -> &String {
        use CustomerField::*;
        match field {
            CompanyName => &self.company_name,
            Street => &self.street,
            PostalCode => &self.postal_code,
            City => &self.city,
            Country => &self.country,
            ContactFirstName => &self.contact_first_name,
            ContactLastName => &self.contact_last_name,
            ContactEmail => &self.contact_email,
            Phone => &self.phone,
            Language => &self.language,
        }
    }
}

impl std::ops::IndexMut<CustomerField> for CustomerForm {
    fn index_mut(&mut self, field: CustomerField) -> &mut String {
        use CustomerField::*;
        match field {
            CompanyName => &mut self.company_name,
            Street => &mut self.street,
            PostalCode => &mut self.postal_code,
            City => &mut self.city,
            Country => &mut self.country,
            ContactFirstName => &mut self.contact_first_name,
            ContactLastName => &mut self.contact_last_name,
            ContactEmail => &mut self.contact_email,
            Phone => &mut self.phone,
            Language => &mut self.language,
        }
    }
}

/// A customer as the reseller entered it, every field valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerDetails {
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: Country,
    pub contact_first_name: String,
    pub contact_last_name: String,
    pub contact_email: EmailAddress,
    pub phone: Option<String>,
    /// The language of the mails the customer's contact receives.
    pub locale: Locale,
}

pub fn parse_customer(form: &CustomerForm) -> Result<CustomerDetails, FieldErrors<CustomerField>> {
    use CustomerField as F;
    let mut errors = Collector::default();
    let company_name = errors.check(
        F::CompanyName,
        single_line(&form.company_name, MAX_COMPANY_CHARS),
    );
    let street = errors.check(F::Street, single_line(&form.street, MAX_COMPANY_CHARS));
    let city = errors.check(F::City, single_line(&form.city, MAX_NAME_CHARS));
    let country = errors.check(F::Country, Country::parse(&form.country));
    let postal_code =
        country.and_then(|c| errors.check(F::PostalCode, c.postal_code(&form.postal_code)));
    let contact_first_name = errors.check(
        F::ContactFirstName,
        single_line(&form.contact_first_name, MAX_NAME_CHARS),
    );
    let contact_last_name = errors.check(
        F::ContactLastName,
        single_line(&form.contact_last_name, MAX_NAME_CHARS),
    );
    let contact_email = errors.check(
        F::ContactEmail,
        EmailAddress::parse_field(&form.contact_email),
    );
    let phone = errors.check(
        F::Phone,
        optional_line(&form.phone, MAX_NAME_CHARS)
            .and_then(|phone| phone.map(|p| phone_number(&p)).transpose()),
    );
    let locale = errors.check(
        F::Language,
        Locale::from_tag(&form.language)
            .filter(|l| l.code() == form.language)
            .ok_or(if form.language.is_empty() {
                FieldError::Missing
            } else {
                FieldError::UnknownChoice
            }),
    );
    let details = (|| {
        Some(CustomerDetails {
            company_name: company_name?,
            street: street?,
            postal_code: postal_code?,
            city: city?,
            country: country?,
            contact_first_name: contact_first_name?,
            contact_last_name: contact_last_name?,
            contact_email: contact_email?,
            phone: phone?,
            locale: locale?,
        })
    })();
    errors.finish(details)
}

impl CustomerForm {
    /// A new customer's form: in Germany, mails in German.
    pub fn new_customer() -> CustomerForm {
        CustomerForm {
            country: Country::Germany.code().to_owned(),
            language: Locale::De.code().to_owned(),
            ..CustomerForm::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn valid_form() -> CustomerForm {
        CustomerForm {
            company_name: "Bäckerei Müller GmbH".into(),
            street: "Marktplatz 3".into(),
            postal_code: "80331".into(),
            city: "München".into(),
            country: "DE".into(),
            contact_first_name: "Jonas".into(),
            contact_last_name: "Müller".into(),
            contact_email: "Jonas@Baeckerei-Mueller.de".into(),
            phone: String::new(),
            language: "de".into(),
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let details = parse_customer(&valid_form()).unwrap();
        assert_eq!(details.company_name, "Bäckerei Müller GmbH");
        assert_eq!(details.country, Country::Germany);
        assert_eq!(details.contact_email.as_str(), "jonas@baeckerei-mueller.de");
        assert_eq!(details.phone, None);
        assert_eq!(details.locale, Locale::De);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let form = CustomerForm {
            company_name: " ".into(),
            postal_code: "8033".into(),
            contact_email: "jonas@".into(),
            phone: "call me".into(),
            language: "fr".into(),
            ..valid_form()
        };
        let errors = parse_customer(&form).unwrap_err();
        use CustomerField as F;
        assert_eq!(
            errors,
            vec![
                (F::CompanyName, FieldError::Missing),
                (F::PostalCode, FieldError::InvalidPostalCode),
                (F::ContactEmail, FieldError::InvalidEmail),
                (F::Phone, FieldError::InvalidPhone),
                (F::Language, FieldError::UnknownChoice),
            ]
        );
    }

    #[test]
    fn the_postal_code_follows_the_country() {
        let austria = CustomerForm {
            country: "AT".into(),
            postal_code: "1010".into(),
            ..valid_form()
        };
        assert!(parse_customer(&austria).is_ok());
        let german_code_in_austria = CustomerForm {
            country: "AT".into(),
            ..valid_form()
        };
        assert_eq!(
            parse_customer(&german_code_in_austria).unwrap_err(),
            vec![(CustomerField::PostalCode, FieldError::InvalidPostalCode)]
        );
    }

    #[test]
    fn field_names_and_ids_match_the_form() {
        assert_eq!(CustomerField::ContactEmail.name(), "form[contact_email]");
        assert_eq!(CustomerField::ContactEmail.id(), "contact_email");
        let mut form = CustomerForm::default();
        CustomerField::City.set(&mut form, "Wien".into());
        assert_eq!(CustomerField::City.value(&form), "Wien");
    }
}
