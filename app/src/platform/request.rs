//! What a page or server function may ask of the request it is answering, and the few things
//! it may set on the response.

use crate::error::AppError;
use crate::platform::sessions::{self, CurrentSession};
use crate::platform::{client_address::TrustedProxies, secret_token::SecretToken};
use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use leptos::prelude::{use_context, with_context};
use leptos_axum::ResponseOptions;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

/// Whether cookies get the `Secure` flag: set by the server when it is reached over HTTPS.
#[derive(Clone, Copy, Debug)]
pub struct SecureCookies(pub bool);

/// Reads the request's head in place: cloning it (every header and extension) on each
/// question showed up in the profile of every page.
fn with_parts<T>(read: impl FnOnce(&Parts) -> Option<T>) -> Option<T> {
    with_context::<Parts, _>(read).flatten()
}

pub fn current_session() -> Option<CurrentSession> {
    with_parts(|parts| parts.extensions.get::<CurrentSession>().cloned())
}

/// Whether this runs for a request (a page or server function), not in the worker.
pub fn has_request() -> bool {
    with_context::<Parts, _>(|_| ()).is_some()
}

/// The client's address: the socket's peer, or behind a trusted proxy the address it
/// forwards (`client_address.rs`); unspecified where there is no socket, in tests.
pub fn client_address() -> IpAddr {
    let proxies = use_context::<TrustedProxies>().unwrap_or_default();
    with_parts(|parts| {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        Some(proxies.client(peer, &parts.headers))
    })
    .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The client's `User-Agent`, shortened to what a record needs.
pub fn user_agent() -> Option<String> {
    with_parts(|parts| {
        let agent = parts.headers.get(header::USER_AGENT)?.to_str().ok()?;
        Some(
            agent
                .chars()
                .filter(|c| !c.is_control())
                .take(300)
                .collect(),
        )
    })
}

/// Sets the session cookie, or with `None` removes it.
pub fn set_session_cookie(token: Option<&SecretToken>) {
    let (value, max_age) = match token {
        Some(token) => (token.expose(), sessions::ABSOLUTE_LIFETIME_SECS),
        None => ("", 0),
    };
    set_private_cookie(sessions::COOKIE, value, max_age);
}

/// Sets a cookie only this site's server reads: HttpOnly, SameSite=Lax, and `Secure` when
/// the portal is reached over HTTPS.
pub fn set_private_cookie(name: &str, value: &str, max_age_secs: i64) {
    let secure = use_context::<SecureCookies>().is_some_and(|s| s.0);
    let cookie = format!(
        "{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    );
    if let (Some(response), Ok(cookie)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        response.append_header(header::SET_COOKIE, cookie);
    }
}

/// The status of a failed server function (instead of the default 500), for script and API
/// callers. A plain form post (JavaScript off) keeps its redirect back to the form, which then
/// shows the reason next to the fields.
pub fn set_error_status(status: StatusCode) {
    if let (false, Some(response)) = (is_plain_form_post(), use_context::<ResponseOptions>()) {
        response.set_status(status);
    }
}

/// A form posted by the browser itself (JavaScript off), which is answered with a redirect.
pub fn is_plain_form_post() -> bool {
    with_parts(|p| {
        p.headers
            .get(header::ACCEPT)?
            .to_str()
            .ok()
            .map(|a| a.contains("text/html"))
    })
    .unwrap_or(false)
}

/// A cookie the request carries.
pub fn cookie(name: &str) -> Option<String> {
    with_parts(|parts| {
        let header = parts.headers.get(header::COOKIE)?.to_str().ok()?;
        crate::cookies::cookie_value(header, name).map(str::to_owned)
    })
}

/// Where users reach the portal (`https://portal.example.de`), for links in mails.
#[derive(Clone, Debug)]
pub struct LinkBase(pub std::sync::Arc<str>);

impl LinkBase {
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

pub fn link_base() -> Option<LinkBase> {
    use_context::<LinkBase>()
}

/// The provider the server put into the context.
pub fn provider() -> Result<crate::platform::provider::SharedProvider, AppError> {
    use_context::<crate::platform::provider::SharedProvider>().ok_or_else(|| {
        tracing::error!("no provider in the Leptos context");
        AppError::Internal
    })
}

/// A provider call that failed, for the page: a refusal says what it means and what to do;
/// no answer is "not reachable, nothing saved".
pub fn provider_failed(error: crate::platform::provider::ProviderError) -> AppError {
    use crate::platform::provider::{problem, ProviderError};
    match error {
        ProviderError::Refused(refusal) => {
            tracing::info!(%refusal, "the provider refused");
            AppError::ProviderRefused(problem(&refusal))
        }
        error => {
            tracing::warn!(%error, "the provider gave no answer");
            AppError::ProviderUnavailable
        }
    }
}

/// Tells a client to slow down: `Retry-After`, and 429 where a status is read.
pub fn too_many_requests(wait: Duration) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.insert_header(
            header::RETRY_AFTER,
            HeaderValue::from(wait.as_secs().max(1)),
        );
    }
    set_error_status(StatusCode::TOO_MANY_REQUESTS);
}
