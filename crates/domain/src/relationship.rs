//! A customer's indirect reseller relationship at Microsoft, as the traffic light the
//! reseller sees ("Partnerstatus"). The one place where the provider's answer becomes a colour.

use super::MicrosoftId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartnerStatus {
    /// Green: the customer is linked to this reseller as its indirect reseller.
    Linked,
    /// Orange: linked to another indirect reseller, not to this one.
    LinkedElsewhere,
    /// Red: linked to no indirect reseller.
    Unlinked,
}

impl PartnerStatus {
    /// The colour for the reseller with the Microsoft id `own`, given the Microsoft ids of the
    /// indirect resellers the provider lists for the customer (in whatever case it sends
    /// them). An id that is not a GUID still names some other reseller.
    pub fn of<'a>(own: &MicrosoftId, linked: impl IntoIterator<Item = &'a str>) -> PartnerStatus {
        let mut any = false;
        for id in linked {
            if MicrosoftId::parse(id).is_ok_and(|id| &id == own) {
                return PartnerStatus::Linked;
            }
            any = true;
        }
        if any {
            PartnerStatus::LinkedElsewhere
        } else {
            PartnerStatus::Unlinked
        }
    }

    pub const ALL: [PartnerStatus; 3] = [
        PartnerStatus::Linked,
        PartnerStatus::LinkedElsewhere,
        PartnerStatus::Unlinked,
    ];

    /// The stored and filtered value, which is the colour's name.
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerStatus::Linked => "green",
            PartnerStatus::LinkedElsewhere => "orange",
            PartnerStatus::Unlinked => "red",
        }
    }

    pub fn parse(stored: &str) -> Option<PartnerStatus> {
        PartnerStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    const OTHER: &str = "9a7c1e52-0b6d-4c1e-8f3a-2d5b7e9c1a04";

    #[test]
    fn the_colour_follows_who_is_linked() {
        let own = MicrosoftId::parse(OWN).unwrap();
        assert_eq!(PartnerStatus::of(&own, []), PartnerStatus::Unlinked);
        assert_eq!(PartnerStatus::of(&own, [OWN]), PartnerStatus::Linked);
        assert_eq!(
            PartnerStatus::of(&own, [OTHER]),
            PartnerStatus::LinkedElsewhere
        );
        // Linked to this reseller too: green, whatever else the customer has.
        assert_eq!(PartnerStatus::of(&own, [OTHER, OWN]), PartnerStatus::Linked);
    }

    #[test]
    fn the_providers_case_and_odd_ids_do_not_mislead() {
        let own = MicrosoftId::parse(OWN).unwrap();
        let upper = OWN.to_ascii_uppercase();
        assert_eq!(
            PartnerStatus::of(&own, [upper.as_str()]),
            PartnerStatus::Linked
        );
        assert_eq!(
            PartnerStatus::of(&own, ["not-a-guid"]),
            PartnerStatus::LinkedElsewhere
        );
    }

    #[test]
    fn the_stored_value_reads_back() {
        for status in PartnerStatus::ALL {
            assert_eq!(PartnerStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(PartnerStatus::parse("blue"), None);
    }
}
