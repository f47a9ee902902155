use super::FieldError;
use serde::{Deserialize, Serialize};

/// How letters address the contact person. "Neutral" greets by full name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Salutation {
    Ms,
    Mr,
    Neutral,
}

impl Salutation {
    pub const ALL: [Salutation; 3] = [Salutation::Ms, Salutation::Mr, Salutation::Neutral];

    pub fn code(self) -> &'static str {
        match self {
            Salutation::Ms => "ms",
            Salutation::Mr => "mr",
            Salutation::Neutral => "neutral",
        }
    }

    pub fn parse(code: &str) -> Result<Salutation, FieldError> {
        if code.trim().is_empty() {
            return Err(FieldError::Missing);
        }
        Salutation::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .ok_or(FieldError::UnknownChoice)
    }
}
