use super::message_page::MessagePage;
use super::NotFound;
use crate::error::AppError;
use leptos::prelude::*;

/// What a page shows instead of its content when its server function refused: the way to the
/// login, why this account may not look, a 404, or that it failed (on our side, or for now).
/// The response carries the status the error stands for (`HttpStatus`).
#[component]
pub fn Refusal(
    error: AppError,
    /// Why the logged-in user's role may not use this area.
    forbidden: &'static str,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::error::set_page_status(&error);
    let t = crate::i18n::use_locale().texts();
    match error {
        AppError::NotLoggedIn => view! {
            <p class="form-error" role="alert">{t.access_login_first}</p>
            <a class="button" href="/login">{t.nav_login}</a>
        }
        .into_any(),
        AppError::Forbidden => view! {
            <p class="form-error" role="alert">{forbidden}</p>
            <a class="button" href="/">{t.back_home}</a>
        }
        .into_any(),
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Internal
        | AppError::Transport(_)
        | AppError::ProviderUnavailable
        | AppError::ProviderRefused(_)
        | AppError::SubscriptionChange(_)
        | AppError::AlreadyAccepted
        | AppError::LinkUnusable
        | AppError::OrderRefused(_)
        | AppError::MpnMissing
        | AppError::MicrosoftIdMissing
        | AppError::CustomerNumberInUse
        | AppError::OwnAccount
        | AppError::TooManyRequests { .. } => view! {
            <MessagePage title=t.error_title text=t.error_text back_home=t.back_home/>
        }
        .into_any(),
    }
}
