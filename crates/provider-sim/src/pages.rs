//! The pages a customer's admin sees, as the vendor's admin centre would show them. An
//! invitation link names only the indirect reseller (like Partner Center's, it is the same
//! for every customer), so the admin signs in first — the address's domain is the tenant —
//! then accepts. Under `/partners` the admin sees the tenant's partners and may remove one.
//! Plain HTML forms without scripts or styles: it is the vendor's page, not Kontor's.

use crate::Simulator;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// The pages, to be nested under [`crate::MOUNT`] in a router of any state.
pub fn router<S: Clone + Send + Sync + 'static>(simulator: Simulator) -> Router<S> {
    Router::new()
        .route(
            "/invitations/{token}",
            get(invitation).post(sign_in_or_accept),
        )
        .route("/partners", get(partners_sign_in).post(partners))
        .with_state(simulator)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><p><em>Simulierter Anbieter · Simulated \
         provider</em></p><h1>{title}</h1>{body}</main></body></html>"
    ))
}

fn failed(error: sqlx::Error) -> Response {
    tracing::error!(%error, "simulated provider: database error");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

fn unknown() -> Response {
    (
        StatusCode::NOT_FOUND,
        page(
            "Einladung unbekannt",
            "<p>Diese Einladung gibt es nicht.</p>",
        ),
    )
        .into_response()
}

async fn invitation(State(sim): State<Simulator>, Path(token): Path<String>) -> Response {
    match sim.invited_reseller(&token).await {
        Ok(Some(reseller)) => page(
            "Partner-Einladung",
            &format!(
                "<p>Ein Partner (indirekter Reseller, Microsoft-ID <code>{}</code>) lädt Ihren \
                 Microsoft-Mandanten ein. Melden Sie sich als globaler Administrator Ihres \
                 Mandanten an.</p>\
                 <form method=\"post\">{SIGN_IN_FIELDS}\
                 <p><button type=\"submit\">Anmelden</button></p></form>",
                escape(&reseller)
            ),
        )
        .into_response(),
        Ok(None) => unknown(),
        Err(error) => failed(error),
    }
}

/// The signed-in admin's tenant (the address's domain), if the sign-in can be one.
fn tenant_of(email: &str, password: &str) -> Option<String> {
    let email = email.trim().to_ascii_lowercase();
    email
        .split_once('@')
        .map(|(_, domain)| domain.to_owned())
        .filter(|d| d.contains('.') && !password.is_empty())
}

fn sign_in_refused() -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        page(
            "Anmeldung fehlgeschlagen",
            "<p>Bitte melden Sie sich mit der Adresse und dem Kennwort eines globalen \
             Administrators Ihres Mandanten an.</p>",
        ),
    )
        .into_response()
}

const SIGN_IN_FIELDS: &str = "<p><label for=\"email\">E-Mail-Adresse des globalen \
     Administrators</label><br><input id=\"email\" name=\"email\" type=\"email\" \
     required></p><p><label for=\"password\">Kennwort</label><br><input id=\"password\" \
     name=\"password\" type=\"password\" required></p>";

async fn partners_sign_in() -> Response {
    page(
        "Partnerbeziehungen",
        &format!(
            "<p>Die Partner Ihres Microsoft-Mandanten. Melden Sie sich als globaler \
             Administrator an.</p><form method=\"post\">{SIGN_IN_FIELDS}\
             <p><button type=\"submit\">Anmelden</button></p></form>"
        ),
    )
    .into_response()
}

#[derive(serde::Deserialize)]
struct PartnerChange {
    email: String,
    password: String,
    #[serde(default)]
    remove: Option<String>,
}

/// The tenant's partners, each with a button that removes it.
async fn partners(State(sim): State<Simulator>, Form(change): Form<PartnerChange>) -> Response {
    let Some(domain) = tenant_of(&change.email, &change.password) else {
        return sign_in_refused();
    };
    if let Some(partner) = &change.remove {
        if let Err(error) = sim.unlink_indirect_reseller(&domain, partner).await {
            return failed(error);
        }
    }
    let partners = match sim.partners_of(&domain).await {
        Ok(partners) => partners,
        Err(error) => return failed(error),
    };
    let hidden = format!(
        "<input type=\"hidden\" name=\"email\" value=\"{}\">\
         <input type=\"hidden\" name=\"password\" value=\"{}\">",
        escape(&change.email),
        escape(&change.password)
    );
    let rows: String = partners
        .iter()
        .map(|partner| {
            let partner = escape(partner);
            format!(
                "<li><code>{partner}</code> (indirekter Reseller) <form method=\"post\">\
                 {hidden}<input type=\"hidden\" name=\"remove\" value=\"{partner}\">\
                 <button type=\"submit\">Partner {partner} entfernen</button></form></li>"
            )
        })
        .collect();
    let list = if rows.is_empty() {
        "<p>Keine indirekten Reseller.</p>".to_owned()
    } else {
        format!("<ul>{rows}</ul>")
    };
    page(
        "Partnerbeziehungen",
        &format!("<p>Mandant <strong>{}</strong></p>{list}", escape(&domain)),
    )
    .into_response()
}

#[derive(serde::Deserialize)]
struct SignIn {
    email: String,
    password: String,
    #[serde(default)]
    accept: Option<String>,
}

/// Signed in: what the tenant is asked to accept, then (with `accept`) accepting it — the
/// distributor becomes the tenant's reseller if it is not yet, and the indirect reseller is
/// linked.
async fn sign_in_or_accept(
    State(sim): State<Simulator>,
    Path(token): Path<String>,
    Form(sign_in): Form<SignIn>,
) -> Response {
    let reseller = match sim.invited_reseller(&token).await {
        Ok(Some(reseller)) => reseller,
        Ok(None) => return unknown(),
        Err(error) => return failed(error),
    };
    let email = sign_in.email.trim().to_ascii_lowercase();
    let Some(domain) = tenant_of(&email, &sign_in.password) else {
        return sign_in_refused();
    };
    let customer_already = match sim.is_customer(&domain).await {
        Ok(known) => known,
        Err(error) => return failed(error),
    };
    let (title, done, role) = if customer_already {
        (
            "Indirekten Reseller bestätigen",
            "Bestätigt",
            "indirekter Reseller",
        )
    } else {
        ("CSP autorisieren", "Autorisiert", "Reseller")
    };
    let (domain_html, reseller_html) = (escape(&domain), escape(&reseller));
    if sign_in.accept.is_none() {
        let request = if customer_already {
            format!(
                "Ihr Partner (Microsoft-ID <code>{reseller_html}</code>) bittet darum, als \
                 indirekter Reseller für <strong>{domain_html}</strong> eingetragen zu werden."
            )
        } else {
            format!(
                "Ihr Partner bittet darum, als Reseller für <strong>{domain_html}</strong> tätig \
                 zu werden und die delegierte Administration zu übernehmen, mit dem indirekten \
                 Reseller (Microsoft-ID <code>{reseller_html}</code>)."
            )
        };
        return page(
            title,
            &format!(
                "<p>Angemeldet als {}.</p><p>{request}</p><form method=\"post\">\
                 <input type=\"hidden\" name=\"email\" value=\"{}\">\
                 <input type=\"hidden\" name=\"password\" value=\"{}\">\
                 <input type=\"hidden\" name=\"accept\" value=\"1\">\
                 <p><button type=\"submit\">{title}</button></p></form>",
                escape(&email),
                escape(&email),
                escape(&sign_in.password)
            ),
        )
        .into_response();
    }
    match sim.link_indirect_reseller(&domain, &reseller).await {
        Ok(()) => page(
            done,
            &format!(
                "<p>Ihr Partner ist jetzt {role} für <strong>{domain_html}</strong>. Sie können \
                 dieses Fenster schließen.</p>"
            ),
        )
        .into_response(),
        Err(error) => failed(error),
    }
}
