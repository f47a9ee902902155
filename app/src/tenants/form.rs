//! The tenant form: either an existing tenant's default domain ("Microsoft-Domäne verwenden"
//! ticked) or a new tenant's prefix. Parsed by the domain rules, in browser and server alike;
//! the field that does not apply is ignored, even if a browser without JavaScript sent it.

use crate::ui::form::FormField;
use kontor_domain::{Collector, FieldErrors, TenantDomain, TenantPrefix};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TenantForm {
    /// Present (`on`) when the customer has a tenant already.
    pub use_existing: Option<String>,
    pub domain: String,
    pub prefix: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TenantField {
    UseExisting,
    Domain,
    Prefix,
}

impl FormField for TenantField {
    type Form = TenantForm;

    fn name(self) -> &'static str {
        match self {
            TenantField::UseExisting => "form[use_existing]",
            TenantField::Domain => "form[domain]",
            TenantField::Prefix => "form[prefix]",
        }
    }

    fn value(self, form: &TenantForm) -> &str {
        match self {
            TenantField::UseExisting => form.use_existing.as_deref().unwrap_or_default(),
            TenantField::Domain => &form.domain,
            TenantField::Prefix => &form.prefix,
        }
    }

    fn set(self, form: &mut TenantForm, value: String) {
        match self {
            TenantField::UseExisting => form.use_existing = (!value.is_empty()).then_some(value),
            TenantField::Domain => form.domain = value,
            TenantField::Prefix => form.prefix = value,
        }
    }
}

impl TenantForm {
    pub fn uses_existing(&self) -> bool {
        self.use_existing.is_some()
    }
}

/// What the reseller asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TenantRequest {
    /// Create a tenant under this prefix.
    New(TenantPrefix),
    /// Invite the existing tenant with this default domain.
    Existing(TenantDomain),
}

pub fn parse_tenant_form(form: &TenantForm) -> Result<TenantRequest, FieldErrors<TenantField>> {
    let mut errors = Collector::default();
    let request = if form.uses_existing() {
        errors
            .check(TenantField::Domain, TenantDomain::parse(&form.domain))
            .map(TenantRequest::Existing)
    } else {
        errors
            .check(TenantField::Prefix, TenantPrefix::parse(&form.prefix))
            .map(TenantRequest::New)
    };
    errors.finish(request)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kontor_domain::FieldError;

    #[test]
    fn the_checkbox_decides_which_field_counts() {
        let new = TenantForm {
            use_existing: None,
            domain: "not a domain".into(),
            prefix: "Sonnenhof".into(),
        };
        assert_eq!(
            parse_tenant_form(&new),
            Ok(TenantRequest::New(
                TenantPrefix::parse("sonnenhof").unwrap()
            ))
        );
        let existing = TenantForm {
            use_existing: Some("on".into()),
            domain: "Sonnenhof.de".into(),
            prefix: "not a prefix!".into(),
        };
        assert_eq!(
            parse_tenant_form(&existing),
            Ok(TenantRequest::Existing(
                TenantDomain::parse("sonnenhof.de").unwrap()
            ))
        );
        let bad = TenantForm {
            domain: "sonnenhof".into(),
            ..existing
        };
        assert_eq!(
            parse_tenant_form(&bad),
            Err(vec![(TenantField::Domain, FieldError::InvalidDomain)])
        );
    }
}
