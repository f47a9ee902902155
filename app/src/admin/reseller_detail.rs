//! `/admin/resellers/:id`: one company with its users, and the decisions on its account.

use super::approvals::DecideReseller;
use super::reseller_list::StandingBadge;
use super::resellers::{admin_reseller, ConfirmReseller, LockReseller};
use super::AdminNav;
use crate::audit::History;
use crate::error::AppError;
use crate::i18n::{format_date_time, format_day, format_number};
use crate::resellers::ResellerDetail;
use crate::ui::Refusal;
use kontor_domain::{ResellerId, ResellerStanding, ResellerStatus};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ResellerPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse().ok()));
    let decide = ServerAction::<DecideReseller>::new();
    let lock = ServerAction::<LockReseller>::new();
    let confirm = ServerAction::<ConfirmReseller>::new();
    let loaded = Resource::new(
        move || {
            let versions = (decide.version().get(), lock.version().get());
            (id(), versions, confirm.version().get())
        },
        |(id, _, _)| async move { admin_reseller(id.ok_or(AppError::NotFound)?).await },
    );
    let actions = Actions {
        decide,
        lock,
        confirm,
    };
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok(reseller) => view! { <ResellerView reseller actions/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <AdminNav/>
        <Suspense fallback=|| ()>{body}</Suspense>
    }
}

/// What staff can do to an account on its page.
#[derive(Clone, Copy)]
struct Actions {
    decide: ServerAction<DecideReseller>,
    lock: ServerAction<LockReseller>,
    confirm: ServerAction<ConfirmReseller>,
}

#[component]
fn ResellerView(reseller: ResellerDetail, actions: Actions) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.admin;
    let country = kontor_domain::Country::ALL
        .iter()
        .zip(texts.accounts.countries)
        .find(|(c, _)| c.code() == reseller.country)
        .map_or(reseller.country.clone(), |(_, name)| name.to_owned());
    let or_none = |value: Option<String>| value.unwrap_or_else(|| t.none.to_owned());
    let mut rows = vec![
        (
            t.field_address,
            format!(
                "{}, {} {}, {country}",
                reseller.street, reseller.postal_code, reseller.city
            ),
        ),
        (t.field_customer_number, or_none(reseller.customer_number)),
        (t.field_partner_id, or_none(reseller.partner_id)),
        (t.field_location_mpn, or_none(reseller.location_mpn)),
        (t.field_signed_up, format_day(reseller.signed_up_at, locale)),
        (t.field_customers, format_number(reseller.customers, locale)),
        (t.field_orders, format_number(reseller.orders, locale)),
    ];
    if let Some(at) = reseller.locked_at {
        rows.push((t.field_locked_at, format_date_time(at, locale)));
    }
    let users = reseller
        .users
        .into_iter()
        .map(|user| {
            let role = if user.active {
                t.role(user.role).to_owned()
            } else {
                format!("{} ({})", t.role(user.role), t.user_deactivated)
            };
            view! {
                <tr>
                    <td>{user.name}</td>
                    <td>{user.email}</td>
                    <td>{or_none(user.phone)}</td>
                    <td>{role}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=reseller.company_name.clone()/>
        <p class="breadcrumb"><a href="/admin/resellers">{t.back_to_list}</a></p>
        <div class="page-heading">
            <h1>{reseller.company_name.clone()}</h1>
            <StandingBadge standing=reseller.standing/>
        </div>
        <dl class="details">
            {rows
                .into_iter()
                .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                .collect_view()}
        </dl>
        <section aria-labelledby="users-title">
            <h2 id="users-title">{t.users_title}</h2>
            <div class="table-scroll">
                <table class="table" id="reseller-users">
                    <thead>
                        <tr>
                            <th scope="col">{t.column_name}</th>
                            <th scope="col">{t.column_email}</th>
                            <th scope="col">{t.column_phone}</th>
                            <th scope="col">{t.column_role}</th>
                        </tr>
                    </thead>
                    <tbody>{users}</tbody>
                </table>
            </div>
        </section>
        <Decisions
            id=reseller.id
            standing=reseller.standing
            awaits_confirmation=reseller.awaits_staff_confirmation
            actions
        />
        <History entries=reseller.history/>
    }
}

/// Approve or reject a waiting signup; confirm one its customer number made active; lock or
/// unlock any account.
#[component]
fn Decisions(
    id: ResellerId,
    standing: ResellerStanding,
    /// The order limit (net, cents) while the account awaits staff's confirmation.
    awaits_confirmation: Option<i64>,
    actions: Actions,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.admin;
    let Actions {
        decide,
        lock,
        confirm,
    } = actions;
    let confirmation = awaits_confirmation.map(|limit| {
        let limit = crate::i18n::format_money(limit, locale);
        view! {
            <ActionForm action=confirm attr:class="inline-form">
                <input type="hidden" name="reseller_id" value=id.to_string()/>
                <button type="submit" aria-describedby="confirm-hint">{t.confirm_account}</button>
            </ActionForm>
            <p class="hint" id="confirm-hint">{(t.confirm_hint)(&limit)}</p>
        }
    });
    let waiting = standing == ResellerStanding::Status(ResellerStatus::AwaitingApproval);
    let decisions = waiting.then(|| {
        [
            (true, texts.accounts.approve, ""),
            (false, texts.accounts.reject, "secondary"),
        ]
        .into_iter()
        .map(|(approve, label, class)| {
            view! {
                <ActionForm action=decide attr:class="inline-form">
                    <input type="hidden" name="reseller_id" value=id.to_string()/>
                    <input type="hidden" name="approve" value=approve.to_string()/>
                    <button type="submit" class=class>{label}</button>
                </ActionForm>
            }
        })
        .collect_view()
    });
    let locked = standing == ResellerStanding::Locked;
    let (label, hint, class) = if locked {
        (t.unlock, t.unlock_hint, "")
    } else {
        (t.lock, t.lock_hint, "secondary")
    };
    let refused = move || {
        let decided = decide.value().get().and_then(Result::err);
        let locking = lock.value().get().and_then(Result::err);
        let confirming = confirm.value().get().and_then(Result::err);
        decided
            .or(locking)
            .or(confirming)
            .map(|error| error.message(texts))
    };
    view! {
        <section aria-labelledby="decide-title">
            <h2 id="decide-title">{t.decide_title}</h2>
            <p class="form-error" role="alert">{refused}</p>
            {decisions}
            {confirmation}
            <ActionForm action=lock attr:class="inline-form">
                <input type="hidden" name="reseller_id" value=id.to_string()/>
                <input type="hidden" name="lock" value=(!locked).to_string()/>
                <button type="submit" class=class aria-describedby="lock-hint">{label}</button>
            </ActionForm>
            <p class="hint" id="lock-hint">{hint}</p>
        </section>
    }
}
