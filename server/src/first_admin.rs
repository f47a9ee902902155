//! On the first start with no users at all, create the distributor's first admin: from
//! `KONTOR_ADMIN_EMAIL` / `KONTOR_ADMIN_PASSWORD`, or with a generated password that is shown
//! once in the log, so a newcomer can log in without any set-up.

use crate::config::AdminSettings;
use app::auth::server::users;
use app::platform::passwords::{self, HashError};
use app::platform::{Database, DbError};
use kontor_domain::{EmailAddress, EmailError, Password, PasswordRule};

#[derive(Debug, thiserror::Error)]
pub enum FirstAdminError {
    #[error("KONTOR_ADMIN_EMAIL: {0}")]
    Email(#[from] EmailError),
    #[error("KONTOR_ADMIN_PASSWORD does not meet the password rules, it misses: {0:?}")]
    Password(Vec<PasswordRule>),
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Database(#[from] DbError),
}

pub async fn ensure(
    db: &Database,
    settings: &AdminSettings,
    now: i64,
) -> Result<(), FirstAdminError> {
    if users::count(db).await? > 0 {
        return Ok(());
    }
    let email = EmailAddress::parse(&settings.email)?;
    let (password, generated) = match &settings.password {
        Some(given) => (
            Password::parse(given.expose()).map_err(FirstAdminError::Password)?,
            false,
        ),
        None => (passwords::generate(), true),
    };
    let hash = passwords::hash(&password).await?;
    if !users::create_admin(db, &email, &hash, now).await? {
        return Ok(()); // another instance starting at the same moment was first
    }
    if generated {
        tracing::warn!(
            "first start: created the distributor admin {email} with the password {} \
             (shown only this once; set KONTOR_ADMIN_PASSWORD to choose it yourself)",
            password.expose()
        );
    } else {
        tracing::info!("first start: created the distributor admin {email}");
    }
    Ok(())
}
