//! Configuration: command-line flags, then environment variables, then an optional TOML file,
//! then defaults — so `kontor` with nothing set runs the embedded SQLite portal.

use app::platform::client_address::TrustedProxies;
use clap::{Parser, ValueEnum};
use serde::Deserialize;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kontor.db";
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 3000);
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;
pub const DEFAULT_SIGNUPS_PER_HOUR: u32 = 10;
pub const DEFAULT_SITE_ROOT: &str = "target/site";
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:3000";
pub const DEFAULT_ADMIN_EMAIL: &str = "admin@kontor.example";
pub const DEFAULT_MAIL_FROM: &str = "Kontor <noreply@kontor.example>";
pub const DEFAULT_MAIL_DIR: &str = "data/mail";
pub const DEFAULT_SECRET_KEY_FILE: &str = "data/kontor.key";
pub const DEFAULT_SIM_LATENCY_MS: u64 = 150;
pub const DEFAULT_SIM_PROVISIONING_SECS: u64 = 3;
pub const DEFAULT_PARTNER_RECHECK_MINUTES: u64 = 24 * 60;
pub const DEFAULT_UNCONFIRMED_ORDER_LIMIT_EUR: u64 = 1000;

#[derive(Parser, Debug)]
#[command(
    name = "kontor",
    version,
    about = "Kontor: the reseller portal of a cloud distributor",
    after_help = "Every setting can also be given in the TOML file named by --config \
                  (keys as the long flag names with underscores); flags and environment win.\n\
                  The first admin's password is read from KONTOR_ADMIN_PASSWORD only; without \
                  it a password is generated on the first start and logged once."
)]
pub struct Cli {
    /// Optional TOML file with settings.
    #[arg(long, env = "KONTOR_CONFIG")]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB [default: sqlite://data/kontor.db]
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Address to listen on [default: 127.0.0.1:3000]
    #[arg(long, env = "LEPTOS_SITE_ADDR")]
    pub listen: Option<SocketAddr>,
    /// The address users reach Kontor at; https turns on HSTS [default: http://127.0.0.1:3000]
    #[arg(long, env = "KONTOR_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Email of the first distributor admin, created on the first start [default: admin@kontor.example]
    #[arg(long, env = "KONTOR_ADMIN_EMAIL")]
    pub admin_email: Option<String>,
    /// SMTP server for outgoing mail, e.g. smtp://user:pass@host:587?tls=required; without it
    /// mails are saved as files in --mail-dir and their links are logged
    #[arg(long, env = "KONTOR_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of outgoing mail [default: Kontor <noreply@kontor.example>]
    #[arg(long, env = "KONTOR_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Folder for mails when no SMTP server is configured [default: data/mail]
    #[arg(long, env = "KONTOR_MAIL_DIR")]
    pub mail_dir: Option<PathBuf>,
    /// Folder with the built stylesheet and browser bundle [default: target/site]
    #[arg(long, env = "LEPTOS_SITE_ROOT")]
    pub site_root: Option<String>,
    /// Log format [default: pretty]
    #[arg(long, env = "KONTOR_LOG_FORMAT", value_enum)]
    pub log_format: Option<LogFormat>,
    /// Log filter, e.g. "info" or "kontor=debug,sqlx=warn" [default: info]
    #[arg(long, env = "RUST_LOG")]
    pub log: Option<String>,
    /// Largest request body accepted, in bytes [default: 1048576]
    #[arg(long, env = "KONTOR_MAX_BODY_BYTES")]
    pub max_body_bytes: Option<usize>,
    /// Seed demo records (distributor customer numbers to sign up with) [default: false]
    #[arg(long, env = "KONTOR_DEMO_DATA")]
    pub demo_data: Option<bool>,
    /// Which cloud provider Kontor acts at: the simulated one (in process, its customers'
    /// pages under /provider-sim) or Microsoft Partner Center [default: simulator]
    #[arg(long, env = "KONTOR_PROVIDER", value_enum)]
    pub provider: Option<ProviderKind>,
    /// Partner Center: the distributor's (partner) tenant id, for its access tokens
    #[arg(long, env = "KONTOR_PARTNER_CENTER_TENANT_ID")]
    pub partner_center_tenant_id: Option<String>,
    /// Partner Center: the Entra ID application (client) id Kontor is registered as; its
    /// secret comes from KONTOR_PARTNER_CENTER_APPLICATION_SECRET only
    #[arg(long, env = "KONTOR_PARTNER_CENTER_APPLICATION_ID")]
    pub partner_center_application_id: Option<String>,
    /// Partner Center: the API's address [default: https://api.partnercenter.microsoft.com]
    #[arg(long, env = "KONTOR_PARTNER_CENTER_API_URL")]
    pub partner_center_api_url: Option<String>,
    /// Partner Center: where access tokens come from [default: https://login.microsoftonline.com]
    #[arg(long, env = "KONTOR_PARTNER_CENTER_LOGIN_URL")]
    pub partner_center_login_url: Option<String>,
    /// File with the key that encrypts stored secrets (64 hex digits; created on first start
    /// when missing); KONTOR_SECRET_KEY gives the key itself instead [default: data/kontor.key]
    #[arg(long, env = "KONTOR_SECRET_KEY_FILE")]
    pub secret_key_file: Option<PathBuf>,
    /// Simulated provider: delay of every answer in milliseconds [default: 150]
    #[arg(long, env = "KONTOR_PROVIDER_SIM_LATENCY_MS")]
    pub provider_sim_latency_ms: Option<u64>,
    /// Simulated provider: seconds a new tenant takes to provision [default: 3]
    #[arg(long, env = "KONTOR_PROVIDER_SIM_PROVISIONING_SECS")]
    pub provider_sim_provisioning_secs: Option<u64>,
    /// Simulated provider: calls a second it allows before answering 429 [default: no limit]
    #[arg(long, env = "KONTOR_PROVIDER_SIM_RATE_LIMIT")]
    pub provider_sim_rate_limit: Option<u32>,
    /// Calls a second the provider allows; Kontor spaces its calls to keep to it (and always
    /// waits as long as a 429 asks) [default: no limit of its own]
    #[arg(long, env = "KONTOR_PROVIDER_RATE_LIMIT")]
    pub provider_rate_limit: Option<u32>,
    /// Minutes between two checks of a customer's partner status in the background [default: 1440]
    #[arg(long, env = "KONTOR_PARTNER_RECHECK_MINUTES")]
    pub partner_recheck_minutes: Option<u64>,
    /// Signups accepted from one client address per hour (at least 1) [default: 10]
    #[arg(long, env = "KONTOR_SIGNUPS_PER_HOUR")]
    pub signups_per_hour: Option<u32>,
    /// Reverse proxies (addresses or networks, comma-separated, e.g. "10.0.0.0/8, ::1") whose
    /// X-Forwarded-For or Forwarded header names the client [default: none, the TCP peer is the
    /// client]
    #[arg(long, env = "KONTOR_TRUSTED_PROXIES")]
    pub trusted_proxies: Option<String>,
    /// Largest order (net, whole euros) of a reseller that its customer number alone made
    /// active, until staff confirm the account [default: 1000]
    #[arg(long, env = "KONTOR_UNCONFIRMED_ORDER_LIMIT")]
    pub unconfirmed_order_limit: Option<u64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Pretty,
    Json,
}

/// The same settings as the flags, read from the optional file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    listen: Option<SocketAddr>,
    public_url: Option<String>,
    admin_email: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    mail_dir: Option<PathBuf>,
    site_root: Option<String>,
    log_format: Option<LogFormat>,
    log: Option<String>,
    max_body_bytes: Option<usize>,
    demo_data: Option<bool>,
    provider: Option<ProviderKind>,
    partner_center_tenant_id: Option<String>,
    partner_center_application_id: Option<String>,
    partner_center_api_url: Option<String>,
    partner_center_login_url: Option<String>,
    secret_key_file: Option<PathBuf>,
    provider_sim_latency_ms: Option<u64>,
    provider_sim_provisioning_secs: Option<u64>,
    provider_sim_rate_limit: Option<u32>,
    provider_rate_limit: Option<u32>,
    partner_recheck_minutes: Option<u64>,
    signups_per_hour: Option<u32>,
    trusted_proxies: Option<String>,
    unconfirmed_order_limit: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the config file {path} is not valid: {source}")]
    Parse {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("max_body_bytes must be at least 1024")]
    BodyLimitTooSmall,
    #[error("partner_recheck_minutes must be at least 1")]
    RecheckIntervalZero,
    #[error("signups_per_hour must be at least 1")]
    SignupLimitZero,
    #[error("trusted_proxies: {0}")]
    TrustedProxies(#[from] app::platform::client_address::NotANetwork),
    #[error(
        "provider = partner-center needs {0} (the secret from \
         KONTOR_PARTNER_CENTER_APPLICATION_SECRET only)"
    )]
    PartnerCenterIncomplete(&'static str),
    #[error("public_url must be an http:// or https:// address without a path, not {0:?}")]
    PublicUrl(String),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub listen: SocketAddr,
    pub public_url: PublicUrl,
    pub admin: AdminSettings,
    pub mail: MailSettings,
    pub site_root: String,
    pub log_format: LogFormat,
    pub log_filter: String,
    pub max_body_bytes: usize,
    pub demo_data: bool,
    pub provider: ProviderSettings,
    pub secrets: SecretSettings,
    /// How long a customer's partner status stands before the background job checks again.
    pub partner_recheck: Duration,
    pub signups_per_hour: u32,
    pub trusted_proxies: TrustedProxies,
    /// In cents.
    pub unconfirmed_order_limit_cents: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProviderKind {
    #[default]
    Simulator,
    PartnerCenter,
}

#[derive(Clone, Debug)]
pub struct ProviderSettings {
    pub kind: ProviderSettingsKind,
    /// Calls a second Kontor makes at most.
    pub rate_limit: Option<u32>,
}

#[derive(Clone, Debug)]
pub enum ProviderSettingsKind {
    Simulator {
        latency_ms: u64,
        provisioning_secs: u64,
        rate_limit: Option<u32>,
    },
    PartnerCenter {
        api_url: String,
        login_url: String,
        tenant_id: String,
        application_id: String,
        /// Environment only, like every secret.
        application_secret: Secret,
    },
}

#[derive(Clone, Debug)]
pub struct SecretSettings {
    /// The key itself, from `KONTOR_SECRET_KEY` (environment only).
    pub key: Option<Secret>,
    pub key_file: PathBuf,
}

impl Config {
    pub fn load(cli: Cli) -> Result<Config, ConfigError> {
        let file = match &cli.config {
            Some(path) => read_file(path)?,
            None => FileSettings::default(),
        };
        let max_body_bytes = cli
            .max_body_bytes
            .or(file.max_body_bytes)
            .unwrap_or(DEFAULT_MAX_BODY_BYTES);
        if max_body_bytes < 1024 {
            return Err(ConfigError::BodyLimitTooSmall);
        }
        let partner_recheck_minutes = cli
            .partner_recheck_minutes
            .or(file.partner_recheck_minutes)
            .unwrap_or(DEFAULT_PARTNER_RECHECK_MINUTES);
        if partner_recheck_minutes == 0 {
            return Err(ConfigError::RecheckIntervalZero);
        }
        let signups_per_hour = cli
            .signups_per_hour
            .or(file.signups_per_hour)
            .unwrap_or(DEFAULT_SIGNUPS_PER_HOUR);
        if signups_per_hour == 0 {
            return Err(ConfigError::SignupLimitZero);
        }
        let provider_kind = match cli.provider.or(file.provider).unwrap_or_default() {
            ProviderKind::Simulator => ProviderSettingsKind::Simulator {
                latency_ms: cli
                    .provider_sim_latency_ms
                    .or(file.provider_sim_latency_ms)
                    .unwrap_or(DEFAULT_SIM_LATENCY_MS),
                provisioning_secs: cli
                    .provider_sim_provisioning_secs
                    .or(file.provider_sim_provisioning_secs)
                    .unwrap_or(DEFAULT_SIM_PROVISIONING_SECS),
                rate_limit: cli.provider_sim_rate_limit.or(file.provider_sim_rate_limit),
            },
            ProviderKind::PartnerCenter => ProviderSettingsKind::PartnerCenter {
                api_url: cli
                    .partner_center_api_url
                    .or(file.partner_center_api_url)
                    .unwrap_or_else(|| app::platform::provider::partner_center::API_URL.to_owned()),
                login_url: cli
                    .partner_center_login_url
                    .or(file.partner_center_login_url)
                    .unwrap_or_else(|| {
                        app::platform::provider::partner_center::LOGIN_URL.to_owned()
                    }),
                tenant_id: cli
                    .partner_center_tenant_id
                    .or(file.partner_center_tenant_id)
                    .ok_or(ConfigError::PartnerCenterIncomplete(
                        "partner_center_tenant_id",
                    ))?,
                application_id: cli
                    .partner_center_application_id
                    .or(file.partner_center_application_id)
                    .ok_or(ConfigError::PartnerCenterIncomplete(
                        "partner_center_application_id",
                    ))?,
                application_secret: std::env::var("KONTOR_PARTNER_CENTER_APPLICATION_SECRET")
                    .ok()
                    .filter(|s| !s.is_empty())
                    .map(Secret)
                    .ok_or(ConfigError::PartnerCenterIncomplete(
                        "KONTOR_PARTNER_CENTER_APPLICATION_SECRET",
                    ))?,
            },
        };
        let trusted_proxies = TrustedProxies::parse(
            cli.trusted_proxies
                .or(file.trusted_proxies)
                .as_deref()
                .unwrap_or_default(),
        )?;
        Ok(Config {
            database_url: DatabaseUrl(
                cli.database_url
                    .or(file.database_url)
                    .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            ),
            listen: cli.listen.or(file.listen).unwrap_or(DEFAULT_LISTEN),
            public_url: PublicUrl::parse(
                cli.public_url
                    .or(file.public_url)
                    .as_deref()
                    .unwrap_or(DEFAULT_PUBLIC_URL),
            )?,
            admin: AdminSettings {
                email: cli
                    .admin_email
                    .or(file.admin_email)
                    .unwrap_or_else(|| DEFAULT_ADMIN_EMAIL.to_owned()),
                // A password belongs in neither a flag (visible to every process) nor a file.
                password: std::env::var("KONTOR_ADMIN_PASSWORD").ok().map(Secret),
            },
            mail: MailSettings {
                smtp_url: cli.smtp_url.or(file.smtp_url).map(Secret),
                from: cli
                    .mail_from
                    .or(file.mail_from)
                    .unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned()),
                folder: cli
                    .mail_dir
                    .or(file.mail_dir)
                    .unwrap_or_else(|| PathBuf::from(DEFAULT_MAIL_DIR)),
            },
            site_root: cli
                .site_root
                .or(file.site_root)
                .unwrap_or_else(|| DEFAULT_SITE_ROOT.to_owned()),
            log_format: cli.log_format.or(file.log_format).unwrap_or_default(),
            log_filter: cli.log.or(file.log).unwrap_or_else(|| "info".to_owned()),
            max_body_bytes,
            demo_data: cli.demo_data.or(file.demo_data).unwrap_or(false),
            provider: ProviderSettings {
                kind: provider_kind,
                rate_limit: cli.provider_rate_limit.or(file.provider_rate_limit),
            },
            secrets: SecretSettings {
                key: std::env::var("KONTOR_SECRET_KEY").ok().map(Secret),
                key_file: cli
                    .secret_key_file
                    .or(file.secret_key_file)
                    .unwrap_or_else(|| PathBuf::from(DEFAULT_SECRET_KEY_FILE)),
            },
            partner_recheck: Duration::from_secs(partner_recheck_minutes * 60),
            signups_per_hour,
            trusted_proxies,
            unconfirmed_order_limit_cents: cli
                .unconfirmed_order_limit
                .or(file.unconfirmed_order_limit)
                .unwrap_or(DEFAULT_UNCONFIRMED_ORDER_LIMIT_EUR)
                .saturating_mul(100)
                .min(i64::MAX as u64) as i64,
        })
    }
}

fn read_file(path: &PathBuf) -> Result<FileSettings, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.clone(),
        source,
    })?;
    toml::from_str(&text).map_err(|source| ConfigError::Parse {
        path: path.clone(),
        source: Box::new(source),
    })
}

#[derive(Clone, Debug)]
pub struct MailSettings {
    /// May carry a password: never printed.
    pub smtp_url: Option<Secret>,
    pub from: String,
    pub folder: PathBuf,
}

#[derive(Clone, Debug)]
pub struct AdminSettings {
    pub email: String,
    pub password: Option<Secret>,
}

/// A value that must never be printed.
#[derive(Clone)]
pub struct Secret(pub String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Where users reach Kontor, e.g. `https://portal.example.de`: an origin without a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    pub fn parse(text: &str) -> Result<PublicUrl, ConfigError> {
        let invalid = || ConfigError::PublicUrl(text.to_owned());
        let uri: axum::http::Uri = text.parse().map_err(|_| invalid())?;
        let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
        let path_ok = matches!(uri.path(), "" | "/") && uri.query().is_none();
        if !scheme_ok || uri.host().is_none_or(str::is_empty) || !path_ok {
            return Err(invalid());
        }
        Ok(PublicUrl(text.trim_end_matches('/').to_owned()))
    }

    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A database URL may carry a password: it is printed only with the password masked.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = &self.0;
        let masked = url.split_once("://").and_then(|(scheme, rest)| {
            let (userinfo, host) = rest.split_once('@')?;
            let (user, _password) = userinfo.split_once(':')?;
            Some(format!("{scheme}://{user}:***@{host}"))
        });
        f.write_str(masked.as_deref().unwrap_or(url))
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cli(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("kontor").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn passwords_in_database_urls_are_never_printed() {
        let url = DatabaseUrl("postgres://kontor:s3cret@db.internal:5432/kontor".into());
        assert_eq!(
            url.to_string(),
            "postgres://kontor:***@db.internal:5432/kontor"
        );
        assert!(!format!("{url:?}").contains("s3cret"));
        assert_eq!(
            DatabaseUrl("sqlite://data/kontor.db".into()).to_string(),
            "sqlite://data/kontor.db"
        );
    }

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kontor.toml");
        std::fs::write(
            &path,
            "listen = \"127.0.0.1:4000\"\nlog_format = \"json\"\nmax_body_bytes = 2048\n",
        )
        .unwrap();
        let path = path.to_str().unwrap();

        let config = Config::load(cli(&["--config", path, "--listen", "127.0.0.1:5000"])).unwrap();
        assert_eq!(config.listen.port(), 5000);
        assert_eq!(config.log_format, LogFormat::Json);
        assert_eq!(config.max_body_bytes, 2048);
    }

    #[test]
    fn settings_that_would_break_the_portal_are_refused_at_start() {
        assert!(matches!(
            Config::load(cli(&["--signups-per-hour", "0"])),
            Err(ConfigError::SignupLimitZero)
        ));
        // No test sets KONTOR_PARTNER_CENTER_APPLICATION_SECRET: Partner Center without
        // its tenant, its application or the application's secret.
        assert!(matches!(
            Config::load(cli(&["--provider", "partner-center"])),
            Err(ConfigError::PartnerCenterIncomplete(
                "partner_center_tenant_id"
            ))
        ));
        assert!(matches!(
            Config::load(cli(&[
                "--provider",
                "partner-center",
                "--partner-center-tenant-id",
                "11111111-2222-3333-4444-555555555555",
                "--partner-center-application-id",
                "kontor",
            ])),
            Err(ConfigError::PartnerCenterIncomplete(
                "KONTOR_PARTNER_CENTER_APPLICATION_SECRET"
            ))
        ));
        assert!(matches!(
            Config::load(cli(&["--trusted-proxies", "10.0.0.0/8, proxy"])),
            Err(ConfigError::TrustedProxies(_))
        ));
        let behind = Config::load(cli(&["--trusted-proxies", "10.0.0.0/8"])).unwrap();
        assert_ne!(behind.trusted_proxies, TrustedProxies::default());
    }

    #[test]
    fn the_public_url_is_an_origin() {
        let url = PublicUrl::parse("https://portal.example.de/").unwrap();
        assert_eq!(url.as_str(), "https://portal.example.de");
        assert!(url.is_https());
        assert!(!PublicUrl::parse("http://127.0.0.1:3000")
            .unwrap()
            .is_https());
        for bad in [
            "portal.example.de",
            "ftp://x.de",
            "https://x.de/portal",
            "https://",
            "",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_keys_in_the_file_are_an_error_not_silently_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kontor.toml");
        std::fs::write(&path, "databse_url = \"sqlite://x.db\"\n").unwrap();
        let error = Config::load(cli(&["--config", path.to_str().unwrap()])).unwrap_err();
        assert!(matches!(error, ConfigError::Parse { .. }), "{error}");
    }
}
