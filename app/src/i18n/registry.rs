//! The texts of the customer-number registry and its CSV import: `Texts::registry`.

use super::{format_number, Locale};

type Count = fn(i64) -> String;
type Line = fn(u64) -> String;

/// The named arguments of `imported`.
pub struct ImportCounts {
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

/// The named arguments of `column_count`.
pub struct ColumnCount {
    pub found: u64,
    pub expected: u64,
}

text_args! {
    RegistryEntry { number, company }
}

/// The named arguments of `audit_imported`.
pub struct ImportedEntries {
    pub added: u64,
    pub changed: u64,
}

pub struct RegistryTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    /// In the order of `RegistryField::ALL`: number, company, postal code.
    /// Number, company, postal code, contact address.
    pub fields: [&'static str; 4],
    pub column_account: &'static str,
    pub free: &'static str,
    pub edit: &'static str,
    pub count: Count,
    pub empty: &'static str,
    pub new_title: &'static str,
    pub postal_code_hint: &'static str,
    pub contact_email_hint: &'static str,
    pub add: &'static str,
    pub edit_title: fn(&str) -> String,
    pub number_fixed: &'static str,
    pub save: &'static str,
    pub delete: &'static str,
    pub delete_hint: &'static str,
    pub in_use: &'static str,
    pub back: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_example: &'static str,
    pub import_file: &'static str,
    pub import_submit: &'static str,
    pub imported: fn(ImportCounts) -> String,
    pub refused: &'static str,
    pub refused_empty: &'static str,
    pub refused_not_utf8: Line,
    /// The missing column names, joined.
    pub refused_columns: fn(&str) -> String,
    pub refused_no_rows: &'static str,
    pub refused_too_many: Line,
    pub refused_more: Line,
    pub line: Line,
    pub column_count: fn(ColumnCount) -> String,
    pub duplicate: Line,
    pub unreadable: &'static str,
    pub audit_added: fn(RegistryEntry<'_>) -> String,
    pub audit_changed: fn(RegistryEntry<'_>) -> String,
    pub audit_deleted: fn(&str) -> String,
    pub audit_imported: fn(ImportedEntries) -> String,
}

fn de(n: u64) -> String {
    format_number(n as i64, Locale::De)
}

fn en(n: u64) -> String {
    format_number(n as i64, Locale::En)
}

pub const DE: RegistryTexts = RegistryTexts {
    nav: "Kundennummern",
    title: "Kundennummern",
    intro: "Gegen dieses Verzeichnis wird die Kundennummer bei der Registrierung abgeglichen: \
        Steht sie hier und passt die Postleitzahl, ist das Händlerkonto nach der \
        E-Mail-Bestätigung sofort aktiv. Sonst entscheidet die Freigabe.",
    search_label: "Suchen",
    search_hint: "Kundennummer, Firma oder Postleitzahl",
    fields: ["Kundennummer", "Firma", "PLZ", "Kontakt-E-Mail"],
    column_account: "Händlerkonto",
    free: "noch keins",
    edit: "Bearbeiten",
    count: |n| match n {
        1 => "1 Kundennummer".to_owned(),
        n => format!("{} Kundennummern", format_number(n, Locale::De)),
    },
    empty: "Keine Kundennummer gefunden.",
    new_title: "Kundennummer hinzufügen",
    postal_code_hint: "Die Postleitzahl, die der Händler bei der Registrierung angeben muss.",
    contact_email_hint: "Freiwillig. Wird unter dieser Nummer ein Händlerkonto eröffnet, \
        erfährt es diese Adresse – so fällt auf, wenn es nicht der Kunde selbst war.",
    add: "Hinzufügen",
    edit_title: |number| format!("Kundennummer {number}"),
    number_fixed: "Die Nummer selbst bleibt fest. Ist sie falsch, löschen Sie den Eintrag und \
        legen ihn neu an.",
    save: "Speichern",
    delete: "Löschen",
    delete_hint: "Löschen geht nur, solange sich kein Händler unter dieser Nummer \
        registriert hat.",
    in_use: "Unter dieser Kundennummer ist ein Händlerkonto registriert; sie bleibt im \
        Verzeichnis.",
    back: "Zurück zu den Kundennummern",
    import_title: "CSV-Import",
    import_intro: "Eine Zeile je Kunde unter einer Kopfzeile mit den Spalten Kundennummer, \
        Firma und PLZ (in beliebiger Reihenfolge; weitere Spalten werden übergangen). \
        Trennzeichen Semikolon, Komma oder Tabulator, Kodierung UTF-8 – in Excel „CSV UTF-8“. \
        Schon vorhandene Nummern übernehmen Firma und PLZ aus der Datei. Jede Zeile wird \
        geprüft; ist eine falsch, wird nichts übernommen. Höchstens 1 MB.",
    import_example: "Kundennummer;Firma;PLZ\n100001;Berger IT GmbH;10115",
    import_file: "CSV-Datei",
    import_submit: "Importieren",
    imported: |ImportCounts {
                   added,
                   changed,
                   unchanged,
               }| {
        format!(
            "Importiert: {} neu, {} geändert, {} unverändert.",
            de(added),
            de(changed),
            de(unchanged)
        )
    },
    refused: "Die Datei wurde nicht übernommen, nichts wurde gespeichert:",
    refused_empty: "Die Datei ist leer, oder es wurde keine gewählt.",
    refused_not_utf8: |line| {
        format!(
            "Die Datei ist nicht UTF-8-kodiert (zuerst in Zeile {line}). Speichern Sie sie in \
             Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“."
        )
    },
    refused_columns: |names| format!("In der Kopfzeile fehlt: {names}."),
    refused_no_rows: "Unter der Kopfzeile stehen keine Kunden.",
    refused_too_many: |max| format!("Die Datei hat mehr als {} Zeilen.", de(max)),
    refused_more: |n| format!("… und {} weitere Fehler.", de(n)),
    line: |n| format!("Zeile {n}"),
    column_count: |ColumnCount { found, expected }| format!("{found} Spalten statt {expected}"),
    duplicate: |first| format!("Die Kundennummer steht schon in Zeile {first}."),
    unreadable: "Die Zeile ist kein gültiges CSV.",
    audit_added: |RegistryEntry { number, company }| {
        format!("Kundennummer {number} ({company}) hinzugefügt")
    },
    audit_changed: |RegistryEntry { number, company }| {
        format!("Kundennummer {number} ({company}) geändert")
    },
    audit_deleted: |number| format!("Kundennummer {number} gelöscht"),
    audit_imported: |ImportedEntries { added, changed }| {
        format!(
            "Kundennummern importiert: {} neu, {} geändert",
            de(added),
            de(changed)
        )
    },
};

pub const EN: RegistryTexts = RegistryTexts {
    nav: "Customer numbers",
    title: "Customer numbers",
    intro: "A customer number given at signup is matched against this registry: when it is \
        listed here and the postal code fits, the reseller account is active as soon as its \
        email is confirmed. Otherwise the account waits for approval.",
    search_label: "Search",
    search_hint: "Customer number, company or postal code",
    fields: ["Customer number", "Company", "Postal code", "Contact email"],
    column_account: "Reseller account",
    free: "none yet",
    edit: "Edit",
    count: |n| match n {
        1 => "1 customer number".to_owned(),
        n => format!("{} customer numbers", format_number(n, Locale::En)),
    },
    empty: "No customer number found.",
    new_title: "Add a customer number",
    postal_code_hint: "The postal code the reseller has to give at signup.",
    contact_email_hint: "Optional. When a reseller account is opened under this number, this \
        address hears of it – so it shows when it was not the customer itself.",
    add: "Add",
    edit_title: |number| format!("Customer number {number}"),
    number_fixed: "The number itself stays. If it is wrong, delete the entry and add it anew.",
    save: "Save",
    delete: "Delete",
    delete_hint: "An entry can be deleted as long as no reseller has signed up under it.",
    in_use: "A reseller account is signed up under this customer number; it stays in the \
        registry.",
    back: "Back to the customer numbers",
    import_title: "CSV import",
    import_intro: "One row per customer under a header row with the columns customer number, \
        company and postal code (in any order; other columns are skipped). Separated by \
        semicolon, comma or tab, encoded as UTF-8 (in Excel: \"CSV UTF-8\"). Numbers already \
        listed take the company and postal code from the file. Every row is checked; if one \
        is wrong, nothing is taken. At most 1 MB.",
    import_example: "Customer number,Company,Postal code\n100001,Berger IT GmbH,10115",
    import_file: "CSV file",
    import_submit: "Import",
    imported: |ImportCounts {
                   added,
                   changed,
                   unchanged,
               }| {
        format!(
            "Imported: {} new, {} changed, {} unchanged.",
            en(added),
            en(changed),
            en(unchanged)
        )
    },
    refused: "The file was not taken; nothing was stored:",
    refused_empty: "The file is empty, or none was chosen.",
    refused_not_utf8: |line| {
        format!(
            "The file is not encoded as UTF-8 (first on line {line}). Save it from Excel as \
             \"CSV UTF-8 (Comma delimited)\"."
        )
    },
    refused_columns: |names| format!("The header row lacks: {names}."),
    refused_no_rows: "There are no customers under the header row.",
    refused_too_many: |max| format!("The file has more than {} rows.", en(max)),
    refused_more: |n| format!("… and {} more errors.", en(n)),
    line: |n| format!("Line {n}"),
    column_count: |ColumnCount { found, expected }| {
        format!("{found} columns instead of {expected}")
    },
    duplicate: |first| format!("The customer number is on line {first} already."),
    unreadable: "The row is not valid CSV.",
    audit_added: |RegistryEntry { number, company }| {
        format!("Added customer number {number} ({company})")
    },
    audit_changed: |RegistryEntry { number, company }| {
        format!("Changed customer number {number} ({company})")
    },
    audit_deleted: |number| format!("Deleted customer number {number}"),
    audit_imported: |ImportedEntries { added, changed }| {
        format!(
            "Imported customer numbers: {} new, {} changed",
            en(added),
            en(changed)
        )
    },
};
