//! The texts of changing a subscription (fewer users, cancelling, the renewal):
//! `Texts::subscriptions`. The subscription's page and list share `Texts::orders` otherwise.

use kontor_domain::ChangeKind;

type Text1 = fn(&str) -> String;

/// The named arguments of `window_remaining`.
pub struct TimeLeft {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
}

text_args! {
    OpenWindow { left, until }
    ClosedWindow { closed, reopens }
    FailedChange { change, why }
    SubscriptionChange { subscription, change }
    #[cfg(feature = "ssr")]
    ProductOfCustomer { product, customer }
    #[cfg(feature = "ssr")]
    ChangeMail { change, product, customer }
    #[cfg(feature = "ssr")]
    FailedChangeMail { change, product, customer, why }
}

pub struct SubscriptionTexts {
    pub changes_title: &'static str,
    /// Renewal date.
    pub renews_on: Text1,
    /// Last day, without renewal.
    pub ends_on: Text1,
    pub cancelled: &'static str,
    pub ended: &'static str,
    pub window_remaining: fn(TimeLeft) -> String,
    pub window_open: fn(OpenWindow<'_>) -> String,
    pub window_closed: fn(ClosedWindow<'_>) -> String,
    pub window_no_reopening: &'static str,
    pub reduce_title: &'static str,
    pub reduce_seats: &'static str,
    pub reduce_submit: &'static str,
    pub renewal_title: &'static str,
    pub renewal_hint: &'static str,
    pub renewal_seats: &'static str,
    pub renewal_submit: &'static str,
    /// The users the subscription renews with.
    pub renewal_scheduled: Text1,
    pub auto_renew_title: &'static str,
    pub auto_renew_is_on: &'static str,
    pub auto_renew_is_off: &'static str,
    pub auto_renew_switch_off: &'static str,
    pub auto_renew_switch_on: &'static str,
    pub cancel_title: &'static str,
    pub cancel_confirm: &'static str,
    pub cancel_submit: &'static str,
    pub change_reduce: Text1,
    pub change_cancel: &'static str,
    pub change_renewal_seats: Text1,
    pub change_auto_renew_on: &'static str,
    pub change_auto_renew_off: &'static str,
    pub change_pending: Text1,
    pub change_done: Text1,
    pub change_failed: fn(FailedChange<'_>) -> String,
    pub change_unreachable: &'static str,
    pub window_closed_refusal: &'static str,
    pub change_pending_refusal: &'static str,
    pub not_changeable: &'static str,
    /// An order for more users is being carried out.
    pub increase_pending: &'static str,
    pub audit_requested: fn(SubscriptionChange<'_>) -> String,
    pub audit_changed: fn(SubscriptionChange<'_>) -> String,
    pub audit_failed: fn(SubscriptionChange<'_>) -> String,
    /// What only mails say: kept out of the browser bundle.
    #[cfg(feature = "ssr")]
    pub mail: SubscriptionMailTexts,
}

/// What the mails of `SubscriptionTexts` say.
#[cfg(feature = "ssr")]
pub struct SubscriptionMailTexts {
    pub changed_subject: fn(ProductOfCustomer<'_>) -> String,
    pub failed_subject: fn(ProductOfCustomer<'_>) -> String,
    pub changed_text: fn(ChangeMail<'_>) -> String,
    pub failed_text: fn(FailedChangeMail<'_>) -> String,
    pub action: &'static str,
}

impl SubscriptionTexts {
    /// A change as the pages, mails and the audit log name it.
    pub fn change(&self, change: ChangeKind) -> String {
        match change {
            ChangeKind::Reduce { seats } => (self.change_reduce)(&seats.to_string()),
            ChangeKind::Cancel => self.change_cancel.to_owned(),
            ChangeKind::RenewalSeats { seats } => (self.change_renewal_seats)(&seats.to_string()),
            ChangeKind::AutoRenew { on: true } => self.change_auto_renew_on.to_owned(),
            ChangeKind::AutoRenew { on: false } => self.change_auto_renew_off.to_owned(),
        }
    }
}

/// "2 Tage", "1 Tag": a count with its noun.
fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub const DE: SubscriptionTexts = SubscriptionTexts {
    changes_title: "Änderungen",
    renews_on: |date| format!("verlängert sich am {date}"),
    ends_on: |date| format!("endet am {date}"),
    cancelled: "gekündigt",
    ended: "beendet",
    window_remaining: |TimeLeft {
                           days,
                           hours,
                           minutes,
                       }| match (days, hours) {
        (0, 0) if minutes == 0 => "noch weniger als eine Minute".to_owned(),
        (0, 0) => format!("noch {}", count(minutes, "Minute", "Minuten")),
        (0, _) => format!(
            "noch {} {}",
            count(hours, "Stunde", "Stunden"),
            count(minutes, "Minute", "Minuten")
        ),
        (_, 0) => format!("noch {}", count(days, "Tag", "Tage")),
        _ => format!(
            "noch {} {}",
            count(days, "Tag", "Tage"),
            count(hours, "Stunde", "Stunden")
        ),
    },
    window_open: |OpenWindow { left, until }| {
        format!(
            "Reduzieren und Kündigen ist {left} möglich (bis {until}). Danach nur zur nächsten \
             Verlängerung."
        )
    },
    window_closed: |ClosedWindow { closed, reopens }| {
        format!(
            "Die Frist zum Reduzieren und Kündigen ist am {closed} abgelaufen (7 Tage nach Kauf \
             oder Verlängerung). Die nächste beginnt mit der Verlängerung: {reopens}. Bis dahin \
             können Sie eine geringere Anzahl für die Verlängerung vormerken."
        )
    },
    window_no_reopening: "keine, die automatische Verlängerung ist aus",
    reduce_title: "Benutzer reduzieren",
    reduce_seats: "Neue Anzahl Benutzer",
    reduce_submit: "Reduzieren",
    renewal_title: "Anzahl zur Verlängerung",
    renewal_hint: "Gilt ab der nächsten Verlängerung; bis dahin bleibt die Anzahl, wie sie ist.",
    renewal_seats: "Benutzer ab der Verlängerung",
    renewal_submit: "Vormerken",
    renewal_scheduled: |seats| format!("(ab dann {seats} Benutzer)"),
    auto_renew_title: "Automatische Verlängerung",
    auto_renew_is_on: "Das Abonnement verlängert sich zum Ende der Laufzeit um eine weitere.",
    auto_renew_is_off: "Ausgeschaltet: das Abonnement endet mit der Laufzeit.",
    auto_renew_switch_off: "Automatische Verlängerung ausschalten",
    auto_renew_switch_on: "Automatische Verlängerung einschalten",
    cancel_title: "Abonnement kündigen",
    cancel_confirm: "Ich möchte dieses Abonnement jetzt kündigen. Die Lizenzen entfallen sofort.",
    cancel_submit: "Kündigen",
    change_reduce: |seats| format!("Reduzierung auf {seats} Benutzer"),
    change_cancel: "Kündigung",
    change_renewal_seats: |seats| format!("{seats} Benutzer ab der Verlängerung"),
    change_auto_renew_on: "Automatische Verlängerung an",
    change_auto_renew_off: "Automatische Verlängerung aus",
    change_pending: |change| format!("{change}: wird an Microsoft übermittelt …"),
    change_done: |change| format!("{change}: von Microsoft übernommen."),
    change_failed: |FailedChange { change, why }| format!("{change}: nicht übernommen. {why}"),
    change_unreachable: "Microsoft war zu lange nicht erreichbar; bitte versuchen Sie es erneut.",
    window_closed_refusal: "Die Frist zum Reduzieren und Kündigen ist abgelaufen. Sie können die \
                            Änderung zur Verlängerung vormerken.",
    change_pending_refusal: "Eine Änderung dieses Abonnements wird gerade übermittelt. Bitte \
                             warten Sie, bis sie abgeschlossen ist.",
    not_changeable: "Dieses Abonnement kann nicht mehr geändert werden.",
    increase_pending: "Weitere Benutzer sind bestellt und werden gerade eingerichtet.",
    audit_requested: |SubscriptionChange {
                          subscription,
                          change,
                      }| format!("{subscription}: {change} beauftragt"),
    audit_changed: |SubscriptionChange {
                        subscription,
                        change,
                    }| format!("{subscription}: {change} übernommen"),
    audit_failed: |SubscriptionChange {
                       subscription,
                       change,
                   }| format!("{subscription}: {change} nicht übernommen"),
    #[cfg(feature = "ssr")]
    mail: SubscriptionMailTexts {
        changed_subject: |ProductOfCustomer { product, customer }| {
            format!("Abonnement geändert: {product} für {customer}")
        },
        failed_subject: |ProductOfCustomer { product, customer }| {
            format!("Änderung nicht übernommen: {product} für {customer}")
        },
        changed_text: |ChangeMail {
                           change,
                           product,
                           customer,
                       }| {
            format!("Microsoft hat die Änderung übernommen: {change} ({product} für {customer}).")
        },
        failed_text: |FailedChangeMail {
                          change,
                          product,
                          customer,
                          why,
                      }| {
            format!(
                "Microsoft hat die Änderung nicht übernommen: {change} ({product} für {customer}). \
            {why}"
            )
        },
        action: "Abonnement ansehen",
    },
};

pub const EN: SubscriptionTexts = SubscriptionTexts {
    changes_title: "Changes",
    renews_on: |date| format!("renews on {date}"),
    ends_on: |date| format!("ends on {date}"),
    cancelled: "cancelled",
    ended: "ended",
    window_remaining: |TimeLeft {
                           days,
                           hours,
                           minutes,
                       }| match (days, hours) {
        (0, 0) if minutes == 0 => "less than a minute left".to_owned(),
        (0, 0) => format!("{} left", count(minutes, "minute", "minutes")),
        (0, _) => format!(
            "{} {} left",
            count(hours, "hour", "hours"),
            count(minutes, "minute", "minutes")
        ),
        (_, 0) => format!("{} left", count(days, "day", "days")),
        _ => format!(
            "{} {} left",
            count(days, "day", "days"),
            count(hours, "hour", "hours")
        ),
    },
    window_open: |OpenWindow { left, until }| {
        format!(
            "Reducing and cancelling is possible, {left} (until {until}). After that only for \
             the next renewal."
        )
    },
    window_closed: |ClosedWindow { closed, reopens }| {
        format!(
            "The period for reducing and cancelling ended on {closed} (7 days after purchase or \
             renewal). The next one begins with the renewal: {reopens}. Until then you can \
             schedule fewer users for the renewal."
        )
    },
    window_no_reopening: "none, automatic renewal is off",
    reduce_title: "Reduce users",
    reduce_seats: "New number of users",
    reduce_submit: "Reduce",
    renewal_title: "Users at the renewal",
    renewal_hint: "Applies from the next renewal; until then the number stays as it is.",
    renewal_seats: "Users from the renewal",
    renewal_submit: "Schedule",
    renewal_scheduled: |seats| format!("(with {seats} users from then on)"),
    auto_renew_title: "Automatic renewal",
    auto_renew_is_on: "The subscription renews for another term when this one ends.",
    auto_renew_is_off: "Switched off: the subscription ends with its term.",
    auto_renew_switch_off: "Switch automatic renewal off",
    auto_renew_switch_on: "Switch automatic renewal on",
    cancel_title: "Cancel subscription",
    cancel_confirm: "I want to cancel this subscription now. The licences end at once.",
    cancel_submit: "Cancel subscription",
    change_reduce: |seats| format!("Reduction to {seats} users"),
    change_cancel: "Cancellation",
    change_renewal_seats: |seats| format!("{seats} users from the renewal"),
    change_auto_renew_on: "Automatic renewal on",
    change_auto_renew_off: "Automatic renewal off",
    change_pending: |change| format!("{change}: being sent to Microsoft …"),
    change_done: |change| format!("{change}: made by Microsoft."),
    change_failed: |FailedChange { change, why }| format!("{change}: not made. {why}"),
    change_unreachable: "Microsoft could not be reached for too long; please try again.",
    window_closed_refusal: "The period for reducing and cancelling has ended. You can schedule \
                            the change for the renewal.",
    change_pending_refusal: "A change of this subscription is on its way. Please wait until it \
                             is done.",
    not_changeable: "This subscription cannot be changed any more.",
    increase_pending: "More users are ordered and being set up.",
    audit_requested: |SubscriptionChange {
                          subscription,
                          change,
                      }| format!("{subscription}: {change} requested"),
    audit_changed: |SubscriptionChange {
                        subscription,
                        change,
                    }| format!("{subscription}: {change} made"),
    audit_failed: |SubscriptionChange {
                       subscription,
                       change,
                   }| format!("{subscription}: {change} not made"),
    #[cfg(feature = "ssr")]
    mail: SubscriptionMailTexts {
        changed_subject: |ProductOfCustomer { product, customer }| {
            format!("Subscription changed: {product} for {customer}")
        },
        failed_subject: |ProductOfCustomer { product, customer }| {
            format!("Change not made: {product} for {customer}")
        },
        changed_text: |ChangeMail {
                           change,
                           product,
                           customer,
                       }| {
            format!("Microsoft has made the change: {change} ({product} for {customer}).")
        },
        failed_text: |FailedChangeMail {
                          change,
                          product,
                          customer,
                          why,
                      }| {
            format!("Microsoft has not made the change: {change} ({product} for {customer}). {why}")
        },
        action: "View subscription",
    },
};
