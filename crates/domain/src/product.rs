//! The catalogue's identifiers as staff type them (a product's SKU, a category's slug), and
//! a link from one product to another.

use super::FieldError;
use serde::{Deserialize, Serialize};

pub const MAX_SKU_CHARS: usize = 40;
pub const MAX_SLUG_CHARS: usize = 40;
pub const MAX_PRODUCT_NAME_CHARS: usize = 120;
pub const MAX_CATEGORY_NAME_CHARS: usize = 80;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;

/// Another product, linked by SKU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductLink {
    pub sku: String,
    pub name: String,
}

/// The provider's article number (`CFQ7TTC0LH18`, `CFQ7TTC0LH18:0001`): letters, digits, `-`,
/// `_`, `.` and `:`, as it goes into links and the provider's API unchanged.
pub fn sku(input: &str) -> Result<String, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::Missing);
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
    if text.len() > MAX_SKU_CHARS || !text.chars().all(allowed) {
        return Err(FieldError::InvalidSku);
    }
    Ok(text.to_owned())
}

/// The SKUs of the products an add-on is booked with, separated by commas, semicolons or
/// spaces; none for a product that is no add-on. Each once, in the order given.
pub fn sku_list(input: &str) -> Result<Vec<String>, FieldError> {
    let mut skus: Vec<String> = Vec::new();
    for part in input.split([',', ';', ' ', '\n', '\r', '\t']) {
        if part.is_empty() {
            continue;
        }
        let sku = sku(part)?;
        if !skus.contains(&sku) {
            skus.push(sku);
        }
    }
    Ok(skus)
}

/// A category's name in links (`?category=microsoft-csp`): lower-case letters, digits and
/// single hyphens between them.
pub fn category_slug(input: &str) -> Result<String, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::Missing);
    }
    let well_formed = text.len() <= MAX_SLUG_CHARS
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !well_formed {
        return Err(FieldError::InvalidSlug);
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skus_are_the_providers_article_numbers() {
        assert_eq!(sku(" CFQ7TTC0LH18 "), Ok("CFQ7TTC0LH18".into()));
        assert_eq!(sku("CFQ7TTC0LH18:0001"), Ok("CFQ7TTC0LH18:0001".into()));
        assert_eq!(sku(""), Err(FieldError::Missing));
        assert_eq!(sku("CFQ 7TT"), Err(FieldError::InvalidSku));
        assert_eq!(sku("<script>"), Err(FieldError::InvalidSku));
        assert_eq!(sku("Ä123"), Err(FieldError::InvalidSku));
        assert_eq!(sku(&"A".repeat(41)), Err(FieldError::InvalidSku));
    }

    #[test]
    fn a_list_of_skus_takes_any_usual_separator_and_each_once() {
        assert_eq!(
            sku_list("A1, B2;C3  A1\nD4"),
            Ok(vec!["A1".into(), "B2".into(), "C3".into(), "D4".into()])
        );
        assert_eq!(sku_list("  "), Ok(vec![]));
        assert_eq!(sku_list("A1, B/2"), Err(FieldError::InvalidSku));
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(category_slug(" microsoft-csp "), Ok("microsoft-csp".into()));
        assert_eq!(category_slug("azure2"), Ok("azure2".into()));
        for wrong in ["Microsoft", "a--b", "-a", "a-", "a b", "ä", "a_b"] {
            assert_eq!(
                category_slug(wrong),
                Err(FieldError::InvalidSlug),
                "{wrong}"
            );
        }
        assert_eq!(category_slug(""), Err(FieldError::Missing));
    }
}
