//! The signup form as typed (`SignupForm`, all text) and as accepted (`Registration`, only
//! valid values). The browser parses with the same code as the server, field by field, while
//! the user types; the server parses the whole form again and then asks the distributor's
//! records about the customer number.

use crate::resellers::{BankAccount, Registration};
use kontor_domain::{
    bic, customer_number, partner_id, phone_number, single_line, ticked, Collector, Country,
    EmailAddress, FederalState, FieldError, Iban, Password, Salutation, MAX_COMPANY_CHARS,
    MAX_NAME_CHARS,
};
use serde::{Deserialize, Serialize};

/// Everything the form sends, as text. Checkboxes arrive only when ticked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    pub email: String,
    pub password: String,
    pub password_confirmation: String,
    pub salutation: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub company_name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub federal_state: String,
    pub customer_number: String,
    pub account_holder: String,
    pub iban: String,
    pub bic: String,
    pub partner_id: String,
    pub accept_terms: Option<String>,
    pub accept_privacy: Option<String>,
}

/// The form's fields, for errors and for the inputs' names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignupField {
    Email,
    Password,
    PasswordConfirmation,
    Salutation,
    FirstName,
    LastName,
    Phone,
    CompanyName,
    Street,
    PostalCode,
    City,
    Country,
    FederalState,
    CustomerNumber,
    AccountHolder,
    Iban,
    Bic,
    PartnerId,
    AcceptTerms,
    AcceptPrivacy,
}

impl SignupField {
    /// The input's `name`: the server function receives the form as its `form` argument.
    pub fn name(self) -> &'static str {
        use SignupField::*;
        match self {
            Email => "form[email]",
            Password => "form[password]",
            PasswordConfirmation => "form[password_confirmation]",
            Salutation => "form[salutation]",
            FirstName => "form[first_name]",
            LastName => "form[last_name]",
            Phone => "form[phone]",
            CompanyName => "form[company_name]",
            Street => "form[street]",
            PostalCode => "form[postal_code]",
            City => "form[city]",
            Country => "form[country]",
            FederalState => "form[federal_state]",
            CustomerNumber => "form[customer_number]",
            AccountHolder => "form[account_holder]",
            Iban => "form[iban]",
            Bic => "form[bic]",
            PartnerId => "form[partner_id]",
            AcceptTerms => "form[accept_terms]",
            AcceptPrivacy => "form[accept_privacy]",
        }
    }
}

impl crate::ui::form::FormField for SignupField {
    type Form = SignupForm;

    fn name(self) -> &'static str {
        SignupField::name(self)
    }

    fn value(self, form: &SignupForm) -> &str {
        form.value(self)
    }

    fn set(self, form: &mut SignupForm, value: String) {
        form.set(self, value);
    }
}

impl SignupForm {
    pub fn value(&self, field: SignupField) -> &str {
        use SignupField::*;
        match field {
            Email => &self.email,
            Password => &self.password,
            PasswordConfirmation => &self.password_confirmation,
            Salutation => &self.salutation,
            FirstName => &self.first_name,
            LastName => &self.last_name,
            Phone => &self.phone,
            CompanyName => &self.company_name,
            Street => &self.street,
            PostalCode => &self.postal_code,
            City => &self.city,
            Country => &self.country,
            FederalState => &self.federal_state,
            CustomerNumber => &self.customer_number,
            AccountHolder => &self.account_holder,
            Iban => &self.iban,
            Bic => &self.bic,
            PartnerId => &self.partner_id,
            AcceptTerms => self.accept_terms.as_deref().unwrap_or_default(),
            AcceptPrivacy => self.accept_privacy.as_deref().unwrap_or_default(),
        }
    }

    pub fn set(&mut self, field: SignupField, value: String) {
        use SignupField::*;
        let ticked = (!value.is_empty()).then_some(value.clone());
        match field {
            Email => self.email = value,
            Password => self.password = value,
            PasswordConfirmation => self.password_confirmation = value,
            Salutation => self.salutation = value,
            FirstName => self.first_name = value,
            LastName => self.last_name = value,
            Phone => self.phone = value,
            CompanyName => self.company_name = value,
            Street => self.street = value,
            PostalCode => self.postal_code = value,
            City => self.city = value,
            Country => self.country = value,
            FederalState => self.federal_state = value,
            CustomerNumber => self.customer_number = value,
            AccountHolder => self.account_holder = value,
            Iban => self.iban = value,
            Bic => self.bic = value,
            PartnerId => self.partner_id = value,
            AcceptTerms => self.accept_terms = ticked,
            AcceptPrivacy => self.accept_privacy = ticked,
        }
    }

    /// What may be kept for showing the form again: everything but the passwords.
    pub fn without_secrets(mut self) -> SignupForm {
        self.password.clear();
        self.password_confirmation.clear();
        self
    }

    /// A customer number makes the bank details unnecessary: the distributor has them.
    pub fn has_customer_number(&self) -> bool {
        !self.customer_number.trim().is_empty()
    }

    pub fn is_in_germany(&self) -> bool {
        self.country == kontor_domain::Country::Germany.code()
    }
}

pub type FieldErrors = kontor_domain::FieldErrors<SignupField>;

pub fn parse_signup(form: &SignupForm) -> Result<Registration, FieldErrors> {
    let mut errors = Collector::default();
    use SignupField as F;

    let email = errors.check(F::Email, EmailAddress::parse_field(&form.email));
    let password = errors.check(
        F::Password,
        Password::parse(&form.password).map_err(FieldError::WeakPassword),
    );
    let confirmation_matches = if form.password_confirmation.is_empty() {
        Err(FieldError::Missing)
    } else if form.password_confirmation != form.password {
        Err(FieldError::PasswordMismatch)
    } else {
        Ok(())
    };
    errors.check(F::PasswordConfirmation, confirmation_matches);
    let salutation = errors.check(F::Salutation, Salutation::parse(&form.salutation));
    let first_name = errors.check(F::FirstName, single_line(&form.first_name, MAX_NAME_CHARS));
    let last_name = errors.check(F::LastName, single_line(&form.last_name, MAX_NAME_CHARS));
    let phone = errors.check(F::Phone, phone_number(&form.phone));
    let company_name = errors.check(
        F::CompanyName,
        single_line(&form.company_name, MAX_COMPANY_CHARS),
    );
    let street = errors.check(F::Street, single_line(&form.street, MAX_COMPANY_CHARS));
    let city = errors.check(F::City, single_line(&form.city, MAX_NAME_CHARS));
    let country = errors.check(F::Country, Country::parse(&form.country));
    let postal_code =
        country.and_then(|c| errors.check(F::PostalCode, c.postal_code(&form.postal_code)));
    // The state only means something in Germany; elsewhere whatever came is ignored.
    let federal_state = match country {
        Some(Country::Germany) => errors
            .check(F::FederalState, FederalState::parse(&form.federal_state))
            .map(Some),
        _ => Some(None),
    };
    let number = errors.check(F::CustomerNumber, customer_number(&form.customer_number));
    // With a customer number the bank fields are ignored, even if a browser without
    // JavaScript sent them.
    let bank_account = match &number {
        Some(Some(_)) => Some(None),
        _ => {
            let holder = errors.check(
                F::AccountHolder,
                single_line(&form.account_holder, MAX_COMPANY_CHARS),
            );
            let iban = errors.check(F::Iban, Iban::parse(&form.iban));
            let bic = errors.check(F::Bic, bic(&form.bic));
            match (holder, iban, bic) {
                (Some(holder), Some(iban), Some(bic)) => {
                    Some(Some(BankAccount { holder, iban, bic }))
                }
                _ => None,
            }
        }
    };
    let partner_id = errors.check(F::PartnerId, partner_id(&form.partner_id));
    errors.check(F::AcceptTerms, ticked(&form.accept_terms));
    errors.check(F::AcceptPrivacy, ticked(&form.accept_privacy));

    // Every field has been checked (and every error collected) above; only now may a
    // missing value end the parse.
    let registration = (|| {
        Some(Registration {
            email: email?,
            password: password?,
            salutation: salutation?,
            first_name: first_name?,
            last_name: last_name?,
            phone: phone?,
            company_name: company_name?,
            street: street?,
            postal_code: postal_code?,
            city: city?,
            country: country?,
            federal_state: federal_state?,
            customer_number: number?,
            bank_account: bank_account?,
            partner_id: partner_id?,
        })
    })();
    errors.finish(registration)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::form::FormField;

    /// A complete, valid form: a German reseller with bank details.
    pub fn valid_form() -> SignupForm {
        SignupForm {
            email: "Anna.Berger@Berger-IT.de".into(),
            password: "Kanzlei-Netz 7ä!".into(),
            password_confirmation: "Kanzlei-Netz 7ä!".into(),
            salutation: "ms".into(),
            first_name: "Anna".into(),
            last_name: "Berger".into(),
            phone: "+49 30 1234567".into(),
            company_name: "Berger IT GmbH".into(),
            street: "Hauptstraße 1".into(),
            postal_code: "10115".into(),
            city: "Berlin".into(),
            country: "DE".into(),
            federal_state: "BE".into(),
            account_holder: "Berger IT GmbH".into(),
            iban: "DE89 3704 0044 0532 0130 00".into(),
            accept_terms: Some("on".into()),
            accept_privacy: Some("on".into()),
            ..SignupForm::default()
        }
    }

    /// Checks one field the way the whole form is checked; `None` when it is fine. Fields that
    /// depend on others (confirmation, postal code, state, bank) look at them too.
    fn check_field(form: &SignupForm, field: SignupField) -> Option<FieldError> {
        parse_signup(form)
            .err()?
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    fn errors_of(form: &SignupForm) -> FieldErrors {
        parse_signup(form).err().unwrap_or_default()
    }

    #[test]
    fn a_complete_form_is_a_registration() {
        let registration = parse_signup(&valid_form()).unwrap();
        assert_eq!(registration.email.as_str(), "anna.berger@berger-it.de");
        assert_eq!(registration.federal_state, Some(FederalState::Berlin));
        let bank = registration.bank_account.unwrap();
        assert_eq!(bank.iban.as_str(), "DE89370400440532013000");
        assert_eq!(registration.customer_number, None);
    }

    #[test]
    fn an_empty_form_names_every_required_field() {
        let fields: Vec<SignupField> = errors_of(&SignupForm::default())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        use SignupField::*;
        for required in [
            Email,
            Password,
            PasswordConfirmation,
            Salutation,
            FirstName,
            LastName,
            Phone,
            CompanyName,
            Street,
            City,
            Country,
            AccountHolder,
            Iban,
            AcceptTerms,
            AcceptPrivacy,
        ] {
            assert!(fields.contains(&required), "{required:?} in {fields:?}");
        }
        for optional in [Bic, PartnerId, CustomerNumber] {
            assert!(!fields.contains(&optional), "{optional:?}");
        }
    }

    #[test]
    fn a_customer_number_makes_bank_details_unnecessary_and_ignored() {
        let form = SignupForm {
            customer_number: "100001".into(),
            account_holder: String::new(),
            iban: "not an iban".into(),
            ..valid_form()
        };
        let registration = parse_signup(&form).unwrap();
        assert_eq!(registration.customer_number.as_deref(), Some("100001"));
        assert!(registration.bank_account.is_none());
    }

    #[test]
    fn the_confirmation_must_match() {
        let form = SignupForm {
            password_confirmation: "Kanzlei-Netz 7a!".into(),
            ..valid_form()
        };
        assert_eq!(
            errors_of(&form),
            vec![(
                SignupField::PasswordConfirmation,
                FieldError::PasswordMismatch
            )]
        );
    }

    #[test]
    fn the_state_is_required_in_germany_only_and_must_be_from_the_list() {
        let unknown = SignupForm {
            federal_state: "Bavaria".into(),
            ..valid_form()
        };
        assert_eq!(
            check_field(&unknown, SignupField::FederalState),
            Some(FieldError::UnknownChoice)
        );
        let austrian = SignupForm {
            country: "AT".into(),
            postal_code: "1010".into(),
            federal_state: "Bavaria".into(),
            ..valid_form()
        };
        assert_eq!(parse_signup(&austrian).unwrap().federal_state, None);
    }

    #[test]
    fn the_postal_code_follows_the_chosen_country() {
        let form = SignupForm {
            country: "AT".into(),
            ..valid_form()
        };
        assert_eq!(
            check_field(&form, SignupField::PostalCode),
            Some(FieldError::InvalidPostalCode)
        );
    }

    #[test]
    fn terms_and_privacy_must_both_be_accepted() {
        let form = SignupForm {
            accept_privacy: None,
            ..valid_form()
        };
        assert_eq!(
            errors_of(&form),
            vec![(SignupField::AcceptPrivacy, FieldError::MustAccept)]
        );
    }

    #[test]
    fn oversized_and_control_characters_are_field_errors() {
        let form = SignupForm {
            company_name: "x".repeat(MAX_COMPANY_CHARS + 1),
            city: "Berlin\r\nBcc: x@y.z".into(),
            ..valid_form()
        };
        assert_eq!(
            errors_of(&form),
            vec![
                (
                    SignupField::CompanyName,
                    FieldError::TooLong {
                        max_chars: MAX_COMPANY_CHARS
                    }
                ),
                (SignupField::City, FieldError::ControlCharacters),
            ]
        );
    }

    #[test]
    fn the_kept_form_has_no_passwords() {
        let kept = valid_form().without_secrets();
        assert!(kept.password.is_empty() && kept.password_confirmation.is_empty());
        assert_eq!(kept.iban, valid_form().iban);
    }

    #[test]
    fn names_and_ids_fit_together() {
        assert_eq!(SignupField::PostalCode.id(), "postal_code");
        assert_eq!(SignupField::PostalCode.name(), "form[postal_code]");
    }
}
