//! Reading a registry CSV: every row is checked before anything is stored, and any wrong row
//! refuses the whole file. Files come from spreadsheets and ERP exports, so the header names
//! the columns (German or English, in any order, other columns ignored) and the separator is
//! whichever of `;` (German Excel), `,` or tab the header uses.

use super::form::parse_registry_entry;
use super::{ImportRefusal, RegistryField, RegistryForm, RegistryRecord, RowError, RowProblem};
use std::collections::HashMap;

/// More rows than a distributor has customers; the request size limit comes first anyway.
pub const MAX_ROWS: u64 = 50_000;
/// Wrong rows listed by line; the rest are counted.
pub const MAX_LISTED_ERRORS: usize = 50;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The entries of a file, each number once, in file order.
pub fn parse(bytes: &[u8]) -> Result<Vec<RegistryRecord>, ImportRefusal> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportRefusal::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|error| ImportRefusal::NotUtf8 {
        line: line_of(&bytes[..error.valid_up_to()]),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|_| unreadable_header())?
        .iter()
        .map(column)
        .collect::<Vec<_>>();
    let position = |field| header.iter().position(|c| *c == Some(field));
    let (Some(number_at), Some(company_at), Some(postal_code_at)) = (
        position(RegistryField::CustomerNumber),
        position(RegistryField::CompanyName),
        position(RegistryField::PostalCode),
    ) else {
        let missing = RegistryField::REQUIRED
            .into_iter()
            .filter(|field| position(*field).is_none())
            .collect();
        return Err(ImportRefusal::MissingColumns(missing));
    };

    let contact_at = position(RegistryField::ContactEmail);
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut first_lines: HashMap<String, u64> = HashMap::new();
    for (index, row) in reader.records().enumerate() {
        if index as u64 >= MAX_ROWS {
            return Err(ImportRefusal::TooManyRows { max: MAX_ROWS });
        }
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                errors.push(RowError {
                    line,
                    problem: RowProblem::Unreadable,
                });
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line());
        if row.len() != header.len() {
            errors.push(RowError {
                line,
                problem: RowProblem::ColumnCount {
                    found: row.len() as u64,
                    expected: header.len() as u64,
                },
            });
            continue;
        }
        let cell = |at: usize| row.get(at).unwrap_or_default().to_owned();
        let form = RegistryForm {
            customer_number: cell(number_at),
            company_name: cell(company_at),
            postal_code: cell(postal_code_at),
            contact_email: contact_at.map(cell).unwrap_or_default(),
        };
        match parse_registry_entry(&form) {
            Ok(record) => match first_lines.get(&record.customer_number) {
                Some(&first_line) => errors.push(RowError {
                    line,
                    problem: RowProblem::Duplicate { first_line },
                }),
                None => {
                    first_lines.insert(record.customer_number.clone(), line);
                    records.push(record);
                }
            },
            Err(fields) => errors.extend(fields.into_iter().map(|(field, error)| RowError {
                line,
                problem: RowProblem::Field(field, error),
            })),
        }
    }
    if !errors.is_empty() {
        let more = errors.len().saturating_sub(MAX_LISTED_ERRORS) as u64;
        errors.truncate(MAX_LISTED_ERRORS);
        return Err(ImportRefusal::Rows { errors, more });
    }
    if records.is_empty() {
        return Err(ImportRefusal::NoRows);
    }
    Ok(records)
}

fn unreadable_header() -> ImportRefusal {
    ImportRefusal::Rows {
        errors: vec![RowError {
            line: 1,
            problem: RowProblem::Unreadable,
        }],
        more: 0,
    }
}

/// The line (from 1) that the byte after `before` is on.
fn line_of(before: &[u8]) -> u64 {
    before.iter().filter(|b| **b == b'\n').count() as u64 + 1
}

/// The separator the header row uses most; on a tie (or none at all) the earlier of `;`, `,`
/// and tab.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut best = (b';', 0);
    for sep in [b';', b',', b'\t'] {
        let count = header.bytes().filter(|b| *b == sep).count();
        if count > best.1 {
            best = (sep, count);
        }
    }
    best.0
}

/// The registry field a header cell names, if any: `Kundennummer`, `Kunden-Nr.`, `Firma`,
/// `PLZ`, `E-Mail`, `customer_number`, `Company`, `Postal code`…
fn column(name: &str) -> Option<RegistryField> {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "kundennummer" | "kundennr" | "customernumber" | "customerno" => {
            Some(RegistryField::CustomerNumber)
        }
        "firma" | "firmenname" | "unternehmen" | "company" | "companyname" => {
            Some(RegistryField::CompanyName)
        }
        "plz" | "postleitzahl" | "postalcode" | "postcode" | "zip" | "zipcode" => {
            Some(RegistryField::PostalCode)
        }
        "email" | "mail" | "kontakt" | "kontaktemail" | "contact" | "contactemail" => {
            Some(RegistryField::ContactEmail)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kontor_domain::FieldError;

    fn numbers(records: &[RegistryRecord]) -> Vec<&str> {
        records.iter().map(|r| r.customer_number.as_str()).collect()
    }

    #[test]
    fn a_german_excel_export_with_bom_semicolons_and_quotes_is_read() {
        let file = "\u{feff}Kundennummer;Firma;PLZ\r\n100001;\"Berger IT GmbH; Berlin\";10115\r\n\r\n200002;Müller & Söhne KG;80331\r\n";
        let records = parse(file.as_bytes()).unwrap();
        assert_eq!(numbers(&records), ["100001", "200002"]);
        assert_eq!(records[0].company_name, "Berger IT GmbH; Berlin");
        assert_eq!(records[1].company_name, "Müller & Söhne KG");
    }

    #[test]
    fn columns_are_found_by_name_in_any_order_and_extra_ones_are_ignored() {
        let file = "Postal code,Note,Company,Customer number\n1010,call first,Huber EDV,300003\n";
        let records = parse(file.as_bytes()).unwrap();
        assert_eq!(
            records,
            [RegistryRecord {
                customer_number: "300003".into(),
                company_name: "Huber EDV".into(),
                postal_code: "1010".into(),
                contact_email: None,
            }]
        );
        let tabs = parse(b"Kunden-Nr.\tFirma\tPLZ\n100001\tBerger, Keller & Co\t10115\n").unwrap();
        assert_eq!(tabs[0].company_name, "Berger, Keller & Co");
        let with_contact =
            parse(b"Kundennummer;Firma;PLZ;E-Mail\n100001;Berger IT;10115;it@berger.example\n")
                .unwrap();
        assert_eq!(
            with_contact[0].contact_email.as_deref(),
            Some("it@berger.example")
        );
    }

    #[test]
    fn a_file_without_the_columns_names_the_missing_ones() {
        assert_eq!(
            parse(b"Nummer;Firma;Ort\n100001;Berger;Berlin\n"),
            Err(ImportRefusal::MissingColumns(vec![
                RegistryField::CustomerNumber,
                RegistryField::PostalCode,
            ]))
        );
        // Data without a header: its first row is no header.
        assert!(matches!(
            parse(b"100001;Berger IT;10115\n"),
            Err(ImportRefusal::MissingColumns(missing)) if missing.len() == 3
        ));
    }

    #[test]
    fn empty_files_and_headers_without_rows_are_refused() {
        assert_eq!(parse(b""), Err(ImportRefusal::Empty));
        assert_eq!(parse(b"\xEF\xBB\xBF \r\n"), Err(ImportRefusal::Empty));
        assert_eq!(
            parse(b"Kundennummer;Firma;PLZ\n"),
            Err(ImportRefusal::NoRows)
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_names_the_first_line_it_breaks_on() {
        // "Müller" as Windows-1252: ü is the single byte 0xFC.
        let file = b"Kundennummer;Firma;PLZ\n100001;Berger;10115\n200002;M\xFCller;80331\n";
        assert_eq!(parse(file), Err(ImportRefusal::NotUtf8 { line: 3 }));
    }

    #[test]
    fn every_wrong_row_is_reported_by_line_and_nothing_is_returned() {
        let file = "Kundennummer;Firma;PLZ\n\
                    100001;Berger IT;10115\n\
                    12;;99\n\
                    100001;Berger IT Zweigstelle;10117\n\
                    200002;Nur zwei Spalten\n\
                    300003;Ok GmbH;80331\n";
        assert_eq!(
            parse(file.as_bytes()),
            Err(ImportRefusal::Rows {
                errors: vec![
                    RowError {
                        line: 3,
                        problem: RowProblem::Field(
                            RegistryField::CustomerNumber,
                            FieldError::InvalidCustomerNumber
                        ),
                    },
                    RowError {
                        line: 3,
                        problem: RowProblem::Field(RegistryField::CompanyName, FieldError::Missing),
                    },
                    RowError {
                        line: 3,
                        problem: RowProblem::Field(
                            RegistryField::PostalCode,
                            FieldError::PostalCodeFormat
                        ),
                    },
                    RowError {
                        line: 4,
                        problem: RowProblem::Duplicate { first_line: 2 },
                    },
                    RowError {
                        line: 5,
                        problem: RowProblem::ColumnCount {
                            found: 2,
                            expected: 3
                        },
                    },
                ],
                more: 0,
            })
        );
    }

    #[test]
    fn only_the_first_errors_are_listed_the_rest_counted() {
        let mut file = String::from("Kundennummer;Firma;PLZ\n");
        for _ in 0..(MAX_LISTED_ERRORS + 7) {
            file.push_str("x;Firma;10115\n");
        }
        match parse(file.as_bytes()) {
            Err(ImportRefusal::Rows { errors, more }) => {
                assert_eq!((errors.len(), more), (MAX_LISTED_ERRORS, 7));
                assert_eq!(errors[0].line, 2);
            }
            other => panic!("expected row errors, got {other:?}"),
        }
    }

    #[test]
    fn an_unclosed_quote_is_a_wrong_row_on_its_line() {
        let file = b"Kundennummer;Firma;PLZ\n100001;\"Berger;10115\n200002;Ok GmbH;80331\n";
        match parse(file) {
            Err(ImportRefusal::Rows { errors, .. }) => assert_eq!(errors[0].line, 2),
            other => panic!("expected a row error, got {other:?}"),
        }
    }
}
