//! The texts of the announcements and the resellers' start page: `Texts::announcements`.

use kontor_domain::AnnouncementKind;

type Text1 = fn(&str) -> String;

text_args! {
    MaintenanceBanner { title, starts, ends }
    MaintenanceWindow { starts, ends }
}

pub struct AnnouncementTexts {
    pub title: &'static str,
    pub empty: &'static str,
    pub new_announcement: &'static str,
    pub new_title: &'static str,
    pub edit_title: &'static str,
    pub back_to_list: &'static str,
    /// In the order of `AnnouncementKind::ALL`.
    pub kinds: [&'static str; 6],
    pub field_kind: &'static str,
    pub field_title_de: &'static str,
    pub field_body_de: &'static str,
    pub field_title_en: &'static str,
    pub field_body_en: &'static str,
    pub body_hint: &'static str,
    pub field_visible_from: &'static str,
    pub field_visible_until: &'static str,
    pub visible_until_hint: &'static str,
    pub maintenance_legend: &'static str,
    pub maintenance_hint: &'static str,
    pub field_maintenance_from: &'static str,
    pub field_maintenance_until: &'static str,
    pub field_pinned: &'static str,
    pub publish: &'static str,
    pub delete: &'static str,
    pub pinned: &'static str,
    pub column_title: &'static str,
    pub column_window: &'static str,
    pub column_maintenance: &'static str,
    /// The first day of an open-ended window.
    pub shown_from: Text1,
    pub banner: fn(MaintenanceBanner<'_>) -> String,
    pub maintenance_window: fn(MaintenanceWindow<'_>) -> String,
    pub audit_published: Text1,
    pub audit_changed: Text1,
    pub audit_deleted: Text1,
}

impl AnnouncementTexts {
    pub fn kind(&self, kind: AnnouncementKind) -> &'static str {
        match kind {
            AnnouncementKind::Maintenance => self.kinds[0],
            AnnouncementKind::News => self.kinds[1],
            AnnouncementKind::Update => self.kinds[2],
            AnnouncementKind::Promotion => self.kinds[3],
            AnnouncementKind::PriceList => self.kinds[4],
            AnnouncementKind::Guide => self.kinds[5],
        }
    }
}

pub const DE: AnnouncementTexts = AnnouncementTexts {
    title: "Mitteilungen",
    empty: "Noch keine Mitteilungen.",
    new_announcement: "Neue Mitteilung",
    new_title: "Neue Mitteilung",
    edit_title: "Mitteilung bearbeiten",
    back_to_list: "Zurück zu den Mitteilungen",
    kinds: [
        "Wartung",
        "News",
        "Updates",
        "Aktionen",
        "Preislisten",
        "Anleitungen",
    ],
    field_kind: "Art",
    field_title_de: "Titel (Deutsch)",
    field_body_de: "Text (Deutsch)",
    field_title_en: "Titel (Englisch)",
    field_body_en: "Text (Englisch)",
    body_hint: "Markdown: **fett**, *kursiv*, [Link](https://…), Listen mit „- “. HTML und \
                Skripte werden nicht ausgeführt.",
    field_visible_from: "Sichtbar ab",
    field_visible_until: "Sichtbar bis einschließlich",
    visible_until_hint: "Leer lassen, um die Mitteilung bis zum Löschen zu zeigen.",
    maintenance_legend: "Wartungsfenster",
    maintenance_hint: "Nur für Wartungen: Reseller sehen ab einem Tag vor Beginn bis zum Ende \
                       einen Hinweis über der Startseite.",
    field_maintenance_from: "Beginn",
    field_maintenance_until: "Ende",
    field_pinned: "Oben anheften",
    publish: "Veröffentlichen",
    delete: "Löschen",
    pinned: "angeheftet",
    column_title: "Titel",
    column_window: "Sichtbar",
    column_maintenance: "Wartung",
    shown_from: |day| format!("ab {day}"),
    banner: |MaintenanceBanner {
                 title,
                 starts,
                 ends,
             }| format!("Wartung: {title} – von {starts} bis {ends}"),
    maintenance_window: |MaintenanceWindow { starts, ends }| {
        format!("Wartung von {starts} bis {ends}")
    },
    audit_published: |title| format!("Mitteilung „{title}“ veröffentlicht"),
    audit_changed: |title| format!("Mitteilung „{title}“ geändert"),
    audit_deleted: |title| format!("Mitteilung „{title}“ gelöscht"),
};

pub const EN: AnnouncementTexts = AnnouncementTexts {
    title: "Announcements",
    empty: "No announcements yet.",
    new_announcement: "New announcement",
    new_title: "New announcement",
    edit_title: "Edit announcement",
    back_to_list: "Back to the announcements",
    kinds: [
        "Maintenance",
        "News",
        "Updates",
        "Promotions",
        "Price lists",
        "Guides",
    ],
    field_kind: "Kind",
    field_title_de: "Title (German)",
    field_body_de: "Text (German)",
    field_title_en: "Title (English)",
    field_body_en: "Text (English)",
    body_hint: "Markdown: **bold**, *italic*, [link](https://…), lists with \"- \". HTML and \
                scripts are not run.",
    field_visible_from: "Visible from",
    field_visible_until: "Visible until (inclusive)",
    visible_until_hint: "Leave empty to show the announcement until it is deleted.",
    maintenance_legend: "Maintenance window",
    maintenance_hint: "For maintenance only: resellers see a notice above their start page \
                       from a day before it starts until it ends.",
    field_maintenance_from: "Starts",
    field_maintenance_until: "Ends",
    field_pinned: "Pin to the top",
    publish: "Publish",
    delete: "Delete",
    pinned: "pinned",
    column_title: "Title",
    column_window: "Visible",
    column_maintenance: "Maintenance",
    shown_from: |day| format!("from {day}"),
    banner: |MaintenanceBanner {
                 title,
                 starts,
                 ends,
             }| format!("Maintenance: {title} – from {starts} to {ends}"),
    maintenance_window: |MaintenanceWindow { starts, ends }| {
        format!("Maintenance from {starts} to {ends}")
    },
    audit_published: |title| format!("Published the announcement \"{title}\""),
    audit_changed: |title| format!("Changed the announcement \"{title}\""),
    audit_deleted: |title| format!("Deleted the announcement \"{title}\""),
};
