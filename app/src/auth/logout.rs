use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Ends the session in the database (not just the cookie) and goes to the start page.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::platform::{request, sessions};
    if let Some(session) = request::current_session() {
        let db = crate::platform::database()?;
        sessions::end(&db, &session.token).await?;
        tracing::info!(user_id = %session.user.user_id, "logged out");
    }
    request::set_session_cookie(None);
    leptos_axum::redirect("/");
    Ok(())
}

/// A plain post (the header is server HTML, not an island): the answer's redirect loads the
/// start page.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    view! {
        <form action=Logout::url() method="post" class="logout-form">
            <button type="submit">{t.logout}</button>
        </form>
    }
}
