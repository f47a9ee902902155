//! The reseller's Microsoft partner identity in the database (`resellers.location_mpn`,
//! `microsoft_id`, `mpa_*`). Every query takes the reseller's id.

use crate::audit::server::{self as audit, Actor};
use crate::audit::AuditAction;
use crate::microsoft_partner::{MicrosoftPartner, MpaAnswer, MpaCheck};
use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};
use kontor_domain::{LocationMpn, MicrosoftId};

#[derive(sqlx::FromRow)]
struct Row {
    location_mpn: Option<String>,
    microsoft_id: Option<String>,
    mpa_status: Option<String>,
    mpa_partner_name: Option<String>,
    mpa_refusal: Option<String>,
    mpa_checked_at: Option<i64>,
}

pub async fn find(db: &Database, scope: &ResellerScope) -> Result<MicrosoftPartner, DbError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT location_mpn, microsoft_id, mpa_status, mpa_partner_name, mpa_refusal, \
         mpa_checked_at \
         FROM resellers WHERE id = $1",
    )
    .bind(scope.reseller())
    .fetch_optional(db.pool())
    .await?;
    let Some(Row {
        location_mpn,
        microsoft_id,
        mpa_status: status,
        mpa_partner_name: partner_name,
        mpa_refusal: refusal,
        mpa_checked_at: checked_at,
    }) = row
    else {
        return Ok(MicrosoftPartner::default());
    };
    let mpa = match (status, checked_at) {
        (Some(status), Some(checked_at)) => Some(MpaCheck {
            answer: MpaAnswer::from_stored(&status, partner_name, refusal.as_deref())
                .ok_or(DbError::Corrupt("resellers.mpa_status"))?,
            checked_at,
        }),
        _ => None,
    };
    Ok(MicrosoftPartner {
        location_mpn,
        microsoft_id,
        mpa,
    })
}

/// The reseller's Microsoft id, which every partner check and invitation names: the
/// provider tells which indirect resellers a tenant is linked to by this id (422 without).
pub async fn require_microsoft_id(
    db: &Database,
    scope: &ResellerScope,
) -> Result<MicrosoftId, crate::error::AppError> {
    find(db, scope)
        .await?
        .microsoft_id
        .and_then(|id| MicrosoftId::parse(&id).ok())
        .ok_or(crate::error::AppError::MicrosoftIdMissing)
}

/// Stores the MPN and the Microsoft id, with an audit entry. A changed MPN forgets the last
/// MPA answer, which was about the old one.
pub async fn save(
    db: &Database,
    scope: &ResellerScope,
    actor: &Actor<'_>,
    mpn: &LocationMpn,
    id: &MicrosoftId,
    now: i64,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE resellers SET \
         mpa_status = CASE WHEN location_mpn = $2 THEN mpa_status END, \
         mpa_partner_name = CASE WHEN location_mpn = $2 THEN mpa_partner_name END, \
         mpa_refusal = CASE WHEN location_mpn = $2 THEN mpa_refusal END, \
         mpa_checked_at = CASE WHEN location_mpn = $2 THEN mpa_checked_at END, \
         location_mpn = $2, microsoft_id = $3 WHERE id = $1",
    )
    .bind(scope.reseller())
    .bind(mpn.as_str())
    .bind(id.as_str())
    .execute(&mut *tx)
    .await?;
    let action = AuditAction::MicrosoftPartnerSaved {
        location_mpn: mpn.as_str().to_owned(),
        microsoft_id: id.as_str().to_owned(),
    };
    audit::record(&mut tx, scope.reseller(), None, actor, &action, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Keeps the provider's answer about `mpn`, unless the MPN was changed meanwhile.
pub async fn record_mpa(
    db: &Database,
    scope: &ResellerScope,
    mpn: &str,
    answer: &MpaAnswer,
    now: i64,
) -> Result<(), DbError> {
    let (partner_name, refusal) = match answer {
        MpaAnswer::Accepted { partner_name } => (partner_name.clone(), None),
        MpaAnswer::NotAccepted => (None, None),
        MpaAnswer::Refused(problem) => (None, Some(problem.stored())),
    };
    sqlx::query(
        "UPDATE resellers SET mpa_status = $3, mpa_partner_name = $4, mpa_refusal = $5, \
         mpa_checked_at = $6 WHERE id = $1 AND location_mpn = $2",
    )
    .bind(scope.reseller())
    .bind(mpn)
    .bind(answer.code())
    .bind(partner_name)
    .bind(refusal)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}
