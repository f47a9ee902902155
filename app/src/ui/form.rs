//! The form kit every data-entry form uses: the form as typed lives in a signal, each field is
//! parsed live (by the same function the server runs) once the user changed or left it, and
//! the server's verdict shows next to the field until the field is edited again. Without
//! JavaScript the inputs are plain form controls whose values come from the server.

use crate::i18n::Locale;
use kontor_domain::{FieldError, FieldErrors};
use leptos::prelude::*;
use std::collections::HashSet;
use std::hash::Hash;

/// One field of a form: its input's name and how to read and write it in the form as typed.
pub trait FormField: Copy + Eq + Hash + Send + Sync + 'static {
    /// The form as typed (all text), which the server function receives as `form`.
    type Form: Clone + Send + Sync + 'static;

    /// The input's `name`, `form[…]`: the server function's argument is called `form`.
    fn name(self) -> &'static str;
    fn value(self, form: &Self::Form) -> &str;
    fn set(self, form: &mut Self::Form, value: String);

    /// The input's `id`: its name without `form[…]`.
    fn id(self) -> &'static str {
        let name = self.name();
        &name["form[".len()..name.len() - 1]
    }
}

/// What every input of one form reads and writes (provided as context by `FormState::new`).
pub struct FormState<F: FormField> {
    pub locale: Locale,
    pub draft: RwSignal<F::Form>,
    /// Fields the user has changed or left: checked live from then on.
    touched: RwSignal<HashSet<F>>,
    /// Fields changed since the server last answered: its verdict on them is stale.
    edited: RwSignal<HashSet<F>>,
    live_errors: Memo<FieldErrors<F>>,
    server_errors: Signal<FieldErrors<F>>,
    /// After hydration: only then may parts of a form hide (without JavaScript nothing could
    /// show them again).
    pub interactive: RwSignal<bool>,
}

impl<F: FormField> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: FormField> Copy for FormState<F> {}

impl<F: FormField> FormState<F> {
    /// The state of a form that starts as `kept` and is parsed by `parse`; `server_errors`
    /// is the field errors of the server's last answer.
    pub fn new(
        kept: F::Form,
        parse: impl Fn(&F::Form) -> FieldErrors<F> + Send + Sync + 'static,
        server_errors: Signal<FieldErrors<F>>,
    ) -> Self {
        let draft = RwSignal::new(kept);
        let state = FormState {
            locale: crate::i18n::use_locale(),
            draft,
            touched: RwSignal::new(HashSet::new()),
            edited: RwSignal::new(HashSet::new()),
            live_errors: Memo::new(move |_| draft.with(&parse)),
            server_errors,
            interactive: RwSignal::new(false),
        };
        Effect::new(move |_| state.interactive.set(true));
        // A new answer from the server is about the form as it is now.
        Effect::new(move |_| {
            server_errors.track();
            state.edited.set(HashSet::new());
        });
        provide_context(state);
        state
    }

    pub fn set(&self, field: F, value: String) {
        self.draft.update(|d| field.set(d, value));
        self.touched.update(|t| {
            t.insert(field);
        });
        self.edited.update(|e| {
            e.insert(field);
        });
    }

    pub fn touch(&self, field: F) {
        self.touched.update(|t| {
            t.insert(field);
        });
    }

    pub fn value(&self, field: F) -> String {
        self.draft.with(|d| field.value(d).to_owned())
    }

    pub fn value_untracked(&self, field: F) -> String {
        self.draft.with_untracked(|d| field.value(d).to_owned())
    }

    pub fn error(&self, field: F) -> Option<FieldError> {
        let find = |errors: &FieldErrors<F>| {
            errors
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, e)| e.clone())
        };
        let from_server = (!self.edited.with(|e| e.contains(&field)))
            .then(|| self.server_errors.with(find))
            .flatten();
        from_server.or_else(|| {
            self.touched
                .with(|t| t.contains(&field))
                .then(|| self.live_errors.with(find))
                .flatten()
        })
    }

    pub fn message(&self, field: F) -> Option<String> {
        let texts = self.locale.texts();
        self.error(field)
            .map(|e| texts.accounts.field_error(&e, texts.email_invalid))
    }
}

/// The field errors of a form server function's last answer (none after a success or before
/// the first answer), for `FormState::new`.
pub fn server_errors<T, F>(
    answer: impl Fn() -> Option<Result<T, crate::error::FormError<F>>> + Send + Sync + 'static,
) -> Signal<FieldErrors<F>>
where
    F: Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        answer()
            .and_then(Result::err)
            .map(|e| e.field_errors())
            .unwrap_or_default()
    })
}

/// The label, the hint, and the error below, tied to the control for screen readers.
#[component]
pub fn Labelled<F: FormField>(
    field: F,
    label: &'static str,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional)] optional: bool,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<FormState<F>>();
    let t = state.locale.texts().accounts;
    view! {
        <div class="field">
            <label for=field.id()>
                {label}
                {optional.then(|| view! { <span class="optional">" (" {t.optional} ")"</span> })}
            </label>
            {children()}
            {hint.map(|hint| view! { <p class="hint" id=format!("{}-hint", field.id())>{hint}</p> })}
            <p class="field-error" id=format!("{}-error", field.id())>
                {move || state.message(field)}
            </p>
        </div>
    }
}

/// What was typed (or ticked, or chosen) before the island woke up is in the control, not
/// yet in the form as typed: it is taken over once (`read` gives the control's value), so
/// that checks, hidden sections and the answer are about it. It counts as an edit, as it
/// would have awake: checked from now on, not first when the field is left, which would
/// put a message in where the pointer is about to click.
pub fn take_over_typed<F: FormField>(
    state: FormState<F>,
    field: F,
    read: impl Fn() -> Option<String> + 'static,
) {
    Effect::new(move |_| {
        if let Some(typed) = read() {
            if typed != state.value_untracked(field) {
                state.set(field, typed);
            }
        }
    });
}

/// The `node_ref` for a field's input, whose value is taken over as the island wakes up.
pub fn typed_before_hydration<F: FormField>(
    state: FormState<F>,
    field: F,
) -> NodeRef<leptos::html::Input> {
    let input = NodeRef::<leptos::html::Input>::new();
    take_over_typed(state, field, move || input.get().map(|e| e.value()));
    input
}

/// The `node_ref` for a field's select, whose choice is taken over as the island wakes up.
pub fn chosen_before_hydration<F: FormField>(
    state: FormState<F>,
    field: F,
) -> NodeRef<leptos::html::Select> {
    let select = NodeRef::<leptos::html::Select>::new();
    take_over_typed(state, field, move || select.get().map(|e| e.value()));
    select
}

pub fn described_by<F: FormField>(field: F, hint: Option<&str>) -> String {
    match hint {
        Some(_) => format!("{0}-error {0}-hint", field.id()),
        None => format!("{}-error", field.id()),
    }
}

#[component]
pub fn Input<F: FormField>(
    field: F,
    label: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let state = expect_context::<FormState<F>>();
    // Passwords are never written back into a page.
    let value = move || (input_type != "password").then(|| state.value(field));
    let input = typed_before_hydration(state, field);
    view! {
        <Labelled field label hint optional>
            <input
                node_ref=input
                id=field.id()
                name=field.name()
                type=input_type
                autocomplete=autocomplete
                value=value
                required=!optional
                aria-invalid=move || state.error(field).is_some().to_string()
                aria-describedby=described_by(field, hint)
                on:input=move |ev| state.set(field, event_target_value(&ev))
                on:blur=move |_| state.touch(field)
            />
        </Labelled>
    }
}

/// Text over several lines. The page carries the text as the element's content (so it is
/// there without JavaScript).
#[component]
pub fn TextArea<F: FormField>(
    field: F,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<FormState<F>>();
    let text = NodeRef::<leptos::html::Textarea>::new();
    take_over_typed(state, field, move || text.get().map(|e| e.value()));
    view! {
        <Labelled field label hint>
            <textarea
                node_ref=text
                id=field.id()
                name=field.name()
                rows="6"
                required=true
                aria-invalid=move || state.error(field).is_some().to_string()
                aria-describedby=described_by(field, hint)
                on:input=move |ev| state.set(field, event_target_value(&ev))
                on:blur=move |_| state.touch(field)
            >
                {state.value_untracked(field)}
            </textarea>
        </Labelled>
    }
}

/// A `Choice`'s options: (value, label), fixed texts or read from the database.
pub struct Options(Vec<(String, String)>);

impl<V: Into<String>, L: Into<String>> FromIterator<(V, L)> for Options {
    fn from_iter<I: IntoIterator<Item = (V, L)>>(options: I) -> Self {
        Options(
            options
                .into_iter()
                .map(|(value, label)| (value.into(), label.into()))
                .collect(),
        )
    }
}

/// A select. Its first option is empty: "please choose", or what `none` calls it where
/// choosing nothing means something.
#[component]
pub fn Choice<F: FormField>(
    field: F,
    label: &'static str,
    options: Options,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] none: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<FormState<F>>();
    let t = state.locale.texts().accounts;
    let chosen = move |code: &str| state.draft.with(|d| field.value(d) == code);
    view! {
        <Labelled field label hint>
            <select
                node_ref=chosen_before_hydration(state, field)
                id=field.id()
                name=field.name()
                aria-invalid=move || state.error(field).is_some().to_string()
                aria-describedby=described_by(field, hint)
                on:change=move |ev| state.set(field, event_target_value(&ev))
                on:blur=move |_| state.touch(field)
            >
                <option value="" selected=move || chosen("")>{none.unwrap_or(t.choose)}</option>
                {options
                    .0
                    .into_iter()
                    .map(|(code, name)| {
                        let selected = code.clone();
                        view! { <option value=code selected=move || chosen(&selected)>{name}</option> }
                    })
                    .collect_view()}
            </select>
        </Labelled>
    }
}

/// A checkbox (sent as `on` when ticked) with its label, which `children` may enrich with a
/// link, and its error.
#[component]
pub fn Checkbox<F: FormField>(field: F, children: Children) -> impl IntoView {
    let state = expect_context::<FormState<F>>();
    let checkbox = NodeRef::<leptos::html::Input>::new();
    take_over_typed(state, field, move || {
        checkbox.get().map(|e| ticked(e.checked()))
    });
    view! {
        <div class="field checkbox">
            <input
                node_ref=checkbox
                type="checkbox"
                id=field.id()
                name=field.name()
                value="on"
                checked=move || state.draft.with(|d| !field.value(d).is_empty())
                aria-invalid=move || state.error(field).is_some().to_string()
                aria-describedby=format!("{}-error", field.id())
                on:change=move |ev| state.set(field, ticked(event_target_checked(&ev)))
            />
            <label for=field.id()>{children()}</label>
            <p class="field-error" id=format!("{}-error", field.id())>
                {move || state.message(field)}
            </p>
        </div>
    }
}

/// A checkbox's value as its plain post sends it: `on` when ticked, nothing otherwise.
fn ticked(checked: bool) -> String {
    if checked { "on" } else { "" }.to_owned()
}
