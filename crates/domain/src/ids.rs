//! The ids of what Kontor stores, one type each: a customer's id cannot be passed where a
//! reseller's is asked for, and a swapped pair of arguments does not compile. On the wire and
//! in the database they are plain integers.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! record_id {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "server", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        /// From an address's path or query (`/customers/42`).
        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map($name)
            }
        }
    )*};
}

record_id! {
    /// A reseller company (`resellers.id`).
    ResellerId;
    /// A reseller's end-customer (`customers.id`).
    CustomerId;
    /// A person who logs in, staff or reseller (`users.id`).
    UserId;
    /// A binding order (`orders.id`).
    OrderId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_travel_as_plain_numbers() {
        assert_eq!(serde_json::to_string(&CustomerId(42)).unwrap(), "42");
        assert_eq!(
            serde_json::from_str::<ResellerId>("7").unwrap(),
            ResellerId(7)
        );
        assert_eq!(OrderId(3).to_string(), "3");
        assert_eq!("12".parse::<UserId>(), Ok(UserId(12)));
        assert!("12a".parse::<UserId>().is_err());
    }
}
