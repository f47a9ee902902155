//! What the cloud provider's refusals mean, in plain words: `Texts::provider`. Each says what
//! to do about it; one Kontor does not know is shown with the provider's error number.

use kontor_domain::ProviderProblem;

pub struct ProviderTexts {
    pub problem: fn(ProviderProblem) -> String,
}

pub const DE: ProviderTexts = ProviderTexts {
    problem: |problem| match problem {
        ProviderProblem::DomainTaken => {
            "Diese Domäne ist bei Microsoft bereits vergeben. Bitte wählen Sie ein anderes Präfix."
                .to_owned()
        }
        ProviderProblem::NotFound => {
            "Microsoft kennt diesen Kunden oder dieses Abonnement (noch) nicht.".to_owned()
        }
        ProviderProblem::PartnerIdUnknown => {
            "Microsoft kennt keinen Partner mit dieser MPN. Bitte prüfen Sie die Standort-MPN im \
             Profil des Handelspartners im Partner Center."
                .to_owned()
        }
        ProviderProblem::PartnerIdInvalid => {
            "Das ist keine gültige MPN: Sie besteht nur aus Ziffern.".to_owned()
        }
        ProviderProblem::RegionMismatch => {
            "Diese MPN gehört zu einem Standort in einer anderen Region. Bitte hinterlegen Sie die \
             MPN Ihres deutschen Standorts."
                .to_owned()
        }
        ProviderProblem::NotALocation => {
            "Das ist Ihre globale MPN. Bitte hinterlegen Sie die MPN Ihres Standorts (Profil des \
             Handelspartners)."
                .to_owned()
        }
        ProviderProblem::PartnerAgreementNotSigned => {
            "Das Microsoft Partner Agreement ist für diese MPN nicht akzeptiert. Bitte akzeptieren \
             Sie es im Partner Center."
                .to_owned()
        }
        ProviderProblem::NotIndirectReseller => {
            "Diese MPN ist bei Microsoft nicht als indirekter Reseller registriert. Bitte melden \
             Sie sich im Partner Center als indirekter Reseller an."
                .to_owned()
        }
        ProviderProblem::NoRelationshipWithProvider => {
            "Sie sind bei Microsoft noch nicht mit uns als Distributor verbunden. Bitte nehmen Sie \
             unsere Einladung im Partner Center an."
                .to_owned()
        }
        ProviderProblem::AgreementAlreadyConfirmed => {
            "Microsoft hat die Zustimmung dieses Ansprechpartners bereits erfasst.".to_owned()
        }
        ProviderProblem::CustomerAgreementMissing => {
            "Der Kunde hat die Microsoft-Kundenvereinbarung noch nicht akzeptiert.".to_owned()
        }
        ProviderProblem::QuantityOutOfRange => "Diese Anzahl erlaubt das Angebot nicht.".to_owned(),
        ProviderProblem::CancellationWindowClosed => {
            "Reduzieren oder kündigen ist nur in den ersten 7 Tagen nach Kauf oder Verlängerung \
             möglich. Sie können die Änderung zur Verlängerung vormerken."
                .to_owned()
        }
        ProviderProblem::BelowAssignedLicences => {
            "Beim Kunden sind mehr Lizenzen Benutzern zugewiesen, als übrig blieben. Bitte heben \
             Sie zuerst Zuweisungen im Microsoft 365 Admin Center auf."
                .to_owned()
        }
        ProviderProblem::SubscriptionNotActive => {
            "Das Abonnement ist nicht aktiv und kann nicht geändert werden.".to_owned()
        }
        ProviderProblem::Other { code: Some(code) } => format!(
            "Microsoft lehnt die Anfrage ab (Fehler {code}). Bitte wenden Sie sich mit dieser \
             Nummer an uns."
        ),
        ProviderProblem::Other { code: None } => {
            "Microsoft lehnt die Anfrage ab. Bitte wenden Sie sich an uns.".to_owned()
        }
    },
};

pub const EN: ProviderTexts = ProviderTexts {
    problem: |problem| match problem {
        ProviderProblem::DomainTaken => {
            "This domain is taken at Microsoft already. Please choose another prefix.".to_owned()
        }
        ProviderProblem::NotFound => {
            "Microsoft does not know this customer or subscription (yet).".to_owned()
        }
        ProviderProblem::PartnerIdUnknown => {
            "Microsoft knows no partner with this MPN. Please check the location MPN in the \
             reseller profile in Partner Center."
                .to_owned()
        }
        ProviderProblem::PartnerIdInvalid => {
            "This is not a valid MPN: it consists of digits only.".to_owned()
        }
        ProviderProblem::RegionMismatch => {
            "This MPN belongs to a location in another region. Please enter the MPN of your \
             German location."
                .to_owned()
        }
        ProviderProblem::NotALocation => {
            "This is your global MPN. Please enter your location's MPN (reseller profile)."
                .to_owned()
        }
        ProviderProblem::PartnerAgreementNotSigned => {
            "The Microsoft Partner Agreement is not accepted for this MPN. Please accept it in \
             Partner Center."
                .to_owned()
        }
        ProviderProblem::NotIndirectReseller => {
            "This MPN is not enrolled as indirect reseller at Microsoft. Please enrol in Partner \
             Center."
                .to_owned()
        }
        ProviderProblem::NoRelationshipWithProvider => {
            "You are not linked to us as your distributor at Microsoft yet. Please accept our \
             invitation in Partner Center."
                .to_owned()
        }
        ProviderProblem::AgreementAlreadyConfirmed => {
            "Microsoft has recorded this contact's acceptance already.".to_owned()
        }
        ProviderProblem::CustomerAgreementMissing => {
            "The customer has not accepted the Microsoft Customer Agreement yet.".to_owned()
        }
        ProviderProblem::QuantityOutOfRange => "The offer does not allow this number.".to_owned(),
        ProviderProblem::CancellationWindowClosed => {
            "Reducing or cancelling is only possible within 7 days after purchase or renewal. \
             You can schedule the change for the renewal."
                .to_owned()
        }
        ProviderProblem::BelowAssignedLicences => {
            "The customer has more licences assigned to users than would remain. Please remove \
             assignments in the Microsoft 365 admin center first."
                .to_owned()
        }
        ProviderProblem::SubscriptionNotActive => {
            "The subscription is not active and cannot be changed.".to_owned()
        }
        ProviderProblem::Other { code: Some(code) } => format!(
            "Microsoft refuses the request (error {code}). Please contact us with this number."
        ),
        ProviderProblem::Other { code: None } => {
            "Microsoft refuses the request. Please contact us.".to_owned()
        }
    },
};
