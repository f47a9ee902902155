//! The HTTP surface: probes, the language switch, and the Leptos pages and server functions
//! (`/api/…`, registered by `leptos_routes_with_context`), with the middleware every request
//! passes through.

use crate::background::WorkerHealth;
use crate::body_limit::{self, BodyLimit};
use crate::provider::Provider;
use crate::security_headers::{self, Hsts};
use crate::{
    assets, cross_site, current_session, error_pages, health, language, price_list, telemetry,
    uploads,
};
use app::platform::client_address::TrustedProxies;
use app::platform::installation::{self, InstalledAt};
use app::platform::rate_limit::Limits;
use app::platform::request::{LinkBase, SecureCookies};
use app::platform::{sealing::SealingKey, Database, DbError};
use app::resellers::server::UnconfirmedOrderLimit;
use app::{shell, App};
use axum::extract::FromRef;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::OnceLock;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Database,
    pub installed_at: InstalledAt,
}

impl AppState {
    /// The state over an opened database (`startup::open_database`), with what never changes
    /// read once instead of on every page.
    pub async fn load(leptos_options: LeptosOptions, db: Database) -> Result<AppState, DbError> {
        let installed_at = installation::installed_at(&db).await?;
        Ok(AppState {
            leptos_options,
            db,
            installed_at,
        })
    }
}

pub struct RouterSettings {
    pub max_body_bytes: usize,
    /// How long a request's body may take to arrive (`serve::BODY_READ_TIMEOUT`).
    pub body_read_timeout: std::time::Duration,
    /// Signups from one client address per hour.
    pub signups_per_hour: u32,
    /// Behind HTTPS: browsers are told to use nothing else (HSTS).
    pub https: bool,
    /// Where users reach the portal, for the links in mails.
    pub public_url: String,
    /// The provider, and the simulator's pages to mount when it is the simulator.
    pub provider: Provider,
    pub sealing_key: SealingKey,
    /// The background workers' heartbeats, for `/readyz`.
    pub workers: WorkerHealth,
    /// The proxies whose forwarded client address is believed.
    pub trusted_proxies: TrustedProxies,
    /// What a company its customer number alone made active may order (net, cents).
    pub unconfirmed_order_limit_cents: i64,
}

/// The app's routes, worked out once per process. Generating them switches off resource
/// loading process-wide for a moment (leptos-rs/leptos#4773): a page rendered meanwhile, on
/// another thread, would wait forever. Once, before any router serves, it cannot overlap.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState, settings: RouterSettings) -> Router {
    let routes = route_list();
    // What pages and server functions find in their context.
    let page_context = {
        let db = state.db.clone();
        let limits = Limits::with_signups_per_hour(settings.signups_per_hour);
        let link_base = LinkBase(settings.public_url.into());
        let secure_cookies = SecureCookies(settings.https);
        let provider = settings.provider.shared.clone();
        let sealing_key = settings.sealing_key.clone();
        let trusted_proxies = settings.trusted_proxies.clone();
        let order_limit = UnconfirmedOrderLimit(settings.unconfirmed_order_limit_cents);
        let installed_at = state.installed_at;
        move || {
            security_headers::set_page_policy();
            provide_context(installed_at);
            provide_context(trusted_proxies.clone());
            provide_context(order_limit);
            provide_context(db.clone());
            provide_context(limits);
            provide_context(link_base.clone());
            provide_context(secure_cookies);
            provide_context(provider.clone());
            provide_context(sealing_key.clone());
        }
    };
    let render_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };

    let simulator = match &settings.provider.simulator {
        Some(simulator) => Router::new().nest(
            kontor_provider_sim::MOUNT,
            kontor_provider_sim::pages::router(simulator.clone()),
        ),
        None => Router::new(),
    };
    Router::new()
        .merge(simulator)
        .route("/healthz", get(health::live))
        .merge(
            Router::new()
                .route("/readyz", get(health::ready))
                .with_state(health::Probed {
                    db: state.db.clone(),
                    workers: settings.workers,
                    provider: settings.provider.health.clone(),
                }),
        )
        .route("/language", post(language::switch))
        .route("/price-list.csv", get(price_list::download))
        .merge(assets::router(&state.leptos_options.site_root))
        .leptos_routes_with_context(&state, routes, page_context.clone(), render_shell.clone())
        // Any other address is the app's own 404 page, rendered whole like every page.
        .fallback(leptos_axum::render_app_async_with_context(
            page_context,
            render_shell,
        ))
        .layer(
            // Outermost first: every request gets an id, then a span, then the rest.
            ServiceBuilder::new()
                .layer(telemetry::set_request_id())
                .layer(telemetry::propagate_request_id())
                .layer(telemetry::trace())
                .layer(middleware::from_fn_with_state(
                    Hsts(settings.https),
                    security_headers::add,
                ))
                .layer(middleware::from_fn(error_pages::friendly))
                .layer(CatchPanicLayer::custom(error_pages::panic_response))
                .layer(middleware::from_fn(cross_site::refuse_cross_site))
                .layer(middleware::from_fn(uploads::refuse_what_is_no_upload))
                .layer(middleware::from_fn_with_state(
                    state.db.clone(),
                    current_session::load,
                ))
                .layer(middleware::from_fn_with_state(
                    BodyLimit {
                        max_bytes: settings.max_body_bytes,
                        read_timeout: settings.body_read_timeout,
                    },
                    body_limit::read_whole_body,
                )),
        )
        .with_state(state)
}
