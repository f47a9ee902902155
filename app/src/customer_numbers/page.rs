//! `/admin/customer-numbers`: the registry, searchable (a GET form, so a search is a link),
//! the form to add one number (checked as it is typed), and the CSV import, a plain multipart
//! form: the browser posts it and comes back here to the outcome.

use super::actions::{admin_customer_numbers, AddCustomerNumber};
use super::form::{parse_registry_entry, RegistryField, RegistryForm};
use super::{ImportOutcome, ImportRefusal, RegistryPage, RowProblem};
use crate::admin::AdminNav;
use crate::error::FormError;
use crate::i18n::Texts;
use crate::ui::form::{FormState, Input};
use crate::ui::{Pagination, Refusal};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/customer-numbers";

#[component]
pub fn CustomerNumbersPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.registry;
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = move || query.with(crate::ui::url::page_param);
    let loaded = Resource::new(
        move || (search(), page()),
        |(search, page)| admin_customer_numbers(search, page),
    );
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((list, form, kept)) => view! {
                    <RegistryTable list search=search()/>
                    <NewRegistryEntry form=form.clone()/>
                    <Import kept/>
                }
                .into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.title/>
        <AdminNav/>
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <form method="get" action=PATH class="search-form" role="search">
            <label for="registry-search">{t.search_label}</label>
            <input
                id="registry-search"
                type="search"
                name="q"
                value=search
                aria-describedby="registry-search-hint"
            />
            <button type="submit">{texts.admin.search_submit}</button>
            <p class="hint" id="registry-search-hint">{t.search_hint}</p>
        </form>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn RegistryTable(list: RegistryPage, search: String) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().registry;
    if list.entries.is_empty() {
        return view! { <p class="empty" id="registry-count">{t.empty}</p> }.into_any();
    }
    let (total, page, pages) = (list.total, list.page, list.pages);
    let rows = list
        .entries
        .into_iter()
        .map(|entry| {
            let record = entry.record;
            let account = match entry.reseller {
                Some((id, company)) => {
                    view! { <a href=format!("/admin/resellers/{id}")>{company}</a> }.into_any()
                }
                None => view! { <span class="muted">{t.free}</span> }.into_any(),
            };
            let edit = format!("{PATH}/{}", record.customer_number);
            view! {
                <tr>
                    <th scope="row">{record.customer_number}</th>
                    <td>{record.company_name}</td>
                    <td>{record.postal_code}</td>
                    <td>{account}</td>
                    <td><a href=edit>{t.edit}</a></td>
                </tr>
            }
        })
        .collect_view();
    let [number, company, postal_code, _] = t.fields;
    view! {
        <p id="registry-count">{(t.count)(total)}</p>
        <div class="table-scroll">
            <table class="table" id="registry">
                <thead>
                    <tr>
                        <th scope="col">{number}</th>
                        <th scope="col">{company}</th>
                        <th scope="col">{postal_code}</th>
                        <th scope="col">{t.column_account}</th>
                        <th scope="col"><span class="visually-hidden">{t.edit}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination page pages path=PATH params=vec![("q", search)]/>
    }
    .into_any()
}

/// The form's fields, shared by adding and editing: the number only where it is new.
#[component]
pub(super) fn EntryFields(new: bool) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().registry;
    let [number, company, postal_code, contact] = t.fields;
    use RegistryField as F;
    view! {
        {new.then(|| view! {
            <Input field=F::CustomerNumber label=number autocomplete="off"/>
        })}
        <Input field=F::CompanyName label=company autocomplete="off"/>
        <Input field=F::PostalCode label=postal_code autocomplete="off" hint=t.postal_code_hint/>
        <Input
            field=F::ContactEmail
            label=contact
            input_type="email"
            autocomplete="off"
            hint=t.contact_email_hint
        />
    }
}

/// Parses as staff type, and shows what the server refused.
pub(super) fn entry_form_state<T: Clone + Send + Sync + 'static>(
    form: RegistryForm,
    answer: impl Fn() -> Option<Result<T, FormError<RegistryField>>> + Send + Sync + 'static,
) {
    FormState::new(
        form,
        |form| parse_registry_entry(form).err().unwrap_or_default(),
        crate::ui::form::server_errors(answer),
    );
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn NewRegistryEntry(form: RegistryForm) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let add = ServerAction::<AddCustomerNumber>::new();
    let t = texts.registry;
    entry_form_state(form, move || add.value().get());
    let form_error = move || match add.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    view! {
        <section class="form-page" aria-labelledby="new-number-title">
            <h2 id="new-number-title">{t.new_title}</h2>
            <ActionForm action=add attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <EntryFields new=true/>
                <div class="form-actions">
                    <button type="submit">{t.add}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// A plain multipart post: the server function answers with this page again, showing the
/// outcome (`kept`).
#[component]
fn Import(kept: Option<ImportOutcome>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().registry;
    view! {
        <section class="form-page" aria-labelledby="import-title">
            <h2 id="import-title">{t.import_title}</h2>
            <p>{t.import_intro}</p>
            <pre class="example">{t.import_example}</pre>
            <div id="import-outcome" aria-live="polite">
                {kept.map(|outcome| view! { <Outcome outcome/> })}
            </div>
            <form
                method="post"
                action="/api/admin/import-customer-numbers"
                enctype="multipart/form-data"
                class="stacked-form"
            >
                <div class="field">
                    <label for="import-file">{t.import_file}</label>
                    <input id="import-file" type="file" name="file" accept=".csv,text/csv,text/plain"/>
                </div>
                <div class="form-actions">
                    <button type="submit">{t.import_submit}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn Outcome(outcome: ImportOutcome) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.registry;
    let refusal = match outcome {
        ImportOutcome::Imported(s) => {
            return view! {
                <p class="notice" role="status">{(t.imported)(crate::i18n::ImportCounts { added: s.added, changed: s.changed, unchanged: s.unchanged })}</p>
            }
            .into_any();
        }
        ImportOutcome::Refused(refusal) => refusal,
    };
    let (reason, rows) = match refusal {
        ImportRefusal::Empty => (Some(t.refused_empty.to_owned()), Vec::new()),
        ImportRefusal::NotUtf8 { line } => (Some((t.refused_not_utf8)(line)), Vec::new()),
        ImportRefusal::MissingColumns(fields) => {
            let names: Vec<&str> = fields.iter().map(|f| field_name(texts, *f)).collect();
            (Some((t.refused_columns)(&names.join(", "))), Vec::new())
        }
        ImportRefusal::NoRows => (Some(t.refused_no_rows.to_owned()), Vec::new()),
        ImportRefusal::TooManyRows { max } => (Some((t.refused_too_many)(max)), Vec::new()),
        ImportRefusal::Rows { errors, more } => {
            let mut rows: Vec<(String, String)> = errors
                .into_iter()
                .map(|e| ((t.line)(e.line), problem(texts, e.problem)))
                .collect();
            if more > 0 {
                rows.push((String::new(), (t.refused_more)(more)));
            }
            (None, rows)
        }
    };
    let rows = (!rows.is_empty()).then(|| {
        view! {
            <ul class="row-errors">
                {rows
                    .into_iter()
                    .map(|(line, text)| view! { <li><strong>{line}</strong>" "{text}</li> })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <div class="form-error" role="alert" id="import-refused">
            <p>{t.refused}</p>
            {reason.map(|reason| view! { <p>{reason}</p> })}
            {rows}
        </div>
    }
    .into_any()
}

fn field_name(texts: &Texts, field: RegistryField) -> &'static str {
    let [number, company, postal_code, contact] = texts.registry.fields;
    match field {
        RegistryField::CustomerNumber => number,
        RegistryField::CompanyName => company,
        RegistryField::PostalCode => postal_code,
        RegistryField::ContactEmail => contact,
    }
}

fn problem(texts: &Texts, problem: RowProblem) -> String {
    let t = texts.registry;
    match problem {
        RowProblem::Field(field, error) => format!(
            "{}: {}",
            field_name(texts, field),
            texts.accounts.field_error(&error, texts.email_invalid)
        ),
        RowProblem::ColumnCount { found, expected } => {
            (t.column_count)(crate::i18n::ColumnCount { found, expected })
        }
        RowProblem::Duplicate { first_line } => (t.duplicate)(first_line),
        RowProblem::Unreadable => t.unreadable.to_owned(),
    }
}
