//! Which cloud provider Kontor acts at — the simulator in process (the embedded default) or
//! Microsoft Partner Center — always under one pace (`Paced`: the provider's rate limit, its
//! 429s, a time limit per call), and whether it has answered lately.

use crate::config::{ProviderSettings, ProviderSettingsKind};
use app::platform::provider::partner_center::{PartnerCenter, PartnerCenterSettings};
use app::platform::provider::{Paced, ProviderHealth, SharedProvider};
use app::platform::Database;
use kontor_provider_sim::{Simulator, SimulatorSettings};
use std::sync::Arc;
use std::time::Duration;

/// How long Kontor waits for the provider's answer before it counts as unavailable.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A provider that nobody asked for this long is asked once, so that `/readyz` knows.
const PROBE_AFTER: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct Provider {
    pub shared: SharedProvider,
    pub health: ProviderHealth,
    /// The simulator, when it is the provider: its customers' pages are mounted.
    pub simulator: Option<Simulator>,
}

/// `public_url` is where customers' browsers reach the simulator's pages.
pub async fn connect(
    settings: &ProviderSettings,
    db: &Database,
    public_url: &str,
) -> Result<Provider, sqlx::Error> {
    let (inner, simulator): (SharedProvider, _) = match &settings.kind {
        ProviderSettingsKind::Simulator {
            latency_ms,
            provisioning_secs,
            rate_limit,
        } => {
            tracing::info!("cloud provider: the simulated provider");
            let simulator = Simulator::open(
                db.pool().clone(),
                public_url,
                SimulatorSettings {
                    latency: Duration::from_millis(*latency_ms),
                    provisioning: Duration::from_secs(*provisioning_secs),
                    rate_limit: *rate_limit,
                    ..SimulatorSettings::default()
                },
            )
            .await?;
            (Arc::new(simulator.clone()), Some(simulator))
        }
        ProviderSettingsKind::PartnerCenter {
            api_url,
            login_url,
            tenant_id,
            application_id,
            application_secret,
        } => {
            tracing::info!(%api_url, %tenant_id, %application_id, "cloud provider: Partner Center");
            let adapter = PartnerCenter::new(&PartnerCenterSettings {
                api_url: api_url.clone(),
                login_url: login_url.clone(),
                tenant_id: tenant_id.clone(),
                application_id: application_id.clone(),
                application_secret: application_secret.expose().to_owned(),
                timeout: TIMEOUT,
            });
            (Arc::new(adapter), None)
        }
    };
    let paced = Paced::new(inner, settings.rate_limit, TIMEOUT);
    Ok(Provider {
        health: paced.health(),
        shared: Arc::new(paced),
        simulator,
    })
}

impl Provider {
    /// Asks the provider something cheap if nothing else did lately.
    pub async fn probe_when_idle(&self) {
        let idle = self
            .health
            .last()
            .is_none_or(|(_, at)| at.elapsed().unwrap_or_default() > PROBE_AFTER);
        if idle {
            if let Err(error) = self.shared.customer_agreement_template().await {
                tracing::warn!(%error, "the provider does not answer");
            }
        }
    }
}
