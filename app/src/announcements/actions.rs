//! The server functions of the announcements, for distributor staff.

use super::form::{AnnouncementField, AnnouncementForm};
use super::AnnouncementSummary;
use crate::error::{AppError, FormError};
use leptos::prelude::*;

#[server(endpoint = "admin/announcements")]
pub async fn admin_announcements() -> Result<Vec<AnnouncementSummary>, AppError> {
    crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    Ok(crate::announcements::server::all(&db).await?)
}

/// The form of an announcement (`id`) or of a new one: as this browser last had it refused
/// (JavaScript off), else as stored, else a news item shown from today.
#[server(endpoint = "admin/announcement")]
pub async fn load_announcement(id: Option<i64>) -> Result<AnnouncementForm, AppError> {
    use crate::platform::form_memory::recall_refused;
    crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    if let Some(kept) = recall_refused(&ssr::form_name(id)).await {
        return Ok(kept);
    }
    match id {
        Some(id) => crate::announcements::server::form(&db, id)
            .await?
            .ok_or(crate::error::AppError::NotFound),
        None => Ok(AnnouncementForm {
            kind: kontor_domain::AnnouncementKind::News.as_str().to_owned(),
            visible_from: kontor_domain::iso_date(kontor_domain::german_date(
                crate::platform::unix_now(),
            )),
            ..AnnouncementForm::default()
        }),
    }
}

/// Publishes a new announcement (no `id`) or changes one; back to the list when it worked.
#[server(endpoint = "admin/save-announcement")]
pub async fn save_announcement(
    id: Option<i64>,
    form: AnnouncementForm,
) -> Result<(), FormError<AnnouncementField>> {
    let result = ssr::save(id, &form).await;
    crate::platform::form_memory::settle(&result, &ssr::form_name(id), &form, ssr::LIST).await;
    result
}

#[server(endpoint = "admin/delete-announcement")]
pub async fn delete_announcement(id: i64) -> Result<(), AppError> {
    ssr::delete(id).await?;
    leptos_axum::redirect(ssr::LIST);
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::parse_announcement;
    use super::*;
    use crate::announcements::server as announcements;
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::platform::{database, unix_now};

    /// One draft per announcement (and one for a new one): a refused edit of one never comes
    /// back in the editor of another.
    pub fn form_name(id: Option<i64>) -> String {
        match id {
            Some(id) => format!("announcement:{id}"),
            None => "announcement:new".to_owned(),
        }
    }
    pub const LIST: &str = "/admin/announcements";

    pub async fn save(
        id: Option<i64>,
        form: &AnnouncementForm,
    ) -> Result<(), FormError<AnnouncementField>> {
        let staff = crate::auth::require_staff()?;
        let draft = parse_announcement(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await?;
        let Some(saved) = announcements::save(&mut tx, id, &draft, now).await? else {
            return Err(crate::error::AppError::NotFound.into());
        };
        let action = AuditAction::AnnouncementSaved {
            id: saved,
            title: draft.title_de.clone(),
            new: id.is_none(),
        };
        audit::record_portal(&mut tx, &Actor::user(&staff), &action, now).await?;
        tx.commit().await?;
        tracing::info!(id = saved, by = %staff.user_id, "announcement saved");
        Ok(())
    }

    pub async fn delete(id: i64) -> Result<(), AppError> {
        let staff = crate::auth::require_staff()?;
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await?;
        // Deleting twice is no error: the announcement is gone either way.
        if let Some(title) = announcements::delete(&mut tx, id).await? {
            let action = AuditAction::AnnouncementDeleted { id, title };
            audit::record_portal(&mut tx, &Actor::user(&staff), &action, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
