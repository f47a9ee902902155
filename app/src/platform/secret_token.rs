//! Secrets handed to a browser (session ids) or put into an emailed link: 256 random bits from
//! the operating system, written as URL-safe base64. Only their SHA-256 digest is stored, so a
//! copy of the database opens no session and no link.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::{Digest, Sha256};

const BYTES: usize = 32;
/// 32 bytes in unpadded base64.
const ENCODED_LEN: usize = 43;

#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    pub fn generate() -> SecretToken {
        let mut bytes = [0u8; BYTES];
        OsRng.fill_bytes(&mut bytes);
        SecretToken(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// A token as a browser or a link presents it; anything that cannot be one is refused
    /// before it reaches the database.
    pub fn from_presented(text: &str) -> Option<SecretToken> {
        let text = text.trim();
        let decoded = URL_SAFE_NO_PAD.decode(text).ok()?;
        (text.len() == ENCODED_LEN && decoded.len() == BYTES).then(|| SecretToken(text.to_owned()))
    }

    /// The value for the cookie or the link.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the database stores and looks up.
    pub fn digest(&self) -> String {
        Sha256::digest(self.0.as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

impl std::fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretToken(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let a = SecretToken::generate();
        let b = SecretToken::generate();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), ENCODED_LEN);
        assert!(a
            .expose()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn a_presented_token_round_trips_and_garbage_is_refused() {
        let token = SecretToken::generate();
        assert_eq!(
            SecretToken::from_presented(token.expose()),
            Some(token.clone())
        );
        assert_eq!(SecretToken::from_presented(""), None);
        assert_eq!(SecretToken::from_presented("abc"), None);
        assert_eq!(
            SecretToken::from_presented(&format!("{}A", token.expose())),
            None
        );
        assert_eq!(SecretToken::from_presented(&"!".repeat(ENCODED_LEN)), None);
    }

    #[test]
    fn the_digest_is_sha256_and_never_the_token() {
        let token = SecretToken::generate();
        let digest = token.digest();
        assert_eq!(digest.len(), 64);
        assert_ne!(digest, token.expose());
        assert_eq!(digest, token.clone().digest());
        assert_eq!(format!("{token:?}"), "SecretToken(***)");
    }
}
