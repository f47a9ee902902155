//! The announcement form as typed, parsed by the same rules in browser and server.

use crate::ui::form::FormField;
use kontor_domain::{
    announcement_body, announcement_title, german_day_span, parse_date, parse_german_date_time,
    AnnouncementKind, Collector, FieldError, FieldErrors,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnouncementForm {
    pub kind: String,
    pub title_de: String,
    pub title_en: String,
    pub body_de: String,
    pub body_en: String,
    /// `2026-12-01`: shown from the start of this German day…
    pub visible_from: String,
    /// …to the end of this one; empty for "until deleted".
    pub visible_until: String,
    /// `2026-12-05T22:00`, German time; only for a maintenance, both or neither.
    pub maintenance_from: String,
    pub maintenance_until: String,
    /// `on` when ticked.
    pub pinned: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnnouncementField {
    Kind,
    TitleDe,
    TitleEn,
    BodyDe,
    BodyEn,
    VisibleFrom,
    VisibleUntil,
    MaintenanceFrom,
    MaintenanceUntil,
    Pinned,
}

impl FormField for AnnouncementField {
    type Form = AnnouncementForm;

    fn name(self) -> &'static str {
        match self {
            AnnouncementField::Kind => "form[kind]",
            AnnouncementField::TitleDe => "form[title_de]",
            AnnouncementField::TitleEn => "form[title_en]",
            AnnouncementField::BodyDe => "form[body_de]",
            AnnouncementField::BodyEn => "form[body_en]",
            AnnouncementField::VisibleFrom => "form[visible_from]",
            AnnouncementField::VisibleUntil => "form[visible_until]",
            AnnouncementField::MaintenanceFrom => "form[maintenance_from]",
            AnnouncementField::MaintenanceUntil => "form[maintenance_until]",
            AnnouncementField::Pinned => "form[pinned]",
        }
    }

    fn value(self, form: &AnnouncementForm) -> &str {
        match self {
            AnnouncementField::Kind => &form.kind,
            AnnouncementField::TitleDe => &form.title_de,
            AnnouncementField::TitleEn => &form.title_en,
            AnnouncementField::BodyDe => &form.body_de,
            AnnouncementField::BodyEn => &form.body_en,
            AnnouncementField::VisibleFrom => &form.visible_from,
            AnnouncementField::VisibleUntil => &form.visible_until,
            AnnouncementField::MaintenanceFrom => &form.maintenance_from,
            AnnouncementField::MaintenanceUntil => &form.maintenance_until,
            AnnouncementField::Pinned => &form.pinned,
        }
    }

    fn set(self, form: &mut AnnouncementForm, value: String) {
        let slot = match self {
            AnnouncementField::Kind => &mut form.kind,
            AnnouncementField::TitleDe => &mut form.title_de,
            AnnouncementField::TitleEn => &mut form.title_en,
            AnnouncementField::BodyDe => &mut form.body_de,
            AnnouncementField::BodyEn => &mut form.body_en,
            AnnouncementField::VisibleFrom => &mut form.visible_from,
            AnnouncementField::VisibleUntil => &mut form.visible_until,
            AnnouncementField::MaintenanceFrom => &mut form.maintenance_from,
            AnnouncementField::MaintenanceUntil => &mut form.maintenance_until,
            AnnouncementField::Pinned => &mut form.pinned,
        };
        *slot = value;
    }
}

/// An announcement that passed every rule, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnouncementDraft {
    pub kind: AnnouncementKind,
    pub title_de: String,
    pub title_en: String,
    pub body_de: String,
    pub body_en: String,
    /// Unix seconds: from the start of the first day…
    pub visible_from: i64,
    /// …up to the start of the day after the last.
    pub visible_until: Option<i64>,
    pub maintenance: Option<(i64, i64)>,
    pub pinned: bool,
}

pub fn parse_announcement(
    form: &AnnouncementForm,
) -> Result<AnnouncementDraft, FieldErrors<AnnouncementField>> {
    use AnnouncementField as F;
    let mut errors = Collector::default();
    let kind = errors.check(
        F::Kind,
        AnnouncementKind::parse(&form.kind).ok_or(FieldError::UnknownChoice),
    );
    let title_de = errors.check(F::TitleDe, announcement_title(&form.title_de));
    let title_en = errors.check(F::TitleEn, announcement_title(&form.title_en));
    let body_de = errors.check(F::BodyDe, announcement_body(&form.body_de));
    let body_en = errors.check(F::BodyEn, announcement_body(&form.body_en));

    let day = |text: &str| parse_date(text).ok_or(FieldError::InvalidDate);
    let first = errors.check(F::VisibleFrom, day(&form.visible_from));
    let last = match form.visible_until.trim() {
        "" => Some(None),
        text => {
            let last = day(text).and_then(|last| match first {
                Some(first) if last < first => Err(FieldError::EndBeforeStart),
                _ => Ok(last),
            });
            errors.check(F::VisibleUntil, last).map(Some)
        }
    };

    let moment = |text: &str| parse_german_date_time(text).ok_or(FieldError::InvalidDate);
    let maintenance = match (form.maintenance_from.trim(), form.maintenance_until.trim()) {
        ("", "") => Some(None),
        _ if kind.is_some_and(|k| k != AnnouncementKind::Maintenance) => {
            errors.check::<()>(F::MaintenanceFrom, Err(FieldError::OnlyForMaintenance));
            None
        }
        (start, end) => {
            let start = errors.check(F::MaintenanceFrom, moment(start));
            let end = moment(end).and_then(|end| match start {
                Some(start) if end <= start => Err(FieldError::EndBeforeStart),
                _ => Ok(end),
            });
            let end = errors.check(F::MaintenanceUntil, end);
            start.zip(end).map(Some)
        }
    };

    let draft = (|| {
        Some(AnnouncementDraft {
            kind: kind?,
            title_de: title_de?,
            title_en: title_en?,
            body_de: body_de?,
            body_en: body_en?,
            visible_from: german_day_span(first?).0,
            visible_until: last?.map(|last| german_day_span(last).1),
            maintenance: maintenance?,
            pinned: !form.pinned.is_empty(),
        })
    })();
    errors.finish(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> AnnouncementForm {
        AnnouncementForm {
            kind: "maintenance".into(),
            title_de: "Wartung am Samstag".into(),
            title_en: "Maintenance on Saturday".into(),
            body_de: "Das Portal ist **kurz** nicht erreichbar.".into(),
            body_en: "The portal is **briefly** unavailable.".into(),
            visible_from: "2026-12-01".into(),
            visible_until: "2026-12-06".into(),
            maintenance_from: "2026-12-05T22:00".into(),
            maintenance_until: "2026-12-06T02:00".into(),
            pinned: "on".into(),
        }
    }

    #[test]
    fn a_complete_maintenance_notice_parses() {
        let draft = parse_announcement(&form()).unwrap();
        assert_eq!(draft.kind, AnnouncementKind::Maintenance);
        assert!(draft.pinned);
        let (start, end) = draft.maintenance.unwrap();
        assert_eq!(end - start, 4 * 3600);
        // The last day counts whole: visible until the 6th's last second.
        let until = draft.visible_until.unwrap();
        assert_eq!(until - draft.visible_from, 6 * 24 * 3600);
    }

    #[test]
    fn every_wrong_field_is_reported_at_once() {
        let wrong = AnnouncementForm {
            kind: "spam".into(),
            title_de: " ".into(),
            visible_from: "2026-12-08".into(),
            visible_until: "2026-12-01".into(),
            maintenance_from: "2026-12-05T22:00".into(),
            maintenance_until: "2026-12-05T21:00".into(),
            ..form()
        };
        use AnnouncementField as F;
        assert_eq!(
            parse_announcement(&wrong),
            Err(vec![
                (F::Kind, FieldError::UnknownChoice),
                (F::TitleDe, FieldError::Missing),
                (F::VisibleUntil, FieldError::EndBeforeStart),
                (F::MaintenanceUntil, FieldError::EndBeforeStart),
            ])
        );
    }

    #[test]
    fn only_a_maintenance_has_a_time_window_and_then_both_ends() {
        let news = AnnouncementForm {
            kind: "news".into(),
            ..form()
        };
        assert_eq!(
            parse_announcement(&news),
            Err(vec![(
                AnnouncementField::MaintenanceFrom,
                FieldError::OnlyForMaintenance
            )])
        );
        let half = AnnouncementForm {
            maintenance_until: String::new(),
            ..form()
        };
        assert_eq!(
            parse_announcement(&half),
            Err(vec![(
                AnnouncementField::MaintenanceUntil,
                FieldError::InvalidDate
            )])
        );
        let open_ended = AnnouncementForm {
            visible_until: String::new(),
            maintenance_from: String::new(),
            maintenance_until: String::new(),
            pinned: String::new(),
            ..form()
        };
        let draft = parse_announcement(&open_ended).unwrap();
        assert_eq!(
            (draft.visible_until, draft.maintenance, draft.pinned),
            (None, None, false)
        );
    }
}
