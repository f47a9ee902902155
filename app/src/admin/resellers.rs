//! The reseller accounts, for distributor staff: a searchable list by standing, each
//! company's details, and the decisions on it (approve or reject a waiting signup, lock or
//! unlock an account; a lock ends every session of the company at once).

use crate::error::AppError;
use crate::resellers::{ResellerDetail, ResellerList};
use kontor_domain::ResellerId;
use leptos::prelude::*;

/// `status` is a standing's name (`locked`, `awaiting_approval`, …) or empty for all.
#[server(endpoint = "admin/resellers")]
pub async fn admin_resellers(
    search: String,
    status: String,
    page: u32,
) -> Result<ResellerList, AppError> {
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let standing = kontor_domain::ResellerStanding::parse(&status);
    Ok(crate::resellers::server::list(&db, &staff, &search, standing, page).await?)
}

#[server(endpoint = "admin/reseller")]
pub async fn admin_reseller(id: ResellerId) -> Result<ResellerDetail, AppError> {
    use crate::resellers::server::{self as resellers, UnconfirmedOrderLimit};
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    resellers::detail(&db, &staff, id, UnconfirmedOrderLimit::current()?.0)
        .await?
        .ok_or(crate::error::AppError::NotFound)
}

/// Confirms a company that its customer number alone made active: from now on it orders
/// without the limit. Confirming twice changes nothing.
#[server(endpoint = "admin/confirm-reseller")]
pub async fn confirm_reseller(reseller_id: ResellerId) -> Result<(), AppError> {
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::platform::unix_now;
    use crate::resellers::server as resellers;
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let now = unix_now();
    let mut tx = db.begin().await?;
    if !resellers::exists(&mut tx, reseller_id).await? {
        return Err(crate::error::AppError::NotFound);
    }
    if resellers::confirm_by_staff(&mut tx, reseller_id, now).await? {
        let actor = Actor::user(&staff);
        audit::record(
            &mut tx,
            reseller_id,
            None,
            &actor,
            &AuditAction::ResellerConfirmed,
            now,
        )
        .await?;
        tracing::info!(
            %reseller_id,
            by = %staff.user_id,
            "reseller confirmed by staff"
        );
    }
    tx.commit().await?;
    Ok(())
}

/// Locks (`lock = true`) or unlocks a company. Locking ends every session of its users and
/// keeps them out until it is unlocked; doing either twice changes nothing.
#[server(endpoint = "admin/lock-reseller")]
pub async fn lock_reseller(reseller_id: ResellerId, lock: bool) -> Result<(), AppError> {
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::platform::{sessions, unix_now};
    use crate::resellers::server as resellers;
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let now = unix_now();
    let mut tx = db.begin().await?;
    if !resellers::exists(&mut tx, reseller_id).await? {
        return Err(crate::error::AppError::NotFound);
    }
    if resellers::set_locked(&mut tx, reseller_id, lock, now).await? {
        let action = if lock {
            let ended = sessions::end_all_of_reseller(&mut tx, reseller_id).await?;
            tracing::info!(%reseller_id, ended, by = %staff.user_id, "reseller locked");
            AuditAction::ResellerLocked
        } else {
            tracing::info!(%reseller_id, by = %staff.user_id, "reseller unlocked");
            AuditAction::ResellerUnlocked
        };
        audit::record(
            &mut tx,
            reseller_id,
            None,
            &Actor::user(&staff),
            &action,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
