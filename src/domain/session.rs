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
