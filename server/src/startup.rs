//! From configuration to a listening server.

use crate::background::WorkerHealth;
use crate::config::Config;
use crate::config::MailSettings;
use crate::demo_data;
use crate::first_admin::{self, FirstAdminError};
use crate::mail_worker;
use crate::router::{router, AppState, RouterSettings};
use app::partner_status::server::recheck::Rechecker;
use app::platform::{
    installation, mail::transport::MailConfigError, mail::MailTransport, request::LinkBase,
    unix_now, Database, DbError,
};
use leptos::config::errors::LeptosConfigError;
use leptos::config::get_configuration;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("Leptos settings: {0}")]
    Leptos(#[from] LeptosConfigError),
    #[error("database: {0}")]
    Database(#[from] DbError),
    #[error("first admin: {0}")]
    FirstAdmin(#[from] FirstAdminError),
    #[error("demo data: {0}")]
    DemoData(#[from] crate::demo_data::SeedError),
    #[error("secret key: {0}")]
    SecretKey(#[from] crate::secret_key::SecretKeyError),
    #[error("mail: {0}")]
    Mail(#[from] MailConfigError),
    #[error("the simulated provider's tables: {0}")]
    Simulator(#[from] sqlx::Error),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
}

/// Connects, migrates and records the first start: the database is ready when this returns.
pub async fn open_database(url: &str) -> Result<Database, DbError> {
    let db = Database::connect(url).await?;
    db.migrate().await?;
    installation::record_first_start(&db, unix_now()).await?;
    Ok(db)
}

pub async fn run(config: Config) -> Result<(), StartError> {
    tracing::info!(database = %config.database_url, "opening the database");
    // Held until the server stops: a second process on the same SQLite file is refused.
    let _sqlite_file = app::platform::hold_sqlite_file(config.database_url.expose())?;
    let db = open_database(config.database_url.expose()).await?;
    let on_sqlite = db.backend() == app::platform::Backend::Sqlite;
    let sealing_key = crate::secret_key::load(&config.secrets, on_sqlite)?;
    first_admin::ensure(&db, &config.admin, unix_now()).await?;

    let provider =
        crate::provider::connect(&config.provider, &db, config.public_url.as_str()).await?;
    if config.demo_data {
        demo_data::seed(&db, provider.simulator.as_ref()).await?;
    }
    let (stop_workers, workers_stopping) = tokio::sync::watch::channel(false);
    let health = WorkerHealth::default();
    // How long a pass may take before `/readyz` reports the worker: a mail pass sends up to
    // 20 mails, each within the SMTP timeout; a partner pass checks every due customer.
    let minutes = |m: u64| std::time::Duration::from_secs(m * 60);
    let workers = [
        tokio::spawn(mail_worker::run(
            db.clone(),
            mail_transport(&config.mail)?,
            health.register("mail", minutes(15)),
            workers_stopping.clone(),
        )),
        tokio::spawn(crate::provider_worker::run(
            db.clone(),
            crate::provider_worker::job_kinds(
                &provider.shared,
                &sealing_key,
                &LinkBase(config.public_url.as_str().into()),
            ),
            health.register("provider jobs", minutes(15)),
            workers_stopping.clone(),
        )),
        tokio::spawn(crate::partner_worker::run(
            db.clone(),
            Rechecker::new(provider.shared.clone(), config.partner_recheck),
            provider.clone(),
            health.register("partner status", minutes(120)),
            workers_stopping.clone(),
        )),
        tokio::spawn(crate::housekeeping_worker::run(
            db.clone(),
            health.register("housekeeping", minutes(3 * 60)),
            workers_stopping,
        )),
    ];

    let mut leptos_options = get_configuration(None)?.leptos_options;
    leptos_options.site_addr = config.listen;
    leptos_options.site_root = config.site_root.into();
    let state = AppState::load(leptos_options, db.clone()).await?;
    let app = router(
        state,
        RouterSettings {
            max_body_bytes: config.max_body_bytes,
            body_read_timeout: crate::serve::BODY_READ_TIMEOUT,
            signups_per_hour: config.signups_per_hour,
            https: config.public_url.is_https(),
            public_url: config.public_url.as_str().to_owned(),
            provider,
            sealing_key,
            workers: health,
            trusted_proxies: config.trusted_proxies,
            unconfirmed_order_limit_cents: config.unconfirmed_order_limit_cents,
        },
    );

    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            addr: config.listen,
            source,
        })?;
    tracing::info!(
        "Kontor is listening on http://{} (users reach it at {})",
        config.listen,
        config.public_url.as_str()
    );
    crate::serve::serve(listener, app, Default::default(), shutdown_signal()).await;
    // Let the workers finish what they are doing before the pool closes.
    let _ = stop_workers.send(true);
    for worker in workers {
        let _ = worker.await;
    }
    db.close().await;
    tracing::info!("Kontor stopped cleanly");
    Ok(())
}

fn mail_transport(settings: &MailSettings) -> Result<MailTransport, MailConfigError> {
    match &settings.smtp_url {
        Some(url) => {
            tracing::info!("mail goes out through SMTP");
            MailTransport::smtp(url.expose(), &settings.from)
        }
        None => {
            tracing::info!(
                folder = %settings.folder.display(),
                "no SMTP server configured: mails are saved as files and their links logged"
            );
            MailTransport::folder(settings.folder.clone(), &settings.from)
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
