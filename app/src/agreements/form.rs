//! The two ways to record an acceptance: the customer's form on the public page, and the
//! reseller's attestation. Parsed by the domain rules, in browser and server alike.

use crate::ui::form::FormField;
use kontor_domain::{
    acceptance_date, signer_name, ticked, Collector, EmailAddress, FieldErrors, Signer,
};
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AcceptanceForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// `on` when "I accept on behalf of the company" is ticked.
    pub accept: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AcceptanceField {
    FirstName,
    LastName,
    Email,
    Accept,
}

impl FormField for AcceptanceField {
    type Form = AcceptanceForm;

    fn name(self) -> &'static str {
        match self {
            AcceptanceField::FirstName => "form[first_name]",
            AcceptanceField::LastName => "form[last_name]",
            AcceptanceField::Email => "form[email]",
            AcceptanceField::Accept => "form[accept]",
        }
    }

    fn value(self, form: &AcceptanceForm) -> &str {
        match self {
            AcceptanceField::FirstName => &form.first_name,
            AcceptanceField::LastName => &form.last_name,
            AcceptanceField::Email => &form.email,
            AcceptanceField::Accept => form.accept.as_deref().unwrap_or_default(),
        }
    }

    fn set(self, form: &mut AcceptanceForm, value: String) {
        match self {
            AcceptanceField::FirstName => form.first_name = value,
            AcceptanceField::LastName => form.last_name = value,
            AcceptanceField::Email => form.email = value,
            AcceptanceField::Accept => form.accept = (!value.is_empty()).then_some(value),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttestationForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// `2026-11-23` from a date field (`23.11.2026` is understood too).
    pub date: String,
    /// `on` when the reseller attests the acceptance.
    pub attest: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AttestationField {
    FirstName,
    LastName,
    Email,
    Date,
    Attest,
}

impl FormField for AttestationField {
    type Form = AttestationForm;

    fn name(self) -> &'static str {
        match self {
            AttestationField::FirstName => "form[first_name]",
            AttestationField::LastName => "form[last_name]",
            AttestationField::Email => "form[email]",
            AttestationField::Date => "form[date]",
            AttestationField::Attest => "form[attest]",
        }
    }

    fn value(self, form: &AttestationForm) -> &str {
        match self {
            AttestationField::FirstName => &form.first_name,
            AttestationField::LastName => &form.last_name,
            AttestationField::Email => &form.email,
            AttestationField::Date => &form.date,
            AttestationField::Attest => form.attest.as_deref().unwrap_or_default(),
        }
    }

    fn set(self, form: &mut AttestationForm, value: String) {
        match self {
            AttestationField::FirstName => form.first_name = value,
            AttestationField::LastName => form.last_name = value,
            AttestationField::Email => form.email = value,
            AttestationField::Date => form.date = value,
            AttestationField::Attest => form.attest = (!value.is_empty()).then_some(value),
        }
    }
}

/// An acceptance the reseller attests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attestation {
    pub signer: Signer,
    pub date: Date,
}

/// The signer's three fields, checked into `errors`.
fn signer<F>(errors: &mut Collector<F>, [first, last, email]: [(F, &str); 3]) -> Option<Signer> {
    let first_name = errors.check(first.0, signer_name(first.1));
    let last_name = errors.check(last.0, signer_name(last.1));
    let email = errors.check(email.0, EmailAddress::parse_field(email.1));
    Some(Signer {
        first_name: first_name?,
        last_name: last_name?,
        email: email?,
    })
}

pub fn parse_acceptance(form: &AcceptanceForm) -> Result<Signer, FieldErrors<AcceptanceField>> {
    use AcceptanceField as F;
    let mut errors = Collector::default();
    let signer = signer(
        &mut errors,
        [
            (F::FirstName, &form.first_name),
            (F::LastName, &form.last_name),
            (F::Email, &form.email),
        ],
    );
    let accepted = errors.check(F::Accept, ticked(&form.accept));
    errors.finish(accepted.and(signer))
}

/// `today` is German today: an acceptance cannot have happened later.
pub fn parse_attestation(
    form: &AttestationForm,
    today: Date,
) -> Result<Attestation, FieldErrors<AttestationField>> {
    use AttestationField as F;
    let mut errors = Collector::default();
    let signer = signer(
        &mut errors,
        [
            (F::FirstName, &form.first_name),
            (F::LastName, &form.last_name),
            (F::Email, &form.email),
        ],
    );
    let date = errors.check(F::Date, acceptance_date(&form.date, today));
    let attested = errors.check(F::Attest, ticked(&form.attest));
    let attestation = attested.and(signer).zip(date);
    errors.finish(attestation.map(|(signer, date)| Attestation { signer, date }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kontor_domain::FieldError;
    use time::Month;

    fn acceptance() -> AcceptanceForm {
        AcceptanceForm {
            first_name: " Jonas ".into(),
            last_name: "Müller".into(),
            email: "Jonas@Baeckerei-Mueller.example".into(),
            accept: Some("on".into()),
        }
    }

    fn today() -> Date {
        Date::from_calendar_date(2026, Month::November, 23).unwrap()
    }

    #[test]
    fn a_complete_acceptance_names_the_signer() {
        let signer = parse_acceptance(&acceptance()).unwrap();
        assert_eq!(signer.name(), "Jonas Müller");
        assert_eq!(signer.email.as_str(), "jonas@baeckerei-mueller.example");
    }

    #[test]
    fn an_acceptance_needs_names_a_valid_email_and_the_tick() {
        let form = AcceptanceForm {
            first_name: "".into(),
            last_name: "Müller\nBcc: x@y.z".into(),
            email: "jonas@".into(),
            accept: None,
        };
        use AcceptanceField as F;
        assert_eq!(
            parse_acceptance(&form).unwrap_err(),
            vec![
                (F::FirstName, FieldError::Missing),
                (F::LastName, FieldError::ControlCharacters),
                (F::Email, FieldError::InvalidEmail),
                (F::Accept, FieldError::MustAccept),
            ]
        );
    }

    #[test]
    fn an_attestation_needs_a_past_date_and_the_tick() {
        let form = AttestationForm {
            first_name: "Jonas".into(),
            last_name: "Müller".into(),
            email: "jonas@example.de".into(),
            date: "2026-11-20".into(),
            attest: Some("on".into()),
        };
        let attestation = parse_attestation(&form, today()).unwrap();
        assert_eq!(attestation.date.day(), 20);
        assert_eq!(attestation.signer.name(), "Jonas Müller");

        let future = AttestationForm {
            date: "2026-11-24".into(),
            attest: None,
            ..form
        };
        assert_eq!(
            parse_attestation(&future, today()).unwrap_err(),
            vec![
                (AttestationField::Date, FieldError::DateInFuture),
                (AttestationField::Attest, FieldError::MustAccept),
            ]
        );
    }
}
