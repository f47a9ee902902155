//! The key that encrypts stored secrets: `KONTOR_SECRET_KEY`, or the key file, which the first
//! start creates (readable by the owner only) so that the embedded default needs no set-up.
//! Only on SQLite, though: several instances share one PostgreSQL, and each creating a key of
//! its own next to itself would leave every instance unable to open what another sealed. On
//! PostgreSQL the key must be given. Losing the key loses only the secrets not yet shown; keep
//! it out of database backups.

use crate::config::SecretSettings;
use app::platform::sealing::{SealError, SealingKey};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum SecretKeyError {
    #[error("KONTOR_SECRET_KEY: {0}")]
    Env(SealError),
    #[error("the key file {path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the key file {path}: {source}")]
    Content { path: PathBuf, source: SealError },
    #[error(
        "on PostgreSQL every instance needs the same key: set KONTOR_SECRET_KEY (64 hex digits, \
         e.g. from `openssl rand -hex 32`) or point KONTOR_SECRET_KEY_FILE at a file holding it; \
         {path} does not exist"
    )]
    Missing { path: PathBuf },
}

/// The key; `may_create` (SQLite only) lets the first start create the key file.
pub fn load(settings: &SecretSettings, may_create: bool) -> Result<SealingKey, SecretKeyError> {
    if let Some(key) = &settings.key {
        return SealingKey::from_hex(key.expose()).map_err(SecretKeyError::Env);
    }
    let path = &settings.key_file;
    let file_error = |source| SecretKeyError::File {
        path: path.clone(),
        source,
    };
    let hex = match std::fs::read_to_string(path) {
        Ok(hex) => hex,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && may_create => {
            create(path).map_err(file_error)?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SecretKeyError::Missing { path: path.clone() })
        }
        Err(e) => return Err(file_error(e)),
    };
    SealingKey::from_hex(&hex).map_err(|source| SecretKeyError::Content {
        path: path.clone(),
        source,
    })
}

fn create(path: &PathBuf) -> std::io::Result<String> {
    use std::io::Write;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let hex = SealingKey::generate_hex();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(hex.as_bytes())?;
            tracing::info!(path = %path.display(), "created the key for stored secrets");
            Ok(hex)
        }
        // Another instance created it a moment ago.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => std::fs::read_to_string(path),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Secret;

    #[test]
    fn the_key_file_is_created_once_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let settings = SecretSettings {
            key: None,
            key_file: dir.path().join("nested/kontor.key"),
        };
        let first = load(&settings, true).unwrap();
        let sealed = first.seal("geheim");
        let again = load(&settings, true).unwrap();
        assert_eq!(again.open(&sealed).unwrap(), "geheim");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&settings.key_file)
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn on_postgresql_no_key_file_is_made_up() {
        let dir = tempfile::tempdir().unwrap();
        let settings = SecretSettings {
            key: None,
            key_file: dir.path().join("kontor.key"),
        };
        assert!(matches!(
            load(&settings, false),
            Err(SecretKeyError::Missing { .. })
        ));
        assert!(!settings.key_file.exists());
        // A key given is used as on SQLite.
        let given = SecretSettings {
            key: Some(Secret(SealingKey::generate_hex())),
            ..settings
        };
        assert!(load(&given, false).is_ok());
    }

    #[test]
    fn a_key_from_the_environment_must_be_64_hex_digits() {
        let settings = SecretSettings {
            key: Some(Secret("kurz".into())),
            key_file: PathBuf::from("/nonexistent/kontor.key"),
        };
        assert!(matches!(load(&settings, true), Err(SecretKeyError::Env(_))));
    }
}
