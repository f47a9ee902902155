//! Logging in and out, and who is looking at the page.

mod login;
mod logout;
#[cfg(feature = "ssr")]
pub mod server;

pub use login::{Login, LoginError, LoginPage};
pub use logout::{Logout, LogoutButton};

use crate::error::AppError;
use kontor_domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the page knows about the logged-in user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub email: String,
    pub role: Role,
}

/// Who is looking at the page, read from the request's session. Pages are rendered on the
/// server only (the browser runs islands, which never ask), so there is nothing to load.
pub fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        crate::platform::request::current_session().map(|session| Viewer {
            email: session.user.email.to_string(),
            role: session.user.role,
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The viewer, for scripts.
#[server(endpoint = "viewer")]
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    Ok(viewer())
}

/// Any logged-in user; 401 without a session.
#[cfg(feature = "ssr")]
pub fn require_user() -> Result<crate::platform::sessions::SessionUser, AppError> {
    crate::platform::request::current_session()
        .map(|s| s.user)
        .ok_or(AppError::NotLoggedIn)
}

/// For server functions of the administration: the logged-in distributor staff member, or the
/// reason to refuse (401 without a session, 403 for any other role). Every such server function
/// asks first; hiding a link is not protection.
#[cfg(feature = "ssr")]
pub fn require_staff() -> Result<crate::platform::sessions::Staff, AppError> {
    crate::platform::sessions::Staff::of(require_user()?).ok_or(AppError::Forbidden)
}

/// For server functions of a reseller's own area: the logged-in reseller user and their
/// company, the scope every query of theirs demands (401 without a session, 403 for
/// distributor staff, who belong to no reseller).
#[cfg(feature = "ssr")]
pub fn require_reseller() -> Result<crate::platform::sessions::ResellerScope, AppError> {
    crate::platform::sessions::ResellerScope::of(require_user()?).ok_or(AppError::Forbidden)
}
