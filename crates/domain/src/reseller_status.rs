/// Where a reseller account stands after its signup: `unconfirmed` (email not confirmed yet),
/// then `active` when its customer number matched, else `awaiting_approval` until the
/// distributor decides (`active` or `rejected`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ResellerStatus {
    Unconfirmed,
    AwaitingApproval,
    Active,
    Rejected,
}

impl ResellerStatus {
    pub const ALL: [ResellerStatus; 4] = [
        ResellerStatus::Unconfirmed,
        ResellerStatus::AwaitingApproval,
        ResellerStatus::Active,
        ResellerStatus::Rejected,
    ];

    /// As stored in `resellers.status` and written in links.
    pub fn as_str(self) -> &'static str {
        match self {
            ResellerStatus::Unconfirmed => "unconfirmed",
            ResellerStatus::AwaitingApproval => "awaiting_approval",
            ResellerStatus::Active => "active",
            ResellerStatus::Rejected => "rejected",
        }
    }

    pub fn parse(stored: &str) -> Option<ResellerStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == stored)
    }
}

/// What the administration shows and filters by: the signup's status, unless the distributor
/// locked the account (a lock outranks any status and keeps it for the unlock).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ResellerStanding {
    Status(ResellerStatus),
    Locked,
}

impl ResellerStanding {
    pub const ALL: [ResellerStanding; 5] = [
        ResellerStanding::Status(ResellerStatus::Unconfirmed),
        ResellerStanding::Status(ResellerStatus::AwaitingApproval),
        ResellerStanding::Status(ResellerStatus::Active),
        ResellerStanding::Status(ResellerStatus::Rejected),
        ResellerStanding::Locked,
    ];

    pub fn of(status: ResellerStatus, locked: bool) -> ResellerStanding {
        if locked {
            ResellerStanding::Locked
        } else {
            ResellerStanding::Status(status)
        }
    }

    /// The value of the list's `status` filter.
    pub fn as_str(self) -> &'static str {
        match self {
            ResellerStanding::Status(status) => status.as_str(),
            ResellerStanding::Locked => "locked",
        }
    }

    pub fn parse(value: &str) -> Option<ResellerStanding> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standings_round_trip_through_their_names() {
        for standing in ResellerStanding::ALL {
            assert_eq!(ResellerStanding::parse(standing.as_str()), Some(standing));
        }
        assert_eq!(ResellerStanding::parse("deleted"), None);
        assert_eq!(ResellerStatus::parse("locked"), None);
    }

    #[test]
    fn a_lock_outranks_the_status() {
        assert_eq!(
            ResellerStanding::of(ResellerStatus::Active, true),
            ResellerStanding::Locked
        );
        assert_eq!(
            ResellerStanding::of(ResellerStatus::Active, false),
            ResellerStanding::Status(ResellerStatus::Active)
        );
    }
}
