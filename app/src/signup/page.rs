//! The signup page. With JavaScript every field is checked as the user leaves or changes it,
//! the password checklist ticks while typing, and the bank details disappear as soon as a
//! customer number is entered. Without JavaScript the same form posts normally, and a refused
//! form comes back filled in (except the passwords) with each error next to its field.

use super::form::{parse_signup, FieldErrors, SignupField, SignupForm};
use super::register::{signup_draft, SignUp, SignupError};
use crate::domain::{Country, FederalState, FieldError, PasswordRule, Salutation};
use crate::i18n::Locale;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use std::collections::HashSet;

/// What every input of the form reads and writes.
#[derive(Clone, Copy)]
struct FormState {
    locale: Locale,
    draft: RwSignal<SignupForm>,
    /// Fields the user has changed or left: checked live from then on.
    touched: RwSignal<HashSet<SignupField>>,
    /// Fields changed since the server last answered: its verdict on them is stale.
    edited: RwSignal<HashSet<SignupField>>,
    live_errors: Memo<FieldErrors>,
    server_errors: Signal<FieldErrors>,
    /// After hydration: only then may sections hide (without JavaScript nothing could show
    /// them again).
    interactive: RwSignal<bool>,
}

impl FormState {
    fn set(&self, field: SignupField, value: String) {
        self.draft.update(|d| d.set(field, value));
        self.touched.update(|t| {
            t.insert(field);
        });
        self.edited.update(|e| {
            e.insert(field);
        });
    }

    fn touch(&self, field: SignupField) {
        self.touched.update(|t| {
            t.insert(field);
        });
    }

    fn error(&self, field: SignupField) -> Option<FieldError> {
        let find = |errors: &FieldErrors| {
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

    fn message(&self, field: SignupField) -> Option<String> {
        let texts = self.locale.texts();
        self.error(field)
            .map(|e| texts.accounts.field_error(&e, texts.email_invalid))
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let t = locale.texts().accounts;
    let draft = Resource::new(|| (), |_| signup_draft());
    view! {
        <Title text=t.signup_title/>
        <Suspense fallback=|| ()>
            {move || draft.get().map(|kept| {
                let kept = kept.ok().flatten().unwrap_or_default();
                view! { <SignupFormView kept/> }
            })}
        </Suspense>
    }
}

#[component]
fn SignupFormView(kept: SignupForm) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let t = locale.texts().accounts;
    let texts = locale.texts();
    let action = ServerAction::<SignUp>::new();
    let answer = move || action.value().get().and_then(Result::err);
    let server_errors = Signal::derive(move || match answer() {
        Some(SignupError::Invalid(errors)) => errors,
        _ => FieldErrors::new(),
    });
    let draft = RwSignal::new(kept);
    let state = FormState {
        locale,
        draft,
        touched: RwSignal::new(HashSet::new()),
        edited: RwSignal::new(HashSet::new()),
        live_errors: Memo::new(move |_| draft.with(|d| parse_signup(d).err().unwrap_or_default())),
        server_errors,
        interactive: RwSignal::new(false),
    };
    Effect::new(move |_| state.interactive.set(true));
    // A new answer from the server is about the form as it is now.
    Effect::new(move |_| {
        action.version().track();
        state.edited.set(HashSet::new());
    });
    provide_context(state);
    let form_error = move || match answer() {
        Some(SignupError::TooManyAttempts { retry_after_secs }) => {
            Some((t.too_many_requests)(retry_after_secs.div_ceil(60)))
        }
        Some(SignupError::Internal | SignupError::Transport(_)) => {
            Some(texts.error_text.to_owned())
        }
        _ => None,
    };
    let hide_bank = move || state.interactive.get() && draft.with(SignupForm::has_customer_number);
    let hide_state = move || {
        state.interactive.get() && draft.with(|d| !d.country.is_empty() && !d.is_in_germany())
    };
    use SignupField as F;
    view! {
        <section class="form-page wide">
            <h1>{t.signup_title}</h1>
            <p>{t.signup_intro}</p>
            <ActionForm action attr:class="stacked-form signup-form" attr:novalidate="">
                <p class="form-error" role="alert" id="signup-error">{form_error}</p>
                <fieldset>
                    <legend>{t.section_login}</legend>
                    <Input field=F::Email label=texts.field_email input_type="email" autocomplete="email"/>
                    <Input field=F::Password label=texts.field_password input_type="password" autocomplete="new-password"/>
                    <PasswordChecklist/>
                    <Input field=F::PasswordConfirmation label=t.field_password_confirmation input_type="password" autocomplete="new-password"/>
                </fieldset>
                <fieldset>
                    <legend>{t.section_contact}</legend>
                    <Choice
                        field=F::Salutation
                        label=t.field_salutation
                        options=Salutation::ALL.iter().zip(t.salutations).map(|(s, l)| (s.code(), l)).collect()
                    />
                    <Input field=F::FirstName label=t.field_first_name autocomplete="given-name"/>
                    <Input field=F::LastName label=t.field_last_name autocomplete="family-name"/>
                    <Input field=F::Phone label=t.field_phone input_type="tel" autocomplete="tel"/>
                </fieldset>
                <fieldset>
                    <legend>{t.section_company}</legend>
                    <Input field=F::CompanyName label=t.field_company autocomplete="organization"/>
                    <Input field=F::Street label=t.field_street autocomplete="street-address"/>
                    <Input field=F::PostalCode label=t.field_postal_code autocomplete="postal-code"/>
                    <Input field=F::City label=t.field_city autocomplete="address-level2"/>
                    <Choice
                        field=F::Country
                        label=t.field_country
                        options=Country::ALL.iter().zip(t.countries).map(|(c, l)| (c.code(), l)).collect()
                    />
                    <div class:hidden=hide_state>
                        <Choice
                            field=F::FederalState
                            label=t.field_federal_state
                            hint=t.federal_state_hint
                            options=FederalState::ALL.iter().map(|s| (s.code(), s.name())).collect()
                        />
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{t.section_customer_number}</legend>
                    <p class="hint">{t.customer_number_hint}</p>
                    <Input field=F::CustomerNumber label=t.field_customer_number optional=true/>
                </fieldset>
                <fieldset class:hidden=hide_bank id="bank-details">
                    <legend>{t.section_bank}</legend>
                    <p class="hint">{t.bank_hint}</p>
                    <Input field=F::AccountHolder label=t.field_account_holder/>
                    <Input field=F::Iban label=t.field_iban/>
                    <Input field=F::Bic label=t.field_bic optional=true/>
                </fieldset>
                <fieldset>
                    <legend>{t.section_partner}</legend>
                    <Input field=F::PartnerId label=t.field_partner_id hint=t.partner_id_hint optional=true/>
                </fieldset>
                <fieldset>
                    <legend>{t.section_terms}</legend>
                    <Consent field=F::AcceptTerms words=t.accept_terms href="/terms"/>
                    <Consent field=F::AcceptPrivacy words=t.accept_privacy href="/privacy"/>
                </fieldset>
                <button type="submit">{t.signup_submit}</button>
            </ActionForm>
        </section>
    }
}

/// The label, the hint, and the error below, tied to the control for screen readers.
#[component]
fn Labelled(
    field: SignupField,
    label: &'static str,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional)] optional: bool,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<FormState>();
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

fn described_by(field: SignupField, hint: Option<&str>) -> String {
    match hint {
        Some(_) => format!("{0}-error {0}-hint", field.id()),
        None => format!("{}-error", field.id()),
    }
}

#[component]
fn Input(
    field: SignupField,
    label: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    // Passwords are never written back into a page.
    let value =
        move || (input_type != "password").then(|| state.draft.with(|d| d.value(field).to_owned()));
    view! {
        <Labelled field label hint optional>
            <input
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

#[component]
fn Choice(
    field: SignupField,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let t = state.locale.texts().accounts;
    let chosen = move |code: &str| state.draft.with(|d| d.value(field) == code);
    view! {
        <Labelled field label hint>
            <select
                id=field.id()
                name=field.name()
                aria-invalid=move || state.error(field).is_some().to_string()
                aria-describedby=described_by(field, hint)
                on:change=move |ev| state.set(field, event_target_value(&ev))
                on:blur=move |_| state.touch(field)
            >
                <option value="" selected=move || chosen("")>{t.choose}</option>
                {options
                    .into_iter()
                    .map(|(code, name)| {
                        view! { <option value=code selected=move || chosen(code)>{name}</option> }
                    })
                    .collect_view()}
            </select>
        </Labelled>
    }
}

/// A checkbox whose label links to the document it agrees to (opened beside the form).
#[component]
fn Consent(
    field: SignupField,
    words: (&'static str, &'static str, &'static str),
    href: &'static str,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let (before, link, after) = words;
    view! {
        <div class="field checkbox">
            <input
                type="checkbox"
                id=field.id()
                name=field.name()
                value="on"
                checked=move || state.draft.with(|d| !d.value(field).is_empty())
                aria-invalid=move || state.error(field).is_some().to_string()
                aria-describedby=format!("{}-error", field.id())
                on:change=move |ev| {
                    let ticked = event_target_checked(&ev);
                    state.set(field, if ticked { "on".to_owned() } else { String::new() });
                }
            />
            <label for=field.id()>
                {before}
                <a href=href target="_blank" rel="noopener">{link}</a>
                {after}
            </label>
            <p class="field-error" id=format!("{}-error", field.id())>
                {move || state.message(field)}
            </p>
        </div>
    }
}

/// The password rules as a list that ticks while typing, and a strength meter. Without
/// JavaScript it is the list of rules to follow.
#[component]
fn PasswordChecklist() -> impl IntoView {
    let state = expect_context::<FormState>();
    let t = state.locale.texts().accounts;
    let password = move || state.draft.with(|d| d.password.clone());
    let strength = move || crate::domain::password_strength(&password());
    view! {
        <div class="password-help" id="password-rules">
            <p>{t.password_rules_title}</p>
            <ul>
                {PasswordRule::ALL
                    .into_iter()
                    .filter(|rule| *rule != PasswordRule::MaxLength)
                    .map(|rule| {
                        let met = move || rule.is_met_by(&password()) && !password().is_empty();
                        view! {
                            <li class:met=met>
                                <span class="tick" aria-hidden="true">{move || if met() { "✓" } else { "·" }}</span>
                                {t.password_rule(rule)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="strength" class:hidden=move || !state.interactive.get()>
                <label for="password-strength">{t.strength}": "</label>
                <meter id="password-strength" min="0" max="4" low="2" high="3" optimum="4" value=strength></meter>
                " "
                <span>{move || t.strength_levels[usize::from(strength())]}</span>
            </p>
        </div>
    }
}
