//! Secrets Kontor must keep for a while and show once (a new tenant's first admin password)
//! are stored encrypted with a key from the configuration: XChaCha20-Poly1305 with a random
//! nonce per secret. A stolen database alone reveals nothing.

use base64::engine::general_purpose::STANDARD_NO_PAD as BASE64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use rand::RngCore;

const NONCE_BYTES: usize = 24;

#[derive(Clone)]
pub struct SealingKey(XChaCha20Poly1305);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("the key must be 32 bytes, written as 64 hex digits")]
    BadKey,
    /// Not sealed with this key, or changed since.
    #[error("the sealed value cannot be opened with this key")]
    CannotOpen,
}

impl SealingKey {
    /// A key written as 64 hex digits (what `generate_hex` makes).
    pub fn from_hex(hex: &str) -> Result<SealingKey, SealError> {
        let hex = hex.trim();
        if hex.len() != 64 || !hex.is_ascii() {
            return Err(SealError::BadKey);
        }
        let mut key = [0_u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte =
                u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| SealError::BadKey)?;
        }
        Ok(SealingKey(XChaCha20Poly1305::new(Key::from_slice(&key))))
    }

    pub fn generate_hex() -> String {
        let mut key = [0_u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        key.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn seal(&self, secret: &str) -> String {
        let mut nonce = [0_u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .0
            .encrypt(XNonce::from_slice(&nonce), secret.as_bytes())
            .expect("XChaCha20-Poly1305 encrypts any length a password has");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        BASE64.encode(out)
    }

    pub fn open(&self, sealed: &str) -> Result<String, SealError> {
        let bytes = BASE64.decode(sealed).map_err(|_| SealError::CannotOpen)?;
        if bytes.len() < NONCE_BYTES {
            return Err(SealError::CannotOpen);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        let plain = self
            .0
            .decrypt(XNonce::from_slice(nonce), ciphertext)
            .map_err(|_| SealError::CannotOpen)?;
        String::from_utf8(plain).map_err(|_| SealError::CannotOpen)
    }
}

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_with_its_key_only() {
        let key = SealingKey::from_hex(&SealingKey::generate_hex()).unwrap();
        let sealed = key.seal("Kx7#geheim");
        assert!(!sealed.contains("geheim"));
        assert_ne!(sealed, key.seal("Kx7#geheim"), "a new nonce every time");
        assert_eq!(key.open(&sealed).unwrap(), "Kx7#geheim");

        let other = SealingKey::from_hex(&SealingKey::generate_hex()).unwrap();
        assert_eq!(other.open(&sealed), Err(SealError::CannotOpen));
        let mut tampered = sealed.clone();
        tampered.replace_range(40..41, if &sealed[40..41] == "A" { "B" } else { "A" });
        assert_eq!(key.open(&tampered), Err(SealError::CannotOpen));
        assert_eq!(key.open("kurz"), Err(SealError::CannotOpen));
    }

    #[test]
    fn a_key_is_64_hex_digits() {
        assert!(SealingKey::from_hex(&"ab".repeat(32)).is_ok());
        assert_eq!(SealingKey::from_hex("abc").unwrap_err(), SealError::BadKey);
        assert_eq!(
            SealingKey::from_hex(&"zz".repeat(32)).unwrap_err(),
            SealError::BadKey
        );
    }
}
