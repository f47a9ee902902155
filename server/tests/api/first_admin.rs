use crate::support::{on_both_backends, TestApp};
use app::auth::server::users;
use app::platform::passwords;
use kontor::config::{AdminSettings, Secret};
use kontor::first_admin::{ensure, FirstAdminError};
use kontor_domain::{EmailAddress, PasswordRule};

fn settings(email: &str, password: Option<&str>) -> AdminSettings {
    AdminSettings {
        email: email.to_owned(),
        password: password.map(|p| Secret(p.to_owned())),
    }
}

on_both_backends!(
    the_first_start_creates_the_configured_admin_once,
    |app: TestApp| async move {
        ensure(
            app.db(),
            &settings(" Chefin@Distributor.example ", Some("Fachhandel#2026")),
            1,
        )
        .await
        .unwrap();
        let email = EmailAddress::parse("chefin@distributor.example").unwrap();
        let admin = users::find_by_email(app.db().pool(), &email)
            .await
            .unwrap()
            .expect("the admin");
        assert_eq!(admin.role, kontor_domain::Role::Admin);
        assert!(passwords::verify(Some(admin.password_hash.clone()), "Fachhandel#2026").await);

        // A later start changes nothing, whatever the settings say now.
        ensure(
            app.db(),
            &settings("other@distributor.example", Some("Winter2026!")),
            2,
        )
        .await
        .unwrap();
        assert_eq!(users::count(app.db()).await.unwrap(), 1);
        let admin = users::find_by_email(app.db().pool(), &email)
            .await
            .unwrap()
            .unwrap();
        assert!(passwords::verify(Some(admin.password_hash), "Fachhandel#2026").await);
    }
);

on_both_backends!(
    without_a_password_one_is_generated,
    |app: TestApp| async move {
        ensure(app.db(), &settings("admin@kontor.example", None), 1)
            .await
            .unwrap();
        let email = EmailAddress::parse("admin@kontor.example").unwrap();
        let admin = users::find_by_email(app.db().pool(), &email)
            .await
            .unwrap()
            .expect("the admin");
        assert!(admin.password_hash.as_str().starts_with("$argon2id$"));
    }
);

on_both_backends!(
    a_weak_configured_password_creates_nobody,
    |app: TestApp| async move {
        let error = ensure(
            app.db(),
            &settings("admin@kontor.example", Some("admin")),
            1,
        )
        .await
        .unwrap_err();
        match error {
            FirstAdminError::Password(missed) => assert!(missed.contains(&PasswordRule::MinLength)),
            other => panic!("expected a password error, got {other}"),
        }
        let error = ensure(
            app.db(),
            &settings("not-an-email", Some("Fachhandel#2026")),
            1,
        )
        .await
        .unwrap_err();
        assert!(matches!(error, FirstAdminError::Email(_)), "{error}");
        assert_eq!(users::count(app.db()).await.unwrap(), 0);
    }
);

on_both_backends!(
    the_database_holds_roles_to_their_rules,
    |app: TestApp| async move {
        // An admin belongs to no reseller, a reseller user to one: the schema refuses the rest.
        let no_reseller = sqlx::query(
        "INSERT INTO users (email, password_hash, role, created_at) VALUES ('r@x.de', 'h', 'reseller_admin', 1)",
    )
    .execute(app.db().pool())
    .await;
        assert!(no_reseller.is_err());
        let unknown_role = sqlx::query(
        "INSERT INTO users (email, password_hash, role, created_at) VALUES ('u@x.de', 'h', 'root', 1)",
    )
    .execute(app.db().pool())
    .await;
        assert!(unknown_role.is_err());
    }
);
