//! Changing a subscription under the new-commerce rules, on its page: fewer users or a
//! cancellation while the change window is open, users for the renewal at any time, automatic
//! renewal on or off. The forms are parsed alike in browser and server; each change is one
//! request at the provider, shown as pending until the job has it settled.

use super::actions::{
    CancelSubscription, KeptChanges, ReduceSeats, ScheduleRenewalSeats, SwitchAutoRenew,
};
use super::SubscriptionDetail;
use crate::error::FormError;
use crate::i18n::{format_date_time, Locale};
use crate::ui::form::{server_errors, Checkbox, FormField, FormState, Input};
use crate::ui::ReloadWhileBusy;
use kontor_domain::ProviderProblem;
use kontor_domain::{
    days_hours_minutes, seats, ticked, ChangeKind, ChangeWindow, Collector, FieldErrors,
};
use leptos::form::ActionForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeStatus {
    Pending,
    Done,
    /// Refused by the provider (why), or it could not be reached for too long (`None`).
    Failed(Option<ProviderProblem>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRecord {
    pub change: ChangeKind,
    pub status: ChangeStatus,
    pub requested_at: i64,
}

/// The forms for fewer users, users at the renewal, and cancelling.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeForm {
    pub seats: String,
    pub confirm: Option<String>,
}

/// The fields of the three forms; the two forms with a number of users have one each (one
/// page, so ids of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeField {
    ReduceSeats,
    RenewalSeats,
    Confirm,
}

impl FormField for ChangeField {
    type Form = ChangeForm;

    fn name(self) -> &'static str {
        match self {
            ChangeField::ReduceSeats | ChangeField::RenewalSeats => "form[seats]",
            ChangeField::Confirm => "form[confirm]",
        }
    }

    fn value(self, form: &ChangeForm) -> &str {
        match self {
            ChangeField::ReduceSeats | ChangeField::RenewalSeats => &form.seats,
            ChangeField::Confirm => form.confirm.as_deref().unwrap_or_default(),
        }
    }

    fn set(self, form: &mut ChangeForm, value: String) {
        match self {
            ChangeField::ReduceSeats | ChangeField::RenewalSeats => form.seats = value,
            ChangeField::Confirm => form.confirm = (!value.is_empty()).then_some(value),
        }
    }

    fn id(self) -> &'static str {
        match self {
            ChangeField::ReduceSeats => "reduce-seats",
            ChangeField::RenewalSeats => "renewal-seats",
            ChangeField::Confirm => "cancel-confirm",
        }
    }
}

/// Which form it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeAsked {
    Reduce,
    RenewalSeats,
    Cancel,
}

/// The change a form asks for, given the users now (`current`) and the product's most:
/// fewer users are at least one and fewer than now; the renewal's between one and the most;
/// a cancellation is confirmed.
pub fn parse_change(
    asked: ChangeAsked,
    form: &ChangeForm,
    current: u32,
    max: u32,
) -> Result<ChangeKind, FieldErrors<ChangeField>> {
    let mut errors = Collector::default();
    let change = match asked {
        ChangeAsked::Reduce => errors
            .check(
                ChangeField::ReduceSeats,
                seats(&form.seats, 1, current.saturating_sub(1)),
            )
            .map(|seats| ChangeKind::Reduce { seats }),
        ChangeAsked::RenewalSeats => errors
            .check(ChangeField::RenewalSeats, seats(&form.seats, 1, max))
            .map(|seats| ChangeKind::RenewalSeats { seats }),
        ChangeAsked::Cancel => errors
            .check(ChangeField::Confirm, ticked(&form.confirm))
            .map(|()| ChangeKind::Cancel),
    };
    errors.finish(change)
}

/// How long the window is still open: "noch 2 Tage 5 Stunden".
pub fn remaining(secs: i64, locale: Locale) -> String {
    let (days, hours, minutes) = days_hours_minutes(secs);
    (locale.texts().subscriptions.window_remaining)(crate::i18n::TimeLeft {
        days,
        hours,
        minutes,
    })
}

/// The subscription page's changes: where the latest one stands, the window, and the forms
/// that are possible now.
#[component]
pub fn SubscriptionChanges(detail: SubscriptionDetail, kept: KeptChanges) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().subscriptions;
    let s = &detail.subscription;
    if !s.changeable() {
        return ().into_any();
    }
    let latest = detail.latest_change.map(|record| {
        let change = t.change(record.change);
        match record.status {
            ChangeStatus::Pending => view! {
                <p class="notice-box" role="status" id="change-status">{(t.change_pending)(&change)}</p>
                <ReloadWhileBusy/>
            }
            .into_any(),
            ChangeStatus::Done => view! {
                <p class="status-box green" role="status" id="change-status">{(t.change_done)(&change)}</p>
            }
            .into_any(),
            ChangeStatus::Failed(problem) => {
                let why = match problem {
                    Some(problem) => (locale.texts().provider.problem)(problem),
                    None => t.change_unreachable.to_owned(),
                };
                view! {
                    <p class="status-box red" role="alert" id="change-status">{(t.change_failed)(crate::i18n::FailedChange { change: &change, why: &why })}</p>
                }
                .into_any()
            }
        }
    });
    let window = detail.window.map(|window| match window {
        ChangeWindow::Open {
            closes_at,
            remaining_secs,
        } => (t.window_open)(crate::i18n::OpenWindow {
            left: &remaining(remaining_secs, locale),
            until: &format_date_time(closes_at, locale),
        }),
        ChangeWindow::Closed {
            closed_at,
            reopens_at,
        } => (t.window_closed)(crate::i18n::ClosedWindow {
            closed: &format_date_time(closed_at, locale),
            reopens: &reopens_at.map_or(t.window_no_reopening.to_owned(), |at| {
                format_date_time(at, locale)
            }),
        }),
    });
    // What the subscription allows now decides which forms there are.
    let in_window = detail.allows(ChangeKind::Cancel).is_ok();
    let forms = detail
        .allows(ChangeKind::AutoRenew { on: true })
        .is_ok()
        .then(|| {
            let (id, current) = (s.id, s.seats);
            let KeptChanges {
                reduce,
                renewal,
                cancel,
            } = kept;
            view! {
                {(in_window && current > 1).then(|| view! { <ReduceForm id current kept=reduce/> })}
                <RenewalForm id max=detail.max_seats kept=renewal/>
                <AutoRenewForm id on=s.auto_renew/>
                {in_window.then(|| view! { <CancelForm id kept=cancel/> })}
            }
        });
    view! {
        <section class="subscription-changes" id="subscription-changes">
            <h2>{t.changes_title}</h2>
            {latest}
            <p id="change-window">{window}</p>
            {forms}
        </section>
    }
    .into_any()
}

/// The refusal of a change form that is not about a field.
fn refusal(value: Option<Result<(), FormError<ChangeField>>>) -> Option<String> {
    let texts = crate::i18n::use_locale().texts();
    match value {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    }
}

/// An island: checked as it is typed.
#[island(lazy)]
fn ReduceForm(id: i64, current: u32, kept: ChangeForm) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().subscriptions;
    let action = ServerAction::<ReduceSeats>::new();
    FormState::new(
        kept,
        move |form| {
            parse_change(ChangeAsked::Reduce, form, current, current)
                .err()
                .unwrap_or_default()
        },
        server_errors(move || action.value().get()),
    );
    view! {
        <ActionForm action attr:class="stacked-form" attr:novalidate="" attr:id="reduce-form">
            <h3>{t.reduce_title}</h3>
            <p class="form-error" role="alert">{move || refusal(action.value().get())}</p>
            <input type="hidden" name="id" value=id/>
            <Input field=ChangeField::ReduceSeats label=t.reduce_seats input_type="number" autocomplete="off"/>
            <button type="submit" disabled=move || action.pending().get()>{t.reduce_submit}</button>
        </ActionForm>
    }
}

/// An island: checked as it is typed.
#[island(lazy)]
fn RenewalForm(id: i64, max: u32, kept: ChangeForm) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().subscriptions;
    let action = ServerAction::<ScheduleRenewalSeats>::new();
    FormState::new(
        kept,
        move |form| {
            parse_change(ChangeAsked::RenewalSeats, form, max, max)
                .err()
                .unwrap_or_default()
        },
        server_errors(move || action.value().get()),
    );
    view! {
        <ActionForm action attr:class="stacked-form" attr:novalidate="" attr:id="renewal-form">
            <h3>{t.renewal_title}</h3>
            <p class="hint">{t.renewal_hint}</p>
            <p class="form-error" role="alert">{move || refusal(action.value().get())}</p>
            <input type="hidden" name="id" value=id/>
            <Input field=ChangeField::RenewalSeats label=t.renewal_seats input_type="number" autocomplete="off"/>
            <button type="submit" disabled=move || action.pending().get()>{t.renewal_submit}</button>
        </ActionForm>
    }
}

#[component]
fn AutoRenewForm(id: i64, on: bool) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().subscriptions;
    let action = ServerAction::<SwitchAutoRenew>::new();
    view! {
        <ActionForm action attr:class="stacked-form" attr:id="auto-renew-form">
            <h3>{t.auto_renew_title}</h3>
            <p>{if on { t.auto_renew_is_on } else { t.auto_renew_is_off }}</p>
            <p class="form-error" role="alert">{move || refusal(action.value().get())}</p>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="on" value=if on { "false" } else { "true" }/>
            <button type="submit" disabled=move || action.pending().get()>
                {if on { t.auto_renew_switch_off } else { t.auto_renew_switch_on }}
            </button>
        </ActionForm>
    }
}

/// An island: checked as it is typed.
#[island(lazy)]
fn CancelForm(id: i64, kept: ChangeForm) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().subscriptions;
    let action = ServerAction::<CancelSubscription>::new();
    FormState::new(
        kept,
        move |form| {
            parse_change(ChangeAsked::Cancel, form, 0, 0)
                .err()
                .unwrap_or_default()
        },
        server_errors(move || action.value().get()),
    );
    view! {
        <ActionForm action attr:class="stacked-form" attr:novalidate="" attr:id="cancel-form">
            <h3>{t.cancel_title}</h3>
            <p class="form-error" role="alert">{move || refusal(action.value().get())}</p>
            <input type="hidden" name="id" value=id/>
            <Checkbox field=ChangeField::Confirm>{t.cancel_confirm}</Checkbox>
            <button type="submit" class="danger" disabled=move || action.pending().get()>
                {t.cancel_submit}
            </button>
        </ActionForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(seats: &str) -> ChangeForm {
        ChangeForm {
            seats: seats.to_owned(),
            confirm: None,
        }
    }

    #[test]
    fn fewer_users_are_at_least_one_and_fewer_than_now() {
        assert_eq!(
            parse_change(ChangeAsked::Reduce, &form("6"), 10, 300),
            Ok(ChangeKind::Reduce { seats: 6 })
        );
        for wrong in ["10", "11", "0", "", "x"] {
            assert!(
                parse_change(ChangeAsked::Reduce, &form(wrong), 10, 300).is_err(),
                "{wrong}"
            );
        }
        // One user cannot become fewer.
        assert!(parse_change(ChangeAsked::Reduce, &form("1"), 1, 300).is_err());
    }

    #[test]
    fn the_renewal_takes_any_number_the_product_allows() {
        assert_eq!(
            parse_change(ChangeAsked::RenewalSeats, &form("12"), 10, 300),
            Ok(ChangeKind::RenewalSeats { seats: 12 })
        );
        assert!(parse_change(ChangeAsked::RenewalSeats, &form("301"), 10, 300).is_err());
    }

    #[test]
    fn a_cancellation_is_confirmed() {
        assert!(parse_change(ChangeAsked::Cancel, &form(""), 10, 300).is_err());
        let confirmed = ChangeForm {
            confirm: Some("on".into()),
            ..ChangeForm::default()
        };
        assert_eq!(
            parse_change(ChangeAsked::Cancel, &confirmed, 10, 300),
            Ok(ChangeKind::Cancel)
        );
    }

    #[test]
    fn the_remaining_time_reads_as_people_say_it() {
        assert_eq!(
            remaining(2 * 86_400 + 5 * 3_600 + 10, Locale::De),
            "noch 2 Tage 5 Stunden"
        );
        assert_eq!(remaining(86_400 + 3_600, Locale::De), "noch 1 Tag 1 Stunde");
        assert_eq!(
            remaining(5 * 3_600 + 30 * 60, Locale::De),
            "noch 5 Stunden 30 Minuten"
        );
        assert_eq!(remaining(59, Locale::De), "noch weniger als eine Minute");
        assert_eq!(remaining(2 * 86_400, Locale::En), "2 days left");
    }
}
