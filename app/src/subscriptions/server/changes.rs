//! A reseller's change of a subscription at the provider. Asked for in one transaction —
//! the change, its job, the audit entry; the unique index keeps one pending change per
//! subscription, so a second click is refused, never a second change — then carried out by
//! the job under its request id (a retry repeats the same request), and settled: the
//! subscription changed, or the refusal kept, with the audit entry and a mail to the user
//! who asked.

use crate::audit::server::{self as audit, Actor};
use crate::audit::AuditAction;
use crate::i18n::Locale;
use crate::platform::mail::{outbox, Letter};
use crate::platform::provider::{problem, ProviderError, SharedProvider};
use crate::platform::request::LinkBase;
use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};
use crate::subscriptions::server as subscriptions;
use crate::subscriptions::SubscriptionDetail;
use crate::tenants::server::{self as tenants, AtProvider};
use kontor_domain::{ChangeKind, CustomerId, EmailAddress, ResellerId, SubscriptionProblem};
use kontor_jobs::{self as jobs, AfterFailure, Job, JobKind, Step};
use sqlx::AnyConnection;

/// The job that makes a subscription change at the provider.
pub const CHANGE_SUBSCRIPTION: &str = "change_subscription";

/// How long a change waits for the customer's tenant before it looks again.
const TENANT_WAIT_SECS: i64 = 30;

/// Why a change could not be asked for.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("another change is pending")]
    Pending,
    #[error(transparent)]
    Database(#[from] DbError),
}

impl From<RequestError> for crate::error::AppError {
    fn from(error: RequestError) -> Self {
        match error {
            RequestError::Pending => {
                crate::error::AppError::SubscriptionChange(SubscriptionProblem::ChangePending)
            }
            RequestError::Database(error) => error.into(),
        }
    }
}

/// Asks for `change` of the reseller's subscription: the change, its job and the audit entry,
/// or nothing when another change is pending.
pub async fn request_change(
    db: &Database,
    scope: &ResellerScope,
    detail: &SubscriptionDetail,
    change: ChangeKind,
    now: i64,
) -> Result<(), RequestError> {
    let (kind, seats, auto_renew) = change.stored();
    let mut tx = db.begin().await.map_err(DbError::from)?;
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO subscription_changes (subscription_id, customer_id, user_id, kind, seats, \
         auto_renew, status, requested_at) \
         SELECT s.id, s.customer_id, $3, $4, $5, $6, 'pending', $7 FROM subscriptions s \
         WHERE s.id = $1 AND s.reseller_id = $2 RETURNING id",
    )
    .bind(detail.subscription.id)
    .bind(scope.reseller())
    .bind(scope.user_id)
    .bind(kind)
    .bind(seats)
    .bind(auto_renew)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let change_id = match inserted {
        Ok((id,)) => id,
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(RequestError::Pending)
        }
        Err(error) => return Err(DbError::from(error).into()),
    };
    jobs::enqueue(
        &mut tx,
        CHANGE_SUBSCRIPTION,
        detail.customer_id,
        Some(change_id),
        now,
    )
    .await?;
    let action = AuditAction::SubscriptionChangeRequested {
        subscription: detail.subscription.name.clone(),
        change,
    };
    let actor = Actor::user(scope.user());
    audit::record(
        &mut tx,
        scope.reseller(),
        Some(detail.customer_id),
        &actor,
        &action,
        now,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Making changes at the provider, as a job: the provider, and where users reach the portal
/// (for the link in the mail).
pub struct SubscriptionChange {
    pub provider: SharedProvider,
    pub links: LinkBase,
}

/// A change as the job reads it.
#[derive(sqlx::FromRow)]
struct Pending {
    subscription_id: i64,
    customer_id: CustomerId,
    reseller_id: ResellerId,
    kind: String,
    seats: Option<i64>,
    auto_renew: Option<i64>,
    provider_subscription_id: String,
    name: String,
    company_name: String,
    email: String,
    locale: String,
}

impl Pending {
    fn change(&self) -> Result<ChangeKind, DbError> {
        ChangeKind::from_stored(&self.kind, self.seats, self.auto_renew)
            .ok_or(DbError::Corrupt("subscription_changes"))
    }

    /// The subscription and its customer, as a mail's subject names them.
    fn product_of_customer(&self) -> crate::i18n::ProductOfCustomer<'_> {
        crate::i18n::ProductOfCustomer {
            product: &self.name,
            customer: &self.company_name,
        }
    }
}

async fn pending(conn: &mut AnyConnection, job: &Job) -> Result<Pending, DbError> {
    let id = job.subject.ok_or(DbError::Corrupt(
        "provider_jobs: a subscription change without its change",
    ))?;
    Ok(sqlx::query_as(
        "SELECT c.subscription_id, c.customer_id, s.reseller_id, c.kind, c.seats, c.auto_renew, \
         s.provider_subscription_id, s.name, cu.company_name, u.email, u.locale \
         FROM subscription_changes c JOIN subscriptions s ON s.id = c.subscription_id \
         JOIN customers cu ON cu.id = c.customer_id JOIN users u ON u.id = c.user_id \
         WHERE c.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

#[async_trait::async_trait]
impl JobKind for SubscriptionChange {
    fn name(&self) -> &'static str {
        CHANGE_SUBSCRIPTION
    }

    async fn attempt(&self, db: &Database, job: &Job, _now: i64) -> Result<Step, DbError> {
        let mut conn = db.pool().acquire().await?;
        let change = pending(&mut conn, job).await?;
        drop(conn);
        let tenant = match tenants::at_provider(db, &self.provider, change.customer_id).await? {
            AtProvider::Known(id) => id,
            AtProvider::Waiting => return Ok(Step::WaitSecs(TENANT_WAIT_SECS)),
            AtProvider::Failed(error) => return Ok(Step::Failed(error)),
        };
        let (request, sub, p) = (
            &job.request_id,
            &change.provider_subscription_id,
            &self.provider,
        );
        let answer = match change.change()? {
            ChangeKind::Reduce { seats } => p.change_quantity(request, &tenant, sub, seats).await,
            ChangeKind::Cancel => p.cancel_subscription(request, &tenant, sub).await,
            ChangeKind::RenewalSeats { seats } => {
                p.schedule_renewal_quantity(request, &tenant, sub, seats)
                    .await
            }
            ChangeKind::AutoRenew { on } => p.set_auto_renew(request, &tenant, sub, on).await,
        };
        Ok(match answer {
            Ok(_) => Step::Done,
            Err(error) => Step::Failed(error),
        })
    }

    /// The provider made it: the subscription as changed, the change done, the audit entry
    /// and the mail.
    async fn succeeded(
        &self,
        conn: &mut AnyConnection,
        job: &Job,
        now: i64,
    ) -> Result<(), DbError> {
        if !settle(conn, job, "done", None, now).await? {
            return Ok(());
        }
        let change = pending(conn, job).await?;
        let kind = change.change()?;
        update_subscription(conn, change.subscription_id, kind, now).await?;
        let action = AuditAction::SubscriptionChanged {
            subscription: change.name.clone(),
            change: kind,
        };
        record(conn, &change, &action, now).await?;
        let locale = Locale::from_tag(&change.locale).unwrap_or_default();
        let t = locale.texts().subscriptions;
        let subject = (t.mail.changed_subject)(change.product_of_customer());
        let text = (t.mail.changed_text)(crate::i18n::ChangeMail {
            change: &t.change(kind),
            product: &change.name,
            customer: &change.company_name,
        });
        self.mail(conn, &change, locale, subject, text, now).await
    }

    /// The provider refused, or could not be reached for too long: the change failed, with
    /// why; the subscription stays as it was.
    async fn failed(
        &self,
        conn: &mut AnyConnection,
        job: &Job,
        error: &ProviderError,
        now: i64,
    ) -> Result<AfterFailure, DbError> {
        let problem = match error {
            ProviderError::Refused(refusal) => Some(problem(refusal)),
            _ => None,
        };
        let stored = problem.map_or("unavailable".to_owned(), |p| p.stored());
        if !settle(conn, job, "failed", Some(&stored), now).await? {
            return Ok(AfterFailure::Keep);
        }
        let change = pending(conn, job).await?;
        let kind = change.change()?;
        let action = AuditAction::SubscriptionChangeFailed {
            subscription: change.name.clone(),
            change: kind,
            reason: error.to_string(),
        };
        record(conn, &change, &action, now).await?;
        let locale = Locale::from_tag(&change.locale).unwrap_or_default();
        let texts = locale.texts();
        let t = texts.subscriptions;
        let why = match problem {
            Some(problem) => (texts.provider.problem)(problem),
            None => t.change_unreachable.to_owned(),
        };
        let subject = (t.mail.failed_subject)(change.product_of_customer());
        let text = (t.mail.failed_text)(crate::i18n::FailedChangeMail {
            change: &t.change(kind),
            product: &change.name,
            customer: &change.company_name,
            why: &why,
        });
        self.mail(conn, &change, locale, subject, text, now).await?;
        Ok(AfterFailure::Keep)
    }
}

impl SubscriptionChange {
    async fn mail(
        &self,
        conn: &mut AnyConnection,
        change: &Pending,
        locale: Locale,
        subject: String,
        text: String,
        now: i64,
    ) -> Result<(), DbError> {
        let to = EmailAddress::parse(&change.email).map_err(|_| DbError::Corrupt("users.email"))?;
        let link = self
            .links
            .link(&format!("/subscriptions/{}", change.subscription_id));
        let mail = Letter::new(locale, subject)
            .paragraph(text)
            .action(locale.texts().subscriptions.mail.action, link)
            .to(to);
        outbox::enqueue(conn, &mail, now).await
    }
}

/// The subscription as the change leaves it. Users due from a renewal are written first, so
/// that the change applies to the count it was asked against.
async fn update_subscription(
    conn: &mut AnyConnection,
    id: i64,
    change: ChangeKind,
    now: i64,
) -> Result<(), DbError> {
    crate::orders::server::apply_due_renewal_seats(conn, now).await?;
    let (sql, first, second) = match change {
        ChangeKind::Reduce { seats } => (
            "UPDATE subscriptions SET seats = $2 WHERE id = $1",
            i64::from(seats),
            None,
        ),
        ChangeKind::Cancel => (
            "UPDATE subscriptions SET cancelled_at = $2, auto_renew = 0 WHERE id = $1",
            now,
            None,
        ),
        ChangeKind::RenewalSeats { seats } => {
            let term = subscriptions::subscription_at(conn, id, now).await?.term;
            (
                "UPDATE subscriptions SET renewal_seats = $2, renewal_seats_from = $3 \
                 WHERE id = $1",
                i64::from(seats),
                Some(
                    term.ends_at
                        .ok_or(DbError::Corrupt("subscriptions: renewal without term"))?,
                ),
            )
        }
        ChangeKind::AutoRenew { on } => (
            "UPDATE subscriptions SET auto_renew = $2 WHERE id = $1",
            i64::from(on),
            None,
        ),
    };
    let mut query = sqlx::query(sql).bind(id).bind(first);
    if let Some(second) = second {
        query = query.bind(second);
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Settles the job's change if it is still pending (`true`): a late report on a change
/// settled already changes nothing.
async fn settle(
    conn: &mut AnyConnection,
    job: &Job,
    status: &str,
    failure: Option<&str>,
    now: i64,
) -> Result<bool, DbError> {
    let settled = sqlx::query(
        "UPDATE subscription_changes SET status = $2, failure = $3, settled_at = $4 \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(job.subject)
    .bind(status)
    .bind(failure)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(settled.rows_affected() == 1)
}

async fn record(
    conn: &mut AnyConnection,
    change: &Pending,
    action: &AuditAction,
    now: i64,
) -> Result<(), DbError> {
    audit::record(
        conn,
        change.reseller_id,
        Some(change.customer_id),
        &Actor::SYSTEM,
        action,
        now,
    )
    .await
}
