//! A product's and a category's form as staff type them, parsed by the same rules in browser
//! and server. What only the catalogue can tell (is the SKU free, do the base products
//! exist) the server checks when it saves.

use crate::ui::form::FormField;
use kontor_domain::{
    category_slug, price, seats, single_line, sku, sku_list, text_block, Collector, FieldError,
    FieldErrors, Pricing, MAX_CATEGORY_NAME_CHARS, MAX_DESCRIPTION_CHARS, MAX_PRODUCT_NAME_CHARS,
    MAX_SEATS,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductForm {
    pub sku: String,
    pub name: String,
    /// The category's slug.
    pub category: String,
    pub description_de: String,
    pub description_en: String,
    /// Net euros per user and month, German style (`6,72`); empty where not offered.
    pub monthly: String,
    pub annual: String,
    /// Net euros once per licence (perpetual licences only).
    pub once: String,
    pub min_seats: String,
    pub max_seats: String,
    /// The SKUs of the products this one is an add-on to, separated by commas.
    pub addon_of: String,
    /// `on` when ticked: resellers see and order it.
    pub offered: String,
    /// `on` when ticked: its prices are shown as examples.
    pub example_prices: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProductField {
    Sku,
    Name,
    Category,
    DescriptionDe,
    DescriptionEn,
    Monthly,
    Annual,
    Once,
    MinSeats,
    MaxSeats,
    AddonOf,
    Offered,
    ExamplePrices,
}

impl FormField for ProductField {
    type Form = ProductForm;

    fn name(self) -> &'static str {
        match self {
            ProductField::Sku => "form[sku]",
            ProductField::Name => "form[name]",
            ProductField::Category => "form[category]",
            ProductField::DescriptionDe => "form[description_de]",
            ProductField::DescriptionEn => "form[description_en]",
            ProductField::Monthly => "form[monthly]",
            ProductField::Annual => "form[annual]",
            ProductField::Once => "form[once]",
            ProductField::MinSeats => "form[min_seats]",
            ProductField::MaxSeats => "form[max_seats]",
            ProductField::AddonOf => "form[addon_of]",
            ProductField::Offered => "form[offered]",
            ProductField::ExamplePrices => "form[example_prices]",
        }
    }

    fn value(self, form: &ProductForm) -> &str {
        match self {
            ProductField::Sku => &form.sku,
            ProductField::Name => &form.name,
            ProductField::Category => &form.category,
            ProductField::DescriptionDe => &form.description_de,
            ProductField::DescriptionEn => &form.description_en,
            ProductField::Monthly => &form.monthly,
            ProductField::Annual => &form.annual,
            ProductField::Once => &form.once,
            ProductField::MinSeats => &form.min_seats,
            ProductField::MaxSeats => &form.max_seats,
            ProductField::AddonOf => &form.addon_of,
            ProductField::Offered => &form.offered,
            ProductField::ExamplePrices => &form.example_prices,
        }
    }

    fn set(self, form: &mut ProductForm, value: String) {
        let slot = match self {
            ProductField::Sku => &mut form.sku,
            ProductField::Name => &mut form.name,
            ProductField::Category => &mut form.category,
            ProductField::DescriptionDe => &mut form.description_de,
            ProductField::DescriptionEn => &mut form.description_en,
            ProductField::Monthly => &mut form.monthly,
            ProductField::Annual => &mut form.annual,
            ProductField::Once => &mut form.once,
            ProductField::MinSeats => &mut form.min_seats,
            ProductField::MaxSeats => &mut form.max_seats,
            ProductField::AddonOf => &mut form.addon_of,
            ProductField::Offered => &mut form.offered,
            ProductField::ExamplePrices => &mut form.example_prices,
        };
        *slot = value;
    }
}

/// A product that passed every rule of the form, ready to be checked against the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductDraft {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub description_de: String,
    pub description_en: String,
    pub pricing: Pricing,
    pub min_seats: u32,
    pub max_seats: u32,
    pub addon_of: Vec<String>,
    pub offered: bool,
    pub example_prices: bool,
}

pub fn parse_product(form: &ProductForm) -> Result<ProductDraft, FieldErrors<ProductField>> {
    use ProductField as F;
    let mut errors = Collector::default();
    let sku = errors.check(F::Sku, sku(&form.sku));
    let name = errors.check(F::Name, single_line(&form.name, MAX_PRODUCT_NAME_CHARS));
    let category = errors.check(F::Category, category_slug(&form.category));
    let description_de = errors.check(
        F::DescriptionDe,
        text_block(&form.description_de, MAX_DESCRIPTION_CHARS),
    );
    let description_en = errors.check(
        F::DescriptionEn,
        text_block(&form.description_en, MAX_DESCRIPTION_CHARS),
    );
    let monthly = errors.check(F::Monthly, price(&form.monthly));
    let annual = errors.check(F::Annual, price(&form.annual));
    let once = errors.check(
        F::Once,
        price(&form.once).and_then(|once| match (once, monthly, annual) {
            (Some(_), Some(Some(_)), _) | (Some(_), _, Some(Some(_))) => {
                Err(FieldError::OnceWithSubscription)
            }
            _ => Ok(once),
        }),
    );
    let min_seats = errors.check(F::MinSeats, seats(&form.min_seats, 1, MAX_SEATS));
    let max_seats = errors.check(
        F::MaxSeats,
        seats(&form.max_seats, min_seats.unwrap_or(1), MAX_SEATS),
    );
    let addon_of = errors.check(
        F::AddonOf,
        sku_list(&form.addon_of).and_then(|bases| match &sku {
            Some(sku) if bases.contains(sku) => Err(FieldError::AddonOfItself),
            _ => Ok(bases),
        }),
    );
    let parsed = (|| {
        Some(ProductDraft {
            sku: sku?,
            name: name?,
            category: category?,
            description_de: description_de?,
            description_en: description_en?,
            pricing: Pricing::from_columns(monthly?, annual?, once?),
            min_seats: min_seats?,
            max_seats: max_seats?,
            addon_of: addon_of?,
            offered: !form.offered.is_empty(),
            example_prices: !form.example_prices.is_empty(),
        })
    })();
    errors.finish(parsed)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryForm {
    pub slug: String,
    /// The slug of the category above; empty for the top level.
    pub parent: String,
    pub name_de: String,
    pub name_en: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CategoryField {
    Slug,
    Parent,
    NameDe,
    NameEn,
}

impl FormField for CategoryField {
    type Form = CategoryForm;

    fn name(self) -> &'static str {
        match self {
            CategoryField::Slug => "form[slug]",
            CategoryField::Parent => "form[parent]",
            CategoryField::NameDe => "form[name_de]",
            CategoryField::NameEn => "form[name_en]",
        }
    }

    fn value(self, form: &CategoryForm) -> &str {
        match self {
            CategoryField::Slug => &form.slug,
            CategoryField::Parent => &form.parent,
            CategoryField::NameDe => &form.name_de,
            CategoryField::NameEn => &form.name_en,
        }
    }

    fn set(self, form: &mut CategoryForm, value: String) {
        let slot = match self {
            CategoryField::Slug => &mut form.slug,
            CategoryField::Parent => &mut form.parent,
            CategoryField::NameDe => &mut form.name_de,
            CategoryField::NameEn => &mut form.name_en,
        };
        *slot = value;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryDraft {
    pub slug: String,
    pub parent: Option<String>,
    pub name_de: String,
    pub name_en: String,
}

pub fn parse_category(form: &CategoryForm) -> Result<CategoryDraft, FieldErrors<CategoryField>> {
    use CategoryField as F;
    let mut errors = Collector::default();
    let slug = errors.check(F::Slug, category_slug(&form.slug));
    let parent = match form.parent.trim() {
        "" => Some(None),
        // Below itself: the one cycle the form alone can see; the catalogue sees the others.
        parent if slug.as_deref() == Some(parent) => {
            errors.check(F::Parent, Err(FieldError::CategoryCycle))
        }
        parent => errors
            .check(
                F::Parent,
                category_slug(parent).map_err(|_| FieldError::UnknownChoice),
            )
            .map(Some),
    };
    let name_de = errors.check(
        F::NameDe,
        single_line(&form.name_de, MAX_CATEGORY_NAME_CHARS),
    );
    let name_en = errors.check(
        F::NameEn,
        single_line(&form.name_en, MAX_CATEGORY_NAME_CHARS),
    );
    let parsed = (|| {
        Some(CategoryDraft {
            slug: slug?,
            parent: parent?,
            name_de: name_de?,
            name_en: name_en?,
        })
    })();
    errors.finish(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teams_phone() -> ProductForm {
        ProductForm {
            sku: "CFQ7TTC0LH3N".into(),
            name: "Teams Phone Standard".into(),
            category: "microsoft-csp".into(),
            description_de: "Telefonie in Teams.".into(),
            description_en: "Calling in Teams.".into(),
            monthly: "7,20".into(),
            annual: "6,00".into(),
            min_seats: "1".into(),
            max_seats: "300".into(),
            addon_of: "CFQ7TTC0LH18, CFQ7TTC0LDPB".into(),
            offered: "on".into(),
            ..ProductForm::default()
        }
    }

    #[test]
    fn a_complete_product_parses_with_its_prices_in_cents() {
        let draft = parse_product(&teams_phone()).unwrap();
        assert_eq!(
            draft.pricing,
            Pricing::Subscription {
                monthly: Some(720),
                annual: Some(600)
            }
        );
        assert_eq!((draft.min_seats, draft.max_seats), (1, 300));
        assert_eq!(draft.addon_of, vec!["CFQ7TTC0LH18", "CFQ7TTC0LDPB"]);
        assert!(draft.offered && !draft.example_prices);
    }

    #[test]
    fn no_price_at_all_is_a_usage_product_and_a_one_time_price_a_perpetual_one() {
        let usage = ProductForm {
            monthly: String::new(),
            annual: String::new(),
            ..teams_phone()
        };
        assert_eq!(parse_product(&usage).unwrap().pricing, Pricing::Usage);
        let perpetual = ProductForm {
            once: "980".into(),
            ..usage
        };
        assert_eq!(
            parse_product(&perpetual).unwrap().pricing,
            Pricing::Perpetual { once: 98_000 }
        );
    }

    #[test]
    fn every_wrong_field_is_named() {
        let form = ProductForm {
            sku: "CFQ 7".into(),
            name: String::new(),
            monthly: "6.72".into(),
            once: "100".into(),
            min_seats: "10".into(),
            max_seats: "5".into(),
            addon_of: "A, B/C".into(),
            ..teams_phone()
        };
        assert_eq!(
            parse_product(&form),
            Err(vec![
                (ProductField::Sku, FieldError::InvalidSku),
                (ProductField::Name, FieldError::Missing),
                (ProductField::Monthly, FieldError::PriceFormat),
                (ProductField::Once, FieldError::OnceWithSubscription),
                (
                    ProductField::MaxSeats,
                    FieldError::SeatsOutOfRange {
                        min: 10,
                        max: MAX_SEATS
                    }
                ),
                (ProductField::AddonOf, FieldError::InvalidSku),
            ])
        );
    }

    #[test]
    fn a_product_is_no_add_on_to_itself() {
        let form = ProductForm {
            addon_of: "CFQ7TTC0LH3N".into(),
            ..teams_phone()
        };
        assert_eq!(
            parse_product(&form),
            Err(vec![(ProductField::AddonOf, FieldError::AddonOfItself)])
        );
    }

    #[test]
    fn a_category_has_a_slug_names_and_perhaps_a_parent() {
        let form = CategoryForm {
            slug: "modern-work".into(),
            parent: "microsoft-csp".into(),
            name_de: "Modernes Arbeiten".into(),
            name_en: "Modern work".into(),
        };
        assert_eq!(
            parse_category(&form).unwrap().parent.as_deref(),
            Some("microsoft-csp")
        );
        let top = CategoryForm {
            parent: String::new(),
            ..form.clone()
        };
        assert_eq!(parse_category(&top).unwrap().parent, None);
        let itself = CategoryForm {
            parent: "modern-work".into(),
            ..form
        };
        assert_eq!(
            parse_category(&itself),
            Err(vec![(CategoryField::Parent, FieldError::CategoryCycle)])
        );
        assert_eq!(
            parse_category(&CategoryForm::default()),
            Err(vec![
                (CategoryField::Slug, FieldError::Missing),
                (CategoryField::NameDe, FieldError::Missing),
                (CategoryField::NameEn, FieldError::Missing),
            ])
        );
    }
}
