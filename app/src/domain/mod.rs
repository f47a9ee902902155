//! The rules, shared by browser and server: types that can only hold valid values. No I/O.

mod email;
mod password;
mod role;

pub use email::{EmailAddress, EmailError};
pub use password::{Password, PasswordRule};
pub use role::Role;
