//! The price list resellers download: every active product with each of its net prices, as
//! CSV that Excel opens as it is in Germany (semicolons, decimal commas, UTF-8 with a BOM).

use crate::i18n::Locale;
use crate::platform::{Database, DbError};
use kontor_domain::german_amount;

#[derive(sqlx::FromRow)]
struct Row {
    sku: String,
    name: String,
    name_de: String,
    name_en: String,
    monthly_cents: Option<i64>,
    annual_cents: Option<i64>,
    once_cents: Option<i64>,
    min_seats: i64,
    max_seats: i64,
}

pub async fn csv(db: &Database, locale: Locale) -> Result<String, DbError> {
    let t = locale.texts().dashboard;
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT p.sku, p.name, c.name_de, c.name_en, p.monthly_cents, p.annual_cents, \
           p.once_cents, p.min_seats, p.max_seats \
         FROM products p JOIN product_categories c ON c.id = p.category_id \
         WHERE p.retired_at IS NULL ORDER BY c.position, p.position, p.id",
    )
    .fetch_all(db.pool())
    .await?;
    let mut csv = String::from('\u{feff}');
    push_line(
        &mut csv,
        t.price_list_columns.iter().map(|c| (*c).to_owned()),
    );
    for Row {
        sku,
        name,
        name_de: category_de,
        name_en: category_en,
        monthly_cents: monthly,
        annual_cents: annual,
        once_cents: once,
        min_seats: min,
        max_seats: max,
    } in rows
    {
        let category = match locale {
            Locale::De => category_de,
            Locale::En => category_en,
        };
        let prices = [monthly, annual, once]
            .into_iter()
            .zip(t.price_list_billing);
        for (cents, billing) in prices {
            let Some(cents) = cents else { continue };
            push_line(
                &mut csv,
                [
                    sku.clone(),
                    name.clone(),
                    category.clone(),
                    billing.to_owned(),
                    german_amount(cents),
                    min.to_string(),
                    max.to_string(),
                ],
            );
        }
    }
    Ok(csv)
}

fn push_line(csv: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
    csv.push_str(&cells.join(";"));
    csv.push_str("\r\n");
}

/// One cell, quoted when it must be; text a spreadsheet would run as a formula is defused.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("Microsoft 365 Business"), "Microsoft 365 Business");
        assert_eq!(cell("A; B"), "\"A; B\"");
        assert_eq!(cell("5\" Display"), "\"5\"\" Display\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-1"), "'-1");
    }
}
