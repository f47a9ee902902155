//! Asking for a mail with a new link: a new confirmation link for an unconfirmed signup, or a
//! link to reset a forgotten password. One form and one server function for both; the answer
//! is the same whether or not the address has such an account.

use crate::error::LinkError;
use crate::i18n::AccountTexts;
use crate::ui::{Field, Notice};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkKind {
    Confirmation,
    PasswordReset,
}

/// What the request page says, per kind of link.
struct Wording {
    title: &'static str,
    intro: &'static str,
    submit: &'static str,
    done: &'static str,
}

impl LinkKind {
    fn wording(self, t: &AccountTexts) -> Wording {
        match self {
            LinkKind::Confirmation => Wording {
                title: t.resend_title,
                intro: t.resend_intro,
                submit: t.resend_submit,
                done: t.resend_done,
            },
            LinkKind::PasswordReset => Wording {
                title: t.forgot_title,
                intro: t.forgot_intro,
                submit: t.forgot_submit,
                done: t.forgot_done,
            },
        }
    }

    #[cfg(feature = "ssr")]
    fn done_path(self) -> &'static str {
        match self {
            LinkKind::Confirmation => "/signup/resend/done",
            LinkKind::PasswordReset => "/password/forgot/done",
        }
    }
}

#[server(endpoint = "mail/request-link")]
pub async fn request_link(kind: LinkKind, email: String) -> Result<(), LinkError> {
    use crate::auth::server::users;
    use crate::platform::database;
    use crate::platform::email_tokens::{self, TokenPurpose};
    use crate::platform::{mail::outbox, rate_limit::MailPurpose, request, unix_now};
    use kontor_domain::{ResellerStanding, ResellerStatus};

    let purpose = match kind {
        LinkKind::Confirmation => MailPurpose::ConfirmationAgain,
        LinkKind::PasswordReset => MailPurpose::PasswordReset,
    };
    let email = email_for_mail_on_request(&email, purpose).await?;
    let db = database().map_err(|_| LinkError::Internal)?;
    let links = request::link_base().ok_or(LinkError::Internal)?;
    let now = unix_now();
    let mut tx = db.begin().await.map_err(LinkError::internal)?;
    let account = users::find_by_email(&mut *tx, &email)
        .await
        .map_err(LinkError::internal)?;
    let mail = match (kind, account) {
        (LinkKind::Confirmation, Some(user))
            if user.reseller_standing
                == Some(ResellerStanding::Status(ResellerStatus::Unconfirmed)) =>
        {
            let token = email_tokens::issue(&mut tx, TokenPurpose::ConfirmSignup, user.id.0, now)
                .await
                .map_err(LinkError::internal)?;
            Some(crate::signup::mails::confirm_signup(
                user.locale,
                &links,
                &token,
                email,
            ))
        }
        (LinkKind::PasswordReset, Some(user)) => {
            let token = email_tokens::issue(&mut tx, TokenPurpose::ResetPassword, user.id.0, now)
                .await
                .map_err(LinkError::internal)?;
            Some(crate::password_reset::reset_mail(
                user.locale,
                &links,
                &token,
                email,
            ))
        }
        _ => None,
    };
    if let Some(mail) = mail {
        outbox::enqueue(&mut tx, &mail, now)
            .await
            .map_err(LinkError::internal)?;
    }
    tx.commit().await.map_err(LinkError::internal)?;
    leptos_axum::redirect(kind.done_path());
    Ok(())
}

#[component]
pub fn RequestPage(kind: LinkKind) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let words = kind.wording(texts.accounts);
    let request = ServerAction::<RequestLink>::new();
    let error = move || request.value().get().and_then(Result::err);
    let email_error = move || {
        error()
            .filter(|e| *e == LinkError::InvalidEmail)
            .map(|e| e.message(locale))
    };
    let form_error = move || {
        error()
            .filter(|e| *e != LinkError::InvalidEmail)
            .map(|e| e.message(locale))
    };
    let kind_value = match kind {
        LinkKind::Confirmation => "Confirmation",
        LinkKind::PasswordReset => "PasswordReset",
    };
    view! {
        <Title text=words.title/>
        <section class="form-page">
            <h1>{words.title}</h1>
            <p>{words.intro}</p>
            <ActionForm action=request attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <input type="hidden" name="kind" value=kind_value/>
                <Field
                    id="request-email"
                    name="email"
                    label=texts.field_email
                    input_type="email"
                    autocomplete="email"
                    error=Signal::derive(email_error)
                />
                <button type="submit">{words.submit}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn RequestDonePage(kind: LinkKind) -> impl IntoView {
    let words = kind.wording(crate::i18n::use_locale().texts().accounts);
    view! { <Notice title=words.title text=words.done/> }
}

/// The address a mail was asked for (confirmation again, password reset), once it parses and
/// the limits per client and per recipient allow another mail.
#[cfg(feature = "ssr")]
async fn email_for_mail_on_request(
    input: &str,
    purpose: crate::platform::rate_limit::MailPurpose,
) -> Result<kontor_domain::EmailAddress, LinkError> {
    use crate::platform::rate_limit::{LimitError, Limits};
    use crate::platform::{request, unix_now_ms};
    use leptos::prelude::use_context;
    let email = kontor_domain::EmailAddress::parse(input).map_err(|_| LinkError::InvalidEmail)?;
    let limits = use_context::<Limits>().ok_or(LinkError::Internal)?;
    let db = crate::platform::database().map_err(|_| LinkError::Internal)?;
    let asked = limits
        .mail_on_request(
            &db,
            request::client_address(),
            purpose,
            email.as_str(),
            unix_now_ms(),
        )
        .await;
    match asked {
        Ok(()) => Ok(email),
        Err(LimitError::TooMany { wait }) => Err(LinkError::TooManyRequests {
            retry_after_secs: wait.as_secs(),
        }),
        Err(LimitError::Db(error)) => Err(LinkError::internal(&error)),
    }
}
