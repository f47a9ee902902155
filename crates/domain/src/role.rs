/// What a user may do. Distributor staff administer the portal; reseller users belong to one
/// reseller company, whose first user is its reseller admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Role {
    Admin,
    ResellerAdmin,
    ResellerStaff,
}

impl Role {
    /// As stored in the `users.role` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::ResellerAdmin => "reseller_admin",
            Role::ResellerStaff => "reseller_staff",
        }
    }

    /// The distributor's own staff, who run the administration.
    pub fn is_distributor_staff(self) -> bool {
        self == Role::Admin
    }

    pub fn parse(stored: &str) -> Option<Role> {
        [Role::Admin, Role::ResellerAdmin, Role::ResellerStaff]
            .into_iter()
            .find(|role| role.as_str() == stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_names() {
        for role in [Role::Admin, Role::ResellerAdmin, Role::ResellerStaff] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
