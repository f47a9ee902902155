//! The server functions of the contact block: reading it is for everyone logged in (resellers
//! see it on their start page); changing it is for distributor staff.

use super::form::{ContactField, ContactForm};
use super::Contact;
use crate::error::{AppError, FormError};
use leptos::prelude::*;

#[server(endpoint = "admin/contacts")]
pub async fn admin_contacts() -> Result<(Vec<Contact>, ContactForm), AppError> {
    use crate::platform::form_memory::recall_refused;
    crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let kept = recall_refused(ssr::FORM_NAME).await.unwrap_or_default();
    Ok((crate::contacts::server::all(&db).await?, kept))
}

#[server(endpoint = "admin/add-contact")]
pub async fn add_contact(form: ContactForm) -> Result<(), FormError<ContactField>> {
    let result = ssr::add(&form).await;
    crate::platform::form_memory::settle(&result, ssr::FORM_NAME, &form, ssr::PAGE).await;
    result
}

#[server(endpoint = "admin/delete-contact")]
pub async fn delete_contact(id: i64) -> Result<(), AppError> {
    ssr::delete(id).await?;
    leptos_axum::redirect(ssr::PAGE);
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::parse_contact;
    use super::*;
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::contacts::server as contacts;
    use crate::platform::{database, unix_now};

    pub const FORM_NAME: &str = "contact";
    pub const PAGE: &str = "/admin/contacts";

    pub async fn add(form: &ContactForm) -> Result<(), FormError<ContactField>> {
        let staff = crate::auth::require_staff()?;
        let (team, email, phone) = parse_contact(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await?;
        contacts::add(&mut tx, &team, &email, phone.as_deref()).await?;
        let action = AuditAction::ContactAdded { team };
        audit::record_portal(&mut tx, &Actor::user(&staff), &action, now).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn delete(id: i64) -> Result<(), AppError> {
        let staff = crate::auth::require_staff()?;
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await?;
        if let Some(team) = contacts::delete(&mut tx, id).await? {
            let action = AuditAction::ContactDeleted { team };
            audit::record_portal(&mut tx, &Actor::user(&staff), &action, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
