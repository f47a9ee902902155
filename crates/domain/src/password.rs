use std::fmt;

/// A password that meets the portal's rules: at least 8 characters with an upper-case letter,
/// a lower-case letter, a digit and a special character, and not one of the passwords
/// attackers try first. Every character counts — umlauts, spaces, any symbol — and anything
/// that is neither letter nor digit is a special character. Never printed, never serialised.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

/// One rule of the password policy; a rejected password names every rule it misses, so the
/// form can show them all at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PasswordRule {
    MinLength,
    MaxLength,
    UpperCase,
    LowerCase,
    Digit,
    Special,
    NotCommon,
}

const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Listed itself, or its letters without leading and trailing digits and symbols are.
fn is_common(candidate: &str) -> bool {
    let lower = candidate.to_lowercase();
    let stem = lower.trim_matches(|c: char| !c.is_alphabetic());
    COMMON_PASSWORDS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|common| common == lower || common == stem)
}

impl PasswordRule {
    pub const MIN_CHARS: usize = 8;
    /// Generous for passphrases, and a bound on the work of hashing.
    pub const MAX_CHARS: usize = 1024;
    /// Every rule, in the order the checklist shows them.
    pub const ALL: [PasswordRule; 7] = [
        PasswordRule::MinLength,
        PasswordRule::MaxLength,
        PasswordRule::UpperCase,
        PasswordRule::LowerCase,
        PasswordRule::Digit,
        PasswordRule::Special,
        PasswordRule::NotCommon,
    ];

    pub fn is_met_by(self, candidate: &str) -> bool {
        let chars = candidate.chars().count();
        match self {
            PasswordRule::MinLength => chars >= Self::MIN_CHARS,
            PasswordRule::MaxLength => chars <= Self::MAX_CHARS,
            PasswordRule::UpperCase => candidate.chars().any(char::is_uppercase),
            PasswordRule::LowerCase => candidate.chars().any(char::is_lowercase),
            PasswordRule::Digit => candidate.chars().any(char::is_numeric),
            PasswordRule::Special => candidate.chars().any(|c| !c.is_alphanumeric()),
            PasswordRule::NotCommon => !is_common(candidate),
        }
    }
}

impl Password {
    pub fn parse(candidate: &str) -> Result<Password, Vec<PasswordRule>> {
        let missed: Vec<PasswordRule> = PasswordRule::ALL
            .into_iter()
            .filter(|rule| !rule.is_met_by(candidate))
            .collect();
        if missed.is_empty() {
            Ok(Password(candidate.to_owned()))
        } else {
            Err(missed)
        }
    }

    /// The secret itself, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A rough strength for the meter beside the form, 0 (very weak) to 4 (very strong): an
/// acceptable password starts at 2 and gains with length, the surest protection.
pub fn password_strength(candidate: &str) -> u8 {
    if candidate.is_empty() {
        return 0;
    }
    if Password::parse(candidate).is_err() {
        let met = PasswordRule::ALL
            .into_iter()
            .filter(|rule| rule.is_met_by(candidate))
            .count();
        return u8::from(met >= 5);
    }
    let chars = candidate.chars().count();
    2 + u8::from(chars >= 12) + u8::from(chars >= 16)
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PasswordRule::*;

    #[test]
    fn a_password_meeting_every_rule_is_accepted() {
        for good in [
            "Fachhandel#2026",
            "Ä1b2c3d4 ",
            "Passwort 123 Ü",
            "Zß9€abcdefg",
            "aB3#aB3#",
        ] {
            assert!(Password::parse(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn every_character_counts_as_special_unless_letter_or_digit() {
        for special in [" ", "€", "§", "°", "´", "\"", "'", "\\", "µ̈", "😀"] {
            let candidate = format!("Kxcdef1{special}");
            assert!(Password::parse(&candidate).is_ok(), "{candidate:?}");
        }
    }

    #[test]
    fn every_missed_rule_is_named() {
        assert_eq!(
            Password::parse("abc"),
            Err(vec![MinLength, UpperCase, Digit, Special])
        );
        assert_eq!(Password::parse("KXCDEFG1!"), Err(vec![LowerCase]));
        assert_eq!(Password::parse("Kxcdefgh!"), Err(vec![Digit]));
        assert_eq!(Password::parse("Kxcdefgh1"), Err(vec![Special]));
        assert_eq!(
            Password::parse(""),
            Err(vec![MinLength, UpperCase, LowerCase, Digit, Special])
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Seven characters, but more than eight bytes.
        assert_eq!(Password::parse("Äöü1!ßx"), Err(vec![MinLength]));
        let long = format!("Aa1!{}", "x".repeat(PasswordRule::MAX_CHARS - 4));
        assert!(Password::parse(&long).is_ok());
        assert_eq!(Password::parse(&format!("{long}x")), Err(vec![MaxLength]));
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let password = Password::parse("Zugang-7x!K").unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
    }

    #[test]
    fn strength_grows_with_the_rules_met_and_the_length() {
        assert_eq!(password_strength(""), 0);
        assert_eq!(password_strength("abc"), 0);
        assert_eq!(password_strength("Kxcdefgh!"), 1);
        assert_eq!(password_strength("Kxcdef1!"), 2);
        assert_eq!(password_strength("Kxcdef1!wxyz"), 3);
        assert_eq!(password_strength("Kxcdef1! wxyz uvw"), 4);
    }

    #[test]
    fn common_passwords_are_refused_however_they_are_decorated() {
        for common in [
            "Sommer2026!",
            "Passwort123!",
            "!Qwertz2024",
            "Hallo-123",
            "Schalke04!",
        ] {
            let missed = Password::parse(common).unwrap_err();
            assert!(missed.contains(&NotCommon), "{common}: {missed:?}");
        }
        assert!(Password::parse("Sommerwiese-2026!").is_ok());
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_rule_a_password_misses_is_named_and_no_other(candidate in "\\PC{0,40}") {
            let expected: Vec<PasswordRule> = PasswordRule::ALL
                .into_iter()
                .filter(|rule| !rule.is_met_by(&candidate))
                .collect();
            match Password::parse(&candidate) {
                Ok(_) => prop_assert!(expected.is_empty()),
                Err(missed) => prop_assert_eq!(missed, expected),
            }
        }

        #[test]
        fn any_characters_around_the_four_kinds_are_accepted(
            filler in "\\PC{4,60}",
            upper in "[A-ZÄÖÜ]",
            lower in "[a-zäöüß]",
            digit in "[0-9]",
            special in "[ !§$%&/()=?€@#'+*~_.:,;<>|°^\\\\\"-]",
        ) {
            // A leading "Zq" keeps the result off the common list (no stem there starts so).
            let candidate = format!("Zq{upper}{filler}{lower}{digit}{special}");
            prop_assert!(Password::parse(&candidate).is_ok(), "{:?}", candidate);
        }
    }
}
