//! Supplier profiles, one per supplier account, read and written by their own user only.

use serde_json::json;

use super::ops;
use crate::domain::OpId;
use crate::domain::profile::ProfileInput;
use crate::domain::profile::SupplierProfile;
use crate::server::db::{Db, DbError};

pub async fn of_user(db: &Db, user_id: &str) -> Result<Option<SupplierProfile>, DbError> {
    let mut rows = db
        .query(
            "SELECT * OMIT id, user FROM supplier_profile WHERE user = type::record('user', $user_id) LIMIT 1",
            json!({ "user_id": user_id }),
        )
        .await?;
    rows.first(0)
}

/// Replaces the editable part of the caller's profile (rating and verification stay).
pub async fn save(
    db: &Db,
    op: &OpId,
    user_id: &str,
    profile: &ProfileInput,
) -> Result<(), DbError> {
    let body = "
        LET $updated = UPDATE supplier_profile MERGE $profile WHERE user = type::record('user', $user_id);
        IF !$updated[0] { THROW 'not_found' };
        UPDATE $updated[0].id SET listed = $listed;
        LET $result = NONE;";
    // Whether the marketplace shows it: the one rule, kept with the profile for the search.
    let listed = crate::domain::marketplace::is_listed(profile);
    let vars = json!({ "user_id": user_id, "profile": profile, "listed": listed });
    ops::run_once(db, user_id, op, body, vars).await
}
