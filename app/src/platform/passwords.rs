//! Password hashes: Argon2id with the OWASP parameters (19 MiB of memory, 2 passes, 1 lane),
//! stored as PHC strings. Hashing is deliberately slow, so it runs on the blocking pool, and at
//! most half the cores hash at once: a burst of logins then waits its turn instead of taking
//! every core from the async workers that answer all other requests.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use kontor_domain::Password;
use rand::rngs::OsRng;
use rand::RngCore;
use std::sync::OnceLock;
use tokio::sync::Semaphore;

/// Hashes running at once: half the cores, at least one.
fn hashing_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Semaphore::new((cores / 2).max(1))
    })
}

/// Runs slow hashing work on the blocking pool, in one of the hashing slots.
async fn in_hashing_slot<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let _slot = hashing_slots().acquire().await.ok()?;
    tokio::task::spawn_blocking(work).await.ok()
}

/// A PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$…`.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredHash(String);

impl StoredHash {
    pub fn from_stored(phc: String) -> StoredHash {
        StoredHash(phc)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for StoredHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoredHash(***)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Argon2(argon2::password_hash::Error),
    #[error("the hashing task was cancelled")]
    Cancelled,
}

fn argon2() -> Argon2<'static> {
    // Params::DEFAULT is m = 19 456 KiB, t = 2, p = 1: OWASP's first recommendation.
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::DEFAULT)
}

pub async fn hash(password: &Password) -> Result<StoredHash, HashError> {
    let secret = password.expose().to_owned();
    in_hashing_slot(move || hash_now(&secret))
        .await
        .ok_or(HashError::Cancelled)?
}

fn hash_now(secret: &str) -> Result<StoredHash, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(secret.as_bytes(), &salt)
        .map(|hash| StoredHash(hash.to_string()))
        .map_err(HashError::Argon2)
}

/// Whether `candidate` matches. Without a stored hash (no such user) it checks against a
/// dummy hash, so a wrong email costs the same time as a wrong password.
pub async fn verify(stored: Option<StoredHash>, candidate: &str) -> bool {
    let candidate = candidate.to_owned();
    in_hashing_slot(move || {
        let stored = stored
            .as_ref()
            .map_or_else(|| dummy_hash().as_str(), StoredHash::as_str);
        let Ok(parsed) = PasswordHash::new(stored) else {
            tracing::error!("a stored password hash does not parse");
            return false;
        };
        argon2()
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

fn dummy_hash() -> &'static StoredHash {
    static DUMMY: OnceLock<StoredHash> = OnceLock::new();
    DUMMY
        .get_or_init(|| hash_now(generate().expose()).unwrap_or_else(|_| StoredHash(String::new())))
}

/// A random password that meets the rules: 20 characters from letters, digits and a few
/// symbols that survive being copied out of a log line.
pub fn generate() -> Password {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@";
    loop {
        let candidate: String = (0..20)
            .map(|_| {
                // 2^32 is not a multiple of the alphabet's length; reject the biased tail.
                loop {
                    let n = OsRng.next_u32();
                    if n < u32::MAX - u32::MAX % ALPHABET.len() as u32 {
                        break ALPHABET[(n % ALPHABET.len() as u32) as usize] as char;
                    }
                }
            })
            .collect();
        if let Ok(password) = Password::parse(&candidate) {
            return password;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_nothing_else() {
        let password = Password::parse("Fachhandel#2026").unwrap();
        let stored = hash(&password).await.unwrap();
        assert!(stored
            .as_str()
            .starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify(Some(stored.clone()), "Fachhandel#2026").await);
        assert!(!verify(Some(stored.clone()), "sommer2026!").await);
        assert!(!verify(Some(stored), "").await);
    }

    #[tokio::test]
    async fn the_same_password_gets_a_new_salt_every_time() {
        let password = Password::parse("Fachhandel#2026").unwrap();
        assert_ne!(
            hash(&password).await.unwrap(),
            hash(&password).await.unwrap()
        );
    }

    #[tokio::test]
    async fn no_stored_hash_never_verifies() {
        assert!(!verify(None, "Fachhandel#2026").await);
        assert!(!verify(Some(StoredHash::from_stored("garbage".into())), "x").await);
    }

    #[test]
    fn generated_passwords_meet_the_rules_and_differ() {
        let a = generate();
        assert_eq!(a.expose().chars().count(), 20);
        assert_ne!(a, generate());
    }
}
