//! `/admin/staff`: the distributor's own accounts. An admin invites another by address (a
//! mail with a link to choose a password, valid seven days) and deactivates one who leaves:
//! their sessions end at once. Nobody deactivates themselves, so an admin always remains.

use super::AdminNav;
use crate::error::{AppError, FormError};
use crate::i18n::{format_day, Locale};
use crate::ui::form::{Choice, FormField, FormState, Input};
use crate::ui::Refusal;
use kontor_domain::UserId;
use kontor_domain::{Collector, EmailAddress, FieldErrors};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: UserId,
    pub email: String,
    pub created_at: i64,
    /// Invited, and no password chosen yet.
    pub invited: bool,
    pub deactivated_at: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    /// The language of the invitation and of later mails: `de` or `en`.
    pub locale: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InviteField {
    Email,
    Locale,
}

impl FormField for InviteField {
    type Form = InviteForm;

    fn name(self) -> &'static str {
        match self {
            InviteField::Email => "form[email]",
            InviteField::Locale => "form[locale]",
        }
    }

    fn value(self, form: &InviteForm) -> &str {
        match self {
            InviteField::Email => &form.email,
            InviteField::Locale => &form.locale,
        }
    }

    fn set(self, form: &mut InviteForm, value: String) {
        match self {
            InviteField::Email => form.email = value,
            InviteField::Locale => form.locale = value,
        }
    }
}

pub fn parse_invite(form: &InviteForm) -> Result<(EmailAddress, Locale), FieldErrors<InviteField>> {
    let mut errors = Collector::default();
    let email = errors.check(InviteField::Email, EmailAddress::parse_field(&form.email));
    let locale = errors.check(
        InviteField::Locale,
        Locale::ALL
            .into_iter()
            .find(|l| l.code() == form.locale)
            .ok_or(kontor_domain::FieldError::UnknownChoice),
    );
    let parsed = (|| Some((email?, locale?)))();
    errors.finish(parsed)
}

/// The staff, with the invitation form as this browser last had it refused, and who is
/// looking (who may not deactivate themselves).
#[server(endpoint = "admin/staff")]
pub async fn admin_staff() -> Result<(Vec<StaffMember>, InviteForm, UserId), AppError> {
    use crate::platform::form_memory::recall_refused;
    let me = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let kept = recall_refused(ssr::FORM_NAME)
        .await
        .unwrap_or_else(|| InviteForm {
            email: String::new(),
            locale: Locale::De.code().to_owned(),
        });
    Ok((
        crate::admin::server::staff(&db, &me).await?,
        kept,
        me.user_id,
    ))
}

#[server(endpoint = "admin/invite-admin")]
pub async fn invite_admin(form: InviteForm) -> Result<(), FormError<InviteField>> {
    let result = ssr::invite(&form).await;
    crate::platform::form_memory::settle(&result, ssr::FORM_NAME, &form, ssr::PAGE).await;
    result
}

#[server(endpoint = "admin/deactivate-admin")]
pub async fn deactivate_admin(user_id: UserId) -> Result<(), AppError> {
    ssr::deactivate(user_id).await?;
    leptos_axum::redirect(ssr::PAGE);
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::auth::server::users;
    use crate::platform::database;
    use crate::platform::email_tokens::{self, TokenPurpose};
    use crate::platform::mail::{outbox, Letter};
    use crate::platform::{passwords, rate_limit, request, sessions, unix_now};
    use kontor_domain::FieldError;

    pub const FORM_NAME: &str = "invite-admin";
    pub const PAGE: &str = "/admin/staff";

    pub async fn invite(form: &InviteForm) -> Result<(), FormError<InviteField>> {
        let staff = crate::auth::require_staff()?;
        let (email, locale) = parse_invite(form).map_err(FormError::Invalid)?;
        let links = request::link_base().ok_or(AppError::Internal)?;
        // A password nobody knows until the invited admin chooses theirs.
        let unusable = passwords::hash(&passwords::generate())
            .await
            .map_err(|error| {
                tracing::error!(%error, "hashing a placeholder password");
                AppError::Internal
            })?;
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await?;
        let Some(user_id) = users::invite_admin(&mut tx, &email, locale, &unusable, now).await?
        else {
            return Err(FormError::Invalid(vec![(
                InviteField::Email,
                FieldError::EmailInUse,
            )]));
        };
        // Counted only for an invitation that goes out (a refused one leaves the transaction).
        rate_limit::allow_mail_to(
            &mut tx,
            rate_limit::MailPurpose::StaffInvitation,
            email.as_str(),
        )
        .await?;
        let token =
            email_tokens::issue(&mut tx, TokenPurpose::AdminInvitation, user_id, now).await?;
        let t = locale.texts().accounts;
        let mail = Letter::new(locale, t.mail.invitation_subject)
            .paragraph((t.mail.invitation_text)(staff.email.as_str()))
            .action(
                t.mail.invitation_action,
                links.link(&format!("/invitation/{}", token.expose())),
            )
            .paragraph(t.mail.ignore)
            .to(email.clone());
        outbox::enqueue(&mut tx, &mail, now).await?;
        let action = AuditAction::AdminInvited {
            email: email.as_str().to_owned(),
        };
        audit::record_portal(&mut tx, &Actor::user(&staff), &action, now).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn deactivate(user_id: UserId) -> Result<(), AppError> {
        let staff = crate::auth::require_staff()?;
        if staff.user_id == user_id {
            return Err(AppError::OwnAccount);
        }
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await?;
        let email = users::deactivate_admin(&mut tx, user_id, now)
            .await?
            .ok_or(AppError::NotFound)?;
        sessions::end_all_of_user(&mut tx, user_id).await?;
        let action = AuditAction::AdminDeactivated { email };
        audit::record_portal(&mut tx, &Actor::user(&staff), &action, now).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.admin;
    let deactivate = ServerAction::<DeactivateAdmin>::new();
    let loaded = Resource::new(|| (), |_| admin_staff());
    let deactivate_error = move || match deactivate.value().get() {
        Some(Err(error)) => Some(error.message(texts)),
        _ => None,
    };
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((staff, form, me)) => view! {
                    <StaffTable staff me deactivate/>
                    <StaffInvitation form=form.clone()/>
                }
                .into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.staff_title/>
        <AdminNav/>
        <h1>{t.staff_title}</h1>
        <p>{t.staff_intro}</p>
        <p class="form-error" role="alert">{deactivate_error}</p>
        <Suspense fallback=|| ()>{body}</Suspense>
    }
}

#[component]
fn StaffTable(
    staff: Vec<StaffMember>,
    me: UserId,
    deactivate: ServerAction<DeactivateAdmin>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().admin;
    let rows = staff
        .into_iter()
        .map(|member| {
            let standing = match (member.deactivated_at, member.invited) {
                (Some(at), _) => format!("{} {}", t.user_deactivated, format_day(at, locale)),
                (None, true) => t.staff_invited.to_owned(),
                (None, false) => t.staff_active.to_owned(),
            };
            let button = (member.deactivated_at.is_none() && member.id != me).then(|| {
                view! {
                    <ActionForm action=deactivate attr:class="inline-form">
                        <input type="hidden" name="user_id" value=member.id.to_string()/>
                        <button type="submit" class="secondary">{t.staff_deactivate}</button>
                    </ActionForm>
                }
            });
            view! {
                <tr>
                    <th scope="row">{member.email}</th>
                    <td>{format_day(member.created_at, locale)}</td>
                    <td>{standing}</td>
                    <td>{button}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" id="staff">
            <thead>
                <tr>
                    <th scope="col">{t.column_email}</th>
                    <th scope="col">{t.staff_since}</th>
                    <th scope="col">{t.column_status}</th>
                    <th scope="col"><span class="visually-hidden">{t.staff_deactivate}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// An island: the address is checked as it is typed.
#[island(lazy)]
fn StaffInvitation(form: InviteForm) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let invite = ServerAction::<InviteAdmin>::new();
    let t = texts.admin;
    let server_errors = crate::ui::form::server_errors(move || invite.value().get());
    FormState::new(
        form,
        |form| parse_invite(form).err().unwrap_or_default(),
        server_errors,
    );
    let form_error = move || match invite.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    let languages = [("de", "Deutsch"), ("en", "English")].into_iter().collect();
    view! {
        <section class="form-page" aria-labelledby="invite-title">
            <h2 id="invite-title">{t.staff_invite_title}</h2>
            <ActionForm action=invite attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <Input field=InviteField::Email label=texts.field_email input_type="email" autocomplete="off"/>
                <Choice field=InviteField::Locale label=t.staff_language options=languages/>
                <div class="form-actions">
                    <button type="submit">{t.staff_invite}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kontor_domain::FieldError;

    #[test]
    fn an_invitation_needs_an_address_and_a_language_of_the_portal() {
        let form = |email: &str, locale: &str| InviteForm {
            email: email.into(),
            locale: locale.into(),
        };
        let (email, locale) = parse_invite(&form(" Kollege@Distributor.example ", "en")).unwrap();
        assert_eq!(
            (email.as_str(), locale),
            ("kollege@distributor.example", Locale::En)
        );
        assert_eq!(
            parse_invite(&form("kollege", "fr")),
            Err(vec![
                (InviteField::Email, FieldError::InvalidEmail),
                (InviteField::Locale, FieldError::UnknownChoice),
            ])
        );
    }
}
