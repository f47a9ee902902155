//! `/admin/announcements`: every announcement with its window, newest first.

use super::actions::{admin_announcements, DeleteAnnouncement};
use super::AnnouncementSummary;
use crate::admin::AdminNav;
use crate::i18n::{format_date_time, format_day};
use crate::ui::Refusal;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.announcements;
    let delete = ServerAction::<DeleteAnnouncement>::new();
    let list = Resource::new(move || delete.version().get(), |_| admin_announcements());
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) if list.is_empty() => view! { <p class="empty">{t.empty}</p> }.into_any(),
                Ok(list) => view! { <AnnouncementTable list delete/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.title/>
        <AdminNav/>
        <div class="page-heading">
            <h1>{t.title}</h1>
            <a href="/admin/announcements/new" class="button">{t.new_announcement}</a>
        </div>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn AnnouncementTable(
    list: Vec<AnnouncementSummary>,
    delete: ServerAction<DeleteAnnouncement>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().announcements;
    let rows = list
        .into_iter()
        .map(|a| {
            let window = match a.visible_until {
                // The window ends at the first moment after its last day.
                Some(until) => format!(
                    "{} – {}",
                    format_day(a.visible_from, locale),
                    format_day(until - 1, locale)
                ),
                None => (t.shown_from)(&format_day(a.visible_from, locale)),
            };
            let maintenance = a.maintenance.map(|(starts, ends)| {
                format!(
                    "{} – {}",
                    format_date_time(starts, locale),
                    format_date_time(ends, locale)
                )
            });
            view! {
                <tr>
                    <td>{t.kind(a.kind)}</td>
                    <th scope="row">
                        <a href=format!("/admin/announcements/{}", a.id)>{a.title}</a>
                        {a.pinned.then(|| view! { " " <span class="pin">{t.pinned}</span> })}
                    </th>
                    <td>{window}</td>
                    <td>{maintenance}</td>
                    <td>
                        <ActionForm action=delete attr:class="inline-form">
                            <input type="hidden" name="id" value=a.id/>
                            <button type="submit" class="secondary">{t.delete}</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table" id="announcements">
                <thead>
                    <tr>
                        <th scope="col">{t.field_kind}</th>
                        <th scope="col">{t.column_title}</th>
                        <th scope="col">{t.column_window}</th>
                        <th scope="col">{t.column_maintenance}</th>
                        <th scope="col"><span class="visually-hidden">{t.delete}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
