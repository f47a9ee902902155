//! Rate limits and the login throttle count in the database: every process on it sees the
//! same hits, simultaneous hits pass no more than the limit allows, and windows slide.

use crate::support::{on_both_backends, TestApp};
use app::auth::server::login_throttle::{
    self, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, WINDOW,
};
use app::platform::rate_limit::{Limit, LimitError, Limits, MailPurpose};
use app::platform::Database;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

const HOME: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
const ATTACKER: IpAddr = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 7));
const T: i64 = 1_800_000_000_000;

async fn attempt(db: &Database, account: &str, address: IpAddr, now_ms: i64) -> bool {
    match login_throttle::attempt(db, account, address, now_ms).await {
        Ok(_) => true,
        Err(LimitError::TooMany { .. }) => false,
        Err(LimitError::Db(error)) => panic!("the database failed: {error}"),
    }
}

fn wait_of(result: Result<login_throttle::Attempt, LimitError>) -> Duration {
    match result {
        Err(LimitError::TooMany { wait }) => wait,
        other => panic!("expected a block, got {other:?}"),
    }
}

on_both_backends!(
    an_account_is_blocked_after_five_failures_from_one_address_not_from_elsewhere,
    |app: TestApp| async move {
        let db = app.db();
        for i in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(attempt(db, "a@x.de", ATTACKER, T).await, "attempt {i}");
        }
        let blocked = login_throttle::attempt(db, "A@x.de ", ATTACKER, T).await;
        assert_eq!(
            wait_of(blocked),
            WINDOW,
            "the same account, however it is written"
        );
        assert!(attempt(db, "b@x.de", ATTACKER, T).await, "another account");
        assert!(attempt(db, "a@x.de", HOME, T).await, "the owner at home");
    }
);

on_both_backends!(
    the_block_ends_when_the_window_slides_on,
    |app: TestApp| async move {
        let db = app.db();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(attempt(db, "a@x.de", ATTACKER, T).await);
        }
        let window_ms = WINDOW.as_millis() as i64;
        let later = T + window_ms - 10_000;
        let blocked = login_throttle::attempt(db, "a@x.de", ATTACKER, later).await;
        assert_eq!(wait_of(blocked), Duration::from_secs(10));
        assert!(attempt(db, "a@x.de", ATTACKER, T + window_ms).await);
    }
);

on_both_backends!(
    simultaneous_attempts_through_two_processes_pass_no_more_than_the_limit,
    |app: TestApp| async move {
        let second = app.another_process().await;
        let other = second.db();
        let attempts = (0..12).map(|i| {
            let db = if i % 2 == 0 { app.db() } else { other }.clone();
            tokio::spawn(async move { attempt(&db, "a@x.de", ATTACKER, T).await })
        });
        let mut passed = 0;
        for handle in attempts.collect::<Vec<_>>() {
            passed += u32::from(handle.await.unwrap());
        }
        assert_eq!(passed, MAX_FAILURES_PER_ACCOUNT);
        assert!(!attempt(other, "a@x.de", ATTACKER, T + 1).await);
    }
);

on_both_backends!(
    a_success_clears_the_account_and_does_not_count_itself,
    |app: TestApp| async move {
        let db = app.db();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT - 1 {
            assert!(attempt(db, "a@x.de", HOME, T).await);
        }
        let right = login_throttle::attempt(db, "a@x.de", HOME, T + 1)
            .await
            .unwrap();
        login_throttle::succeeded(db, right).await.unwrap();
        for i in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(
                attempt(db, "a@x.de", HOME, T + 2).await,
                "attempt {i} after"
            );
        }
        // Of the address's 30: the four before, the five after; the right one not.
        let left = MAX_FAILURES_PER_ADDRESS - 2 * MAX_FAILURES_PER_ACCOUNT + 1;
        for i in 0..left {
            assert!(
                attempt(db, &format!("u{i}@x.de"), HOME, T + 3).await,
                "spray {i}"
            );
        }
        assert!(
            !attempt(db, "fresh@x.de", HOME, T + 3).await,
            "the address is full"
        );
    }
);

on_both_backends!(
    an_ipv6_client_is_counted_by_its_slash_64,
    |app: TestApp| async move {
        let db = app.db();
        for i in 0..MAX_FAILURES_PER_ACCOUNT as u16 {
            let hopping = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 2, 0, 0, 0, i + 1));
            assert!(attempt(db, "a@x.de", hopping, T).await);
        }
        let same_net = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 2, 0xffff, 0, 0, 99));
        assert!(!attempt(db, "a@x.de", same_net, T).await);
        let next_net = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 3, 0, 0, 0, 1));
        assert!(attempt(db, "a@x.de", next_net, T).await);
    }
);

on_both_backends!(
    a_key_gets_its_quota_per_window_then_waits_for_the_oldest_hit_to_leave,
    |app: TestApp| async move {
        let db = app.db();
        let limit = Limit::new("test", 3, Duration::from_secs(60));
        for i in 0..3 {
            limit.hit(db, "a", T + i * 1000).await.unwrap();
        }
        match limit.hit(db, "a", T + 10_000).await {
            Err(LimitError::TooMany { wait }) => assert_eq!(wait, Duration::from_secs(50)),
            other => panic!("expected a wait, got {other:?}"),
        }
        limit
            .hit(db, "b", T + 10_000)
            .await
            .expect("other keys are free");
        limit
            .hit(db, "a", T + 60_000)
            .await
            .expect("the window slid on past the first hit");
    }
);

on_both_backends!(
    each_mail_purpose_has_its_own_allowance_per_recipient,
    |app: TestApp| async move {
        let db = app.db();
        let limits = Limits::with_signups_per_hour(10);
        let to = "kunde@example.de";
        for _ in 0..3 {
            limits
                .mail_on_request(db, ATTACKER, MailPurpose::PasswordReset, to, T)
                .await
                .unwrap();
        }
        assert!(limits
            .mail_on_request(db, ATTACKER, MailPurpose::PasswordReset, to, T)
            .await
            .is_err());
        // The reseller's agreement mail to the same address still goes.
        let (limit, key) = limits.mail_to(MailPurpose::Agreement, to);
        limit.hit(db, &key, T).await.expect("another purpose");
    }
);
