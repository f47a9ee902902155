use crate::support::{on_both_backends, TestApp};
use app::platform::email_tokens::{check, issue, redeem, TokenError, TokenPurpose};
use app::platform::secret_token::SecretToken;

const T0: i64 = 1_800_000_000;
const SUBJECT: i64 = 42;

on_both_backends!(a_token_works_exactly_once, |app: TestApp| async move {
    let mut conn = app.db().pool().acquire().await.unwrap();
    let token = issue(&mut conn, TokenPurpose::ConfirmSignup, SUBJECT, T0)
        .await
        .unwrap();
    let link = token.expose();

    // Looking at the landing page uses nothing up.
    assert_eq!(
        check(&mut conn, TokenPurpose::ConfirmSignup, link, T0 + 1)
            .await
            .unwrap(),
        SUBJECT
    );
    assert_eq!(
        check(&mut conn, TokenPurpose::ConfirmSignup, link, T0 + 1)
            .await
            .unwrap(),
        SUBJECT
    );

    assert_eq!(
        redeem(&mut conn, TokenPurpose::ConfirmSignup, link, T0 + 2)
            .await
            .unwrap(),
        SUBJECT
    );
    let again = redeem(&mut conn, TokenPurpose::ConfirmSignup, link, T0 + 3).await;
    assert!(matches!(again, Err(TokenError::Used)), "{again:?}");
});

on_both_backends!(a_token_expires, |app: TestApp| async move {
    let mut conn = app.db().pool().acquire().await.unwrap();
    let purpose = TokenPurpose::ResetPassword;
    let token = issue(&mut conn, purpose, SUBJECT, T0).await.unwrap();
    let end = T0 + purpose.validity_secs();
    assert!(check(&mut conn, purpose, token.expose(), end - 1)
        .await
        .is_ok());
    let late = redeem(&mut conn, purpose, token.expose(), end).await;
    assert!(matches!(late, Err(TokenError::Expired)), "{late:?}");
});

on_both_backends!(
    a_token_serves_only_its_own_purpose,
    |app: TestApp| async move {
        let mut conn = app.db().pool().acquire().await.unwrap();
        let token = issue(&mut conn, TokenPurpose::ConfirmSignup, SUBJECT, T0)
            .await
            .unwrap();
        let wrong = redeem(
            &mut conn,
            TokenPurpose::ResetPassword,
            token.expose(),
            T0 + 1,
        )
        .await;
        assert!(matches!(wrong, Err(TokenError::Unknown)), "{wrong:?}");
        // …and was not used up by the attempt.
        assert!(redeem(
            &mut conn,
            TokenPurpose::ConfirmSignup,
            token.expose(),
            T0 + 1
        )
        .await
        .is_ok());
    }
);

on_both_backends!(
    forged_and_malformed_tokens_are_unknown,
    |app: TestApp| async move {
        let mut conn = app.db().pool().acquire().await.unwrap();
        issue(&mut conn, TokenPurpose::ConfirmSignup, SUBJECT, T0)
            .await
            .unwrap();
        let forged = SecretToken::generate();
        for presented in [forged.expose(), "", "abc", "' OR 1=1 --"] {
            let result = redeem(&mut conn, TokenPurpose::ConfirmSignup, presented, T0 + 1).await;
            assert!(
                matches!(result, Err(TokenError::Unknown)),
                "{presented:?}: {result:?}"
            );
        }
    }
);

on_both_backends!(
    a_new_link_supersedes_the_older_one,
    |app: TestApp| async move {
        let mut conn = app.db().pool().acquire().await.unwrap();
        let purpose = TokenPurpose::AcceptAgreement;
        let older = issue(&mut conn, purpose, SUBJECT, T0).await.unwrap();
        let other_subject = issue(&mut conn, purpose, SUBJECT + 1, T0).await.unwrap();
        let newer = issue(&mut conn, purpose, SUBJECT, T0 + 10).await.unwrap();

        let result = redeem(&mut conn, purpose, older.expose(), T0 + 11).await;
        assert!(matches!(result, Err(TokenError::Superseded)), "{result:?}");
        assert_eq!(
            redeem(&mut conn, purpose, newer.expose(), T0 + 11)
                .await
                .unwrap(),
            SUBJECT
        );
        // Another record's link is untouched.
        assert_eq!(
            redeem(&mut conn, purpose, other_subject.expose(), T0 + 11)
                .await
                .unwrap(),
            SUBJECT + 1
        );
    }
);

on_both_backends!(only_the_digest_is_stored, |app: TestApp| async move {
    let mut conn = app.db().pool().acquire().await.unwrap();
    let token = issue(&mut conn, TokenPurpose::ConfirmSignup, SUBJECT, T0)
        .await
        .unwrap();
    let (stored,): (String,) = sqlx::query_as("SELECT digest FROM email_tokens")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(stored, token.digest());
});

on_both_backends!(
    simultaneous_redeems_succeed_exactly_once,
    |app: TestApp| async move {
        let token = {
            let mut conn = app.db().pool().acquire().await.unwrap();
            issue(&mut conn, TokenPurpose::ConfirmSignup, SUBJECT, T0)
                .await
                .unwrap()
        };
        let attempts = (0..20).map(|_| {
            let pool = app.db().pool().clone();
            let link = token.expose().to_owned();
            tokio::spawn(async move {
                let mut conn = pool.acquire().await.unwrap();
                redeem(&mut conn, TokenPurpose::ConfirmSignup, &link, T0 + 1).await
            })
        });
        let mut successes = 0;
        for attempt in attempts.collect::<Vec<_>>() {
            match attempt.await.unwrap() {
                Ok(subject) => {
                    assert_eq!(subject, SUBJECT);
                    successes += 1;
                }
                Err(TokenError::Used) => {}
                Err(other) => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(successes, 1);
    }
);
