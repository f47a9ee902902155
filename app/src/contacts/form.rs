//! A contact line as typed, parsed by the same rules in browser and server.

use crate::ui::form::FormField;
use kontor_domain::{
    optional_line, phone_number, single_line, Collector, EmailAddress, FieldErrors,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub team: String,
    pub email: String,
    pub phone: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactField {
    Team,
    Email,
    Phone,
}

impl FormField for ContactField {
    type Form = ContactForm;

    fn name(self) -> &'static str {
        match self {
            ContactField::Team => "form[team]",
            ContactField::Email => "form[email]",
            ContactField::Phone => "form[phone]",
        }
    }

    fn value(self, form: &ContactForm) -> &str {
        match self {
            ContactField::Team => &form.team,
            ContactField::Email => &form.email,
            ContactField::Phone => &form.phone,
        }
    }

    fn set(self, form: &mut ContactForm, value: String) {
        match self {
            ContactField::Team => form.team = value,
            ContactField::Email => form.email = value,
            ContactField::Phone => form.phone = value,
        }
    }
}

/// Team, address and (optional) phone.
pub fn parse_contact(
    form: &ContactForm,
) -> Result<(String, EmailAddress, Option<String>), FieldErrors<ContactField>> {
    let mut errors = Collector::default();
    let team = errors.check(ContactField::Team, single_line(&form.team, 80));
    let email = errors.check(ContactField::Email, EmailAddress::parse_field(&form.email));
    let phone = errors.check(
        ContactField::Phone,
        optional_line(&form.phone, 30)
            .and_then(|phone| phone.map(|p| phone_number(&p)).transpose()),
    );
    let parsed = (|| Some((team?, email?, phone?)))();
    errors.finish(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kontor_domain::FieldError;

    #[test]
    fn a_contact_needs_a_team_and_an_address_and_maybe_a_phone() {
        let good = ContactForm {
            team: "Vertrieb".into(),
            email: "Vertrieb@Distributor.example".into(),
            phone: String::new(),
        };
        let (team, email, phone) = parse_contact(&good).unwrap();
        assert_eq!(
            (team.as_str(), email.as_str(), phone),
            ("Vertrieb", "vertrieb@distributor.example", None)
        );
        let bad = ContactForm {
            team: String::new(),
            email: "nope".into(),
            phone: "call me".into(),
        };
        assert_eq!(
            parse_contact(&bad),
            Err(vec![
                (ContactField::Team, FieldError::Missing),
                (ContactField::Email, FieldError::InvalidEmail),
                (ContactField::Phone, FieldError::InvalidPhone),
            ])
        );
    }
}
