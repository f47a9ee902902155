//! A customer's Microsoft tenant: the prefix of a new tenant's `<prefix>.onmicrosoft.com`
//! domain, the default domain of an existing tenant, and free prefixes to suggest when the
//! one typed is taken.

use super::FieldError;
use serde::{Deserialize, Serialize};

/// The domain every new tenant's prefix is put in front of.
pub const TENANT_DOMAIN_SUFFIX: &str = "onmicrosoft.com";

/// A new tenant's domain prefix: ASCII letters and digits only, stored lower-case, at most
/// `MAX_CHARS` long (the provider's limit).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TenantPrefix(String);

impl TenantPrefix {
    pub const MAX_CHARS: usize = 27;

    /// Surrounding spaces are forgiven and capitals lowered; anything but `a–z` and `0–9`
    /// inside is refused, with no guessing (an umlaut or a dot changes the name).
    pub fn parse(input: &str) -> Result<TenantPrefix, FieldError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldError::Missing);
        }
        if !trimmed.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(FieldError::PrefixCharacters);
        }
        if trimmed.len() > Self::MAX_CHARS {
            return Err(FieldError::TooLong {
                max_chars: Self::MAX_CHARS,
            });
        }
        Ok(TenantPrefix(trimmed.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The tenant's initial domain, `<prefix>.onmicrosoft.com`.
    pub fn domain(&self) -> String {
        format!("{}.{TENANT_DOMAIN_SUFFIX}", self.0)
    }
}

/// The default domain of an existing tenant, as its admin centre shows it — any registered
/// domain, not necessarily `*.onmicrosoft.com`. Stored lower-case, without a trailing dot.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TenantDomain(String);

impl TenantDomain {
    pub const MAX_CHARS: usize = 253;
    const MAX_LABEL_CHARS: usize = 63;

    /// Letters, digits and hyphens in dot-separated labels of 1–63 characters, no hyphen at
    /// a label's edge, at least two labels, and a top-level label of two or more letters (or
    /// an `xn--` IDN label). Umlaut domains are entered in their `xn--` form.
    pub fn parse(input: &str) -> Result<TenantDomain, FieldError> {
        let domain = input.trim().trim_end_matches('.').to_ascii_lowercase();
        if domain.is_empty() {
            return Err(FieldError::Missing);
        }
        if domain.len() > Self::MAX_CHARS {
            return Err(FieldError::TooLong {
                max_chars: Self::MAX_CHARS,
            });
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |label: &&str| {
            !label.is_empty()
                && label.len() <= Self::MAX_LABEL_CHARS
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        let top = labels.last().copied().unwrap_or_default();
        let top_ok = (top.len() >= 2 && top.chars().all(|c| c.is_ascii_lowercase()))
            || top.starts_with("xn--");
        if labels.len() < 2 || !labels.iter().all(label_ok) || !top_ok {
            return Err(FieldError::InvalidDomain);
        }
        Ok(TenantDomain(domain))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Legal forms that say nothing about the company: dropped from the base of a suggestion,
/// but tried as a suffix when the plain name is taken.
const LEGAL_FORMS: [&str; 12] = [
    "gmbh",
    "ag",
    "kg",
    "ug",
    "ohg",
    "gbr",
    "ev",
    "eg",
    "co",
    "se",
    "mbh",
    "haftungsbeschraenkt",
];

/// What a prefix may be built from: the customer's own data.
pub struct SuggestionSource<'a> {
    pub company_name: &'a str,
    pub postal_code: &'a str,
    pub city: &'a str,
}

/// Prefixes built from the customer's data, most natural first: the company name, then with
/// its city, its postal code, its legal form, and combinations. Every entry is a valid prefix
/// and none repeats; the caller removes the taken ones.
pub fn prefix_candidates(source: &SuggestionSource) -> Vec<TenantPrefix> {
    let words: Vec<String> = source
        .company_name
        .split(|c: char| !c.is_alphanumeric())
        .map(ascii_word)
        .filter(|w| !w.is_empty())
        .collect();
    let (forms, name): (Vec<&String>, Vec<&String>) = words
        .iter()
        .partition(|w| LEGAL_FORMS.contains(&w.as_str()));
    let base: String = name.iter().map(|w| w.as_str()).collect();
    let first_word = name.first().map(|w| w.as_str()).unwrap_or_default();
    let city = ascii_word(source.city);
    let postal_code: String = source
        .postal_code
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let form: String = forms.iter().map(|w| w.as_str()).collect();

    let mut raw = vec![base.clone()];
    for stem in [base.as_str(), first_word] {
        raw.extend([
            format!("{stem}{city}"),
            format!("{stem}{postal_code}"),
            format!("{stem}{form}"),
            format!("{stem}{city}{postal_code}"),
            format!("{stem}{form}{postal_code}"),
        ]);
    }
    let mut candidates: Vec<TenantPrefix> = Vec::new();
    for text in raw {
        if let Ok(prefix) = TenantPrefix::parse(&text) {
            if !candidates.contains(&prefix) {
                candidates.push(prefix);
            }
        }
    }
    candidates
}

/// A word as letters and digits a prefix may hold: umlauts and ß spelled out, other accents
/// dropped, everything else removed.
fn ascii_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'à' | 'á' | 'â' | 'å' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' => out.push('o'),
            'ú' | 'ù' | 'û' => out.push('u'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_prefix_is_letters_and_digits_stored_lower_case() {
        assert_eq!(
            TenantPrefix::parse(" MusterIT2 ").unwrap().as_str(),
            "musterit2"
        );
        assert_eq!(
            TenantPrefix::parse("muster").unwrap().domain(),
            "muster.onmicrosoft.com"
        );
        assert_eq!(TenantPrefix::parse("  "), Err(FieldError::Missing));
        for bad in ["muster it", "muster-it", "müller", "muster.it", "a_b", "x!"] {
            assert_eq!(
                TenantPrefix::parse(bad),
                Err(FieldError::PrefixCharacters),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_prefix_has_the_providers_length_limit() {
        assert!(TenantPrefix::parse(&"a".repeat(27)).is_ok());
        assert_eq!(
            TenantPrefix::parse(&"a".repeat(28)),
            Err(FieldError::TooLong { max_chars: 27 })
        );
    }

    #[test]
    fn an_existing_tenant_is_named_by_any_registered_domain() {
        for good in [
            "contoso.onmicrosoft.com",
            "Muster-IT.de",
            "mail.muster-it.co.uk",
            "xn--mller-kva.de",
            "muster.de.",
        ] {
            assert!(TenantDomain::parse(good).is_ok(), "{good}");
        }
        assert_eq!(
            TenantDomain::parse(" Muster-IT.DE ").unwrap().as_str(),
            "muster-it.de"
        );
        for bad in [
            "muster",
            "muster..de",
            "-muster.de",
            "muster-.de",
            "muster.d",
            "muster.123",
            "müller.de",
            "muster it.de",
            "https://muster.de",
            "anna@muster.de",
        ] {
            assert_eq!(
                TenantDomain::parse(bad),
                Err(FieldError::InvalidDomain),
                "{bad}"
            );
        }
        assert_eq!(TenantDomain::parse(""), Err(FieldError::Missing));
        let long_label = format!("{}.de", "a".repeat(64));
        assert_eq!(
            TenantDomain::parse(&long_label),
            Err(FieldError::InvalidDomain)
        );
    }

    #[test]
    fn suggestions_come_from_the_company_city_postal_code_and_legal_form() {
        let source = SuggestionSource {
            company_name: "Müller & Söhne Bäckerei GmbH",
            postal_code: "80331",
            city: "München",
        };
        let names: Vec<String> = prefix_candidates(&source)
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect();
        assert_eq!(names[0], "muellersoehnebaeckerei");
        assert!(names.contains(&"muellersoehnebaeckerei80331".to_owned()));
        assert!(names.contains(&"muellersoehnebaeckereigmbh".to_owned()));
        assert!(names.contains(&"muellermuenchen".to_owned()));
        assert!(names.contains(&"mueller80331".to_owned()));
        // Too long for the provider: left out rather than cut into something unreadable.
        assert!(!names.iter().any(|n| n.len() > TenantPrefix::MAX_CHARS));
    }

    #[test]
    fn suggestions_never_repeat_and_survive_empty_data() {
        let source = SuggestionSource {
            company_name: "GmbH",
            postal_code: "",
            city: "",
        };
        let names = prefix_candidates(&source);
        assert_eq!(names, vec![TenantPrefix::parse("gmbh").unwrap()]);
        let none = SuggestionSource {
            company_name: "",
            postal_code: "",
            city: "",
        };
        assert!(prefix_candidates(&none).is_empty());
    }

    proptest! {
        #[test]
        fn every_suggestion_is_a_valid_prefix(
            company in "\\PC{0,60}", postal in "\\PC{0,10}", city in "\\PC{0,30}"
        ) {
            let source = SuggestionSource { company_name: &company, postal_code: &postal, city: &city };
            let candidates = prefix_candidates(&source);
            for candidate in &candidates {
                let parsed = TenantPrefix::parse(candidate.as_str());
                prop_assert_eq!(parsed.as_ref(), Ok(candidate));
            }
            let unique: std::collections::HashSet<_> = candidates.iter().collect();
            prop_assert_eq!(unique.len(), candidates.len());
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TenantStatus {
    /// Reserved in Kontor; the creation is queued.
    Waiting,
    /// The provider has accepted it and is provisioning.
    Creating,
    Ready,
    Failed,
    /// An existing tenant: its contact was mailed the provider's invitation.
    Invited,
    /// An existing tenant that accepted this reseller ("CSP autorisieren").
    Authorised,
}

impl TenantStatus {
    pub const ALL: [TenantStatus; 6] = [
        TenantStatus::Waiting,
        TenantStatus::Creating,
        TenantStatus::Ready,
        TenantStatus::Failed,
        TenantStatus::Invited,
        TenantStatus::Authorised,
    ];

    /// As stored in `tenants.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Waiting => "waiting",
            TenantStatus::Creating => "creating",
            TenantStatus::Ready => "ready",
            TenantStatus::Failed => "failed",
            TenantStatus::Invited => "invited",
            TenantStatus::Authorised => "authorised",
        }
    }

    pub fn parse(stored: &str) -> Option<TenantStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == stored)
    }

    /// Still on its way: the page keeps asking.
    pub fn is_in_progress(self) -> bool {
        matches!(self, TenantStatus::Waiting | TenantStatus::Creating)
    }

    /// The customer can use it: created and provisioned, or an existing tenant that
    /// authorised the reseller. Licences can be ordered into it.
    pub fn is_usable(self) -> bool {
        matches!(self, TenantStatus::Ready | TenantStatus::Authorised)
    }

    /// Waiting for the provider or the customer: the page with JavaScript looks again.
    pub fn may_change(self) -> bool {
        self.is_in_progress() || self == TenantStatus::Invited
    }
}

/// Why a tenant could not be created.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TenantFailure {
    /// Someone outside Kontor took the prefix at the provider meanwhile: choose another.
    PrefixTaken,
    /// The provider did not answer after every retry: try again later.
    Unavailable,
    /// The provider refused the request.
    Refused,
}

impl TenantFailure {
    pub const ALL: [TenantFailure; 3] = [
        TenantFailure::PrefixTaken,
        TenantFailure::Unavailable,
        TenantFailure::Refused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TenantFailure::PrefixTaken => "prefix_taken",
            TenantFailure::Unavailable => "unavailable",
            TenantFailure::Refused => "refused",
        }
    }

    pub fn parse(stored: &str) -> Option<TenantFailure> {
        Self::ALL.into_iter().find(|s| s.as_str() == stored)
    }
}

/// Where a customer's tenant stands, for lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantBrief {
    pub domain: String,
    pub status: TenantStatus,
    pub failure: Option<TenantFailure>,
}
