//! The signup page. With JavaScript every field is checked as the user leaves or changes it,
//! the password checklist ticks while typing, and the bank details disappear as soon as a
//! customer number is entered. Without JavaScript the same form posts normally, and a refused
//! form comes back filled in (except the passwords) with each error next to its field.

use super::form::{parse_signup, FieldErrors, SignupField, SignupForm};
use super::register::{signup_draft, SignUp, SignupError};
use crate::ui::form::{Checkbox, Choice, FormState, Input};
use kontor_domain::{Country, FederalState, PasswordRule, Salutation};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

type State = FormState<SignupField>;

#[component]
pub fn SignupPage() -> impl IntoView {
    let locale = crate::i18n::use_locale();
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

#[island(lazy)]
fn SignupFormView(kept: SignupForm) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().accounts;
    let texts = locale.texts();
    let action = ServerAction::<SignUp>::new();
    let answer = move || action.value().get().and_then(Result::err);
    let server_errors = Signal::derive(move || match answer() {
        Some(SignupError::Invalid(errors)) => errors,
        _ => FieldErrors::new(),
    });
    let state = State::new(
        kept,
        |form| parse_signup(form).err().unwrap_or_default(),
        server_errors,
    );
    let draft = state.draft;
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

/// A checkbox whose label links to the document it agrees to (opened beside the form).
#[component]
fn Consent(
    field: SignupField,
    words: (&'static str, &'static str, &'static str),
    href: &'static str,
) -> impl IntoView {
    let (before, link, after) = words;
    view! {
        <Checkbox field>
            {before}
            <a href=href target="_blank" rel="noopener">{link}</a>
            {after}
        </Checkbox>
    }
}

/// The password rules as a list that ticks while typing, and a strength meter. Without
/// JavaScript it is the list of rules to follow.
#[component]
fn PasswordChecklist() -> impl IntoView {
    let state = expect_context::<State>();
    let t = state.locale.texts().accounts;
    let password = move || state.draft.with(|d| d.password.clone());
    let strength = move || kontor_domain::password_strength(&password());
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
