//! The texts of orders and subscriptions: `Texts::orders`.

use kontor_domain::{OrderFailure, OrderProblem, OrderRefusal, OrderStatus};

type Text1 = fn(&str) -> String;

text_args! {
    OrderFor { name, customer }
    SeatCost { unit, period }
    SeatsOrderName { product, added }
    #[cfg(feature = "ssr")]
    PlacedOrder { number, name, customer }
    #[cfg(feature = "ssr")]
    FailedOrder { name, reason }
    PlacedOrderAudit { number, name, gross }
}

pub struct OrderTexts {
    pub title: &'static str,
    pub checkout_title: &'static str,
    pub accept_terms: &'static str,
    pub terms_link: &'static str,
    pub place: &'static str,
    pub checkout_hint: &'static str,
    pub checkout_needs_header: &'static str,
    pub checkout_for: fn(OrderFor<'_>) -> String,

    pub number: &'static str,
    pub name: &'static str,
    pub customer: &'static str,
    pub placed_at: &'static str,
    pub placed_by: &'static str,
    pub completed_at: &'static str,
    pub status: &'static str,
    pub gross: &'static str,
    pub lines: &'static str,
    pub product: &'static str,
    pub amount: &'static str,
    pub in_progress: &'static str,
    pub reload: &'static str,
    pub all_active: &'static str,

    pub filter_customer: &'static str,
    pub all_customers: &'static str,
    pub all_statuses: &'static str,
    /// Received or being set up.
    pub filter_in_progress: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub apply: &'static str,
    pub reset: &'static str,
    pub none_yet: &'static str,
    pub none_match: &'static str,
    pub count: fn(u64) -> String,

    pub subscriptions_title: &'static str,
    pub no_subscriptions: &'static str,
    pub started_on: &'static str,
    pub renews_on: &'static str,
    pub no_renewal: &'static str,
    pub subscription_active: &'static str,
    pub subscription_suspended: &'static str,
    pub order: &'static str,
    pub orders_of_customer: &'static str,
    pub add_seats_title: &'static str,
    pub add_seats: &'static str,
    pub add_seats_hint: Text1,
    pub add_seats_cost: fn(SeatCost<'_>) -> String,
    pub seats_order_name: fn(SeatsOrderName<'_>) -> String,
    pub subscription_of: Text1,
    pub not_increasable: &'static str,
    /// The link from the list to a subscription's page.
    pub manage_link: &'static str,

    pub audit_placed: fn(PlacedOrderAudit<'_>) -> String,
    pub audit_active: Text1,
    pub audit_failed: Text1,
    pub audit_retried: Text1,

    statuses: [&'static str; 4],
    failures: [&'static str; 2],
    problems: Problems,
    /// What only mails say: kept out of the browser bundle.
    #[cfg(feature = "ssr")]
    pub mail: OrderMailTexts,
}

/// What the mails of `OrderTexts` say.
#[cfg(feature = "ssr")]
pub struct OrderMailTexts {
    pub action: &'static str,
    pub placed_subject: Text1,
    pub placed_text: fn(PlacedOrder<'_>) -> String,
    pub active_subject: Text1,
    pub active_text: fn(OrderFor<'_>) -> String,
    pub failed_subject: Text1,
    pub failed_text: fn(FailedOrder<'_>) -> String,
}

struct Problems {
    empty_cart: &'static str,
    header_missing: &'static str,
    tenant_not_ready: &'static str,
    agreement_missing: &'static str,
    prices_changed: &'static str,
    line_unavailable: &'static str,
    cart_changed: &'static str,
    key_reused: &'static str,
    change_pending: &'static str,
    awaiting_staff_confirmation: &'static str,
}

impl OrderTexts {
    pub fn status(&self, status: OrderStatus) -> &'static str {
        match status {
            OrderStatus::Received => self.statuses[0],
            OrderStatus::Provisioning => self.statuses[1],
            OrderStatus::Active => self.statuses[2],
            OrderStatus::Failed => self.statuses[3],
        }
    }

    pub fn failure(&self, failure: OrderFailure) -> &'static str {
        match failure {
            OrderFailure::Refused => self.failures[0],
            OrderFailure::Unreachable => self.failures[1],
        }
    }

    pub fn problem(&self, problem: OrderProblem) -> &'static str {
        let p = &self.problems;
        match problem {
            OrderProblem::EmptyCart => p.empty_cart,
            OrderProblem::HeaderMissing => p.header_missing,
            OrderProblem::NotOrderable(OrderRefusal::TenantNotReady) => p.tenant_not_ready,
            OrderProblem::NotOrderable(OrderRefusal::AgreementMissing) => p.agreement_missing,
            OrderProblem::PricesChanged => p.prices_changed,
            OrderProblem::LineUnavailable => p.line_unavailable,
            OrderProblem::CartChanged => p.cart_changed,
            OrderProblem::KeyReused => p.key_reused,
            OrderProblem::ChangePending => p.change_pending,
            OrderProblem::AwaitingStaffConfirmation => p.awaiting_staff_confirmation,
        }
    }
}

pub static DE: OrderTexts = OrderTexts {
    title: "Bestellungen",
    checkout_title: "Bestellung abschließen",
    accept_terms: "Ich akzeptiere die Allgemeinen Geschäftsbedingungen und die \
                   Lizenzbedingungen des Herstellers.",
    terms_link: "AGB lesen",
    place: "Zahlungspflichtig bestellen",
    checkout_hint: "Die Bestellung ist verbindlich. Sie erhalten eine Bestätigung per E-Mail \
                    und eine zweite, sobald die Lizenzen bereitstehen.",
    checkout_needs_header: "Zum Bestellen bitte oben Bestellname und Kunde speichern.",
    checkout_for: |OrderFor { name, customer }| format!("Bestellung „{name}“ für {customer}"),

    number: "Bestellnummer",
    name: "Bestellname",
    customer: "Kunde",
    placed_at: "Bestellt am",
    placed_by: "Bestellt von",
    completed_at: "Abgeschlossen am",
    status: "Status",
    gross: "Summe brutto",
    lines: "Positionen",
    product: "Produkt",
    amount: "Betrag",
    in_progress: "Die Bestellung wird beim Anbieter eingerichtet. Diese Seite aktualisiert \
                  sich von selbst.",
    reload: "Jetzt aktualisieren",
    all_active: "Alle Lizenzen sind bereit.",

    filter_customer: "Kunde",
    all_customers: "Alle Kunden",
    all_statuses: "Alle",
    filter_in_progress: "In Bearbeitung",
    from: "Von",
    to: "Bis",
    apply: "Filtern",
    reset: "Filter zurücksetzen",
    none_yet: "Noch keine Bestellungen. Produkte finden Sie im Katalog.",
    none_match: "Keine Bestellung passt zu diesen Filtern.",
    count: |n| match n {
        1 => "1 Bestellung".to_owned(),
        n => format!("{n} Bestellungen"),
    },

    subscriptions_title: "Abonnements",
    no_subscriptions: "Noch keine Abonnements.",
    started_on: "Beginn",
    renews_on: "Verlängerung",
    no_renewal: "keine",
    subscription_active: "aktiv",
    subscription_suspended: "ausgesetzt",
    order: "Bestellung",
    orders_of_customer: "Bestellungen dieses Kunden",
    add_seats_title: "Benutzer hinzufügen",
    add_seats: "Zusätzliche Benutzer",
    add_seats_hint: |max| format!("Höchstens {max} weitere."),
    add_seats_cost: |SeatCost { unit, period }| {
        format!("{unit} pro Benutzer und Monat; {period} je Abrechnung.")
    },
    seats_order_name: |SeatsOrderName { product, added }| format!("{product}: +{added} Benutzer"),
    subscription_of: |customer| format!("Abonnement von {customer}"),
    not_increasable: "Dieses Abonnement lässt sich nicht erhöhen.",
    manage_link: "Verwalten",

    audit_placed: |PlacedOrderAudit {
                       number,
                       name,
                       gross,
                   }| {
        format!("Bestellung {number} „{name}“ über {gross} aufgegeben")
    },
    audit_active: |number| format!("Bestellung {number} beim Anbieter eingerichtet"),
    audit_failed: |number| format!("Bestellung {number} fehlgeschlagen"),
    audit_retried: |number| format!("Bestellung {number} erneut zur Bereitstellung gegeben"),

    statuses: [
        "Eingegangen",
        "In Bereitstellung",
        "Aktiv",
        "Fehlgeschlagen",
    ],
    failures: [
        "Der Anbieter hat die Bestellung abgelehnt. Bitte wenden Sie sich an unseren Support.",
        "Der Anbieter war über längere Zeit nicht erreichbar. Bitte wenden Sie sich an unseren \
         Support; es wurde nichts berechnet.",
    ],
    problems: Problems {
        empty_cart: "Der Warenkorb ist leer.",
        header_missing: "Bitte zuerst Bestellname und Kunde speichern.",
        tenant_not_ready: "Für diesen Kunden ist noch kein Tenant bereit.",
        agreement_missing: "Dieser Kunde hat die Cloud-Vereinbarung noch nicht akzeptiert.",
        prices_changed: "Preise haben sich geändert. Bitte prüfen und übernehmen Sie die neuen \
                         Preise, bevor Sie bestellen.",
        line_unavailable: "Eine Position ist so nicht mehr bestellbar. Bitte wählen Sie eine \
                           andere Abrechnung oder entfernen Sie sie.",
        cart_changed: "Der Warenkorb hat sich inzwischen geändert (etwa in einem anderen \
                       Fenster). Bitte prüfen Sie ihn und bestellen Sie erneut.",
        key_reused: "Diese Bestellung wurde bereits mit anderem Inhalt aufgegeben. Bitte laden \
                     Sie den Warenkorb neu.",
        change_pending: "Für dieses Abonnement ist bereits eine Erhöhung in Bereitstellung. \
                         Bitte warten Sie, bis sie aktiv ist.",
        awaiting_staff_confirmation: "Ihr Konto ist über Ihre Kundennummer freigeschaltet; \
            Bestellungen dieser Größe nehmen wir an, sobald wir es bestätigt haben. Wir melden \
            uns – oder rufen Sie uns an.",
    },
    #[cfg(feature = "ssr")]
    mail: OrderMailTexts {
        action: "Bestellung ansehen",
        placed_subject: |number| format!("Bestellung {number} ist eingegangen"),
        placed_text: |PlacedOrder {
                          number,
                          name,
                          customer,
                      }| {
            format!(
                "vielen Dank für Ihre Bestellung {number} „{name}“ für {customer}. Wir richten die \
            Lizenzen jetzt beim Anbieter ein und melden uns, sobald sie bereitstehen."
            )
        },
        active_subject: |number| format!("Bestellung {number}: Lizenzen bereit"),
        active_text: |OrderFor { name, customer }| {
            format!("die Lizenzen Ihrer Bestellung „{name}“ für {customer} sind eingerichtet.")
        },
        failed_subject: |number| format!("Bestellung {number} ist fehlgeschlagen"),
        failed_text: |FailedOrder { name, reason }| {
            format!("Ihre Bestellung „{name}“ konnte nicht ausgeführt werden: {reason}")
        },
    },
};

pub static EN: OrderTexts = OrderTexts {
    title: "Orders",
    checkout_title: "Place the order",
    accept_terms: "I accept the terms and conditions and the vendor's licence terms.",
    terms_link: "Read the terms",
    place: "Place binding order",
    checkout_hint: "The order is binding. You get a confirmation by email, and another one as \
                    soon as the licences are ready.",
    checkout_needs_header: "To order, please save the order name and customer above.",
    checkout_for: |OrderFor { name, customer }| format!("Order “{name}” for {customer}"),

    number: "Order number",
    name: "Order name",
    customer: "Customer",
    placed_at: "Placed on",
    placed_by: "Placed by",
    completed_at: "Completed on",
    status: "Status",
    gross: "Total (gross)",
    lines: "Lines",
    product: "Product",
    amount: "Amount",
    in_progress: "The order is being set up at the provider. This page updates itself.",
    reload: "Update now",
    all_active: "All licences are ready.",

    filter_customer: "Customer",
    all_customers: "All customers",
    all_statuses: "All",
    filter_in_progress: "In progress",
    from: "From",
    to: "To",
    apply: "Filter",
    reset: "Reset filters",
    none_yet: "No orders yet. You find products in the catalogue.",
    none_match: "No order matches these filters.",
    count: |n| match n {
        1 => "1 order".to_owned(),
        n => format!("{n} orders"),
    },

    subscriptions_title: "Subscriptions",
    no_subscriptions: "No subscriptions yet.",
    started_on: "Start",
    renews_on: "Renewal",
    no_renewal: "none",
    subscription_active: "active",
    subscription_suspended: "suspended",
    order: "Order",
    orders_of_customer: "This customer's orders",
    add_seats_title: "Add users",
    add_seats: "Additional users",
    add_seats_hint: |max| format!("At most {max} more."),
    add_seats_cost: |SeatCost { unit, period }| {
        format!("{unit} per user and month; {period} per billing.")
    },
    seats_order_name: |SeatsOrderName { product, added }| format!("{product}: +{added} users"),
    subscription_of: |customer| format!("Subscription of {customer}"),
    not_increasable: "This subscription cannot be increased.",
    manage_link: "Manage",

    audit_placed: |PlacedOrderAudit {
                       number,
                       name,
                       gross,
                   }| format!("Order {number} \"{name}\" placed for {gross}"),
    audit_active: |number| format!("Order {number} set up at the provider"),
    audit_failed: |number| format!("Order {number} failed"),
    audit_retried: |number| format!("Order {number} sent to provisioning again"),

    statuses: ["Received", "Provisioning", "Active", "Failed"],
    failures: [
        "The provider refused the order. Please contact our support.",
        "The provider could not be reached for a long time. Please contact our support; \
         nothing was charged.",
    ],
    problems: Problems {
        empty_cart: "The cart is empty.",
        header_missing: "Please save the order name and customer first.",
        tenant_not_ready: "This customer has no ready tenant yet.",
        agreement_missing: "This customer has not accepted the cloud agreement yet.",
        prices_changed: "Prices have changed. Please review and accept the new prices before \
                         you order.",
        line_unavailable: "A line cannot be ordered like this any more. Please choose another \
                           billing or remove it.",
        cart_changed: "The cart has changed in the meantime (in another window, for instance). \
                       Please check it and order again.",
        key_reused: "This order was placed with other contents already. Please reload the cart.",
        change_pending: "An increase of this subscription is being provisioned already. Please \
                         wait until it is active.",
        awaiting_staff_confirmation: "Your account was activated by your customer number; we \
            take orders of this size once we have confirmed it. We will be in touch – or call \
            us.",
    },
    #[cfg(feature = "ssr")]
    mail: OrderMailTexts {
        action: "View the order",
        placed_subject: |number| format!("Order {number} received"),
        placed_text: |PlacedOrder {
                          number,
                          name,
                          customer,
                      }| {
            format!(
                "thank you for your order {number} \"{name}\" for {customer}. We are now setting up \
            the licences at the provider and will write again as soon as they are ready."
            )
        },
        active_subject: |number| format!("Order {number}: licences ready"),
        active_text: |OrderFor { name, customer }| {
            format!("the licences of your order \"{name}\" for {customer} are set up.")
        },
        failed_subject: |number| format!("Order {number} failed"),
        failed_text: |FailedOrder { name, reason }| {
            format!("Your order \"{name}\" could not be carried out: {reason}")
        },
    },
};
