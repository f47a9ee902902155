//! The access token for Partner Center: OAuth 2.0 client credentials against Microsoft Entra
//! ID (`{login}/{partner tenant}/oauth2/v2.0/token`), kept until shortly before it expires and
//! then fetched again — once, for every caller waiting for it. A token the API refuses (401)
//! is dropped, so the next call fetches a new one.

use crate::ProviderError;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// What Partner Center's tokens are for.
pub const SCOPE: &str = "https://api.partnercenter.microsoft.com/.default";

pub struct TokenSource {
    http: reqwest::Client,
    url: String,
    client_id: String,
    secret: String,
    /// Held while a token is fetched: callers arriving meanwhile wait for that one.
    current: Mutex<Option<Token>>,
}

struct Token {
    value: Arc<str>,
    refresh_at: Instant,
}

#[derive(serde::Deserialize)]
struct Answer {
    access_token: String,
    expires_in: u64,
}

#[derive(serde::Deserialize)]
struct Refusal {
    #[serde(default)]
    error: String,
    #[serde(default)]
    error_description: String,
}

impl TokenSource {
    pub fn new(
        http: reqwest::Client,
        login_url: &str,
        tenant: &str,
        client_id: &str,
        secret: &str,
    ) -> TokenSource {
        TokenSource {
            http,
            url: format!(
                "{}/{tenant}/oauth2/v2.0/token",
                login_url.trim_end_matches('/')
            ),
            client_id: client_id.to_owned(),
            secret: secret.to_owned(),
            current: Mutex::new(None),
        }
    }

    /// A token that is still good.
    pub async fn token(&self) -> Result<Arc<str>, ProviderError> {
        let mut current = self.current.lock().await;
        if let Some(token) = current.as_ref().filter(|t| Instant::now() < t.refresh_at) {
            return Ok(token.value.clone());
        }
        let token = self.fetch().await?;
        let value = token.value.clone();
        *current = Some(token);
        Ok(value)
    }

    /// The API refused `used`: the next call fetches a new one (unless another caller has
    /// done so already).
    pub async fn refused(&self, used: &str) {
        let mut current = self.current.lock().await;
        if current.as_ref().is_some_and(|t| &*t.value == used) {
            *current = None;
        }
    }

    async fn fetch(&self) -> Result<Token, ProviderError> {
        let fetched_at = Instant::now();
        let response = self
            .http
            .post(&self.url)
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", self.client_id.as_str()),
                ("client_secret", self.secret.as_str()),
                ("scope", SCOPE),
            ])
            .send()
            .await
            .map_err(|e| {
                ProviderError::Unavailable(format!("the token endpoint: {}", e.without_url()))
            })?;
        let status = response.status();
        if !status.is_success() {
            let refusal: Option<Refusal> = response.json().await.ok();
            let (error, description) = refusal
                .map(|r| (r.error, r.error_description))
                .unwrap_or_default();
            // Wrong credentials change nothing a retry could: loud, but transient for the
            // job (an operator fixes the configuration, the job goes on).
            tracing::error!(%status, %error, %description, "Entra ID gives Kontor no token");
            return Err(ProviderError::Unavailable(format!(
                "the token endpoint answered {status} {error}"
            )));
        }
        let answer: Answer = response.json().await.map_err(|e| {
            ProviderError::Unavailable(format!("an unreadable token: {}", e.without_url()))
        })?;
        // Fetched again a little before it expires: 5 minutes early, or a tenth of a short
        // lifetime.
        let lifetime = Duration::from_secs(answer.expires_in);
        let margin = (lifetime / 10).min(Duration::from_secs(300));
        Ok(Token {
            value: answer.access_token.into(),
            refresh_at: fetched_at + lifetime - margin,
        })
    }
}
