//! Who is signed in, as the pages see it.

use serde::{Deserialize, Serialize};

use super::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The shop being worked on (shopkeepers) or the company name (suppliers).
    pub workspace_name: String,
    /// The id of the shop being worked on (shopkeepers; empty for suppliers): the phone keeps
    /// one replica per user and shop.
    #[serde(default)]
    pub shop_id: String,
    /// When the session ends (seconds since 1970; 0 when unknown). The page keeps it, so an app
    /// opened offline knows whether its session is still usable (A7).
    #[serde(default)]
    pub expires_at: i64,
}

impl Session {
    /// Whether the session has ended at `now` (seconds since 1970).
    pub fn has_ended(&self, now: i64) -> bool {
        self.expires_at > 0 && now >= self.expires_at
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RegisterInput {
    pub role: Option<Role>,
    pub name: String,
    pub email: String,
    pub password: String,
    /// Shop name for a shopkeeper, company name for a supplier.
    pub workspace_name: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_ends_at_its_expiry_and_an_unknown_one_never_does() {
        let mut session = Session {
            user_id: "u".into(),
            name: "Awa".into(),
            email: "awa@example.sn".into(),
            role: Role::Shopkeeper,
            workspace_name: "Boutique Awa".into(),
            shop_id: "s".into(),
            expires_at: 1_000,
        };
        assert!(!session.has_ended(999));
        assert!(session.has_ended(1_000));
        session.expires_at = 0;
        assert!(!session.has_ended(i64::MAX));
    }
}
