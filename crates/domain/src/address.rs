use super::FieldError;
use serde::{Deserialize, Serialize};

/// The countries resellers may sign up from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    Germany,
    Austria,
    Switzerland,
}

impl Country {
    pub const ALL: [Country; 3] = [Country::Germany, Country::Austria, Country::Switzerland];

    /// ISO 3166-1 alpha-2, as in forms and the database.
    pub fn code(self) -> &'static str {
        match self {
            Country::Germany => "DE",
            Country::Austria => "AT",
            Country::Switzerland => "CH",
        }
    }

    pub fn parse(code: &str) -> Result<Country, FieldError> {
        if code.trim().is_empty() {
            return Err(FieldError::Missing);
        }
        Country::ALL
            .into_iter()
            .find(|c| c.code() == code.trim())
            .ok_or(FieldError::UnknownChoice)
    }

    /// Germany: five digits; Austria and Switzerland: four, not starting with 0.
    pub fn postal_code(self, input: &str) -> Result<String, FieldError> {
        let code = input.trim();
        if code.is_empty() {
            return Err(FieldError::Missing);
        }
        let digits_only = code.bytes().all(|b| b.is_ascii_digit());
        let valid = match self {
            Country::Germany => digits_only && code.len() == 5 && code != "00000",
            Country::Austria | Country::Switzerland => {
                digits_only && code.len() == 4 && !code.starts_with('0')
            }
        };
        valid
            .then(|| code.to_owned())
            .ok_or(FieldError::InvalidPostalCode)
    }
}

/// The 16 German federal states, with their official spelling: a choice, never free text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FederalState {
    BadenWuerttemberg,
    Bayern,
    Berlin,
    Brandenburg,
    Bremen,
    Hamburg,
    Hessen,
    MecklenburgVorpommern,
    Niedersachsen,
    NordrheinWestfalen,
    RheinlandPfalz,
    Saarland,
    Sachsen,
    SachsenAnhalt,
    SchleswigHolstein,
    Thueringen,
}

impl FederalState {
    pub const ALL: [FederalState; 16] = [
        FederalState::BadenWuerttemberg,
        FederalState::Bayern,
        FederalState::Berlin,
        FederalState::Brandenburg,
        FederalState::Bremen,
        FederalState::Hamburg,
        FederalState::Hessen,
        FederalState::MecklenburgVorpommern,
        FederalState::Niedersachsen,
        FederalState::NordrheinWestfalen,
        FederalState::RheinlandPfalz,
        FederalState::Saarland,
        FederalState::Sachsen,
        FederalState::SachsenAnhalt,
        FederalState::SchleswigHolstein,
        FederalState::Thueringen,
    ];

    /// ISO 3166-2:DE, without the country prefix.
    pub fn code(self) -> &'static str {
        use FederalState::*;
        match self {
            BadenWuerttemberg => "BW",
            Bayern => "BY",
            Berlin => "BE",
            Brandenburg => "BB",
            Bremen => "HB",
            Hamburg => "HH",
            Hessen => "HE",
            MecklenburgVorpommern => "MV",
            Niedersachsen => "NI",
            NordrheinWestfalen => "NW",
            RheinlandPfalz => "RP",
            Saarland => "SL",
            Sachsen => "SN",
            SachsenAnhalt => "ST",
            SchleswigHolstein => "SH",
            Thueringen => "TH",
        }
    }

    /// The official name; the same in every language of the portal.
    pub fn name(self) -> &'static str {
        use FederalState::*;
        match self {
            BadenWuerttemberg => "Baden-Württemberg",
            Bayern => "Bayern",
            Berlin => "Berlin",
            Brandenburg => "Brandenburg",
            Bremen => "Bremen",
            Hamburg => "Hamburg",
            Hessen => "Hessen",
            MecklenburgVorpommern => "Mecklenburg-Vorpommern",
            Niedersachsen => "Niedersachsen",
            NordrheinWestfalen => "Nordrhein-Westfalen",
            RheinlandPfalz => "Rheinland-Pfalz",
            Saarland => "Saarland",
            Sachsen => "Sachsen",
            SachsenAnhalt => "Sachsen-Anhalt",
            SchleswigHolstein => "Schleswig-Holstein",
            Thueringen => "Thüringen",
        }
    }

    pub fn parse(code: &str) -> Result<FederalState, FieldError> {
        if code.trim().is_empty() {
            return Err(FieldError::Missing);
        }
        FederalState::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .ok_or(FieldError::UnknownChoice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_follow_their_country() {
        assert_eq!(Country::Germany.postal_code(" 10115 ").unwrap(), "10115");
        assert_eq!(Country::Austria.postal_code("1010").unwrap(), "1010");
        assert_eq!(Country::Switzerland.postal_code("8001").unwrap(), "8001");
        for (country, bad) in [
            (Country::Germany, "1011"),
            (Country::Germany, "101155"),
            (Country::Germany, "1O115"),
            (Country::Germany, "00000"),
            (Country::Austria, "10115"),
            (Country::Austria, "0101"),
            (Country::Switzerland, "CH-8001"),
        ] {
            assert_eq!(
                country.postal_code(bad),
                Err(FieldError::InvalidPostalCode),
                "{country:?} {bad}"
            );
        }
        assert_eq!(Country::Germany.postal_code(""), Err(FieldError::Missing));
    }

    #[test]
    fn there_are_sixteen_states_with_distinct_codes_and_names() {
        let codes: std::collections::HashSet<_> =
            FederalState::ALL.iter().map(|s| s.code()).collect();
        let names: std::collections::HashSet<_> =
            FederalState::ALL.iter().map(|s| s.name()).collect();
        assert_eq!((codes.len(), names.len()), (16, 16));
        for state in FederalState::ALL {
            assert_eq!(FederalState::parse(state.code()), Ok(state));
        }
        assert_eq!(
            FederalState::parse("Bavaria"),
            Err(FieldError::UnknownChoice)
        );
        assert_eq!(FederalState::parse(""), Err(FieldError::Missing));
    }

    #[test]
    fn only_the_offered_countries_are_accepted() {
        assert_eq!(Country::parse("AT"), Ok(Country::Austria));
        assert_eq!(Country::parse("FR"), Err(FieldError::UnknownChoice));
        assert_eq!(Country::parse(""), Err(FieldError::Missing));
    }
}
