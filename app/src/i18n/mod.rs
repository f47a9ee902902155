//! Languages: German first, English second.
//!
//! The locale is chosen once per request — the `kontor_lang` cookie if the user picked one,
//! otherwise the browser's `Accept-Language`, otherwise German — and written into
//! `<html lang>`, from where the browser side reads it back when it hydrates.

/// The named arguments of texts whose arguments are all strings:
/// `text_args! { Recipient { name, email } }` declares
/// `pub struct Recipient<'a> { pub name: &'a str, pub email: &'a str }`. A call names each
/// value (`(t.send_intro)(Recipient { name, email })`), so two values cannot trade places
/// unnoticed the way two positional `&str`s can.
macro_rules! text_args {
    ($($(#[$attr:meta])* $name:ident { $($field:ident),+ })*) => {
        $(
            $(#[$attr])*
            pub struct $name<'a> {
                $(pub $field: &'a str,)+
            }
        )*
    };
}

mod accounts;
mod admin;
mod agreements;
mod announcements;
mod audit_log;
mod cart;
mod catalog_admin;
mod catalogue;
mod customers;
mod dashboard;
mod format;
mod orders;
mod partner;
mod prices;
mod products;
mod provider;
mod registry;
mod subscriptions;
mod tenants;

pub use accounts::AccountTexts;
#[cfg(feature = "ssr")]
pub use accounts::NewAccount;
pub use admin::AdminTexts;
#[cfg(feature = "ssr")]
pub use agreements::AcceptedBy;
pub use agreements::{
    Acceptance, AcceptedOnBy, AgreementParties, AgreementTexts, AskReseller, Attestation, LinkSent,
    Recipient, Signer,
};
pub use announcements::{AnnouncementTexts, MaintenanceBanner, MaintenanceWindow};
pub use audit_log::AuditLogTexts;
pub use cart::{CartTexts, PriceChange, YearlyAmount};
pub use catalog_admin::{CatalogAdminTexts, CategoryNamed, PricesBeforeAfter, ProductNamed};
pub use catalogue::Texts;
pub use customers::{CustomerTexts, PageOf};
pub use dashboard::DashboardTexts;
pub use format::{format_date, format_date_time, format_day, format_money, format_number};
#[cfg(feature = "ssr")]
pub use orders::{FailedOrder, PlacedOrder};
pub use orders::{OrderFor, OrderTexts, PlacedOrderAudit, SeatCost, SeatsOrderName};
pub use partner::{MpaAcceptedBy, MpaRefused, PartnerIds, PartnerTexts};
pub use prices::{headline_price, price_rows, price_summary};
pub use products::{ProductTexts, SeatRange};
pub use provider::ProviderTexts;
pub use registry::{ColumnCount, ImportCounts, ImportedEntries, RegistryEntry, RegistryTexts};
#[cfg(feature = "ssr")]
pub use subscriptions::{ChangeMail, FailedChangeMail, ProductOfCustomer};
pub use subscriptions::{
    ClosedWindow, FailedChange, OpenWindow, SubscriptionChange, SubscriptionTexts, TimeLeft,
};
pub use tenants::TenantTexts;

text_args! {
    #[cfg(feature = "ssr")]
    Invitation { reseller, domain }
}

/// A mail that asks a customer's admin to confirm a relationship at the provider through its
/// link: the subject (naming the reseller), the request, the button and the steps.
#[cfg(feature = "ssr")]
pub struct InvitationMailTexts {
    pub subject: fn(&str) -> String,
    pub text: fn(Invitation<'_>) -> String,
    pub action: &'static str,
    pub steps: &'static str,
}

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    De,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::De, Locale::En];
    /// Remembers the user's choice; readable by scripts on purpose, it holds nothing secret.
    pub const COOKIE: &'static str = "kontor_lang";

    pub fn code(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::De => &catalogue::DE,
            Locale::En => &catalogue::EN,
        }
    }

    /// Parses a language tag such as `de`, `DE-at` or `en-GB` by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        if primary.eq_ignore_ascii_case("de") {
            Some(Locale::De)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The supported language with the highest quality in an `Accept-Language` header
    /// (the first one listed wins a tie; `q=0` means "not this one").
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, f32)> = None;
        for entry in header.split(',') {
            let mut parts = entry.split(';');
            let Some(locale) = parts.next().and_then(Locale::from_tag) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
                best = Some((locale, quality));
            }
        }
        best.map(|(locale, _)| locale)
    }

    /// The value of the language cookie in a `Cookie` header, if it names a supported language.
    pub fn from_cookie_header(header: &str) -> Option<Locale> {
        crate::cookies::cookie_value(header, Self::COOKIE).and_then(Locale::from_tag)
    }

    /// The user's explicit choice beats the browser's wish; German when neither helps.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        cookie
            .and_then(Locale::from_cookie_header)
            .or_else(|| accept_language.and_then(Locale::from_accept_language))
            .unwrap_or_default()
    }

    /// The `Set-Cookie` value that remembers this choice for a year.
    pub fn cookie(self) -> &'static str {
        match self {
            Locale::De => "kontor_lang=de; Path=/; Max-Age=31536000; SameSite=Lax",
            Locale::En => "kontor_lang=en; Path=/; Max-Age=31536000; SameSite=Lax",
        }
    }
}

/// The locale a request asks for, from its `Cookie` and `Accept-Language` headers.
#[cfg(feature = "ssr")]
pub fn locale_of_headers(headers: &axum::http::HeaderMap) -> Locale {
    use axum::http::header;
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    Locale::negotiate(header(header::COOKIE), header(header::ACCEPT_LANGUAGE))
}

/// The locale the shell provided to the page; in an island in the browser (which sees no
/// context from the server's views) the page's `<html lang>`. Reads the request again rather
/// than panicking when the context is gone: Leptos may still poll a page's pending parts after
/// the client went away and the page's owner went with it (leptos-rs/leptos#3595).
pub fn use_locale() -> Locale {
    leptos::prelude::use_context::<Locale>().unwrap_or_else(current_locale)
}

/// The locale of the page being rendered: on the server from the request, in the browser
/// from `<html lang>` (which the server wrote), so both render the same text.
pub fn current_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::with_context;
        with_context::<axum::http::request::Parts, _>(|parts| locale_of_headers(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|lang| Locale::from_tag(&lang))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Locale::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        assert_eq!(Locale::from_tag("de"), Some(Locale::De));
        assert_eq!(Locale::from_tag(" DE-at "), Some(Locale::De));
        assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn accept_language_picks_the_best_supported_quality() {
        assert_eq!(
            Locale::from_accept_language("fr-FR, en;q=0.8, de;q=0.9"),
            Some(Locale::De)
        );
        assert_eq!(
            Locale::from_accept_language("en-US,en;q=0.9,de;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("de;q=0, en;q=0.1"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("fr, it"), None);
        assert_eq!(
            Locale::from_accept_language("en;q=abc, de"),
            Some(Locale::De)
        );
        assert_eq!(Locale::from_accept_language(""), None);
    }

    #[test]
    fn the_cookie_beats_the_browser_and_german_is_the_default() {
        let cookie = "theme=dark; kontor_lang=en";
        assert_eq!(Locale::negotiate(Some(cookie), Some("de")), Locale::En);
        assert_eq!(
            Locale::negotiate(Some("kontor_lang=xx"), Some("en")),
            Locale::En
        );
        assert_eq!(Locale::negotiate(None, Some("fr")), Locale::De);
        assert_eq!(Locale::negotiate(None, None), Locale::De);
    }

    #[test]
    fn the_cookie_round_trips() {
        for locale in Locale::ALL {
            let set_cookie = locale.cookie();
            let pair = set_cookie.split(';').next().unwrap();
            assert_eq!(Locale::from_cookie_header(pair), Some(locale));
        }
    }
}
