use crate::error::AppError;
use leptos::form::ActionForm;
use leptos::prelude::*;

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

#[component]
pub fn LogoutButton() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    let logout = expect_context::<ServerAction<Logout>>();
    view! {
        <ActionForm action=logout attr:class="logout-form">
            <button type="submit">{t.logout}</button>
        </ActionForm>
    }
}
