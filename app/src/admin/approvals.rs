//! Resellers who signed up without a customer number wait here, after confirming their
//! address, until distributor staff approve or reject them. Each decision mails the reseller.

use crate::error::AppError;
use crate::i18n::{format_day, Locale};
use crate::resellers::PendingReseller;
use kontor_domain::ResellerId;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[server(endpoint = "admin/pending-resellers")]
pub async fn pending_resellers() -> Result<Vec<PendingReseller>, AppError> {
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    Ok(crate::resellers::server::awaiting_approval(&db, &staff).await?)
}

/// Approves (`approve = true`) or rejects a waiting reseller. Deciding twice changes nothing
/// and sends nothing.
#[server(endpoint = "admin/decide-reseller")]
pub async fn decide_reseller(reseller_id: ResellerId, approve: bool) -> Result<(), AppError> {
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::platform::{mail::outbox, request, unix_now};
    use crate::resellers::server as resellers;
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let links = request::link_base().ok_or(AppError::Internal)?;
    let now = unix_now();
    let mut tx = db.begin().await?;
    if let Some((email, locale)) = resellers::decide(&mut tx, reseller_id, approve, now).await? {
        let mail = crate::signup::mails::decision(locale, &links, approve, email);
        outbox::enqueue(&mut tx, &mail, now).await?;
        let action = if approve {
            AuditAction::ResellerApproved
        } else {
            AuditAction::ResellerRejected
        };
        audit::record(
            &mut tx,
            reseller_id,
            None,
            &Actor::user(&staff),
            &action,
            now,
        )
        .await?;
        tracing::info!(%reseller_id, approve, by = %staff.user_id, "reseller decided");
    }
    tx.commit().await?;
    Ok(())
}

#[component]
pub fn Approvals() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().accounts;
    let decide = ServerAction::<DecideReseller>::new();
    let pending = Resource::new(move || decide.version().get(), |_| pending_resellers());
    let rows = move || {
        Suspend::new(async move {
            // Only staff get the list; the page says why anyone else sees nothing.
            let Ok(pending) = pending.await else {
                return ().into_any();
            };
            let list = if pending.is_empty() {
                view! { <p>{t.approvals_empty}</p> }.into_any()
            } else {
                view! {
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{t.approvals_company}</th>
                            <th scope="col">{t.approvals_contact}</th>
                            <th scope="col">{t.approvals_signed_up}</th>
                            <th scope="col"><span class="visually-hidden">{t.approve}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {pending
                            .into_iter()
                            .map(|r| view! { <PendingRow reseller=r decide locale/> })
                            .collect_view()}
                    </tbody>
                </table>
                }
                .into_any()
            };
            view! {
                <section class="approvals" aria-labelledby="approvals-title">
                    <h2 id="approvals-title">{t.approvals_title}</h2>
                    <p>{t.approvals_intro}</p>
                    {list}
                </section>
            }
            .into_any()
        })
    };
    // A page's own <Suspense>, beside the page's other content rather than inside it: a
    // resource created inside a resolving <Suspense> can deadlock the server's rendering.
    view! { <Suspense fallback=|| ()>{rows}</Suspense> }
}

#[component]
fn PendingRow(
    reseller: PendingReseller,
    decide: ServerAction<DecideReseller>,
    locale: Locale,
) -> impl IntoView {
    let t = locale.texts().accounts;
    let signed_up = format_day(reseller.signed_up_at, locale);
    view! {
        <tr>
            <td>
                <strong>{reseller.company_name}</strong>
                <br/>
                {reseller.city} ", " {reseller.country}
                {reseller.partner_id.map(|id| view! { <br/> "MPN " {id} })}
            </td>
            <td>{reseller.contact}<br/>{reseller.email}</td>
            <td>{signed_up}</td>
            <td>
                {[(true, t.approve, ""), (false, t.reject, "secondary")]
                    .into_iter()
                    .map(|(approve, label, class)| {
                        view! {
                            <ActionForm action=decide attr:class="inline-form">
                                <input type="hidden" name="reseller_id" value=reseller.id.to_string()/>
                                <input type="hidden" name="approve" value=approve.to_string()/>
                                <button type="submit" class=class>{label}</button>
                            </ActionForm>
                        }
                    })
                    .collect_view()}
            </td>
        </tr>
    }
}
