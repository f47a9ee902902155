//! Puts the request's live session, if any, into the request, where pages and server functions
//! find it (`app::platform::request::current_session`). An unknown, expired or broken session
//! simply means "not logged in". Whatever is answered to a logged-in user is marked
//! `Cache-Control: no-store`: a shared computer's browser cache or a proxy must not keep a
//! reseller's customers, orders or first admin passwords.

use app::cookies::cookie_value;
use app::platform::secret_token::SecretToken;
use app::platform::sessions::{self, CurrentSession};
use app::platform::{unix_now, Database};
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

pub async fn load(State(db): State<Database>, mut request: Request, next: Next) -> Response {
    // Static files need no session: spare them the lookup.
    let is_asset = request.uri().path().starts_with("/pkg/");
    let token = request
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|cookies| cookie_value(cookies, sessions::COOKIE))
        .and_then(SecretToken::from_presented);
    let mut logged_in = false;
    if let (false, Some(token)) = (is_asset, token) {
        match sessions::resume(&db, &token, unix_now()).await {
            Ok(Some(user)) => {
                logged_in = true;
                request
                    .extensions_mut()
                    .insert(CurrentSession { token, user });
            }
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "session lookup failed; treating as logged out"),
        }
    }
    let mut response = next.run(request).await;
    if logged_in {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
    }
    response
}
