//! Old sessions, links, delivered mails, unconfirmed signups and limit hits are deleted.

use crate::support::{on_both_backends, TestApp};
use crate::tenants::count;
use app::platform::unix_now;
use kontor::housekeeping_worker::{purge, PurgeReport, KEEP_SECS};

on_both_backends!(
    what_nobody_needs_any_more_is_deleted_and_nothing_else,
    |app: TestApp| async move {
        let now = unix_now();
        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        // Two sessions; all but one are then made a month old.
        app.session_cookie(admin).await;
        app.session_cookie(admin).await;
        let long_ago = now - KEEP_SECS - 1;
        sqlx::query(
            "UPDATE sessions SET created_at = $1, last_seen_at = $1 WHERE id_digest <> ( \
                     SELECT MIN(id_digest) FROM sessions)",
        )
        .bind(long_ago)
        .execute(app.db().pool())
        .await
        .unwrap();
        for (digest, expires, used) in [("old", long_ago, Some(long_ago)), ("open", now + 60, None)]
        {
            sqlx::query(
                "INSERT INTO email_tokens (digest, purpose, subject_id, created_at, expires_at, \
                 used_at) VALUES ($1, 'reset_password', $2, $3, $4, $5)",
            )
            .bind(digest)
            .bind(admin)
            .bind(long_ago)
            .bind(expires)
            .bind(used)
            .execute(app.db().pool())
            .await
            .unwrap();
        }
        for (sent, failed) in [
            (Some(long_ago), None),
            (None, Some(long_ago)),
            (Some(now), None),
        ] {
            sqlx::query(
                "INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, \
                 next_attempt_at, sent_at, failed_at) VALUES ('a@b.de', 's', 't', 'h', $1, $1, $2, $3)",
            )
            .bind(long_ago)
            .bind(sent)
            .bind(failed)
            .execute(app.db().pool())
            .await
            .unwrap();
        }
        sqlx::query(
            "INSERT INTO resellers (company_name, created_at, status) VALUES \
             ('Nie bestätigt GmbH', $1, 'unconfirmed'), ('Frisch GmbH', $2, 'unconfirmed')",
        )
        .bind(now - 49 * 60 * 60)
        .bind(now)
        .execute(app.db().pool())
        .await
        .unwrap();

        // A login throttle's hit from two hours ago counts nowhere; one from now does.
        for at_s in [now - 2 * 60 * 60, now] {
            sqlx::query("INSERT INTO limit_hits (bucket, at_ms) VALUES ('b', $1)")
                .bind(at_s * 1000)
                .execute(app.db().pool())
                .await
                .unwrap();
        }

        let report = purge(app.db(), now).await.unwrap();
        assert_eq!(
            report,
            PurgeReport {
                sessions: 1,
                links: 1,
                mails: 1,
                signups: 1,
                renewals: 0,
                limit_hits: 1,
            }
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM sessions").await, 1);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM email_tokens").await, 1);
        // The mail given up stays for the administration; today's stays too.
        assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 2);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM limit_hits").await, 1);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM resellers WHERE company_name = 'Frisch GmbH'"
            )
            .await,
            1
        );
        assert_eq!(purge(app.db(), now).await.unwrap(), PurgeReport::default());
    }
);
