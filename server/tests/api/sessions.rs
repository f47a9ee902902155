use crate::support::{on_both_backends, TestApp};
use app::platform::secret_token::SecretToken;
use app::platform::sessions::{self, ABSOLUTE_LIFETIME_SECS, IDLE_TIMEOUT_SECS};
use kontor_domain::Role;

const T0: i64 = 1_800_000_000;

on_both_backends!(
    a_session_resumes_its_user_and_nothing_else,
    |app: TestApp| async move {
        let user_id = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let token = sessions::start(app.db(), user_id, None, T0).await.unwrap();

        let user = sessions::resume(app.db(), &token, T0 + 5)
            .await
            .unwrap()
            .expect("live");
        assert_eq!(user.user_id, user_id);
        assert_eq!(user.role, Role::Admin);
        assert_eq!(user.email.as_str(), "chefin@distributor.example");
        assert_eq!(user.reseller_id, None);

        let forged = SecretToken::generate();
        assert_eq!(
            sessions::resume(app.db(), &forged, T0 + 5).await.unwrap(),
            None
        );
    }
);

on_both_backends!(only_the_digest_is_stored, |app: TestApp| async move {
    let user_id = app
        .create_admin("a@distributor.example", "Fachhandel#2026")
        .await;
    let token = sessions::start(app.db(), user_id, None, T0).await.unwrap();
    let (stored,): (String,) = sqlx::query_as("SELECT id_digest FROM sessions")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(stored, token.digest());
    assert!(!stored.contains(token.expose()));
});

on_both_backends!(logging_in_again_rotates_the_id, |app: TestApp| async move {
    let user_id = app
        .create_admin("a@distributor.example", "Fachhandel#2026")
        .await;
    let planted = sessions::start(app.db(), user_id, None, T0).await.unwrap();
    let fresh = sessions::start(app.db(), user_id, Some(&planted), T0 + 1)
        .await
        .unwrap();
    assert_ne!(fresh, planted);
    assert_eq!(
        sessions::resume(app.db(), &planted, T0 + 2).await.unwrap(),
        None
    );
    assert!(sessions::resume(app.db(), &fresh, T0 + 2)
        .await
        .unwrap()
        .is_some());
});

on_both_backends!(
    an_idle_session_expires_and_is_deleted,
    |app: TestApp| async move {
        let user_id = app
            .create_admin("a@distributor.example", "Fachhandel#2026")
            .await;
        let token = sessions::start(app.db(), user_id, None, T0).await.unwrap();
        let late = T0 + IDLE_TIMEOUT_SECS + 1;
        assert_eq!(
            sessions::resume(app.db(), &token, late).await.unwrap(),
            None
        );
        let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(left, 0);
    }
);

on_both_backends!(
    use_keeps_a_session_alive_until_its_absolute_end,
    |app: TestApp| async move {
        let user_id = app
            .create_admin("a@distributor.example", "Fachhandel#2026")
            .await;
        let token = sessions::start(app.db(), user_id, None, T0).await.unwrap();
        // Active every hour: the idle timeout never strikes…
        let mut now = T0;
        while now + 3600 <= T0 + ABSOLUTE_LIFETIME_SECS {
            now += 3600;
            assert!(
                sessions::resume(app.db(), &token, now)
                    .await
                    .unwrap()
                    .is_some(),
                "at {now}"
            );
        }
        // …but the absolute lifetime does.
        let after = T0 + ABSOLUTE_LIFETIME_SECS + 1;
        assert_eq!(
            sessions::resume(app.db(), &token, after).await.unwrap(),
            None
        );
    }
);

on_both_backends!(
    logout_and_deactivation_end_sessions,
    |app: TestApp| async move {
        let user_id = app
            .create_admin("a@distributor.example", "Fachhandel#2026")
            .await;
        let token = sessions::start(app.db(), user_id, None, T0).await.unwrap();
        sessions::end(app.db(), &token).await.unwrap();
        assert_eq!(
            sessions::resume(app.db(), &token, T0 + 1).await.unwrap(),
            None
        );

        let token = sessions::start(app.db(), user_id, None, T0).await.unwrap();
        sqlx::query("UPDATE users SET deactivated_at = $1 WHERE id = $2")
            .bind(T0 + 1)
            .bind(user_id)
            .execute(app.db().pool())
            .await
            .unwrap();
        assert_eq!(
            sessions::resume(app.db(), &token, T0 + 2).await.unwrap(),
            None
        );
    }
);
