//! Supplier profiles, one per supplier account.

use serde_json::json;

use crate::api::supplier_profile::SupplierProfile;
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
