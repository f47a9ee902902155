//! Users and their passwords at login: the accounts table and the login throttle.

pub mod login_throttle;
pub mod users;
