//! The "Microsoft MPN + MPA" form as typed, parsed by the domain rules in browser and server.

use crate::ui::form::FormField;
use kontor_domain::{Collector, FieldErrors, LocationMpn, MicrosoftId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MicrosoftPartnerForm {
    pub location_mpn: String,
    pub microsoft_id: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MicrosoftPartnerField {
    LocationMpn,
    MicrosoftId,
}

impl FormField for MicrosoftPartnerField {
    type Form = MicrosoftPartnerForm;

    fn name(self) -> &'static str {
        match self {
            MicrosoftPartnerField::LocationMpn => "form[location_mpn]",
            MicrosoftPartnerField::MicrosoftId => "form[microsoft_id]",
        }
    }

    fn value(self, form: &MicrosoftPartnerForm) -> &str {
        match self {
            MicrosoftPartnerField::LocationMpn => &form.location_mpn,
            MicrosoftPartnerField::MicrosoftId => &form.microsoft_id,
        }
    }

    fn set(self, form: &mut MicrosoftPartnerForm, value: String) {
        match self {
            MicrosoftPartnerField::LocationMpn => form.location_mpn = value,
            MicrosoftPartnerField::MicrosoftId => form.microsoft_id = value,
        }
    }
}

pub fn parse_microsoft_partner(
    form: &MicrosoftPartnerForm,
) -> Result<(LocationMpn, MicrosoftId), FieldErrors<MicrosoftPartnerField>> {
    let mut errors = Collector::default();
    let mpn = errors.check(
        MicrosoftPartnerField::LocationMpn,
        LocationMpn::parse(&form.location_mpn),
    );
    let id = errors.check(
        MicrosoftPartnerField::MicrosoftId,
        MicrosoftId::parse(&form.microsoft_id),
    );
    errors.finish(mpn.zip(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kontor_domain::FieldError;

    #[test]
    fn both_fields_are_checked_at_once() {
        let form = MicrosoftPartnerForm {
            location_mpn: "123456".into(),
            microsoft_id: "nope".into(),
        };
        assert_eq!(
            parse_microsoft_partner(&form),
            Err(vec![
                (
                    MicrosoftPartnerField::LocationMpn,
                    FieldError::InvalidLocationMpn
                ),
                (
                    MicrosoftPartnerField::MicrosoftId,
                    FieldError::InvalidMicrosoftId
                ),
            ])
        );
        let good = MicrosoftPartnerForm {
            location_mpn: "1234567".into(),
            microsoft_id: "3F2504E0-4F89-11D3-9A0C-0305E82C3301".into(),
        };
        let (mpn, id) = parse_microsoft_partner(&good).unwrap();
        assert_eq!(mpn.as_str(), "1234567");
        assert_eq!(id.as_str(), "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    }
}
