//! Which cloud provider Kontor talks to: the configured one, or the simulated provider that
//! Kontor mounts under `/provider-sim` and reaches over loopback HTTP like any other.

use crate::config::ProviderSettings;
use app::platform::provider::simulator::{Simulator, SimulatorSettings, MOUNT};
use app::platform::{provider::ProviderClient, secret_token::SecretToken, Database};
use std::net::SocketAddr;
use std::time::Duration;

/// How long Kontor waits for the provider's answer before it counts as unavailable.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Provider {
    pub client: ProviderClient,
    /// The simulator to mount, when it is the provider.
    pub simulator: Option<Simulator>,
}

/// `public_url` is where customers' browsers reach the simulator's pages.
pub fn connect(
    settings: &ProviderSettings,
    db: &Database,
    listen: SocketAddr,
    public_url: &str,
) -> Provider {
    let token = settings
        .token
        .as_ref()
        .map(|t| t.expose().to_owned())
        .unwrap_or_else(|| SecretToken::generate().expose().to_owned());
    match &settings.url {
        Some(url) => {
            tracing::info!(%url, "cloud provider");
            Provider {
                client: ProviderClient::new(url, &token, TIMEOUT)
                    .with_rate_limit(settings.rate_limit),
                simulator: None,
            }
        }
        None => {
            // A listener on every interface is reached on loopback.
            let host = if listen.ip().is_unspecified() {
                SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), listen.port())
            } else {
                listen
            };
            tracing::info!("cloud provider: the simulated provider under {MOUNT}");
            Provider {
                client: ProviderClient::new(&format!("http://{host}{MOUNT}"), &token, TIMEOUT)
                    .with_rate_limit(settings.rate_limit),
                simulator: Some(Simulator::new(
                    db.clone(),
                    &token,
                    public_url,
                    SimulatorSettings {
                        latency: Duration::from_millis(settings.sim_latency_ms),
                        provisioning: Duration::from_secs(settings.sim_provisioning_secs),
                        rate_limit: settings.sim_rate_limit,
                        ..SimulatorSettings::default()
                    },
                )),
            }
        }
    }
}
