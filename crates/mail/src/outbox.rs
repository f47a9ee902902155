//! The outbox table: mail is written in the transaction of the change that causes it, and
//! delivered later, at least once per successful SMTP answer and never twice after one.

use crate::{MailTransport, OutgoingMail};
use kontor_db::{unix_now, Database, DbError};
use sqlx::AnyConnection;

/// After this many failed attempts (retries spread over about 15 hours) a mail is given up and
/// stays in the table, marked, for the admin to see.
pub const MAX_ATTEMPTS: i64 = 12;
/// How long one worker owns a claimed mail before another may try it.
const CLAIM_SECS: i64 = 120;
const BATCH: i64 = 20;

/// Pause before the next attempt after `attempts` failures: 30 s, 1 min, 2 min, … at most 6 h.
pub fn backoff_secs(attempts: i64) -> i64 {
    let exponent = attempts.clamp(1, 20) - 1;
    (30_i64 << exponent).min(6 * 60 * 60)
}

/// Writes a mail into the outbox, in the caller's transaction.
pub async fn enqueue(
    conn: &mut AnyConnection,
    mail: &OutgoingMail,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(mail.to.as_str())
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// How much mail is waiting, delivered and given up: for the administration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: i64,
    pub sent: i64,
    pub given_up: i64,
}

pub async fn counts(db: &Database) -> Result<OutboxCounts, DbError> {
    let (waiting, sent, given_up): (i64, i64, i64) = sqlx::query_as(
        "SELECT \
           COALESCE(SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
         FROM outbox",
    )
    .fetch_one(db.pool())
    .await?;
    Ok(OutboxCounts {
        waiting,
        sent,
        given_up,
    })
}

/// A mail as the worker reads it from the outbox.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attempts: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub retrying: usize,
    pub given_up: usize,
}

/// Claims a mail for one delivery attempt; false when another worker holds it. The claim
/// runs from the moment it is made, not from the start of the pass (`pass_started`), which
/// may be long ago after slow deliveries: a claim that was over when written would let a
/// second instance send the same mail.
pub async fn claim(db: &Database, id: i64, pass_started: i64) -> Result<bool, DbError> {
    let at = pass_started.max(unix_now());
    let claimed = sqlx::query(
        "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND sent_at IS NULL \
         AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < $3)",
    )
    .bind(at + CLAIM_SECS)
    .bind(id)
    .bind(at)
    .execute(db.pool())
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// One pass of the worker: claims the mails that are due and tries each once.
pub async fn deliver_due(
    db: &Database,
    transport: &MailTransport,
    now: i64,
) -> Result<DeliveryReport, DbError> {
    let due: Vec<QueuedMail> = sqlx::query_as(
        "SELECT id, recipient, subject, body_text AS text, body_html AS html, attempts FROM outbox \
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
         AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY id LIMIT $2",
    )
    .bind(now)
    .bind(BATCH)
    .fetch_all(db.pool())
    .await?;

    let mut report = DeliveryReport::default();
    for mail in due {
        let id = mail.id;
        if !claim(db, id, now).await? {
            continue;
        }
        match transport.send(&mail).await {
            Ok(()) => {
                sqlx::query("UPDATE outbox SET sent_at = $1, claimed_until = NULL WHERE id = $2")
                    .bind(now)
                    .bind(id)
                    .execute(db.pool())
                    .await?;
                report.sent += 1;
            }
            Err(error) => {
                let attempts = mail.attempts + 1;
                let given_up = attempts >= MAX_ATTEMPTS;
                tracing::warn!(mail_id = id, attempts, given_up, %error, "mail not delivered");
                sqlx::query(
                    "UPDATE outbox SET attempts = $1, next_attempt_at = $2, failed_at = $3, \
                     last_error = $4, claimed_until = NULL WHERE id = $5",
                )
                .bind(attempts)
                .bind(now + backoff_secs(attempts))
                .bind(given_up.then_some(now))
                .bind(error.to_string())
                .bind(id)
                .execute(db.pool())
                .await?;
                if given_up {
                    report.given_up += 1;
                } else {
                    report.retrying += 1;
                }
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::backoff_secs;

    #[test]
    fn pauses_grow_exponentially_up_to_six_hours() {
        assert_eq!(backoff_secs(1), 30);
        assert_eq!(backoff_secs(2), 60);
        assert_eq!(backoff_secs(3), 120);
        assert_eq!(backoff_secs(10), 15_360);
        assert_eq!(backoff_secs(11), 6 * 60 * 60);
        assert_eq!(backoff_secs(1_000), 6 * 60 * 60);
    }
}
