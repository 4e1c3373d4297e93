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
}
