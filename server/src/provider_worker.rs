//! Carries out the queued provider calls (creating tenants, reporting accepted agreements,
//! provisioning orders, changing subscriptions) in the background, a pass every half second, until the server shuts
//! down. Work survives a restart: it lives in the `provider_jobs` table, and a claimed job
//! whose worker died is claimed again a minute later.

use crate::background::{repeat, Heartbeat};
use app::agreements::server::AgreementReport;
use app::orders::server::OrderProvisioning;
use app::platform::provider::SharedProvider;
use app::platform::{request::LinkBase, sealing::SealingKey, unix_now, Database};
use app::subscriptions::server::SubscriptionChange;
use app::tenants::server::TenantCreation;
use kontor_jobs::{run_due_jobs, JobKinds, WORKER_PAUSE};
use tokio::sync::watch;

/// The kinds of job this server carries out, each with what it needs: the provider, the key
/// for sealed secrets, and where users reach the portal (for links in the mails jobs send).
pub fn job_kinds(provider: &SharedProvider, key: &SealingKey, links: &LinkBase) -> JobKinds {
    JobKinds::default()
        .with(TenantCreation {
            provider: provider.clone(),
            key: key.clone(),
        })
        .with(AgreementReport {
            provider: provider.clone(),
        })
        .with(OrderProvisioning {
            provider: provider.clone(),
            links: links.clone(),
        })
        .with(SubscriptionChange {
            provider: provider.clone(),
            links: links.clone(),
        })
}

pub async fn run(
    db: Database,
    kinds: JobKinds,
    heartbeat: Heartbeat,
    shutdown: watch::Receiver<bool>,
) {
    repeat(heartbeat, WORKER_PAUSE, shutdown, || {
        run_due_jobs(&db, &kinds, unix_now())
    })
    .await;
}
