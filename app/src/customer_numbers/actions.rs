//! The server functions of the customer-number registry, for distributor staff.

use super::form::{RegistryField, RegistryForm};
use super::{ImportOutcome, RegistryEntry, RegistryPage};
use crate::error::{AppError, FormError};
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// A page of the registry, with the add form and the import's outcome as this browser last
/// had them (JavaScript off).
#[server(endpoint = "admin/customer-numbers")]
pub async fn admin_customer_numbers(
    search: String,
    page: u32,
) -> Result<(RegistryPage, RegistryForm, Option<ImportOutcome>), AppError> {
    use crate::platform::form_memory::{forget_refused, recall_refused};
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let kept = recall_refused(ssr::ADD_FORM).await;
    // The outcome is news once: shown on the page the import led back to, then forgotten.
    let outcome = recall_refused(ssr::IMPORT).await;
    if outcome.is_some() {
        forget_refused(ssr::IMPORT).await;
    }
    let list = crate::customer_numbers::server::list(&db, &staff, &search, page).await?;
    Ok((list, kept.unwrap_or_default(), outcome))
}

/// One entry with its form: as this browser last had it refused, else as stored.
#[server(endpoint = "admin/customer-number")]
pub async fn admin_customer_number(
    number: String,
) -> Result<(RegistryEntry, RegistryForm), AppError> {
    use crate::platform::form_memory::recall_refused;
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let entry = crate::customer_numbers::server::get(&db, &staff, &number)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    let form = recall_refused::<RegistryForm>(ssr::EDIT_FORM)
        .await
        .filter(|kept| kept.customer_number == number)
        .unwrap_or_else(|| RegistryForm {
            customer_number: entry.record.customer_number.clone(),
            company_name: entry.record.company_name.clone(),
            postal_code: entry.record.postal_code.clone(),
            contact_email: entry.record.contact_email.clone().unwrap_or_default(),
        });
    Ok((entry, form))
}

#[server(endpoint = "admin/add-customer-number")]
pub async fn add_customer_number(form: RegistryForm) -> Result<(), FormError<RegistryField>> {
    let result = ssr::save(&form, ssr::Save::Add).await;
    crate::platform::form_memory::settle(&result, ssr::ADD_FORM, &form, &ssr::listed(&form)).await;
    result
}

/// Changes the company and postal code of a listed number (the form's, which is fixed).
#[server(endpoint = "admin/change-customer-number")]
pub async fn change_customer_number(form: RegistryForm) -> Result<(), FormError<RegistryField>> {
    let result = ssr::save(&form, ssr::Save::Change).await;
    crate::platform::form_memory::settle(&result, ssr::EDIT_FORM, &form, &ssr::listed(&form)).await;
    result
}

#[server(endpoint = "admin/delete-customer-number")]
pub async fn delete_customer_number(number: String) -> Result<(), AppError> {
    ssr::delete(&number).await?;
    leptos_axum::redirect(ssr::LIST);
    Ok(())
}

/// Imports the uploaded CSV (field `file`) whole or not at all. Without JavaScript the
/// outcome is kept for the list page, which the browser is sent back to.
#[server(endpoint = "admin/import-customer-numbers", input = MultipartFormData)]
pub async fn import_customer_numbers(data: MultipartData) -> Result<ImportOutcome, AppError> {
    let outcome = ssr::import(data).await?;
    crate::platform::form_memory::remember_refused(ssr::IMPORT, &outcome).await;
    if crate::platform::request::is_plain_form_post() {
        leptos_axum::redirect(ssr::LIST);
    }
    Ok(outcome)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::parse_registry_entry;
    use super::super::import;
    use super::*;
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::customer_numbers::server::{self as customer_registry, Deletion};
    use crate::platform::{database, unix_now};
    use kontor_domain::FieldError;

    pub const ADD_FORM: &str = "customer-number";
    pub const EDIT_FORM: &str = "customer-number-edit";
    pub const IMPORT: &str = "customer-number-import";
    pub const LIST: &str = "/admin/customer-numbers";

    /// The list searched for the entry just saved, which shows it whatever page it is on.
    pub fn listed(form: &RegistryForm) -> String {
        format!("{LIST}?q={}", form.customer_number.trim())
    }

    pub enum Save {
        Add,
        Change,
    }

    pub async fn save(form: &RegistryForm, save: Save) -> Result<(), FormError<RegistryField>> {
        let staff = crate::auth::require_staff()?;
        let record = parse_registry_entry(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let mut tx = db.begin().await?;
        let (number, company) = (record.customer_number.clone(), record.company_name.clone());
        let action = match save {
            Save::Add => {
                if !customer_registry::add(&mut tx, &record).await? {
                    return Err(FormError::Invalid(vec![(
                        RegistryField::CustomerNumber,
                        FieldError::CustomerNumberListed,
                    )]));
                }
                AuditAction::CustomerNumberAdded { number, company }
            }
            Save::Change => {
                if !customer_registry::change(&mut tx, &record).await? {
                    return Err(crate::error::AppError::NotFound.into());
                }
                AuditAction::CustomerNumberChanged { number, company }
            }
        };
        audit::record_portal(&mut tx, &Actor::user(&staff), &action, unix_now()).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn delete(number: &str) -> Result<(), AppError> {
        let staff = crate::auth::require_staff()?;
        let db = database()?;
        let mut tx = db.begin().await?;
        match customer_registry::delete(&mut tx, number).await? {
            Deletion::Deleted => {
                let action = AuditAction::CustomerNumberDeleted {
                    number: number.to_owned(),
                };
                audit::record_portal(&mut tx, &Actor::user(&staff), &action, unix_now()).await?;
                tx.commit().await?;
                Ok(())
            }
            Deletion::NotListed => Err(crate::error::AppError::NotFound),
            Deletion::InUse => Err(AppError::CustomerNumberInUse),
        }
    }

    pub async fn import(data: MultipartData) -> Result<ImportOutcome, AppError> {
        let staff = crate::auth::require_staff()?;
        let file = uploaded_file(data).await?;
        // A refused file is an answer, not a failure: the page lists what to correct.
        let records = match import::parse(&file) {
            Ok(records) => records,
            Err(refusal) => return Ok(ImportOutcome::Refused(refusal)),
        };
        let db = database()?;
        let mut tx = db.begin().await?;
        let summary = customer_registry::import(&mut tx, &records).await?;
        if summary.added + summary.changed > 0 {
            let action = AuditAction::CustomerNumbersImported {
                added: summary.added,
                changed: summary.changed,
            };
            audit::record_portal(&mut tx, &Actor::user(&staff), &action, unix_now()).await?;
        }
        tx.commit().await?;
        Ok(ImportOutcome::Imported(summary))
    }

    /// The bytes of the form's `file` field; none chosen is an empty file.
    async fn uploaded_file(data: MultipartData) -> Result<Vec<u8>, AppError> {
        let mut form = data.into_inner().ok_or(AppError::Internal)?;
        let malformed = |error: String| {
            tracing::info!(%error, "unreadable upload");
            AppError::Transport(error)
        };
        while let Some(field) = form
            .next_field()
            .await
            .map_err(|e| malformed(e.to_string()))?
        {
            if field.name() == Some("file") {
                let bytes = field.bytes().await.map_err(|e| malformed(e.to_string()))?;
                return Ok(bytes.to_vec());
            }
        }
        Ok(Vec::new())
    }
}
