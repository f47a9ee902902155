use crate::smtp::{free_port, SmtpServer};
use crate::support::{on_both_backends, TestApp};
use app::i18n::Locale;
use app::platform::mail::outbox::{
    backoff_secs, deliver_due, enqueue, DeliveryReport, MAX_ATTEMPTS,
};
use app::platform::mail::{Letter, MailTransport};
use kontor_domain::EmailAddress;

const T0: i64 = 1_800_000_000;
const FROM: &str = "Kontor <noreply@kontor.example>";

fn welcome() -> app::platform::mail::OutgoingMail {
    Letter::new(Locale::De, "Willkommen bei Kontor")
        .paragraph("Ihr Zugang ist eingerichtet.")
        .action("Jetzt anmelden", "http://127.0.0.1:3000/login")
        .to(EmailAddress::parse("haendler@firma.example").unwrap())
}

async fn write(app: &TestApp) {
    let mut tx = app.db().begin().await.unwrap();
    enqueue(&mut tx, &welcome(), T0).await.unwrap();
    tx.commit().await.unwrap();
}

async fn column(app: &TestApp, sql: &str) -> Option<i64> {
    let (value,): (Option<i64>,) = sqlx::query_as(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    value
}

on_both_backends!(
    a_mail_written_while_smtp_is_down_arrives_once_it_is_back,
    |app: TestApp| async move {
        let port = free_port();
        let smtp = MailTransport::smtp(&format!("smtp://127.0.0.1:{port}"), FROM).unwrap();
        write(&app).await;

        // The server is down: the attempt fails and the mail waits.
        let report = deliver_due(app.db(), &smtp, T0).await.unwrap();
        assert_eq!(
            report,
            DeliveryReport {
                sent: 0,
                retrying: 1,
                given_up: 0
            }
        );
        assert_eq!(column(&app, "SELECT attempts FROM outbox").await, Some(1));

        let server = SmtpServer::start(port);
        // Not yet due: the pause after a failure is respected.
        let report = deliver_due(app.db(), &smtp, T0 + 1).await.unwrap();
        assert_eq!(report, DeliveryReport::default());
        assert!(server.received().is_empty());

        let due = T0 + backoff_secs(1);
        let report = deliver_due(app.db(), &smtp, due).await.unwrap();
        assert_eq!(report.sent, 1);
        // Later passes send nothing again: exactly once.
        deliver_due(app.db(), &smtp, due + 3600).await.unwrap();
        let received = server.received();
        assert_eq!(received.len(), 1);
        assert_eq!(received[0].to, vec!["haendler@firma.example"]);
        let data = &received[0].data;
        assert!(data.contains("Subject: Willkommen bei Kontor"), "{data}");
        assert!(
            data.contains("text/plain") && data.contains("text/html"),
            "{data}"
        );
        assert!(data.contains("http://127.0.0.1:3000/login"), "{data}");
        assert_eq!(column(&app, "SELECT sent_at FROM outbox").await, Some(due));
    }
);

on_both_backends!(
    a_mail_is_part_of_the_transaction_that_causes_it,
    |app: TestApp| async move {
        let mut tx = app.db().begin().await.unwrap();
        enqueue(&mut tx, &welcome(), T0).await.unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(column(&app, "SELECT COUNT(*) FROM outbox").await, Some(0));

        write(&app).await;
        assert_eq!(column(&app, "SELECT COUNT(*) FROM outbox").await, Some(1));
    }
);

on_both_backends!(
    after_the_last_attempt_a_mail_is_given_up_and_kept,
    |app: TestApp| async move {
        let smtp = MailTransport::smtp(&format!("smtp://127.0.0.1:{}", free_port()), FROM).unwrap();
        write(&app).await;
        sqlx::query("UPDATE outbox SET attempts = $1")
            .bind(MAX_ATTEMPTS - 1)
            .execute(app.db().pool())
            .await
            .unwrap();
        let report = deliver_due(app.db(), &smtp, T0).await.unwrap();
        assert_eq!(report.given_up, 1);
        assert_eq!(column(&app, "SELECT failed_at FROM outbox").await, Some(T0));
        // A given-up mail is not tried again.
        let later = deliver_due(app.db(), &smtp, T0 + 30 * 86_400)
            .await
            .unwrap();
        assert_eq!(later, DeliveryReport::default());
    }
);

on_both_backends!(
    without_smtp_mails_are_saved_as_files,
    |app: TestApp| async move {
        let folder = tempfile::tempdir().unwrap();
        let files = MailTransport::folder(folder.path().join("mail"), FROM).unwrap();
        write(&app).await;
        assert_eq!(deliver_due(app.db(), &files, T0).await.unwrap().sent, 1);
        let saved: Vec<_> = std::fs::read_dir(folder.path().join("mail"))
            .unwrap()
            .collect();
        assert_eq!(saved.len(), 1);
        let eml = std::fs::read_to_string(saved[0].as_ref().unwrap().path()).unwrap();
        assert!(eml.contains("Subject: Willkommen bei Kontor"), "{eml}");
        assert!(eml.contains("To: haendler@firma.example"), "{eml}");
    }
);

on_both_backends!(
    the_worker_delivers_in_the_background_and_stops_on_shutdown,
    |app: TestApp| async move {
        let port = free_port();
        let server = SmtpServer::start(port);
        let smtp = MailTransport::smtp(&format!("smtp://127.0.0.1:{port}"), FROM).unwrap();
        let (stop, stopping) = tokio::sync::watch::channel(false);
        let worker = tokio::spawn(kontor::mail_worker::run(
            app.db().clone(),
            smtp,
            kontor::background::WorkerHealth::default()
                .register("mail", std::time::Duration::from_secs(60)),
            stopping,
        ));

        let mut tx = app.db().begin().await.unwrap();
        enqueue(&mut tx, &welcome(), app::platform::unix_now())
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while server.received().is_empty() && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(server.received().len(), 1, "delivered within the deadline");

        stop.send(true).unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(5), worker)
            .await
            .expect("the worker stops when told")
            .unwrap();
    }
);

on_both_backends!(
    a_claim_made_late_in_a_long_pass_still_keeps_other_instances_away,
    |app: TestApp| async move {
        write(&app).await;
        let id = column(&app, "SELECT MAX(id) FROM outbox").await.unwrap();
        // This instance's pass began ten minutes ago (slow deliveries before this mail).
        let now = app::platform::unix_now();
        assert!(app::platform::mail::outbox::claim(app.db(), id, now - 600)
            .await
            .unwrap());
        // Another instance, now: the claim runs from when it was made, so it holds.
        assert!(!app::platform::mail::outbox::claim(app.db(), id, now)
            .await
            .unwrap());
    }
);
