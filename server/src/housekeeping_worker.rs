//! Deletes what nobody needs any more, so that tables of secrets and personal data do not
//! grow for ever: sessions past their lifetime, email links a month after they stopped
//! working, mails a month after delivery (given-up ones stay for the administration),
//! signups never confirmed within 48 hours (which frees their customer numbers), and the hits
//! of rate limits once they are older than any window. It also
//! writes the users scheduled for a renewal once the renewal came (pages read them so
//! already). Once an hour, in the background, until the server shuts down.

use crate::background::{repeat, Heartbeat};
use app::orders::server as orders;
use app::platform::{rate_limit, sessions, unix_now, Database, DbError};
use app::resellers::server as resellers;
use std::time::Duration;
use tokio::sync::watch;

const TICK: Duration = Duration::from_secs(60 * 60);

pub async fn run(db: Database, heartbeat: Heartbeat, shutdown: watch::Receiver<bool>) {
    repeat(heartbeat, TICK, shutdown, || purge(&db, unix_now())).await;
}

/// How long a link or a delivered mail is kept after it is done with.
pub const KEEP_SECS: i64 = 30 * 24 * 60 * 60;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PurgeReport {
    pub sessions: u64,
    pub links: u64,
    pub mails: u64,
    pub signups: u64,
    pub renewals: u64,
    /// Hits of rate limits and the login throttle older than any window.
    pub limit_hits: u64,
}

pub async fn purge(db: &Database, now: i64) -> Result<PurgeReport, DbError> {
    let sessions = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(now - sessions::IDLE_TIMEOUT_SECS)
        .bind(now - sessions::ABSOLUTE_LIFETIME_SECS)
        .execute(db.pool())
        .await?
        .rows_affected();
    let done_before = now - KEEP_SECS;
    let links = sqlx::query(
        "DELETE FROM email_tokens WHERE expires_at < $1 OR used_at < $1 OR superseded_at < $1",
    )
    .bind(done_before)
    .execute(db.pool())
    .await?
    .rows_affected();
    let mails = sqlx::query("DELETE FROM outbox WHERE sent_at < $1")
        .bind(done_before)
        .execute(db.pool())
        .await?
        .rows_affected();
    let mut tx = db.begin().await?;
    let signups =
        resellers::discard_unconfirmed_before(&mut tx, now - resellers::UNCONFIRMED_SECS).await?;
    tx.commit().await?;
    let renewals = orders::apply_due_renewal_seats(&mut *db.pool().acquire().await?, now).await?;
    let limit_hits = rate_limit::purge(db, now * 1000).await?;
    Ok(PurgeReport {
        sessions,
        links,
        mails,
        signups,
        renewals,
        limit_hits,
    })
}
