use crate::support::{on_both_backends, TestApp};

on_both_backends!(
    switching_remembers_the_choice_and_goes_back,
    |app: TestApp| async move {
        let response = app
            .post_form("/language", "lang=en&next=%2Fsome%2Fpage%3Fq%3D1")
            .await;
        assert_eq!(response.status, 303);
        assert_eq!(response.header("location"), Some("/some/page?q=1"));
        let cookie = response.header("set-cookie").expect("a cookie");
        assert!(cookie.starts_with("kontor_lang=en;"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    }
);

on_both_backends!(
    the_switch_never_sends_users_to_another_site,
    |app: TestApp| async move {
        for next in [
            "https%3A%2F%2Fevil.example%2F",
            "%2F%2Fevil.example",
            "%2F%5Cevil.example",
        ] {
            let response = app
                .post_form("/language", format!("lang=de&next={next}"))
                .await;
            assert_eq!(response.status, 303);
            assert_eq!(response.header("location"), Some("/"), "next={next}");
        }
    }
);

on_both_backends!(
    an_unknown_language_is_a_clear_translated_400,
    |app: TestApp| async move {
        let response = app.post_form("/language", "lang=fr&next=%2F").await;
        assert_eq!(response.status, 400);
        response.assert_contains("Die Anfrage konnte nicht gelesen werden");
        assert!(response.header("set-cookie").is_none());
    }
);

on_both_backends!(a_malformed_form_is_a_clear_4xx, |app: TestApp| async move {
    let response = app.post_form("/language", "%%%&&=").await;
    assert!(response.status.is_client_error(), "{}", response.status);
    response.assert_contains("Die Anfrage konnte nicht gelesen werden");
});
